import { describe, expect, it } from 'vitest';
import { blankComments, lineLocator, LineIndex } from './lines.ts';

describe('LineIndex.locate', () => {
  const index = new LineIndex('[a]\nx = "openai"\n# openai\n[b]\nopenai = 1\n');
  it('finds the entry after its anchors, skipping comment lines, else anywhere', () => {
    expect(index.locate([/^\[b\]/], /openai/)).toBe(5);
    expect(index.locate([/^\[missing\]/], /openai/)).toBe(2);
    expect(index.locate([/^\[b\]/], /x =/)).toBe(2);
    expect(index.locate([], /nowhere/)).toBeUndefined();
  });
});

describe('blankComments', () => {
  it('blanks // and /* */ comments but not strings, keeping offsets', () => {
    const text = 'a("http://x") // b\n/* c\n d */ e';
    const out = blankComments(text, '//', true);
    expect(out).toHaveLength(text.length);
    expect(out.split('\n')).toEqual(['a("http://x")     ', '    ', '      e']);
  });

  it('blanks # comments but not inside strings', () => {
    expect(blankComments('gem "a#b" # gem "c"', '#', false)).toBe('gem "a#b"          ');
  });
});

describe('lineLocator', () => {
  it('maps offsets to 1-based lines', () => {
    const at = lineLocator('ab\ncd\n\nef');
    expect([0, 2, 3, 6, 7, 9].map(at)).toEqual([1, 1, 2, 3, 4, 4]);
  });
});
