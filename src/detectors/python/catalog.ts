/**
 * Python detection knowledge as data: which call arguments hold model ids, which calls build
 * vector-store handles, MCP servers, tools, transports and client connections. Each row names
 * its source (package docs / API signatures; research/anchors-mission.md §2b for the MCP list).
 * Package/module → PyPI mapping and vector clients live in `../shared/`.
 */

/** Keyword arguments whose value is a model id. `aiOnly`: counts only on calls into an AI package. */
export interface ModelKeyword {
  readonly keyword: string;
  readonly aiOnly?: boolean;
  readonly source: string;
}

export const MODEL_KEYWORDS: readonly ModelKeyword[] = [
  { keyword: 'model', source: 'openai/anthropic/litellm/langchain call signatures' },
  { keyword: 'model_name', source: 'langchain HuggingFaceEmbeddings, google.generativeai GenerativeModel' },
  { keyword: 'model_id', source: 'langchain BedrockLLM, HuggingFacePipeline.from_model_id' },
  { keyword: 'modelId', source: 'boto3 bedrock-runtime invoke_model/converse' },
  { keyword: 'deployment_name', source: 'langchain AzureChatOpenAI, llama-index AzureOpenAI' },
  { keyword: 'azure_deployment', source: 'openai AzureOpenAI client' },
  { keyword: 'model_name_or_path', source: 'sentence-transformers SentenceTransformer' },
  { keyword: 'pretrained_model_name_or_path', source: 'transformers from_pretrained' },
  { keyword: 'engine', aiOnly: true, source: 'openai<1.0 Azure completions (engine=)' },
];

/**
 * Calls whose argument is a model id. `names` match the last segment of the callee; `packages`
 * (dotted module prefixes) restrict the hit to callees imported from them; `arg` is the
 * positional index, `keyword` an extra keyword that holds the id for these calls only.
 */
export interface ModelCall {
  readonly names: readonly string[];
  readonly label: string;
  readonly arg?: number;
  readonly keyword?: string;
  readonly packages?: readonly string[];
  readonly source: string;
}

export const MODEL_CALLS: readonly ModelCall[] = [
  // Vertex AI's model classes (`TextEmbeddingModel.from_pretrained("textembedding-gecko")`) name a hosted
  // Google model, not a Hugging Face Hub repository: a label of their own keeps them out of Hub policies.
  { names: ['from_pretrained'], label: 'vertexai.from_pretrained', arg: 0, packages: ['vertexai', 'google.cloud.aiplatform'], source: 'vertexai.language_models / vision_models from_pretrained' },
  { names: ['from_pretrained'], label: 'from_pretrained', arg: 0, source: 'transformers/diffusers/peft from_pretrained' },
  { names: ['pipeline'], label: 'pipeline', arg: 1, packages: ['transformers'], source: 'transformers.pipeline(task, model)' },
  { names: ['SentenceTransformer', 'CrossEncoder'], label: 'SentenceTransformer', arg: 0, packages: ['sentence_transformers'], source: 'sbert.net docs' },
  { names: ['init_chat_model', 'init_embeddings'], label: 'init_chat_model', arg: 0, packages: ['langchain'], source: 'langchain init_chat_model docs' },
  { names: ['GenerativeModel'], label: 'GenerativeModel', arg: 0, packages: ['google.generativeai', 'vertexai', 'google.cloud.aiplatform'], source: 'google-generativeai / vertexai GenerativeModel' },
  { names: ['create_react_agent'], label: 'create_react_agent', arg: 0, packages: ['langgraph.prebuilt'], source: 'langgraph prebuilt create_react_agent(model, tools)' },
  { names: ['create_agent'], label: 'create_agent', arg: 0, packages: ['langchain.agents'], source: 'langchain 1.x create_agent(model, tools) (succeeds create_react_agent)' },
  { names: ['LM'], label: 'dspy.LM', arg: 0, packages: ['dspy'], source: 'dspy LM docs' },
  { names: ['Agent'], label: 'pydantic_ai.Agent', arg: 0, packages: ['pydantic_ai'], source: 'pydantic-ai Agent("openai:gpt-4o")' },
  { names: ['LLM'], label: 'vllm.LLM', arg: 0, packages: ['vllm'], source: 'vllm offline inference docs' },
  { names: ['chat', 'generate', 'embed', 'embeddings', 'pull'], label: 'ollama', arg: 0, packages: ['ollama'], source: 'ollama-python README' },
  { names: ['InferenceClient', 'AsyncInferenceClient'], label: 'InferenceClient', arg: 0, packages: ['huggingface_hub'], source: 'huggingface_hub InferenceClient' },
  { names: ['OpenAIChat', 'OpenAIResponses', 'Claude', 'Gemini', 'Groq', 'Ollama', 'AwsBedrock', 'MistralChat', 'DeepSeek', 'OpenRouter'], label: 'agno-model', keyword: 'id', packages: ['agno.models'], source: 'agno models docs (id=)' },
];

/**
 * Keywords of a client constructor or chat model that give the API's base URL: the catalog row of
 * that host names the vendor of ids the catalog does not know, sent through the client.
 */
export const BASE_URL_KEYWORDS: ReadonlyArray<{ readonly keyword: string; readonly source: string }> = [
  { keyword: 'base_url', source: 'openai-python / anthropic-sdk-python OpenAI(base_url=), AsyncOpenAI; LangChain ChatOpenAI, ChatAnthropic, ChatOllama base_url' },
  { keyword: 'openai_api_base', source: 'LangChain ChatOpenAI / OpenAIEmbeddings openai_api_base (alias of base_url)' },
  { keyword: 'api_base', source: 'LlamaIndex OpenAI / OpenAILike api_base; litellm completion(api_base=)' },
];

/** `os.getenv("X", "default")`: the default is a model id when the call sits in a model position. */
export const ENV_DEFAULT_CALLS: readonly string[] = ['os.getenv', 'os.environ.get', 'os.environ.setdefault'];

/**
 * Field specifiers of settings and data classes (`model: str = Field(default="gpt-4o")`): the field holds
 * its default unless the caller passes another, as a `def` parameter does. `arg` is the positional index of
 * the default when it may be given positionally; `default=` always counts. `default_factory` is code, not read.
 */
export interface FieldDefaultCall {
  readonly name: string;
  readonly arg?: number;
  readonly source: string;
}

export const FIELD_DEFAULT_CALLS: readonly FieldDefaultCall[] = [
  { name: 'pydantic.Field', arg: 0, source: 'pydantic Field(default=PydanticUndefined, *, ...)' },
  { name: 'pydantic.fields.Field', arg: 0, source: 'pydantic Field(default=PydanticUndefined, *, ...)' },
  { name: 'sqlmodel.Field', arg: 0, source: 'sqlmodel Field(default=Undefined, *, ...)' },
  { name: 'dataclasses.field', source: 'dataclasses.field(*, default=MISSING, ...)' },
  { name: 'attr.ib', arg: 0, source: 'attrs attr.ib(default=NOTHING, ...)' },
  { name: 'attr.attrib', arg: 0, source: 'attrs attr.attrib(default=NOTHING, ...)' },
  { name: 'attr.field', source: 'attrs attr.field(*, default=NOTHING, ...)' },
  { name: 'attrs.field', source: 'attrs attrs.field(*, default=NOTHING, ...)' },
  { name: 'msgspec.field', source: 'msgspec.field(*, default=NODEFAULT, ...)' },
];

/** Factory class-methods on a vector-store class (`FAISS.from_documents(...)`). Source: langchain/llama-index docs. */
export const VECTOR_FACTORY_METHODS: readonly string[] = [
  'from_documents', 'afrom_documents', 'from_texts', 'afrom_texts', 'from_embeddings', 'from_existing_index',
  'from_existing_collection', 'load_local', 'from_params', 'from_connection_string',
];

/** Keyword arguments naming an index/collection (`index=`: Haystack Qdrant/Pinecone/Elasticsearch/OpenSearch document stores). */
export const VECTOR_COLLECTION_KEYWORDS: readonly string[] = ['collection_name', 'index_name', 'table_name', 'name', 'index'];

/** Methods on a vector client that open an index/collection, as the path after the client. */
export const VECTOR_COLLECTION_METHODS: readonly string[] = [
  'Index', 'IndexAsyncio', 'create_index', 'get_or_create_collection', 'create_collection', 'get_collection',
  'collections.get', 'collections.create', 'collections.use', 'open_table', 'create_table',
  'namespace',
];

export type McpSdk = 'mcp' | 'fastmcp';
/** `FastMCP` and its mcp 2.x successor `MCPServer` are the high-level APIs; `Server` is the low-level one. */
export type McpApi = 'FastMCP' | 'MCPServer' | 'Server';

/** MCP server classes by qualified name. Source: modelcontextprotocol/python-sdk (1.x FastMCP, 2.x MCPServer), jlowin/fastmcp. */
export const MCP_SERVER_CLASSES: ReadonlyArray<{ readonly qualified: string; readonly sdk: McpSdk; readonly api: McpApi }> = [
  { qualified: 'mcp.server.fastmcp.FastMCP', sdk: 'mcp', api: 'FastMCP' },
  { qualified: 'mcp.server.fastmcp.server.FastMCP', sdk: 'mcp', api: 'FastMCP' },
  { qualified: 'mcp.server.FastMCP', sdk: 'mcp', api: 'FastMCP' },
  { qualified: 'fastmcp.FastMCP', sdk: 'fastmcp', api: 'FastMCP' },
  { qualified: 'fastmcp.server.FastMCP', sdk: 'fastmcp', api: 'FastMCP' },
  { qualified: 'fastmcp.server.server.FastMCP', sdk: 'fastmcp', api: 'FastMCP' },
  { qualified: 'mcp.server.MCPServer', sdk: 'mcp', api: 'MCPServer' },
  { qualified: 'mcp.server.mcpserver.MCPServer', sdk: 'mcp', api: 'MCPServer' },
  { qualified: 'mcp.server.mcpserver.server.MCPServer', sdk: 'mcp', api: 'MCPServer' },
  { qualified: 'mcp.server.Server', sdk: 'mcp', api: 'Server' },
  { qualified: 'mcp.server.lowlevel.Server', sdk: 'mcp', api: 'Server' },
  { qualified: 'mcp.server.lowlevel.server.Server', sdk: 'mcp', api: 'Server' },
];

/** Decorator methods on a server that register a tool (`@mcp.tool()`). */
export const MCP_TOOL_DECORATORS: readonly string[] = ['tool'];

/** Low-level tool declarations (`Tool(name=..., description=...)`). */
export const MCP_TOOL_CLASSES: readonly string[] = ['mcp.types.Tool', 'mcp.Tool'];

/**
 * Methods of a high-level server (FastMCP / MCPServer) that reveal a transport; `null`: read it
 * from `transport=` / the first argument, else `fallback` (the SDK default).
 */
export const MCP_SERVER_TRANSPORT_METHODS: ReadonlyArray<{ readonly method: string; readonly transport: string | null; readonly fallback?: string }> = [
  { method: 'run', transport: null, fallback: 'stdio' },
  { method: 'run_async', transport: null, fallback: 'stdio' },
  { method: 'run_stdio_async', transport: 'stdio' },
  { method: 'run_sse_async', transport: 'sse' },
  { method: 'run_streamable_http_async', transport: 'streamable-http' },
  { method: 'run_http_async', transport: 'streamable-http' },
  { method: 'sse_app', transport: 'sse' },
  { method: 'streamable_http_app', transport: 'streamable-http' },
  { method: 'http_app', transport: null, fallback: 'streamable-http' },
];

/** Module-level transport helpers; they apply to every low-level `Server` in the file. */
export const MCP_TRANSPORT_CALLS: ReadonlyArray<{ readonly qualified: string; readonly transport: string }> = [
  { qualified: 'mcp.server.stdio.stdio_server', transport: 'stdio' },
  { qualified: 'mcp.server.sse.SseServerTransport', transport: 'sse' },
  { qualified: 'mcp.server.streamable_http_manager.StreamableHTTPSessionManager', transport: 'streamable-http' },
  { qualified: 'mcp.server.streamable_http.StreamableHTTPServerTransport', transport: 'streamable-http' },
];

/** Transport spellings → the vocabulary of detectors/README.md. */
export const TRANSPORT_ALIASES: Readonly<Record<string, string>> = {
  stdio: 'stdio', sse: 'sse', http: 'streamable-http', 'streamable-http': 'streamable-http', streamable_http: 'streamable-http', websocket: 'websocket',
};

export type ClientShape = 'stdio-params' | 'url' | 'server-dict' | 'params-dict' | 'mapping' | 'fastmcp-client';

/** MCP client-side calls that name a server to connect to. Source: anchors-mission.md §2b, SDK docs. */
export const MCP_CLIENT_CALLS: ReadonlyArray<{ readonly names: readonly string[]; readonly packages: readonly string[]; readonly shape: ClientShape; readonly transport?: string; readonly source: string }> = [
  { names: ['StdioServerParameters'], packages: ['mcp', 'google.adk'], shape: 'stdio-params', transport: 'stdio', source: 'mcp python-sdk client docs; google-adk McpToolset' },
  { names: ['StdioTransport'], packages: ['fastmcp'], shape: 'stdio-params', transport: 'stdio', source: 'fastmcp client transports' },
  { names: ['sse_client'], packages: ['mcp'], shape: 'url', transport: 'sse', source: 'mcp.client.sse' },
  { names: ['streamablehttp_client', 'streamable_http_client'], packages: ['mcp'], shape: 'url', transport: 'streamable-http', source: 'mcp.client.streamable_http' },
  { names: ['websocket_client'], packages: ['mcp'], shape: 'url', transport: 'websocket', source: 'mcp.client.websocket' },
  { names: ['SseConnectionParams', 'SseServerParams'], packages: ['google.adk'], shape: 'url', transport: 'sse', source: 'google-adk mcp_session_manager' },
  { names: ['StreamableHTTPConnectionParams', 'StreamableHTTPServerParams'], packages: ['google.adk'], shape: 'url', transport: 'streamable-http', source: 'google-adk mcp_session_manager' },
  { names: ['StdioServerParams'], packages: ['autogen_ext'], shape: 'stdio-params', transport: 'stdio', source: 'autogen_ext.tools.mcp (a StdioServerParameters subclass)' },
  { names: ['SseServerParams'], packages: ['autogen_ext'], shape: 'url', transport: 'sse', source: 'autogen_ext.tools.mcp' },
  { names: ['StreamableHttpServerParams'], packages: ['autogen_ext'], shape: 'url', transport: 'streamable-http', source: 'autogen_ext.tools.mcp' },
  { names: ['SSEServerParams'], packages: ['mistralai'], shape: 'url', transport: 'sse', source: 'mistralai.extra.mcp.sse' },
  { names: ['StreamableHTTPServerParams'], packages: ['mistralai'], shape: 'url', transport: 'streamable-http', source: 'mistralai.extra.mcp.streamable_http' },
  { names: ['MultiServerMCPClient'], packages: ['langchain_mcp_adapters'], shape: 'server-dict', source: 'langchain-mcp-adapters README' },
  { names: ['MCPServerStdio'], packages: ['agents'], shape: 'params-dict', transport: 'stdio', source: 'openai-agents mcp docs' },
  { names: ['MCPServerSse'], packages: ['agents'], shape: 'params-dict', transport: 'sse', source: 'openai-agents mcp docs' },
  { names: ['MCPServerStreamableHttp'], packages: ['agents'], shape: 'params-dict', transport: 'streamable-http', source: 'openai-agents mcp docs' },
  { names: ['Client'], packages: ['fastmcp'], shape: 'fastmcp-client', source: 'fastmcp Client docs' },
  { names: ['MCPClient', 'from_mcp'], packages: ['smolagents'], shape: 'mapping', source: 'smolagents MCPClient / ToolCollection.from_mcp docs (dict or list of dicts; StdioServerParameters is read on its own)' },
];

// MCP launchers and runners (`npx -y pkg`, `python server.py`) live in ../shared/mcp-launchers.ts.

/** Modules outside the AI catalog whose imports still make a file worth reading (MCP client APIs). */
export const EXTRA_MODULE_PREFIXES: readonly string[] = ['agents.mcp'];
