/**
 * Which asset kinds each relationship type joins, as DESIGN.md §3 lists them. The push does not
 * depend on it (it groups whatever the inventory holds); the offline Cypher check uses it to lint
 * the upsert of every (type, from label, to label) the model allows, and the docs table is built
 * from it.
 */
import { ASSET_KINDS, type AssetKind } from '../../src/model/asset.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES, type RelationshipType } from '../schema.ts';
import type { RelationshipGroup } from './statements.ts';

/** From-kinds and to-kinds of one relationship type. */
export interface Endpoints {
  readonly from: readonly AssetKind[];
  readonly to: readonly AssetKind[];
}

const ANY: readonly AssetKind[] = ASSET_KINDS;
const STORES: readonly AssetKind[] = ['data-source', 'vector-store'];
const CAN = { from: ['identity'], to: ANY } as const satisfies Endpoints;

/** DESIGN.md §3, one entry per relationship type. */
export const RELATIONSHIP_ENDPOINTS: Readonly<Record<RelationshipType, Endpoints>> = {
  INCLUDES: { from: ['system'], to: ANY },
  USES_SDK: { from: ['system'], to: ['sdk'] },
  USES_MODEL: { from: ['system', 'agent'], to: ['model'] },
  SERVES: { from: ['endpoint', 'model-server'], to: ['model'] },
  EXPOSES: { from: ['endpoint'], to: ['system'] },
  CALLS: { from: ['system', 'agent'], to: ['endpoint', 'saas-app'] },
  CONNECTS_TO: { from: ['system', 'agent'], to: ['mcp-server'] },
  PROVIDES: { from: ['mcp-server'], to: ['tool'] },
  USES_TOOL: { from: ['system', 'agent'], to: ['tool'] },
  READS_FROM: { from: ['system', 'agent', 'tool', 'model'], to: STORES },
  WRITES_TO: { from: ['system', 'agent', 'tool', 'model'], to: STORES },
  INDEXES: { from: ['vector-store'], to: ['data-source'] },
  RUNS_AS: { from: ['system', 'endpoint', 'agent', 'mcp-server'], to: ['identity'] },
  CAN_READ: CAN,
  CAN_WRITE: CAN,
  CAN_INVOKE: CAN,
  CAN_ADMIN: CAN,
  USES_SECRET: { from: ['system', 'mcp-server', 'repository'], to: ['secret'] },
  AUTHORIZED: { from: ['identity'], to: ['saas-app'] },
  OWNS: { from: ['owner'], to: ANY },
  RESOURCE: { from: ['repository', 'cloud-account'], to: ANY },
};

/** Every (type, from label, to label) the model allows, in RELATIONSHIP_TYPES then kind order. */
export function allowedRelationshipGroups(): RelationshipGroup[] {
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const { from, to } = RELATIONSHIP_ENDPOINTS[type];
    return from.flatMap((f) => to.map((t) => ({ type, fromLabel: NODE_LABELS[f], toLabel: NODE_LABELS[t] })));
  });
}
