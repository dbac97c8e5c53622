/**
 * Bicep (`.bicep`): each `resource <symbol> '<ARM type>@<api>' = { ... }` is an ARM resource, read
 * into the format-neutral document with its ARM type (API version dropped, catalog casing) so the
 * catalog's ARM rows map it like an AzAPI resource (`azapi.ts`), its body being the ARM object
 * itself (`kind`, `sku`, `properties.model.name`). Also read: the `existing`, `if (...)` and
 * `[for ...: ...]` forms (the body as written), `resource` children nested in a parent's body (type
 * relative to the parent, address `parent::child`, a `parent` entry naming the parent), `param`
 * defaults and `var` literals (constants: a value that is exactly their name resolves), and
 * `module` calls, whose `params` are read like a Terraform module call's inputs
 * (`module-inputs.ts`). Anything else is skipped. Expressions that are not literals keep their
 * source text and the symbols they name. The first syntax error stops the reader: what was read
 * before it counts, the error is one problem with its line.
 */
import { armType } from './catalog.ts';
import { parameterFileValues } from './param-files.ts';
import type { SiblingFiles } from '../types.ts';
import type { ConstantOrigin, IacDocument, IacResource } from './document.ts';
import { BicepSyntaxError, lexBicep, type Token } from './bicep-lexer.ts';
import type { Problem, ReadOutcome } from './terraform.ts';
import { makeExpr, makeMap, type IacEntry, type IacMap, type IacValue } from './value.ts';

const MAX_DEPTH = 100;
/** Expression text kept at most (a value is evidence, not a copy of the file). */
const MAX_TEXT = 2000;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'existing', 'resource', 'module']);

interface Owner {
  readonly address: string;
  readonly type: string;
}

class Parser {
  private i = 0;
  private depth = 0;
  readonly resources: IacResource[] = [];
  readonly constants = new Map<string, IacValue>();
  readonly origins = new Map<string, ConstantOrigin>();
  /** Names of the file's `param`s, with a default or not. */
  readonly params = new Set<string>();
  private readonly toks: readonly Token[];
  private readonly src: string;
  private readonly path: string;
  private readonly lines: readonly string[];

  constructor(toks: readonly Token[], src: string, path: string) {
    this.toks = toks;
    this.src = src;
    this.path = path;
    this.lines = src.split('\n');
  }

  private peek(ahead = 0): Token | undefined {
    return this.toks[this.i + ahead];
  }

  private is(v: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.t === 'p' || t.t === 'id') && t.v === v;
  }

  private fail(message: string, t = this.peek()): never {
    throw new BicepSyntaxError(message, t?.line ?? this.toks[this.toks.length - 1]?.line ?? 1);
  }

  private expect(v: string): Token {
    const t = this.peek();
    if (!this.is(v)) this.fail(t === undefined ? `expected '${v}', found the end of the file` : `expected '${v}', found ${describe(t)}`);
    this.i++;
    return t as Token;
  }

  private skipNewlines(): void {
    while (this.peek()?.t === 'nl') this.i++;
  }

  private enter(t: Token | undefined): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, t);
  }

  file(): void {
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t === undefined) return;
      if (t.t === 'p' && t.v === '@') this.decorator();
      else if (t.t === 'id' && t.v === 'resource' && this.peek(1)?.t === 'id') this.resource(undefined);
      else if (t.t === 'id' && t.v === 'module' && this.peek(1)?.t === 'id') this.module();
      else if (t.t === 'id' && (t.v === 'param' || t.v === 'var') && this.peek(1)?.t === 'id') this.constant(t.v);
      else if (t.t === 'id') this.skipStatement();
      else this.fail(`unexpected ${describe(t)}`);
    }
  }

  /** `@description('...')`, `@sys.batchSize(1)`: skipped. */
  private decorator(): void {
    this.i++;
    while (this.peek()?.t === 'id' || this.is('.')) this.i++;
    if (this.is('(')) this.balanced();
  }

  /** From an opening bracket to its closing one. */
  private balanced(): void {
    const open = this.peek();
    const stack: string[] = [];
    do {
      const t = this.peek();
      if (t === undefined) this.fail(`${describe(open as Token)} opened on line ${open?.line ?? 1} is never closed`);
      if (t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{')) {
        stack.push(t.v);
        if (stack.length > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`, t);
      } else if (t.t === 'p' && (t.v === ')' || t.v === ']' || t.v === '}')) {
        if (stack.pop() !== { ')': '(', ']': '[', '}': '{' }[t.v]) this.fail(`unexpected ${describe(t)}`, t);
      }
      this.i++;
    } while (stack.length > 0);
  }

  /** `output`, `type`, `func`, `import`, `metadata`, `targetScope = ...`: up to the end of the line, brackets balanced. */
  private skipStatement(): void {
    while (this.peek() !== undefined && this.peek()?.t !== 'nl') {
      const t = this.peek() as Token;
      if (t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{')) this.balanced();
      else if (t.t === 'p' && (t.v === ')' || t.v === ']' || t.v === '}')) this.fail(`unexpected ${describe(t)}`, t);
      else this.i++;
    }
  }

  /** `param name type [= default]`, `var name = value`. */
  private constant(keyword: string): void {
    const line = (this.peek() as Token).line;
    this.i++;
    const name = (this.peek() as Token & { v: string }).v;
    this.i++;
    if (keyword === 'param') this.params.add(name);
    {
      // The type (`string`, `'a' | 'b'`, `{ ... }`, `string[]`, `string?`; optional for a var) runs to `=` or the end of the line.
      while (this.peek() !== undefined && this.peek()?.t !== 'nl' && !this.is('=')) {
        if (this.is('(') || this.is('[') || this.is('{')) this.balanced();
        else this.i++;
      }
      if (!this.is('=')) return;
    }
    this.expect('=');
    const value = this.expression();
    this.endOfStatement();
    this.constants.set(name, value);
    this.origins.set(name, { ref: name, kind: keyword === 'param' ? 'parameter default' : 'var', path: this.path, line, snippet: (this.lines[line - 1] ?? '').slice(0, 1000) });
  }

  private endOfStatement(): void {
    const t = this.peek();
    if (t !== undefined && t.t !== 'nl') this.fail(`expected a new line, found ${describe(t)}`);
  }

  /** `resource sym 'Type@api' [existing] = body`, at the top level or nested in `owner`'s body. */
  private resource(owner: Owner | undefined): void {
    const header = this.expect('resource');
    const symTok = this.peek() as Token & { v: string };
    this.i++;
    const typeTok = this.peek();
    if (typeTok?.t !== 'str' || typeTok.value === undefined) this.fail('expected the resource type as a string');
    this.i++;
    const existing = this.is('existing');
    if (existing) this.i++;
    this.expect('=');
    const address = owner === undefined ? symTok.v : `${owner.address}::${symTok.v}`;
    const type = armType(typeTok.value, owner?.type);
    const children: IacResource[] = [];
    const body = this.resourceBody({ address, type }, children);
    this.endOfStatement();
    const withParent = owner === undefined ? body : makeMap([...body.entries.values(), { key: 'parent', value: makeExpr(owner.address, [owner.address], header.line), line: header.line }], body.line);
    this.resources.push({ address, type, mode: existing ? 'data' : 'managed', body: withParent, line: header.line }, ...children);
  }

  /** `{...}`, `if (cond) {...}`, `[for x in xs: {...}]`, `[for x in xs: if (cond) {...}]`: the object. */
  private resourceBody(self: Owner, children: IacResource[]): IacMap {
    if (this.is('if')) {
      this.i++;
      if (!this.is('(')) this.fail('expected ( after if');
      this.balanced();
    }
    if (this.is('[')) {
      this.i++;
      this.skipNewlines();
      this.forHead();
      this.skipNewlines();
      const body = this.resourceBody(self, children);
      this.skipNewlines();
      this.expect(']');
      return body;
    }
    if (!this.is('{')) this.fail(`expected the resource body, found ${describe(this.peek())}`);
    return this.object(self, children);
  }

  /** `for x in xs:` / `for (x, i) in xs:`, up to and with the colon. */
  private forHead(): void {
    this.expect('for');
    if (this.is('(')) this.balanced();
    else if (this.peek()?.t === 'id') this.i++;
    else this.fail(`expected the loop variable, found ${describe(this.peek())}`);
    this.expect('in');
    this.skipExpression(true);
    this.expect(':');
  }

  /** `module sym 'path' = body`: a call whose `params` are its inputs. */
  private module(): void {
    const header = this.expect('module');
    const sym = (this.peek() as Token & { v: string }).v;
    this.i++;
    if (this.peek()?.t !== 'str') this.fail('expected the module path as a string');
    this.i++;
    this.expect('=');
    const body = this.resourceBody({ address: `module.${sym}`, type: 'module' }, []);
    this.endOfStatement();
    const params = body.entries.get('params')?.value;
    const inputs = typeof params === 'object' && params !== null && params.kind === 'map' ? params : makeMap([], header.line);
    this.resources.push({ address: `module.${sym}`, type: 'module', mode: 'managed', body: inputs, line: header.line });
  }

  /** `{ key: value ... }`; nested `resource` declarations of a resource body go to `children`. */
  private object(self: Owner | undefined, children: IacResource[]): IacMap {
    const open = this.expect('{');
    this.enter(open);
    const entries: IacEntry[] = [];
    for (;;) {
      while (this.peek()?.t === 'nl' || this.is(',')) this.i++;
      const t = this.peek();
      if (t === undefined) this.fail(`object opened on line ${open.line} is never closed`);
      if (this.is('}')) break;
      if (self !== undefined && t.t === 'id' && t.v === 'resource' && this.peek(1)?.t === 'id') {
        const nested: IacResource[] = [];
        const before = this.resources.length;
        this.resource(self);
        nested.push(...this.resources.splice(before));
        children.push(...nested);
        continue;
      }
      if (this.is('@')) {
        this.decorator();
        continue;
      }
      if (this.is('...')) {
        this.i++;
        this.skipExpression(false);
        continue;
      }
      const key = t.t === 'id' ? t.v : t.t === 'str' ? (t.value ?? t.raw) : this.fail(`expected a property name, found ${describe(t)}`);
      this.i++;
      this.expect(':');
      const value = this.expression();
      const after = this.peek();
      if (after !== undefined && after.t !== 'nl' && !this.is(',') && !this.is('}')) this.fail(`expected a new line after the value of ${key}, found ${describe(after)}`);
      entries.push({ key, value, line: t.line });
    }
    this.i++;
    this.depth--;
    return makeMap(entries, open.line);
  }

  /** `[ item ... ]`; a for-expression is kept as written. */
  private array(): IacValue {
    const at = this.i;
    const open = this.expect('[');
    this.enter(open);
    this.skipNewlines();
    if (this.is('for')) {
      this.i = at;
      this.depth--;
      return this.asExpr(at, () => this.balanced());
    }
    const items: IacValue[] = [];
    for (;;) {
      while (this.peek()?.t === 'nl' || this.is(',')) this.i++;
      if (this.peek() === undefined) this.fail(`array opened on line ${open.line} is never closed`);
      if (this.is(']')) break;
      items.push(this.expression());
      const after = this.peek();
      if (after !== undefined && after.t !== 'nl' && !this.is(',') && !this.is(']')) this.fail(`expected a new line after an array item, found ${describe(after)}`);
    }
    this.i++;
    this.depth--;
    return { kind: 'list', items, line: open.line };
  }

  /** A value: a literal, object or array when it is only that, else an expression with its text and symbols. */
  private expression(): IacValue {
    const start = this.i;
    const t = this.peek();
    if (t === undefined) this.fail('expected a value, found the end of the file');
    let value: IacValue | undefined;
    if (this.is('{')) value = this.object(undefined, []);
    else if (this.is('[')) value = this.array();
    else if (t.t === 'str') {
      this.i++;
      value = t.value ?? makeExpr(t.raw, refsOf(t.interps.flat()), t.line, true);
    } else if (t.t === 'num') {
      this.i++;
      value = t.v;
    } else if (this.is('-') && this.peek(1)?.t === 'num') {
      this.i += 2;
      value = -(this.toks[this.i - 1] as Token & { v: number }).v;
    } else if (t.t === 'id' && (t.v === 'true' || t.v === 'false' || t.v === 'null')) {
      this.i++;
      value = t.v === 'null' ? null : t.v === 'true';
    }
    if (value !== undefined && this.atEnd(false)) return value;
    this.i = start;
    return this.asExpr(start, () => this.skipExpression(false));
  }

  private asExpr(start: number, skip: () => void): IacValue {
    const first = this.toks[start] as Token;
    skip();
    const last = this.toks[this.i - 1] ?? first;
    const text = this.src.slice(first.start, Math.min(last.end, first.start + MAX_TEXT));
    return makeExpr(text, refsOf(this.toks.slice(start, this.i)), first.line);
  }

  /** True at what ends a value: a new line, `,`, a closing bracket, the end; in a loop head, also `:`. */
  private atEnd(colon: boolean): boolean {
    const t = this.peek();
    return t === undefined || t.t === 'nl' || (t.t === 'p' && (t.v === ',' || t.v === '}' || t.v === ']' || t.v === ')' || (colon && t.v === ':')));
  }

  /** Skips an expression (brackets balanced, new lines inside them allowed); `colon` stops at a `:` no `?` opened. */
  private skipExpression(colon: boolean): void {
    let ternaries = 0;
    let operand = false;
    if (this.atEnd(false)) this.fail(`expected a value, found ${describe(this.peek())}`);
    for (;;) {
      if (this.atEnd(colon && ternaries === 0)) {
        // A line that starts with an operator goes on (`cond\n  ? a\n  : b`, `x\n  && y`).
        let k = 0;
        while (this.peek(k)?.t === 'nl') k++;
        const next = this.peek(k);
        const continues = k > 0 && next?.t === 'p' && (next.v === '?' || next.v === '??' || next.v === '&&' || next.v === '||' || (next.v === ':' && ternaries > 0));
        if (!continues) break;
        this.i += k;
        operand = false;
      }
      const t = this.peek() as Token;
      // Two operands in a row (`'a' 'b'`, `x y`) are no expression.
      const starts = t.t === 'id' || t.t === 'num' || t.t === 'str' || (t.t === 'p' && t.v === '{');
      if (starts && operand) this.fail(`expected an operator or a new line, found ${describe(t)}`, t);
      operand = t.t === 'id' || t.t === 'num' || t.t === 'str' || (t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{'));
      if (t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{')) this.balanced();
      else {
        if (t.t === 'p' && t.v === '?') ternaries++;
        if (t.t === 'p' && t.v === ':' && ternaries > 0) ternaries--;
        this.i++;
      }
    }
  }
}

/** Symbols an expression names: identifiers not after `.`, not called, not object keys (`a::b` is one). */
function refsOf(toks: readonly Token[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.t === 'str') {
      out.push(...refsOf(t.interps.flat()));
      continue;
    }
    if (t.t !== 'id' || KEYWORDS.has(t.v)) continue;
    const prev = toks[k - 1];
    const next = toks[k + 1];
    if (prev?.t === 'p' && (prev.v === '.' || prev.v === '.?' || prev.v === '::')) continue;
    if (next?.t === 'p' && next.v === '(') continue;
    // An object key (`{ name: x }` inside a call): after `{`, `,` or a new line.
    if (next?.t === 'p' && next.v === ':' && (prev === undefined || prev.t === 'nl' || (prev.t === 'p' && (prev.v === '{' || prev.v === ',')))) continue;
    let ref = t.v;
    while (toks[k + 1]?.t === 'p' && (toks[k + 1] as Token & { v: string }).v === '::' && toks[k + 2]?.t === 'id') {
      ref += `::${(toks[k + 2] as Token & { v: string }).v}`;
      k += 2;
    }
    out.push(ref);
  }
  return out;
}

function describe(t: Token | undefined): string {
  if (t === undefined) return 'the end of the file';
  if (t.t === 'nl') return 'a new line';
  if (t.t === 'str') return 'a string';
  return `'${String(t.v).slice(0, 40)}'`;
}

/**
 * Reads a Bicep file into a document keyed by its path (symbolic names are unique per file), its
 * params set from the parameter files beside it where they give literals (`param-files.ts`).
 */
export function readBicep(path: string, content: string, siblings?: SiblingFiles): ReadOutcome {
  const lexed = lexBicep(content);
  const parser = new Parser(lexed.tokens, content, path);
  const problems: Problem[] = [];
  try {
    parser.file();
  } catch (error) {
    if (!(error instanceof BicepSyntaxError)) throw error;
    // Tokens stop at a tokenizer error: what the parser then trips on is that error.
    if (lexed.error === undefined) problems.push({ message: `invalid Bicep: ${error.message}`, line: error.line });
  }
  if (lexed.error !== undefined) problems.push({ message: `invalid Bicep: ${lexed.error.message}`, line: lexed.error.line });
  const resources = parser.resources;
  for (const [name, { value, origin }] of parameterFileValues(path, siblings, parser.params)) {
    parser.constants.set(name, value);
    parser.origins.set(name, origin);
  }
  const doc: IacDocument = { format: 'bicep', keyPrefix: `bicep:${path}`, resources, byAddress: new Map(resources.map((r) => [r.address, r])), constants: parser.constants, origins: parser.origins };
  return { doc, problems };
}
