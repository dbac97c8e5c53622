import { describe, expect, it } from 'vitest';
import { lexC, SYNTAX } from './lex-c.ts';
import { lexRuby } from './lex-ruby.ts';
import type { Masked } from './mask.ts';

/** The literals of a masked file, in source order. */
const literals = (m: Masked): string[] => [...m.strings.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
/** The masked code with runs of spaces squeezed, for readable expectations. */
const squeeze = (m: Masked): string => m.code.replace(/[ \t]+/g, ' ').trim();

describe('lexC', () => {
  it('keeps offsets: the masked code has the length and line breaks of the source', () => {
    const src = 'a /* x\ny */ "s\\"t" // c\nb';
    const m = lexC(src, SYNTAX.java);
    expect(m.code.length).toBe(src.length);
    expect(m.code.split('\n').length).toBe(3);
    expect(squeeze(m)).toBe('a \n " \nb');
    expect(literals(m)).toEqual(['s\\"t']);
  });

  it('Go: raw strings, runes with quotes, comments', () => {
    const m = lexC('import "fmt"\nvar s = `a "b" //c`\nvar r = \'"\'\n// import "x"\n', SYNTAX.go);
    expect(literals(m)).toEqual(['fmt', 'a "b" //c']);
    expect(m.code).not.toContain('import "x');
    expect(m.issues).toEqual([]);
  });

  it('Java: text blocks with escaped quotes; char literals', () => {
    const m = lexC('String t = """\n  say \\"""hi\\"""\n  """; char c = \'"\'; String u = "ok";', SYNTAX.java);
    expect(literals(m)).toEqual(['\n  say \\"""hi\\"""\n  ', 'ok']);
    expect(m.issues).toEqual([]);
  });

  it('Kotlin: nested comments, ${} holes with quotes inside, raw strings', () => {
    const m = lexC('/* a /* b */ c */ val s = "x${map["k"]}y"\nval r = """\n"q"\n"""\nval t = "z"', SYNTAX.kotlin);
    expect(literals(m)).toEqual(['x${map["k"]}y', '\n"q"\n', 'z']);
    expect(m.issues).toEqual([]);
  });

  it('Kotlin and C#: interpolation holes may span lines inside single-line strings', () => {
    expect(literals(lexC('val s = "a ${\n  f(x)\n} b"\nval t = "c"', SYNTAX.kotlin))).toEqual(['a ${\n  f(x)\n} b', 'c']);
    const cs = lexC('var s = $"a {\n  F(x)\n} b";\nvar t = "c";', SYNTAX.csharp);
    expect([literals(cs), cs.issues]).toEqual([['a {\n  F(x)\n} b', 'c'], []]);
  });

  it('C#: verbatim (doubled quotes, lines), interpolated holes, raw literals', () => {
    const m = lexC('var a = @"x ""y""\nz"; var b = $"{(c ? "d" : "e")} f"; var r = """\n "g" \n"""; var s = $$"""{{h}}"""; var v = @"""q""";', SYNTAX.csharp);
    expect(literals(m)).toEqual(['x ""y""\nz', '{(c ? "d" : "e")} f', '\n "g" \n', '{{h}}', '""q""']);
    expect(m.issues).toEqual([]);
  });

  it('Rust: raw strings with hashes, byte strings, lifetimes vs chars, nested comments', () => {
    const m = lexC('fn f<\'a>(x: &\'a str) { let c = \'"\'; let r = r#"say "hi""#; let b = b"by"; /* o /* i */ o */ let e = \'\\\'\'; }', SYNTAX.rust);
    expect(literals(m)).toEqual(['say "hi"', 'by']);
    expect(m.code).toContain("<'a>(x: &'a str)");
    expect(m.issues).toEqual([]);
  });

  it('reports an unterminated single-line string and resumes on the next line', () => {
    const m = lexC('x = "oops\nimport "ok"\n', SYNTAX.go);
    expect(literals(m)).toEqual(['oops', 'ok']);
    expect(m.issues).toEqual([{ offset: 4, message: 'unterminated string literal' }]);
  });
});

describe('lexRuby', () => {
  it('comments, =begin blocks, __END__', () => {
    const m = lexRuby('a = 1 # require "x"\n=begin\nrequire "y"\n=end\nrequire "z"\n__END__\nrequire "w"\n');
    expect(literals(m)).toEqual(['z']);
    expect(m.issues).toEqual([]);
  });

  it('heredocs (several on a line, quoted ids, indented terminators) are strings', () => {
    const src = 'f(<<~A, <<-\'B\')\n  require "in-a"\n  A\n  require "in-b"\n  B\nrequire "after"\nx = y <<z\n';
    const m = lexRuby(src);
    expect(literals(m).filter((v) => v !== '')).toEqual(['after']);
    expect(m.code).not.toContain('in-a');
    expect(m.issues).toEqual([]);
  });

  it('percent literals nest their brackets; ?x chars and $" globals do not open strings', () => {
    const m = lexRuby('w = %w[a [b] c]\nq = %q(it\'s (fine))\nc = ?"\ng = $"\nr = "ok"\n');
    expect(literals(m)).toEqual(['a [b] c', "it's (fine)", 'ok']);
    expect(m.issues).toEqual([]);
  });

  it('regex literals where an operand is expected, division elsewhere', () => {
    const m = lexRuby('if s =~ /"#/ then t = a / b / c end\nu = "ok"\n');
    expect(literals(m)).toEqual(['ok']);
  });

  it('interpolation holes may hold quotes', () => {
    const m = lexRuby('s = "a #{h["k"]} b"\nt = \'c\'\n');
    expect(literals(m)).toEqual(['a #{h["k"]} b', 'c']);
  });
});
