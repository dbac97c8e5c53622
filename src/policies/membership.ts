/**
 * Which assets belong to which system. A system owns what it INCLUDES plus the targets of its typed
 * edges (USES_MODEL, CALLS, RUNS_AS, ...); its reach adds one more hop from those components
 * (an MCP server's tools, an agent's role, a knowledge base's data source), because risk flows there.
 */
import type { Asset, Relationship } from '../model/index.ts';
import type { PolicyContext } from './types.ts';

/** Edge types from a system to its components (DESIGN.md §3). */
export const MEMBER_EDGES: readonly string[] = ['INCLUDES', 'USES_SDK', 'USES_MODEL', 'CALLS', 'CONNECTS_TO', 'USES_TOOL', 'READS_FROM', 'WRITES_TO', 'USES_SECRET', 'RUNS_AS'];

/** Edge types followed one hop further from a component when computing reach. */
const REACH_EDGES: readonly string[] = ['USES_MODEL', 'SERVES', 'CALLS', 'CONNECTS_TO', 'PROVIDES', 'USES_TOOL', 'READS_FROM', 'WRITES_TO', 'INDEXES', 'RUNS_AS', 'USES_SECRET'];

/** The system assets of the inventory (sorted by id, as the inventory is). */
export function systemsIn(ctx: PolicyContext): Asset[] {
  return ctx.inventory.assets.filter((a) => a.kind === 'system');
}

/** Ids of a system's direct components. */
export function membersOf(ctx: PolicyContext, systemId: string): Set<string> {
  const out = new Set<string>();
  for (const r of ctx.index.outgoing.get(systemId) ?? []) if (MEMBER_EDGES.includes(r.type)) out.add(r.to);
  out.delete(systemId);
  return out;
}

/** Components plus one hop beyond them; the relationships walked are returned for evidence. */
export function reachOf(ctx: PolicyContext, systemId: string): { readonly ids: Set<string>; readonly edges: Relationship[] } {
  const members = membersOf(ctx, systemId);
  const ids = new Set(members);
  const edges: Relationship[] = [...(ctx.index.outgoing.get(systemId) ?? [])].filter((r) => MEMBER_EDGES.includes(r.type));
  for (const id of members) {
    for (const r of ctx.index.outgoing.get(id) ?? []) {
      if (!REACH_EDGES.includes(r.type)) continue;
      edges.push(r);
      ids.add(r.to);
    }
  }
  ids.delete(systemId);
  return { ids, edges };
}

/** Ids of the systems an asset is a direct component of (or the asset itself when it is a system). */
export function systemsOf(ctx: PolicyContext, assetId: string): string[] {
  const asset = ctx.index.assetsById.get(assetId);
  const out = new Set<string>();
  if (asset?.kind === 'system') out.add(assetId);
  for (const r of ctx.index.incoming.get(assetId) ?? []) {
    if (MEMBER_EDGES.includes(r.type) && ctx.index.assetsById.get(r.from)?.kind === 'system') out.add(r.from);
  }
  return [...out].sort();
}
