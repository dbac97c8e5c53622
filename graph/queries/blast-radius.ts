/**
 * `blast-radius ASSET`: everything reachable from one asset along traversable relationships
 * (≤ 8 hops), each with its distance and the asset it is reached through on a shortest path.
 */
import { SQL_TRAVERSABLE } from './fragments.ts';
import { CYPHER_HOPS, CYPHER_PATH_ORDER, SQL_REACH, sqlStepType } from './paths.ts';
import { resolveAsset } from './resolve.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['distance', 'kind', 'name', 'via', 'relationship', 'id', 'viaId'] as const;

const SQL = `WITH RECURSIVE
  starts(id) AS (SELECT ?2),
  ${SQL_REACH},
  chosen(node, distance, via) AS MATERIALIZED (
    SELECT b.node, b.hops,
      (SELECT MIN(e.src) FROM relationships_in e CROSS JOIN best p
        WHERE e.scan_seq = ?1 AND e.dst = b.node AND +e.type IN ${SQL_TRAVERSABLE}
          AND p.node = e.src AND p.hops = b.hops - 1)
    FROM best b WHERE b.hops > 0
  )
SELECT c.distance AS distance, a.kind AS kind, a.name AS name, v.name AS via,
  ${sqlStepType('c.via', 'c.node')} AS relationship, a.id AS id, v.id AS viaId
FROM chosen c
JOIN assets a ON a.scan_seq = ?1 AND a.id = c.node
JOIN assets v ON v.scan_seq = ?1 AND v.id = c.via
ORDER BY c.distance, a.kind, a.name, a.id`;

const CYPHER = `MATCH (a:AIMapAsset {id: $assetId})
MATCH p = ALL SHORTEST (a)${CYPHER_HOPS}(n:AIMapAsset)
WHERE n <> a
WITH n, p ORDER BY ${CYPHER_PATH_ORDER}
WITH n, collect(p)[0] AS p
WITH n, p, nodes(p)[-2] AS v
RETURN length(p) AS distance, n.kind AS kind, n.name AS name, v.name AS via,
  type(last(relationships(p))) AS relationship, n.id AS id, v.id AS viaId
ORDER BY distance, kind, name, id`;

/** Reachable assets from ASSET with distance and the last hop of one shortest path. */
export const BLAST_RADIUS: SavedQuery = {
  name: 'blast-radius',
  description: 'everything reachable from an asset along traversable relationships (≤ 8 hops), with distance and via',
  args: [{ name: 'asset', description: 'asset id, nativeId, name or kind:name' }],
  columns: COLUMNS,
  display: ['distance', 'kind', 'name', 'relationship', 'via'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: { assetId: 'system:0000000000000000' },
  run(store, args, scanSeq) {
    expectArgs(this, args);
    const asset = resolveAsset(store, scanSeq, args[0] ?? '');
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq, asset.id], COLUMNS) };
  },
};
