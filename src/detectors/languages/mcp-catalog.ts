/**
 * MCP in Go, on the JVM and in Ruby, read on masked code. Go servers and tools (`GO_MCP_SDKS`, read by
 * `mcp-go.ts`): which package functions construct a server, which define a tool, and which start a
 * transport, per SDK, the package reached through its import (alias or the path's last segment).
 * Sources: mark3labs/mcp-go README and server/ package; modelcontextprotocol/go-sdk README and mcp/ package.
 * JVM client transports (`JVM_MCP_TRANSPORTS`, read by `mcp-jvm.ts`): the classes Java and Kotlin
 * code builds to connect to a server, and where their command, arguments, env and URL are written.
 * Ruby servers and tools (`RUBY_MCP_*`, `RUBY_TOOL_BASES`, read by `mcp-ruby.ts`): the official
 * gem `mcp` and fast-mcp; sources: both gems' READMEs, lib/ and examples/.
 */
import { SPRING_AI_MCP_API, SPRING_AI_MCP_SDK } from '../shared/spring-ai-mcp.ts';

/** How a server constructor carries the server's name. */
export type ServerNameShape =
  /** `server.NewMCPServer("name", "1.0.0", ...)` */
  | 'first-argument'
  /** `mcp.NewServer(&mcp.Implementation{Name: "name", Version: "v1"}, nil)` */
  | 'implementation';

export interface GoMcpSdk {
  /** Module path (the `sdk` attribute, as the `sdk` asset names it). */
  readonly module: string;
  /** The server type (the `api` attribute). */
  readonly api: string;
  /** Package of the server constructor, and the constructor. */
  readonly serverPackage: string;
  readonly serverFunc: string;
  readonly nameShape: ServerNameShape;
  /** Package of the tool type and tool constructors. */
  readonly toolPackage: string;
  /** `NewTool("name", WithDescription("..."))`, when the SDK has one; `Tool{Name:, Description:}` always counts. */
  readonly toolFunc?: { readonly name: string; readonly description: string };
  /** Transport constructors (`ServeStdio(s)`, `&mcp.StdioTransport{}`), by package. */
  readonly transports: readonly { readonly pkg: string; readonly name: string; readonly transport: 'stdio' | 'sse' | 'streamable-http' }[];
  readonly source: string;
}

const MARK3 = 'github.com/mark3labs/mcp-go';
const GOSDK = 'github.com/modelcontextprotocol/go-sdk';

export const GO_MCP_SDKS: readonly GoMcpSdk[] = [
  {
    module: MARK3,
    api: 'MCPServer',
    serverPackage: `${MARK3}/server`,
    serverFunc: 'NewMCPServer',
    nameShape: 'first-argument',
    toolPackage: `${MARK3}/mcp`,
    toolFunc: { name: 'NewTool', description: 'WithDescription' },
    transports: [
      { pkg: `${MARK3}/server`, name: 'ServeStdio', transport: 'stdio' },
      { pkg: `${MARK3}/server`, name: 'NewStdioServer', transport: 'stdio' },
      { pkg: `${MARK3}/server`, name: 'NewSSEServer', transport: 'sse' },
      { pkg: `${MARK3}/server`, name: 'NewStreamableHTTPServer', transport: 'streamable-http' },
    ],
    source: 'mark3labs/mcp-go README (NewMCPServer, NewTool, WithDescription, ServeStdio)',
  },
  {
    module: GOSDK,
    api: 'Server',
    serverPackage: `${GOSDK}/mcp`,
    serverFunc: 'NewServer',
    nameShape: 'implementation',
    toolPackage: `${GOSDK}/mcp`,
    transports: [
      { pkg: `${GOSDK}/mcp`, name: 'StdioTransport', transport: 'stdio' },
      { pkg: `${GOSDK}/mcp`, name: 'NewStdioTransport', transport: 'stdio' },
      { pkg: `${GOSDK}/mcp`, name: 'NewSSEHandler', transport: 'sse' },
      { pkg: `${GOSDK}/mcp`, name: 'NewStreamableHTTPHandler', transport: 'streamable-http' },
    ],
    source: 'modelcontextprotocol/go-sdk README (NewServer(&Implementation{...}), AddTool(server, &Tool{...}, h))',
  },
];

/** Go layout folders, beside the shared ones, that never name a server (`pkg/`, `cmd/`). */
export const GO_LAYOUT_FOLDERS: readonly string[] = ['pkg', 'cmd'];

/** What one argument list of a JVM transport's construction gives (`mcp-jvm.ts` reads literals only). */
export type JvmMcpPart =
  /** A list whose first item is the command and the rest its args (`.command(List.of("npx", "-y", "pkg"))`). */
  | 'command-line'
  /** Literals (varargs) or one list, appended to the args. */
  | 'args'
  /** A map (`Map.of("KEY", v)`, Kotlin `mapOf("KEY" to v)`) whose keys are env variable names. */
  | 'env'
  /** `("KEY", value)`: one env variable name. */
  | 'env-var'
  /** A literal URL. */
  | 'url'
  /** A literal path (or URL) resolved against the URL, as `java.net.URI.resolve` does. */
  | 'endpoint';

export interface JvmMcpTransport {
  /** The class as imported. */
  readonly class: string;
  /** Packages it lives in (the file must import the class or the package's `*`). */
  readonly packages: readonly string[];
  readonly transport: 'stdio' | 'sse' | 'streamable-http' | 'websocket';
  /** A Kotlin extension function called on a receiver (`http.mcpSse("...")`), imported by its name. */
  readonly extension?: true;
  /**
   * What the arguments of the constructor or of `builder(...)` give: `command` its first argument
   * when literal, `url` the first literal shaped like a URL (also a Kotlin named argument,
   * `urlString = "..."`), `web-client` the literal of a
   * `.baseUrl("...")` among them (a Spring `WebClient.builder()`).
   */
  readonly first?: 'command' | 'url' | 'web-client';
  /** Builder methods chained on the construction, by name. */
  readonly chain: Readonly<Record<string, JvmMcpPart>>;
  /** The endpoint the transport resolves against its base URL when none is set. */
  readonly defaultEndpoint?: string;
  readonly source: string;
}

const MCP_TRANSPORT = 'io.modelcontextprotocol.client.transport';
const KOTLIN_CLIENT = 'io.modelcontextprotocol.kotlin.sdk.client';
const KOTLIN_SOURCE = 'MCP kotlin-sdk kotlin-sdk-client (constructors take the Ktor HttpClient, then the URL as given; KtorClient.kt, StreamableHttpMcpKtorClientExtensions.kt, WebSocketMcpKtorClientExtensions.kt)';
/** A Kotlin SDK transport or `HttpClient` extension that takes the URL among its arguments. */
const kotlin = (name: string, transport: JvmMcpTransport['transport'], extension?: true): JvmMcpTransport => ({ class: name, packages: [KOTLIN_CLIENT], transport, first: 'url', chain: {}, ...(extension ? { extension } : {}), source: KOTLIN_SOURCE });
const L4J_TRANSPORT = 'dev.langchain4j.mcp.client.transport';

export const JVM_MCP_TRANSPORTS: readonly JvmMcpTransport[] = [
  {
    class: 'ServerParameters',
    packages: [MCP_TRANSPORT],
    transport: 'stdio',
    first: 'command',
    chain: { args: 'args', arg: 'args', env: 'env', addEnvVar: 'env-var' },
    source: 'MCP java-sdk ServerParameters.builder(command).args(...).env(...) (also what Google ADK McpToolset takes)',
  },
  {
    class: 'HttpClientSseClientTransport',
    packages: [MCP_TRANSPORT],
    transport: 'sse',
    first: 'url',
    chain: { sseEndpoint: 'endpoint' },
    defaultEndpoint: '/sse',
    source: 'MCP java-sdk HttpClientSseClientTransport: builder(baseUri), 0.x constructors, DEFAULT_SSE_ENDPOINT, Utils.resolveUri',
  },
  {
    class: 'HttpClientStreamableHttpTransport',
    packages: [MCP_TRANSPORT],
    transport: 'streamable-http',
    first: 'url',
    chain: { endpoint: 'endpoint' },
    defaultEndpoint: '/mcp',
    source: 'MCP java-sdk HttpClientStreamableHttpTransport: builder(baseUri), DEFAULT_ENDPOINT, Utils.resolveUri',
  },
  {
    class: 'WebFluxSseClientTransport',
    packages: [MCP_TRANSPORT],
    transport: 'sse',
    first: 'web-client',
    chain: { sseEndpoint: 'endpoint' },
    defaultEndpoint: '/sse',
    source: 'MCP java-sdk 0.x mcp-spring-webflux WebFluxSseClientTransport(WebClient.Builder), builder(...)',
  },
  {
    class: 'WebClientStreamableHttpTransport',
    packages: [MCP_TRANSPORT],
    transport: 'streamable-http',
    first: 'web-client',
    chain: { endpoint: 'endpoint' },
    defaultEndpoint: '/mcp',
    source: 'MCP java-sdk 0.x mcp-spring-webflux WebClientStreamableHttpTransport.builder(WebClient.Builder)',
  },
  { class: 'StdioMcpTransport', packages: [`${L4J_TRANSPORT}.stdio`], transport: 'stdio', chain: { command: 'command-line', environment: 'env' }, source: 'langchain4j-mcp StdioMcpTransport.Builder (command(List), environment(Map))' },
  { class: 'HttpMcpTransport', packages: [`${L4J_TRANSPORT}.http`], transport: 'sse', chain: { sseUrl: 'url' }, source: 'langchain4j-mcp HttpMcpTransport.Builder (sseUrl: the legacy HTTP+SSE transport)' },
  { class: 'StreamableHttpMcpTransport', packages: [`${L4J_TRANSPORT}.http`], transport: 'streamable-http', chain: { url: 'url' }, source: 'langchain4j-mcp StreamableHttpMcpTransport.Builder (url)' },
  kotlin('SseClientTransport', 'sse'),
  kotlin('StreamableHttpClientTransport', 'streamable-http'),
  kotlin('WebSocketClientTransport', 'websocket'),
  kotlin('mcpSseTransport', 'sse', true),
  kotlin('mcpSse', 'sse', true),
  kotlin('mcpStreamableHttpTransport', 'streamable-http', true),
  kotlin('mcpStreamableHttp', 'streamable-http', true),
  kotlin('mcpWebSocketTransport', 'websocket', true),
  kotlin('mcpWebSocket', 'websocket', true),
];

/**
 * Client builders that take a transport and name the connection: LangChain4j's
 * `new DefaultMcpClient.Builder().key("name").transport(t)`; `key` is the server's name in the
 * app (its tools are told apart by it), `clientName` the app's own name and not read.
 */
export const JVM_MCP_CLIENTS: readonly { readonly class: string; readonly packages: readonly string[]; readonly name: string; readonly transport: string; readonly source: string }[] = [
  { class: 'DefaultMcpClient', packages: ['dev.langchain4j.mcp.client'], name: 'key', transport: 'transport', source: 'langchain4j-mcp DefaultMcpClient.Builder (key, clientName, transport)' },
];

/**
 * MCP servers implemented in Java and Kotlin (`mcp-jvm-server.ts`): where the server, tool and
 * function-callback types live per SDK (imported by name or `*`), the `sdk` and `api` attributes.
 */
export interface JvmMcpServerSdk {
  readonly id: 'java-sdk' | 'kotlin-sdk' | 'spring-ai';
  /** The `sdk` attribute (the artifact holding the server) and the server type (`api`). */
  readonly module: string;
  readonly api: string;
  /** Java SDK `McpServer`, Kotlin SDK `Server`; Spring AI: the `@Tool` annotation's package. */
  readonly serverPackages: readonly string[];
  /** Java SDK `McpSchema` (its `Tool`); Spring AI: the `@McpTool` annotation's packages. */
  readonly toolPackages: readonly string[];
  /** Spring AI `FunctionToolCallback` (a `@Bean` tool of an MCP server app). */
  readonly callbackPackages: readonly string[];
  readonly source: string;
}

export const JVM_MCP_SERVER_SDKS: readonly JvmMcpServerSdk[] = [
  {
    id: 'java-sdk',
    module: 'io.modelcontextprotocol.sdk:mcp',
    api: 'McpServer',
    serverPackages: ['io.modelcontextprotocol.server'],
    toolPackages: ['io.modelcontextprotocol.spec'],
    callbackPackages: [],
    source: 'MCP java-sdk: McpServer.sync/async(transportProvider).serverInfo(name, version), McpSchema.Tool record (0.x (name, description, schema); later (name, title, description, ...) and Tool.builder()), *ServerTransportProvider classes',
  },
  {
    id: 'kotlin-sdk',
    module: 'io.modelcontextprotocol:kotlin-sdk',
    api: 'Server',
    serverPackages: ['io.modelcontextprotocol.kotlin.sdk.server'],
    toolPackages: [],
    callbackPackages: [],
    source: 'MCP kotlin-sdk README: Server(Implementation(name, version), ServerOptions(...)), server.addTool(name, description, inputSchema) { }, StdioServerTransport, mcp { } (Ktor SSE)',
  },
  {
    id: 'spring-ai',
    module: SPRING_AI_MCP_SDK,
    api: SPRING_AI_MCP_API,
    serverPackages: ['org.springframework.ai.tool.annotation'],
    toolPackages: ['org.springframework.ai.mcp.annotation', 'org.springaicommunity.mcp.annotation'],
    callbackPackages: ['org.springframework.ai.tool.function'],
    source: 'Spring AI reference (MCP server boot starters: @Tool methods through a ToolCallbackProvider bean, ToolCallback beans; MCP annotations @McpTool(name, description)); spring-ai-examples model-context-protocol',
  },
];

/**
 * MCP servers implemented in Ruby (`mcp-ruby.ts`): the official SDK (gem `mcp`,
 * modelcontextprotocol/ruby-sdk) and fast-mcp (gem `fast-mcp`, yjacquin/fast-mcp). `module` is the
 * gem (the `sdk` attribute), `api` the server class.
 */
export interface RubyMcpSdk {
  readonly id: 'mcp' | 'fast-mcp';
  readonly module: string;
  readonly api: string;
  readonly source: string;
}

export const RUBY_MCP_SDKS: Readonly<Record<RubyMcpSdk['id'], RubyMcpSdk>> = {
  mcp: { id: 'mcp', module: 'mcp', api: 'MCP::Server', source: 'MCP ruby-sdk README and lib/mcp (server.rb, tool.rb, string_utils.rb)' },
  'fast-mcp': { id: 'fast-mcp', module: 'fast-mcp', api: 'FastMcp::Server', source: 'fast-mcp README and lib (fast_mcp.rb, mcp/server.rb, mcp/tool.rb, mcp/railtie.rb)' },
};

/** Classes a Ruby MCP tool subclasses (as written, without a leading `::`). */
export const RUBY_TOOL_BASES: readonly { readonly base: string; readonly sdk: RubyMcpSdk['id']; readonly source: string }[] = [
  { base: 'MCP::Tool', sdk: 'mcp', source: 'MCP ruby-sdk `class X < MCP::Tool` (fast-mcp 0.1.0 also named its classes MCP::)' },
  { base: 'FastMcp::Tool', sdk: 'fast-mcp', source: 'fast-mcp README' },
  { base: 'ActionTool::Base', sdk: 'fast-mcp', source: 'fast-mcp railtie: `ActionTool::Base = FastMcp::Tool`; the install generator writes `ApplicationTool < ActionTool::Base`' },
];

/**
 * Calls that construct a Ruby MCP server: `call` as written (`Module.method`, `Class.new`), the
 * name the server takes without a `name:` argument (none: the SDK names it after something we do
 * not see, the Rails application's module for `mount_in_rails`), and the transport the call starts.
 */
export const RUBY_MCP_SERVERS: readonly { readonly call: string; readonly sdk: RubyMcpSdk['id']; readonly defaultName?: string; readonly transport?: 'sse'; readonly source: string }[] = [
  { call: 'MCP::Server.new', sdk: 'mcp', defaultName: 'model_context_protocol', source: 'MCP ruby-sdk Server#initialize(name: "model_context_protocol", tools: [...])' },
  { call: 'FastMcp::Server.new', sdk: 'fast-mcp', source: 'fast-mcp Server#initialize(name:, version:)' },
  { call: 'FastMcp.mount_in_rails', sdk: 'fast-mcp', transport: 'sse', source: 'fast-mcp mount_in_rails(app, name: app module dasherized): RackTransport (SSE) middleware' },
  { call: 'FastMcp.rack_middleware', sdk: 'fast-mcp', defaultName: 'mcp-server', transport: 'sse', source: "fast-mcp rack_middleware(app, name: 'mcp-server')" },
  { call: 'FastMcp.authenticated_rack_middleware', sdk: 'fast-mcp', defaultName: 'mcp-server', transport: 'sse', source: 'fast-mcp authenticated_rack_middleware → rack_middleware' },
];

/** Transport classes of both gems (`MCP::Server::Transports::…`, `FastMcp::Transports::…`), by their last name segment. */
export const RUBY_MCP_TRANSPORTS: readonly { readonly name: string; readonly transport: 'stdio' | 'sse' | 'streamable-http'; readonly source: string }[] = [
  { name: 'StdioTransport', transport: 'stdio', source: 'MCP ruby-sdk Server::Transports::StdioTransport; fast-mcp Transports::StdioTransport (Server#start)' },
  { name: 'StreamableHTTPTransport', transport: 'streamable-http', source: 'MCP ruby-sdk Server::Transports::StreamableHTTPTransport' },
  { name: 'RackTransport', transport: 'sse', source: 'fast-mcp Transports::RackTransport (sse_route + messages_route)' },
  { name: 'AuthenticatedRackTransport', transport: 'sse', source: 'fast-mcp Transports::AuthenticatedRackTransport' },
];

/** A Ruby constant path as written (`::MCP::Tool`), as a regex source. */
const rubyConstant = (dotted: string): string => `(?<![\\w:])(?:::)?${dotted.split(/(::|\.)/).map((p) => (p === '.' ? '\\s*\\.\\s*' : p)).join('')}\\b`;

/** A call of `RUBY_MCP_SERVERS` (the regex source of its receiver and method). */
export const rubyServerCall = (call: string): string => rubyConstant(call);

/**
 * What a Ruby file must hold for its MCP servers and tools to be read, beside a `require` of either
 * gem: a server construction, `MCP::Tool.define`, a subclass of a tool base, or of a class whose
 * name ends in `Tool` (Rails apps' `ApplicationTool`, autoloaded without a `require`). Run on the
 * raw text by the pre-check, on code only by `mcp-ruby.ts`.
 */
export const RUBY_MCP_SHAPE = new RegExp(
  [
    ...RUBY_MCP_SERVERS.map((s) => rubyServerCall(s.call)),
    rubyConstant('MCP::Tool.define'),
    `<\\s*(?:::)?(?:${RUBY_TOOL_BASES.map((b) => b.base).join('|')})\\b(?!::)`,
    '<\\s*(?:::)?(?:[A-Z]\\w*::)*[A-Z]\\w*Tool\\b(?!::)',
  ].join('|'),
);
