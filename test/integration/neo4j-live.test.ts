/**
 * The Neo4j push against a real server (research/graph.md §6.2 step 4). Runs only when NEO4J_URI
 * is set, with NEO4J_USER (default neo4j), NEO4J_PASSWORD and optionally NEO4J_DATABASE; the
 * network guard allows loopback only, so point it at a local server, e.g.
 *   docker run --rm -p 7687:7687 -e NEO4J_AUTH=neo4j/aimap-test-pw neo4j:5
 *   NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=aimap-test-pw npx vitest run test/integration/neo4j-live.test.ts
 * Everything it writes lives under a repository scope unique to the run and is deleted at the end.
 * Without a server the suite is reported as skipped, never as passed.
 */
import { randomUUID } from 'node:crypto';
import { auth, driver as createDriver, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asset, edge, inventoryOf, repository } from '../../graph/neo4j/__fixtures__/inventory.ts';
import { pushInventory, type Neo4jPushOptions } from '../../graph/neo4j/push.ts';
import type { Diagnostic, Inventory } from '../../src/model/index.ts';

const uri = process.env['NEO4J_URI'];
const SKIP_REASON = 'skipped: NEO4J_URI is not set (no Neo4j server on this machine)';
if (uri === undefined || uri === '') console.info(`neo4j-live: ${SKIP_REASON}`);

const scope = `aimap-live-test/${randomUUID()}`;

/** A small app in the run's own scope; `withTool: false` drops the tool (to see it swept). */
function liveInventory(finishedAt: string, withTool = true, diagnostics: Diagnostic[] = []): Inventory {
  const repo = repository(scope);
  const system = asset('system', 'live-app', { attributes: { derivedFrom: 'project', root: '.' } }, scope);
  const model = asset('model', 'gpt-4o-mini', { provider: 'openai', attributes: { contextWindow: 128000 } }, scope);
  const mcp = asset('mcp-server', 'files', { name: "files 'quoted' ✓" }, scope);
  const tool = asset('tool', 'files#run_shell', { name: 'run_shell' }, scope);
  const found = withTool ? [system, model, mcp, tool] : [system, model, mcp];
  const rels = [...found.map((a) => edge('RESOURCE', repo, a)), edge('USES_MODEL', system, model), edge('CONNECTS_TO', system, mcp), ...(withTool ? [edge('PROVIDES', mcp, tool)] : [])];
  return inventoryOf([repo, ...found], rels, { scopes: [scope], finishedAt, diagnostics });
}

(uri === undefined || uri === '' ? describe.skip : describe)(uri === undefined || uri === '' ? SKIP_REASON : `Neo4j push against ${uri}`, () => {
  const options: Neo4jPushOptions = {
    uri: uri ?? '',
    user: process.env['NEO4J_USER'] ?? 'neo4j',
    password: process.env['NEO4J_PASSWORD'] ?? '',
    database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
    batchSize: 2,
  };
  let reader: Driver;

  const query = async (cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> => {
    const result = await reader.executeQuery(cypher, { scope: repository(scope).id, ...params }, { database: options.database });
    return result.records.map((r) => r.toObject());
  };
  const countUnderScope = async (): Promise<number> =>
    Number((await query('MATCH (:Repository {id: $scope})-[:RESOURCE]->(n:AIMapAsset) RETURN count(n) AS n'))[0]?.['n']);

  beforeAll(() => {
    reader = createDriver(options.uri, auth.basic(options.user, options.password), { disableLosslessIntegers: true });
  });

  afterAll(async () => {
    await query('MATCH (r:Repository {id: $scope}) OPTIONAL MATCH (r)-[:RESOURCE]->(n) DETACH DELETE n, r');
    await reader.close();
  });

  it('writes the nodes, relationships and bookkeeping, and a query reads them back', async () => {
    const report = await pushInventory(liveInventory('2026-11-21T10:00:00.000Z'), options);
    expect(report).toMatchObject({ nodes: 5, relationships: 7 });
    expect(await countUnderScope()).toBe(4);
    const rows = await query(
      'MATCH (:Repository {id: $scope})-[:RESOURCE]->(s:AISystem)-[:CONNECTS_TO]->(m:MCPServer)-[:PROVIDES]->(t:Tool) RETURN m.name AS server, t.name AS tool, t.lastupdated AS tag, t._module_name AS module',
    );
    expect(rows).toEqual([{ server: "files 'quoted' ✓", tool: 'run_shell', tag: Date.parse('2026-11-21T10:00:00.000Z'), module: 'aimap' }]);
  });

  it('is idempotent, and sweeps what a later clean scan no longer saw', async () => {
    await pushInventory(liveInventory('2026-11-21T10:00:00.000Z'), options);
    expect(await countUnderScope()).toBe(4);
    const report = await pushInventory(liveInventory('2026-11-21T11:00:00.000Z', false), options);
    expect(report.deleted).toBeGreaterThanOrEqual(1);
    expect(await query("MATCH (t:Tool {name: 'run_shell'})<-[:RESOURCE]-(:Repository {id: $scope}) RETURN t.id")).toEqual([]);
  });

  it('keeps last-known-good data when the scan of the scope had an error', async () => {
    await pushInventory(liveInventory('2026-11-21T12:00:00.000Z'), options);
    const failed: Diagnostic = { connector: 'local', level: 'error', code: 'unreadable', message: 'EACCES', location: { path: 'src/tools.py' } };
    const report = await pushInventory(liveInventory('2026-11-21T13:00:00.000Z', false, [failed]), options);
    expect(report.keptScopes).toEqual([repository(scope).id]);
    expect(await countUnderScope()).toBe(4);
  });
});
