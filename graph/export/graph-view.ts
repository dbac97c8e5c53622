/**
 * The inventory as the property graph a Neo4j push writes (same labels, same flat properties, same
 * bookkeeping), sorted, so every export format renders one identical view.
 */
import type { Inventory } from '../../src/model/index.ts';
import { BASE_LABEL, NODE_LABELS, nodeProperties, type GraphValue } from '../schema.ts';
import { updateTagOf } from '../neo4j/plan.ts';
import { relationshipProperties } from '../neo4j/properties.ts';
import { MODULE_NAME } from '../neo4j/statements.ts';

/** One node: its id, labels (kind label first, then the base label) and properties. */
export interface GraphNode {
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, GraphValue>>;
}

/** One relationship between two exported nodes. */
export interface GraphRelationship {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, GraphValue>>;
}

export interface GraphView {
  /** Scan finish time in epoch milliseconds (`lastupdated`). */
  readonly updateTag: number;
  readonly version: string;
  readonly scanId: string;
  readonly nodes: readonly GraphNode[];
  readonly relationships: readonly GraphRelationship[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds the view. Bookkeeping properties are those a push sets (`lastupdated`, `_module_name`,
 * `_module_version`), except `firstseen`, which only the database can know. A relationship whose
 * end is not in the inventory is left out, as the push leaves it out.
 */
export function graphView(inventory: Inventory): GraphView {
  const updateTag = updateTagOf(inventory);
  const version = inventory.tool.version;
  const bookkeeping = { lastupdated: updateTag, _module_name: MODULE_NAME, _module_version: version };
  const nodes = [...inventory.assets].sort(byId).map((asset) => ({
    id: asset.id,
    labels: [NODE_LABELS[asset.kind], BASE_LABEL],
    properties: { ...nodeProperties(asset), ...bookkeeping },
  }));
  const known = new Set(nodes.map((n) => n.id));
  const relationships = [...inventory.relationships]
    .filter((r) => known.has(r.from) && known.has(r.to))
    .sort(byId)
    .map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, properties: { ...relationshipProperties(r), ...bookkeeping } }));
  return { updateTag, version, scanId: inventory.scan.id, nodes, relationships };
}
