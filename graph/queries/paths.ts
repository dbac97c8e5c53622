/**
 * Shared path machinery of `exposure-paths` and `blast-radius` (README.md, "How paths are found").
 *
 * SQL: a breadth-first reachability CTE keyed on (start, node, depth) with UNION, so each node
 * enters once per depth and start; cost grows with nodes × depth, never with the number of
 * paths (enumerating simple paths with a path string explodes on dense graphs). The shortest
 * distance is the smallest depth. The reported path is rebuilt backwards from the target, taking
 * at each step the smallest predecessor id one hop closer to the start, and the smallest
 * relationship type between two nodes: the shortest path whose reversed list of ids is
 * smallest. The Cypher twins pick the same path with `ALL SHORTEST` ordered by those lists.
 * Type filters are written `+e.type` so SQLite seeks (scan_seq, src|dst) once and filters the
 * type inside the index entry, instead of one seek per traversable type. Forward steps read the
 * `relationships_src` index, backward steps the `relationships_in` table (graph/embedded/
 * incoming.ts); neither reads a relationship row.
 */
import { MAX_HOPS } from './classify.ts';
import { CYPHER_TRAVERSABLE, SQL_TRAVERSABLE } from './fragments.ts';

/**
 * `reach(start, node, depth)`: every node within MAX_HOPS traversable relationships of a row of
 * `starts(id)`, once per depth; then `best(start, node, hops)`, the shortest distance. A step
 * back into the start is never taken: the start has distance 0, so no shortest distance can come
 * through it, and cutting those walks removes most of the rows a cycle through the start
 * (system → endpoint → system) would otherwise add at every depth up to MAX_HOPS.
 */
export const SQL_REACH = `reach(start, node, depth) AS (
    SELECT id, id, 0 FROM starts
    UNION
    SELECT r.start, e.dst, r.depth + 1
    FROM reach r CROSS JOIN relationships e
    WHERE r.depth < ${MAX_HOPS} AND e.scan_seq = ?1 AND e.src = r.node AND e.dst <> r.start AND +e.type IN ${SQL_TRAVERSABLE}
  ),
  best(start, node, hops) AS MATERIALIZED (
    SELECT start, node, MIN(depth) FROM reach GROUP BY start, node
  )`;

/**
 * SQL: the chosen hop into `node` (distance `w.pos`) on a shortest path from `w.start`, packed
 * as `predecessor|TYPE`. The smallest packed value is the smallest predecessor id and then the
 * smallest type: an id (`kind:<16 hex>`) is never a proper prefix of another, so the `|` suffix
 * only breaks ties between edges from the same predecessor.
 */
export function sqlPredecessorHop(node: string): string {
  return `(SELECT MIN(e.src || '|' || e.type) FROM relationships_in e CROSS JOIN best p
      WHERE e.scan_seq = ?1 AND e.dst = ${node} AND +e.type IN ${SQL_TRAVERSABLE}
        AND p.start = w.start AND p.node = e.src AND p.hops = w.pos - 1)`;
}

/** SQL: the relationship type shown between `prev` and `node` (the smallest, when several). */
export function sqlStepType(prev: string, node: string): string {
  return `(SELECT MIN(e.type) FROM relationships e WHERE e.scan_seq = ?1 AND e.src = ${prev} AND e.dst = ${node} AND e.type IN ${SQL_TRAVERSABLE})`;
}

/** The Cypher quantified relationship of every path query. */
export const CYPHER_HOPS = `-[:${CYPHER_TRAVERSABLE}]->{1,${MAX_HOPS}}`;

/** Cypher ordering that picks, per partition, the path SQL reports (see the module comment). */
export const CYPHER_PATH_ORDER = '[x IN reverse(nodes(p)) | x.id], [r IN reverse(relationships(p)) | type(r)]';

/** Cypher: `name (kind) -TYPE-> name (kind) ...` for path `p`, the format of the SQL `path` column. */
export const CYPHER_PATH_TEXT = `reduce(acc = nodes(p)[0].name + ' (' + nodes(p)[0].kind + ')', i IN range(0, length(p) - 1) |
    acc + ' -' + type(relationships(p)[i]) + '-> ' + nodes(p)[i + 1].name + ' (' + nodes(p)[i + 1].kind + ')')`;
