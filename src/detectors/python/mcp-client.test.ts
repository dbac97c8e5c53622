import { describe, expect, it } from 'vitest';
import { assetId, type Asset } from '../../model/index.ts';
import { detectPython } from './index.ts';

const servers = (content: string): Asset[] => (detectPython({ scope: 't', path: 'client.py', content })?.assets ?? []).filter((a) => a.kind === 'mcp-server');
const summary = (content: string): Array<[string, unknown]> => servers(content).map((s) => [s.name, s.attributes]);

describe('python detector: MCP client connections', () => {
  it('reads stdio_client(StdioServerParameters(...)) named by the launched package; env names only', () => {
    const src = [
      'import os',
      'from mcp import StdioServerParameters',
      'from mcp.client.stdio import stdio_client',
      'params = StdioServerParameters(command="npx", args=["-y", "@modelcontextprotocol/server-filesystem@2025.1.0", "/tmp"], env={"API_TOKEN": os.environ["API_TOKEN"], "MODE": "sk-live-aaaaaaaaaaaaaaaaaaaaaaaa"})',
      'async with stdio_client(params) as (r, w): pass',
    ].join('\n');
    const [s] = servers(src);
    expect([s?.name, s?.attributes]).toEqual(['@modelcontextprotocol/server-filesystem', {
      role: 'client-connection', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.1.0', '/tmp'], transport: 'stdio', envNames: ['API_TOKEN', 'MODE'],
      package: '@modelcontextprotocol/server-filesystem', packageEcosystem: 'npm', packageVersions: ['2025.1.0'],
    }]);
    expect(JSON.stringify(s)).not.toContain('sk-live');
    expect(s?.evidence[0]).toMatchObject({ line: 4, technique: 'call-site', confidence: 'declared' });
  });

  it('reads sse_client / streamablehttp_client URLs, named by host, without query strings', () => {
    const src = [
      'from mcp.client.sse import sse_client',
      'from mcp.client.streamable_http import streamablehttp_client',
      'URL = "https://mcp.example.com/mcp?token=abc123"',
      'sse_client("http://localhost:8000/sse")',
      'streamablehttp_client(URL)',
      'streamablehttp_client(url_from_config)',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['localhost', { role: 'client-connection', url: 'http://localhost:8000/sse', transport: 'sse' }],
      ['mcp.example.com', { role: 'client-connection', url: 'https://mcp.example.com/mcp', transport: 'streamable-http' }],
    ]);
  });

  it('reads websocket_client URLs, and takes a ws:// URL without a transport for a WebSocket one', () => {
    const src = [
      'from mcp.client.websocket import websocket_client',
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'websocket_client("ws://localhost:8765/ws?token=abc123")',
      'MultiServerMCPClient({"live": {"url": "wss://live.acme.io/mcp"}})',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['localhost', { role: 'client-connection', url: 'ws://localhost:8765/ws', transport: 'websocket' }],
      ['live', { role: 'client-connection', url: 'wss://live.acme.io/mcp', transport: 'websocket' }],
    ]);
    expect(JSON.stringify(servers(src))).not.toContain('abc123');
  });

  it('hides env values written on the quoted line, whatever their shape', () => {
    const src = [
      'from mcp import StdioServerParameters',
      'p = StdioServerParameters(command="npx", args=["-y", "x-mcp"], env={"DB_PASS": "correct-horse", "MODE": \'ro\'})',
    ].join('\n');
    const [s] = servers(src);
    expect(s?.evidence[0]?.snippet).toBe('p = StdioServerParameters(command="npx", args=["-y", "x-mcp"], env={"DB_PASS": "[redacted]", "MODE": \'[redacted]\'})');
  });

  it('reads MultiServerMCPClient dicts: each key is a server', () => {
    const src = [
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'client = MultiServerMCPClient({',
      '    "github": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_TOKEN", "ghcr.io/github/github-mcp-server"], "env": {"GITHUB_TOKEN": tok}, "transport": "stdio"},',
      '    "search": {"url": "http://search:9000/mcp", "transport": "streamable_http"},',
      '})',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['github', { role: 'client-connection', command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server'], transport: 'stdio', envNames: ['GITHUB_TOKEN'], package: 'ghcr.io/github/github-mcp-server', packageEcosystem: 'oci' }],
      ['search', { role: 'client-connection', url: 'http://search:9000/mcp', transport: 'streamable-http' }],
    ]);
  });

  it('reads Google ADK McpToolset connection params', () => {
    const src = [
      'from google.adk.tools.mcp_tool.mcp_toolset import McpToolset',
      'from google.adk.tools.mcp_tool.mcp_session_manager import SseConnectionParams, StdioServerParameters',
      'a = McpToolset(connection_params=SseConnectionParams(url="https://tools.internal/sse"))',
      'b = McpToolset(connection_params=StdioServerParameters(command="uvx", args=["mcp-server-fetch"]))',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['tools.internal', { role: 'client-connection', url: 'https://tools.internal/sse', transport: 'sse' }],
      ['mcp-server-fetch', { role: 'client-connection', command: 'uvx', args: ['mcp-server-fetch'], transport: 'stdio', package: 'mcp-server-fetch', packageEcosystem: 'pypi' }],
    ]);
  });

  it('reads AutoGen and Mistral MCP server params', () => {
    const src = [
      'from autogen_ext.tools.mcp import StdioServerParams, SseServerParams, StreamableHttpServerParams, McpWorkbench',
      'from mistralai.extra.mcp.sse import SSEServerParams',
      'fetch = StdioServerParams(command="uvx", args=["mcp-server-fetch"], read_timeout_seconds=60)',
      'web = SseServerParams(url="http://localhost:8931/sse", headers={"Authorization": "Bearer x"})',
      'api = StreamableHttpServerParams(url="https://mcp.acme.example/mcp")',
      'mistral = SSEServerParams(url="https://tools.acme.example/sse")',
    ].join('\n');
    expect(servers(src).map((s) => [s.name, s.attributes['transport'], s.evidence[0]?.line]).sort()).toEqual([
      ['localhost', 'sse', 4],
      ['mcp-server-fetch', 'stdio', 3],
      ['mcp.acme.example', 'streamable-http', 5],
      ['tools.acme.example', 'sse', 6],
    ]);
    // The same class names from elsewhere are not MCP connections.
    expect(servers('from myapp.params import SseServerParams\nx = SseServerParams(url="https://a.example/sse")\nimport openai')).toEqual([]);
  });

  it('names an interpreter connection after the script it runs; marks non-literal args', () => {
    const src = 'import os\nfrom mcp import StdioServerParameters\np = StdioServerParameters(command="python", args=["server.py", os.getcwd()])\n';
    expect(summary(src)).toEqual([['server.py', { role: 'client-connection', command: 'python', args: ['server.py', '<expr>'], transport: 'stdio' }]]);
  });

  it('reads what interpreters and runners start: scripts, modules, nested launchers; else the command', () => {
    const cases: Array<[string, string[], string]> = [
      ['python3.12', ['-u', '/home/me/weather/server.py'], 'weather/server.py'],
      ['/usr/bin/python', ['-m', 'mcp_server_git', '--repository', '.'], 'mcp_server_git'],
      ['uv', ['--directory', '/srv/weather', 'run', 'weather.py'], 'weather.py'],
      ['uv', ['run', '--with', 'mcp[cli]', 'mcp', 'run', 'server.py:app'], 'server.py'],
      ['uv', ['run', 'mcp-server-git'], 'mcp-server-git'],
      ['uvx', ['mcp-server-git'], 'mcp-server-git'],
      ['npx', ['-y', '@scope/pkg@1.0.0'], '@scope/pkg'],
      ['npx', ['-y', 'tsx', 'src/tools.ts'], 'tools.ts'],
      ['node', ['/opt/mcp-weather/build/index.js'], 'mcp-weather/build/index.js'],
      ['poetry', ['run', 'python', '-m', 'kb.server'], 'kb.server'],
      ['python', ['-c', 'print(1)'], 'python'],
      ['node', [], 'node'],
    ];
    const src = ['from mcp import StdioServerParameters', ...cases.map(([c, a]) => `StdioServerParameters(command=${JSON.stringify(c)}, args=${JSON.stringify(a)})`)].join('\n');
    expect(servers(src).map((s) => s.name)).toEqual(cases.map(([, , name]) => name));
  });

  it('stores inline code as <code>, never the script', () => {
    const src = 'from mcp import StdioServerParameters\nSCRIPT = "from mcp.server.fastmcp import FastMCP\\nFastMCP(\'x\').run()"\nStdioServerParameters(command="python", args=["-c", SCRIPT])\n';
    const [s] = servers(src);
    expect([s?.name, s?.attributes.args]).toEqual(['python', ['-c', '<code>']]);
    expect(JSON.stringify(s)).not.toContain('FastMCP');
  });

  it('reads smolagents MCPClient / ToolCollection.from_mcp dicts and lists of dicts', () => {
    const src = [
      'from smolagents import MCPClient, ToolCollection',
      'params = {"url": "https://tools.example.com/mcp", "transport": "streamable-http"}',
      'client = MCPClient(server_parameters=params)',
      'with MCPClient([{"url": "http://localhost:8000/sse"}, {"command": "uvx", "args": ["mcp-server-time"]}]) as tools: pass',
      'ToolCollection.from_mcp({"url": "http://127.0.0.1:9000/mcp"}, trust_remote_code=True)',
      'MCPClient(server_parameters=stdio_params)',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['tools.example.com', { role: 'client-connection', url: 'https://tools.example.com/mcp', transport: 'streamable-http' }],
      ['localhost', { role: 'client-connection', url: 'http://localhost:8000/sse', transport: 'sse' }],
      ['mcp-server-time', { role: 'client-connection', command: 'uvx', args: ['mcp-server-time'], transport: 'stdio', package: 'mcp-server-time', packageEcosystem: 'pypi' }],
      ['127.0.0.1', { role: 'client-connection', url: 'http://127.0.0.1:9000/mcp', transport: 'streamable-http' }],
    ]);
  });

  it('redacts secrets in the command line as the MCP config detector does: flag values, docker -e values, header values', () => {
    const src = [
      'import os',
      'from mcp import StdioServerParameters',
      'a = StdioServerParameters(command="npx", args=["-y", "@acme/mcp-server@1.2.0", "--api-key", "hunter2hunter2hunter2"])',
      'b = StdioServerParameters(command="docker", args=["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=abc123def456", "ghcr.io/github/github-mcp-server:v0.18.0"])',
      'c = StdioServerParameters(command="npx", args=["mcp-remote@0.1.29", "https://mcp.example.com/sse", "--header", "Authorization: Bearer s3cr3tValue9"])',
      // A value read at run time is no literal: it stays `<expr>`, a connection of its own.
      'd = StdioServerParameters(command="npx", args=["-y", "@acme/mcp-server@1.2.0", "--api-key", os.environ["ACME_KEY"]])',
    ].join('\n');
    const found = servers(src);
    for (const value of ['hunter2hunter2', 'abc123def456', 's3cr3tValue9', 'Bearer']) expect(JSON.stringify(found)).not.toContain(value);
    expect(found.map((s) => [s.name, s.attributes.args, s.attributes.envNames, s.attributes.headerNames])).toEqual([
      ['@acme/mcp-server', ['-y', '@acme/mcp-server@1.2.0', '--api-key', '[redacted]'], undefined, undefined],
      ['ghcr.io/github/github-mcp-server', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN=[redacted]', 'ghcr.io/github/github-mcp-server:v0.18.0'], ['GITHUB_PERSONAL_ACCESS_TOKEN'], undefined],
      ['mcp-remote', ['mcp-remote@0.1.29', 'https://mcp.example.com/sse', '--header', 'Authorization: [redacted]'], undefined, ['Authorization']],
      ['@acme/mcp-server', ['-y', '@acme/mcp-server@1.2.0', '--api-key', '<expr>'], undefined, undefined],
    ]);
    // The line quoted as evidence hides what the attributes hide.
    expect(found[1]?.evidence[0]?.snippet).toBe('b = StdioServerParameters(command="docker", args=["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=[redacted]", "ghcr.io/github/github-mcp-server:v0.18.0"])');
    // The key (hashed into the id) is built from the redacted args.
    expect(found[0]?.id).toBe(assetId('mcp-server', 't', 'client:npx -y @acme/mcp-server@1.2.0 --api-key [redacted]'));
  });

  it('hides every connection\'s secret on a line several connections share', () => {
    const src = [
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'c = MultiServerMCPClient({"a": {"command": "uvx", "args": ["srv-a", "--token", "tokenOfA123"]}, "b": {"command": "uvx", "args": ["srv-b", "--password", "passOfB456"]}})',
    ].join('\n');
    const found = servers(src);
    expect(found.map((s) => s.evidence[0]?.snippet)).toEqual([
      'c = MultiServerMCPClient({"a": {"command": "uvx", "args": ["srv-a", "--token", "[redacted]"]}, "b": {"command": "uvx", "args": ["srv-b", "--password", "[redacted]"]}})',
      'c = MultiServerMCPClient({"a": {"command": "uvx", "args": ["srv-a", "--token", "[redacted]"]}, "b": {"command": "uvx", "args": ["srv-b", "--password", "[redacted]"]}})',
    ]);
  });

  it('quotes a URL line without what the stored URL drops (user info, query, token-like segments)', () => {
    const src = [
      'from mcp.client.sse import sse_client',
      'sse_client("https://bot:pa55word@hooks.example.com/h/a1B2c3D4e5F6g7H8i9J0k1L2/sse?sig=Zx9y8W7v")',
    ].join('\n');
    const [s] = servers(src);
    expect([s?.attributes.url, s?.evidence[0]?.snippet]).toEqual(['https://hooks.example.com/h/[redacted]/sse', 'sse_client("https://hooks.example.com/h/[redacted]/sse")']);
  });

  it('keeps header names, never header values, and hides every literal an env or header value is written with', () => {
    const src = [
      'import os',
      'from mcp import StdioServerParameters',
      'from mcp.client.streamable_http import streamablehttp_client',
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'client = MultiServerMCPClient({"kb": {"url": "https://kb.acme.io/mcp", "transport": "streamable_http", "headers": {"Authorization": "Bearer hunter2hunter2"}}})',
      'streamablehttp_client("https://search.acme.io/mcp", headers={"X-Api-Key": "hunter3hunter3"})',
      'p = StdioServerParameters(command="node", args=["srv.js"], env={"DB_PASS": os.getenv("DB_PASS", "hunter4hunter4"), "API_TOKEN": "hunter5" + "hunter5"})',
    ].join('\n');
    const found = servers(src);
    expect(found.map((s) => [s.name, s.attributes.headerNames ?? s.attributes.envNames])).toEqual([
      ['kb', ['Authorization']],
      ['search.acme.io', ['X-Api-Key']],
      ['srv.js', ['API_TOKEN', 'DB_PASS']],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[2-5]/);
    expect(found[0]?.evidence[0]?.snippet).toContain('"Authorization": "[redacted]"');
    // An env variable's name read inside a value is no secret: the line keeps it.
    expect(found[2]?.evidence[0]?.snippet).toContain('os.getenv("DB_PASS", "[redacted]")');
  });

  it('does not report a bare ClientSession', () => {
    expect(servers('from mcp import ClientSession\nasync with ClientSession(r, w) as s: pass\n')).toEqual([]);
  });
});
