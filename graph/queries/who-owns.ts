/**
 * `who-owns ASSET`: the owners of an asset, directly (an `OWNS` edge into it) and inherited
 * from the systems that include it, with the source and confidence the owner resolver recorded.
 */
import { resolveAsset } from './resolve.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['owner', 'inherited', 'via', 'source', 'confidence', 'ownerId', 'viaId'] as const;

const SQL = `SELECT o.name AS owner, 0 AS inherited, a.name AS via,
  json_extract(e.data, '$.properties.source') AS source, json_extract(e.data, '$.properties.confidence') AS confidence,
  o.id AS ownerId, a.id AS viaId
FROM relationships_in w
CROSS JOIN relationships e ON e.row = w.row AND e.scan_seq = ?1
JOIN assets o ON o.scan_seq = ?1 AND o.id = w.src
JOIN assets a ON a.scan_seq = ?1 AND a.id = w.dst
WHERE w.scan_seq = ?1 AND w.dst = ?2 AND w.type = 'OWNS'
UNION ALL
SELECT o.name, 1, s.name,
  json_extract(e.data, '$.properties.source'), json_extract(e.data, '$.properties.confidence'),
  o.id, s.id
FROM relationships_in i
CROSS JOIN assets s ON s.scan_seq = ?1 AND s.id = i.src AND s.kind = 'system'
CROSS JOIN relationships_in w ON w.scan_seq = ?1 AND w.dst = i.src AND w.type = 'OWNS'
CROSS JOIN relationships e ON e.row = w.row AND e.scan_seq = ?1
CROSS JOIN assets o ON o.scan_seq = ?1 AND o.id = w.src
WHERE i.scan_seq = ?1 AND i.dst = ?2 AND i.type = 'INCLUDES'
ORDER BY inherited, owner, ownerId, viaId`;

const CYPHER = `MATCH (a:AIMapAsset {id: $assetId})
CALL (a) {
  MATCH (o)-[e:OWNS]->(a)
  RETURN o, e, a AS v, false AS inherited
  UNION
  MATCH (o)-[e:OWNS]->(v:AISystem)-[:INCLUDES]->(a)
  RETURN o, e, v, true AS inherited
}
RETURN o.name AS owner, inherited, v.name AS via, e.source AS source, e.confidence AS confidence,
  o.id AS ownerId, v.id AS viaId
ORDER BY inherited, owner, ownerId, viaId`;

/** Owners of ASSET, direct first, then those inherited from including systems. */
export const WHO_OWNS: SavedQuery = {
  name: 'who-owns',
  description: 'owners of an asset: direct OWNS edges, then owners inherited from the systems that include it',
  args: [{ name: 'asset', description: 'asset id, nativeId, name or kind:name' }],
  columns: COLUMNS,
  display: ['owner', 'inherited', 'via', 'source', 'confidence'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: { assetId: 'model:0000000000000000' },
  run(store, args, scanSeq) {
    expectArgs(this, args);
    const asset = resolveAsset(store, scanSeq, args[0] ?? '');
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq, asset.id], COLUMNS, { booleans: ['inherited'] }) };
  },
};
