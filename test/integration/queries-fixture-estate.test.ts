/**
 * The golden graph of a fixture estate: several fixture repositories scanned by the real pipeline
 * (systems, owners, policies included), written to a real embedded store, and every saved query run
 * on it. Rows are compared with goldens in test/golden/queries (rewritten only by
 * `npm run test:update`), after checks that hold whatever the goldens say. Each query's Cypher
 * passes Neo4j's parser in graph/queries/cypher.test.ts.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore, type EmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { runSavedQuery, SAVED_QUERIES } from '../../graph/queries/index.ts';
import type { Inventory } from '../../src/model/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';

const REPOS = ['ai-sdk-app', 'rag-python', 'mcp-server-ts', 'mcp-server-py', 'iac', 'containers', 'policies', 'owners'];
let dir: string;
let store: EmbeddedStore;
let inventory: Inventory;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-estate-'));
  // Copies outside the checkout: no git history, so owners do not change with this repository's commits.
  for (const repo of REPOS) cpSync(join(import.meta.dirname, '..', 'fixtures', repo), join(dir, repo), { recursive: true });
  inventory = await runScan(
    { paths: REPOS.map((r) => join(dir, r)), policies: { approved: { providers: ['openai', 'anthropic'], sdks: ['openai', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk', 'mcp'] } } },
    { now: () => new Date('2026-01-01T00:00:00Z'), scanId: 'estate' },
  );
  store = openEmbeddedStore(join(dir, 'aimap.db'));
  store.write(inventory);
}, 120_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (name: string, args: string[] = []): Record<string, unknown>[] => runSavedQuery(store, name, args).rows;
const named = (kind: string, name: string): string => {
  const asset = inventory.assets.find((a) => a.kind === kind && a.name === name);
  if (asset === undefined) throw new Error(`no ${kind} ${name} in the estate`);
  return asset.id;
};

describe('saved queries on the fixture estate', () => {
  it('finds exposure paths from the exposed compose stack and Helm chart to the vector store', () => {
    const paths = rows('exposure-paths');
    expect(paths.length).toBeGreaterThan(0);
    expect(paths).toContainEqual(expect.objectContaining({ start: 'ollama-stack', target: 'qdrant', targetKind: 'vector-store', hops: 1 }));
    for (const p of paths) expect(String(p['path'])).toMatch(/^.+ \(\w[\w-]*\)( -[A-Z_]+-> .+ \(\w[\w-]*\))+$/);
  });

  it('lists MCP tools with the dangerous ones first, and models by hosting', () => {
    const tools = rows('mcp-tools');
    const firstSafe = tools.findIndex((t) => t['dangerous'] !== true);
    expect(tools.slice(firstSafe).every((t) => t['dangerous'] !== true)).toBe(true);
    const models = rows('models');
    const hosting = new Map(models.map((m) => [m['name'], m['hosting']]));
    expect(hosting.get('gpt-4o-mini')).toBe('hosted');
    expect(hosting.get('llama3.1')).toBe('self-hosted');
  });

  it('answers who owns and what an asset reaches, by name', () => {
    // The Terraform module's folder is owned through CODEOWNERS; the agent in it by its own tags.
    expect(rows('who-owns', [named('system', 'infra')])).toContainEqual(expect.objectContaining({ owner: '@acme/infra', source: 'codeowners', inherited: false }));
    const agent = inventory.assets.find((a) => a.kind === 'agent' && a.evidence.some((e) => e.path === 'infra/main.tf'));
    expect(rows('who-owns', [agent?.id ?? ''])).toContainEqual(expect.objectContaining({ owner: 'customer-support', source: 'tag', inherited: false }));
    const reach = rows('blast-radius', ['ollama-stack']);
    expect(reach.map((r) => r['name'])).toContain('qdrant');
    expect(rows('shadow-ai').length).toBeGreaterThan(0);
    const unowned = rows('unowned');
    expect(unowned.some((u) => u['id'] === named('system', 'infra'))).toBe(false);
  });

  it('matches the goldens, query by query', async () => {
    for (const query of SAVED_QUERIES) {
      const args = query.args.length === 0 ? [] : [query.name === 'who-owns' ? named('system', 'infra') : 'ollama-stack'];
      const result = runSavedQuery(store, query.name, args);
      await expect(`${JSON.stringify({ columns: result.columns, rows: result.rows }, null, 2)}\n`).toMatchFileSnapshot(`../golden/queries/${query.name}.json`);
    }
  });
});
