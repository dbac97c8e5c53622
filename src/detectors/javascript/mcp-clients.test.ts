import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectJavaScript } from './index.ts';

const clients = (content: string): Asset[] =>
  (detectJavaScript({ scope: 'repo', path: 'src/client.ts', content })?.assets ?? []).filter((a) => a.kind === 'mcp-server' && a.attributes.role === 'client-connection');
const summary = (content: string): Array<[string, unknown]> => clients(content).map((a) => [a.name, a.attributes]);

describe('javascript detector: MCP servers code connects to as a client', () => {
  it('reads StdioClientTransport({ command, args, env }): named by the launched package, env names only', () => {
    const content = [
      "import { Client } from '@modelcontextprotocol/sdk/client/index.js';",
      "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';",
      "const client = new Client({ name: 'my-client', version: '1.0.0' });",
      "const transport = new StdioClientTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'], env: { DB_PASSWORD: 'correct-horse', GITHUB_PERSONAL_ACCESS_TOKEN: process.env.GH_PAT!, MODE: 'sk-live-aaaaaaaaaaaaaaaaaaaaaaaa' } });",
      'await client.connect(transport);',
    ].join('\n');
    const [s] = clients(content);
    expect([s?.name, s?.attributes]).toEqual(['@modelcontextprotocol/server-github', {
      role: 'client-connection', command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'], transport: 'stdio', envNames: ['DB_PASSWORD', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'MODE'],
      package: '@modelcontextprotocol/server-github', packageEcosystem: 'npm', packageVersions: ['2025.4.8'],
    }]);
    expect(s?.evidence[0]).toMatchObject({ path: 'src/client.ts', line: 4, technique: 'call-site', confidence: 'declared' });
    expect(JSON.stringify(s)).not.toContain('sk-live');
    expect(JSON.stringify(s)).not.toContain('correct-horse');
    expect(s?.evidence[0]?.snippet).toContain("DB_PASSWORD: '[redacted]'");
  });

  it('reads SSE, Streamable HTTP and WebSocket transports from new URL(...), without query strings', () => {
    const content = [
      "import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';",
      "import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';",
      "import { WebSocketClientTransport } from '@modelcontextprotocol/sdk/client/websocket.js';",
      "const MCP_URL = 'https://mcp.acme.io/mcp?token=abc123';",
      "const a = new SSEClientTransport(new URL('http://localhost:3001/sse'));",
      'const b = new StreamableHTTPClientTransport(new URL(MCP_URL));',
      "const c = new WebSocketClientTransport(new URL('ws://tools.internal:8765/ws'));",
      "const d = new StreamableHTTPClientTransport(new URL('/mcp', 'http://search:9000'));",
      'const e = new StreamableHTTPClientTransport(new URL(process.env.MCP_URL!));',
    ].join('\n');
    expect(summary(content)).toEqual([
      ['localhost', { role: 'client-connection', url: 'http://localhost:3001/sse', transport: 'sse' }],
      ['mcp.acme.io', { role: 'client-connection', url: 'https://mcp.acme.io/mcp', transport: 'streamable-http' }],
      ['tools.internal', { role: 'client-connection', url: 'ws://tools.internal:8765/ws', transport: 'websocket' }],
      ['search', { role: 'client-connection', url: 'http://search:9000/mcp', transport: 'streamable-http' }],
    ]);
    expect(JSON.stringify(clients(content))).not.toContain('abc123');
  });

  it('reads the v2 client package and header names from requestInit, never their values', () => {
    const content = [
      "import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';",
      "import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';",
      "const http = new StreamableHTTPClientTransport(new URL('https://kb.acme.io/mcp'), { requestInit: { headers: { Authorization: 'Bearer hunter2hunter2', 'X-Team': 'core' } } });",
      "const local = new StdioClientTransport({ command: 'uvx', args: ['mcp-server-fetch', '--api-key', 'hunter3hunter3'] });",
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => [a.name, a.attributes])).toEqual([
      ['kb.acme.io', { role: 'client-connection', url: 'https://kb.acme.io/mcp', transport: 'streamable-http', headerNames: ['Authorization', 'X-Team'] }],
      ['mcp-server-fetch', { role: 'client-connection', command: 'uvx', args: ['mcp-server-fetch', '--api-key', '[redacted]'], transport: 'stdio', package: 'mcp-server-fetch', packageEcosystem: 'pypi' }],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[23]/);
    expect(found[1]?.evidence[0]?.snippet).toContain('[redacted]');
  });

  it('quotes no line that still shows a piece of a hidden value: concatenated, escaped, or a URL built from a path and a base', () => {
    const content = [
      "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';",
      "import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';",
      "const a = new StreamableHTTPClientTransport(new URL('https://kb.acme.io/mcp'), { requestInit: { headers: { Authorization: 'Bearer ' + 'hunter2hunter2' } } });",
      "const b = new StdioClientTransport({ command: 'node', args: ['srv.js', '--token', 'hun\\'ter2hunter2'] });",
      "const c = new StreamableHTTPClientTransport(new URL('/mcp?token=hunter2hunter2', 'https://search.acme.io'));",
      "const d = new StdioClientTransport({ command: 'node', args: ['srv.js', '--token=' + 'hunter2hunter2'] });",
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => a.name).sort()).toEqual(['kb.acme.io', 'search.acme.io', 'srv.js', 'srv.js']);
    expect(JSON.stringify(found)).not.toContain('hunter2');
    // The line of a connection with nothing to hide is quoted as before.
    expect(clients(`${content}\nconst e = new StdioClientTransport({ command: 'uvx', args: ['mcp-server-time'] });`).find((a) => a.name === 'mcp-server-time')?.evidence[0]?.snippet).toBe("const e = new StdioClientTransport({ command: 'uvx', args: ['mcp-server-time'] });");
  });

  it('reads header names from new Headers({...}) and [[name, value]] pairs, and hides every literal a header or env value is written with', () => {
    const content = [
      "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';",
      "import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';",
      "const a = new StreamableHTTPClientTransport(new URL('https://a.acme.io/mcp'), { requestInit: { headers: new Headers({ Authorization: 'Bearer hunter2hunter2' }) } });",
      "const b = new StreamableHTTPClientTransport(new URL('https://b.acme.io/mcp'), { requestInit: { headers: [['X-Api-Key', 'hunter3hunter3']] } });",
      "const c = new StdioClientTransport({ command: 'node', args: ['srv.js'], env: { API_TOKEN: secret('API_TOKEN', 'hunter4hunter4') } });",
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => [a.name, a.attributes.headerNames ?? a.attributes.envNames])).toEqual([
      ['a.acme.io', ['Authorization']],
      ['b.acme.io', ['X-Api-Key']],
      ['srv.js', ['API_TOKEN']],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[2-4]/);
    expect(found[1]?.evidence[0]?.snippet).toContain("[['X-Api-Key', '[redacted]']]");
    // An env variable's name read inside a value is no secret: the line keeps it.
    expect(found[2]?.evidence[0]?.snippet).toContain("secret('API_TOKEN', '[redacted]')");
  });

  it('leaves out transports from other packages, URLs and commands known only at run time', () => {
    const content = [
      "import { StdioClientTransport } from './my-transport';",
      "import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';",
      "new StdioClientTransport({ command: 'npx', args: ['not-mcp'] });",
      'new SSEClientTransport(new URL(config.url));',
      'new SSEClientTransport(url);',
      "const text = \"new SSEClientTransport(new URL('http://in-a-string:1/sse'))\";",
    ].join('\n');
    expect(clients(content)).toEqual([]);
  });
});

describe('javascript detector: MCP client transports from a CommonJS module object', () => {
  it('reads new stdio.StdioClientTransport({...}) when the module is bound by require()', () => {
    const content = [
      "const stdio = require('@modelcontextprotocol/sdk/client/stdio.js');",
      "const transport = new stdio.StdioClientTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'] });",
      "const fake = require('./stdio-fake');",
      "new fake.StdioClientTransport({ command: 'npx', args: ['-y', 'not-a-server'] });",
    ].join('\n');
    expect(clients(content).map((a) => a.name)).toEqual(['@modelcontextprotocol/server-filesystem']);
  });
});

describe('javascript detector: MCP clients of the Vercel AI SDK', () => {
  it('reads createMCPClient({ transport: { type, url, headers } }) from ai and @ai-sdk/mcp: header names only', () => {
    const content = [
      "import { experimental_createMCPClient } from 'ai';",
      "import { createMCPClient } from '@ai-sdk/mcp';",
      "const a = await experimental_createMCPClient({ transport: { type: 'sse', url: 'https://tools.acme.io/sse', headers: { Authorization: 'Bearer hunter5hunter5' } } });",
      'const b = await createMCPClient({',
      "  name: 'my-app',",
      "  transport: { type: 'http', url: 'https://docs.acme.io/mcp?key=hunter6hunter6', headers: { 'X-Api-Key': process.env.KEY! } },",
      '});',
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => [a.name, a.attributes])).toEqual([
      ['tools.acme.io', { role: 'client-connection', url: 'https://tools.acme.io/sse', transport: 'sse', headerNames: ['Authorization'] }],
      ['docs.acme.io', { role: 'client-connection', url: 'https://docs.acme.io/mcp', transport: 'streamable-http', headerNames: ['X-Api-Key'] }],
    ]);
    expect(found.map((a) => a.evidence[0]?.line)).toEqual([3, 4]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[56]/);
    expect(found[0]?.evidence[0]?.snippet).toContain("Authorization: '[redacted]'");
  });

  it('reads Experimental_StdioMCPTransport({ command, args, env }) from ai/mcp-stdio and @ai-sdk/mcp/mcp-stdio: env names only', () => {
    const content = [
      "import { experimental_createMCPClient as createClient } from 'ai';",
      "import { Experimental_StdioMCPTransport } from 'ai/mcp-stdio';",
      "import { Experimental_StdioMCPTransport as Stdio } from '@ai-sdk/mcp/mcp-stdio';",
      "const transport = new Experimental_StdioMCPTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_TOKEN: 'ghp_hunter7hunter7hunter7' } });",
      'const one = await createClient({ transport });',
      "const two = await createClient({ transport: new Stdio({ command: 'uvx', args: ['mcp-server-time'] }) });",
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => [a.name, a.attributes.transport, a.attributes.envNames])).toEqual([
      ['@modelcontextprotocol/server-github', 'stdio', ['GITHUB_TOKEN']],
      ['mcp-server-time', 'stdio', undefined],
    ]);
    expect(JSON.stringify(found)).not.toContain('hunter7');
  });

  it('leaves out a local createMCPClient, a commented-out call and a transport read at run time', () => {
    const content = [
      "import { generateText } from 'ai';",
      "function createMCPClient(config: unknown) { return config; }",
      "createMCPClient({ transport: { type: 'sse', url: 'https://local-fn.acme.io/sse' } });",
      "// await experimental_createMCPClient({ transport: { type: 'sse', url: 'https://commented.acme.io/sse' } });",
      "/* new MultiServerMCPClient({ mcpServers: { old: { command: 'npx', args: ['commented-server'] } } }) */",
      "import { experimental_createMCPClient } from 'ai';",
      'experimental_createMCPClient({ transport: { type: config.type, url: config.url } });',
      'experimental_createMCPClient({ transport: myTransport });',
    ].join('\n');
    expect(clients(content)).toEqual([]);
  });
});

describe('javascript detector: MCP clients of LangChain.js', () => {
  it('reads new MultiServerMCPClient({ mcpServers: {...} }): one connection per server key, env and header names only', () => {
    const content = [
      "import { MultiServerMCPClient } from '@langchain/mcp-adapters';",
      'const client = new MultiServerMCPClient({',
      '  throwOnLoadError: true,',
      '  mcpServers: {',
      "    math: { transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-math'], env: { SECRET_KEY: 'hunter8hunter8' } },",
      "    weather: { transport: 'sse', url: 'https://weather.acme.io/sse', headers: { Authorization: 'Bearer hunter9hunter9' } },",
      "    search: { url: 'https://search.acme.io/mcp' },",
      '  },',
      '});',
    ].join('\n');
    const found = clients(content);
    expect(found.map((a) => [a.name, a.attributes])).toEqual([
      ['math', { role: 'client-connection', command: 'npx', args: ['-y', '@modelcontextprotocol/server-math'], transport: 'stdio', envNames: ['SECRET_KEY'], package: '@modelcontextprotocol/server-math', packageEcosystem: 'npm' }],
      ['weather', { role: 'client-connection', url: 'https://weather.acme.io/sse', transport: 'sse', headerNames: ['Authorization'] }],
      ['search', { role: 'client-connection', url: 'https://search.acme.io/mcp', transport: 'streamable-http' }],
    ]);
    expect(found.map((a) => a.evidence[0]?.line)).toEqual([5, 6, 7]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[89]/);
  });

  it('reads the older form without mcpServers, and leaves out a MultiServerMCPClient of another package', () => {
    const content = [
      "import { MultiServerMCPClient } from '@langchain/mcp-adapters';",
      "import { MultiServerMCPClient as Fake } from './fake';",
      "const servers = { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'] } };",
      'const client = new MultiServerMCPClient(servers);',
      "new Fake({ mcpServers: { other: { command: 'npx', args: ['not-a-server'] } } });",
    ].join('\n');
    expect(clients(content).map((a) => [a.name, a.attributes.transport, a.attributes.package])).toEqual([['fs', 'stdio', '@modelcontextprotocol/server-filesystem']]);
  });
});
