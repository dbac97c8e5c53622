/**
 * `exposure-paths`: from everything reachable from outside (an externally facing system, an
 * exposed workload or endpoint) to the data, secrets and write-capable tools it can reach along
 * traversable relationships, one shortest path per (entry point, target).
 */
import { PATH_TARGET_KINDS, WRITE_CAPABILITIES } from './classify.ts';
import {
  cypherExternal, cypherKinds, cypherToolCapability, cypherToolDangerous, cypherToolText, cypherToolWrites, sqlAttrTrue, sqlExternal,
  sqlList, sqlToolCapability, sqlToolText,
} from './fragments.ts';
import { CYPHER_HOPS, CYPHER_PATH_ORDER, CYPHER_PATH_TEXT, SQL_REACH, sqlPredecessorHop } from './paths.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['start', 'startKind', 'target', 'targetKind', 'hops', 'path', 'startId', 'targetId'] as const;

// Assets are read as few times as possible (each read parses the row's JSON): entry points come
// from a partial index (graph/embedded/migrations.ts, schema 3), targets of the data kinds from
// the `(scan_seq, kind, id)` index alone; only reached tools are read to be classified, and every
// node on a path once for its label; CROSS JOIN keeps the planner from scanning every asset to
// meet a small CTE; `+t.id IN reached` walks each target kind's index entries once and probes the
// reached set, instead of one index seek per reached node and kind. A walk row carries the hop out
// of its node (`node|TYPE`), so no edge is looked up twice.
const TOOL_TEXT = sqlToolText('t');
const SQL = `WITH RECURSIVE
  starts(id) AS (SELECT a.id FROM assets a WHERE a.scan_seq = ?1 AND ${sqlExternal('a')}),
  ${SQL_REACH},
  reached(id) AS MATERIALIZED (SELECT DISTINCT node FROM best WHERE hops > 0),
  target_nodes(id) AS MATERIALIZED (
    SELECT t.id FROM assets t WHERE t.scan_seq = ?1 AND t.kind IN ${sqlList(PATH_TARGET_KINDS)} AND +t.id IN reached
    UNION ALL
    SELECT t.id FROM assets t WHERE t.scan_seq = ?1 AND t.kind = 'tool' AND +t.id IN reached
      AND (${sqlAttrTrue('t', 'dangerous')} OR ${sqlToolCapability('t', TOOL_TEXT)} IN ${sqlList(WRITE_CAPABILITIES)})
  ),
  targets(start, target, hops) AS (
    SELECT b.start, b.node, b.hops FROM best b WHERE b.hops > 0 AND b.node IN target_nodes
  ),
  walk(start, target, hop, pos) AS (
    SELECT start, target, target || '|', hops FROM targets
    UNION ALL
    SELECT w.start, w.target, ${sqlPredecessorHop("substr(w.hop, 1, instr(w.hop, '|') - 1)")}, w.pos - 1
    FROM walk w WHERE w.pos > 0
  ),
  steps(start, target, pos, node, type) AS (
    SELECT start, target, pos, substr(hop, 1, instr(hop, '|') - 1), substr(hop, instr(hop, '|') + 1) FROM walk
  ),
  nodes(id, name, kind) AS MATERIALIZED (
    SELECT a.id, a.name, a.kind FROM (SELECT DISTINCT node FROM steps) n
    CROSS JOIN assets a ON a.scan_seq = ?1 AND a.id = n.node
  ),
  paths(start_id, target_id, hops, path, start_name, start_kind, target_name, target_kind) AS (
    SELECT s.start, s.target, max(s.pos),
      group_concat(n.name || ' (' || n.kind || ')' || CASE WHEN s.type = '' THEN '' ELSE ' -' || s.type || '-> ' END, '' ORDER BY s.pos),
      max(CASE WHEN s.pos = 0 THEN n.name END), max(CASE WHEN s.pos = 0 THEN n.kind END),
      max(CASE WHEN s.node = s.target THEN n.name END), max(CASE WHEN s.node = s.target THEN n.kind END)
    FROM steps s JOIN nodes n ON n.id = s.node
    GROUP BY s.start, s.target
  )
SELECT start_name AS start, start_kind AS startKind, target_name AS target, target_kind AS targetKind, hops, path,
  start_id AS startId, target_id AS targetId
FROM paths
ORDER BY start_name, start_id, hops, target_kind, target_name, target_id`;

const CYPHER = `MATCH (s:AIMapAsset) WHERE ${cypherExternal('s')}
MATCH p = ALL SHORTEST (s)${CYPHER_HOPS}(t:AIMapAsset)
WHERE t <> s
WITH s, t, p, ${cypherToolText('t')} AS text
WITH s, t, p, CASE WHEN t:Tool THEN ${cypherToolCapability('t', 'text')} END AS capability
WITH s, t, p, capability, CASE WHEN t:Tool THEN ${cypherToolDangerous('t', 'capability')} ELSE false END AS dangerous
WHERE ${cypherKinds('t', PATH_TARGET_KINDS)} OR (t:Tool AND ${cypherToolWrites('dangerous', 'capability')})
WITH s, t, p ORDER BY ${CYPHER_PATH_ORDER}
WITH s, t, collect(p)[0] AS p
RETURN s.name AS start, s.kind AS startKind, t.name AS target, t.kind AS targetKind, length(p) AS hops,
  ${CYPHER_PATH_TEXT} AS path,
  s.id AS startId, t.id AS targetId
ORDER BY start, startId, hops, targetKind, target, targetId`;

/** Shortest paths from external entry points to data sources, vector stores, secrets and write-capable tools. */
export const EXPOSURE_PATHS: SavedQuery = {
  name: 'exposure-paths',
  description: 'shortest paths (≤ 8 hops) from externally reachable assets to data, secrets and write-capable tools',
  args: [],
  columns: COLUMNS,
  display: ['start', 'target', 'targetKind', 'hops', 'path'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: {},
  run(store, args, scanSeq) {
    expectArgs(this, args);
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq], COLUMNS) };
  },
};
