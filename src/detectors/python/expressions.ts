/**
 * A light expression reader over tokens: literals, dotted names, calls (positional and keyword
 * arguments), subscripts, lists/tuples/sets/dicts. Operators are not parsed into a tree: a run
 * of primaries joined by operators becomes an `other` node that keeps its parts, so calls nested
 * anywhere are still visible. Nesting deeper than `MAX_DEPTH` is skipped and flagged, never
 * recursed into, so hostile input cannot blow the stack.
 */
import type { CallExpr, DictEntry, Expr, Kwarg } from './ast.ts';
import type { Token } from './tokenizer.ts';

export type { CallExpr, DictEntry, Expr, Kwarg } from './ast.ts';


const MAX_DEPTH = 100;
const MAX_CHAIN = 200;
const CLOSERS = new Set([')', ']', '}']);
const PAIR: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** Keywords that never start a primary; `True`/`False`/`None` are constants. */
export const KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const COMMA = new Set([',']);
/** No stop token: read up to a closing bracket or the end of the range. */
export const NO_STOPS: ReadonlySet<string> = new Set();
const DICT_KEY_STOPS = new Set([',', ':']);
const PARAM_ANNOTATION_STOPS = new Set([',', '=']);
const LAMBDA_PARAM_STOPS = new Set([',', ':']);

/** A `lambda`: its parameters (own names of its body), their defaults, and `parent`, the index of the lambda it sits in. */
export interface Lambda {
  readonly params: string[];
  readonly defaults: Kwarg[];
  body: Expr | undefined;
  readonly parent: number | undefined;
}

/** Reads expressions from `tokens[start, end)`; tracks where it had to give up. */
export class ExprReader {
  pos: number;
  private depth = 0;
  /** Line of the first place nesting was too deep to read, if any. */
  gaveUpAt: number | undefined;
  /** `name := value` bindings met, in reading order (allocated on first use: most statements have none). */
  walrus: Array<{ readonly name: string; readonly value: Expr }> | undefined;
  /** Lambdas met, an enclosing one before those inside it. */
  lambdas: Lambda[] | undefined;
  private openLambdas: number[] | undefined;

  private readonly tokens: readonly Token[];
  private readonly end: number;

  constructor(tokens: readonly Token[], start: number, end: number) {
    this.tokens = tokens;
    this.pos = start;
    this.end = end;
  }

  private peek(offset = 0): Token | undefined {
    const i = this.pos + offset;
    return i < this.end ? this.tokens[i] : undefined;
  }

  private isOp(tok: Token | undefined, text: string): boolean {
    return tok !== undefined && tok.kind === 'op' && tok.text === text;
  }

  private startsPrimary(tok: Token): boolean {
    if (tok.kind === 'name') return !KEYWORDS.has(tok.text);
    if (tok.kind === 'op') return tok.text === '(' || tok.text === '[' || tok.text === '{';
    return tok.kind === 'string' || tok.kind === 'number';
  }

  /**
   * Reads primaries joined by operators until a stop token or a closing bracket at this level.
   * Returns undefined when nothing was read.
   */
  element(stops: ReadonlySet<string> = COMMA): Expr | undefined {
    const parts: Expr[] = [];
    const ops: string[] = [];
    const line = this.peek()?.line ?? 0;
    let afterPart = false; // the last thing read was a part, not an operator
    for (let tok = this.peek(); tok !== undefined; tok = this.peek()) {
      if (tok.kind === 'op' && (stops.has(tok.text) || CLOSERS.has(tok.text))) break;
      const prev = afterPart ? parts[parts.length - 1] : undefined;
      if (this.startsPrimary(tok)) parts.push(this.primary());
      else if (tok.kind === 'name' && tok.text === 'lambda') parts.push(this.lambda(stops));
      else if (tok.text === ':=' && prev?.t === 'name') parts.push(this.walrusValue(prev.id, stops, ops));
      else { ops.push(tok.text); this.pos++; afterPart = false; continue; }
      afterPart = true;
    }
    if (parts.length === 1 && ops.length === 0) return parts[0];
    if (parts.length === 0 && ops.length === 0) return undefined;
    return { t: 'other', parts, ops, line };
  }

  /** `name := value`: the value runs to the end of the expression, or a `:` (`if m := "x":`). */
  private walrusValue(name: string, stops: ReadonlySet<string>, ops: string[]): Expr {
    const line = this.peek()?.line ?? 0;
    ops.push(':=');
    this.pos++;
    const value = this.deeper(line, () => this.element(new Set([...stops, ':']))) ?? { t: 'other', parts: [], ops: [], line };
    (this.walrus ??= []).push({ name, value });
    return value;
  }

  /**
   * `lambda a, b=d: body`: the parameters and defaults, then the body up to the enclosing stop.
   * Recorded in `lambdas` before its body is read, so an enclosing lambda precedes the ones inside it.
   */
  private lambda(stops: ReadonlySet<string>): Expr {
    const line = this.peek()?.line ?? 0;
    this.pos++;
    const info: Lambda = { params: [], defaults: [], body: undefined, parent: this.openLambdas?.at(-1) };
    const index = (this.lambdas ??= []).push(info) - 1;
    const parts: Expr[] = [];
    for (let tok = this.peek(); tok !== undefined && !this.isOp(tok, ':') && !(tok.kind === 'op' && CLOSERS.has(tok.text)); tok = this.peek()) {
      this.pos++;
      if (tok.kind !== 'name') continue;
      info.params.push(tok.text);
      if (!this.isOp(this.peek(), '=')) continue;
      this.pos++;
      const value = this.deeper(tok.line, () => this.element(LAMBDA_PARAM_STOPS));
      if (value !== undefined) {
        info.defaults.push({ name: tok.text, value });
        parts.push(value);
      }
    }
    if (!this.isOp(this.peek(), ':')) return { t: 'other', parts, ops: ['lambda'], line };
    this.pos++;
    (this.openLambdas ??= []).push(index);
    info.body = this.deeper(line, () => this.element(stops));
    this.openLambdas?.pop();
    if (info.body !== undefined) parts.push(info.body);
    return { t: 'other', parts, ops: ['lambda'], line };
  }

  /** Reads every top-level expression of the rest of the range (a whole statement). */
  all(): Expr[] {
    const out: Expr[] = [];
    while (this.pos < this.end) {
      const e = this.element(NO_STOPS);
      if (e !== undefined) out.push(e);
      if (this.pos < this.end) this.pos++; // a stray closing bracket
    }
    return out;
  }

  /** An atom followed by `.name`, `(...)` and `[...]` postfixes. */
  primary(): Expr {
    let expr = this.atom();
    for (let n = 0; ; n++) {
      const tok = this.peek();
      if (tok?.kind !== 'op') return expr;
      if (tok.text === '.' && this.peek(1)?.kind === 'name') {
        const name = this.peek(1) as Token;
        this.pos += 2;
        if (n < MAX_CHAIN) expr = { t: 'attr', obj: expr, attr: name.text, line: name.line };
        else this.gaveUpAt ??= name.line;
      } else if (tok.text === '(') {
        const call = this.nested(() => this.args(false), tok.line);
        if (n < MAX_CHAIN && call.t === 'call') expr = { ...call, callee: expr };
      } else if (tok.text === '[') {
        const index = this.nested(() => this.seq(']', 'list'), tok.line);
        const items = index.t === 'seq' ? index.items : [];
        const only = items.length === 1 ? items[0] : undefined;
        if (n < MAX_CHAIN) expr = { t: 'sub', obj: expr, index: only ?? index, line: tok.line };
      } else {
        return expr;
      }
    }
  }

  private atom(): Expr {
    const tok = this.peek() as Token;
    if (tok.kind === 'string') {
      let value: string | undefined = '';
      for (let s = this.peek(); s?.kind === 'string'; s = this.peek()) {
        value = value === undefined || s.value === undefined ? undefined : value + s.value;
        this.pos++;
      }
      return { t: 'str', value, line: tok.line };
    }
    if (tok.kind === 'op') return this.nested(() => this.bracket(tok.text), tok.line);
    this.pos++;
    if (tok.kind === 'number' || tok.text === 'True' || tok.text === 'False' || tok.text === 'None') {
      return { t: 'const', text: tok.text, line: tok.line };
    }
    return { t: 'name', id: tok.text, line: tok.line };
  }

  /** Runs `read` one level deeper (a lambda body, a walrus value); too deep, reads nothing (the caller reads on flat). */
  private deeper(line: number, read: () => Expr | undefined): Expr | undefined {
    if (this.depth >= MAX_DEPTH) {
      this.gaveUpAt ??= line;
      return undefined;
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** Runs `read` one bracket level deeper, or skips the bracketed run when too deep. */
  private nested(read: () => Expr, line: number): Expr {
    if (this.depth >= MAX_DEPTH) {
      this.gaveUpAt ??= line;
      this.skipBalanced();
      return { t: 'other', parts: [], ops: [], line };
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private skipBalanced(): void {
    let level = 0;
    while (this.pos < this.end) {
      const tok = this.tokens[this.pos++] as Token;
      if (tok.kind !== 'op') continue;
      if (PAIR[tok.text] !== undefined) level++;
      else if (CLOSERS.has(tok.text) && --level <= 0) return;
    }
  }

  private bracket(open: string): Expr {
    const line = this.peek()?.line ?? 0;
    if (open === '[') return this.seq(']', 'list');
    if (open === '{') return this.braces(line);
    const inner = this.seq(')', 'tuple');
    return inner.t === 'seq' && inner.items.length === 1 && !inner.trailingComma ? (inner.items[0] as Expr) : inner;
  }

  /** Consumes `open items close`; items are comma separated. */
  private seq(close: string, kind: 'list' | 'tuple'): Extract<Expr, { t: 'seq' }> & { trailingComma: boolean } {
    const line = this.peek()?.line ?? 0;
    this.pos++;
    const items: Expr[] = [];
    let trailingComma = false;
    while (this.pos < this.end) {
      const tok = this.peek() as Token;
      if (tok.kind === 'op' && CLOSERS.has(tok.text)) {
        if (tok.text === close) this.pos++;
        break;
      }
      const before = this.pos;
      const item = this.element();
      if (item !== undefined) items.push(item);
      trailingComma = this.isOp(this.peek(), ',');
      if (trailingComma || this.pos === before) this.pos++;
    }
    return { t: 'seq', kind, items, line, trailingComma };
  }

  private braces(line: number): Expr {
    this.pos++;
    const entries: DictEntry[] = [];
    const items: Expr[] = [];
    const rest: Expr[] = [];
    while (this.pos < this.end) {
      const tok = this.peek() as Token;
      if (tok.kind === 'op' && CLOSERS.has(tok.text)) {
        if (tok.text === '}') this.pos++;
        break;
      }
      const before = this.pos;
      const star = this.isOp(tok, '**');
      if (star) this.pos++;
      const key = this.element(DICT_KEY_STOPS);
      if (this.isOp(this.peek(), ':') && key !== undefined) {
        this.pos++;
        const value = this.element();
        if (value !== undefined) entries.push({ key, value });
      } else if (key !== undefined) (star ? rest : items).push(key);
      if (this.isOp(this.peek(), ',') || this.pos === before) this.pos++;
    }
    return entries.length === 0 && items.length > 0 ? { t: 'seq', kind: 'set', items, line } : { t: 'dict', entries, rest, line };
  }

  /**
   * Consumes a call's `( ... )`: positional, `name=value`, `*x`, `**x`. In `params` mode (a `def`
   * signature) annotations are skipped, so `model: str = "x"` reads as a keyword default, and every
   * parameter's name is kept (`params`): the names the function binds locally.
   */
  args(params: boolean): CallExpr {
    const line = this.peek()?.line ?? 0;
    this.pos++;
    const args: Expr[] = [];
    const kwargs: Kwarg[] = [];
    const rest: Expr[] = [];
    const names: string[] = [];
    while (this.pos < this.end) {
      const tok = this.peek() as Token;
      if (tok.kind === 'op' && CLOSERS.has(tok.text)) {
        if (tok.text === ')') this.pos++;
        break;
      }
      const before = this.pos;
      const next = this.peek(1);
      if (tok.kind === 'name' && this.isOp(next, '=')) {
        this.pos += 2;
        names.push(tok.text);
        const value = this.element();
        if (value !== undefined) kwargs.push({ name: tok.text, value });
      } else if (params && tok.kind === 'name' && this.isOp(next, ':')) {
        this.pos += 2;
        names.push(tok.text);
        this.element(PARAM_ANNOTATION_STOPS);
        if (this.isOp(this.peek(), '=')) {
          this.pos++;
          const value = this.element();
          if (value !== undefined) kwargs.push({ name: tok.text, value });
        }
      } else {
        const star = tok.kind === 'op' && (tok.text === '*' || tok.text === '**');
        if (star) this.pos++;
        const annotated = params && this.peek()?.kind === 'name' && this.isOp(this.peek(1), ':') ? (this.peek() as Token).text : undefined;
        if (annotated !== undefined) {
          // `*args: Any` / `**kw: Any`: the name is bound, the annotation is no value.
          names.push(annotated);
          this.pos += 2;
          this.element(PARAM_ANNOTATION_STOPS);
        } else {
          const value = this.element();
          if (value !== undefined) (star ? rest : args).push(value);
          if (params && value?.t === 'name') names.push(value.id);
        }
      }
      if (this.isOp(this.peek(), ',') || this.pos === before) this.pos++;
    }
    return params ? { t: 'call', callee: undefined, args, kwargs, rest, line, params: names } : { t: 'call', callee: undefined, args, kwargs, rest, line };
  }
}
