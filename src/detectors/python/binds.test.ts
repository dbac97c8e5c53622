import { describe, expect, it } from 'vitest';
import type { Expr } from './expressions.ts';
import { detectPython } from './index.ts';
import { Scope } from './scope.ts';
import { readProgram } from './statements.ts';
import { tokenize } from './tokenizer.ts';
import { walk } from './visit.ts';

const head = 'from openai import OpenAI\nclient = OpenAI()\n';
/** Model ids found in `head + body`, each with its evidence lines and confidences. */
const found = (body: string): Array<[string, string]> =>
  (detectPython({ scope: 't', path: 'app.py', content: head + body })?.assets ?? [])
    .filter((a) => a.kind === 'model')
    .map((m): [string, string] => [m.name, m.evidence.map((e) => `${e.line}:${e.confidence}`).join(',')])
    .sort();
const call = (arg: string, indent = 1): string => `${'    '.repeat(indent)}client.chat.completions.create(model=${arg})`;

/** Strings each `use(...)` argument resolves to, by line. */
function uses(src: string): Record<number, string[]> {
  const program = readProgram(tokenize(src).tokens);
  const scope = new Scope(program.statements, program.classes);
  const out: Record<number, string[]> = {};
  const visit = (e: Expr): void => {
    if (e.t === 'call' && e.callee?.t === 'name' && e.callee.id === 'use' && e.args[0] !== undefined) out[e.line] = scope.strings(e.args[0]).map((r) => r.value);
  };
  for (const s of program.statements) if (s.kind === 'expr' || s.kind === 'assign') for (const e of s.exprs) walk(e, visit);
  return out;
}

describe('binding sites besides plain assignment', () => {
  it('unpacks a literal tuple element-wise, nested and bracketed targets included', () => {
    const src = 'a, (b, c) = "x", ("y", "z")\n[d, e] = ["p", "q"]\nf, g = h = "r", "s"\nuse(a)\nuse(c)\nuse(e)\nuse(g)\n';
    expect(uses(src)).toEqual({ 4: ['x'], 5: ['z'], 6: ['q'], 7: ['s'] });
  });

  it('binds names unpacked from a call (or a starred/mismatched target) to no value, shadowing outer names', () => {
    const src = [
      'model_id = "gpt-4o"', //                                     3
      'def load(request):', //                                      4
      '    model_id, _local = resolve(request, "gpt-4.1")', //      5
      call('model_id'), //                                          6
      'def star():', //                                             7
      '    model_id, *rest = "o1", "o3"', //                        8
      call('model_id'), //                                          9
      'def plain():', //                                            10
      call('model_id'), //                                          11
    ].join('\n');
    // The module constant reaches only the function that does not rebind the name.
    expect(found(src)).toEqual([['gpt-4o', '11:inferred']]);
  });

  it('gives a loop variable each item of a literal list, and no value over anything else', () => {
    const src = [
      'model = "team-default-model"', //                            3
      'def sweep():', //                                            4
      '    for m in ["o1-mini", "o3-mini"]:', //                    5
      call('m', 2), //                                              6
      'def over_names(names):', //                                  7
      '    for model in names:', //                                 8
      call('model', 2), //                                          9
      '    for i, (k, v) in enumerate([("a", "gpt-4.1")]):', //     10
      call('v', 2), //                                              11
    ].join('\n');
    expect(found(src)).toEqual([['o1-mini', '6:inferred'], ['o3-mini', '6:inferred']]);
  });

  it('unpacks literal tuples of a literal list in a for target', () => {
    expect(uses('for name, mid in [("a", "m1"), ("b", "m2")]:\n    use(mid)\nfor x in "p", "q": use(x)\n')).toEqual({ 2: ['m1', 'm2'], 3: ['p', 'q'] });
  });

  it('binds `with ... as x` and `except ... as x` to no value', () => {
    const src = [
      'model = "gpt-4o"', //                                        3
      'def a():', //                                                4
      '    with open("m.txt") as model, open("n") as other:', //    5
      call('model', 2), //                                          6
      'def b():', //                                                7
      '    try:', //                                                8
      '        pass', //                                            9
      '    except Exception as model:', //                          10
      call('model', 2), //                                          11
      'def c():', //                                                12
      '    with open("m.txt"):', //                                 13
      call('model', 2), //                                          14
    ].join('\n');
    expect(found(src)).toEqual([['gpt-4o', '14:inferred']]);
  });

  it('binds a walrus target in the enclosing function, not the module', () => {
    const src = [
      'def a():', //                                                3
      '    if (model := "o4-mini") and ok:', //                     4
      call('model', 2), //                                          5
      'def b():', //                                                6
      '    if m := os.environ.get("X"):', //                        7
      call('m', 2), //                                              8
      call('model'), //                                             9
    ].join('\n');
    expect(found(src)).toEqual([['o4-mini', '5:inferred']]);
  });

  it('sends assignments under `global` to the module and under `nonlocal` to the enclosing function', () => {
    const src = [
      'model = None', //                                            3
      'def configure():', //                                        4
      '    global model', //                                        5
      '    model = "gpt-4.1-mini"', //                              6
      'def run():', //                                              7
      call('model'), //                                             8
      'def outer():', //                                            9
      '    inner_model = None', //                                  10
      '    def set_it():', //                                       11
      '        nonlocal inner_model', //                            12
      '        inner_model = "o3"', //                              13
      '    def use_it():', //                                       14
      call('inner_model', 2), //                                   15
      'def stranger():', //                                         16
      call('inner_model'), //                                       17
      'def local_only():', //                                       18
      '    model = "team-local-model"', //                          19
      'def reads_module():', //                                     20
      call('model'), //                                             21
    ].join('\n');
    expect(found(src)).toEqual([['gpt-4.1-mini', '8:inferred,21:inferred'], ['o3', '15:inferred']]);
  });

  it('lets lambda parameters shadow outer names; defaults and free names read outside', () => {
    const src = 'M = "outer"\nf = lambda M: use(M)\ng = lambda: use(M)\nh = lambda N="dflt": use(N)\nk = lambda M: lambda: use(M)\nuse(M)\n';
    expect(uses(src)).toEqual({ 2: [], 3: ['outer'], 4: ['dflt'], 5: [], 6: ['outer'] });
  });

  it('reads statements around the new binding sites as before (calls stay visible)', () => {
    const program = readProgram(tokenize('for m in ["a"]: f(m)\nwith g(x) as y: h(y)\nz = sorted(xs, key=lambda v: k(v))\n').tokens);
    const calls: string[] = [];
    for (const s of program.statements) if (s.kind === 'expr' || s.kind === 'assign') for (const e of s.exprs) walk(e, (x) => { if (x.t === 'call' && x.callee?.t === 'name') calls.push(x.callee.id); });
    expect(calls).toEqual(['f', 'g', 'h', 'sorted', 'k']);
    expect(program.statements.map((s) => s.kind)).toEqual(['expr', 'bind', 'expr', 'bind', 'assign', 'lambdas']);
  });

  it('never throws on deep lambdas and walrus chains', () => {
    const src = `x = ${'lambda: '.repeat(5000)}1\ny = (${'a := '.repeat(5000)}1)\nz = ${'lambda a=('.repeat(3000)}1\nw = ${'lambda a='.repeat(5000)}1\n`;
    const program = readProgram(tokenize(src).tokens);
    expect(program.gaveUp.length).toBeGreaterThan(0);
    expect(() => new Scope(program.statements)).not.toThrow();
  });
});
