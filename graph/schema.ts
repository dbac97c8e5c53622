/**
 * The graph schema both stores share: one Neo4j label per asset kind (PascalCase, Cartography's
 * names where they exist), the relationship types of DESIGN.md §3 with the traversable ones, and
 * how an asset becomes a flat property map (Neo4j properties hold only primitives and arrays of
 * primitives, so nested attributes travel as JSON strings).
 */
import { ASSET_KINDS, type Asset, type AssetKind } from '../src/model/asset.ts';
import { RELATIONSHIP_TYPES, TRAVERSABLE, type RelationshipType } from '../src/model/relationship.ts';

/** Node label per asset kind (DESIGN.md §3). */
export const NODE_LABELS: Readonly<Record<AssetKind, string>> = {
  system: 'AISystem',
  sdk: 'AISDK',
  model: 'AIModel',
  endpoint: 'Endpoint',
  'vector-store': 'VectorStore',
  'mcp-server': 'MCPServer',
  tool: 'Tool',
  agent: 'AIAgent',
  'model-server': 'ModelServer',
  'model-file': 'ModelFile',
  'data-source': 'DataSource',
  'saas-app': 'ThirdPartyApp',
  secret: 'Secret',
  identity: 'Identity',
  owner: 'Owner',
  repository: 'Repository',
  'cloud-account': 'CloudAccount',
};

/** Every node also carries this label, so generic lookups by id use one index (BloodHound's `Base`). */
export const BASE_LABEL = 'AIMapAsset';

/** All node labels, in ASSET_KINDS order. */
export const ALL_LABELS: readonly string[] = ASSET_KINDS.map((kind) => NODE_LABELS[kind]);

/** The asset kind of a label, or undefined for a label aimap does not write. */
export function kindOfLabel(label: string): AssetKind | undefined {
  return ASSET_KINDS.find((kind) => NODE_LABELS[kind] === label);
}

export { RELATIONSHIP_TYPES, TRAVERSABLE, type RelationshipType };

/** From-kinds and to-kinds of one relationship type. */
export interface Endpoints {
  readonly from: readonly AssetKind[];
  readonly to: readonly AssetKind[];
}

const ANY: readonly AssetKind[] = ASSET_KINDS;
const STORES: readonly AssetKind[] = ['data-source', 'vector-store'];
const CAN = { from: ['identity'], to: ANY } as const satisfies Endpoints;

/** DESIGN.md §3, one entry per relationship type: the kinds each type may join, in its direction. */
export const RELATIONSHIP_ENDPOINTS: Readonly<Record<RelationshipType, Endpoints>> = {
  INCLUDES: { from: ['system'], to: ANY },
  USES_SDK: { from: ['system'], to: ['sdk'] },
  USES_MODEL: { from: ['system', 'agent'], to: ['model'] },
  SERVES: { from: ['endpoint', 'model-server'], to: ['model'] },
  EXPOSES: { from: ['endpoint'], to: ['system'] },
  // An agent calls a collaborator agent (Bedrock multi-agent collaboration).
  CALLS: { from: ['system', 'agent'], to: ['endpoint', 'saas-app', 'agent'] },
  CONNECTS_TO: { from: ['system', 'agent'], to: ['mcp-server'] },
  PROVIDES: { from: ['mcp-server'], to: ['tool'] },
  USES_TOOL: { from: ['system', 'agent'], to: ['tool'] },
  READS_FROM: { from: ['system', 'agent', 'tool', 'model'], to: STORES },
  WRITES_TO: { from: ['system', 'agent', 'tool', 'model'], to: STORES },
  INDEXES: { from: ['vector-store'], to: ['data-source'] },
  // A SageMaker model runs as its execution role, a knowledge base's store as the knowledge-base role.
  RUNS_AS: { from: ['system', 'endpoint', 'agent', 'mcp-server', 'model', 'vector-store'], to: ['identity'] },
  CAN_READ: CAN,
  CAN_WRITE: CAN,
  CAN_INVOKE: CAN,
  CAN_ADMIN: CAN,
  USES_SECRET: { from: ['system', 'mcp-server', 'repository'], to: ['secret'] },
  AUTHORIZED: { from: ['identity'], to: ['saas-app'] },
  OWNS: { from: ['owner'], to: ANY },
  RESOURCE: { from: ['repository', 'cloud-account'], to: ANY },
};

/** True when DESIGN.md §3 allows `type` from a `from` asset to a `to` asset. */
export function allowsRelationship(type: RelationshipType, from: AssetKind, to: AssetKind): boolean {
  const ends = RELATIONSHIP_ENDPOINTS[type];
  return ends.from.includes(from) && ends.to.includes(to);
}

/** Traversable types in RELATIONSHIP_TYPES order (for `[:A|B|C]` patterns and SQL `IN (...)`). */
export const TRAVERSABLE_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => TRAVERSABLE.has(t));

/** A Neo4j-storable property value. */
export type GraphScalar = string | number | boolean;
export type GraphValue = GraphScalar | readonly GraphScalar[];

/**
 * The properties a node gets: `id`, `kind`, `name`, `provider`, `nativeId`, each attribute as
 * `attr_<name>` (arrays of primitives stay arrays, anything nested becomes a JSON string, null is
 * left out), `tags` as JSON and the evidence count. Evidence itself stays in the inventory.
 */
export function nodeProperties(asset: Asset): Record<string, GraphValue> {
  const props: Record<string, GraphValue> = { id: asset.id, kind: asset.kind, name: asset.name };
  if (asset.provider !== undefined) props.provider = asset.provider;
  if (asset.nativeId !== undefined) props.nativeId = asset.nativeId;
  for (const [key, value] of Object.entries(asset.attributes)) {
    const flat = flattenValue(value);
    if (flat !== undefined) props[`attr_${key}`] = flat;
  }
  if (Object.keys(asset.tags).length > 0) props.tags = JSON.stringify(asset.tags);
  props.evidenceCount = asset.evidence.length;
  return props;
}

/** One attribute value as a Neo4j-storable value, or undefined to leave it out (null, empty, not finite). */
export function flattenValue(value: unknown): GraphValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const first = typeof value[0];
    const uniform = (first === 'string' || first === 'number' || first === 'boolean') && value.every((v) => typeof v === first);
    return uniform ? (value as GraphScalar[]) : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
