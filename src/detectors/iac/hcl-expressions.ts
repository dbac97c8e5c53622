/**
 * Recursive-descent parser for HCL2 expressions (hclsyntax spec "Expressions"): conditionals,
 * binary/unary operators by precedence, literals, templates, tuples, objects, for-expressions,
 * function calls (incl. `provider::ns::fn` and `...` expansion), traversals with attribute,
 * index and splat steps. Nesting is capped (`MAX_DEPTH`) so hostile input cannot exhaust the stack.
 */
import type { Expr, ObjectItem, Step } from './hcl-ast.ts';
import { HclSyntaxError, type Token } from './hcl-lexer.ts';
import { parseTemplate } from './hcl-template.ts';

/** Blocks plus expressions nested deeper than this are refused with a syntax error. */
export const MAX_DEPTH = 100;

const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];

/** A token cursor plus the expression grammar; `hcl-parser.ts` adds bodies and blocks on top. */
export class ExprParser {
  protected pos = 0;
  protected depth = 0;
  /** Per open bracket: true where newlines are insignificant (inside `(` and `[`). */
  private readonly newlineModes: boolean[] = [];

  protected readonly src: string;
  protected readonly tokens: readonly Token[];

  constructor(src: string, tokens: readonly Token[], initialDepth = 0) {
    this.src = src;
    this.tokens = tokens;
    this.depth = initialDepth;
  }

  protected peek(): Token {
    if (this.newlineModes[this.newlineModes.length - 1] === true) {
      while (this.tokens[this.pos]?.type === 'newline') this.pos++;
    }
    return this.tokens[this.pos] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  protected next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.pos++;
    return t;
  }

  protected isPunct(p: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.value === p;
  }

  protected expect(p: string): Token {
    const t = this.peek();
    if (t.type !== 'punct' || t.value !== p) throw new HclSyntaxError(`expected "${p}" but found ${describe(t)}`, t.line);
    return this.next();
  }

  protected skipNewlines(): void {
    while (this.tokens[this.pos]?.type === 'newline') this.pos++;
  }

  protected enter(line: number): void {
    if (++this.depth > MAX_DEPTH) throw new HclSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, line);
  }

  protected leave(): void {
    this.depth--;
  }

  private inBrackets<T>(ignoreNewlines: boolean, fn: () => T): T {
    this.newlineModes.push(ignoreNewlines);
    try {
      return fn();
    } finally {
      this.newlineModes.pop();
    }
  }

  /** Expression := Conditional. */
  parseExpr(): Expr {
    const first = this.peek();
    this.enter(first.line);
    try {
      const cond = this.parseBinary(0);
      if (!this.isPunct('?')) return cond;
      this.next();
      const yes = this.parseExpr();
      this.expect(':');
      const no = this.parseExpr();
      return { type: 'compound', children: [cond, yes, no], start: cond.start, end: no.end, line: cond.line };
    } finally {
      this.leave();
    }
  }

  private parseBinary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    const ops = BINARY_LEVELS[level] as readonly string[];
    for (let t = this.peek(); t.type === 'punct' && ops.includes(t.value); t = this.peek()) {
      this.next();
      const right = this.parseBinary(level + 1);
      left = { type: 'compound', children: [left, right], start: left.start, end: right.end, line: left.line };
    }
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.type === 'punct' && (t.value === '!' || t.value === '-')) {
      this.next();
      this.enter(t.line);
      try {
        const operand = this.parseUnary();
        return { type: 'compound', children: [operand], start: t.start, end: operand.end, line: t.line };
      } finally {
        this.leave();
      }
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(base: Expr): Expr {
    const steps: Step[] = [];
    let end = base.end;
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const t = this.next();
        if (t.type === 'ident' || t.type === 'number') steps.push({ attr: t.value });
        else if (t.type === 'punct' && t.value === '*') steps.push({ splat: true });
        else throw new HclSyntaxError(`expected an attribute name after "." but found ${describe(t)}`, t.line);
        end = t.end;
      } else if (this.isPunct('[')) {
        this.next();
        const step = this.inBrackets(true, () => (this.isPunct('*') ? (this.next(), { splat: true as const }) : { index: this.parseExpr() }));
        end = this.expect(']').end;
        steps.push(step);
      } else break;
    }
    if (steps.length === 0) return base;
    if (base.type === 'traversal') return { ...base, steps: [...base.steps, ...steps], end };
    const children = [base, ...steps.flatMap((s) => ('index' in s ? [s.index] : []))];
    return { type: 'compound', children, start: base.start, end, line: base.line };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    if (t.type === 'number') {
      this.next();
      return { type: 'literal', value: Number(t.value), start: t.start, end: t.end, line: t.line };
    }
    if (t.type === 'string' || t.type === 'heredoc') {
      this.next();
      return parseTemplate(this.src, t, this.depth);
    }
    if (t.type === 'ident') return this.parseIdentStart();
    if (t.type === 'punct' && t.value === '(') {
      this.next();
      const inner = this.inBrackets(true, () => this.parseExpr());
      const close = this.expect(')');
      return { type: 'compound', children: [inner], start: t.start, end: close.end, line: t.line };
    }
    if (t.type === 'punct' && t.value === '[') return this.inBrackets(true, () => this.parseTuple());
    if (t.type === 'punct' && t.value === '{') return this.inBrackets(false, () => this.parseObject());
    throw new HclSyntaxError(`expected an expression but found ${describe(t)}`, t.line);
  }

  private parseIdentStart(): Expr {
    const t = this.next();
    if (t.value === 'true' || t.value === 'false') return { type: 'literal', value: t.value === 'true', start: t.start, end: t.end, line: t.line };
    if (t.value === 'null') return { type: 'literal', value: null, start: t.start, end: t.end, line: t.line };
    let name = t.value;
    while (this.isPunct('::')) {
      this.next();
      const part = this.next();
      if (part.type !== 'ident') throw new HclSyntaxError(`expected a function name after "::" but found ${describe(part)}`, part.line);
      name += `::${part.value}`;
    }
    if (!this.isPunct('(')) return { type: 'traversal', root: name, steps: [], start: t.start, end: t.end, line: t.line };
    this.next();
    const args = this.inBrackets(true, () => this.parseArgs());
    const close = this.expect(')');
    return { type: 'call', name, args, start: t.start, end: close.end, line: t.line };
  }

  private parseArgs(): Expr[] {
    const args: Expr[] = [];
    while (!this.isPunct(')')) {
      args.push(this.parseExpr());
      if (this.isPunct('...')) this.next();
      if (!this.isPunct(',')) break;
      this.next();
    }
    return args;
  }

  private parseTuple(): Expr {
    const open = this.expect('[');
    if (this.isForKeyword()) return this.parseFor(open, ']');
    const items: Expr[] = [];
    while (!this.isPunct(']')) {
      items.push(this.parseExpr());
      if (!this.isPunct(',')) break;
      this.next();
    }
    const close = this.expect(']');
    return { type: 'tuple', items, start: open.start, end: close.end, line: open.line };
  }

  private parseObject(): Expr {
    const open = this.expect('{');
    this.skipNewlines();
    if (this.isForKeyword()) return this.inBrackets(true, () => this.parseFor(open, '}'));
    const items: ObjectItem[] = [];
    for (this.skipNewlines(); !this.isPunct('}'); this.skipNewlines()) {
      const key = this.parseExpr();
      const sep = this.next();
      if (sep.type !== 'punct' || (sep.value !== '=' && sep.value !== ':')) throw new HclSyntaxError(`expected "=" or ":" after an object key but found ${describe(sep)}`, sep.line);
      const value = this.inBrackets(false, () => this.parseExpr());
      items.push({ key, value, line: key.line });
      const after = this.peek();
      if (after.type === 'punct' && after.value === ',') this.next();
      else if (after.type !== 'newline' && !(after.type === 'punct' && after.value === '}')) {
        throw new HclSyntaxError(`expected "," or a newline after an object item but found ${describe(after)}`, after.line);
      }
    }
    const close = this.expect('}');
    return { type: 'object', items, start: open.start, end: close.end, line: open.line };
  }

  private isForKeyword(): boolean {
    const t = this.peek();
    const after = this.tokens[this.pos + 1];
    return t.type === 'ident' && t.value === 'for' && after?.type === 'ident';
  }

  /** `for k, v in coll : value` or `: key => value...`, then optional `if cond`. */
  private parseFor(open: Token, closing: string): Expr {
    this.next();
    this.next();
    if (this.isPunct(',')) {
      this.next();
      this.next();
    }
    const inKw = this.next();
    if (inKw.type !== 'ident' || inKw.value !== 'in') throw new HclSyntaxError(`expected "in" in a for expression but found ${describe(inKw)}`, inKw.line);
    const children = [this.parseExpr()];
    this.expect(':');
    children.push(this.parseExpr());
    if (this.isPunct('=>')) {
      this.next();
      children.push(this.parseExpr());
      if (this.isPunct('...')) this.next();
    }
    const ifKw = this.peek();
    if (ifKw.type === 'ident' && ifKw.value === 'if') {
      this.next();
      children.push(this.parseExpr());
    }
    const close = this.expect(closing);
    return { type: 'compound', children, start: open.start, end: close.end, line: open.line };
  }
}

/** A token as an error message names it. */
export function describe(t: Token): string {
  if (t.type === 'eof') return 'end of file';
  if (t.type === 'newline') return 'end of line';
  if (t.type === 'string' || t.type === 'heredoc') return `a ${t.type}`;
  return `"${t.value.slice(0, 40)}"`;
}
