/**
 * Every Cypher statement the Neo4j adapter can send, generated from graph/schema.ts (Cartography's
 * pattern: queries come from the schema, never by hand). Pure text builders; the batching and the
 * choice of which statements run live in plan.ts, the I/O in push.ts.
 *
 * Conventions (research/graph.md §4–§6): `MERGE` only on the uniquely constrained `id`, every
 * other property in `SET`; nodes carry `firstseen`, `lastupdated` (the update tag),
 * `_module_name` and `_module_version`; relationships are matched at both ends by id and merged
 * in statements grouped by (type, from label, to label); stale data is swept per scope root
 * through `RESOURCE`, a chunk at a time.
 */
import { ALL_LABELS, BASE_LABEL, type RelationshipType } from '../schema.ts';

/** `_module_name` on everything aimap writes, so cleanup never touches another tool's data. */
export const MODULE_NAME = 'aimap';

/** Labels whose nodes are scope roots: stale cleanup runs per root, along its `RESOURCE` edges. */
export const SCOPE_ROOT_LABELS = ['Repository', 'CloudAccount'] as const;
export type ScopeRootLabel = (typeof SCOPE_ROOT_LABELS)[number];

/** A Cypher identifier is written bare only when it is plain; labels and types in aimap all are. */
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function identifier(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`not a plain Cypher identifier: ${name}`);
  return name;
}

/** Schema object names are lower case (`aimodel_id`), as Neo4j's own examples write them. */
function schemaName(label: string, suffix: string): string {
  return `${identifier(label).toLowerCase()}_${suffix}`;
}

/** `CREATE CONSTRAINT <label>_id ...`: makes `MERGE` on `id` an index lookup and keeps ids unique. */
export function constraintStatement(label: string): string {
  return `CREATE CONSTRAINT ${schemaName(label, 'id')} IF NOT EXISTS FOR (n:${identifier(label)}) REQUIRE n.id IS UNIQUE`;
}

/** `CREATE INDEX <label>_lastupdated ...`: the stale sweep filters on it. */
export function lastUpdatedIndexStatement(label: string): string {
  return `CREATE INDEX ${schemaName(label, 'lastupdated')} IF NOT EXISTS FOR (n:${identifier(label)}) ON (n.lastupdated)`;
}

/**
 * The schema statements, run before any `MERGE`: a uniqueness constraint on `id` and an index on
 * `lastupdated` for every label, the base label included (ids are unique across kinds, so the
 * base-label constraint holds and gives generic lookups by id an index).
 */
export function schemaStatements(): string[] {
  const labels = [...ALL_LABELS, BASE_LABEL];
  return [...labels.map(constraintStatement), ...labels.map(lastUpdatedIndexStatement)];
}

/**
 * Node upsert for one label. Parameters: `$rows` = `[{id, props}]`, `$updateTag` (integer),
 * `$version`. `firstseen` is set only on creation; `SET +=` keeps properties other tools added.
 */
export function nodeUpsertStatement(label: string): string {
  return [
    'UNWIND $rows AS r',
    `MERGE (n:${identifier(label)} {id: r.id})`,
    'ON CREATE SET n.firstseen = $updateTag',
    `SET n += r.props, n:${BASE_LABEL}, n.lastupdated = $updateTag, n._module_name = '${MODULE_NAME}', n._module_version = $version`,
  ].join('\n');
}

/** The group a relationship statement covers. */
export interface RelationshipGroup {
  readonly type: RelationshipType;
  readonly fromLabel: string;
  readonly toLabel: string;
}

/**
 * Relationship upsert for one (type, from label, to label). Parameters: `$rows` =
 * `[{from, to, props}]`, `$updateTag`, `$version`. Both ends are matched by id on their own label
 * (an index lookup thanks to the constraint); a row whose end is missing writes nothing.
 */
export function relationshipUpsertStatement(group: RelationshipGroup): string {
  return [
    'UNWIND $rows AS r',
    `MATCH (a:${identifier(group.fromLabel)} {id: r.from})`,
    `MATCH (b:${identifier(group.toLabel)} {id: r.to})`,
    `MERGE (a)-[e:${identifier(group.type)}]->(b)`,
    'ON CREATE SET e.firstseen = $updateTag',
    `SET e += r.props, e.lastupdated = $updateTag, e._module_name = '${MODULE_NAME}', e._module_version = $version`,
  ].join('\n');
}

/**
 * Deletes up to `$limit` stale nodes found under one scope root (`$scopeId`); returns
 * `deleted`. Run again until it returns 0. Only aimap's nodes are touched.
 */
export function staleNodeCleanupStatement(rootLabel: ScopeRootLabel): string {
  return [
    `MATCH (:${identifier(rootLabel)} {id: $scopeId})-[:RESOURCE]->(n:${BASE_LABEL})`,
    `WHERE n.lastupdated <> $updateTag AND n._module_name = '${MODULE_NAME}'`,
    'WITH n LIMIT $limit',
    'DETACH DELETE n',
    'RETURN count(*) AS deleted',
  ].join('\n');
}

/**
 * Deletes up to `$limit` stale relationships touching the scope root or a node under it (after
 * the node sweep these are edges between current nodes that this scan no longer saw). The two
 * `MATCH` clauses are separate so the root's own `RESOURCE` edges are found too.
 */
export function staleRelationshipCleanupStatement(rootLabel: ScopeRootLabel): string {
  return [
    `MATCH (:${identifier(rootLabel)} {id: $scopeId})-[:RESOURCE*0..1]->(n:${BASE_LABEL})`,
    'MATCH (n)-[e]-()',
    `WHERE e.lastupdated <> $updateTag AND e._module_name = '${MODULE_NAME}'`,
    'WITH DISTINCT e LIMIT $limit',
    'DELETE e',
    'RETURN count(*) AS deleted',
  ].join('\n');
}

/**
 * Deletes the scope root itself when this scan did not write it and nothing hangs off it any more
 * (a scanned folder that no longer holds AI assets). Returns `deleted` (0 or 1).
 */
export function staleRootCleanupStatement(rootLabel: ScopeRootLabel): string {
  return [
    `MATCH (s:${identifier(rootLabel)} {id: $scopeId})`,
    `WHERE s.lastupdated <> $updateTag AND s._module_name = '${MODULE_NAME}' AND NOT EXISTS { (s)-[:RESOURCE]->() }`,
    'WITH s LIMIT $limit',
    'DETACH DELETE s',
    'RETURN count(*) AS deleted',
  ].join('\n');
}

/** The three sweeps for a scope root, in the order they run (nodes first: fewer edges left to sweep). */
export function cleanupStatements(rootLabel: ScopeRootLabel): string[] {
  return [staleNodeCleanupStatement(rootLabel), staleRelationshipCleanupStatement(rootLabel), staleRootCleanupStatement(rootLabel)];
}
