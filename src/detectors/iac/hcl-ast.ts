/**
 * HCL2 syntax tree: a body of attributes and blocks; expressions keep their source range so
 * anything not evaluated (operators, for-expressions, unknown functions) is reported as written.
 */

interface Span {
  /** Source offsets `[start, end)` of the whole expression. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export type TemplatePart = string | Expr;

export type Step = { readonly attr: string } | { readonly index: Expr } | { readonly splat: true };

export type Expr =
  | (Span & { readonly type: 'literal'; readonly value: string | number | boolean | null })
  /** A quoted string or heredoc: literal text and interpolations (`%{}` directives count as opaque). */
  | (Span & { readonly type: 'template'; readonly parts: readonly TemplatePart[]; readonly opaque: boolean; readonly flush?: boolean })
  | (Span & { readonly type: 'tuple'; readonly items: readonly Expr[] })
  | (Span & { readonly type: 'object'; readonly items: readonly ObjectItem[] })
  /** `root.a[0].b`, `data.t.n.json`, `var.x`: a variable and its attribute/index steps. */
  | (Span & { readonly type: 'traversal'; readonly root: string; readonly steps: readonly Step[] })
  | (Span & { readonly type: 'call'; readonly name: string; readonly args: readonly Expr[] })
  /** Operators, conditionals, for-expressions, steps on non-variables: kept as text, children for references. */
  | (Span & { readonly type: 'compound'; readonly children: readonly Expr[] });

export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
  readonly line: number;
}

export interface Attribute {
  readonly type: 'attribute';
  readonly name: string;
  readonly expr: Expr;
  readonly line: number;
}

export interface Block {
  readonly type: 'block';
  readonly blockType: string;
  readonly labels: readonly string[];
  readonly body: readonly BodyItem[];
  readonly line: number;
}

export type BodyItem = Attribute | Block;
