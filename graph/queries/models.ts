/**
 * `models`: every model and model file by provider, hosted (a provider API or managed cloud
 * endpoint) or self-hosted (a model server, a self-hosted endpoint, weights on disk), with what
 * serves it and how many systems use it.
 */
import { HOSTED_PROVIDERS, SELF_HOSTED_ENDPOINT_KIND } from './classify.ts';
import { cypherList, cypherString, sqlList, sqlString } from './fragments.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['provider', 'hosting', 'name', 'kind', 'servedBy', 'systems', 'id'] as const;

const SELF = sqlString(SELF_HOSTED_ENDPOINT_KIND);

// Set-based: the few SERVES edges are read once (`served`, `serving`), not once per model; the
// systems using a model come from `relationships_in` and the `(scan_seq, kind, id)` index alone.
// Each model row is read once, for its name and provider.
const SQL = `WITH served(model, name, self) AS MATERIALIZED (
    SELECT e.dst, s.name,
      CASE WHEN s.kind = 'model-server'
        OR (s.kind = 'endpoint' AND json_extract(s.data, '$.attributes.kind') IS ${SELF}) THEN 1 ELSE 0 END
    FROM relationships_in e CROSS JOIN assets s ON s.scan_seq = ?1 AND s.id = e.src AND s.kind IN ('model-server', 'endpoint')
    WHERE e.scan_seq = ?1 AND e.type = 'SERVES'
  ),
  serving(model, selfServed, hostedServed, servedBy) AS MATERIALIZED (
    SELECT model, max(self), max(1 - self), json_group_array(DISTINCT name ORDER BY name) FROM served GROUP BY model
  ),
  facts AS MATERIALIZED (
    SELECT m.id, m.kind, m.name, m.provider,
      coalesce(v.selfServed, 0) AS selfServed, coalesce(v.hostedServed, 0) AS hostedServed, coalesce(v.servedBy, '[]') AS servedBy,
      (SELECT COUNT(DISTINCT u.src) FROM relationships_in u
        CROSS JOIN assets y ON y.scan_seq = ?1 AND y.kind = 'system' AND y.id = u.src
        WHERE u.scan_seq = ?1 AND u.dst = m.id AND u.type IN ('USES_MODEL', 'INCLUDES')) AS systems
    FROM assets m LEFT JOIN serving v ON v.model = m.id
    WHERE m.scan_seq = ?1 AND m.kind IN ('model', 'model-file')
  )
SELECT coalesce(provider, 'unknown') AS provider,
  CASE
    WHEN kind = 'model-file' THEN 'self-hosted'
    WHEN selfServed AND hostedServed THEN 'both'
    WHEN selfServed THEN 'self-hosted'
    WHEN hostedServed OR provider IN ${sqlList(HOSTED_PROVIDERS)} THEN 'hosted'
    ELSE 'unknown'
  END AS hosting,
  name, kind, servedBy, systems, id
FROM facts
ORDER BY 1, 2, name, id`;

const CYPHER = `MATCH (m:AIMapAsset) WHERE m:AIModel OR m:ModelFile
OPTIONAL MATCH (v)-[:SERVES]->(m) WHERE v:ModelServer OR v:Endpoint
WITH m, v ORDER BY v.name
WITH m, collect(DISTINCT v.name) AS servedBy,
  count(CASE WHEN v:ModelServer OR v.attr_kind = ${cypherString(SELF_HOSTED_ENDPOINT_KIND)} THEN 1 END) > 0 AS selfServed,
  count(CASE WHEN v:Endpoint AND coalesce(v.attr_kind, '') <> ${cypherString(SELF_HOSTED_ENDPOINT_KIND)} THEN 1 END) > 0 AS hostedServed
OPTIONAL MATCH (y:AISystem)-[:USES_MODEL|INCLUDES]->(m)
WITH m, servedBy, selfServed, hostedServed, count(DISTINCT y) AS systems
RETURN coalesce(m.provider, 'unknown') AS provider,
  CASE
    WHEN m:ModelFile THEN 'self-hosted'
    WHEN selfServed AND hostedServed THEN 'both'
    WHEN selfServed THEN 'self-hosted'
    WHEN hostedServed OR m.provider IN ${cypherList(HOSTED_PROVIDERS)} THEN 'hosted'
    ELSE 'unknown'
  END AS hosting,
  m.name AS name, m.kind AS kind, servedBy, systems, m.id AS id
ORDER BY provider, hosting, name, id`;

/** Models and model files by provider and hosting, with their servers and the number of systems using them. */
export const MODELS: SavedQuery = {
  name: 'models',
  description: 'models and model files by provider, hosted (provider API, cloud endpoint) or self-hosted, with servers and systems',
  args: [],
  columns: COLUMNS,
  display: ['provider', 'hosting', 'name', 'kind', 'systems', 'servedBy'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: {},
  run(store, args, scanSeq) {
    expectArgs(this, args);
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq], COLUMNS, { json: ['servedBy'] }) };
  },
};
