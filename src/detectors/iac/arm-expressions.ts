/**
 * ARM template expressions (`"[format('{0}/chat', parameters('name'))]"`) for `arm.ts`: a small
 * tokenizer and parser for the expression language, and an evaluator that computes `concat`,
 * `format`, `toLower`, `toUpper`, parameters, variables and property/index access from literals,
 * and keeps anything else as written. Work is bounded: expression nesting, evaluation depth, a step
 * budget per value (concatenations stop at it), pieces and characters per computed string, key chains;
 * each parameter or variable is computed once (`arm.ts` computes them all in declaration order before
 * any resource is read), each with a budget of its own, and so is each expression inside a constant's
 * object; chains of constants deeper than MAX_CHAIN read as unknown.
 */
import { isList, isMap, makeExpr, mapStrings, normKey, type IacValue } from './value.ts';
import { isLiteral, type ConstantOrigin } from './document.ts';

const MAX_EVAL_DEPTH = 16;
/** Expression text kept at most (a value is evidence, not a copy of the file). */
const MAX_TEXT = 2000;

/** Where a template's parameters and variables come from. */
export interface Scope {
  /** Raw values by reference text (`parameters('x')`, `variables('y')`), before expressions are read. */
  readonly raw: Map<string, IacValue>;
  /** Declared reference text by its lower case: ARM names are case-insensitive (`parameters('ModelName')` reads `modelName`). */
  readonly declared: Map<string, string>;
  readonly constants: Map<string, IacValue>;
  readonly origins: Map<string, ConstantOrigin>;
}

type Node =
  | { readonly t: 'str'; readonly v: string; readonly src: string }
  | { readonly t: 'num'; readonly v: number; readonly src: string }
  | { readonly t: 'id'; readonly v: string; readonly src: string }
  | { readonly t: 'call'; readonly fn: string; readonly args: readonly Node[]; readonly src: string }
  | { readonly t: 'get'; readonly of: Node; readonly key: Node; readonly src: string };

/** Literal text, or a part not known here (shown as `[its text]`), with the references it names. */
interface Piece {
  readonly text: string;
  readonly literal: boolean;
  readonly refs: readonly string[];
}

/** A rendered string: the whole text and its `/`-separated segments (each literal or not, with the references it names). */
export interface Rendered {
  readonly text: string;
  readonly segments: readonly { readonly text: string; readonly literal: boolean; readonly refs: readonly string[] }[];
}

const TOKEN = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)\b|([A-Za-z_][\w]*)|([().,[\]]))/y;
const REF_CALL = /\b(parameters|variables)\s*\(\s*'((?:[^']|''){1,200})'\s*\)/gi;

/** Parses one expression (the text between the outer brackets); undefined when it is not one this reads. */
function parseExpression(src: string): Node | undefined {
  const toks: { kind: 'str' | 'num' | 'id' | 'p'; v: string; at: number; end: number }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (m === null) return /^\s*$/.test(src.slice(at)) ? finish() : undefined;
    // The token starts after the white space the match began with.
    const start = at + m[0].length - m[0].trimStart().length;
    toks.push(m[1] !== undefined ? { kind: 'str', v: m[1].replace(/''/g, "'"), at: start, end: TOKEN.lastIndex } : m[2] !== undefined ? { kind: 'num', v: m[2], at: start, end: TOKEN.lastIndex } : m[3] !== undefined ? { kind: 'id', v: m[3], at: start, end: TOKEN.lastIndex } : { kind: 'p', v: m[4] as string, at: start, end: TOKEN.lastIndex });
  }
  return finish();

  function finish(): Node | undefined {
    let i = 0;
    const isP = (v: string): boolean => toks[i]?.kind === 'p' && toks[i]?.v === v;
    const expr = (depth: number): Node | undefined => {
      if (depth > 50) return undefined;
      const t = toks[i++];
      if (t === undefined) return undefined;
      let node: Node;
      if (t.kind === 'str') node = { t: 'str', v: t.v, src: src.slice(t.at, t.end) };
      else if (t.kind === 'num') node = { t: 'num', v: Number(t.v), src: t.v };
      else if (t.kind === 'id') {
        if (isP('(')) {
          i++;
          const args: Node[] = [];
          while (!isP(')')) {
            const a = expr(depth + 1);
            if (a === undefined) return undefined;
            args.push(a);
            if (isP(',')) i++;
            else if (!isP(')')) return undefined;
          }
          const close = toks[i++] as { end: number };
          node = { t: 'call', fn: t.v, args, src: src.slice(t.at, close.end) };
        } else node = { t: 'id', v: t.v, src: t.v };
      } else return undefined;
      for (;;) {
        if (isP('.') && toks[i + 1]?.kind === 'id') {
          const key = toks[i + 1] as { v: string; end: number };
          i += 2;
          node = { t: 'get', of: node, key: { t: 'str', v: key.v, src: key.v }, src: src.slice(t.at, key.end) };
        } else if (isP('[')) {
          i++;
          const key = expr(depth + 1);
          if (key === undefined || !isP(']')) return undefined;
          const close = toks[i++] as { end: number };
          node = { t: 'get', of: node, key, src: src.slice(t.at, close.end) };
        } else return node;
      }
    };
    const node = expr(0);
    return node !== undefined && i === toks.length ? node : undefined;
  }
}

/** The parameters and variables an expression's text names (`parameters('x')`), each once, the first 32 at most. */
function refsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(REF_CALL)) {
    out.add(`${(m[1] as string).toLowerCase()}('${m[2] as string}')`);
    if (out.size >= 32) break;
  }
  return [...out];
}

/** Steps one reading of a value may take: constants that name each other twice over would otherwise double the work at every level. */
const EVAL_BUDGET = 5000;
/** Constants computed inside one another at most (`variables('a')` naming `variables('b')` naming ...); deeper reads as unknown. */
const MAX_CHAIN = 256;
/** Distinct expressions inside constants' objects computed at most per template scope. */
const MAX_NESTED = 10_000;
/** Expression text parsed at most where it can be read many times (a string inside a constant's object). */
const MAX_NESTED_EXPRESSION = 10_000;

/** A parameter's or variable's value and its pieces, computed once. */
interface Constant {
  readonly value: IacValue | undefined;
  readonly pieces: readonly Piece[];
}

/** Reads template expressions against one scope's parameters and variables. */
export class Evaluator {
  private readonly scope: Scope;
  /** Steps left for the value being read (reset by each public call, and for each constant computed). */
  private left = EVAL_BUDGET;
  /** Each parameter's and variable's value and pieces, computed once with a budget of their own. */
  private readonly constants = new Map<string, Constant>();
  /** Constants and nested expressions being computed (a cycle reads as unknown). */
  private readonly computing = new Set<string>();
  /** Expressions inside constants' objects by their text, computed once. */
  private readonly nested = new Map<string, { readonly value: IacValue | undefined }>();

  constructor(scope: Scope) {
    this.scope = scope;
  }

  /** A JSON value with its expressions read (see the module comment); maps and lists keep their lines, an expression gets the line of its key. */
  value(v: IacValue, line: number): IacValue {
    return (
      mapStrings(
        v,
        (s, at) => {
          this.left = EVAL_BUDGET;
          return this.string(s, at);
        },
        line,
      ) ?? null
    );
  }

  /** What a value computes to here when it is all literal (a string, a number, an object of literals); undefined otherwise. */
  literal(v: IacValue): IacValue | undefined {
    const got = mapStrings(v, (s) => {
      this.left = EVAL_BUDGET;
      return this.resolved(s, 0);
    });
    return got !== undefined && isLiteral(got) ? got : undefined;
  }

  /** A resource's `name`, rendered (unknown parts as `[text]`) and cut into its `/` segments. */
  name(v: IacValue | undefined): Rendered {
    this.left = EVAL_BUDGET;
    if (typeof v !== 'string') return render([{ text: '', literal: true, refs: [] }]);
    const src = expressionText(v);
    if (src === undefined) return render([{ text: unescape(v), literal: true, refs: [] }]);
    const node = parseExpression(src);
    return render(node === undefined ? [opaque(src)] : this.pieces(node, 0));
  }

  private string(v: string, line: number): IacValue {
    const src = expressionText(v);
    if (src === undefined) return unescape(v);
    const node = parseExpression(src);
    if (node === undefined) return makeExpr(src.slice(0, MAX_TEXT), refsIn(src), line);
    // `parameters('x')` (with keys after it) stays a reference: the document resolves it with its origin.
    const ref = referenceOf(node);
    const declared = ref === undefined ? undefined : this.scope.declared.get(ref.ref.toLowerCase());
    if (ref !== undefined && declared !== undefined) return makeExpr(`${declared}${ref.steps}`, [declared], line);
    const got = this.eval(node, 0);
    if (got !== undefined) return got;
    return joined(this.pieces(node, 0)) ?? makeExpr(src.slice(0, MAX_TEXT), refsIn(src), line);
  }

  /** `parameters('x')` / `variables('x')` as declared (any casing reads the declared name). */
  private ref(fn: 'parameters' | 'variables', name: string): string {
    const written = `${fn}('${name}')`;
    return this.scope.declared.get(written.toLowerCase()) ?? written;
  }

  /** The constant a `parameters('x')` / `variables('x')` call names; undefined for any other node. */
  private constantOf(node: Node): Constant | undefined {
    if (node.t !== 'call' || node.args.length !== 1 || node.args[0]?.t !== 'str') return undefined;
    const fn = node.fn.toLowerCase();
    if (fn !== 'parameters' && fn !== 'variables') return undefined;
    return this.constant(this.ref(fn, node.args[0].v), node.src);
  }

  /** A constant, computed once: its value and pieces with a fresh budget, at depth 0. */
  private constant(key: string, src: string): Constant {
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    const unknown: Constant = { value: undefined, pieces: [opaque(src)] };
    const raw = this.scope.raw.get(key);
    const computed = raw === undefined ? unknown : this.isolated(key, () => this.constantValue(raw, src));
    if (computed === undefined) return unknown;
    this.constants.set(key, computed);
    return computed;
  }

  private constantValue(raw: IacValue, src: string): Constant {
    const text = typeof raw === 'string' ? expressionText(raw) : undefined;
    if (typeof raw === 'string' && text === undefined) return { value: unescape(raw), pieces: [{ text: unescape(raw), literal: true, refs: [] }] };
    const node = text === undefined ? undefined : parseExpression(text);
    if (node === undefined) return { value: typeof raw === 'string' ? undefined : raw, pieces: typeof raw === 'number' ? [{ text: String(raw), literal: true, refs: [] }] : [opaque(src)] };
    const value = this.eval(node, 0);
    // A constant that is itself an expression (`format('oai-{0}', uniqueString(...))`) shows its parts.
    const pieces = typeof value === 'string' || typeof value === 'number' ? [{ text: String(value), literal: true, refs: [] }] : compact(this.pieces(node, 0), src);
    return { value, pieces };
  }

  /** `compute` with a budget of its own and `key` marked as being computed; undefined for a cycle or a chain too deep. */
  private isolated<T>(key: string, compute: () => T): T | undefined {
    if (this.computing.has(key) || this.computing.size >= MAX_CHAIN) return undefined;
    const saved = this.left;
    this.left = EVAL_BUDGET;
    this.computing.add(key);
    try {
      return compute();
    } finally {
      this.computing.delete(key);
      this.left = saved;
    }
  }

  /** A value computed from literals and constants (undefined when any part is not known here). */
  private eval(node: Node, depth: number): IacValue | undefined {
    if (depth > MAX_EVAL_DEPTH || --this.left < 0) return undefined;
    switch (node.t) {
      case 'str':
        return node.v;
      case 'num':
        return node.v;
      case 'id':
        return node.v === 'true' ? true : node.v === 'false' ? false : node.v === 'null' ? null : undefined;
      case 'get': {
        const of = this.eval(node.of, depth + 1);
        const key = this.eval(node.key, depth + 1);
        if (isMap(of) && typeof key === 'string') {
          const found = of.entries.get(normKey(key))?.value;
          return found === undefined ? undefined : this.resolved(found, depth + 1);
        }
        if (isList(of) && typeof key === 'number') {
          const found = of.items[key];
          return found === undefined ? undefined : this.resolved(found, depth + 1);
        }
        return undefined;
      }
      case 'call': {
        const constant = this.constantOf(node);
        if (constant !== undefined) return constant.value;
        const fn = node.fn.toLowerCase();
        if (fn === 'concat' || fn === 'format' || fn === 'tolower' || fn === 'toupper') return joined(this.pieces(node, depth));
        return undefined;
      }
    }
  }

  /** A value found inside a constant's object, with its own expression computed (a short one); undefined when it cannot be. */
  private resolved(raw: IacValue, depth: number): IacValue | undefined {
    if (typeof raw !== 'string') return raw;
    const src = expressionText(raw);
    if (src === undefined) return unescape(raw);
    if (depth === 0) return this.computeText(src);
    // An expression inside a constant's object is computed once too (by its text), with a budget of its own.
    const known = this.nested.get(src);
    if (known !== undefined) return known.value;
    if (this.nested.size >= MAX_NESTED) return undefined;
    const computed = this.isolated(src, () => ({ value: this.computeText(src) }));
    if (computed === undefined) return undefined;
    this.nested.set(src, computed);
    return computed.value;
  }

  private computeText(src: string): IacValue | undefined {
    const node = src.length > MAX_NESTED_EXPRESSION ? undefined : parseExpression(src);
    return node === undefined ? undefined : this.eval(node, 0);
  }

  /** A string as pieces: literal where computed, else the part's text (`concat`/`format` split into their parts). */
  private pieces(node: Node, depth: number): Piece[] {
    if (depth > MAX_EVAL_DEPTH || --this.left < 0) return [opaque(node.src)];
    if (node.t === 'call') {
      const constant = this.constantOf(node);
      if (constant !== undefined) return [...constant.pieces];
      const fn = node.fn.toLowerCase();
      if (fn === 'concat' && node.args.length > 0) return this.joinAll(node.args, node.src, depth);
      if (fn === 'format' && node.args[0]?.t === 'str') return this.format(node.args[0].v, node.args.slice(1), node.src, depth);
      if ((fn === 'tolower' || fn === 'toupper') && node.args.length === 1) {
        const inner = joined(this.pieces(node.args[0] as Node, depth + 1));
        return typeof inner === 'string' ? [{ text: fn === 'tolower' ? inner.toLowerCase() : inner.toUpperCase(), literal: true, refs: [] }] : [opaque(node.src)];
      }
    }
    const v = this.eval(node, depth + 1);
    if (typeof v === 'string' || typeof v === 'number') return [{ text: String(v), literal: true, refs: [] }];
    return [opaque(node.src)];
  }

  /** The pieces of each part in turn (`concat`); the whole call's text once the budget or the size runs out. */
  private joinAll(parts: readonly Node[], src: string, depth: number): Piece[] {
    const out: Piece[] = [];
    let length = 0;
    for (const part of parts) {
      if (this.left < 0 || length > MAX_VALUE || out.length > MAX_PIECES) return [opaque(src)];
      for (const p of this.pieces(part, depth + 1)) {
        out.push(p);
        length += p.text.length;
      }
    }
    return out;
  }

  /** `format('{0}-{1}', a, b)`: placeholders by index; `{{`/`}}` escape braces. A format specifier or alignment (`{0:N0}`, `{0,5}`) is not computed. */
  private format(template: string, args: readonly Node[], src: string, depth: number): Piece[] {
    const parts: Node[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{\{|\}\}|\{(\d+)([:,][^}]*)?\}/g)) {
      parts.push({ t: 'str', v: template.slice(last, m.index), src: '' });
      if (m[1] === undefined) parts.push({ t: 'str', v: m[0] === '{{' ? '{' : '}', src: '' });
      else {
        const arg = args[Number(m[1])];
        if (arg === undefined || m[2] !== undefined || parts.length > MAX_PIECES) return [opaque(src)];
        parts.push(arg);
      }
      last = m.index + m[0].length;
    }
    parts.push({ t: 'str', v: template.slice(last), src: '' });
    return this.joinAll(parts, src, depth);
  }
}

/** Pieces all literal and not too long: their text; undefined otherwise. */
function joined(pieces: readonly Piece[]): string | undefined {
  if (!pieces.every((p) => p.literal) || textLength(pieces) > MAX_VALUE) return undefined;
  return pieces.map((p) => p.text).join('');
}

/** Pieces a string is built of at most before it is kept as its expression. */
const MAX_PIECES = 256;

/**
 * The text between a string's outer brackets when it is a template expression (it starts with `[`
 * and ends with `]`); one that starts with `[[` and ends with `]` is a literal (`unescape`).
 */
function expressionText(v: string): string | undefined {
  return v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']') ? v.slice(1, -1) : undefined;
}

/** A literal string as ARM reads it: `[[x]` is `[x]`; `[[x` stays as written. */
function unescape(v: string): string {
  return v.startsWith('[[') && v.endsWith(']') ? v.slice(1) : v;
}

/** Characters of text a computed string may have (far above any name or model id): longer ones stay expressions. */
const MAX_VALUE = 10_000;

function textLength(pieces: readonly Piece[]): number {
  let n = 0;
  for (const p of pieces) n += p.text.length;
  return n;
}

/**
 * Adjacent literal pieces joined; a string of more than a few unknown parts, or too long to be a
 * name, is the expression `src` itself (so a constant read a thousand times costs little each time).
 */
function compact(pieces: readonly Piece[], src: string): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (p.literal && last?.literal === true) out[out.length - 1] = { text: last.text + p.text, literal: true, refs: [] };
    else out.push(p);
    if (out.length > 16) return [opaque(src)];
  }
  return textLength(out) > MAX_VALUE ? [opaque(src)] : out;
}

function opaque(src: string): Piece {
  return { text: `[${src.slice(0, MAX_TEXT)}]`, literal: false, refs: refsIn(src) };
}

/** `parameters('x')`, `variables('y').a['b'][0]`: the reference as written and the keys after it, as the document reads them (`.a["b"][0]`). */
function referenceOf(node: Node): { ref: string; steps: string } | undefined {
  const steps: string[] = [];
  let n = node;
  while (n.t === 'get') {
    // A longer chain is no setting anyone reads: not a reference this follows.
    if (steps.length >= 32) return undefined;
    if (n.key.t === 'num') steps.push(`[${n.key.v}]`);
    else if (n.key.t === 'str' && /^[A-Za-z_][\w-]*$/.test(n.key.v)) steps.push(`.${n.key.v}`);
    else if (n.key.t === 'str' && !/["\\$%]/.test(n.key.v)) steps.push(`["${n.key.v}"]`);
    else return undefined;
    n = n.of;
  }
  if (n.t !== 'call' || n.args.length !== 1 || n.args[0]?.t !== 'str') return undefined;
  const fn = n.fn.toLowerCase();
  if (fn !== 'parameters' && fn !== 'variables') return undefined;
  return { ref: `${fn}('${n.args[0].v}')`, steps: steps.reverse().join('') };
}

/** Pieces joined, and cut at the `/` of their literal parts. */
function render(pieces: readonly Piece[]): Rendered {
  const segments: { text: string; literal: boolean; refs: Set<string> }[] = [{ text: '', literal: true, refs: new Set() }];
  const list: readonly Piece[] = textLength(pieces) > MAX_VALUE || pieces.length > MAX_PIECES ? [opaque(`${pieces.map((p) => p.text.slice(0, 100)).join('').slice(0, MAX_TEXT)}…`)] : pieces;
  for (const p of list) {
    const parts = p.literal ? p.text.split('/') : [p.text];
    parts.forEach((part, k) => {
      if (k > 0) segments.push({ text: '', literal: true, refs: new Set() });
      const seg = segments[segments.length - 1] as { text: string; literal: boolean; refs: Set<string> };
      seg.text += part;
      seg.literal &&= p.literal;
      for (const r of p.refs) seg.refs.add(r);
    });
  }
  return { text: segments.map((s) => s.text).join('/'), segments: segments.map((s) => ({ text: s.text, literal: s.literal, refs: [...s.refs] })) };
}
