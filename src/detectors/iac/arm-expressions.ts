/**
 * ARM template expressions (`"[format('{0}/chat', parameters('name'))]"`) for `arm.ts`: a small
 * tokenizer and parser for the expression language, and an evaluator that computes `concat`,
 * `format`, `toLower`, `toUpper`, parameters, variables and property/index access from literals,
 * and keeps anything else as written. Work is bounded: expression nesting, evaluation depth, a step
 * budget per value, computed text length; a parameter or variable is computed once.
 */
import { isList, isMap, makeExpr, makeMap, normKey, type IacValue } from './value.ts';
import type { ConstantOrigin } from './document.ts';

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

/** A rendered string: the whole text, whether it is literal, its `/`-separated segments. */
export interface Rendered {
  readonly text: string;
  readonly literal: boolean;
  readonly refs: readonly string[];
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
    const start = m.index + m[0].length - (m[1] !== undefined ? m[1].length + 2 : (m[2] ?? m[3] ?? m[4] ?? '').length);
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

/** The parameters and variables an expression's text names (`parameters('x')`). */
function refsIn(text: string): string[] {
  return [...text.matchAll(REF_CALL)].map((m) => `${(m[1] as string).toLowerCase()}('${m[2] as string}')`);
}

/** Steps one reading of a value may take: constants that name each other twice over would otherwise double the work at every level. */
const EVAL_BUDGET = 5000;

/** Reads template expressions against one scope's parameters and variables. */
export class Evaluator {
  private readonly scope: Scope;
  /** Steps left for the value being read (reset by each public call). */
  private left = EVAL_BUDGET;
  /** A parameter's or variable's pieces, computed once (a name a thousand resources use is read once). */
  private readonly memo = new Map<string, Piece[]>();

  constructor(scope: Scope) {
    this.scope = scope;
  }

  /** A JSON value with its expressions read (see the module comment); maps and lists keep their lines, an expression gets `line`. */
  value(v: IacValue, line: number, depth = 0): IacValue {
    if (depth > 100) return null;
    if (typeof v === 'string') {
      this.left = EVAL_BUDGET;
      return this.string(v, line);
    }
    if (isList(v)) return { kind: 'list', items: v.items.map((i) => this.value(i, v.line, depth + 1)), line: v.line };
    if (isMap(v)) return makeMap([...v.entries.values()].map((e) => ({ ...e, value: this.value(e.value, e.line, depth + 1) })), v.line);
    return v;
  }

  /** A string, number or boolean a value computes to here; undefined for anything else. */
  literal(v: IacValue): string | number | boolean | undefined {
    this.left = EVAL_BUDGET;
    const got = typeof v === 'string' ? this.resolved(v, 0) : v;
    return typeof got === 'string' || typeof got === 'number' || typeof got === 'boolean' ? got : undefined;
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
    const depth = 0;
    const src = expressionText(v);
    if (src === undefined) return unescape(v);
    const node = parseExpression(src);
    if (node === undefined) return makeExpr(src.slice(0, MAX_TEXT), refsIn(src), line);
    // `parameters('x')` (with keys after it) stays a reference: the document resolves it with its origin.
    const ref = referenceOf(node);
    const declared = ref === undefined ? undefined : this.scope.declared.get(ref.ref.toLowerCase());
    if (ref !== undefined && declared !== undefined) return makeExpr(`${declared}${ref.steps}`, [declared], line);
    const got = this.eval(node, depth);
    if (got !== undefined) return got;
    const pieces = this.pieces(node, depth);
    return pieces.every((p) => p.literal) && textLength(pieces) <= MAX_VALUE ? pieces.map((p) => p.text).join('') : makeExpr(src.slice(0, MAX_TEXT), refsIn(src), line);
  }

  /** `parameters('x')` / `variables('x')` as declared (any casing reads the declared name). */
  private ref(fn: 'parameters' | 'variables', name: string): string {
    const written = `${fn}('${name}')`;
    return this.scope.declared.get(written.toLowerCase()) ?? written;
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
        const fn = node.fn.toLowerCase();
        if ((fn === 'parameters' || fn === 'variables') && node.args.length === 1 && node.args[0]?.t === 'str') {
          const raw = this.scope.raw.get(this.ref(fn, node.args[0].v));
          return raw === undefined ? undefined : this.resolved(raw, depth + 1);
        }
        if (fn === 'concat' || fn === 'format' || fn === 'tolower' || fn === 'toupper') {
          const pieces = this.pieces(node, depth);
          return pieces.every((p) => p.literal) && textLength(pieces) <= MAX_VALUE ? pieces.map((p) => p.text).join('') : undefined;
        }
        return undefined;
      }
    }
  }

  /** A constant's raw value with its own expressions computed; undefined when they cannot be. */
  private resolved(raw: IacValue, depth: number): IacValue | undefined {
    if (typeof raw !== 'string') return raw;
    const src = expressionText(raw);
    if (src === undefined) return unescape(raw);
    const node = parseExpression(src);
    return node === undefined ? undefined : this.eval(node, depth);
  }

  /** A string as pieces: literal where computed, else the part's text (`concat`/`format` split into their parts). */
  private pieces(node: Node, depth: number): Piece[] {
    if (depth > MAX_EVAL_DEPTH || --this.left < 0) return [opaque(node.src)];
    if (node.t === 'call') {
      const fn = node.fn.toLowerCase();
      if (fn === 'concat' && node.args.length > 0) return node.args.flatMap((a) => this.pieces(a, depth + 1));
      if (fn === 'format' && node.args[0]?.t === 'str') return this.format(node.args[0].v, node.args.slice(1), node.src, depth);
      if ((fn === 'tolower' || fn === 'toupper') && node.args.length === 1) {
        const inner = this.pieces(node.args[0] as Node, depth + 1);
        if (inner.every((p) => p.literal) && textLength(inner) <= MAX_VALUE) return [{ text: inner.map((p) => (fn === 'tolower' ? p.text.toLowerCase() : p.text.toUpperCase())).join(''), literal: true, refs: [] }];
        return [opaque(node.src)];
      }
      if ((fn === 'parameters' || fn === 'variables') && node.args.length === 1 && node.args[0]?.t === 'str') {
        const key = this.ref(fn, node.args[0].v);
        const known = this.memo.get(key);
        if (known !== undefined) return known;
        const computed = compact(this.constantPieces(node, key, depth), node.src);
        this.memo.set(key, computed);
        return computed;
      }
    }
    const v = this.eval(node, depth + 1);
    if (typeof v === 'string' || typeof v === 'number') return [{ text: String(v), literal: true, refs: [] }];
    return [opaque(node.src)];
  }

  /** A parameter's or variable's value as pieces: its literal, else the parts of the expression it holds. */
  private constantPieces(node: Node, key: string, depth: number): Piece[] {
    const v = this.eval(node, depth + 1);
    if (typeof v === 'string' || typeof v === 'number') return [{ text: String(v), literal: true, refs: [] }];
    const raw = this.scope.raw.get(key);
    // A constant that is itself an expression (`format('oai-{0}', uniqueString(...))`) shows its parts.
    const src = typeof raw === 'string' ? expressionText(raw) : undefined;
    const inner = src === undefined ? undefined : parseExpression(src);
    return inner !== undefined ? this.pieces(inner, depth + 1) : [opaque(node.src)];
  }

  private format(template: string, args: readonly Node[], src: string, depth: number): Piece[] {
    const out: Piece[] = [];
    const re = /\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g;
    let last = 0;
    for (const m of template.matchAll(re)) {
      out.push({ text: template.slice(last, m.index), literal: true, refs: [] });
      if (m[1] === undefined) out.push({ text: m[0] === '{{' ? '{' : '}', literal: true, refs: [] });
      else {
        const arg = args[Number(m[1])];
        if (arg === undefined) return [opaque(src)];
        out.push(...this.pieces(arg, depth + 1));
      }
      last = m.index + m[0].length;
    }
    out.push({ text: template.slice(last), literal: true, refs: [] });
    return out;
  }
}

/** The text between a string's outer brackets when it is a template expression; `[[` escapes a literal bracket. */
function expressionText(v: string): string | undefined {
  const t = v.trim();
  return t.startsWith('[') && !t.startsWith('[[') && t.endsWith(']') ? t.slice(1, -1) : undefined;
}

function unescape(v: string): string {
  return v.startsWith('[[') ? v.slice(1) : v;
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
    if (out.length > 16 || (last?.text.length ?? 0) > MAX_VALUE) return [opaque(src)];
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
    if (n.key.t === 'num') steps.unshift(`[${n.key.v}]`);
    else if (n.key.t === 'str' && /^[A-Za-z_][\w-]*$/.test(n.key.v)) steps.unshift(`.${n.key.v}`);
    else if (n.key.t === 'str' && !/["\\$%]/.test(n.key.v)) steps.unshift(`["${n.key.v}"]`);
    else return undefined;
    n = n.of;
  }
  if (n.t !== 'call' || n.args.length !== 1 || n.args[0]?.t !== 'str') return undefined;
  const fn = n.fn.toLowerCase();
  if (fn !== 'parameters' && fn !== 'variables') return undefined;
  return { ref: `${fn}('${n.args[0].v}')`, steps: steps.join('') };
}

/** Pieces joined, and cut at the `/` of their literal parts. */
function render(pieces: readonly Piece[]): Rendered {
  const segments: { text: string; literal: boolean; refs: string[] }[] = [{ text: '', literal: true, refs: [] }];
  if (textLength(pieces) > MAX_VALUE) pieces = [{ text: `${pieces.map((p) => p.text.slice(0, 100)).join('').slice(0, MAX_TEXT)}…`, literal: false, refs: [...new Set(pieces.flatMap((p) => p.refs))] }];
  for (const p of pieces) {
    const parts = p.literal ? p.text.split('/') : [p.text];
    parts.forEach((part, k) => {
      if (k > 0) segments.push({ text: '', literal: true, refs: [] });
      const seg = segments[segments.length - 1] as { text: string; literal: boolean; refs: string[] };
      seg.text += part;
      seg.literal &&= p.literal;
      seg.refs.push(...p.refs);
    });
  }
  return {
    text: segments.map((s) => s.text).join('/'),
    literal: segments.every((s) => s.literal),
    refs: [...new Set(segments.flatMap((s) => s.refs))],
    segments,
  };
}
