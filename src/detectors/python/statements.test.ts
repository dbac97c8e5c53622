import { describe, expect, it } from 'vitest';
import type { Expr } from './expressions.ts';
import { Scope } from './scope.ts';
import { readProgram, type Statement } from './statements.ts';
import { tokenize } from './tokenizer.ts';

const read = (src: string): Statement[] => readProgram(tokenize(src).tokens).statements;

/** A compact rendering of an expression for assertions. */
function show(e: Expr | undefined): string {
  if (e === undefined) return '?';
  switch (e.t) {
    case 'str': return JSON.stringify(e.value ?? null);
    case 'const': return e.text;
    case 'name': return e.id;
    case 'attr': return `${show(e.obj)}.${e.attr}`;
    case 'call': return `${show(e.callee)}(${[...e.args.map(show), ...e.kwargs.map((k) => `${k.name}=${show(k.value)}`)].join(', ')})`;
    case 'seq': return `${e.kind}[${e.items.map(show).join(', ')}]`;
    case 'dict': return `{${e.entries.map((x) => `${show(x.key)}: ${show(x.value)}`).join(', ')}}`;
    case 'sub': return `${show(e.obj)}[${show(e.index)}]`;
    case 'other': return `<${e.parts.map(show).join(' ')}|${e.ops.join(' ')}>`;
  }
}

describe('readProgram', () => {
  it('names every parameter of a def and numbers the functions statements sit in', () => {
    const src = 'X = 1\ndef f(a, b: int, c=1, d: str = "x", *args: str, e, **kw):\n    y = 2\n    def g(z):\n        w = 3\n    v = 4\nclass C:\n    def m(self):\n        u = 5\n';
    const shown = read(src).map((s) => (s.kind === 'def' ? `def ${s.name} #${s.id ?? '?'} in ${s.fn ?? '-'} (${(s.params?.params ?? []).join(' ')})` : s.kind === 'assign' ? `${s.targets.join(',')} in ${s.fn ?? '-'}` : s.kind));
    expect(shown).toEqual(['X in -', 'def f #1 in - (a b c d args e kw)', 'y in 1', 'def g #2 in 1 (z)', 'w in 2', 'v in 1', 'class', 'def m #3 in - (self)', 'u in 3']);
  });

  it('reads imports with aliases and parenthesized multi-line from-imports', () => {
    expect(read('import a.b as c, d\nfrom x.y import (\n  p,\n  q as r,\n)\nfrom . import z\nfrom ..m import n\n')).toEqual([
      { kind: 'import', names: [{ name: 'a.b', alias: 'c' }, { name: 'd', alias: undefined }], line: 1 },
      { kind: 'from', module: 'x.y', relative: false, names: [{ name: 'p', alias: undefined }, { name: 'q', alias: 'r' }], line: 2 },
      { kind: 'from', module: '', relative: true, names: [{ name: 'z', alias: undefined }], line: 6 },
      { kind: 'from', module: 'm', relative: true, names: [{ name: 'n', alias: undefined }], line: 7 },
    ]);
  });

  it('reads assignments: chained, annotated, attribute targets; tuple targets bind apart; subscript targets and lambda defaults are not assignments', () => {
    const s = read('a = b = f(1)\nx: str = "v"\nself.client = OpenAI()\np, q = 1, 2\nd["k"] = 3\nf = lambda m="x": m\n');
    expect(s.map((x) => (x.kind === 'assign' ? [x.targets, show(x.value)] : x.kind === 'bind' ? x.names.map((n) => `${n.name}=${show(n.value)}`) : x.kind))).toEqual([
      [['a', 'b'], 'f(1)'],
      [['x'], '"v"'],
      [['self.client'], 'OpenAI()'],
      [[], '<1 2|,>'],
      ['p=1', 'q=2'],
      [[], '3'],
      [['f'], '<"x" m|lambda>'],
      'lambdas',
    ]);
  });

  it('reads calls with positional, keyword, star args, nested calls, lists and dicts', () => {
    const [s] = read('f(a, "b" "c", k=[1, {"m": g(x=2)}], *rest, **kw)');
    expect(s?.kind === 'expr' ? show(s.exprs[0]) : '').toBe('f(a, "bc", k=list[1, {"m": g(x=2)}])');
  });

  it('keeps calls visible inside operators, await, subscripts and comprehensions', () => {
    const [s] = read('y = await h(model="m") or [z(i) for i in items][0]');
    expect(s?.kind === 'assign' ? show(s.value) : '').toBe('<h(model="m") list[<z(i) i items|for in>][0]|await or>');
  });

  it('attaches decorators and the docstring to the next def', () => {
    const s = read('@app.tool()\n@other\nasync def fetch(url: str, model: str = "gpt-4o") -> str:\n    """Fetch it.\n\n    More."""\n    return url\n');
    const def = s[0];
    expect(def?.kind).toBe('def');
    if (def?.kind !== 'def') return;
    expect(def.name).toBe('fetch');
    expect(def.decorators.map(show)).toEqual(['app.tool()', 'other']);
    expect(def.docstring).toBe('Fetch it.\n\n    More.');
    expect(def.params?.kwargs.map((k) => `${k.name}=${show(k.value)}`)).toEqual(['model="gpt-4o"']);
  });

  it('binds class-body assignments to Cls.attr, self.attr and cls.attr; nested classes; not method locals', () => {
    const src = 'class A(Enum):\n    X = "x"\n    class B:\n        Y: str = "y"\n    def m(self):\n        Z = "z"\n    W = 1; V = 2\nTOP = 3\n';
    const prog = readProgram(tokenize(src).tokens);
    expect(prog.statements.flatMap((x) => (x.kind === 'assign' ? [x.targets] : []))).toEqual([
      ['X', 'A.X', 'self.X', 'cls.X'],
      ['Y', 'A.B.Y', 'self.Y', 'cls.Y'],
      ['Z'],
      ['W', 'A.W', 'self.W', 'cls.W'],
      ['V', 'A.V', 'self.V', 'cls.V'],
      ['TOP'],
    ]);
    expect([...prog.classes]).toEqual(['A', 'A.B']);
  });

  it('reads class statements: name, bases and keyword values', () => {
    const s = read('class A(b.Base, Mixin, metaclass=M):\n    pass\nclass C:\n    pass\n');
    expect(s.flatMap((x) => (x.kind === 'class' ? [[x.name, x.bases.map(show), x.exprs.map(show)]] : []))).toEqual([
      ['A', ['b.Base', 'Mixin'], ['b.Base', 'Mixin', 'M']],
      ['C', [], []],
    ]);
  });

  it('reads a one-line def body and a class resets pending decorators', () => {
    const s = read('@dec\nclass A: pass\ndef f(): "doc"; return 1\n');
    const def = s.find((x) => x.kind === 'def');
    expect(def?.kind === 'def' ? [def.decorators.length, def.docstring] : []).toEqual([0, 'doc']);
  });
});

describe('Scope', () => {
  const scope = (src: string): Scope => new Scope(read(src));
  const expr = (src: string): Expr => {
    const [s] = read(src);
    return s?.kind === 'expr' ? (s.exprs[0] as Expr) : { t: 'const', text: '?', line: 0 };
  };

  it('resolves module aliases, from-imports and variables bound to calls', () => {
    const sc = scope('import chromadb as c\nfrom openai import OpenAI\nclient = OpenAI()\nself.db = c.PersistentClient()\n');
    expect(sc.origin(expr('client.chat.completions.create'))).toEqual(['openai', 'OpenAI', '()', 'chat', 'completions', 'create']);
    expect(sc.qualified(expr('self.db.get_collection'))).toBe('chromadb.PersistentClient');
    expect(sc.classify(expr('client.chat'))).toBe('ai');
    expect(sc.classify(expr('unknown.thing'))).toBe('unknown');
  });

  it('classifies other imports and relative imports as foreign', () => {
    const sc = scope('from django.db import migrations\nfrom .openai import Wrapper\n');
    expect(sc.classify(expr('migrations.AddField'))).toBe('foreign');
    expect(sc.classify(expr('Wrapper'))).toBe('foreign');
  });

  it('resolves strings through constants, list/dict members, getenv defaults and `or`', () => {
    const sc = scope('import os\nA = "x"\nL = ["l0", "l1"]\nD = {"chat": A}\nE = os.getenv("M", "env-default")\nO = os.environ.get("M") or "fallback"\n');
    const values = (src: string): string[] => sc.strings(expr(src)).map((r) => `${r.value}${r.inferred ? '*' : ''}`);
    expect(values('A')).toEqual(['x*']);
    expect(values('L[1]')).toEqual(['l1*']);
    expect(values('D["chat"]')).toEqual(['x*']);
    expect(values('E')).toEqual(['env-default*']);
    expect(values('O')).toEqual(['fallback*']);
    expect(values('"lit"')).toEqual(['lit']);
  });

  it('ends cycles between variables', () => {
    const sc = scope('a = b\nb = a\nc = c.d\n');
    expect(sc.strings(expr('a'))).toEqual([]);
    expect(sc.origin(expr('c.x'))).toBeUndefined();
  });

  it('resolves importlib.import_module to the module', () => {
    expect(scope('import importlib\nm = importlib.import_module("openai")\n').qualified(expr('m.OpenAI'))).toBe('openai.OpenAI');
  });
});
