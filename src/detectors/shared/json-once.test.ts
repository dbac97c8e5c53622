import { describe, expect, it } from 'vitest';
import { parseJsonOnce } from './json-once.ts';

describe('parseJsonOnce', () => {
  it('hands the same value to every reader of one text, and parses a new text anew', () => {
    const text = '{"cells":[{"source":"import openai"}]}';
    const first = parseJsonOnce(text);
    expect(first).toEqual({ ok: true, value: { cells: [{ source: 'import openai' }] } });
    expect(parseJsonOnce(text)).toBe(first);
    const other = parseJsonOnce('[1]');
    expect(other).toEqual({ ok: true, value: [1] });
    expect(parseJsonOnce(text)).not.toBe(first);
    expect(parseJsonOnce(text)).toEqual(first);
  });

  it('keeps the error JSON.parse threw, for every reader', () => {
    const broken = parseJsonOnce('{"cells": [');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error instanceof SyntaxError).toBe(true);
    expect(parseJsonOnce('{"cells": [')).toBe(broken);
  });
});
