/**
 * One pass over a text that tells which of several literal sets occur in it: the shared pre-scan in
 * front of the detectors that declare `literals` (see `Detector.literals`). A regex alternation of
 * a few hundred literals costs V8 a try of every alternative at every position (the secrets and
 * endpoints pre-checks were a third of a whole scan); this scan looks at each character once.
 *
 * How: every literal is anchored at its rarest three-character window. While scanning, the last
 * three characters, folded to their low 6 bits, index a table of 2^18 entries whose value says
 * which sets have an anchor there. Only on a table hit are that window's literals compared in full
 * (`startsWith`), so the answer is exact: a set is reported iff one of its literals is a substring.
 * Folding only adds candidates (two characters with the same low bits), never loses one.
 */

import { COMMON_TRIGRAMS, TRIGRAM_ALPHABET } from './trigrams.ts';

/** Low bits kept per character: apart for ASCII letters, digits and most punctuation. */
export const CHAR_BITS = 6;
const CHAR_MASK = (1 << CHAR_BITS) - 1;
/** Characters per anchor window. */
export const WINDOW = 3;
export const INDEX_MASK = (1 << (CHAR_BITS * WINDOW)) - 1;
/** Shortest literal the gate takes: one anchor window. */
export const MIN_LITERAL_LENGTH = WINDOW;
/** Sets one gate can tell apart (bits of the table's entries). */
export const MAX_LITERAL_SETS = 16;

/** The literal-set search compiled once for a detector set. */
export interface LiteralGate {
  /** Number of sets compiled. */
  readonly size: number;
  /**
   * Bit `i` is set when set `i` has a literal in `text`. Only the sets in `wanted` are looked for,
   * and the scan stops as soon as all of them are found.
   */
  scan(text: string, wanted: number): number;
}

interface Anchored {
  readonly literal: string;
  /** Where the anchor window starts in the literal. */
  readonly offset: number;
  readonly mask: number;
}

/**
 * Rough relative frequency of characters in source code and prose (English letter frequencies,
 * whitespace and punctuation guessed from code): the anchor is the window least likely to occur
 * by chance, so the table is hit as rarely as possible. Only speed depends on this, never results.
 */
const FREQUENCY: Readonly<Record<string, number>> = {
  ' ': 15, e: 12, t: 9, a: 8, o: 8, i: 7, n: 7, s: 6, r: 6, h: 6, '\n': 4, l: 4, d: 4, c: 3, u: 3, '.': 3, '"': 3, "'": 3,
  m: 2.5, f: 2, p: 2, g: 2, w: 2, y: 2, _: 2, '-': 2, '(': 2, ')': 2, ',': 2, ';': 2, '=': 2, b: 1.5, ':': 1.5, '/': 1.5,
  v: 1, k: 0.8, x: 0.2, j: 0.15, q: 0.1, z: 0.1,
};

function frequency(c: string): number {
  return FREQUENCY[c] ?? (/[A-Z0-9]/.test(c) ? 1 : 0.5);
}

/**
 * How often the table sees each folded character: the scan keeps only the low 6 bits, so `3` is
 * read as `s`, `-` as `m` and `(` as `h`. An anchor is as rare as the characters its window folds
 * with (`phi3` anchored on `hi3` was hit at every `this`).
 */
const FOLDED: readonly number[] = (() => {
  const out = new Array<number>(1 << CHAR_BITS).fill(0);
  out[0x0a & CHAR_MASK] = (out[0x0a & CHAR_MASK] as number) + frequency('\n');
  for (let code = 0x20; code < 0x7f; code++) out[code & CHAR_MASK] = (out[code & CHAR_MASK] as number) + frequency(String.fromCharCode(code));
  return out;
})();

function logFrequency(c: string): number {
  return Math.log(FOLDED[c.charCodeAt(0) & CHAR_MASK] || frequency(c));
}

/** Commonness of each folded window in COMMON_TRIGRAMS: the most common scores the list's length, unlisted ones 0. */
const COMMONNESS: ReadonlyMap<number, number> = (() => {
  const out = new Map<number, number>();
  const count = COMMON_TRIGRAMS.length / WINDOW;
  for (let k = 0; k < count; k++) {
    let x = 0;
    for (let j = 0; j < WINDOW; j++) x = (x << CHAR_BITS) | TRIGRAM_ALPHABET.indexOf(COMMON_TRIGRAMS[k * WINDOW + j] as string);
    out.set(x, count - k);
  }
  return out;
})();

/**
 * Start of the literal's rarest window: the one least common in real code as the scan folds it
 * (`trigrams.ts`), then, among windows that list does not hold, the one of rarest characters
 * (taken as independent). Against character frequencies alone, table hits fell from 1.9 to 0.7
 * million on 13,054 files (105 MB) of 13 repositories the list was not made from, and the byte
 * gate's calls from 2.15 to 0.79 million on the bench tree (about 0.08 s of a scan).
 */
export function anchorOffset(literal: string): number {
  let best = 0;
  let bestCommon = Infinity;
  let bestScore = Infinity;
  for (let k = 0; k + WINDOW <= literal.length; k++) {
    const common = COMMONNESS.get(windowIndex(literal, k)) ?? 0;
    let score = 0;
    for (let j = 0; j < WINDOW; j++) score += logFrequency(literal[k + j] as string);
    if (common < bestCommon || (common === bestCommon && score < bestScore)) {
      bestCommon = common;
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** The table index of the window starting at `at`, as the rolling scan computes it. */
function windowIndex(text: string, at: number): number {
  let x = 0;
  for (let j = 0; j < WINDOW; j++) x = ((x << CHAR_BITS) | (text.charCodeAt(at + j) & CHAR_MASK)) & INDEX_MASK;
  return x;
}

/**
 * Compiles literal sets (set `i` answers as bit `i`). Every literal must be at least three
 * characters long: shorter ones would make the table hit on almost every position.
 */
export function compileLiteralGate(sets: readonly (readonly string[])[]): LiteralGate {
  if (sets.length > MAX_LITERAL_SETS) throw new Error(`a literal gate holds at most ${MAX_LITERAL_SETS} sets, got ${sets.length}`);
  const table = new Uint16Array(INDEX_MASK + 1);
  const buckets = new Map<number, Anchored[]>();
  sets.forEach((literals, i) => {
    for (const literal of new Set(literals)) {
      if (literal.length < WINDOW) throw new Error(`gate literal "${literal}" is shorter than ${WINDOW} characters`);
      const offset = anchorOffset(literal);
      const index = windowIndex(literal, offset);
      table[index] = (table[index] ?? 0) | (1 << i);
      const bucket = buckets.get(index) ?? [];
      bucket.push({ literal, offset, mask: 1 << i });
      buckets.set(index, bucket);
    }
  });
  return { size: sets.length, scan: (text, wanted) => scanText(text, wanted, table, buckets) };
}

function scanText(text: string, wanted: number, table: Uint16Array, buckets: ReadonlyMap<number, readonly Anchored[]>): number {
  let pending = wanted;
  let x = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    x = ((x << CHAR_BITS) | (text.charCodeAt(i) & CHAR_MASK)) & INDEX_MASK;
    if (((table[x] as number) & pending) === 0) continue;
    // A window ends at i; each literal anchored on it would start `offset` before the window.
    for (const a of buckets.get(x) as readonly Anchored[]) {
      if ((a.mask & pending) !== 0 && text.startsWith(a.literal, i - (WINDOW - 1) - a.offset)) pending &= ~a.mask;
    }
    if (pending === 0) break;
  }
  return wanted & ~pending;
}
