import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { readString } from './strings.ts';
import { tokenize, type Token } from './tokenizer.ts';

const kinds = (tokens: Token[]): string[] => tokens.map((t) => (t.kind === 'newline' ? 'NL' : t.kind === 'string' ? `S:${t.value ?? '<f>'}` : t.text));

describe('tokenize', () => {
  it('records the indent of the first token of each physical line only', () => {
    const { tokens } = tokenize('\ufeffclass A:\n    x = """a\n""" + b\n\t\ty = (1,\n  2)\n    "s"; z\n');
    expect(tokens.filter((t) => t.indent !== undefined).map((t) => `${t.text}@${t.indent}`)).toEqual(['class@0', 'x@4', 'y@2', '2@2', '"s"@4']);
  });

  it('reads names, operators, numbers and logical newlines', () => {
    const { tokens, issues } = tokenize('x = a.b(1, k=2.5e-3) ** 2\ny += 1; z = 3\n');
    expect(kinds(tokens)).toEqual(['x', '=', 'a', '.', 'b', '(', '1', ',', 'k', '=', '2.5e', '-', '3', ')', '**', '2', 'NL', 'y', '+=', '1', 'NL', 'z', '=', '3', 'NL']);
    expect(issues).toEqual([]);
  });

  it('keeps a triple-quoted string holding `import openai` as one string token', () => {
    const src = 'doc = """\nimport openai\nfrom x import y\n"""\nimport os\n';
    const { tokens } = tokenize(src);
    expect(tokens[2]).toMatchObject({ kind: 'string', value: '\nimport openai\nfrom x import y\n', line: 1 });
    expect(tokens.find((t) => t.text === 'os')?.line).toBe(5);
  });

  it('drops comments, including ones that look like imports', () => {
    expect(kinds(tokenize('# import openai\nx = 1  # from anthropic import Anthropic\n').tokens)).toEqual(['x', '=', '1', 'NL']);
  });

  it('joins backslash continuation lines and bracketed lines into one statement', () => {
    const { tokens } = tokenize('x = 1 + \\\n    2\nfrom a import (\n    b,\n    c,\n)\n');
    expect(kinds(tokens)).toEqual(['x', '=', '1', '+', '2', 'NL', 'from', 'a', 'import', '(', 'b', ',', 'c', ',', ')', 'NL']);
    expect(tokens.find((t) => t.text === 'c')?.line).toBe(5);
  });

  it('decodes prefixes: raw, bytes, unicode, f-strings with and without fields', () => {
    const { tokens } = tokenize(`r'a\\nb' b"x" u'y' f"plain" f'{name}-v1' F"{{lit}}" Rb'\\d' rf"{x}"`);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(['a\\nb', 'x', 'y', 'plain', undefined, '{lit}', '\\d', undefined]);
  });

  it('decodes common escapes in plain strings', () => {
    expect(tokenize(`"a\\tb\\x41\\u00e9\\\\ \\q"`).tokens[0]?.value).toBe('a\tbA\u00e9\\ \\q');
  });

  it('handles single-quoted strings with escaped quotes and line continuation', () => {
    expect(tokenize(`'it\\'s' "a\\\nb"\nx`).tokens.map((t) => t.value ?? t.text)).toEqual(["it's", 'a' + 'b', '\n', 'x', '\n']);
  });

  it('reports an unterminated string and carries on at the next line', () => {
    const { tokens, issues } = tokenize('x = "oops\nimport openai\n');
    expect(issues).toEqual([{ line: 1, message: 'unterminated string literal' }]);
    expect(kinds(tokens).slice(-3)).toEqual(['import', 'openai', 'NL']);
  });

  it('reports an unterminated triple-quoted string', () => {
    expect(tokenize('"""never closed\nimport openai').issues).toEqual([{ line: 1, message: 'unterminated triple-quoted string' }]);
  });

  it('resynchronizes after an unclosed bracket when a new statement starts at column 0', () => {
    const { tokens, issues } = tokenize('x = foo(\ndef f():\n    pass\n');
    expect(issues.map((i) => i.line)).toEqual([2]);
    expect(kinds(tokens)).toContain('def');
    expect(kinds(tokens).indexOf('NL')).toBeLessThan(kinds(tokens).indexOf('def'));
  });

  it('counts CRLF and CR line endings', () => {
    expect(tokenize('a\r\nb\rc').tokens.filter((t) => t.kind === 'name').map((t) => t.line)).toEqual([1, 2, 3]);
  });

  it('applies a line offset', () => {
    expect(tokenize('x', 10).tokens[0]?.line).toBe(11);
  });
});

describe('f-string fields across lines (Python 3.12, PEP 701)', () => {
  it('reads a one-line f-string whose field spans lines, and counts its lines', () => {
    const src = 'msg = f"Unknown task state: {\n    state.name\n}"\nclient = OpenAI(model="gpt-4o")\n';
    const { tokens, issues } = tokenize(src);
    expect(issues).toEqual([]);
    expect(kinds(tokens)).toEqual(['msg', '=', 'S:<f>', 'NL', 'client', '=', 'OpenAI', '(', 'model', '=', 'S:gpt-4o', ')', 'NL']);
    expect(tokens.find((t) => t.text === 'client')?.line).toBe(4);
  });

  it('reads nested strings, brackets, comments and nested f-strings inside such a field', () => {
    const src = `x = f"a {\n  d["k"] + f'{y}' + {'z': (1, [2])}['z'][0]  # note } "\n} b"\nz = 1\n`;
    const { tokens, issues } = tokenize(src);
    expect(issues).toEqual([]);
    expect(kinds(tokens)).toEqual(['x', '=', 'S:<f>', 'NL', 'z', '=', '1', 'NL']);
  });

  it('keeps the error when the field does not close as Python reads it, and carries on at the next line', () => {
    for (const src of ['x = f"{oops\nimport openai\n', 'x = f"{a)\nimport openai\n', `x = f"{\n${'a\n'.repeat(70)}}"\nimport openai\n`]) {
      const { tokens, issues } = tokenize(src);
      expect(issues[0]).toEqual({ line: 1, message: 'unterminated string literal' });
      expect(kinds(tokens).slice(-3)).toEqual(['import', 'openai', 'NL']);
    }
  });

  it('stays linear on lines of unclosed fields', () => {
    for (const src of ['f"{\n'.repeat(200_000), `f"{${'f"{'.repeat(100_000)}\n`, `${'x = f"{'.repeat(50_000)}\n`.repeat(4)]) {
      const { value: { tokens }, ms } = cpuTimed(() => tokenize(src));
      expect(ms).toBeLessThan(3000);
      expect(tokens.length).toBeGreaterThan(0);
    }
  });
});

describe('readString', () => {
  it('reads triple quotes that contain the other quote kind', () => {
    const src = `'''say "hi" and 'bye' '''`;
    expect(readString(src, 0, 0)).toEqual({ end: src.length, value: `say "hi" and 'bye' `, newlines: 0 });
  });
});
