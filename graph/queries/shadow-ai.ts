/**
 * `shadow-ai`: the assets the shadow-ai policy flagged in this scan (AI in use that the config's
 * `approved:` lists do not name). Without an `approved:` list the policy flags nothing, so this
 * query is empty: aimap cannot tell sanctioned from shadow AI until someone says what is approved.
 */
import { CLOSED_FINDING_STATUSES, SEVERITY_ORDER, SHADOW_AI_POLICY } from './classify.ts';
import { cypherList, cypherRank, cypherString, sqlList, sqlRank, sqlString } from './fragments.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['severity', 'kind', 'name', 'provider', 'title', 'systems', 'status', 'id', 'findingId'] as const;

const SQL = `SELECT f.severity AS severity, a.kind AS kind, a.name AS name, a.provider AS provider,
  json_extract(f.data, '$.title') AS title,
  (SELECT json_group_array(n ORDER BY n) FROM (
     SELECT DISTINCT s.name AS n FROM relationships_in i
     CROSS JOIN assets s ON s.scan_seq = ?1 AND s.id = i.src AND s.kind = 'system'
     WHERE i.scan_seq = ?1 AND i.dst = a.id AND i.type = 'INCLUDES')) AS systems,
  json_extract(f.data, '$.status') AS status, a.id AS id, f.id AS findingId
FROM findings f
JOIN assets a ON a.scan_seq = ?1 AND a.id = f.asset_id
WHERE f.scan_seq = ?1 AND f.policy_id = ${sqlString(SHADOW_AI_POLICY)}
  AND json_extract(f.data, '$.status') NOT IN ${sqlList(CLOSED_FINDING_STATUSES)}
ORDER BY ${sqlRank('f.severity', SEVERITY_ORDER)}, a.kind, a.name, a.id, f.id`;

// Findings are not pushed to Neo4j (the graph holds assets and relationships), so the twin takes
// the scan's findings as a parameter (the `findings` list of `aimap scan --format json`).
const CYPHER = `UNWIND $findings AS f
WITH f WHERE f.policyId = ${cypherString(SHADOW_AI_POLICY)} AND NOT f.status IN ${cypherList(CLOSED_FINDING_STATUSES)}
MATCH (a:AIMapAsset {id: f.assetId})
OPTIONAL MATCH (s:AISystem)-[:INCLUDES]->(a)
WITH f, a, s ORDER BY s.name
WITH f, a, collect(DISTINCT s.name) AS systems
RETURN f.severity AS severity, a.kind AS kind, a.name AS name, a.provider AS provider, f.title AS title,
  systems, f.status AS status, a.id AS id, f.id AS findingId
ORDER BY ${cypherRank('severity', SEVERITY_ORDER)}, kind, name, id, findingId`;

/** Open shadow-ai findings joined to their assets, most severe first. */
export const SHADOW_AI: SavedQuery = {
  name: 'shadow-ai',
  description: 'assets the shadow-ai policy flagged (AI not on the approved: lists), most severe first',
  args: [],
  columns: COLUMNS,
  display: ['severity', 'kind', 'name', 'provider', 'systems', 'status', 'title'],
  sql: SQL,
  cypher: CYPHER,
  emptyHint: 'the shadow-ai policy flags only against the approved: lists of the config; with none, nothing is flagged',
  cypherParams: {
    findings: [{ id: 'finding:0000000000000000', policyId: SHADOW_AI_POLICY, assetId: 'model:0000000000000000', severity: 'medium', title: 'Unapproved model', status: 'new' }],
  },
  run(store, args, scanSeq) {
    expectArgs(this, args);
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq], COLUMNS, { json: ['systems'] }) };
  },
};
