/**
 * pgvector columns of a Drizzle schema. A schema file imports no AI package, so this has its own
 * gate (`precheck.ts` `mayDeclarePgVector`, on the import of one of `SCHEMA_MODULES`):
 *
 * - `vector('embedding', { dimensions: 1536 })`, `halfvec(...)`, `sparsevec(...)` imported from
 *   `drizzle-orm/pg-core` (Drizzle's pg_vector column types, drizzle docs "PostgreSQL extensions")
 *   or `vector` from `pgvector/drizzle-orm` (pgvector-node's own Drizzle type);
 * - `customType({ dataType() { return `vector(${n})` } })` from `drizzle-orm/pg-core`: the
 *   hand-made column type of projects on Drizzle before it had one (what `dataType` returns: a
 *   literal, a template's text, or a same-file constant).
 *
 * Each is a `pgvector` vector store (`clients`: the export called; `dimensions` where written as a
 * number), the asset the SQL detector gives for the same database's migrations. A parameter or
 * variable that shadows the imported name is not the import.
 */
import type { Node } from '@babel/types';
import type { Context } from './context.ts';
import { SCHEMA_MODULES } from './precheck.ts';
import { isNode, keyName } from './walk.ts';

/** pgvector's column types, as both modules export them (`bit` is also plain Postgres's). */
const PGVECTOR_TYPES: ReadonlySet<string> = new Set(['vector', 'halfvec', 'sparsevec']);
/** Modules whose vector column types are pgvector's, with the names they export for them. */
const COLUMN_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map(SCHEMA_MODULES.map((m) => [m, PGVECTOR_TYPES]));
/** Where `customType` makes a column type of any SQL type name. */
const CUSTOM_TYPE_MODULE = 'drizzle-orm/pg-core';

/** A SQL type name that is pgvector's: `vector`, `vector(1536)`, `halfvec(768)`, `sparsevec(1000)`. */
const PGVECTOR_SQL_TYPE = /^\s*(?:vector|halfvec|sparsevec)\s*(?:\(|$)/i;
/** Nodes looked at inside one `dataType` function: a hand-made type is a few lines. */
const MAX_NODES = 200;

interface Imported {
  /** Local name → the column type it stands for (`vector`), or `customType`. */
  readonly named: Map<string, string>;
  /** Namespace imports of a listed module (`import * as pg from 'drizzle-orm/pg-core'`), with that module. */
  readonly namespaces: Map<string, string>;
}

function importsOf(ctx: Context): Imported {
  const named = new Map<string, string>();
  const namespaces = new Map<string, string>();
  for (const node of ctx.facts.importNodes) {
    if (node.type !== 'ImportDeclaration' || node.importKind === 'type') continue;
    const source = node.source.value;
    const types = COLUMN_TYPES.get(source);
    if (types === undefined) continue;
    for (const spec of node.specifiers) {
      if (spec.type === 'ImportNamespaceSpecifier') namespaces.set(spec.local.name, source);
      else if (spec.type === 'ImportSpecifier' && spec.importKind !== 'type') {
        const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
        if (types.has(imported) || (imported === 'customType' && source === CUSTOM_TYPE_MODULE)) named.set(spec.local.name, imported);
      }
    }
  }
  return { named, namespaces };
}

/**
 * What a callee stands for: a column type's export name, `customType`, or undefined. A local
 * declaration of the name in scope (a parameter, a variable) shadows the import.
 */
function exportCalled(ctx: Context, callee: Node, imported: Imported): string | undefined {
  const local = callee.type === 'Identifier' ? callee : callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' ? callee.object : undefined;
  // The import first: a lookup goes through every declaration of the name, and most calls are of other names.
  if (local === undefined || (!imported.named.has(local.name) && !imported.namespaces.has(local.name))) return undefined;
  if (ctx.resolver.lookup(local.name, local.start ?? 0) !== undefined) return undefined;
  if (callee.type === 'Identifier') return imported.named.get(callee.name);
  const source = imported.namespaces.get(local.name);
  const name = source === undefined || callee.type !== 'MemberExpression' ? undefined : keyName(callee.property);
  if (source === undefined || name === undefined) return undefined;
  return COLUMN_TYPES.get(source)?.has(name) || (name === 'customType' && source === CUSTOM_TYPE_MODULE) ? name : undefined;
}

/** Detects pgvector columns declared through Drizzle. */
export function detectSchemaVectors(ctx: Context): void {
  const imported = importsOf(ctx);
  if (imported.named.size === 0 && imported.namespaces.size === 0) return;
  for (const call of ctx.facts.calls) {
    if (call.type !== 'CallExpression') continue;
    const called = exportCalled(ctx, call.callee, imported);
    if (called === undefined) continue;
    const dimensions = called === 'customType' ? customVectorType(ctx, call.arguments[0]) : { dimensions: dimensionsOf(ctx, call.arguments) };
    if (dimensions === undefined) continue;
    ctx.found.add({
      kind: 'vector-store',
      key: 'pgvector',
      name: 'pgvector',
      provider: 'pgvector',
      attributes: { clients: [called], ...(dimensions.dimensions === undefined ? {} : { dimensions: [dimensions.dimensions] }) },
      evidence: ctx.evidence(call, 'call-site', 'declared'),
    });
  }
}

/** `{ dimensions: 1536 }` (or a constant holding the number) among a column's arguments. */
function dimensionsOf(ctx: Context, args: readonly Node[]): number | undefined {
  for (const arg of args) {
    const options = ctx.resolver.object(arg);
    const value = options === undefined ? undefined : ctx.resolver.property(options.node, 'dimensions');
    const target = value === undefined ? undefined : ctx.resolver.value(value);
    if (target?.node.type === 'NumericLiteral' && Number.isInteger(target.node.value) && target.node.value > 0) return target.node.value;
  }
  return undefined;
}

const FUNCTIONS: ReadonlySet<string> = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);
/** The dimension written in a pgvector type name: `vector(1536)`. */
const TYPE_DIMENSIONS = /^\s*(?:vector|halfvec|sparsevec)\s*\(\s*(\d+)\s*\)\s*$/i;

/**
 * Whether a `customType` definition's `dataType` returns one of pgvector's type names (a literal,
 * a template whose text starts with one, or a same-file constant), and the dimension when it is
 * written as a number: undefined when it does not.
 */
function customVectorType(ctx: Context, arg: Node | undefined): { dimensions?: number } | undefined {
  const definition = arg === undefined ? undefined : ctx.resolver.object(arg);
  const dataType = definition === undefined ? undefined : ctx.resolver.property(definition.node, 'dataType');
  const fn = dataType === undefined ? undefined : (ctx.resolver.value(dataType)?.node ?? dataType);
  if (fn === undefined || !FUNCTIONS.has(fn.type)) return undefined;
  for (const returned of returnedExpressions(fn)) {
    const texts = returned.type === 'TemplateLiteral' && returned.expressions.length > 0 ? [`${returned.quasis[0]?.value.cooked ?? ''}\u0000`] : ctx.resolver.strings(returned).map((r) => r.value);
    for (const text of texts) {
      if (!PGVECTOR_SQL_TYPE.test(text)) continue;
      const n = TYPE_DIMENSIONS.exec(text)?.[1];
      return n === undefined ? {} : { dimensions: Number(n) };
    }
  }
  return undefined;
}

/** What a function returns: an arrow's expression body, or the arguments of its own `return`s (not nested functions'). */
function returnedExpressions(fn: Node): Node[] {
  if (fn.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement') return [fn.body];
  const body = 'body' in fn ? (fn.body as Node | undefined) : undefined;
  const out: Node[] = [];
  const pending: Node[] = body === undefined ? [] : [body];
  for (let seen = 0; pending.length > 0 && seen < MAX_NODES; seen++) {
    const node = pending.pop() as Node;
    if (node.type === 'ReturnStatement') {
      if (node.argument) out.push(node.argument);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'extra' || value === null || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child) && !FUNCTIONS.has(child.type)) pending.push(child);
      }
    }
  }
  return out;
}
