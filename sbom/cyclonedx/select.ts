/**
 * What one BOM covers: a system (the assets it includes or reaches) or the whole estate, and the
 * lookups the mappers share. Pure functions over an `Inventory`.
 */
import type { Asset, AssetId, AssetKind, Inventory, Relationship, RelationshipType } from '../../src/model/index.ts';

/** Kinds that become a component or a service in a BOM (the rest become properties or references). */
export const BOM_KINDS: ReadonlySet<AssetKind> = new Set([
  'system', 'sdk', 'model', 'endpoint', 'vector-store', 'mcp-server', 'tool', 'agent',
  'model-server', 'model-file', 'data-source', 'saas-app', 'secret',
]);

/**
 * Edges that make their target part of whatever their source belongs to. Ownership, permissions
 * (CAN_*), OAuth grants and repository scope are facts about an asset, not parts of a system.
 */
const PART_OF: ReadonlySet<RelationshipType> = new Set([
  'INCLUDES', 'USES_SDK', 'USES_MODEL', 'SERVES', 'CALLS', 'CONNECTS_TO', 'PROVIDES', 'USES_TOOL',
  'READS_FROM', 'WRITES_TO', 'INDEXES', 'RUNS_AS', 'USES_SECRET',
]);

/** Thrown when a selector names no system, or several: the message lists the choices. */
export class BomSelectionError extends Error {
  override readonly name = 'BomSelectionError';
}

/** Lookups built once per BOM. */
export interface InventoryIndex {
  readonly inventory: Inventory;
  readonly byId: ReadonlyMap<AssetId, Asset>;
  readonly outgoing: ReadonlyMap<AssetId, readonly Relationship[]>;
  readonly incoming: ReadonlyMap<AssetId, readonly Relationship[]>;
}

/** Builds the id and edge lookups of an inventory. */
export function indexInventory(inventory: Inventory): InventoryIndex {
  const byId = new Map(inventory.assets.map((a) => [a.id, a] as const));
  const outgoing = new Map<AssetId, Relationship[]>();
  const incoming = new Map<AssetId, Relationship[]>();
  for (const r of inventory.relationships) {
    if (!byId.has(r.from) || !byId.has(r.to)) continue;
    push(outgoing, r.from, r);
    push(incoming, r.to, r);
  }
  return { inventory, byId, outgoing, incoming };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** A system as `aimap bom` lists it. */
export interface SystemSummary {
  readonly id: AssetId;
  readonly name: string;
  /** Repo-relative root folder (`attributes.root`, else `nativeId`), when known. */
  readonly root?: string;
  /** Number of BOM components and services the system's BOM would hold. */
  readonly members: number;
}

/** The systems of an inventory, sorted by name then id. */
export function listSystems(inventory: Inventory): SystemSummary[] {
  const index = indexInventory(inventory);
  return systemsOf(inventory).map((s) => {
    const root = typeof s.attributes['root'] === 'string' ? s.attributes['root'] : s.nativeId;
    return { id: s.id, name: s.name, ...(root === undefined ? {} : { root }), members: systemMembers(index, s).size };
  });
}

function systemsOf(inventory: Inventory): Asset[] {
  return inventory.assets.filter((a) => a.kind === 'system').sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** The subject of one BOM. */
export type BomSubject = { readonly kind: 'estate' } | { readonly kind: 'system'; readonly system: Asset };

/**
 * Resolves `--system`: `'estate'` is the estate; a system id, name or native id picks that system.
 * Without a selector: the single system when there is exactly one and it covers every asset a
 * BOM would list, else the estate, so the default never leaves an asset out.
 */
export function resolveSubject(index: InventoryIndex, selector?: string): BomSubject {
  const systems = systemsOf(index.inventory);
  if (selector === 'estate') return { kind: 'estate' };
  if (selector === undefined) {
    const only = systems.length === 1 ? systems[0] : undefined;
    if (only === undefined) return { kind: 'estate' };
    const members = systemMembers(index, only);
    const outside = index.inventory.assets.some((a) => BOM_KINDS.has(a.kind) && a.kind !== 'system' && !members.has(a.id));
    return outside ? { kind: 'estate' } : { kind: 'system', system: only };
  }
  const byId = systems.find((s) => s.id === selector);
  if (byId !== undefined) return { kind: 'system', system: byId };
  const named = systems.filter((s) => s.name === selector);
  const matches = named.length > 0 ? named : systems.filter((s) => s.nativeId === selector);
  if (matches.length === 1 && matches[0] !== undefined) return { kind: 'system', system: matches[0] };
  if (systems.length === 0) throw new BomSelectionError(`no system named "${selector}": this scan has no systems; use --estate for one BOM of everything`);
  if (matches.length > 1) {
    throw new BomSelectionError(`several systems are named "${selector}"; pick one by id: ${matches.map((s) => `${s.id} (${s.nativeId ?? s.name})`).join(', ')}`);
  }
  throw new BomSelectionError(`no system named "${selector}"; systems in this scan: ${systems.map((s) => s.name).join(', ')}`);
}

/**
 * The BOM assets of a system: everything reachable from it over part-of edges (not crossing into
 * other systems), plus the endpoints that expose it.
 */
export function systemMembers(index: InventoryIndex, system: Asset): Set<AssetId> {
  const members = new Set<AssetId>();
  const queue: AssetId[] = [system.id];
  const seen = new Set<AssetId>(queue);
  while (queue.length > 0) {
    const from = queue.shift() as AssetId;
    for (const edge of index.outgoing.get(from) ?? []) {
      if (!PART_OF.has(edge.type) || seen.has(edge.to)) continue;
      const target = index.byId.get(edge.to);
      if (target === undefined || target.kind === 'system') continue;
      seen.add(edge.to);
      queue.push(edge.to);
      if (BOM_KINDS.has(target.kind)) members.add(edge.to);
    }
  }
  for (const edge of index.incoming.get(system.id) ?? []) {
    if (edge.type === 'EXPOSES' && index.byId.get(edge.from)?.kind === 'endpoint') members.add(edge.from);
  }
  return members;
}

/** The assets one BOM lists (systems included only in the estate BOM), sorted by id. */
export function bomAssets(index: InventoryIndex, subject: BomSubject): Asset[] {
  const all = index.inventory.assets.filter((a) => BOM_KINDS.has(a.kind));
  if (subject.kind === 'estate') return all.sort((a, b) => cmp(a.id, b.id));
  const members = systemMembers(index, subject.system);
  return all.filter((a) => members.has(a.id)).sort((a, b) => cmp(a.id, b.id));
}

/** Targets of an asset's outgoing edges of the given types, in edge order. */
export function targets(index: InventoryIndex, id: AssetId, types: ReadonlySet<RelationshipType>): Asset[] {
  return (index.outgoing.get(id) ?? []).filter((r) => types.has(r.type)).map((r) => index.byId.get(r.to)).filter((a): a is Asset => a !== undefined);
}

/** Sources of an asset's incoming edges of the given types, in edge order. */
export function sources(index: InventoryIndex, id: AssetId, types: ReadonlySet<RelationshipType>): Asset[] {
  return (index.incoming.get(id) ?? []).filter((r) => types.has(r.type)).map((r) => index.byId.get(r.from)).filter((a): a is Asset => a !== undefined);
}

/** Plain code-unit string order (locale-independent, so output never depends on the machine). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
