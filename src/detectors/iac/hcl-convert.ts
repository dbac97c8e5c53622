/**
 * HCL syntax tree → format-neutral values (`value.ts`). Literals, tuples, objects and literal
 * templates become values; `jsonencode(...)`-like wrappers are looked through so an inline IAM
 * policy reads as the object it encodes; everything else is an `IacExpr` with its source text and
 * the Terraform addresses it references. A body becomes a map: attributes by name, nested blocks
 * of one type as a list of maps (`dynamic "x" { content {...} }` reads as blocks `x`).
 */
import type { BodyItem, Expr, Step } from './hcl-ast.ts';
import { stripIndent } from './hcl-template.ts';
import { makeExpr, makeMap, type IacEntry, type IacMap, type IacValue } from './value.ts';

/** Functions whose result is their (single) argument as far as inventory is concerned. */
const TRANSPARENT_CALLS = new Set(['jsonencode', 'yamlencode', 'tolist', 'toset', 'tomap', 'sensitive', 'nonsensitive']);
/** Roots that never name a resource. */
const NON_RESOURCE_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

/** Converts an expression to a value; `src` is the file text the expression's offsets point into. */
export function toValue(src: string, expr: Expr): IacValue {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'template':
      return templateValue(src, expr);
    case 'tuple':
      return { kind: 'list', items: expr.items.map((i) => toValue(src, i)), line: expr.line };
    case 'object': {
      const entries: IacEntry[] = expr.items.map((item) => ({ key: keyText(src, item.key), value: toValue(src, item.value), line: item.line }));
      return makeMap(entries, expr.line);
    }
    case 'call':
      if (TRANSPARENT_CALLS.has(expr.name) && expr.args.length === 1) return toValue(src, expr.args[0] as Expr);
      return makeExpr(src.slice(expr.start, expr.end), referencesIn(expr), expr.line);
    default:
      return makeExpr(src.slice(expr.start, expr.end), referencesIn(expr), expr.line);
  }
}

function templateValue(src: string, expr: Extract<Expr, { type: 'template' }>): IacValue {
  const only = expr.parts[0];
  // "${x}" alone is x itself (HCL unwraps a lone interpolation): keeps jsonencode/refs readable in TF JSON too.
  if (!expr.opaque && expr.parts.length === 1 && typeof only === 'object') return toValue(src, only);
  if (!expr.opaque && expr.parts.every((p) => typeof p === 'string')) {
    const text = expr.parts.join('');
    return expr.flush === true ? stripIndent(text) : text;
  }
  const quoted = src[expr.start] === '"';
  const raw = src.slice(quoted ? expr.start + 1 : expr.start, quoted ? expr.end - 1 : expr.end);
  return makeExpr(expr.flush === true ? stripIndent(raw) : raw, referencesIn(expr), expr.line, !expr.opaque);
}

function keyText(src: string, key: Expr): string {
  if (key.type === 'traversal' && key.steps.length === 0) return key.root;
  if (key.type === 'literal') return String(key.value);
  if (key.type === 'template' && key.parts.every((p) => typeof p === 'string')) return key.parts.join('');
  return src.slice(key.start, key.end);
}

/** Terraform addresses an expression references (`aws_iam_role.x`, `data.t.n`, `var.v`, `local.l`, `module.m`, `each.value`, `count.index`). */
export function referencesIn(expr: Expr): string[] {
  const out = new Set<string>();
  const stack: Expr[] = [expr];
  for (let budget = 100_000; stack.length > 0 && budget > 0; budget--) {
    const e = stack.pop() as Expr;
    if (e.type === 'traversal') {
      const ref = addressOf(e.root, e.steps);
      if (ref !== undefined) out.add(ref);
      for (const s of e.steps) if ('index' in s) stack.push(s.index);
    } else if (e.type === 'template') {
      for (const p of e.parts) if (typeof p !== 'string') stack.push(p);
    } else if (e.type === 'tuple') {
      stack.push(...e.items);
    } else if (e.type === 'call') {
      stack.push(...e.args);
    } else if (e.type === 'object') {
      for (const i of e.items) stack.push(i.key, i.value);
    } else if (e.type === 'compound') {
      stack.push(...e.children);
    }
  }
  return [...out];
}

function addressOf(root: string, steps: readonly Step[]): string | undefined {
  const attr = (n: number): string | undefined => {
    const s = steps[n];
    return s !== undefined && 'attr' in s ? s.attr : undefined;
  };
  const first = attr(0);
  // An instance's own key and value (`count`/`for_each`): resolved per instance (`instances.ts`).
  if ((root === 'each' && (first === 'key' || first === 'value')) || (root === 'count' && first === 'index')) return `${root}.${first}`;
  if (first === undefined || NON_RESOURCE_ROOTS.has(root)) return undefined;
  if (root === 'var' || root === 'local' || root === 'module') return `${root}.${first}`;
  if (root === 'data') {
    const name = attr(1);
    return name === undefined ? undefined : `data.${first}.${name}`;
  }
  // Managed resources are `<provider>_<type>.<name>`; a bare `x.y` on another root is a for-expression variable.
  return root.includes('_') ? `${root}.${first}` : undefined;
}

/** A body as a map: attributes by name; blocks of one type as a list of maps. */
export function bodyToMap(src: string, body: readonly BodyItem[], line: number): IacMap {
  const entries: IacEntry[] = [];
  const blocks = new Map<string, { line: number; maps: IacMap[] }>();
  for (const item of body) {
    if (item.type === 'attribute') {
      entries.push({ key: item.name, value: toValue(src, item.expr), line: item.line });
      continue;
    }
    const isDynamic = item.blockType === 'dynamic' && item.labels.length === 1;
    const type = isDynamic ? (item.labels[0] as string) : item.blockType;
    const content = isDynamic ? item.body.find((b) => b.type === 'block' && b.blockType === 'content') : undefined;
    const inner = content?.type === 'block' ? content.body : item.body;
    const group = blocks.get(type) ?? { line: item.line, maps: [] };
    group.maps.push(bodyToMap(src, inner, item.line));
    blocks.set(type, group);
  }
  for (const [type, group] of blocks) entries.push({ key: type, value: { kind: 'list', items: group.maps, line: group.line }, line: group.line });
  return makeMap(entries, line);
}
