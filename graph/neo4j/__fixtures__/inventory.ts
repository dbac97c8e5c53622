/**
 * Small synthetic inventories for the Neo4j push and export tests (see README.md): built with the
 * model's own id functions, sorted by id like a real scan.
 */
import { assetId, relationshipId, SCHEMA_VERSION, type Asset, type AssetKind, type Attributes, type Diagnostic, type Inventory, type Relationship, type RelationshipType } from '../../../src/model/index.ts';

export const SCOPE = 'github.com/acme/assistant';
/** 2026-11-21T10:00:05.000Z in epoch milliseconds: the update tag of the fixture scans. */
export const FINISHED_AT = '2026-11-21T10:00:05.000Z';
export const UPDATE_TAG = Date.parse(FINISHED_AT);

/** An asset in `scope` with one piece of evidence. */
export function asset(kind: AssetKind, key: string, extra: Partial<Omit<Asset, 'id' | 'kind'>> = {}, scope = SCOPE): Asset {
  return {
    id: assetId(kind, scope, key),
    kind,
    name: extra.name ?? key,
    ...(extra.provider === undefined ? {} : { provider: extra.provider }),
    ...(extra.nativeId === undefined ? {} : { nativeId: extra.nativeId }),
    attributes: extra.attributes ?? {},
    evidence: extra.evidence ?? [{ path: 'src/app.py', line: 1, technique: 'import', confidence: 'declared', detector: 'python' }],
    tags: extra.tags ?? {},
  };
}

export function edge(type: RelationshipType, from: Asset, to: Asset, properties: Attributes = {}): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties, evidence: [] };
}

/** The repository scope root of `scope`, with the id the local connector gives it. */
export function repository(scope = SCOPE): Asset {
  return asset('repository', scope, { name: scope, attributes: { vcs: 'git', remote: scope }, evidence: [{ path: '.', technique: 'config', confidence: 'declared', detector: 'local' }] }, scope);
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Wraps assets and edges into an inventory; every non-root asset gets a RESOURCE edge from its repository. */
export function inventoryOf(assets: readonly Asset[], relationships: readonly Relationship[], options: { diagnostics?: Diagnostic[]; scopes?: string[]; finishedAt?: string } = {}): Inventory {
  const scopes = options.scopes ?? [SCOPE];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'aimap', version: '0.1.0' },
    scan: {
      id: 'scan-fixture',
      startedAt: '2026-11-21T10:00:00.000Z',
      finishedAt: options.finishedAt ?? FINISHED_AT,
      targets: scopes.map((scope) => ({ connector: 'local', target: scope.split('/').pop() ?? scope, scope })),
      stats: { filesSeen: 1, filesRead: 1, bytesRead: 10, filesSkipped: 0 },
      counts: {},
    },
    assets: [...assets].sort(byId),
    relationships: [...relationships].sort(byId),
    findings: [],
    diagnostics: options.diagnostics ?? [],
  };
}

/** A small AI app: system, SDK, model, MCP server with a tool, a secret and an owner, with awkward text. */
export function assistantInventory(options: { diagnostics?: Diagnostic[]; finishedAt?: string } = {}): Inventory {
  const repo = repository();
  const system = asset('system', 'assistant', { attributes: { derivedFrom: 'project', root: '.', externalFacing: true } });
  const sdk = asset('sdk', 'npm:openai', { name: 'openai', provider: 'openai', attributes: { ecosystem: 'npm', versions: ['4.52.0', '4.53.1'] } });
  const model = asset('model', 'gpt-4o-mini', { name: 'gpt-4o-mini', provider: 'openai', attributes: { contextWindow: 128000, temperature: 0.2, params: { top_p: 1, stop: ['\n'] } } });
  const mcp = asset('mcp-server', 'files', { name: 'files "local"', attributes: { transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', 'C:\\data'] } });
  const tool = asset('tool', 'files#run_shell', { name: 'run_shell', attributes: { description: "runs a shell\ncommand: it's 'dangerous' \\ ünïcödé ✓ 🚀" } });
  const secret = asset('secret', 'openai:1a2b', { name: 'openai', provider: 'openai', attributes: { envVar: 'OPENAI_API_KEY', fingerprint: '…1a2b' } });
  const owner = asset('owner', '@acme/ml-team', { name: '@acme/ml-team', tags: { team: 'ml' } });
  const found = [system, sdk, model, mcp, tool, secret, owner];
  const relationships = [
    ...found.map((a) => edge('RESOURCE', repo, a)),
    ...[sdk, model, mcp, tool, secret].map((a) => edge('INCLUDES', system, a)),
    edge('USES_SDK', system, sdk),
    edge('USES_MODEL', system, model),
    edge('CONNECTS_TO', system, mcp),
    edge('PROVIDES', mcp, tool),
    edge('USES_SECRET', system, secret),
    edge('OWNS', owner, system, { source: 'codeowners', confidence: 'declared', rule: { pattern: '/src/**', line: 3 } }),
  ];
  return inventoryOf([repo, ...found], relationships, options);
}

/** `count` models (and their RESOURCE and USES_MODEL edges) in one repository, for batching tests. */
export function manyModelsInventory(count: number): Inventory {
  const repo = repository();
  const system = asset('system', 'bulk');
  const models = Array.from({ length: count }, (_, i) => asset('model', `model-${String(i).padStart(3, '0')}`, i % 2 === 0 ? { attributes: { size: i } } : {}));
  const relationships = [...[system, ...models].map((a) => edge('RESOURCE', repo, a)), ...models.map((m) => edge('USES_MODEL', system, m))];
  return inventoryOf([repo, system, ...models], relationships);
}
