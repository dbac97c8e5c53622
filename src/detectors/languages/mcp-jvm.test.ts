import { describe, expect, it } from 'vitest';
import { assetId, type Asset } from '../../model/index.ts';
import { detectLanguages } from './index.ts';
import { resolveEndpoint } from './mcp-jvm.ts';

const servers = (path: string, content: string): Asset[] => (detectLanguages({ scope: 't', path, content })?.assets ?? []).filter((a) => a.kind === 'mcp-server');
const summary = (path: string, content: string): Array<[string, unknown, number | undefined]> => servers(path, content).map((s) => [s.name, s.attributes, s.evidence[0]?.line]);

const MCP = 'import io.modelcontextprotocol.client.McpClient;\nimport io.modelcontextprotocol.client.transport.*;\n';

describe('languages detector: MCP servers Java and Kotlin code connects to', () => {
  it('MCP Java SDK stdio: ServerParameters.builder(command).args(...).env(...), named by the launched package, env names only', () => {
    const src = [
      MCP,
      'class A {',
      '  McpSyncClient fs() {',
      '    var params = ServerParameters.builder("npx")',
      '        .args("-y", "@modelcontextprotocol/server-filesystem@2025.7.1", root)',
      '        .env(Map.of("FS_TOKEN", token, "MODE", "sk-live-aaaaaaaaaaaaaaaaaaaaaaaa"))',
      '        .build();',
      '    return McpClient.sync(new StdioClientTransport(params)).build();',
      '  }',
      '}',
    ].join('\n');
    const [s, ...rest] = servers('A.java', src);
    expect(rest).toEqual([]);
    expect([s?.name, s?.attributes]).toEqual(['@modelcontextprotocol/server-filesystem', {
      role: 'client-connection', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '<expr>'], transport: 'stdio', envNames: ['FS_TOKEN', 'MODE'],
      package: '@modelcontextprotocol/server-filesystem', packageEcosystem: 'npm', packageVersions: ['2025.7.1'],
    }]);
    expect(s?.evidence[0]).toMatchObject({ path: 'A.java', line: 6, technique: 'call-site', confidence: 'declared' });
    expect(JSON.stringify(s)).not.toContain('sk-live');
  });

  it('MCP Java SDK HTTP transports: the base URL resolved against the endpoint (or its default), host-named, without the query', () => {
    const src = [
      MCP,
      'class B {',
      '  void c() {',
      '    var a = HttpClientSseClientTransport.builder("https://mcp.example.com/api/?token=abc").sseEndpoint("v1/sse").build();',
      '    var b = HttpClientStreamableHttpTransport.builder("http://localhost:8080").build();',
      '    var c = new HttpClientSseClientTransport("http://localhost:3001/");',
      '    var d = WebFluxSseClientTransport.builder(WebClient.builder().baseUrl("http://tools:9000")).build();',
      '    var e = HttpClientSseClientTransport.builder(baseUrl).sseEndpoint("/sse").build();',
      '  }',
      '}',
    ].join('\n');
    expect(summary('B.java', src)).toEqual([
      ['localhost', { role: 'client-connection', url: 'http://localhost:3001/sse', transport: 'sse' }, 8],
      ['localhost', { role: 'client-connection', url: 'http://localhost:8080/mcp', transport: 'streamable-http' }, 7],
      ['tools', { role: 'client-connection', url: 'http://tools:9000/sse', transport: 'sse' }, 9],
      ['mcp.example.com', { role: 'client-connection', url: 'https://mcp.example.com/api/v1/sse', transport: 'sse' }, 6],
    ]);
  });

  it('LangChain4j transports: StdioMcpTransport command lists and environment maps, HTTP/SSE and streamable HTTP URLs', () => {
    const src = [
      'import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;',
      'import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;',
      'import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;',
      'class C {',
      '  McpTransport git = new StdioMcpTransport.Builder()',
      '      .command(List.of("docker", "run", "-i", "--rm", "-e", "GITHUB_TOKEN", "ghcr.io/github/github-mcp-server:v0.18.0"))',
      '      .environment(Map.of("GITHUB_TOKEN", token)).logEvents(true).build();',
      '  McpTransport legacy = new HttpMcpTransport.Builder().sseUrl("http://localhost:3001/sse").build();',
      '  McpTransport http = StreamableHttpMcpTransport.builder().url("https://mcp.deepwiki.com/mcp").build();',
      '  McpTransport npm = new StdioMcpTransport.Builder().command(List.of(npmCmd, "exec", "@modelcontextprotocol/server-everything")).build();',
      '}',
    ].join('\n');
    expect(summary('C.java', src)).toEqual([
      ['ghcr.io/github/github-mcp-server', {
        role: 'client-connection', command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server:v0.18.0'], transport: 'stdio', envNames: ['GITHUB_TOKEN'],
        package: 'ghcr.io/github/github-mcp-server', packageEcosystem: 'oci', packageVersions: ['v0.18.0'],
      }, 5],
      ['localhost', { role: 'client-connection', url: 'http://localhost:3001/sse', transport: 'sse' }, 8],
      ['mcp.deepwiki.com', { role: 'client-connection', url: 'https://mcp.deepwiki.com/mcp', transport: 'streamable-http' }, 9],
    ]);
  });

  it('Kotlin: constructions without new, listOf/mapOf, an import alias', () => {
    const src = [
      'import io.modelcontextprotocol.client.transport.ServerParameters',
      'import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport as Http',
      'fun params() = ServerParameters.builder("uvx")',
      '    .args(listOf("mcp-server-fetch==2025.1.0"))',
      '    .env(mapOf("API_KEY" to key))',
      '    .build()',
      'val http = Http.builder("https://api.example.com/").endpoint("mcp/v2").build()',
    ].join('\n');
    expect(summary('Fetch.kt', src)).toEqual([
      ['api.example.com', { role: 'client-connection', url: 'https://api.example.com/mcp/v2', transport: 'streamable-http' }, 7],
      ['mcp-server-fetch', { role: 'client-connection', command: 'uvx', args: ['mcp-server-fetch==2025.1.0'], transport: 'stdio', envNames: ['API_KEY'], package: 'mcp-server-fetch', packageEcosystem: 'pypi', packageVersions: ['==2025.1.0'] }, 3],
    ]);
  });

  it('LangChain4j DefaultMcpClient: the server is named by .key(...), for a transport built inline or held in a variable; clientName names the client, not the server', () => {
    const src = [
      'import dev.langchain4j.mcp.client.DefaultMcpClient;', //                                                              1
      'import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;', //                                               2
      'import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;', //                                             3
      'class C {', //                                                                                                        4
      '  McpClient search() {', //                                                                                           5
      '    McpTransport transport = new HttpMcpTransport.Builder().sseUrl("https://search.acme.io/sse").build();', //          6
      '    return new DefaultMcpClient.Builder().key("web-search").transport(transport).build();', //                           7
      '  }', //                                                                                                              8
      '  McpClient git() {', //                                                                                              9
      '    return new DefaultMcpClient.Builder()', //                                                                         10
      '        .clientName("my-assistant")', //                                                                               11
      '        .key("git")', //                                                                                               12
      '        .transport(new StdioMcpTransport.Builder().command(List.of("uvx", "mcp-server-git")).build())', //            13
      '        .build();', //                                                                                                 14
      '  }', //                                                                                                              15
      '  McpClient fetch() {', //                                                                                            16
      '    return new DefaultMcpClient.Builder().clientName("my-assistant").transport(new StdioMcpTransport.Builder().command(List.of("uvx", "mcp-server-fetch")).build()).build();', // 17
      '  }', //                                                                                                              18
      '}', //                                                                                                                19
    ].join('\n');
    expect(summary('C.java', src)).toEqual([
      ['git', { role: 'client-connection', command: 'uvx', args: ['mcp-server-git'], transport: 'stdio', package: 'mcp-server-git', packageEcosystem: 'pypi' }, 13],
      ['mcp-server-fetch', { role: 'client-connection', command: 'uvx', args: ['mcp-server-fetch'], transport: 'stdio', package: 'mcp-server-fetch', packageEcosystem: 'pypi' }, 17],
      ['web-search', { role: 'client-connection', url: 'https://search.acme.io/sse', transport: 'sse' }, 6],
    ]);
    expect(servers('C.java', src)[0]?.id).toBe(assetId('mcp-server', 't', 'client:git'));
  });

  it('MCP Kotlin SDK: SSE, Streamable HTTP and WebSocket transports and the HttpClient extensions, named arguments too', () => {
    const src = [
      'import io.modelcontextprotocol.kotlin.sdk.client.Client', //                                                           1
      'import io.modelcontextprotocol.kotlin.sdk.client.SseClientTransport', //                                              2
      'import io.modelcontextprotocol.kotlin.sdk.client.StreamableHttpClientTransport', //                                   3
      'import io.modelcontextprotocol.kotlin.sdk.client.WebSocketClientTransport', //                                        4
      'import io.modelcontextprotocol.kotlin.sdk.client.mcpStreamableHttp', //                                               5
      'import io.modelcontextprotocol.kotlin.sdk.client.mcpWebSocketTransport', //                                           6
      'suspend fun connect(http: HttpClient) {', //                                                                          7
      '    val a = SseClientTransport(client = http, urlString = "http://localhost:3000/sse")', //                            8
      '    val b = StreamableHttpClientTransport(http, "https://kb.acme.io/mcp?key=abc123")', //                              9
      '    val c = WebSocketClientTransport(http, "ws://tools.internal:8765/mcp")', //                                        10
      '    val d = http.mcpStreamableHttp("http://search:9000/mcp")', //                                                     11
      '    val e = http.mcpWebSocketTransport(urlString = "wss://live.acme.io/ws")', //                                      12
      '    val f = http.mcpSse("http://not-imported:1/sse")', //                                                             13
      '}', //                                                                                                                14
    ].join('\n');
    expect(summary('K.kt', src)).toEqual([
      ['localhost', { role: 'client-connection', url: 'http://localhost:3000/sse', transport: 'sse' }, 8],
      ['search', { role: 'client-connection', url: 'http://search:9000/mcp', transport: 'streamable-http' }, 11],
      ['kb.acme.io', { role: 'client-connection', url: 'https://kb.acme.io/mcp', transport: 'streamable-http' }, 9],
      ['tools.internal', { role: 'client-connection', url: 'ws://tools.internal:8765/mcp', transport: 'websocket' }, 10],
      ['live.acme.io', { role: 'client-connection', url: 'wss://live.acme.io/ws', transport: 'websocket' }, 12],
    ]);
    expect(JSON.stringify(servers('K.kt', src))).not.toContain('abc123');
  });

  it('hides env values written on the quoted line, whatever their shape', () => {
    const src = [MCP, 'class E { void e() { ServerParameters.builder("npx").args("-y", "x-mcp").env(Map.of("DB_PASS", "correct-horse")).build(); } }'].join('\n');
    expect(servers('E.java', src)[0]?.evidence[0]?.snippet).toBe('class E { void e() { ServerParameters.builder("npx").args("-y", "x-mcp").env(Map.of("DB_PASS", "[redacted]")).build(); } }');
  });

  it('reads literals only: args held in a variable leave the command, a command or URL in a variable names nothing', () => {
    const src = [
      MCP,
      'class D {',
      '  Object a = ServerParameters.builder("docker").args(argList).build();',
      '  Object b = ServerParameters.builder(command).args("-y", "pkg").build();',
      '  Object c = HttpClientStreamableHttpTransport.builder(props.getUrl()).build();',
      '}',
    ].join('\n');
    expect(summary('D.java', src)).toEqual([['docker', { role: 'client-connection', command: 'docker', transport: 'stdio' }, 5]]);
  });

  it('redacts secrets in the command line as the MCP config detector does: flag values, docker -e values, header values', () => {
    const src = [
      MCP,
      'class S {',
      '  Object a = ServerParameters.builder("npx").args("-y", "@acme/mcp-server@1.2.0", "--api-key", "hunter2hunter2hunter2").build();',
      '  Object b = ServerParameters.builder("docker").args("run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=abc123def456", "ghcr.io/github/github-mcp-server:v0.18.0").build();',
      '  Object c = ServerParameters.builder("npx").args("mcp-remote@0.1.29", "https://mcp.example.com/sse", "--header", "Authorization: Bearer s3cr3tValue9").build();',
      // A value read at run time is no literal: it stays `<expr>`, a connection of its own.
      '  Object d = ServerParameters.builder("npx").args("-y", "@acme/mcp-server@1.2.0", "--api-key", apiKey).build();',
      '}',
    ].join('\n');
    const found = servers('S.java', src);
    for (const value of ['hunter2hunter2', 'abc123def456', 's3cr3tValue9', 'Bearer']) expect(JSON.stringify(found)).not.toContain(value);
    const byLine = [...found].sort((a, b) => (a.evidence[0]?.line ?? 0) - (b.evidence[0]?.line ?? 0));
    expect(byLine.map((s) => [s.evidence[0]?.line, s.name, s.attributes.args, s.attributes.envNames, s.attributes.headerNames])).toEqual([
      [5, '@acme/mcp-server', ['-y', '@acme/mcp-server@1.2.0', '--api-key', '[redacted]'], undefined, undefined],
      [6, 'ghcr.io/github/github-mcp-server', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN=[redacted]', 'ghcr.io/github/github-mcp-server:v0.18.0'], ['GITHUB_PERSONAL_ACCESS_TOKEN'], undefined],
      [7, 'mcp-remote', ['mcp-remote@0.1.29', 'https://mcp.example.com/sse', '--header', 'Authorization: [redacted]'], undefined, ['Authorization']],
      [8, '@acme/mcp-server', ['-y', '@acme/mcp-server@1.2.0', '--api-key', '<expr>'], undefined, undefined],
    ]);
    // The line quoted as evidence hides what the attributes hide.
    expect(byLine[0]?.evidence[0]?.snippet).toBe('Object a = ServerParameters.builder("npx").args("-y", "@acme/mcp-server@1.2.0", "--api-key", "[redacted]").build();');
    // The key (hashed into the id) is built from the redacted args.
    expect(byLine[0]?.id).toBe(assetId('mcp-server', 't', 'client:npx -y @acme/mcp-server@1.2.0 --api-key [redacted]'));
  });

  it('connections that differ only in a secret are one asset, and neither secret is quoted', () => {
    const src = [
      MCP,
      'class T {',
      '  Object a = ServerParameters.builder("uvx").args("mcp-server-x==1.0", "--token", "firstSecretValue1").build();',
      '  Object b = ServerParameters.builder("uvx").args("mcp-server-x==1.0", "--token", "otherSecretValue2").build();',
      '}',
    ].join('\n');
    const found = servers('T.java', src);
    expect(found.map((s) => [s.attributes.args, s.evidence.map((e) => e.line)])).toEqual([[['mcp-server-x==1.0', '--token', '[redacted]'], [5, 6]]]);
    expect(JSON.stringify(found)).not.toMatch(/SecretValue/);
  });

  it('traps: comments, strings, a same-named class from elsewhere, a file without the import, McpClient alone', () => {
    const traps = [
      'import io.modelcontextprotocol.client.McpClient;',
      'import com.example.mcp.ServerParameters;',
      'class E {',
      '  // ServerParameters.builder("npx").args("-y", "@modelcontextprotocol/server-github").build();',
      '  String s = "HttpClientSseClientTransport.builder(\\"http://evil\\")";',
      '  Object p = ServerParameters.builder("npx").args("-y", "lookalike").build();',
      '  Object c = McpClient.sync(transport).build();',
      '}',
    ].join('\n');
    expect(servers('E.java', traps)).toEqual([]);
    expect(servers('F.java', 'import com.openai.client.OpenAIClient;\nclass F { Object p = ServerParameters.builder("npx").args("-y", "x").build(); }\n')).toEqual([]);
  });

  it('resolves endpoints as java.net.URI.resolve does', () => {
    expect(resolveEndpoint('http://h:1', '/sse')).toBe('http://h:1/sse');
    expect(resolveEndpoint('http://h:1/base/path', '/sse')).toBe('http://h:1/sse');
    expect(resolveEndpoint('http://h:1/base/', 'sse')).toBe('http://h:1/base/sse');
    expect(resolveEndpoint('http://h:1/base', 'sse')).toBe('http://h:1/sse');
    expect(resolveEndpoint('http://h:1/base', 'https://other/mcp')).toBe('https://other/mcp');
  });

  it('hides addEnvVar values and every literal a map value is written with from the quoted line', () => {
    const src = [
      MCP,
      'class A { void f() {',
      '  var a = ServerParameters.builder("node").args("a.js").addEnvVar("DB_PASS", "hunter2hunter2").build();',
      '  var b = ServerParameters.builder("node").args("b.js").env(Map.of("API_TOKEN", "hunter3" + "hunter3", "DB_PASS", System.getenv().getOrDefault("DB_PASS", "hunter4hunter4"))).build();',
      '} }',
    ].join('\n');
    const found = servers('A.java', src);
    expect(found.map((s) => [s.name, s.attributes.envNames])).toEqual([['a.js', ['DB_PASS']], ['b.js', ['API_TOKEN', 'DB_PASS']]]);
    expect(JSON.stringify(found)).not.toMatch(/hunter[2-4]/);
    expect(found[0]?.evidence[0]?.snippet).toContain('addEnvVar("DB_PASS", "[redacted]")');
    // An env variable's name read inside a value is no secret: the line keeps it.
    expect(found[1]?.evidence[0]?.snippet).toContain('getOrDefault("DB_PASS", "[redacted]")');
    const kt = servers('A.kt', `${MCP}fun f() { val p = ServerParameters.builder("node").args("c.js").env(mapOf("DB_PASS" to "hunter5" + "hunter5")).build() }`);
    expect(kt.map((s) => s.name)).toEqual(['c.js']);
    expect(JSON.stringify(kt)).not.toContain('hunter5');
  });
});
