import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/helpers/prng.ts';
import { DETECTORS } from '../api.ts';
import { anchorOffset, compileLiteralGate, MAX_LITERAL_SETS } from './literal-gate.ts';
import { COMMON_TRIGRAMS, TRIGRAM_ALPHABET } from './trigrams.ts';

/** The answer the gate must give, by brute force. */
function naive(sets: readonly (readonly string[])[], text: string, wanted: number): number {
  return sets.reduce((mask, literals, i) => ((wanted & (1 << i)) !== 0 && literals.some((l) => text.includes(l)) ? mask | (1 << i) : mask), 0);
}

// Characters that collide in the gate's 6-bit folding ('a' and '!', 'p' and '0', space and '`')
// and a two-byte one, so near misses are common.
const ALPHABET = 'sk-_a0p!` \u00e9';

function randomText(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

describe('compileLiteralGate', () => {
  const sets = [['sk-', 'hf_', 'AIza'], ['api.openai.com', 'OPENAI_BASE'], ['\u4e2d\u00e9a', 'zzz']];
  const gate = compileLiteralGate(sets);

  it('finds a literal at the start, the end, inside and across a two-byte character', () => {
    expect(gate.scan('sk-', 7)).toBe(1);
    expect(gate.scan('x https://api.openai.com', 7)).toBe(2);
    expect(gate.scan('\u4e2d\u00e9a', 7)).toBe(4);
    expect(gate.scan('ask-me hf_x', 7)).toBe(1);
    expect(gate.scan('sk_ hf- AIz', 7)).toBe(0);
    expect(gate.scan('', 7)).toBe(0);
  });

  it('looks only for the wanted sets', () => {
    expect(gate.scan('sk- zzz', 1)).toBe(1);
    expect(gate.scan('sk- zzz', 2)).toBe(0);
    expect(gate.scan('sk- zzz', 4)).toBe(4);
  });

  it('agrees with a brute-force search on 2,000 seeded random texts and masks', () => {
    const next = mulberry32(42);
    const fuzzSets = [['sk-a', 'sk_'], ['0p!', 'a0p'], [' \u00e9s', '`a`'], ['k-_']];
    const fuzz = compileLiteralGate(fuzzSets);
    let hits = 0;
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next, Math.floor(next() * 120));
      const wanted = Math.floor(next() * 16);
      const expected = naive(fuzzSets, text, wanted);
      hits += expected === 0 ? 0 : 1;
      expect({ text, wanted, found: fuzz.scan(text, wanted) }).toEqual({ text, wanted, found: expected });
    }
    // The fuzz is only worth something if both answers occur often.
    expect(hits).toBeGreaterThan(200);
    expect(hits).toBeLessThan(1800);
  });

  it('refuses literals too short to anchor and more sets than a table entry holds', () => {
    expect(() => compileLiteralGate([['ab']])).toThrow(/shorter than 3/);
    expect(() => compileLiteralGate(Array.from({ length: MAX_LITERAL_SETS + 1 }, () => ['abc']))).toThrow(/at most/);
  });
});

describe('anchorOffset', () => {
  const windowOf = (literal: string, at: number): string => Array.from(literal.slice(at, at + 3), (c) => TRIGRAM_ALPHABET[c.charCodeAt(0) & 63]).join('');
  const listed = (n: number): Set<string> => new Set(COMMON_TRIGRAMS.slice(0, n * 3).match(/.{3}/g) ?? []);

  it('reads a well-formed list of distinct folded windows', () => {
    expect(COMMON_TRIGRAMS.length % 3).toBe(0);
    expect(COMMON_TRIGRAMS).toMatch(/^[A-Za-z0-9+/]+$/);
    const all = COMMON_TRIGRAMS.match(/.{3}/g) ?? [];
    expect(new Set(all).size).toBe(all.length);
    // Spaces and `e`/`t` runs are the most common windows of any code; `his` and `hi3` fold alike.
    expect(listed(50).has(windowOf('   ', 0))).toBe(true);
    expect(windowOf('hi3', 0)).toBe(windowOf('his', 0));
  });

  it('anchors each registered literal off the common windows whenever it has a rarer one', () => {
    const common = listed(1000);
    const literals = [...new Set(DETECTORS.flatMap((d) => d.literals ?? []))].filter((l) => l.length >= 3);
    expect(literals.length).toBeGreaterThan(500);
    const offenders = literals.filter((l) => {
      const windows = Array.from({ length: l.length - 2 }, (_, k) => windowOf(l, k));
      return windows.some((w) => !common.has(w)) && common.has(windowOf(l, anchorOffset(l)));
    });
    expect(offenders).toEqual([]);
    // `phi3` was anchored on `hi3`, which every `this` hits.
    expect(windowOf('phi3', anchorOffset('phi3'))).not.toBe(windowOf('his', 0));
  });
});
