import { describe, expect, it } from 'vitest';
import { childText, descendants, scanXml } from './xml-scan.ts';

describe('scanXml', () => {
  it('reads elements, attributes, lines, entities and CDATA text; skips comments, PIs and DOCTYPE', () => {
    const { root, problem } = scanXml(
      '<?xml version="1.0"?>\n<!DOCTYPE project>\n<p:project xmlns:p="urn:x">\n  <!-- <dep>no</dep> -->\n  <dep id=\'a&amp;b\'>x &lt; y<![CDATA[<raw/>]]></dep>\n  <empty/>\n</p:project>\n',
    );
    expect(problem).toBeUndefined();
    expect(root?.name).toBe('project');
    expect(root?.children.map((c) => [c.name, c.line, c.attrs])).toEqual([
      ['dep', 5, { id: 'a&b' }],
      ['empty', 6, {}],
    ]);
    expect(childText(root!, 'dep')).toBe('x < y<raw/>');
    expect(descendants(root, 'raw')).toEqual([]);
  });

  it('reports the first structural problem with its line and keeps going', () => {
    expect(scanXml('<a>\n<b>\n</a>').problem).toEqual({ message: 'invalid XML: <b> is not closed', line: 3 });
    expect(scanXml('<a>\n</b>\n</a>').problem).toEqual({ message: 'invalid XML: unexpected closing tag </b>', line: 2 });
    expect(scanXml('<a><!-- never closed').problem?.message).toBe('invalid XML: unterminated <!--');
    expect(scanXml('<a>< b></a>').problem?.message).toBe('invalid XML: malformed tag');
    expect(scanXml('').problem?.message).toBe('invalid XML: no root element');
    expect(scanXml('{"json": true}').problem?.message).toBe('invalid XML: text outside the root element');
    expect(scanXml('<a/><b/>').problem?.message).toBe('invalid XML: more than one root element');
    expect(scanXml('<a>&#99999999;</a>').root?.text).toBe('');
  });
});
