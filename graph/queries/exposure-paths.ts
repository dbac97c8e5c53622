/**
 * `exposure-paths`: from everything reachable from outside (an externally facing system, an
 * exposed workload or endpoint) to the data, secrets and write-capable tools it can reach along
 * traversable relationships, one shortest path per (entry point, target).
 */
import { PATH_TARGET_KINDS, WRITE_CAPABILITIES } from './classify.ts';
import {
  cypherExternal, cypherKinds, cypherToolCapability, cypherToolDangerous, cypherToolLead, cypherToolText, cypherToolWrites, sqlAttrTrue, sqlExternal,
  sqlList, sqlToolCapability, sqlToolLead, sqlToolText,
} from './fragments.ts';
import { CYPHER_HOPS, CYPHER_PATH_ORDER, CYPHER_PATH_TEXT, SQL_REACH, sqlPredecessorHop } from './paths.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['start', 'startKind', 'target', 'targetKind', 'hops', 'path', 'startId', 'targetId'] as const;

// Assets are read as few times as possible: entry points come from a partial index (graph/
// embedded/migrations.ts, schema 3); reached nodes are matched to target kinds through the
// (scan_seq, kind, id) index, so only targets' rows are read (their name and kind, carried along
// the walk) and only reached tools have their JSON parsed, to be classified. CROSS JOIN keeps the
// planner from scanning every asset to meet a small CTE. The walk goes back from each target to
// its start one hop per row; a row carries the hop out of its node (`node|TYPE`, so no edge is
// looked up twice) and the path text from there to the target, each step prepending its node's
// label (stored columns): the finished rows (pos 0) are the paths, with no grouping pass. The
// first row already holds the target's label and the hop into it.
const TOOL_TEXTS = { lead: sqlToolLead('t'), full: sqlToolText('t') };
/** The node of a walk row's hop (`node|TYPE`), and the hop as path text: ` -TYPE-> `, or '' at the target. */
const HOP_NODE = "substr(w.hop, 1, instr(w.hop, '|') - 1)";
const HOP_TYPE = "substr(w.hop, instr(w.hop, '|') + 1)";
const HOP_ARROW = `CASE WHEN ${HOP_TYPE} = '' THEN '' ELSE ' -' || ${HOP_TYPE} || '-> ' END`;
/** `name (kind)` of the hop's node; NULL for a node with no asset row, whose piece is left out. */
const HOP_LABEL = `(SELECT a.name || ' (' || a.kind || ')' FROM assets a WHERE a.scan_seq = ?1 AND a.id = ${HOP_NODE})`;
const SQL = `WITH RECURSIVE
  starts(id) AS (SELECT a.id FROM assets a WHERE a.scan_seq = ?1 AND ${sqlExternal('a')}),
  ${SQL_REACH},
  reached(id) AS MATERIALIZED (SELECT DISTINCT node FROM best WHERE hops > 0),
  target_nodes(id, name, kind) AS MATERIALIZED (
    SELECT t.id, t.name, t.kind FROM reached r CROSS JOIN assets t ON t.scan_seq = ?1 AND t.kind IN ${sqlList(PATH_TARGET_KINDS)} AND t.id = r.id
    UNION ALL
    SELECT t.id, t.name, t.kind FROM reached r CROSS JOIN assets t ON t.scan_seq = ?1 AND t.kind = 'tool' AND t.id = r.id
    WHERE ${sqlAttrTrue('t', 'dangerous')} OR ${sqlToolCapability('t', TOOL_TEXTS)} IN ${sqlList(WRITE_CAPABILITIES)}
  ),
  walk(start, target, tname, tkind, hops, hop, pos, text) AS (
    SELECT w.start, w.target, w.tname, w.tkind, w.hops, ${sqlPredecessorHop('w.target')}, w.pos - 1, w.tname || ' (' || w.tkind || ')'
    FROM (SELECT b.start, b.node AS target, n.name AS tname, n.kind AS tkind, b.hops, b.hops AS pos
      FROM target_nodes n CROSS JOIN best b ON b.node = n.id WHERE b.hops > 0) w
    UNION ALL
    SELECT w.start, w.target, w.tname, w.tkind, w.hops, ${sqlPredecessorHop(HOP_NODE)}, w.pos - 1,
      coalesce(${HOP_LABEL} || ${HOP_ARROW}, '') || w.text
    FROM walk w WHERE w.pos > 0
  )
SELECT s.name AS start, s.kind AS startKind, w.tname AS target, w.tkind AS targetKind, w.hops AS hops,
  s.name || ' (' || s.kind || ')' || ${HOP_ARROW} || w.text AS path,
  w.start AS startId, w.target AS targetId
FROM walk w
CROSS JOIN assets s ON s.scan_seq = ?1 AND s.id = w.start
WHERE w.pos = 0
ORDER BY s.name, w.start, w.hops, w.tkind, w.tname, w.target`;

const CYPHER = `MATCH (s:AIMapAsset) WHERE ${cypherExternal('s')}
MATCH p = ALL SHORTEST (s)${CYPHER_HOPS}(t:AIMapAsset)
WHERE t <> s
WITH s, t, p, ${cypherToolLead('t')} AS lead, ${cypherToolText('t')} AS text
WITH s, t, p, CASE WHEN t:Tool THEN ${cypherToolCapability('t', { lead: 'lead', full: 'text' })} END AS capability
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
