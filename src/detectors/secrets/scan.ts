/**
 * Finds AI API keys in one text. Two passes, both linear:
 *  1. tokens starting with a catalog prefix (`sk-`, `hf_`, `AIza`, ...), found by one regex whose
 *     body is a single character class (nothing to backtrack into);
 *  2. prefix-less formats (Cohere, Mistral, Azure OpenAI), looked for only on lines at most two
 *     below a context word.
 * Each token is then matched whole against the catalog shapes, checked for context and for
 * placeholder-ness (`plausible.ts`). Work is bounded by candidate and hit caps.
 */
import { literalsOf } from '../shared/regex-literals.ts';
import { assignedName } from './assignment.ts';
import { BARE_CONTEXT, BARE_CONTEXT_CASED, GENERIC_KEY_NAMES, KEY_PREFIXES, KEY_RULES, KEY_WORDS, type KeyRule } from './catalog.ts';
import type { FileKind } from './files.ts';
import { Lines } from './lines.ts';
import { implausible } from './plausible.ts';

export interface KeyHit {
  readonly rule: KeyRule;
  readonly value: string;
  /** 1-based line. */
  readonly line: number;
  /** 0-based column in the line. */
  readonly column: number;
  /** The name the key is assigned to on its line, when it is. */
  readonly envName?: string;
}

export interface KeyScan {
  readonly hits: KeyHit[];
  /** Set when a cap stopped the search: why. */
  readonly limited?: string;
}

/** Key-shaped tokens examined per text before giving up (a minified file full of `sk-` fragments). */
export const MAX_CANDIDATES = 20_000;
/** Keys reported per text. */
export const MAX_HITS = 500;
/** Tokens longer than this are not keys (base64 blobs, minified identifiers). */
const MAX_TOKEN = 300;
/** Characters either side of a key searched for context words. */
const CONTEXT_REACH = 120;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A key character not preceded by a backslash (so `\nsk-...` in JSON text still starts a token). */
const NOT_AFTER_KEY_CHAR = '(?<!(?<!\\\\)[A-Za-z0-9_-])';
const PREFIXED = new RegExp(`${NOT_AFTER_KEY_CHAR}(?:${KEY_PREFIXES.map(escape).join('|')})[A-Za-z0-9_-]{16,}`, 'g');
// Prefix-less keys: also not next to `+`, `/` or `=`, or every base64 blob near a context word would yield runs.
const BARE = /(?<![A-Za-z0-9_+/-])[A-Za-z0-9]{32}(?:[A-Za-z0-9]{8})?(?![A-Za-z0-9_+/=-])/g;
// The pre-check asks for what PREFIXED needs (a prefix at a token start and 16 key characters), so it
// never rejects a text the full scan would report; a bare `sk-` inside `task-queue` does not pass.
// Shortest distinct prefixes only (longer ones extend them). Most texts it reads hold no key, so
// it is built to pass over them fast, in three searches that each stop at few characters: prefixes
// from their first `-`/`_` (`sk-` from its `-`, with `sk` and the token start checked behind it:
// letters and base64 never start a match), prefixes without one (`AIza`) from their first letters,
// and the context words case-insensitively in their shortest form, checked in their usual
// spellings (BARE_CONTEXT_CASED) where found. One regex starting at every letter that could open a
// prefix or a spelling cost two to three times as much on large files (cassettes, bundles), and
// ten times as much on a text with a character beyond Latin-1.
const STEMS = KEY_PREFIXES.filter((p) => !KEY_PREFIXES.some((q) => q !== p && p.startsWith(q)));
/** Before a prefix: the text's start, a non-key character, or an escape (`\nsk-...` in JSON text). */
const TOKEN_START = '(?:^|[^A-Za-z0-9_-]|\\\\[A-Za-z0-9_-])';
/** Stems by what follows their first `-`/`_` (from it on), and stems without one. */
const BY_SEPARATOR = new Map<string, string[]>();
const WHOLE_STEMS: string[] = [];
for (const stem of STEMS) {
  const at = stem.search(/[-_]/);
  if (at <= 0) WHOLE_STEMS.push(stem);
  else BY_SEPARATOR.set(stem.slice(at), [...(BY_SEPARATOR.get(stem.slice(at)) ?? []), stem.slice(0, at)]);
}
const NEVER = /(?!)/;
const STEM_AT_SEPARATOR = BY_SEPARATOR.size === 0 ? NEVER : new RegExp(`(?:${[...BY_SEPARATOR].map(([rest, heads]) => `(?<=${TOKEN_START}(?:${heads.map(escape).join('|')}))${escape(rest)}`).join('|')})[A-Za-z0-9_-]{16}`);
const WHOLE_STEM = WHOLE_STEMS.length === 0 ? NEVER : new RegExp(`(?<=${TOKEN_START})(?:${WHOLE_STEMS.map(escape).join('|')})[A-Za-z0-9_-]{16}`);
/**
 * A word every spelling of BARE_CONTEXT_CASED holds, in any case (`azure` only where it is part of
 * `azure openai` or `openai.azure.com`: a bundle may say `azure` thousands of times).
 */
const CONTEXT_WORDS = /azure(?=[_-]?openai)|(?<=openai\.)azure(?=\.com)|cohere|mistral|co_api_key/gi;
const CONTEXT_SPELLINGS = literalsOf(BARE_CONTEXT_CASED);
/** Where a spelling starts, back from its first context word: 0, or 7 for `openai.azure.com`. */
const CONTEXT_OFFSETS = [...new Set(CONTEXT_SPELLINGS.map((s) => s.search(CONTEXT_WORDS)))];
if (CONTEXT_OFFSETS.includes(-1)) throw new Error('secrets catalog: a BARE_CONTEXT_CASED spelling holds no context word');
const CONTEXT_AT = new RegExp(BARE_CONTEXT_CASED.source, 'y');
/**
 * The detector's gate (`Detector.literals`): a text the pre-check passes holds a stem or a
 * spelling of a context word, so a text with none of them gets null without running it at all.
 */
export const KEY_LITERALS: readonly string[] = [...STEMS, ...CONTEXT_SPELLINGS];
const PREFIXED_RULES = KEY_RULES.filter((r) => r.prefix !== '');
const BARE_RULES = KEY_RULES.filter((r) => r.prefix === '');

/** Cheap test on raw text: false means the text holds no key this detector knows. */
export function mayHoldKey(text: string): boolean {
  return STEM_AT_SEPARATOR.test(text) || WHOLE_STEM.test(text) || holdsContextWord(text);
}

/** True when a usual spelling of a context word (BARE_CONTEXT_CASED) occurs. */
function holdsContextWord(text: string): boolean {
  for (const m of text.matchAll(CONTEXT_WORDS)) {
    for (const offset of CONTEXT_OFFSETS) {
      CONTEXT_AT.lastIndex = m.index - offset;
      if (m.index >= offset && CONTEXT_AT.test(text)) return true;
    }
  }
  return false;
}

/** Text around a key that must name its provider (see `KeyRule.context`). */
function nearText(lines: Lines, line: number, column: number, length: number, name: string | undefined, kind: FileKind): string {
  let near = lines.slice(line, column - CONTEXT_REACH, column + length + CONTEXT_REACH);
  const specific = name !== undefined && !GENERIC_KEY_NAMES.test(name.slice(name.lastIndexOf('.') + 1));
  if (!specific && kind !== 'env') {
    for (let l = Math.max(1, line - 2); l < line; l++) near += `\n${lines.slice(l, 0, 2 * CONTEXT_REACH)}`;
  }
  return near;
}

function accept(rules: readonly KeyRule[], token: string, lines: Lines, offset: number, kind: FileKind): KeyHit | undefined {
  const line = lines.lineOf(offset);
  const column = offset - lines.start(line);
  let name: string | undefined;
  let named = false;
  for (const rule of rules) {
    if (!token.startsWith(rule.prefix) || !rule.shape.test(token)) continue;
    if (!named) {
      name = assignedName(lines.slice(line, column - 160, column));
      named = true;
    }
    if (rule.context || rule.keyWord) {
      const near = nearText(lines, line, column, token.length, name, kind);
      if (rule.context && !rule.context.test(near)) continue;
      if (rule.keyWord && !KEY_WORDS.test(name ?? near)) continue;
    }
    if (implausible(rule, token) !== undefined) continue;
    return { rule, value: token, line, column, ...(name === undefined ? {} : { envName: name }) };
  }
  return undefined;
}

/** Lines at most two below a context word for prefix-less formats. */
function contextLines(text: string, lines: Lines): number[] {
  const marked = new Set<number>();
  for (const m of text.matchAll(BARE_CONTEXT)) {
    const line = lines.lineOf(m.index);
    for (let l = line; l <= Math.min(lines.count, line + 2); l++) marked.add(l);
    if (marked.size > MAX_CANDIDATES) break;
  }
  return [...marked].sort((a, b) => a - b);
}

/** Finds keys in a text; `kind` decides how far context is looked for. Never throws. */
export function findKeys(text: string, kind: FileKind): KeyScan {
  if (!mayHoldKey(text)) return { hits: [] };
  let indexed: Lines | undefined;
  // Most files that pass the pre-check hold no candidate at all: index their lines only on demand.
  const lines = (): Lines => (indexed ??= new Lines(text));
  const hits: KeyHit[] = [];
  let candidates = 0;
  const budget = (): string | undefined => {
    if (candidates > MAX_CANDIDATES) return `stopped after ${MAX_CANDIDATES} key-shaped tokens`;
    if (hits.length >= MAX_HITS) return `stopped after ${MAX_HITS} keys`;
    return undefined;
  };
  for (const m of text.matchAll(PREFIXED)) {
    candidates++;
    if (budget()) return { hits, limited: budget() };
    if (m[0].length > MAX_TOKEN) continue;
    const hit = accept(PREFIXED_RULES, m[0], lines(), m.index, kind);
    if (hit) hits.push(hit);
  }
  for (const line of contextLines(text, lines())) {
    const start = lines().start(line);
    for (const m of lines().slice(line).matchAll(BARE)) {
      candidates++;
      if (budget()) return { hits, limited: budget() };
      const hit = accept(BARE_RULES, m[0], lines(), start + m.index, kind);
      if (hit) hits.push(hit);
    }
  }
  return { hits };
}
