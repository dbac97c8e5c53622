import { describe, expect, it } from 'vitest';
import { tooDeepAt } from './yaml-guard.ts';

const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('tooDeepAt', () => {
  it('finds flow nesting and dash runs past the limit, with the line', () => {
    expect(tooDeepAt(`a: 1\nb: ${deep(65)}\n`)).toBe(2);
    expect(tooDeepAt(`a:\n  x: ${'{'.repeat(70)}`)).toBe(2);
    expect(tooDeepAt(`a:\n  b:\n    ${'- '.repeat(65)}x\n`)).toBe(3);
    expect(tooDeepAt(`${'- '.repeat(65)}x`)).toBe(1);
  });

  it('accepts ordinary nesting, brackets in quotes and comments, apostrophes, and resets per top-level line', () => {
    expect(tooDeepAt(`a: ${deep(64)}\nb: ${'- '.repeat(64)}x\n`)).toBeUndefined();
    expect(tooDeepAt(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nc: x # ${'['.repeat(100)}\n`)).toBeUndefined();
    expect(tooDeepAt(`a: it's ${'['.repeat(10)}\nb: ${'['.repeat(60)}\n`)).toBeUndefined();
    expect(tooDeepAt(`script: |\n  ${'{'.repeat(40)}\nnext: |\n  ${'{'.repeat(40)}\n`)).toBeUndefined();
    expect(tooDeepAt('')).toBeUndefined();
  });
});
