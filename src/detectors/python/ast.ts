/**
 * The expression tree the reader builds: just enough shape for imports, calls and literals.
 * Operators are not modelled: a run of primaries joined by operators is an `other` node.
 */

export interface Kwarg {
  readonly name: string;
  readonly value: Expr;
}

export interface DictEntry {
  readonly key: Expr;
  readonly value: Expr;
}

/** A parsed expression; `line` is where it starts. A `def` signature is a call without callee whose `params` names every parameter. */
export type Expr =
  | { readonly t: 'str'; readonly value: string | undefined; readonly line: number }
  | { readonly t: 'const'; readonly text: string; readonly line: number }
  | { readonly t: 'name'; readonly id: string; readonly line: number }
  | { readonly t: 'attr'; readonly obj: Expr; readonly attr: string; readonly line: number }
  | { readonly t: 'call'; readonly callee: Expr | undefined; readonly args: readonly Expr[]; readonly kwargs: readonly Kwarg[]; readonly rest: readonly Expr[]; readonly line: number; readonly params?: readonly string[] }
  | { readonly t: 'seq'; readonly kind: 'list' | 'tuple' | 'set'; readonly items: readonly Expr[]; readonly line: number }
  | { readonly t: 'dict'; readonly entries: readonly DictEntry[]; readonly rest: readonly Expr[]; readonly line: number }
  | { readonly t: 'sub'; readonly obj: Expr; readonly index: Expr; readonly line: number }
  | { readonly t: 'other'; readonly parts: readonly Expr[]; readonly ops: readonly string[]; readonly line: number };

export type CallExpr = Extract<Expr, { t: 'call' }>;
