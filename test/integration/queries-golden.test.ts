/**
 * The saved queries on a realistic estate (test/helpers/graph-estate.ts) written to a real
 * embedded store: exact rows per query, scan isolation, agreement of the path queries with a
 * brute-force reference over the in-memory inventory, and index use in the query plans.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore, type EmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { NOT_OWNABLE_KINDS } from '../../graph/queries/classify.ts';
import { QueryError, runSavedQuery, SAVED_QUERIES } from '../../graph/queries/index.ts';
import type { Asset } from '../../src/model/asset.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import { TRAVERSABLE } from '../../src/model/relationship.ts';
import { graphEstate, type EstateHandle } from '../helpers/graph-estate.ts';

const estate = graphEstate('scan-estate');
const older = graphEstate('scan-old', { withOwners: false });
const A = estate.a;
let dir: string;
let store: EmbeddedStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-queries-'));
  store = openEmbeddedStore(join(dir, 'aimap.db'));
  store.write(older.inventory);
  store.write(estate.inventory); // newest: the default scan
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (name: string, args: string[] = [], scan?: string): Record<string, unknown>[] => runSavedQuery(store, name, args, scan).rows;
const ids = (...handles: EstateHandle[]): string[] => handles.map((h) => A[h].id);
const byId = (x: Asset, y: Asset): number => (x.id < y.id ? -1 : 1);

describe('saved queries on the golden estate', () => {
  it('unowned: assets with no direct or inherited owner, identities and repositories left out', () => {
    const row = (h: EstateHandle, systems: string[]) => ({ kind: A[h].kind, name: A[h].name, systems, nativeId: A[h].nativeId ?? null, id: A[h].id });
    const nb = ['churn-notebooks'];
    expect(rows('unowned')).toEqual([
      row('artifacts', []), row('llamaEndpoint', []), row('github', nb), row('reports', nb), row('bge', nb), row('claude', nb),
      row('xgb', []), row('anthropicSdk', nb), row('anthropicKey', nb), row('churn', []), row('preview', nb), row('writeReport', nb),
    ]);
  });

  it('unowned on the earlier scan (no owners yet) lists every ownable asset of that scan only', () => {
    const expected = older.inventory.assets.filter((x) => !NOT_OWNABLE_KINDS.includes(x.kind)).map((x) => x.id).sort();
    expect(rows('unowned', [], 'scan-old').map((r) => r.id).sort()).toEqual(expected);
  });

  it('shadow-ai: open shadow-ai findings only, most severe first, with their systems', () => {
    expect(rows('shadow-ai')).toEqual([
      { severity: 'high', kind: 'model', name: 'claude-3-5-haiku-latest', provider: 'anthropic', title: 'shadow-ai: claude-3-5-haiku-latest', systems: ['churn-notebooks'], status: 'new', id: A.claude.id, findingId: 'finding:0000000000000001' },
      { severity: 'medium', kind: 'sdk', name: 'anthropic', provider: 'anthropic', title: 'shadow-ai: anthropic', systems: ['churn-notebooks'], status: 'open', id: A.anthropicSdk.id, findingId: 'finding:0000000000000002' },
    ]);
  });

  it('mcp-tools: dangerous tools first by capability, then read tools, then servers with no known tools', () => {
    const row = (server: EstateHandle, tool: EstateHandle | undefined, capability: string | null, dangerous: boolean | null) => ({
      server: A[server].name, transport: 'stdio', tool: tool === undefined ? null : A[tool].name, capability, dangerous,
      description: tool === undefined ? null : A[tool].attributes.description, serverId: A[server].id, toolId: tool === undefined ? null : A[tool].id,
    });
    expect(rows('mcp-tools')).toEqual([
      row('ops', 'runCommand', 'shell', true),
      row('reports', 'writeReport', 'filesystem-write', true),
      row('ops', 'slack', 'network-write', true),
      row('ops', 'readLogs', 'read', false),
      row('reports', 'preview', 'read', false), // readOnlyHint wins over "delete"
      row('github', undefined, null, null),
    ]);
  });

  it('exposure-paths: one shortest path per (entry point, target), ties broken by the smallest ids', () => {
    const [viaIdentity] = [A.role, A.sa].sort(byId);
    const [fraudVia] = [A.fraudRole, A.xgb].sort(byId);
    const fraudPath = fraudVia === A.xgb
      ? 'fraud-scoring (endpoint) -SERVES-> fraud-xgboost (model) -READS_FROM-> acme-model-artifacts (data-source)'
      : 'fraud-scoring (endpoint) -RUNS_AS-> fraud-exec-role (identity) -CAN_READ-> acme-model-artifacts (data-source)';
    const bot = 'support-bot (system)';
    const api = `support-api (endpoint) -EXPOSES-> ${bot}`;
    const tickets = ` -RUNS_AS-> ${viaIdentity?.name} (identity) -CAN_READ-> acme-tickets (data-source)`;
    const ops = ' -CONNECTS_TO-> ops-tools (mcp-server) -PROVIDES->';
    const row = (start: EstateHandle, target: EstateHandle, hops: number, path: string) => ({
      start: A[start].name, startKind: A[start].kind, target: A[target].name, targetKind: A[target].kind, hops, path, startId: A[start].id, targetId: A[target].id,
    });
    expect(rows('exposure-paths')).toEqual([
      row('fraud', 'artifacts', 2, fraudPath),
      row('supportApi', 'openaiKey', 2, `${api} -USES_SECRET-> openai (secret)`),
      row('supportApi', 'pinecone', 2, `${api} -READS_FROM-> pinecone (vector-store)`),
      row('supportApi', 'tickets', 3, `${api}${tickets}`),
      row('supportApi', 'runCommand', 3, `${api}${ops} run_command (tool)`),
      row('supportApi', 'slack', 3, `${api}${ops} send_slack_message (tool)`),
      row('bot', 'openaiKey', 1, `${bot} -USES_SECRET-> openai (secret)`),
      row('bot', 'pinecone', 1, `${bot} -READS_FROM-> pinecone (vector-store)`),
      row('bot', 'tickets', 2, `${bot}${tickets}`),
      row('bot', 'runCommand', 2, `${bot}${ops} run_command (tool)`),
      row('bot', 'slack', 2, `${bot}${ops} send_slack_message (tool)`),
      row('vllm', 'features', 2, 'vllm (model-server) -SERVES-> meta-llama/Llama-3.1-8B-Instruct (model) -READS_FROM-> feature-store (data-source)'),
    ]);
  });

  it('blast-radius: everything within reach with distance and the last hop, the cycle back to the start left out', () => {
    const [viaIdentity] = [A.role, A.sa].sort(byId) as [Asset];
    const row = (distance: number, h: EstateHandle, via: Asset, relationship: string) => ({
      distance, kind: A[h].kind, name: A[h].name, via: via.name, relationship, id: A[h].id, viaId: via.id,
    });
    expect(rows('blast-radius', ['support-bot'])).toEqual([
      row(1, 'openaiApi', A.bot, 'CALLS'), row(1, 'role', A.bot, 'RUNS_AS'), row(1, 'sa', A.bot, 'RUNS_AS'), row(1, 'ops', A.bot, 'CONNECTS_TO'),
      row(1, 'gpt', A.bot, 'USES_MODEL'), row(1, 'openaiKey', A.bot, 'USES_SECRET'), row(1, 'pinecone', A.bot, 'READS_FROM'),
      row(2, 'tickets', viaIdentity, 'CAN_READ'), row(2, 'supportApi', A.role, 'CAN_INVOKE'),
      row(2, 'readLogs', A.ops, 'PROVIDES'), row(2, 'runCommand', A.ops, 'PROVIDES'), row(2, 'slack', A.ops, 'PROVIDES'),
    ]);
    expect(rows('blast-radius', ['sdk:openai'])).toEqual([]); // USES_SDK points into an SDK; nothing leaves it
  });

  it('who-owns: direct owners first, then owners inherited from including systems', () => {
    expect(rows('who-owns', ['gpt-4o-mini'])).toEqual([
      { owner: 'alice@acme.example', inherited: false, via: 'gpt-4o-mini', source: 'git-history', confidence: 'inferred', ownerId: A.alice.id, viaId: A.gpt.id },
      { owner: '@acme/support-team', inherited: true, via: 'support-bot', source: 'codeowners', confidence: 'declared', ownerId: A.supportTeam.id, viaId: A.bot.id },
    ]);
    expect(rows('who-owns', [A.fraud.id])).toEqual([
      { owner: '@acme/risk', inherited: false, via: 'fraud-scoring', source: 'tags', confidence: 'declared', ownerId: A.risk.id, viaId: A.fraud.id },
    ]);
    expect(rows('who-owns', ['churn-notebooks'])).toEqual([]);
    expect(rows('who-owns', ['gpt-4o-mini'], 'scan-old')).toEqual([]);
  });

  it('models: by provider, hosted vs self-hosted, with servers and the number of systems using each', () => {
    const row = (h: EstateHandle, provider: string, hosting: string, servedBy: string[], systems: number) => ({
      provider, hosting, name: A[h].name, kind: A[h].kind, servedBy, systems, id: A[h].id,
    });
    expect(rows('models')).toEqual([
      row('claude', 'anthropic', 'hosted', [], 1),
      row('xgb', 'aws-sagemaker', 'hosted', ['fraud-scoring'], 0),
      row('bge', 'baai', 'unknown', [], 1),
      row('llama', 'meta', 'both', ['llama-endpoint', 'vllm'], 1),
      row('gpt', 'openai', 'hosted', [], 1),
      row('qwen', 'qwen', 'self-hosted', ['llm-gateway'], 1),
      row('weights', 'unknown', 'self-hosted', [], 1),
    ]);
  });
});

describe('asset arguments', () => {
  it('resolve ids, nativeIds, names and kind:name', () => {
    const first = (ref: string) => rows('who-owns', [ref])[0]?.ownerId;
    expect(first(A.bot.id)).toBe(A.supportTeam.id);
    expect(first('docker-compose.yml#compose')).toBe(A.mlTeam.id);
    expect(first('system:support-bot')).toBe(A.supportTeam.id);
    expect(first('sdk:openai')).toBe(A.supportTeam.id);
  });

  it('refuse an ambiguous name and list the candidates', () => {
    expect(() => rows('blast-radius', ['openai'])).toThrow(QueryError);
    expect(() => rows('blast-radius', ['openai'])).toThrow(new RegExp(`matches 2 assets[^]*${A.openaiSdk.id}  sdk openai[^]*${A.openaiKey.id}  secret openai`));
    expect(() => rows('who-owns', ['.'])).toThrow(/matches 2 assets[^]*churn-notebooks[^]*support-bot/);
  });

  it('refuse an unknown asset, a missing argument, an unknown query and an unknown scan', () => {
    expect(() => rows('who-owns', ['no-such-thing'])).toThrow(/no asset "no-such-thing"/);
    expect(() => rows('who-owns', [])).toThrow(/usage: aimap query who-owns ASSET/);
    expect(() => rows('unowned', ['extra'])).toThrow(/takes 0 arguments/);
    expect(() => rows('nope')).toThrow(/unknown query "nope"; saved queries: unowned, shadow-ai/);
    expect(() => rows('models', [], 'scan-missing')).toThrow(/no scan "scan-missing"/);
  });
});

/*
 * Reference for the path queries, by definition rather than by algorithm: enumerate every simple
 * path of at most 8 traversable relationships from the start and keep, per target, the shortest,
 * ties broken by the reversed list of node ids and then of relationship types (README.md).
 */
interface RefPath { readonly nodes: string[]; readonly types: string[] }

function compareLists(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return (x[i] ?? '') < (y[i] ?? '') ? -1 : 1;
  return x.length - y.length;
}

function better(p: RefPath, q: RefPath | undefined): boolean {
  if (q === undefined || p.types.length !== q.types.length) return q === undefined || p.types.length < q.types.length;
  const byNodes = compareLists([...p.nodes].reverse(), [...q.nodes].reverse());
  return byNodes !== 0 ? byNodes < 0 : compareLists([...p.types].reverse(), [...q.types].reverse()) < 0;
}

function shortestPaths(inventory: Inventory, start: string): Map<string, RefPath> {
  const out = new Map<string, { type: string; to: string }[]>();
  for (const r of inventory.relationships) if (TRAVERSABLE.has(r.type)) out.set(r.from, [...(out.get(r.from) ?? []), { type: r.type, to: r.to }]);
  const best = new Map<string, RefPath>();
  const walk = (path: RefPath): void => {
    const here = path.nodes.at(-1) ?? start;
    if (path.types.length > 0 && better(path, best.get(here))) best.set(here, path);
    if (path.types.length === 8) return;
    for (const e of out.get(here) ?? []) if (!path.nodes.includes(e.to)) walk({ nodes: [...path.nodes, e.to], types: [...path.types, e.type] });
  };
  walk({ nodes: [start], types: [] });
  return best;
}

const sortRows = (keys: string[]) => (x: Record<string, unknown>, y: Record<string, unknown>): number => {
  for (const k of keys) if (x[k] !== y[k]) return (x[k] as string | number) < (y[k] as string | number) ? -1 : 1;
  return 0;
};

function referenceExposurePaths(inventory: Inventory, writeTools: ReadonlySet<string>): Record<string, unknown>[] {
  const byId = new Map(inventory.assets.map((x) => [x.id, x]));
  const label = (id: string) => `${byId.get(id)?.name} (${byId.get(id)?.kind})`;
  const external = (x: Asset) => ['externalFacing', 'exposed', 'exposedInternet', 'publicNetworkAccessEnabled'].some((k) => x.attributes[k] === true) || x.attributes.publicNetworkAccess === 'Enabled';
  const isTarget = (x: Asset) => ['data-source', 'vector-store', 'secret'].includes(x.kind) || writeTools.has(x.id);
  const rows: Record<string, unknown>[] = [];
  for (const s of inventory.assets.filter(external)) {
    for (const [target, p] of shortestPaths(inventory, s.id)) {
      const t = byId.get(target) as Asset;
      if (target === s.id || !isTarget(t)) continue;
      const path = label(s.id) + p.types.map((type, i) => ` -${type}-> ${label(p.nodes[i + 1] ?? '')}`).join('');
      rows.push({ start: s.name, startKind: s.kind, target: t.name, targetKind: t.kind, hops: p.types.length, path, startId: s.id, targetId: t.id });
    }
  }
  return rows.sort(sortRows(['start', 'startId', 'hops', 'targetKind', 'target', 'targetId']));
}

function referenceBlastRadius(inventory: Inventory, start: string): Record<string, unknown>[] {
  const byId = new Map(inventory.assets.map((x) => [x.id, x]));
  const rows = [...shortestPaths(inventory, start)].filter(([id]) => id !== start).map(([id, p]) => {
    const via = byId.get(p.nodes.at(-2) ?? '') as Asset;
    const n = byId.get(id) as Asset;
    return { distance: p.types.length, kind: n.kind, name: n.name, via: via.name, relationship: p.types.at(-1), id, viaId: via.id };
  });
  return rows.sort(sortRows(['distance', 'kind', 'name', 'id']));
}

describe('path queries agree with a brute-force reference over the inventory', () => {
  const writeTools = new Set(ids('runCommand', 'slack', 'writeReport'));

  it('exposure-paths', () => {
    expect(rows('exposure-paths')).toEqual(referenceExposurePaths(estate.inventory, writeTools));
  });

  it.each(['bot', 'supportApi', 'role', 'vllm', 'fraud', 'churn'] as const)('blast-radius %s', (h) => {
    expect(rows('blast-radius', [A[h].id])).toEqual(referenceBlastRadius(estate.inventory, A[h].id));
  });
});

describe('query plans', () => {
  it('every relationships lookup uses an index on (scan_seq, src|dst, type); the recursive step seeks by src', () => {
    const db = new DatabaseSync(store.path, { readOnly: true });
    try {
      for (const query of SAVED_QUERIES) {
        const params = query.args.length === 0 ? [1] : [1, A.bot.id];
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...params) as { id: number; parent: number; detail: string }[]);
        const aliases = [...query.sql.matchAll(/\brelationships\s+(\w+)/g)].map((m) => m[1]);
        for (const line of plan) {
          for (const alias of aliases) expect(line.detail, `${query.name}: ${line.detail}`).not.toMatch(new RegExp(`^SCAN ${alias}\\b`));
          // A pass over one scan's index entries is allowed only where the SQL asks for it (INDEXED BY).
          const forced = /INDEX (relationships_\w+)/.exec(line.detail)?.[1];
          if (forced !== undefined && !query.sql.includes(`INDEXED BY ${forced}`)) expect(line.detail, query.name).toMatch(/\(scan_seq=\? AND (src|dst)=\?/);
        }
        // At most one pass over all of a scan's asset rows (exposure-paths: finding the entry points).
        expect(plan.filter((l) => /USING INDEX assets_scan \(scan_seq=\?\)/.test(l.detail)).length, query.name).toBeLessThanOrEqual(1);
        const steps = plan.filter((l) => l.detail === 'RECURSIVE STEP');
        if (query.name === 'exposure-paths' || query.name === 'blast-radius') expect(steps.length).toBeGreaterThan(0);
        const reachStep = steps[0];
        if (reachStep !== undefined) {
          const children = plan.filter((l) => l.parent === reachStep.id).map((l) => l.detail);
          expect(children, query.name).toContain('SEARCH e USING INDEX relationships_src (scan_seq=? AND src=?)');
        }
      }
    } finally {
      db.close();
    }
  });
});
