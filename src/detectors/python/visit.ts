/**
 * Walks parsed statements: every call expression (including calls nested in arguments,
 * decorators and `def` defaults) and every string literal held in a constant.
 */
import type { CallExpr, Expr } from './expressions.ts';
import type { Statement } from './statements.ts';

/** Visits an expression and everything nested in it, outer first, in source order (depth is bounded by the reader's cap). */
export function walk(e: Expr, fn: (e: Expr) => void): void {
  fn(e);
  switch (e.t) {
    case 'attr':
      return walk(e.obj, fn);
    case 'call':
      if (e.callee !== undefined) walk(e.callee, fn);
      for (const a of e.args) walk(a, fn);
      for (const k of e.kwargs) walk(k.value, fn);
      for (const r of e.rest) walk(r, fn);
      return;
    case 'seq':
      for (const i of e.items) walk(i, fn);
      return;
    case 'dict':
      for (const x of e.entries) { walk(x.key, fn); walk(x.value, fn); }
      for (const r of e.rest) walk(r, fn);
      return;
    case 'sub':
      walk(e.obj, fn);
      return walk(e.index, fn);
    case 'other':
      for (const p of e.parts) walk(p, fn);
      return;
    default:
      return;
  }
}

/** Top-level expressions of every statement, in file order (decorators, `def` signatures included). */
export function statementExprs(statements: readonly Statement[]): Expr[] {
  const out: Expr[] = [];
  const add = (list: readonly Expr[]): void => {
    for (const e of list) out.push(e); // no spread: a garbage statement can hold 100k+ pieces
  };
  for (const s of statements) {
    if (s.kind === 'def') {
      add(s.decorators);
      if (s.params !== undefined) out.push(s.params);
      add(s.body);
    } else if (s.kind === 'assign' || s.kind === 'expr' || s.kind === 'class') {
      add(s.exprs);
    }
  }
  return out;
}

/** Every call of a program in file order; a `def` signature counts as a call without callee. */
export function collectCalls(statements: readonly Statement[]): CallExpr[] {
  const out: CallExpr[] = [];
  for (const e of statementExprs(statements)) walk(e, (x) => { if (x.t === 'call') out.push(x); });
  return out;
}

/**
 * String literals of a literal constant: a string, or strings inside (nested) lists, tuples,
 * sets and dicts (keys and values). Calls and other expressions are not constants.
 */
export function constantStrings(e: Expr, out: Array<Extract<Expr, { t: 'str' }>> = [], depth = 0): Array<Extract<Expr, { t: 'str' }>> {
  if (depth > 50) return out;
  if (e.t === 'str') out.push(e);
  else if (e.t === 'seq') for (const i of e.items) constantStrings(i, out, depth + 1);
  else if (e.t === 'dict') for (const x of e.entries) { constantStrings(x.key, out, depth + 1); constantStrings(x.value, out, depth + 1); }
  return out;
}
