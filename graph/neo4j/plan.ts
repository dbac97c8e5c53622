/**
 * Pure: turns one inventory into the ordered list of writes a push sends (schema, node batches
 * per label, relationship batches per (type, from label, to label), scoped cleanup). push.ts only
 * runs this plan, so everything about what is written is tested without a driver.
 */
import type { Inventory, Relationship } from '../../src/model/index.ts';
import { ALL_LABELS, NODE_LABELS, RELATIONSHIP_TYPES, nodeProperties, type GraphValue } from '../schema.ts';
import { relationshipProperties } from './properties.ts';
import { scopeRoots } from './scopes.ts';
import {
  cleanupStatements,
  nodeUpsertStatement,
  relationshipUpsertStatement,
  schemaStatements,
  type RelationshipGroup,
  type ScopeRootLabel,
} from './statements.ts';

/** Rows per `UNWIND` batch and deletions per cleanup chunk (Cartography's and the driver manual's figure). */
export const DEFAULT_BATCH_SIZE = 10_000;

/** A node row: the key `MERGE` uses and the properties `SET +=` writes. */
export interface NodeRow {
  readonly id: string;
  readonly props: Record<string, GraphValue>;
}

/** A relationship row: both ends by id and the properties. */
export interface RelationshipRow {
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, GraphValue>;
}

/** Parameters of every write; `updateTag` is a plain number here, push.ts sends it as a Neo4j integer. */
export type WriteParams = Readonly<Record<string, unknown>>;

/** One statement to run in its own write transaction. */
export interface PlannedWrite {
  readonly phase: 'schema' | 'nodes' | 'relationships';
  readonly cypher: string;
  readonly params: WriteParams;
  /** Rows in the batch (0 for schema statements). */
  readonly rows: number;
}

/** One cleanup statement, re-run until it deletes nothing. */
export interface PlannedCleanup {
  readonly cypher: string;
  readonly params: WriteParams;
  readonly scopeId: string;
  readonly rootLabel: ScopeRootLabel;
}

/** Everything a push will send, in order. */
export interface PushPlan {
  /** Scan finish time, epoch milliseconds: `lastupdated` (and `firstseen` of new data). */
  readonly updateTag: number;
  readonly writes: readonly PlannedWrite[];
  readonly cleanup: readonly PlannedCleanup[];
  /** Scope roots left uncleaned because the scan had an error there (last-known-good). */
  readonly keptScopes: readonly string[];
  /** Relationships not written because an end is not in the inventory. */
  readonly skippedRelationships: number;
}

export interface PlanOptions {
  readonly batchSize?: number;
  /** Sweep stale data under each scanned scope root (default true). */
  readonly cleanup?: boolean;
}

/** The update tag of a scan: its finish time in epoch milliseconds (an integer). */
export function updateTagOf(inventory: Inventory): number {
  const tag = Date.parse(inventory.scan.finishedAt);
  if (!Number.isSafeInteger(tag)) throw new Error(`scan ${inventory.scan.id} has no valid finishedAt (${inventory.scan.finishedAt})`);
  return tag;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function nodeWrites(inventory: Inventory, base: WriteParams, size: number): PlannedWrite[] {
  const byLabel = new Map<string, NodeRow[]>();
  for (const asset of [...inventory.assets].sort((a, b) => byString(a.id, b.id))) {
    const label = NODE_LABELS[asset.kind];
    const rows = byLabel.get(label) ?? [];
    rows.push({ id: asset.id, props: nodeProperties(asset) });
    byLabel.set(label, rows);
  }
  return ALL_LABELS.flatMap((label) =>
    chunks(byLabel.get(label) ?? [], size).map((rows) => ({ phase: 'nodes' as const, cypher: nodeUpsertStatement(label), params: { ...base, rows }, rows: rows.length })),
  );
}

function groupKey(g: RelationshipGroup): string {
  return `${String(RELATIONSHIP_TYPES.indexOf(g.type)).padStart(2, '0')}\u0000${g.fromLabel}\u0000${g.toLabel}`;
}

function relationshipWrites(inventory: Inventory, base: WriteParams, size: number): { writes: PlannedWrite[]; skipped: number } {
  const labelOf = new Map(inventory.assets.map((a) => [a.id, NODE_LABELS[a.kind]]));
  const groups = new Map<string, { group: RelationshipGroup; rows: RelationshipRow[] }>();
  let skipped = 0;
  for (const rel of [...inventory.relationships].sort((a: Relationship, b: Relationship) => byString(a.id, b.id))) {
    const fromLabel = labelOf.get(rel.from);
    const toLabel = labelOf.get(rel.to);
    if (fromLabel === undefined || toLabel === undefined) {
      skipped++;
      continue;
    }
    const group = { type: rel.type, fromLabel, toLabel };
    const key = groupKey(group);
    const entry = groups.get(key) ?? { group, rows: [] };
    entry.rows.push({ from: rel.from, to: rel.to, props: relationshipProperties(rel) });
    groups.set(key, entry);
  }
  const writes = [...groups.keys()].sort(byString).flatMap((key) => {
    const { group, rows } = groups.get(key)!;
    return chunks(rows, size).map((batch) => ({ phase: 'relationships' as const, cypher: relationshipUpsertStatement(group), params: { ...base, rows: batch }, rows: batch.length }));
  });
  return { writes, skipped };
}

/** Builds the push plan for an inventory. Deterministic: the same inventory gives the same plan. */
export function planPush(inventory: Inventory, options: PlanOptions = {}): PushPlan {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const updateTag = updateTagOf(inventory);
  const base: WriteParams = { updateTag, version: inventory.tool.version };
  const schema: PlannedWrite[] = schemaStatements().map((cypher) => ({ phase: 'schema', cypher, params: {}, rows: 0 }));
  const rels = relationshipWrites(inventory, base, size);
  const roots = options.cleanup === false ? [] : scopeRoots(inventory);
  const cleanup = roots
    .filter((r) => !r.errored)
    .flatMap((r) => cleanupStatements(r.label).map((cypher) => ({ cypher, params: { scopeId: r.id, updateTag, limit: size }, scopeId: r.id, rootLabel: r.label })));
  return {
    updateTag,
    writes: [...schema, ...nodeWrites(inventory, base, size), ...rels.writes],
    cleanup,
    keptScopes: roots.filter((r) => r.errored).map((r) => r.id),
    skippedRelationships: rels.skipped,
  };
}
