/**
 * Name resolution for one file, without flow analysis: imports bind local names to qualified
 * module paths; assignments bind targets to every value ever assigned to them. Scopes follow
 * Python's for plain names: a name a function binds (a parameter, whose default is its value, or
 * an assignment in its body, or another binding site of `binds.ts`: unpacking, `for`, `with ... as`,
 * `:=`) is that function's own and reads only those values, none for a site aimap cannot read;
 * other names read the enclosing functions', then the module's. `global`/`nonlocal` redirect a
 * function's names; a `lambda` is a function of its own (numbered below zero). Attribute targets (`cfg.model`)
 * stay file-wide, whichever function assigns them; their values are read in that function. `self.x` / `cls.x`
 * read in a method are the class's own (its class attributes and what its methods assign), else those of
 * its nearest base class of the file that sets them, else every class's (a base class reading what its
 * subclasses set); their strings also take what the same-file subclasses of the class set (overriding a
 * base's default). `origin()` turns an expression into qualified segments where `()` marks
 * a call result, e.g. `client.chat.completions.create` after `client = openai.OpenAI()` is
 * `openai.OpenAI () chat completions create`. Class-body assignments also bind `Class.attr`
 * (see `statements.ts`), and `Class.attr.value` reads like `Class.attr` (Enum members). A class
 * of the file whose base is an AI package's class resolves like that base.
 */
import { findPythonModule } from '../shared/python-modules.ts';
import { ENV_DEFAULT_CALLS, FIELD_DEFAULT_CALLS } from './catalog.ts';
import { ClassTree } from './class-tree.ts';
import type { Expr, Lambda } from './expressions.ts';
import type { Statement } from './statements.ts';
import { walk } from './visit.ts';

const MAX_HOPS = 12;
const MAX_VALUES = 64;
export const CALL = '()';
/** The value of a name bound to something aimap cannot read (`a, b = f()`): it resolves to nothing, and hides the same name outside. */
const UNKNOWN: Expr = { t: 'other', parts: [], ops: [], line: 0 };

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

/** A value bound to a name, and the function it is read in (undefined: the module). */
interface Binding {
  readonly value: Expr;
  readonly fn: number | undefined;
}

/** The key of a function's own name: `<fn>:<name>` (module names and attribute targets are keyed as written). */
function localKey(fn: number, name: string): string {
  return `${fn}:${name}`;
}

/** The key of `self.x` / `cls.x` set in one class: `<class>::self.x`. */
function classKey(cls: string, dotted: string): string {
  return `${cls}::${dotted}`;
}

/** `self.x`, `cls.x.y`: an attribute of the instance or class a method receives. */
function isInstanceAttr(dotted: string): boolean {
  return dotted.startsWith('self.') || dotted.startsWith('cls.');
}

export class Scope {
  /** Local name → qualified name (`np` → `numpy`, `OpenAI` → `openai.OpenAI`). */
  readonly imports = new Map<string, string>();
  /** Binding key (see {@link localKey}) → values assigned to it, in file order. */
  readonly vars = new Map<string, Binding[]>();
  /** Function → the plain names it binds (parameters and assignment targets). */
  private readonly locals = new Map<number, Set<string>>();
  /** Function → names it declares `global` or `nonlocal`. */
  private readonly declared = new Map<number, Map<string, 'global' | 'nonlocal'>>();
  /** Lambdas are numbered -1, -2, ... (a `def` from 1 up). */
  private lambdaCount = 0;
  /** Function → the function it is defined in. */
  private readonly parents = new Map<number, number | undefined>();
  /** Expression node → the function it is evaluated in (nodes at module level are absent). */
  private readonly nodeFn = new Map<Expr, number>();
  /** Class name → its bases; a class deriving from an AI package's class stands for that class. */
  private readonly bases = new Map<string, readonly Expr[]>();
  /** Function → the class it is a method of (a function nested in a method: that method's class). */
  private readonly fnClass = new Map<number, string>();
  /** The classes of the file, their bases and subclasses of the file. */
  private readonly tree = new ClassTree();
  /** `<class>\0<dotted>` → the binding key a `self.`/`cls.` name read in that class stands for. */
  private readonly classKeyMemo = new Map<string, string>();
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
        const fileBases = s.bases.map(dottedName).filter((b): b is string => b !== undefined && classes.has(b));
        this.tree.add(s.cls === undefined ? s.name : `${s.cls}.${s.name}`, fileBases);
        this.place(s.exprs, s.fn);
      } else if (s.kind === 'assign') {
        this.place(s.exprs, s.fn);
        // The value is one of `exprs`, or a node the reader built around them.
        if (s.fn !== undefined && !s.exprs.includes(s.value)) this.nodeFn.set(s.value, s.fn);
        for (const target of s.targets) this.bind(target, s.value, s.fn, s.cls);
      } else if (s.kind === 'def') {
        this.bindDef(s);
      } else if (s.kind === 'bind') {
        for (const b of s.names) this.bind(b.name, b.value ?? UNKNOWN, s.fn);
      } else if (s.kind === 'global') {
        if (s.fn !== undefined) for (const name of s.names) this.declarations(s.fn).set(name, s.nonlocal ? 'nonlocal' : 'global');
      } else if (s.kind === 'lambdas') {
        this.bindLambdas(s.items, s.fn);
      } else {
        this.place(s.exprs, s.fn);
      }
    }
  }

  /**
   * Lambdas are functions of their own (numbered below zero): parameters shadow, defaults are
   * read where the lambda stands. An enclosing lambda comes first, so inner bodies are placed last.
   */
  private bindLambdas(items: readonly Lambda[], fn: number | undefined): void {
    const ids: number[] = [];
    for (const l of items) {
      const id = --this.lambdaCount;
      ids.push(id);
      const parent = l.parent === undefined ? fn : ids[l.parent];
      this.parents.set(id, parent);
      const cls = parent === undefined ? undefined : this.fnClass.get(parent);
      if (cls !== undefined) this.fnClass.set(id, cls);
      if (l.body !== undefined) this.place([l.body], id);
      const own = this.ownNames(id);
      for (const name of l.params) own.add(name);
      for (const kw of l.defaults) this.addBinding(localKey(id, kw.name), { value: kw.value, fn: parent });
    }
  }

  private declarations(fn: number): Map<string, 'global' | 'nonlocal'> {
    let d = this.declared.get(fn);
    if (d === undefined) this.declared.set(fn, (d = new Map()));
    return d;
  }

  /** A `def`: its parameters are its own names, defaults (read where the `def` stands) their values. */
  private bindDef(s: Extract<Statement, { kind: 'def' }>): void {
    // Decorators and defaults are evaluated where the `def` stands, a one-line body inside the function.
    this.place(s.decorators, s.fn);
    if (s.params !== undefined) this.place([s.params], s.fn);
    if (s.id === undefined) return;
    this.parents.set(s.id, s.fn);
    const cls = s.cls ?? (s.fn === undefined ? undefined : this.fnClass.get(s.fn));
    if (cls !== undefined) this.fnClass.set(s.id, cls);
    this.place(s.body, s.id);
    const own = this.ownNames(s.id);
    for (const name of s.params?.params ?? []) own.add(name);
    for (const kw of s.params?.kwargs ?? []) this.addBinding(localKey(s.id, kw.name), { value: kw.value, fn: s.fn });
  }

  private ownNames(fn: number): Set<string> {
    let own = this.locals.get(fn);
    if (own === undefined) this.locals.set(fn, (own = new Set()));
    return own;
  }

  /**
   * Binds an assignment target: a plain name inside a function is the function's own, unless the
   * function declares it `global` (the module's) or `nonlocal` (the nearest enclosing function's
   * that binds it, else the one right around it).
   */
  private bind(target: string, value: Expr, fn: number | undefined, cls?: string): void {
    if (isInstanceAttr(target)) {
      // Kept per class, and file-wide for uses whose class (and bases) set no such attribute.
      const owner = cls ?? (fn === undefined ? undefined : this.fnClass.get(fn));
      if (owner !== undefined) this.addBinding(classKey(owner, target), { value, fn });
      this.addBinding(target, { value, fn });
      return;
    }
    const declared = fn === undefined ? undefined : this.declared.get(fn)?.get(target);
    const owner = declared === 'global' ? undefined : declared === 'nonlocal' && fn !== undefined ? this.nonlocalOwner(fn, target) : fn;
    if (owner !== undefined && !target.includes('.')) {
      this.ownNames(owner).add(target);
      this.addBinding(localKey(owner, target), { value, fn });
    } else {
      this.addBinding(target, { value, fn });
    }
  }

  private nonlocalOwner(fn: number, name: string): number | undefined {
    const around = this.parents.get(fn);
    for (let f = around; f !== undefined; f = this.parents.get(f)) if (this.locals.get(f)?.has(name) === true) return f;
    return around;
  }

  private addBinding(key: string, binding: Binding): void {
    const list = this.vars.get(key);
    if (list === undefined) this.vars.set(key, [binding]);
    else list.push(binding);
  }

  /** Remembers the function every node of `exprs` is evaluated in (literals need no scope). */
  private place(exprs: readonly Expr[], fn: number | undefined): void {
    if (fn === undefined) return;
    const set = (x: Expr): void => {
      if (x.t !== 'str' && x.t !== 'const') this.nodeFn.set(x, fn);
    };
    for (const e of exprs) walk(e, set);
  }

  /**
   * The binding key a dotted name read in `fn` stands for: a plain name is the innermost
   * enclosing function's own when it binds it (even with no value aimap can read: a parameter
   * without default hides the module's same name), else the module's.
   */
  private keyOf(dotted: string, fn: number | undefined): string {
    if (dotted.includes('.')) {
      const cls = fn === undefined || !isInstanceAttr(dotted) ? undefined : this.fnClass.get(fn);
      return cls === undefined ? dotted : this.instanceKey(cls, dotted);
    }
    for (let f = fn; f !== undefined; f = this.parents.get(f)) {
      if (this.declared.size > 0 && this.declared.get(f)?.get(dotted) === 'global') return dotted;
      if (this.locals.get(f)?.has(dotted) === true) return localKey(f, dotted);
    }
    return dotted;
  }

  /**
   * The key of `self.x` read in a method of `cls`: the class's own, else that of the nearest base
   * class of the file that sets it, else the file-wide one.
   */
  private instanceKey(cls: string, dotted: string): string {
    const memoKey = `${cls}\0${dotted}`;
    const known = this.classKeyMemo.get(memoKey);
    if (known !== undefined) return known;
    const owner = this.tree.lineageOf(cls).find((c) => this.isVar(classKey(c, dotted)));
    const found = owner === undefined ? dotted : classKey(owner, dotted);
    this.classKeyMemo.set(memoKey, found);
    return found;
  }

  /** The function a node is evaluated in (undefined: the module, or a node the reader built on its own). */
  private fnOf(expr: Expr): number | undefined {
    return this.nodeFn.get(expr);
  }

  /** Qualified segments of an expression, or undefined when its root is not an import (memoized per node). */
  origin(expr: Expr | undefined): string[] | undefined {
    if (expr === undefined) return undefined;
    if (this.nodeMemo.has(expr)) return this.nodeMemo.get(expr);
    const o = this.originAt(expr, 0, this.fnOf(expr));
    this.nodeMemo.set(expr, o);
    return o;
  }

  private originAt(expr: Expr | undefined, hops: number, fn: number | undefined): string[] | undefined {
    if (expr === undefined || hops > MAX_HOPS) return undefined;
    const dotted = dottedName(expr);
    const key = dotted === undefined ? undefined : this.keyOf(dotted, fn);
    if (key !== undefined && this.isVar(key)) return this.varOrigin(key, hops);
    if (expr.t === 'name') {
      const q = this.imports.get(expr.id);
      return q === undefined ? this.aiBase(expr.id, hops) : q.split('.');
    }
    if (expr.t === 'attr') {
      const o = this.originAt(expr.obj, hops + 1, fn);
      return o === undefined ? undefined : [...o, expr.attr];
    }
    if (expr.t === 'call') {
      const o = this.originAt(expr.callee, hops + 1, fn);
      const q = o?.join('.');
      const arg = expr.args[0];
      if ((q === 'importlib.import_module' || q === '__import__') && arg?.t === 'str' && arg.value !== undefined) return arg.value.split('.');
      return o === undefined ? undefined : [...o, CALL];
    }
    if (expr.t === 'sub') {
      const o = this.originAt(expr.obj, hops + 1, fn);
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
      const o = this.originAt(base, hops + 1, this.fnOf(base));
      if (o !== undefined && !o.includes(CALL) && !(o[0] ?? '').startsWith('.') && findPythonModule(o.join('.')) !== undefined) {
        found = o;
        break;
      }
    }
    this.originMemo.set(key, found);
    return found;
  }

  /** A binding key with values, unless it is a module name that an import also binds. */
  private isVar(key: string): boolean {
    return this.vars.has(key) && !this.imports.has(key);
  }

  private varOrigin(key: string, hops: number): string[] | undefined {
    const memo = this.originMemo.get(key);
    if (memo !== undefined || this.originMemo.has(key)) return memo ?? undefined;
    this.originMemo.set(key, null);
    let found: string[] | undefined;
    for (const b of this.vars.get(key) ?? []) {
      found = this.originAt(b.value, hops + 1, b.fn);
      if (found !== undefined) break;
    }
    this.originMemo.set(key, found);
    return found;
  }

  /** Values a variable ends at after following `a = b` chains (memoized, cycle-safe, capped). */
  terminals(expr: Expr): readonly Expr[] {
    return this.terminalsIn(expr, this.fnOf(expr));
  }

  private terminalsIn(expr: Expr, fn: number | undefined): readonly Expr[] {
    const dotted = dottedName(expr);
    const key = dotted === undefined ? undefined : this.keyOf(dotted, fn);
    if (key === undefined || !this.isVar(key)) return [expr];
    const memo = this.terminalMemo.get(key);
    if (memo !== undefined) return memo ?? [];
    this.terminalMemo.set(key, null);
    const out: Expr[] = [];
    for (const b of this.vars.get(key) ?? []) {
      out.push(...this.terminalsIn(b.value, b.fn));
      if (out.length >= MAX_VALUES) break;
    }
    this.terminalMemo.set(key, out);
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
   * each side of `a or b`. Anything followed besides the literal itself is `inferred`. Names are
   * read in the scope the expression sits in.
   */
  strings(expr: Expr | undefined): ResolvedString[] {
    return expr === undefined ? [] : this.stringsIn(expr, 0, false, this.fnOf(expr));
  }

  private stringsIn(expr: Expr | undefined, hops: number, inferred: boolean, fn: number | undefined): ResolvedString[] {
    if (expr === undefined || hops > MAX_HOPS) return [];
    switch (expr.t) {
      case 'str':
        return expr.value === undefined ? [] : [{ value: expr.value, node: expr, inferred }];
      case 'name':
      case 'attr':
        return this.varStrings(expr, hops, fn);
      case 'seq':
        return inferred ? expr.items.slice(0, MAX_VALUES).flatMap((i) => this.stringsIn(i, hops + 1, true, fn)) : [];
      case 'sub':
        return this.member(expr.obj, expr.index, fn).flatMap((b) => this.stringsIn(b.value, hops + 1, true, b.fn));
      case 'call': {
        const q = this.qualified(expr.callee);
        // A settings or data class field (`Field(default="gpt-4o")`) stands for its default, as written.
        const field = this.fieldDefault(expr);
        if (field !== undefined) return this.stringsIn(field, hops + 1, inferred, fn);
        if (q === undefined || !ENV_DEFAULT_CALLS.includes(q)) return [];
        const fallback = expr.args[1] ?? expr.kwargs.find((k) => k.name === 'default')?.value;
        return this.stringsIn(fallback, hops + 1, true, fn);
      }
      case 'other':
        return expr.ops.length > 0 && expr.ops.every((op) => op === 'or') ? expr.parts.flatMap((p) => this.stringsIn(p, hops + 1, inferred, fn)) : [];
      default:
        return [];
    }
  }

  /**
   * The default of a field specifier (`pydantic.Field("x")`, `Field(default="x")`, `dataclasses.field(default="x")`;
   * `catalog.ts` `FIELD_DEFAULT_CALLS`), else undefined (not a field specifier, or no default written).
   */
  fieldDefault(expr: Expr): Expr | undefined {
    if (expr.t !== 'call') return undefined;
    const q = this.qualified(expr.callee);
    const row = q === undefined ? undefined : FIELD_DEFAULT_CALLS.find((r) => r.name === q);
    if (row === undefined) return undefined;
    return expr.kwargs.find((k) => k.name === 'default')?.value ?? (row.arg === undefined ? undefined : expr.args[row.arg]);
  }

  /** `Cls.MEMBER.value` → `Cls.MEMBER` when `Cls` is a class of the file and the member is bound. */
  private enumMember(dotted: string): string | undefined {
    if (!dotted.endsWith('.value')) return undefined;
    const member = dotted.slice(0, -'.value'.length);
    const cut = member.lastIndexOf('.');
    return cut > 0 && this.classes.has(member.slice(0, cut)) && this.isVar(member) ? member : undefined;
  }

  private varStrings(expr: Expr, hops: number, fn: number | undefined): ResolvedString[] {
    const written = dottedName(expr);
    const direct = written === undefined ? undefined : this.keyOf(written, fn);
    const key = written !== undefined && direct !== undefined && !this.isVar(direct) ? this.enumMember(written) : direct;
    // `self.x` in a method: what the same-file subclasses set too (they override the class's default); when they
    // set it, the class's own (or its base's) values join theirs and the file-wide reading is not needed.
    const cls = written !== undefined && isInstanceAttr(written) && fn !== undefined ? this.fnClass.get(fn) : undefined;
    const below = cls === undefined || written === undefined ? [] : this.tree.subclassesOf(cls).map((c) => classKey(c, written)).filter((k) => this.isVar(k));
    if (below.length > 0) {
      const own = key !== undefined && key !== written && this.isVar(key) ? [key] : [];
      return this.keyStrings(`${cls}>${written}`, [...own, ...below], hops);
    }
    return key === undefined || !this.isVar(key) ? [] : this.keyStrings(key, [key], hops);
  }

  /** Strings of the values bound to `keys`, memoized under `memoKey` (null while computed, so cycles end). */
  private keyStrings(memoKey: string, keys: readonly string[], hops: number): ResolvedString[] {
    const memo = this.stringMemo.get(memoKey);
    if (memo !== undefined) return memo ?? [];
    this.stringMemo.set(memoKey, null);
    const out: ResolvedString[] = [];
    for (const key of keys) {
      for (const b of this.vars.get(key) ?? []) {
        for (const r of this.stringsIn(b.value, hops + 1, true, b.fn)) out.push(r);
        if (out.length >= MAX_VALUES) break;
      }
      if (out.length >= MAX_VALUES) break;
    }
    this.stringMemo.set(memoKey, out);
    return out;
  }

  /** `CONST["key"]` / `CONST[0]` where CONST is a dict/list literal; each member with the scope it is read in. */
  private member(container: Expr, index: Expr, fn: number | undefined): Binding[] {
    const key = index.t === 'str' ? index.value : index.t === 'const' ? index.text : undefined;
    if (key === undefined) return [];
    const out: Binding[] = [];
    for (const value of this.terminalsIn(container, fn)) {
      const where = this.fnOf(value);
      if (value.t === 'dict') {
        for (const e of value.entries) if (e.key.t === 'str' && e.key.value === key) out.push({ value: e.value, fn: where });
      } else if (value.t === 'seq' && /^\d+$/.test(key)) {
        const item = value.items[Number(key)];
        if (item !== undefined) out.push({ value: item, fn: where });
      }
    }
    return out;
  }
}
