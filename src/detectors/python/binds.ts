/**
 * Binding sites besides plain `name = value`: tuple/list unpacking (`a, b = "x", "y"`,
 * `model_id, _ = resolve(...)`), `for` targets, `with ... as x` / `except E as x`, and the
 * names of `global`/`nonlocal` declarations. A name gets the element a literal tuple/list holds
 * at its position; otherwise it is bound with no value aimap can read (`value: undefined`), so it
 * shadows a same-named variable elsewhere instead of resolving to it (scope.ts).
 */
import { KEYWORDS } from './expressions.ts';
import type { Expr } from './expressions.ts';
import type { Token } from './tokenizer.ts';

/** A name a statement binds and the value it gets (undefined: none aimap can read). */
export interface Bound {
  readonly name: string;
  readonly value: Expr | undefined;
}

/** One position of a target list: a (dotted) name, a nested list, or something else (`d[k]`). */
interface Target {
  readonly name?: string | undefined;
  readonly nested?: readonly Target[] | undefined;
  readonly star: boolean;
}

const MAX_NESTING = 16;
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Splits `tokens[start, end)` at top-level commas; undefined when brackets do not balance. */
function splitCommas(tokens: readonly Token[], start: number, end: number): Array<[number, number]> | undefined {
  const pieces: Array<[number, number]> = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind !== 'op') continue;
    if (OPEN.has(tok.text)) depth++;
    else if (CLOSE.has(tok.text) && --depth < 0) return undefined;
    else if (tok.text === ',' && depth === 0) {
      pieces.push([from, i]);
      from = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  if (from < end) pieces.push([from, end]);
  return pieces;
}

/** True when `tokens[start]` opens a bracket that closes at `end - 1`. */
function wrapped(tokens: readonly Token[], start: number, end: number): boolean {
  const open = tokens[start]?.text;
  if (open !== '(' && open !== '[') return false;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind !== 'op') continue;
    if (OPEN.has(tok.text)) depth++;
    else if (CLOSE.has(tok.text) && --depth === 0) return i === end - 1;
  }
  return false;
}

function readTarget(tokens: readonly Token[], start: number, end: number, level: number): Target | undefined {
  const star = tokens[start]?.text === '*';
  const from = star ? start + 1 : start;
  if (from >= end) return undefined;
  if (wrapped(tokens, from, end)) {
    const nested = level < MAX_NESTING ? readTargetList(tokens, from + 1, end - 1, level + 1) : undefined;
    return nested === undefined ? undefined : { nested, star };
  }
  for (let i = from; i < end; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'name' && KEYWORDS.has(tok.text)) return undefined;
    if (tok.kind === 'op' && tok.text === ':') return undefined; // `if x: a, b = ...` is no target list
  }
  return { name: plainName(tokens, from, end), star };
}

/** `a` or `a.b.c` spanning exactly `tokens[start, end)`, else undefined (`d["k"]`, `f().x`). */
export function plainName(tokens: readonly Token[], start: number, end: number): string | undefined {
  if ((end - start) % 2 === 0) return undefined;
  let name = '';
  for (let i = start; i < end; i++) {
    const tok = tokens[i] as Token;
    const ok = (i - start) % 2 === 0 ? tok.kind === 'name' && !KEYWORDS.has(tok.text) : tok.kind === 'op' && tok.text === '.';
    if (!ok) return undefined;
    name += tok.text;
  }
  return name;
}

/** Targets separated by commas (a trailing comma allowed); undefined when one is no target. */
function readTargetList(tokens: readonly Token[], start: number, end: number, level: number): Target[] | undefined {
  const pieces = splitCommas(tokens, start, end);
  if (pieces === undefined) return undefined;
  const out: Target[] = [];
  for (const [from, to] of pieces) {
    const t = readTarget(tokens, from, to, level);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

/**
 * The targets of an unpacking target `tokens[start, end)`: `a, b`, `(a, b)`, `[a, *rest]`,
 * `x, (y, z)`. Undefined for a single name (an ordinary assignment) or anything else.
 */
export function targetList(tokens: readonly Token[], start: number, end: number): readonly Target[] | undefined {
  if (wrapped(tokens, start, end)) return readTargetList(tokens, start + 1, end - 1, 1);
  const pieces = splitCommas(tokens, start, end);
  return pieces !== undefined && (pieces.length > 1 || tokens[end - 1]?.text === ',') ? readTargetList(tokens, start, end, 0) : undefined;
}

/** The items of a literal tuple/list: `("x", "y")`, `["x", "y"]`, or a bare `"x", "y"`. */
export function literalItems(value: Expr | undefined): readonly Expr[] | undefined {
  if (value?.t === 'seq' && value.kind !== 'set') return value.items;
  if (value?.t !== 'other' || value.ops.length === 0 || !value.ops.every((op) => op === ',')) return undefined;
  const n = value.parts.length;
  return n === value.ops.length + 1 || n === value.ops.length ? value.parts : undefined;
}

/** Binds targets to a value: element-wise when it is a literal tuple/list of the same length, else to no value. */
export function unpack(targets: readonly Target[], value: Expr | undefined, out: Bound[]): void {
  const items = literalItems(value);
  const exact = items !== undefined && items.length === targets.length && !targets.some((t) => t.star);
  targets.forEach((t, i) => {
    const v = exact ? items[i] : undefined;
    if (t.nested !== undefined) unpack(t.nested, v, out);
    else if (t.name !== undefined) out.push({ name: t.name, value: v });
  });
}

/** Names after `as` in a `with`/`except` header (`with A() as a, B() as b:`); bound to no value. */
export function asNames(tokens: readonly Token[], start: number, end: number): Bound[] {
  const out: Bound[] = [];
  for (let i = start; i < end - 1; i++) {
    const tok = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (tok.kind !== 'name' || tok.text !== 'as' || next.kind !== 'name' || KEYWORDS.has(next.text)) continue;
    const after = tokens[i + 2]?.text;
    if (i + 2 >= end || after === ',' || after === ':' || after === ')') out.push({ name: next.text, value: undefined });
  }
  return out;
}

/** The names of `global a, b` / `nonlocal a`. */
export function declaredNames(tokens: readonly Token[], start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start + 1; i < end; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'name') out.push(tok.text);
  }
  return out;
}
