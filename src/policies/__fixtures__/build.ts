/**
 * Builders for small synthetic inventories in the shapes the pipeline produces (systems with
 * INCLUDES and typed edges, owners with OWNS, identities with CAN_* grants). Test-only.
 */
import { assetId, relationshipId, SCHEMA_VERSION, type Asset, type AssetKind, type Attributes, type Evidence, type Inventory, type Relationship, type RelationshipType } from '../../model/index.ts';
import { buildIndexes } from '../helpers.ts';
import type { PolicyConfig, PolicyContext } from '../types.ts';

/** The clock every test uses. */
export const NOW = '2026-03-01T12:00:00.000Z';

/** One evidence line (`path:line`, technique config unless given). */
export function ev(path: string, line?: number, snippet?: string, technique: Evidence['technique'] = 'config'): Evidence {
  return { path, ...(line === undefined ? {} : { line }), ...(snippet === undefined ? {} : { snippet }), technique, confidence: 'declared', detector: 'test' };
}

/** An asset with a stable id from kind + name; evidence defaults to one line in `<kind>/<name>`. */
export function asset(kind: AssetKind, name: string, attributes: Attributes = {}, extra: Partial<Pick<Asset, 'provider' | 'nativeId' | 'evidence'>> = {}): Asset {
  return {
    id: assetId(kind, 'test', name),
    kind,
    name,
    ...(extra.provider === undefined ? {} : { provider: extra.provider }),
    ...(extra.nativeId === undefined ? {} : { nativeId: extra.nativeId }),
    attributes,
    evidence: extra.evidence ?? [ev(`${kind}/${name.replace(/[^\w.-]+/g, '_')}`, 1)],
    tags: {},
  };
}

/** A relationship between two assets. */
export function edge(type: RelationshipType, from: Asset, to: Asset, properties: Attributes = {}, evidence: readonly Evidence[] = []): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties, evidence };
}

/** A system and its INCLUDES edges (plus a typed edge per component where DESIGN.md §3 has one). */
export function system(name: string, components: readonly Asset[], attributes: Attributes = {}): { system: Asset; edges: Relationship[] } {
  const s = asset('system', name, { derivedFrom: 'project', root: name, ...attributes }, { nativeId: name, evidence: [ev(`${name}/package.json`, 1, `"name": "${name}"`, 'manifest')] });
  const typed: Partial<Record<AssetKind, RelationshipType>> = { sdk: 'USES_SDK', model: 'USES_MODEL', endpoint: 'CALLS', 'saas-app': 'CALLS', 'mcp-server': 'CONNECTS_TO', tool: 'USES_TOOL', 'vector-store': 'READS_FROM', 'data-source': 'READS_FROM', secret: 'USES_SECRET', identity: 'RUNS_AS' };
  const edges = components.flatMap((c) => {
    const t = typed[c.kind];
    return t === undefined ? [edge('INCLUDES', s, c)] : [edge('INCLUDES', s, c), edge(t, s, c)];
  });
  return { system: s, edges };
}

/** An owner asset and its OWNS edges. */
export function owner(handle: string, owned: readonly Asset[]): { owner: Asset; edges: Relationship[] } {
  const o = asset('owner', handle);
  return { owner: o, edges: owned.map((a) => edge('OWNS', o, a, { source: 'config', confidence: 'declared' })) };
}

/** An inventory holding these assets and edges, sorted as the pipeline sorts them (duplicates by id dropped). */
export function inventory(assets: readonly Asset[], relationships: readonly Relationship[] = []): Inventory {
  const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...new Map(list.map((x) => [x.id, x])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'aimap', version: '0.0.0-test' },
    scan: { id: 'scan-test', startedAt: NOW, finishedAt: NOW, targets: [], stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 }, counts: {} },
    assets: byId(assets),
    relationships: byId(relationships),
    findings: [],
    diagnostics: [],
  };
}

/** The context a policy sees. */
export function context(inv: Inventory, config: PolicyConfig = {}): PolicyContext {
  return { inventory: inv, config, now: NOW, index: buildIndexes(inv) };
}
