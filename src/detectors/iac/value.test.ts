import { describe, expect, it } from 'vitest';
import { sameValue, type IacValue } from './value.ts';

const list = (line: number, ...items: IacValue[]): IacValue => ({ kind: 'list', items, line });
const map = (line: number, entries: Record<string, IacValue>): IacValue => ({
  kind: 'map',
  line,
  entries: new Map(Object.entries(entries).map(([key, value], i) => [key, { key, value, line: line + i }])),
});

describe('sameValue', () => {
  it('compares structure and literals, not the lines values were written on', () => {
    expect(sameValue(list(1, 'gpt-4o'), list(7, 'gpt-4o'))).toBe(true);
    expect(sameValue(map(1, { model: 'gpt-4o', n: 2 }), map(9, { n: 2, model: 'gpt-4o' }))).toBe(true);
    expect(sameValue({ kind: 'expr', text: 'var.x', refs: ['var.x'], line: 1 }, { kind: 'expr', text: 'var.x', refs: ['var.x'], line: 4 })).toBe(true);
  });

  it('tells different values apart, in maps too', () => {
    expect(sameValue(map(1, { model: 'gpt-4o' }), map(1, { model: 'claude-3-haiku' }))).toBe(false);
    expect(sameValue(map(1, { model: 'gpt-4o' }), map(1, { model: 'gpt-4o', extra: true }))).toBe(false);
    expect(sameValue(list(1, 'a', 'b'), list(1, 'b', 'a'))).toBe(false);
    expect(sameValue(list(1, 'a'), map(1, { a: 'a' }))).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
  });
});
