/**
 * The fixture projects through the whole pipeline (walk → read → detectors → merge): what each must
 * report, what it must not, and the invariants every inventory keeps.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssetKind, Inventory } from '../../src/model/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { evaluatePolicies } from '../../src/policies/evaluate.ts';
import { inventorySchemaErrors } from '../helpers/inventory-schema.ts';

const fixture = (name: string): string => join(import.meta.dirname, '..', 'fixtures', name);
// No git history: owners guessed from this repository's commits would change with every commit.
const scan = (name: string): Promise<Inventory> => runScan({ paths: [fixture(name)], gitHistory: false }, { scanId: 'fixture', now: () => new Date(0) });
const named = (inv: Inventory, kind: AssetKind): string[] => [...new Set(inv.assets.filter((a) => a.kind === kind).map((a) => a.name))].sort();
const undeclared = (inv: Inventory): string[] => inv.assets.filter((a) => a.kind === 'sdk' && a.attributes['declared'] === false).map((a) => a.name).sort();

function expectInvariants(inv: Inventory): void {
  expect(inventorySchemaErrors(JSON.parse(JSON.stringify(inv)))).toEqual([]);
  for (const asset of inv.assets) {
    expect(asset.evidence.length, `${asset.kind} ${asset.name} has evidence`).toBeGreaterThan(0);
    if (asset.kind !== 'repository') expect(asset.evidence.every((e) => e.path && e.line), `${asset.name} evidence has file:line`).toBe(true);
  }
  const provided = new Set(inv.relationships.filter((r) => r.type === 'PROVIDES').map((r) => r.to));
  for (const tool of inv.assets.filter((a) => a.kind === 'tool')) expect(provided.has(tool.id), `tool ${tool.name} has a server`).toBe(true);
  const repo = inv.assets.find((a) => a.kind === 'repository');
  const scoped = new Set(inv.relationships.filter((r) => r.type === 'RESOURCE' && r.from === repo?.id).map((r) => r.to));
  expect(inv.assets.filter((a) => a.kind !== 'repository' && !scoped.has(a.id))).toEqual([]);
}

describe('fixture projects through the pipeline', () => {
  it('AI SDK app (TypeScript): SDKs with one undeclared import, models from calls and constants, a vector store', async () => {
    const inv = await scan('ai-sdk-app');
    expectInvariants(inv);
    expect(named(inv, 'sdk')).toEqual(['@ai-sdk/anthropic', '@ai-sdk/openai', '@pinecone-database/pinecone', 'ai', 'openai']);
    expect(undeclared(inv)).toEqual(['@ai-sdk/anthropic']);
    expect(named(inv, 'model')).toEqual(['claude-3-5-haiku-latest', 'claude-3-5-sonnet-latest', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'openai/gpt-4.1-nano', 'text-embedding-3-small']);
    expect(named(inv, 'vector-store')).toEqual(['pinecone']);
  });

  it('MCP server (TypeScript): two servers, seven tools, each tool provided by its server', async () => {
    const inv = await scan('mcp-server-ts');
    expectInvariants(inv);
    expect(named(inv, 'mcp-server')).toEqual(['notes-mcp', 'tickets']);
    expect(named(inv, 'tool')).toEqual(['close_ticket', 'get_ticket', 'read_note', 'reindex', 'search_notes', 'search_tickets', 'stats']);
    expect(inv.relationships.filter((r) => r.type === 'PROVIDES')).toHaveLength(7);
  });

  it('MCP server (TypeScript) whose tools are registered in other files: one server with all its tools, none guessed beside it', async () => {
    const inv = await scan('mcp-server-split');
    expectInvariants(inv);
    expect(named(inv, 'mcp-server')).toEqual(['acme-docs-server', 'wiki-tools']);
    const byId = new Map(inv.assets.map((a) => [a.id, a]));
    const tools = (server: string): string[] => {
      const s = inv.assets.find((a) => a.kind === 'mcp-server' && a.name === server);
      return inv.relationships.filter((r) => r.type === 'PROVIDES' && r.from === s?.id).map((r) => byId.get(r.to)?.name ?? '').sort();
    };
    expect(tools('acme-docs-server')).toEqual(['delete_page', 'get_page', 'search_docs']);
    // Another package (its own package.json) constructs no server: its guess stays, with its tool.
    expect(tools('wiki-tools')).toEqual(['search_wiki']);
    const docs = inv.assets.find((a) => a.name === 'acme-docs-server');
    expect(docs?.attributes['inferredFrom']).toBeUndefined();
    expect([...new Set(docs?.evidence.map((e) => e.path))]).toEqual([
      'packages/docs-mcp/src/index.ts', 'packages/docs-mcp/src/tools/pages.ts', 'packages/docs-mcp/src/tools/search.ts',
    ]);
    const agency = inv.findings.filter((f) => f.policyId === 'mcp-excessive-agency').map((f) => byId.get(f.assetId)?.name);
    expect(agency).toEqual(['acme-docs-server']);
  });

  it('Spring AI MCP servers built from a starter, properties and @Tool methods in other files: one per module, none for the chat app', async () => {
    const inv = await scan('spring-mcp-server');
    expectInvariants(inv);
    const byId = new Map(inv.assets.map((a) => [a.id, a]));
    const servers = inv.assets.filter((a) => a.kind === 'mcp-server' && a.attributes['role'] === 'implemented');
    const summary = servers.map((s) => [
      s.name,
      s.attributes['transports'] ?? [],
      inv.relationships.filter((r) => r.type === 'PROVIDES' && r.from === s.id).map((r) => byId.get(r.to)?.name).sort(),
    ]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(summary).toEqual([
      ['acme-files', ['stdio'], ['deleteFile', 'listFiles']],
      ['acme-weather', ['streamable-http'], ['getForecast', 'shout', 'state_alerts']],
      ['mcp-server', ['sse'], ['lookupOrder']],
    ]);
    const weather = servers.find((s) => s.name === 'acme-weather') as (typeof servers)[number];
    expect(weather.attributes).toEqual({
      role: 'implemented', sdk: 'org.springframework.ai:spring-ai-mcp', api: 'McpServerAutoConfiguration', transports: ['streamable-http'],
      protocol: 'STREAMABLE', serverVersion: '1.2.0', starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'],
    });
    // The starter's line, the name and protocol settings, and the files whose tools it serves.
    expect(weather.evidence.map((e) => `${e.path}:${e.line} ${e.technique} ${e.confidence} ${e.snippet ?? ''}`)).toEqual([
      'weather-server/pom.xml:13 manifest inferred <artifactId>spring-ai-starter-mcp-server-webmvc</artifactId>',
      'weather-server/src/main/java/com/acme/weather/WeatherApplication.java:28 call-site inferred return FunctionToolCallback.builder("shout", (Text t) -> t.value().toUpperCase())',
      'weather-server/src/main/java/com/acme/weather/WeatherService.java:10 call-site inferred @Tool(description = "Get the forecast for a latitude and longitude")',
      'weather-server/src/main/resources/application.properties:6 config declared spring.ai.mcp.server.name=acme-weather',
      'weather-server/src/main/resources/application.properties:8 config declared spring.ai.mcp.server.protocol=STREAMABLE',
    ]);
    expect(inv.assets.find((a) => a.name === 'state_alerts')?.attributes).toEqual({ description: 'Get the active weather alerts of a US state' });
    // Traps: the chat app's @Tool is function calling; its MCP settings are a client's; no part is left over.
    expect(named(inv, 'tool')).not.toContain('now');
    expect(named(inv, 'tool')).not.toContain('retired');
    expect(inv.assets.filter((a) => a.evidence.some((e) => e.path?.startsWith('chat-app/')) && a.kind === 'mcp-server').map((a) => [a.name, a.attributes['role']])).toEqual([['weather', 'client-connection']]);
    expect(inv.assets.some((a) => a.attributes['springAi'] !== undefined || a.attributes['defaultName'] !== undefined)).toBe(false);
    expect(named(inv, 'mcp-server')).not.toContain('old-weather');
    expect(named(inv, 'mcp-server')).not.toContain('chat-clock');
    const agency = inv.findings.filter((f) => f.policyId === 'mcp-excessive-agency').map((f) => byId.get(f.assetId)?.name);
    expect(agency).toEqual(['acme-files']);
  });

  it('RAG app (Python, LangChain + LlamaIndex): split packages, embeddings and chat models, the vector store', async () => {
    const inv = await scan('rag-python');
    expectInvariants(inv);
    expect(named(inv, 'sdk')).toEqual(expect.arrayContaining(['chromadb', 'langchain-openai', 'llama-index-core', 'langchain-anthropic']));
    expect(undeclared(inv)).toEqual(['langchain-anthropic', 'llama-index-vector-stores-chroma']);
    expect(named(inv, 'model')).toEqual(['BAAI/bge-small-en-v1.5', 'claude-3-5-haiku-latest', 'gpt-4o', 'gpt-4o-mini', 'sentence-transformers/all-MiniLM-L6-v2']);
    expect(named(inv, 'vector-store')).toEqual(['chroma']);
  });

  it('MCP server (Python): FastMCP and low-level servers with their tools, and the servers a client connects to', async () => {
    const inv = await scan('mcp-server-py');
    expectInvariants(inv);
    const servers = inv.assets.filter((a) => a.kind === 'mcp-server').map((a) => `${a.name}:${String(a.attributes['role'])}`).sort();
    expect(servers).toEqual(['@modelcontextprotocol/server-filesystem:client-connection', 'files:implemented', 'math:client-connection', 'weather:client-connection', 'weather:implemented']);
    expect(named(inv, 'tool')).toEqual(['convert_temperature', 'get_alerts', 'get_forecast', 'list_directory', 'read_file']);
  });

  it('notebook: code cells only, evidence with cell and line, %pip installs and #r nuget references as undeclared SDKs', async () => {
    const inv = await scan('notebook');
    expectInvariants(inv);
    // gpt-4o comes from the C# cells of the .NET Interactive notebook (dotnet/).
    expect(named(inv, 'model')).toEqual(['all-MiniLM-L6-v2', 'distilbert-base-uncased-finetuned-sst-2-english', 'gpt-4o', 'gpt-4o-mini']);
    const gpt = inv.assets.find((a) => a.kind === 'model' && a.name === 'gpt-4o-mini');
    expect(gpt?.evidence.every((e) => e.cell !== undefined && e.line !== undefined)).toBe(true);
    expect(undeclared(inv)).toEqual(['Azure.AI.OpenAI', 'Microsoft.SemanticKernel', 'OpenAI', 'openai', 'sentence-transformers', 'torch', 'transformers']);
  });

  it('AI client settings: configured models belong to their client\'s system; Claude Code permissions reach the MCP policy', async () => {
    const inv = await scan('client-settings');
    expectInvariants(inv);
    const byId = new Map(inv.assets.map((a) => [a.id, a]));
    const usesModel = (client: string): string[] => {
      const sys = inv.assets.find((a) => a.kind === 'system' && a.attributes['client'] === client);
      return inv.relationships.filter((r) => r.from === sys?.id && r.type === 'USES_MODEL').map((r) => byId.get(r.to)?.name ?? '').sort();
    };
    expect(usesModel('codex')).toEqual(['gpt-5-codex', 'llama3.1:8b', 'o4-mini']);
    expect(usesModel('opencode')).toEqual(['claude-haiku-4-5', 'claude-sonnet-4-5', 'gpt-5', 'qwen2.5-coder:7b']);
    expect(usesModel('claude-code')).toEqual(['opus']);
    const findings = evaluatePolicies(inv, {}, '2026-01-01T00:00:00Z').findings.filter((f) => f.policyId === 'mcp-excessive-agency');
    const bypass = findings.find((f) => f.detail.includes('bypassPermissions'));
    expect(bypass?.title).toBe('MCP server "notes" runs tools without asking');
    expect(bypass?.evidence.map((e) => e.path)).toContain('.claude/settings.json');
  });

  it('coding-agent autonomy: one finding per agent that acts without asking, quoting the setting; none on the near misses', async () => {
    const judge = async (name: string) => {
      const inv = await scan(name);
      expectInvariants(inv);
      const findings = evaluatePolicies(inv, {}, '2026-01-01T00:00:00Z').findings.filter((f) => f.policyId === 'coding-agent-autonomy');
      const agents = inv.assets.filter((a) => a.kind === 'agent').map((a) => a.name).sort();
      return { inv, findings, agents };
    };
    const unattended = await judge('coding-agent-autonomy/unattended');
    const agentOf = (id: string): string => unattended.inv.assets.find((a) => a.id === id)?.name ?? '?';
    const rows = unattended.findings.map((f) => `${agentOf(f.assetId)} ${f.severity} ${f.evidence.map((e) => `${e.path}:${e.line} ${e.snippet}`).join(' | ')}`).sort();
    expect(rows).toEqual([
      'claude-code high .claude/settings.json:4 "allow": ["Bash"]',
      // The widest grant's lines first ([profiles.yolo]; lines are matched by text, so [profiles.ci]'s identical
      // `approval_policy = "never"` joins them), then the top-level sandbox [profiles.ci] inherits.
      'codex high .codex/config.toml:6 approval_policy = "never" | .codex/config.toml:7 sandbox_mode = "danger-full-access" | .codex/config.toml:10 approval_policy = "never" | .codex/config.toml:3 sandbox_mode = "workspace-write"',
      'gemini-cli high .gemini/settings.json:4 "allowed": ["run_shell_command"]',
      'goose high .config/goose/config.yaml:3 GOOSE_MODE: auto',
      'opencode high .config/opencode/opencode.json:5 "bash": "allow"',
      'zed high .config/zed/settings.json:3 "always_allow_tool_actions": true',
    ]);
    const codex = unattended.findings.find((f) => agentOf(f.assetId) === 'codex');
    expect(codex?.detail).toContain('[profiles.ci] approval_policy = "never" + sandbox_mode = "workspace-write"');
    const guarded = await judge('coding-agent-autonomy/guarded');
    expect(guarded.findings).toEqual([]);
    // The settings are still inventoried on each agent.
    expect(guarded.agents).toEqual(['claude-code', 'codex', 'gemini-cli', 'goose', 'opencode', 'zed']);
    const codexGuarded = guarded.inv.assets.find((a) => a.kind === 'agent' && a.name === 'codex');
    expect(codexGuarded?.attributes).toMatchObject({ approvalPolicies: ['on-request', 'untrusted'], sandboxModes: ['read-only', 'workspace-write'] });
  });

  it('negative controls: docs, look-alikes, placeholders and ORM models produce nothing at all', async () => {
    const inv = await scan('negative-controls');
    expect(inv.assets).toEqual([]);
    expect(inv.relationships).toEqual([]);
    expect(inv.diagnostics).toEqual([]);
    expect(inv.scan.stats.filesSeen).toBeGreaterThan(10);
  });
});
