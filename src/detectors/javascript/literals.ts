/**
 * Literal helpers shared by the resolver and the analyses: unwrapping type assertions, reading
 * string literals, and listing the string leaves of a constant's value.
 */
import type { Node } from '@babel/types';
import { keyName } from './walk.ts';

const MAX_DEPTH = 12;

/** Strips type assertions and parentheses: `x as const`, `x satisfies T`, `x!`, `<T>x`, `(x)`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression'
      || current.type === 'TSTypeAssertion' || current.type === 'ParenthesizedExpression' || current.type === 'TypeCastExpression') {
      current = current.expression;
    } else return current;
  }
}

/** The value of a string literal or an expression-free template literal. */
export function literalString(node: Node): string | undefined {
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * Every string literal making up a constant's value: through arrays, object values, enum members,
 * `as const`, `Object.freeze`, `??`/`||` defaults and ternaries. Does not follow identifiers: each
 * declaration is visited on its own.
 */
export function literalLeaves(node: Node, out: Node[] = [], depth = 0): Node[] {
  const n = unwrap(node);
  if (depth > MAX_DEPTH) return out;
  if (literalString(n) !== undefined) out.push(n);
  else if (n.type === 'ArrayExpression') for (const el of n.elements) { if (el && el.type !== 'SpreadElement') literalLeaves(el, out, depth + 1); }
  else if (n.type === 'ObjectExpression') for (const p of n.properties) { if (p.type === 'ObjectProperty') literalLeaves(p.value, out, depth + 1); }
  else if (n.type === 'TSEnumDeclaration') for (const m of n.members) { if (m.initializer) literalLeaves(m.initializer, out, depth + 1); }
  else if (n.type === 'LogicalExpression') { literalLeaves(n.left, out, depth + 1); literalLeaves(n.right, out, depth + 1); }
  else if (n.type === 'ConditionalExpression') { literalLeaves(n.consequent, out, depth + 1); literalLeaves(n.alternate, out, depth + 1); }
  else if (isObjectFreeze(n) && n.arguments[0]) literalLeaves(n.arguments[0], out, depth + 1);
  return out;
}

/** `Object.freeze(x)`: a common wrapper around constant maps. */
export function isObjectFreeze(node: Node): node is Extract<Node, { type: 'CallExpression' }> {
  return node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier'
    && node.callee.object.name === 'Object' && keyName(node.callee.property) === 'freeze';
}

/** The operands of a left-deep `a + b + c + …` chain, in order (no recursion: chains can be long). */
export function flattenPlus(node: Node): Node[] {
  const parts: Node[] = [];
  let current = node;
  while (current.type === 'BinaryExpression' && current.operator === '+' && current.left.type !== 'PrivateName') {
    parts.push(current.right);
    current = current.left;
  }
  parts.push(current);
  return parts.reverse();
}
