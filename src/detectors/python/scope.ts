/**
 * Name resolution for one file, without flow analysis: imports bind local names to qualified
 * module paths; assignments (any indentation, `self.x` included) bind dotted targets to every
 * value ever assigned. `origin()` turns an expression into qualified segments where `()` marks
 * a call result, e.g. `client.chat.completions.create` after `client = openai.OpenAI()` is
 * `openai.OpenAI () chat completions create`. Class-body assignments also bind `Class.attr`
 * (see `statements.ts`), and `Class.attr.value` reads like `Class.attr` (Enum members). A class
 * of the file whose base is an AI package's class resolves like that base.
 */
import { findPythonModule } from '../shared/python-modules.ts';
import { ENV_DEFAULT_CALLS } from './catalog.ts';
import type { Expr } from './expressions.ts';
import type { Statement } from './statements.ts';

const MAX_HOPS = 12;
const MAX_VALUES = 64;
export const CALL = '()';

/** A string reached from an expression: the literal node and whether a name/map/default was followed. */
export interface ResolvedString {
  readonly value: string;
  readonly node: Expr;
  readonly inferred: boolean;
}

/** `a.b.c` for a pure chain of names and attributes, else undefined. */
export function dottedName(expr: Expr | undefined): string | undefined {
  const parts: string[] = [];
  for (let e = expr; e !== undefined; ) {
    if (e.t === 'name') return [e.id, ...parts.reverse()].join('.');
    if (e.t !== 'attr') return undefined;
    parts.push(e.attr);
    e = e.obj;
  }
  return undefined;
}

/** Last name segment of a callee as written (`x.y.from_pretrained` → `from_pretrained`). */
export function lastName(expr: Expr | undefined): string | undefined {
  return expr?.t === 'attr' ? expr.attr : expr?.t === 'name' ? expr.id : undefined;
}

/** True when a qualified name is `pkg` or inside it (`pkg.x`). */
export function inPackage(qualified: string, pkg: string): boolean {
  return qualified === pkg || qualified.startsWith(`${pkg}.`);
}

export class Scope {
  /** Local name → qualified name (`np` → `numpy`, `OpenAI` → `openai.OpenAI`). */
  readonly imports = new Map<string, string>();
  /** Dotted assignment target → values assigned to it, in file order. */
  readonly vars = new Map<string, Expr[]>();
  /** Class name → its bases; a class deriving from an AI package's class stands for that class. */
  private readonly bases = new Map<string, readonly Expr[]>();
  /** Per-variable memo (null while being computed, so cycles end): keeps resolution linear. */
  private readonly originMemo = new Map<string, string[] | undefined | null>();
  private readonly stringMemo = new Map<string, ResolvedString[] | null>();
  private readonly terminalMemo = new Map<string, Expr[] | null>();
  private readonly nodeMemo = new Map<Expr, string[] | undefined>();

  /** Qualified names of the classes defined in the file. */
  private readonly classes: ReadonlySet<string>;

  constructor(statements: readonly Statement[], classes: ReadonlySet<string> = new Set()) {
    this.classes = classes;
    for (const s of statements) {
      if (s.kind === 'import') {
        for (const n of s.names) this.imports.set(n.alias ?? n.name.split('.')[0] ?? n.name, n.alias === undefined ? (n.name.split('.')[0] ?? n.name) : n.name);
      } else if (s.kind === 'from') {
        const base = s.relative ? `.${s.module}` : s.module;
        for (const n of s.names) this.imports.set(n.alias ?? n.name, `${base}.${n.name}`);
      } else if (s.kind === 'class') {
        this.bases.set(s.name, s.bases);
      } else if (s.kind === 'assign') {
        for (const target of s.targets) {
          const list = this.vars.get(target);
          if (list === undefined) this.vars.set(target, [s.value]);
          else list.push(s.value);
        }
      }
    }
  }

  /** Qualified segments of an expression, or undefined when its root is not an import (memoized per node). */
  origin(expr: Expr | undefined): string[] | undefined {
    if (expr === undefined) return undefined;
    if (this.nodeMemo.has(expr)) return this.nodeMemo.get(expr);
    const o = this.originAt(expr, 0);
    this.nodeMemo.set(expr, o);
    return o;
  }

  private originAt(expr: Expr | undefined, hops: number): string[] | undefined {
    if (expr === undefined || hops > MAX_HOPS) return undefined;
    const dotted = dottedName(expr);
    if (dotted !== undefined && this.isVar(dotted)) return this.varOrigin(dotted, hops);
    if (expr.t === 'name') {
      const q = this.imports.get(expr.id);
      return q === undefined ? this.aiBase(expr.id, hops) : q.split('.');
    }
    if (expr.t === 'attr') {
      const o = this.originAt(expr.obj, hops + 1);
      return o === undefined ? undefined : [...o, expr.attr];
    }
    if (expr.t === 'call') {
      const o = this.originAt(expr.callee, hops + 1);
      const q = o?.join('.');
      const arg = expr.args[0];
      if ((q === 'importlib.import_module' || q === '__import__') && arg?.t === 'str' && arg.value !== undefined) return arg.value.split('.');
      return o === undefined ? undefined : [...o, CALL];
    }
    if (expr.t === 'sub') {
      const o = this.originAt(expr.obj, hops + 1);
      return o === undefined ? undefined : [...o, '[]'];
    }
    return undefined;
  }

  /** The origin of the first base of a same-file class that lies in an AI package (`class MyStore(PGVectorStore)`). */
  private aiBase(name: string, hops: number): string[] | undefined {
    const key = `class ${name}`; // memoized like variables (null while computed), so `class A(A, A)` ends
    const memo = this.originMemo.get(key);
    if (memo !== undefined || this.originMemo.has(key)) return memo ?? undefined;
    this.originMemo.set(key, null);
    let found: string[] | undefined;
    for (const base of (this.bases.get(name) ?? []).slice(0, MAX_VALUES)) {
      const o = this.originAt(base, hops + 1);
      if (o !== undefined && !o.includes(CALL) && !(o[0] ?? '').startsWith('.') && findPythonModule(o.join('.')) !== undefined) {
        found = o;
        break;
      }
    }
    this.originMemo.set(key, found);
    return found;
  }

  private isVar(dotted: string): boolean {
    return this.vars.has(dotted) && !this.imports.has(dotted);
  }

  private varOrigin(dotted: string, hops: number): string[] | undefined {
    const memo = this.originMemo.get(dotted);
    if (memo !== undefined || this.originMemo.has(dotted)) return memo ?? undefined;
    this.originMemo.set(dotted, null);
    let found: string[] | undefined;
    for (const value of this.vars.get(dotted) ?? []) {
      found = this.originAt(value, hops + 1);
      if (found !== undefined) break;
    }
    this.originMemo.set(dotted, found);
    return found;
  }

  /** Values a variable ends at after following `a = b` chains (memoized, cycle-safe, capped). */
  terminals(expr: Expr): readonly Expr[] {
    const dotted = dottedName(expr);
    if (dotted === undefined || !this.isVar(dotted)) return [expr];
    const memo = this.terminalMemo.get(dotted);
    if (memo !== undefined) return memo ?? [];
    this.terminalMemo.set(dotted, null);
    const out: Expr[] = [];
    for (const value of this.vars.get(dotted) ?? []) {
      const d = dottedName(value);
      out.push(...(d !== undefined && this.isVar(d) ? this.terminals(value) : [value]));
      if (out.length >= MAX_VALUES) break;
    }
    this.terminalMemo.set(dotted, out);
    return out;
  }

  /** Qualified dotted name of a callee up to its first call marker (`openai.OpenAI`). */
  qualified(expr: Expr | undefined): string | undefined {
    const o = this.origin(expr);
    if (o === undefined) return undefined;
    const cut = o.indexOf(CALL);
    return (cut === -1 ? o : o.slice(0, cut)).join('.');
  }

  /** Whether an expression resolves into an AI package (`ai`), another import (`foreign`) or nothing known. */
  classify(expr: Expr | undefined): 'ai' | 'foreign' | 'unknown' {
    const q = this.qualified(expr);
    if (q === undefined || q === '') return 'unknown';
    return !q.startsWith('.') && findPythonModule(q) !== undefined ? 'ai' : 'foreign';
  }

  /**
   * Strings an expression stands for: a literal; a constant's value(s); a list/tuple/dict
   * constant's member picked by a literal subscript; `os.getenv(name, default)`'s default;
   * each side of `a or b`. Anything followed besides the literal itself is `inferred`.
   */
  strings(expr: Expr | undefined, hops = 0, inferred = false): ResolvedString[] {
    if (expr === undefined || hops > MAX_HOPS) return [];
    switch (expr.t) {
      case 'str':
        return expr.value === undefined ? [] : [{ value: expr.value, node: expr, inferred }];
      case 'name':
      case 'attr':
        return this.varStrings(expr, hops);
      case 'seq':
        return inferred ? expr.items.slice(0, MAX_VALUES).flatMap((i) => this.strings(i, hops + 1, true)) : [];
      case 'sub':
        return this.member(expr.obj, expr.index).flatMap((v) => this.strings(v, hops + 1, true));
      case 'call': {
        const q = this.qualified(expr.callee);
        if (q === undefined || !ENV_DEFAULT_CALLS.includes(q)) return [];
        const fallback = expr.args[1] ?? expr.kwargs.find((k) => k.name === 'default')?.value;
        return this.strings(fallback, hops + 1, true);
      }
      case 'other':
        return expr.ops.length > 0 && expr.ops.every((op) => op === 'or') ? expr.parts.flatMap((p) => this.strings(p, hops + 1, inferred)) : [];
      default:
        return [];
    }
  }

  /** `Cls.MEMBER.value` → `Cls.MEMBER` when `Cls` is a class of the file and the member is bound. */
  private enumMember(dotted: string): string | undefined {
    if (!dotted.endsWith('.value')) return undefined;
    const member = dotted.slice(0, -'.value'.length);
    const cut = member.lastIndexOf('.');
    return cut > 0 && this.classes.has(member.slice(0, cut)) && this.isVar(member) ? member : undefined;
  }

  private varStrings(expr: Expr, hops: number): ResolvedString[] {
    const written = dottedName(expr);
    const dotted = written !== undefined && !this.isVar(written) ? this.enumMember(written) : written;
    if (dotted === undefined || !this.isVar(dotted)) return [];
    const memo = this.stringMemo.get(dotted);
    if (memo !== undefined) return memo ?? [];
    this.stringMemo.set(dotted, null);
    const out: ResolvedString[] = [];
    for (const value of this.vars.get(dotted) ?? []) {
      for (const r of this.strings(value, hops + 1, true)) out.push(r);
      if (out.length >= MAX_VALUES) break;
    }
    this.stringMemo.set(dotted, out);
    return out;
  }

  /** `CONST["key"]` / `CONST[0]` where CONST is a dict/list literal. */
  private member(container: Expr, index: Expr): Expr[] {
    const key = index.t === 'str' ? index.value : index.t === 'const' ? index.text : undefined;
    if (key === undefined) return [];
    const out: Expr[] = [];
    for (const value of this.terminals(container)) {
      if (value.t === 'dict') {
        for (const e of value.entries) if (e.key.t === 'str' && e.key.value === key) out.push(e.value);
      } else if (value.t === 'seq' && /^\d+$/.test(key)) {
        const item = value.items[Number(key)];
        if (item !== undefined) out.push(item);
      }
    }
    return out;
  }
}
