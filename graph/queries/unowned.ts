/** `unowned`: AI assets nobody is accountable for, directly or through a system that includes them. */
import { NOT_OWNABLE_KINDS } from './classify.ts';
import { cypherKinds, sqlList } from './fragments.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['kind', 'name', 'systems', 'nativeId', 'id'] as const;

// Set-based, so the owned set comes from index-only reads: `relationships_in` holds dst and type
// (no row read), assets_scan_id holds id. Only unowned assets are read, once (kind, name and
// native_id are stored columns, no JSON is parsed); each system's name is read once, not once per
// asset it includes. INCLUDES only leaves systems (DESIGN.md §3), so inherited ownership needs no
// look at the including asset.
const SQL = `WITH system_names(id, name) AS MATERIALIZED (
    SELECT s.id, s.name FROM assets s WHERE s.scan_seq = ?1 AND s.kind = 'system'
  ),
  direct(id) AS MATERIALIZED (
    SELECT o.dst FROM relationships_in o WHERE o.scan_seq = ?1 AND o.type = 'OWNS'
  ),
  owned(id) AS (
    SELECT id FROM direct
    UNION
    SELECT i.dst FROM direct d CROSS JOIN relationships i
    WHERE i.scan_seq = ?1 AND i.src = d.id AND i.type = 'INCLUDES'
  ),
  unowned(id) AS (
    SELECT a.id FROM assets a WHERE a.scan_seq = ?1
    EXCEPT SELECT id FROM owned
  ),
  found(id, kind, name, native_id) AS MATERIALIZED (
    SELECT a.id, a.kind, a.name, a.native_id FROM unowned u CROSS JOIN assets a ON a.scan_seq = ?1 AND a.id = u.id
    WHERE a.kind NOT IN ${sqlList(NOT_OWNABLE_KINDS)}
  )
SELECT f.kind AS kind, f.name AS name,
  coalesce((SELECT json_group_array(DISTINCT s.name ORDER BY s.name)
     FROM relationships_in i CROSS JOIN system_names s ON s.id = i.src
     WHERE i.scan_seq = ?1 AND i.dst = f.id AND i.type = 'INCLUDES'), '[]') AS systems,
  f.native_id AS nativeId, f.id AS id
FROM found f
ORDER BY f.kind, f.name, f.id`;

const CYPHER = `MATCH (a:AIMapAsset)
WHERE NOT ${cypherKinds('a', NOT_OWNABLE_KINDS)}
  AND NOT EXISTS { MATCH ()-[:OWNS]->(a) }
  AND NOT EXISTS { MATCH ()-[:OWNS]->(:AISystem)-[:INCLUDES]->(a) }
OPTIONAL MATCH (s:AISystem)-[:INCLUDES]->(a)
WITH a, s ORDER BY s.name
WITH a, collect(DISTINCT s.name) AS systems
RETURN a.kind AS kind, a.name AS name, systems, a.nativeId AS nativeId, a.id AS id
ORDER BY kind, name, id`;

/** Assets of every kind except owner, repository, cloud-account and identity with no owner. */
export const UNOWNED: SavedQuery = {
  name: 'unowned',
  description: 'AI assets with no owner, neither direct (OWNS) nor through a system that includes them',
  args: [],
  columns: COLUMNS,
  display: ['kind', 'name', 'systems', 'nativeId'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: {},
  run(store, args, scanSeq) {
    expectArgs(this, args);
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq], COLUMNS, { json: ['systems'] }) };
  },
};
