import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/helpers/prng.ts';
import { compileByteGate } from './byte-gate.ts';
import { compileLiteralGate } from './literal-gate.ts';

/** Copies `bytes` into the gate's buffer, as the connector reads a file into it, and scans. */
function scanBytes(gate: ReturnType<typeof compileByteGate>, bytes: Uint8Array, wanted: number): number {
  gate.buffer(bytes.length).set(bytes);
  return gate.scan(bytes.length, wanted);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// Characters that collide in the 6-bit folding ('a' and '!', 'p' and '0', space and '`'), two- and
// three-byte characters, so near misses and windows across multi-byte sequences are common.
const ALPHABET = 'sk-_a0p!` \u00e9\u4e2d';

describe('compileByteGate', () => {
  const sets = [['sk-', 'hf_', 'AIza'], ['api.openai.com', 'OPENAI_BASE'], ['\u4e2d\u00e9a', 'zzz']];
  const gate = compileByteGate(sets);
  const text = compileLiteralGate(sets);

  it('finds a literal at the start, the end, inside and across multi-byte characters', () => {
    expect(scanBytes(gate, utf8('sk-'), 7)).toBe(1);
    expect(scanBytes(gate, utf8('x https://api.openai.com'), 7)).toBe(2);
    expect(scanBytes(gate, utf8('\u4e2d\u00e9a'), 7)).toBe(4);
    expect(scanBytes(gate, utf8('ask-me hf_x'), 7)).toBe(1);
    expect(scanBytes(gate, utf8('sk_ hf- AIz'), 7)).toBe(0);
    expect(scanBytes(gate, utf8(''), 7)).toBe(0);
  });

  it('looks only for the wanted sets, and never past the length it is given', () => {
    expect(scanBytes(gate, utf8('sk- zzz'), 2)).toBe(0);
    expect(scanBytes(gate, utf8('sk- zzz'), 4)).toBe(4);
    // The buffer still holds "sk- zzz": a shorter file read after it must not see the old bytes.
    gate.buffer(7).set(utf8('sk- zzz'));
    gate.buffer(2).set(utf8('sk'));
    expect(gate.scan(2, 7)).toBe(0);
  });

  it('grows its memory for a large file and still finds a literal at the very end', () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    big.set(utf8('OPENAI_BASE'), big.length - 11);
    expect(scanBytes(gate, big, 7)).toBe(2);
    expect(scanBytes(gate, utf8('hf_'), 7)).toBe(1);
  });

  it('gives the text gate’s answer on 3,000 seeded random texts, masks and invalid UTF-8 bytes', () => {
    const next = mulberry32(7);
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const length = Math.floor(next() * 60);
      for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
      if (n % 5 === 0) s = `${s.slice(0, length >> 1)}${(sets[n % 3] as string[])[n % 2]}${s.slice(length >> 1)}`;
      let bytes = utf8(s);
      if (n % 7 === 0 && bytes.length > 2) {
        // Stray continuation and lead bytes: decoded as U+FFFD, which no literal contains.
        bytes = Uint8Array.from(bytes);
        bytes[bytes.length >> 1] = n % 2 === 0 ? 0x80 : 0xc3;
      }
      const decoded = new TextDecoder().decode(bytes);
      const wanted = 1 + Math.floor(next() * 7);
      expect({ s, wanted, found: scanBytes(gate, bytes, wanted) }).toEqual({ s, wanted, found: text.scan(decoded, wanted) });
    }
  });

  it('answers "found" for a set it cannot look for in bytes (U+FFFD, a lone surrogate), never "absent" where the text gate finds it', () => {
    const odd = compileByteGate([['x\uFFFDy'], ['ab\uD800c'], ['sk-']]);
    const oddText = compileLiteralGate([['x\uFFFDy'], ['ab\uD800c'], ['sk-']]);
    for (const bytes of [Uint8Array.from([0x78, 0xff, 0x79]), utf8('plain text'), utf8('sk-x')]) {
      const found = scanBytes(odd, bytes, 7);
      expect(found & 3).toBe(3);
      expect(found & 4).toBe(oddText.scan(new TextDecoder().decode(bytes), 4));
      expect(found & oddText.scan(new TextDecoder().decode(bytes), 7)).toBe(oddText.scan(new TextDecoder().decode(bytes), 7));
    }
  });

  it('refuses what the text gate refuses', () => {
    expect(() => compileByteGate([['ab']])).toThrow(/shorter than 3/);
    expect(() => compileByteGate(Array.from({ length: 17 }, () => ['abc']))).toThrow(/at most 16/);
  });
});
