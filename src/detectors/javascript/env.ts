/**
 * Environment lookups with a literal fallback: `<env>.OPENAI_MODEL || 'gpt-4o'`, `<env>['MODEL'] ?? '…'`
 * and `const { MODEL = '…' } = <env>`, where `<env>` is the `env` object of Node's `process`, of
 * `import.meta` (Vite) or of `Bun`; and `Deno.env.get('MODEL') ?? '…'`. The program reads the value
 * from the environment, and the fallback is the one it runs with unless told otherwise.
 */
import type { Node } from '@babel/types';
import { literalString, unwrap } from './literals.ts';
import { keyName } from './walk.ts';

/** The literal fallbacks of an environment lookup and the variable names it reads. */
export interface EnvFallback {
  /** Names of the environment variables read (a computed name is left out). */
  readonly names: readonly string[];
  /** The string literals given as fallbacks. */
  readonly values: readonly Node[];
}

/** Operands of a `||` / `??` chain are read at most this deep. */
const MAX_CHAIN = 8;

/** The `env` object of `process`, `import.meta` or `Bun`: its members are environment variables. */
export function isEnvObject(node: Node): boolean {
  const n = unwrap(node);
  if ((n.type !== 'MemberExpression' && n.type !== 'OptionalMemberExpression') || n.computed || keyName(n.property) !== 'env') return false;
  const obj = unwrap(n.object);
  return (obj.type === 'Identifier' && (obj.name === 'process' || obj.name === 'Bun')) || (obj.type === 'MetaProperty' && obj.meta.name === 'import' && obj.property.name === 'meta');
}

/** The variable an environment lookup reads (`''` when computed), or undefined when `node` is none. */
function envName(node: Node): string | undefined {
  const n = unwrap(node);
  if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && isEnvObject(n.object)) {
    return n.computed ? (literalString(n.property) ?? '') : (keyName(n.property) ?? '');
  }
  if (n.type !== 'CallExpression' && n.type !== 'OptionalCallExpression') return undefined;
  const callee = unwrap(n.callee);
  if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed || keyName(callee.property) !== 'get') return undefined;
  const env = unwrap(callee.object);
  const deno = (env.type === 'MemberExpression' || env.type === 'OptionalMemberExpression') && !env.computed && keyName(env.property) === 'env'
    && env.object.type === 'Identifier' && env.object.name === 'Deno';
  if (!deno) return undefined;
  const arg = n.arguments[0];
  return arg === undefined || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder' ? '' : (literalString(arg) ?? '');
}

/**
 * `lookup || 'x'`, `lookup ?? other ?? 'x'`: the literal operands of a `||`/`??` chain holding at
 * least one environment lookup; undefined for anything else.
 */
export function envFallback(node: Node): EnvFallback | undefined {
  const top = unwrap(node);
  if (top.type !== 'LogicalExpression' || top.operator === '&&') return undefined;
  const names: string[] = [];
  const values: Node[] = [];
  let lookups = 0;
  const read = (operand: Node, depth: number): void => {
    const n = unwrap(operand);
    if (n.type === 'LogicalExpression' && n.operator !== '&&' && depth < MAX_CHAIN) {
      read(n.left, depth + 1);
      read(n.right, depth + 1);
      return;
    }
    const name = envName(n);
    if (name !== undefined) {
      lookups++;
      if (name !== '') names.push(name);
    } else if (literalString(n) !== undefined) values.push(n);
  };
  read(top, 0);
  return lookups > 0 ? { names, values } : undefined;
}
