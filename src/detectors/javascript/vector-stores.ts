/**
 * Vector stores: constructor/factory calls of `JS_VECTOR_CLIENTS` imported from one of the listed
 * packages (`new Pinecone()`, `weaviate.connectToWeaviateCloud()`, `PineconeStore.fromExistingIndex()`),
 * named by product. Index/collection names go in `collections` when written literally (or in a
 * same-file constant): `pc.index('docs')`, `getOrCreateCollection({ name })`, `{ collectionName }`.
 */
import type { Node } from '@babel/types';
import { findVectorClient, JS_VECTOR_CLIENTS, type VectorClient } from '../shared/vector-stores.ts';
import { COLLECTION_METHODS, COLLECTION_PROPERTIES } from './catalog.ts';
import type { ResolvedString } from './constants.ts';
import type { Context } from './context.ts';
import type { Origin } from './origins.ts';
import { keyName } from './walk.ts';

/** Detects vector-store clients and the collections they name. */
export function detectVectorStores(ctx: Context): void {
  for (const call of ctx.facts.calls) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression') continue;
    const callee = ctx.origins.of(call.callee);
    const client = callee?.role === 'module' ? clientOf(callee) : undefined;
    if (client && callee) {
      const name = callee.names.find((n) => client.names.includes(n)) ?? client.product;
      ctx.found.add({ kind: 'vector-store', key: client.product, name: client.product, provider: client.product, attributes: { clients: [name] }, evidence: ctx.evidence(call, 'call-site', 'declared') });
    }
    for (const found of collectionsOf(ctx, call)) {
      ctx.found.add({
        kind: 'vector-store',
        key: found.product,
        name: found.product,
        provider: found.product,
        attributes: { collections: [found.name.value] },
        evidence: ctx.evidence(found.name.node, 'call-site', found.name.indirect ? 'inferred' : 'declared'),
      });
    }
  }
}

/** The vector client an import stands for, if it is one of the catalog's and comes from a listed package. */
function clientOf(origin: Origin): VectorClient | undefined {
  for (const name of origin.names) {
    const client = findVectorClient(JS_VECTOR_CLIENTS, name, origin.binding.import.specifier);
    if (client) return client;
  }
  return undefined;
}

type CallNode = Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' | 'NewExpression' }>;
type MemberNode = Extract<Node, { type: 'MemberExpression' | 'OptionalMemberExpression' }>;

/** Literal collection names in a call on (or of) a vector client. */
function collectionsOf(ctx: Context, call: CallNode): Array<{ product: string; name: ResolvedString }> {
  const callee = call.callee;
  const member = (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed ? callee : undefined;
  const receiver = member ? ctx.origins.of(member.object) : undefined;
  const direct = ctx.origins.of(callee);
  const client = (receiver && clientOf(receiver)) ?? (direct && clientOf(direct));
  if (!client) return [];
  const fromMethod = member ? methodCollection(ctx, client.product, member, call.arguments[0]) : undefined;
  const names = [...(fromMethod ? [fromMethod] : []), ...optionCollections(ctx, call)];
  return names.filter((s) => s.value.trim() !== '').map((name) => ({ product: client.product, name }));
}

/** `pc.index('docs')`, `chroma.getCollection({ name: 'notes' })`, `client.collections.get('Article')`. */
function methodCollection(ctx: Context, product: string, member: MemberNode, arg: CallNode['arguments'][number] | undefined): ResolvedString | undefined {
  const method = keyName(member.property);
  const row = COLLECTION_METHODS.find((r) => r.product === product);
  if (!row || method === undefined || !arg || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') return undefined;
  const parent = member.object.type === 'MemberExpression' && !member.object.computed ? keyName(member.object.property) : undefined;
  if (!row.methods.includes(method) && (parent === undefined || !row.methods.includes(`${parent}.${method}`))) return undefined;
  const named = ctx.resolver.object(arg);
  const value = named ? ctx.resolver.property(named.node, 'name') : arg;
  return value ? ctx.resolver.string(value) : undefined;
}

/** `{ collectionName: 'faq' }` and the like in any object argument. */
function optionCollections(ctx: Context, call: CallNode): ResolvedString[] {
  const names: ResolvedString[] = [];
  for (const arg of call.arguments) {
    if (arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') continue;
    const obj = ctx.resolver.object(arg);
    if (!obj) continue;
    for (const prop of COLLECTION_PROPERTIES) {
      const value = ctx.resolver.property(obj.node, prop.name);
      const s = value ? ctx.resolver.string(value) : undefined;
      if (s) names.push(s);
    }
  }
  return names;
}
