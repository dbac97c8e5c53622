/**
 * `vector-store` assets: constructor/factory calls of `PY_VECTOR_CLIENTS` imported from a listed
 * package (module aliases resolved: `import chromadb as c; c.PersistentClient()`), plus
 * collection/index names opened on such a client (`pc.Index("docs")`,
 * `client.get_or_create_collection(name="docs")`) or passed as `collection_name=`.
 */
import { findVectorClient, PY_VECTOR_CLIENTS, type VectorClient } from '../shared/vector-stores.ts';
import { VECTOR_COLLECTION_KEYWORDS, VECTOR_COLLECTION_METHODS, VECTOR_FACTORY_METHODS } from './catalog.ts';
import type { Context } from './context.ts';
import type { CallExpr } from './expressions.ts';
import { CALL } from './scope.ts';

interface Hit {
  readonly client: VectorClient;
  readonly name: string;
}

/** A constructor `pkg.Name` or factory `pkg.Name.from_documents` among qualified segments. */
function constructorHit(segments: readonly string[]): Hit | undefined {
  if (segments.includes(CALL) || segments.includes('[]')) return undefined;
  const last = segments.length - 1;
  const positions = VECTOR_FACTORY_METHODS.includes(segments[last] ?? '') ? [last, last - 1] : [last];
  for (const i of positions) {
    const name = segments[i];
    if (name === undefined || i < 1) continue;
    const client = findVectorClient(PY_VECTOR_CLIENTS, name, segments.slice(0, i).join('.'));
    if (client) return { client, name };
  }
  return undefined;
}

function collections(ctx: Context, call: CallExpr, positional: boolean): string[] {
  const exprs = call.kwargs.filter((k) => VECTOR_COLLECTION_KEYWORDS.includes(k.name)).map((k) => k.value);
  if (positional && call.args[0] !== undefined) exprs.push(call.args[0]);
  const names = exprs.flatMap((e) => ctx.scope.strings(e).map((r) => r.value.trim()));
  return [...new Set(names.filter((n) => n !== '' && n.length <= 200))];
}

function record(ctx: Context, hit: Hit, call: CallExpr, attributes: Record<string, string[]>): void {
  ctx.out.add({
    kind: 'vector-store',
    key: hit.client.product,
    name: hit.client.product,
    provider: hit.client.product,
    attributes,
    evidence: ctx.at(call.line, 'call-site', 'declared'),
  });
}

/** Records vector stores constructed or opened in the file. */
export function detectVectors(ctx: Context): void {
  for (const call of ctx.calls) {
    const origin = ctx.scope.origin(call.callee);
    if (origin === undefined) continue;
    const ctor = constructorHit(origin);
    if (ctor !== undefined) {
      const names = collections(ctx, call, false);
      record(ctx, ctor, call, { clients: [ctor.name], ...(names.length > 0 ? { collections: names } : {}) });
      continue;
    }
    const cut = origin.indexOf(CALL);
    if (cut === -1) continue;
    const instance = constructorHit(origin.slice(0, cut));
    const method = origin.slice(cut + 1).join('.');
    if (instance === undefined || !VECTOR_COLLECTION_METHODS.includes(method)) continue;
    const names = collections(ctx, call, true);
    if (names.length > 0) record(ctx, instance, call, { collections: names });
  }
}
