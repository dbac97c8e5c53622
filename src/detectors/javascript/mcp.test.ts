import { describe, expect, it } from 'vitest';
import { assetId } from '../../model/index.ts';
import { detectJavaScript } from './index.ts';
import { fileStem, inferServerName, inferredServerName } from './mcp.ts';

const run = (content: string, path = 'src/server.ts') => detectJavaScript({ scope: 'repo', path, content });
/** Servers with their attributes, and tools as `server/tool` → description. */
function mcp(content: string, path?: string) {
  const result = run(content, path);
  const assets = result?.assets ?? [];
  const byId = new Map(assets.map((a) => [a.id, a]));
  const servers = Object.fromEntries(assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.name, a.attributes]));
  const tools = Object.fromEntries((result?.relationships ?? []).map((r) => {
    const tool = byId.get(r.to);
    return [`${byId.get(r.from)?.name}/${tool?.name}`, tool?.attributes.description ?? null];
  }));
  return { servers, tools, orphanTools: assets.filter((a) => a.kind === 'tool').length - Object.keys(tools).length };
}

describe('MCP servers implemented with McpServer', () => {
  it('reads the server, its transport and tools from tool() and registerTool(), including loops over constants', () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
      "import { z } from 'zod';",
      "const SERVER_NAME = 'docs-server';",
      "const server = new McpServer({ name: SERVER_NAME, version: '1.0.0' });",
      "server.tool('search', 'Search the docs', { q: z.string() }, async ({ q }) => ({ content: [] }));",
      "server.tool('ping', async () => ({ content: [] }));",
      "server.registerTool('fetch_page', { title: 'Fetch', description: 'Fetch one page', inputSchema: { url: z.string() } }, async () => ({ content: [] }));",
      "const EXTRA = [{ name: 'list_spaces', description: 'List spaces' }, { name: 'whoami' }];",
      'for (const t of EXTRA) server.registerTool(t.name, { description: t.description }, async () => ({ content: [] }));',
      'await server.connect(new StdioServerTransport());',
    ].join('\n');
    expect(mcp(content)).toEqual({
      servers: { 'docs-server': { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'McpServer', transports: ['stdio'] } },
      tools: {
        'docs-server/search': 'Search the docs',
        'docs-server/ping': null,
        'docs-server/fetch_page': 'Fetch one page',
        'docs-server/list_spaces': 'List spaces',
        'docs-server/whoami': null,
      },
      orphanTools: 0,
    });
  });

  it('reads SDK v2 servers (@modelcontextprotocol/server) and their serveStdio / web transports', () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/server';",
      "import { serveStdio } from '@modelcontextprotocol/server/stdio';",
      "import * as z from 'zod/v4';",
      'function createServer(): McpServer {',
      "  const server = new McpServer({ name: 'weather', version: '1.0.0' });",
      "  server.registerTool('get-alerts', { description: 'Get weather alerts', inputSchema: z.object({ state: z.string() }) }, async () => ({ content: [] }));",
      '  return server;',
      '}',
      'serveStdio(createServer);',
    ].join('\n');
    expect(mcp(content)).toEqual({
      servers: { weather: { role: 'implemented', sdk: '@modelcontextprotocol/server', api: 'McpServer', transports: ['stdio'] } },
      tools: { 'weather/get-alerts': 'Get weather alerts' },
      orphanTools: 0,
    });
    const web = "import { McpServer, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';\nconst s = new McpServer({ name: 'edge', version: '1' });\nawait s.connect(new WebStandardStreamableHTTPServerTransport({}));\n";
    expect(mcp(web).servers).toEqual({ edge: { role: 'implemented', sdk: '@modelcontextprotocol/server', api: 'McpServer', transports: ['streamable-http'] } });
    // A local function that happens to be called serveStdio is no transport.
    const local = "import { McpServer } from '@modelcontextprotocol/server';\nconst serveStdio = (f) => f();\nconst s = new McpServer({ name: 'plain', version: '1' });\nserveStdio(() => s);\n";
    expect(mcp(local).servers).toEqual({ plain: { role: 'implemented', sdk: '@modelcontextprotocol/server', api: 'McpServer' } });
  });

  it('keys tools under their server and links them with PROVIDES', () => {
    const content = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst s = new McpServer({ name: 'kb', version: '1' });\ns.tool('lookup', async () => ({ content: [] }));\n";
    const result = run(content);
    const tool = result?.assets.find((a) => a.kind === 'tool');
    expect(tool?.id).toBe(assetId('tool', 'repo', 'code:kb/lookup'));
    expect(tool?.evidence).toEqual([{ path: 'src/server.ts', line: 3, snippet: "s.tool('lookup', async () => ({ content: [] }));", technique: 'call-site', confidence: 'declared', detector: 'javascript' }]);
    expect(result?.relationships.map((r) => [r.type, r.from, r.to])).toEqual([['PROVIDES', assetId('mcp-server', 'repo', 'code:kb'), tool?.id]]);
  });

  it('names a server without a literal name after the file stem', () => {
    expect(mcp("import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport pkg from '../package.json';\nexport const s = new McpServer({ name: pkg.name, version: pkg.version });\n", 'src/weather.ts').servers)
      .toEqual({ weather: { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'McpServer' } });
  });

  it('names an unnamed server in an entry file (index, main, server) after its folder, else the repository', () => {
    const code = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport pkg from '../package.json';\nexport const s = new McpServer({ name: `acme-${pkg.name}`, version: pkg.version });\n";
    expect(Object.keys(mcp(code, 'packages/weather-mcp/src/index.ts').servers)).toEqual(['weather-mcp']);
    expect(Object.keys(mcp(code, 'server/services/mcp-endpoint/index.ts').servers)).toEqual(['mcp-endpoint']);
    const fromRepo = detectJavaScript({ scope: 'https://github.com/acme/notes-mcp.git', path: 'src/main.ts', content: code })?.assets.filter((a) => a.kind === 'mcp-server');
    expect(fromRepo?.map((a) => [a.name, a.attributes.inferredFrom])).toEqual([['notes-mcp', undefined]]);
    // A telling stem and a literal name stay as they are.
    expect(Object.keys(mcp(code, 'src/billing.ts').servers)).toEqual(['billing']);
    expect(Object.keys(mcp("import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nnew McpServer({ name: 'kb', version: '1' });\n", 'packages/x/src/index.ts').servers)).toEqual(['kb']);
  });

  it('groups tools registered on an injected server under one inferred server per package', () => {
    const tool = (name: string) => [
      "import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      `export const register = (server: McpServer) => server.registerTool('${name}', { description: 'Tool ' + '${name}' }, async () => ({ content: [] }));`,
    ].join('\n');
    const result = detectJavaScript({ scope: 'https://github.com/acme/notes-mcp.git', path: 'src/tools/search.ts', content: tool('search') });
    const server = result?.assets.find((a) => a.kind === 'mcp-server');
    expect([server?.name, server?.attributes.inferredFrom]).toEqual(['notes-mcp', 'repository']);
    expect(server?.evidence.map((e) => e.confidence)).toEqual(['inferred']);
    expect(mcp(tool('echo'), 'src/everything/tools/echo.ts')).toEqual({
      servers: { everything: { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'McpServer', inferredFrom: 'folder' } },
      tools: { 'everything/echo': 'Tool echo' },
      orphanTools: 0,
    });
  });

  it('resolves concatenated descriptions and templates built from constants', () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "const PREFIX = 'kb';",
      "const server = new McpServer({ name: `${PREFIX}-server`, version: '1' });",
      `server.registerTool(\`\${PREFIX}_search\`, {`,
      "  description:",
      "    'Search the knowledge base. ' +",
      "    'Returns at most ' + '10 hits.',",
      '}, async () => ({ content: [] }));',
    ].join('\n');
    expect(mcp(content).tools).toEqual({ 'kb-server/kb_search': 'Search the knowledge base. Returns at most 10 hits.' });
  });
});

describe('MCP servers implemented with the low-level Server', () => {
  it('reads tools listed by the ListTools handler from constants, definition maps and Object.values/entries', () => {
    const content = [
      "import { Server } from '@modelcontextprotocol/sdk/server/index.js';",
      "import { ListToolsRequestSchema, CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';",
      "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';",
      "const SEARCH = 'search_issues';",
      "const searchTool = { name: SEARCH, description: 'Search issues', inputSchema: { type: 'object' } };",
      "const fetchTool = { name: 'fetch_issue', description: 'Fetch one issue', inputSchema: { type: 'object' } };",
      "const defs = { create: { definition: { name: 'create_issue', description: 'Create an issue' }, handler } };",
      "const CLOSE = 'close_issue';",
      "const BY_NAME = { [CLOSE]: { description: 'Close an issue' } };",
      'export class IssueServer {',
      '  private server: Server;',
      "  constructor() { this.server = new Server({ name: 'issues' }, { capabilities: { tools: {} } }); }",
      '  register() {',
      '    this.server.setRequestHandler(ListToolsRequestSchema, async () => {',
      '      if (disabled) return { tools: [] };',
      '      return { tools: [searchTool, fetchTool, ...Object.values(defs).map((d) => d.definition), ...Object.entries(BY_NAME).map(([name, t]) => ({ name, ...t }))] };',
      '    });',
      '    this.server.setRequestHandler(CallToolRequestSchema, async () => ({ content: [] }));',
      '  }',
      '  start() { return this.server.connect(new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })); }',
      '}',
    ].join('\n');
    expect(mcp(content)).toEqual({
      servers: { issues: { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'Server', transports: ['streamable-http'] } },
      tools: {
        'issues/search_issues': 'Search issues',
        'issues/fetch_issue': 'Fetch one issue',
        'issues/create_issue': 'Create an issue',
        'issues/close_issue': 'Close an issue',
      },
      orphanTools: 0,
    });
  });

  it('reads a TOOLS array handler defined as a named function', () => {
    const content = [
      "import { Server } from '@modelcontextprotocol/sdk/server/index.js';",
      "import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';",
      "export const TOOLS = [{ name: 'get_weather', description: 'Weather now' }, { name: 'get_forecast', description: 'Five days' }];",
      "const server = new Server({ name: 'weather', version: '0.1.0' }, { capabilities: { tools: {} } });",
      'async function listTools() { return { tools: TOOLS }; }',
      'server.setRequestHandler(ListToolsRequestSchema, listTools);',
    ].join('\n');
    expect(mcp(content).tools).toEqual({ 'weather/get_weather': 'Weather now', 'weather/get_forecast': 'Five days' });
  });
});

describe('FastMCP', () => {
  it('reads the server, addTool() tools and the start() transport', () => {
    const content = [
      "import { FastMCP } from 'fastmcp';",
      "const server = new FastMCP({ name: 'calculator', version: '1.0.0' });",
      "server.addTool({ name: 'add', description: 'Add two numbers', parameters, execute: async () => '3' });",
      "server.start({ transportType: 'stdio' });",
    ].join('\n');
    expect(mcp(content)).toEqual({
      servers: { calculator: { role: 'implemented', sdk: 'fastmcp', api: 'FastMCP', transports: ['stdio'] } },
      tools: { 'calculator/add': 'Add two numbers' },
      orphanTools: 0,
    });
  });
});

describe('what is not an MCP server', () => {
  it('ignores Server classes from http/net and tool() calls on other objects', () => {
    const content = [
      "import { Server } from 'node:http';",
      "import net from 'net';",
      "import OpenAI from 'openai';",
      "import { Agent } from '@openai/agents';",
      'const http = new Server();',
      'const tcp = new net.Server();',
      "http.tool('not-a-tool', () => 1);",
      "const agent = new Agent({ name: 'helper' });",
      "agent.tool('lookup', () => 1);",
    ].join('\n');
    expect(mcp(content)).toEqual({ servers: {}, tools: {}, orphanTools: 0 });
  });

  it('takes MCP client code for no implemented server and no tool (the server it connects to is a client connection)', () => {
    const content = [
      "import { Client } from '@modelcontextprotocol/sdk/client/index.js';",
      "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';",
      "const client = new Client({ name: 'my-client', version: '1.0.0' });",
      "await client.connect(new StdioClientTransport({ command: 'node', args: ['server.js'] }));",
      "await client.callTool({ name: 'search', arguments: {} });",
    ].join('\n');
    expect(mcp(content)).toEqual({ servers: { 'server.js': { role: 'client-connection', command: 'node', args: ['server.js'], transport: 'stdio' } }, tools: {}, orphanTools: 0 });
  });
});

describe('server names', () => {
  it('infers a server name from the nearest non-layout folder, else the repository', () => {
    expect(inferredServerName('src/everything/tools/echo.ts', 'servers')).toBe('everything');
    expect(inferredServerName('packages/notes-mcp/src/tools/x.ts', 'monorepo')).toBe('notes-mcp');
    expect(inferredServerName('src/tools/x.ts', 'git@github.com:acme/kb-mcp.git')).toBe('kb-mcp');
    expect(inferredServerName('tools.ts', 'local-folder')).toBe('local-folder');
    expect(inferredServerName('src/tools/x.ts', '')).toBe('x');
    expect(inferServerName('src/tools/x.ts', '')).toEqual({ name: 'x', from: 'file' });
    expect(inferServerName('tools.ts', 'local-folder')).toEqual({ name: 'local-folder', from: 'repository' });
  });

  it('takes a file stem by dropping the folder and the last extension', () => {
    expect(fileStem('src/tools/search.ts')).toBe('search');
    expect(fileStem('server.mjs')).toBe('server');
    expect(fileStem('src/.hidden')).toBe('.hidden');
  });
});

describe('servers held in this.<field>', () => {
  it("registers each class's tools on the server its own class constructs", () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      'class Docs {',
      "  constructor() { this.server = new McpServer({ name: 'docs', version: '1.0.0' }); }",
      "  setup() { this.server.tool('search', async () => ({ content: [] })); }",
      '}',
      'class Tickets {',
      "  constructor() { this.server = new McpServer({ name: 'tickets', version: '1.0.0' }); }",
      "  setup() { this.server.tool('open_ticket', async () => ({ content: [] })); }",
      '}',
    ].join('\n');
    expect(mcp(content).tools).toEqual({ 'docs/search': null, 'tickets/open_ticket': null });
  });
});
