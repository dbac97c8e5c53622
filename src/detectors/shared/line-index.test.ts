import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.ts';

describe('LineIndex', () => {
  it('maps offsets to lines and returns line bounds and text, with CRLF and an empty last line', () => {
    const text = 'a\r\nbc\n\nd\n';
    const index = new LineIndex(text);
    expect(index.count).toBe(5);
    expect([0, 1, 3, 5, 6, 7, 9].map((o) => index.lineOf(o))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5, 6].map((l) => index.lineText(l))).toEqual(['a', 'bc', '', 'd', '', '']);
    expect([index.start(2), index.end(2), index.end(1)]).toEqual([3, 5, 1]);
  });
});
