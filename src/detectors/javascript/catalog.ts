/**
 * Detector-specific tables for JavaScript/TypeScript: which imported functions and methods take a
 * model id, which properties hold one, where vector collections are named, and the MCP server APIs.
 * Package names here must also be in the shared AI package catalog (`shared/ai-packages.ts`): a
 * file is only analysed when it imports a catalog package. Each row names its source.
 */

/** Exports of a package that are model providers (`openai('gpt-4o')`) or provider factories. */
export interface ProviderRow {
  readonly packages: readonly string[];
  /** Called with a model id as first argument: `openai('gpt-4o')`. */
  readonly providers: readonly string[];
  /** Return a provider: `createOpenAI({ apiKey })('gpt-4o')`. */
  readonly factories: readonly string[];
  readonly source: string;
}

export const PROVIDERS: readonly ProviderRow[] = [
  { packages: ['@ai-sdk/openai'], providers: ['openai'], factories: ['createOpenAI'], source: 'ai-sdk.dev/providers/ai-sdk-providers/openai' },
  { packages: ['@ai-sdk/anthropic'], providers: ['anthropic'], factories: ['createAnthropic'], source: 'ai-sdk.dev/providers/ai-sdk-providers/anthropic' },
  { packages: ['@ai-sdk/google'], providers: ['google'], factories: ['createGoogleGenerativeAI'], source: 'ai-sdk.dev/providers/ai-sdk-providers/google-generative-ai' },
  { packages: ['@ai-sdk/google-vertex'], providers: ['vertex', 'vertexAnthropic'], factories: ['createVertex', 'createVertexAnthropic'], source: 'ai-sdk.dev/providers/ai-sdk-providers/google-vertex' },
  { packages: ['@ai-sdk/amazon-bedrock'], providers: ['bedrock'], factories: ['createAmazonBedrock'], source: 'ai-sdk.dev/providers/ai-sdk-providers/amazon-bedrock' },
  { packages: ['@ai-sdk/azure'], providers: ['azure'], factories: ['createAzure'], source: 'ai-sdk.dev/providers/ai-sdk-providers/azure' },
  { packages: ['@ai-sdk/mistral'], providers: ['mistral'], factories: ['createMistral'], source: 'ai-sdk.dev/providers/ai-sdk-providers/mistral' },
  { packages: ['@ai-sdk/groq'], providers: ['groq'], factories: ['createGroq'], source: 'ai-sdk.dev/providers/ai-sdk-providers/groq' },
  { packages: ['@ai-sdk/xai'], providers: ['xai'], factories: ['createXai'], source: 'ai-sdk.dev/providers/ai-sdk-providers/xai' },
  { packages: ['@ai-sdk/deepseek'], providers: ['deepseek'], factories: ['createDeepSeek'], source: 'ai-sdk.dev/providers/ai-sdk-providers/deepseek' },
  { packages: ['@ai-sdk/cohere'], providers: ['cohere'], factories: ['createCohere'], source: 'ai-sdk.dev/providers/ai-sdk-providers/cohere' },
  { packages: ['@ai-sdk/perplexity'], providers: ['perplexity'], factories: ['createPerplexity'], source: 'ai-sdk.dev/providers/ai-sdk-providers/perplexity' },
  { packages: ['@ai-sdk/togetherai'], providers: ['togetherai'], factories: ['createTogetherAI'], source: 'ai-sdk.dev/providers/ai-sdk-providers/togetherai' },
  { packages: ['@ai-sdk/fireworks'], providers: ['fireworks'], factories: ['createFireworks'], source: 'ai-sdk.dev/providers/ai-sdk-providers/fireworks' },
  { packages: ['@ai-sdk/cerebras'], providers: ['cerebras'], factories: ['createCerebras'], source: 'ai-sdk.dev/providers/ai-sdk-providers/cerebras' },
  { packages: ['@ai-sdk/deepinfra'], providers: ['deepinfra'], factories: ['createDeepInfra'], source: 'ai-sdk.dev/providers/ai-sdk-providers/deepinfra' },
  { packages: ['@ai-sdk/openai-compatible'], providers: [], factories: ['createOpenAICompatible'], source: 'ai-sdk.dev/providers/openai-compatible-providers' },
  { packages: ['@ai-sdk/gateway', 'ai'], providers: ['gateway'], factories: ['createGateway'], source: 'ai-sdk.dev/providers/ai-sdk-providers/ai-gateway' },
  // A registry or custom provider answers `languageModel('openai:gpt-4o')` like a provider, with `provider:model` ids.
  {
    packages: ['ai'],
    providers: [],
    factories: ['createProviderRegistry', 'experimental_createProviderRegistry', 'customProvider', 'experimental_customProvider'],
    source: 'ai-sdk.dev/docs/reference/ai-sdk-core/provider-registry, custom-provider',
  },
  { packages: ['@openrouter/ai-sdk-provider'], providers: ['openrouter'], factories: ['createOpenRouter'], source: 'OpenRouterTeam/ai-sdk-provider README' },
  { packages: ['ollama-ai-provider', 'ollama-ai-provider-v2'], providers: ['ollama'], factories: ['createOllama'], source: 'ollama-ai-provider README' },
];

/**
 * `@ai-sdk/*` packages that are not model providers (UI bindings, utilities, the MCP client). Any other `@ai-sdk/*`
 * package follows the provider convention by extension: a lower-case export is a provider, a
 * `create*` export a factory (ai-sdk.dev "Community providers" conventions).
 */
export const AI_SDK_NON_PROVIDERS: readonly string[] = ['provider', 'provider-utils', 'react', 'ui-utils', 'rsc', 'svelte', 'vue', 'angular', 'solid', 'valibot', 'langchain', 'llamaindex', 'mcp'];

/** Plain functions whose argument at `argIndex` is a model id. */
export interface ModelFunctionRow {
  readonly packages: readonly string[];
  readonly names: readonly string[];
  readonly argIndex: number;
  readonly source: string;
}

export const MODEL_FUNCTIONS: readonly ModelFunctionRow[] = [
  { packages: ['langchain'], names: ['initChatModel'], argIndex: 0, source: 'js.langchain.com how-to chat_models_universal_init' },
  { packages: ['@huggingface/transformers', '@xenova/transformers'], names: ['pipeline'], argIndex: 1, source: 'huggingface.co/docs/transformers.js pipelines' },
];

/**
 * Methods whose first argument is a model id. `on: 'provider'`: only on an AI SDK provider
 * (`openai.chat('gpt-4o')`); `on: 'any'`: on any value rooted in one of `packages`.
 */
export interface ModelMethodRow {
  readonly packages: readonly string[];
  readonly methods: readonly string[];
  readonly on: 'provider' | 'any';
  readonly source: string;
}

export const MODEL_METHODS: readonly ModelMethodRow[] = [
  {
    packages: ['*'],
    methods: ['chat', 'completion', 'responses', 'languageModel', 'textEmbeddingModel', 'textEmbedding', 'embedding', 'embeddingModel', 'image', 'imageModel', 'transcription', 'speech', 'rerankingModel'],
    on: 'provider',
    source: 'ai-sdk.dev ProviderV2 interface (languageModel, textEmbeddingModel, imageModel, ...)',
  },
  { packages: ['@huggingface/transformers', '@xenova/transformers'], methods: ['from_pretrained'], on: 'any', source: 'huggingface.co/docs/transformers.js AutoModel.from_pretrained' },
  { packages: ['replicate'], methods: ['run', 'stream'], on: 'any', source: 'replicate/replicate-javascript README' },
];

/** Object properties that hold a model id when the object is passed to an AI SDK call. */
export const MODEL_PROPERTIES: readonly { readonly name: string; readonly source: string }[] = [
  { name: 'model', source: 'OpenAI/Anthropic/Mistral/Groq SDK request params; AI SDK generateText; LangChain ChatOpenAI' },
  { name: 'modelName', source: 'LangChain JS ChatOpenAI/OpenAIEmbeddings (legacy field)' },
  { name: 'modelId', source: 'AWS SDK Bedrock InvokeModel/Converse commands' },
  { name: 'model_id', source: 'Hugging Face inference endpoints params' },
  { name: 'model_name', source: 'LangChain community integrations' },
];

/**
 * Options of a client constructor or provider factory (its first argument) that set the host it
 * talks to: `new OpenAI({ baseURL })`, `createOpenAI({ baseURL })`. A path is read through nested
 * objects (`configuration.baseURL`).
 */
export const BASE_URL_OPTIONS: readonly { readonly path: readonly string[]; readonly source: string }[] = [
  { path: ['baseURL'], source: 'openai-node and anthropic-sdk-typescript ClientOptions.baseURL; ai-sdk.dev provider settings baseURL (createOpenAI, createOpenAICompatible, ...)' },
  { path: ['baseUrl'], source: 'LangChain JS ChatOllama / OllamaEmbeddings baseUrl' },
  { path: ['configuration', 'baseURL'], source: 'LangChain JS ChatOpenAI fields.configuration (openai ClientOptions)' },
];

/** Methods of a vector client that name an index/collection: first argument string or `{ name }`. */
export interface CollectionMethodRow {
  readonly product: string;
  /** Method name, or `parent.method` when the method name alone is too generic. */
  readonly methods: readonly string[];
  readonly source: string;
}

export const COLLECTION_METHODS: readonly CollectionMethodRow[] = [
  { product: 'pinecone', methods: ['index', 'Index', 'createIndex', 'describeIndex', 'deleteIndex'], source: 'pinecone-ts-client README' },
  { product: 'chroma', methods: ['getOrCreateCollection', 'getCollection', 'createCollection', 'deleteCollection'], source: 'docs.trychroma.com js client' },
  { product: 'qdrant', methods: ['createCollection', 'recreateCollection', 'getCollection', 'deleteCollection', 'collectionExists', 'upsert', 'search', 'query', 'retrieve', 'scroll'], source: 'qdrant-js README' },
  { product: 'weaviate', methods: ['collections.get', 'collections.use', 'collections.create', 'collections.delete'], source: 'weaviate typescript client v3 docs' },
  { product: 'lancedb', methods: ['openTable', 'createTable', 'createEmptyTable', 'dropTable'], source: 'lancedb js docs' },
];

/** Properties naming a collection inside objects passed to a vector client call. */
export const COLLECTION_PROPERTIES: readonly { readonly name: string; readonly source: string }[] = [
  { name: 'collectionName', source: 'LangChain JS Chroma/Qdrant/Weaviate store options' },
  { name: 'collection_name', source: 'milvus node sdk search/insert params' },
  { name: 'indexName', source: 'LangChain JS store options; weaviate-ts-client v2' },
  { name: 'tableName', source: 'LangChain JS PGVectorStore options' },
];

/** MCP server classes implemented in code. */
export interface McpServerApiRow {
  readonly api: string;
  readonly packages: readonly string[];
  /** Value of the `sdk` attribute. */
  readonly sdk: string;
  readonly source: string;
}

export const MCP_SERVER_APIS: readonly McpServerApiRow[] = [
  { api: 'McpServer', packages: ['@modelcontextprotocol/sdk'], sdk: '@modelcontextprotocol/sdk', source: 'modelcontextprotocol/typescript-sdk README (server/mcp.js)' },
  { api: 'Server', packages: ['@modelcontextprotocol/sdk'], sdk: '@modelcontextprotocol/sdk', source: 'modelcontextprotocol/typescript-sdk README, low-level server (server/index.js)' },
  // SDK v2 splits the package: `@modelcontextprotocol/server` (and `/client`, `/node`, `/express`, ...).
  { api: 'McpServer', packages: ['@modelcontextprotocol/server'], sdk: '@modelcontextprotocol/server', source: 'modelcontextprotocol/typescript-sdk v2 packages/server (index.ts)' },
  { api: 'Server', packages: ['@modelcontextprotocol/server'], sdk: '@modelcontextprotocol/server', source: 'modelcontextprotocol/typescript-sdk v2 packages/server, low-level server' },
  { api: 'FastMCP', packages: ['fastmcp'], sdk: 'fastmcp', source: 'punkpeye/fastmcp README' },
];

/** How a tool registration method carries the tool's name and description. */
export type ToolCallShape =
  /** `server.tool(name, description?, schema?, handler)` */
  | 'name-description'
  /** `server.registerTool(name, { description, inputSchema }, handler)` */
  | 'name-config'
  /** `server.addTool({ name, description, execute })` */
  | 'object';

export const MCP_TOOL_METHODS: readonly { readonly method: string; readonly shape: ToolCallShape; readonly source: string }[] = [
  { method: 'tool', shape: 'name-description', source: 'typescript-sdk McpServer.tool (deprecated overloads)' },
  { method: 'registerTool', shape: 'name-config', source: 'typescript-sdk McpServer.registerTool' },
  { method: 'addTool', shape: 'object', source: 'punkpeye/fastmcp README' },
];

/** Request schema whose handler returns `{ tools: [...] }` on the low-level `Server`. */
export const MCP_LIST_TOOLS_SCHEMA = 'ListToolsRequestSchema';

/**
 * Server transports by class name (MCP SDK; `call`: a function the SDK exports that serves the
 * server, `serveStdio(factory)`) and FastMCP `start({ transportType })` values.
 */
export const MCP_TRANSPORTS: readonly { readonly name: string; readonly transport: string; readonly call?: true; readonly source: string }[] = [
  { name: 'StdioServerTransport', transport: 'stdio', source: 'typescript-sdk server/stdio.js' },
  { name: 'StreamableHTTPServerTransport', transport: 'streamable-http', source: 'typescript-sdk server/streamableHttp.js' },
  { name: 'SSEServerTransport', transport: 'sse', source: 'typescript-sdk server/sse.js' },
  { name: 'serveStdio', transport: 'stdio', call: true, source: 'typescript-sdk v2 @modelcontextprotocol/server/stdio' },
  { name: 'WebStandardStreamableHTTPServerTransport', transport: 'streamable-http', source: 'typescript-sdk v2 @modelcontextprotocol/server' },
  { name: 'PerRequestHTTPServerTransport', transport: 'streamable-http', source: 'typescript-sdk v2 @modelcontextprotocol/server' },
  { name: 'stdio', transport: 'stdio', source: 'fastmcp start({ transportType: "stdio" })' },
  { name: 'httpStream', transport: 'streamable-http', source: 'fastmcp start({ transportType: "httpStream" })' },
  { name: 'sse', transport: 'sse', source: 'fastmcp start({ transportType: "sse" }) (older releases)' },
];

/**
 * Client transports of the MCP TypeScript SDK: what a client connects to. `stdio` takes
 * `{ command, args, env }`; `url` takes a `URL` (and options whose `requestInit.headers` name the
 * headers sent). v1 exports them from `@modelcontextprotocol/sdk/client/*.js`, v2 from
 * `@modelcontextprotocol/client` (stdio from its `/stdio` subpath); v2 dropped the WebSocket one.
 */
export const MCP_CLIENT_TRANSPORTS: readonly { readonly name: string; readonly packages: readonly string[]; readonly shape: 'stdio' | 'url'; readonly transport: string; readonly source: string }[] = [
  { name: 'StdioClientTransport', packages: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/client'], shape: 'stdio', transport: 'stdio', source: 'typescript-sdk client/stdio.ts StdioServerParameters' },
  { name: 'SSEClientTransport', packages: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/client'], shape: 'url', transport: 'sse', source: 'typescript-sdk client/sse.ts constructor(url: URL, opts)' },
  { name: 'StreamableHTTPClientTransport', packages: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/client'], shape: 'url', transport: 'streamable-http', source: 'typescript-sdk client/streamableHttp.ts constructor(url: URL, opts)' },
  { name: 'WebSocketClientTransport', packages: ['@modelcontextprotocol/sdk'], shape: 'url', transport: 'websocket', source: 'typescript-sdk v1 client/websocket.ts constructor(url: URL) (removed in v2)' },
  { name: 'Experimental_StdioMCPTransport', packages: ['ai', '@ai-sdk/mcp'], shape: 'stdio', transport: 'stdio', source: 'vercel/ai ai/mcp-stdio and @ai-sdk/mcp/mcp-stdio StdioConfig { command, args, env }' },
];

/**
 * MCP clients other packages build from a config object (`shared/mcp-client.ts` records each server they name):
 * the Vercel AI SDK's `createMCPClient({ transport: { type: 'sse' | 'http', url, headers } })` (a transport
 * object; one built with `new ...Transport(...)` is read by `MCP_CLIENT_TRANSPORTS`) and LangChain.js's
 * `new MultiServerMCPClient({ mcpServers: { name: { command, args, env } | { url, headers, transport } } })`
 * (or the server map alone, its older form).
 */
export const MCP_CLIENT_CONFIGS: readonly { readonly name: string; readonly packages: readonly string[]; readonly shape: 'transport-object' | 'server-map'; readonly source: string }[] = [
  { name: 'experimental_createMCPClient', packages: ['ai', '@ai-sdk/mcp'], shape: 'transport-object', source: 'vercel/ai packages/ai index (createMCPClient as experimental_createMCPClient); @ai-sdk/mcp keeps the alias' },
  { name: 'createMCPClient', packages: ['@ai-sdk/mcp'], shape: 'transport-object', source: 'vercel/ai packages/mcp tool/mcp-client.ts MCPClientConfig.transport' },
  { name: 'MultiServerMCPClient', packages: ['@langchain/mcp-adapters'], shape: 'server-map', source: 'langchainjs libs/langchain-mcp-adapters ClientConfig.mcpServers' },
];

/** Transport names a client config writes → the transport recorded (`http` is Streamable HTTP). */
export const MCP_CONFIG_TRANSPORTS: Readonly<Record<string, string>> = { stdio: 'stdio', sse: 'sse', http: 'streamable-http', 'streamable-http': 'streamable-http', streamable_http: 'streamable-http', streamableHttp: 'streamable-http', websocket: 'websocket', ws: 'websocket' };

/** Properties of a tool-definition wrapper that hold the MCP tool object (`{ definition: { name } }`). */
export const TOOL_DEFINITION_KEYS: readonly string[] = ['definition', 'tool', 'spec', 'schema'];
