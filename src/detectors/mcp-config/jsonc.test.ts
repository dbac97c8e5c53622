import { describe, expect, it } from 'vitest';
import { parseJsonc } from './jsonc.ts';
import { ConfigSyntaxError, get, keysOf, str, strings, type CValue } from './tree.ts';

function plain(v: CValue | undefined): unknown {
  if (v === undefined) return undefined;
  if (v.t === 'obj') return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
  if (v.t === 'arr') return v.items.map(plain);
  return v.v;
}

function failure(text: string): { message: string; line: number | undefined } {
  try {
    parseJsonc(text);
  } catch (error) {
    if (error instanceof ConfigSyntaxError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('parseJsonc', () => {
  it('reads plain JSON like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u0041\\"\\\\\\/"}, "": 0}';
    expect(plain(parseJsonc(text))).toEqual(JSON.parse(text));
  });

  it('accepts comments, trailing commas and a BOM; keeps // inside strings', () => {
    const v = parseJsonc('\uFEFF{\n  // a comment\n  "url": "https://x.dev/a//b", /* block\n comment */\n  "list": [1, 2,],\n}\n');
    expect(plain(v)).toEqual({ url: 'https://x.dev/a//b', list: [1, 2] });
  });

  it('gives each key its 1-based line', () => {
    const v = parseJsonc('{\n  "mcpServers": {\n    "a": {},\n\n    "b": {"command": "x"}\n  }\n}');
    const servers = get(v, 'mcpServers');
    expect(servers?.t === 'obj' ? servers.entries.map((e) => [e.key, e.line]) : []).toEqual([['a', 3], ['b', 5]]);
    expect(str(get(get(servers, 'b'), 'command'))).toBe('x');
  });

  it('keeps duplicate keys in order; lookups take the last, as JSON.parse does', () => {
    const v = parseJsonc('{"a": 1, "a": 2, "__proto__": {"polluted": true}}');
    expect(keysOf(v)).toEqual(['a', '__proto__']);
    expect(get(v, 'a')).toMatchObject({ v: 2 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('returns undefined for a blank or comment-only file', () => {
    expect(parseJsonc('')).toBeUndefined();
    expect(parseJsonc('  \n // nothing\n')).toBeUndefined();
  });

  it('reports syntax errors with their line and without quoting the file', () => {
    expect(failure('{\n  "a": 1\n  "b": "token-value"\n}')).toEqual({ message: 'invalid JSON: expected , or }', line: 3 });
    expect(failure('{"a": "unterminated\n}')).toEqual({ message: 'invalid JSON: unterminated string', line: 1 });
    expect(failure('{"a": 1} {"b": 2}')).toEqual({ message: 'invalid JSON: unexpected content after the value', line: 1 });
    expect(failure('{\n"a": \'single\'}')).toEqual({ message: 'invalid JSON: unexpected character', line: 2 });
    expect(failure('{"a": "\\x"}').message).toBe('invalid JSON: bad escape');
    expect(failure('/* open').message).toBe('invalid JSON: unterminated comment');
    expect(failure('{"a": [1, 2').message).toBe('invalid JSON: unexpected end of file');
  });

  it('reads string arrays, keeping numbers as text', () => {
    expect(strings(parseJsonc('["a", 1, {"b": 2}, null]'))).toEqual(['a', '1']);
  });
});
