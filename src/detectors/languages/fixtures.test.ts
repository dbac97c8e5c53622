import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { manifestsDetector } from '../manifests/index.ts';
import { languagesDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('languages detector on fixtures', () => {
  it('polyglot: SDK imports and model ids in all six languages', () => {
    const r = detectTree(fixture('polyglot'), languagesDetector);
    expect(names(r.assets, 'sdk')).toEqual([
      'Azure.AI.OpenAI', 'Microsoft.Extensions.AI', 'ModelContextProtocol', 'ModelContextProtocol.AspNetCore', 'OpenAI', 'Pgvector', 'async-openai', 'com.anthropic:anthropic-java',
      'com.google.ai.client.generativeai:generativeai', 'com.google.firebase:firebase-ai', 'com.pgvector:pgvector', 'dev.langchain4j:langchain4j', 'dev.langchain4j:langchain4j-mcp',
      'dev.langchain4j:langchain4j-open-ai', 'fast-mcp', 'github.com/amikos-tech/chroma-go', 'github.com/mark3labs/mcp-go', 'github.com/milvus-io/milvus/client/v2', 'github.com/modelcontextprotocol/go-sdk',
      'github.com/openai/openai-go/v3', 'github.com/pgvector/pgvector-go', 'github.com/philippgille/chromem-go', 'github.com/pinecone-io/go-pinecone/v3', 'github.com/qdrant/go-client',
      'github.com/tmc/langchaingo', 'github.com/weaviate/weaviate-go-client/v5', 'io.github.amikos-tech:chromadb-java-client', 'io.milvus:milvus-sdk-java', 'io.modelcontextprotocol.sdk:mcp',
      'io.modelcontextprotocol:kotlin-sdk', 'io.pinecone:pinecone-client', 'io.qdrant:client', 'io.weaviate:client', 'mcp', 'org.springaicommunity:mcp-annotations',
      'org.springframework.ai:spring-ai-client-chat', 'org.springframework.ai:spring-ai-model', 'org.springframework.ai:spring-ai-openai', 'rmcp', 'ruby-openai',
    ]);
    expect(names(r.assets, 'model')).toEqual(['gemini-1.5-flash', 'gemini-1.5-flash-latest', 'gemini-1.5-pro', 'gemini-2.5-flash', 'gpt-4o', 'gpt-4o-mini']);
    expect(r.assets.filter((a) => a.kind === 'model').map((a) => `${a.evidence[0]?.path}:${a.evidence[0]?.line} ${a.name} ${String(a.attributes['sources'])}`).sort()).toEqual([
      'android-gemini/app/src/main/java/com/example/gemini/LegacyChat.java:10 gemini-1.5-flash call:GenerativeModel',
      'android-gemini/app/src/main/kotlin/com/example/gemini/FirebaseChat.kt:9 gemini-2.5-flash call:generativeModel',
      'android-gemini/app/src/main/kotlin/com/example/gemini/SummarizeViewModel.kt:13 gemini-1.5-flash-latest keyword:modelName',
      'android-gemini/app/src/main/kotlin/com/example/gemini/SummarizeViewModel.kt:18 gemini-1.5-pro call:GenerativeModel',
      'dotnet-console/Program.cs:9 gpt-4o call:GetChatClient',
      'go-service/main.go:21 gpt-4o-mini constant:openai.ChatModelGPT4oMini',
      'go-service/main.go:32 gpt-4o keyword:Model',
      'java-spring-ai/src/main/java/com/example/chat/ChatController.java:23 gpt-4o-mini call:model',
      'kotlin-langchain4j/src/main/kotlin/com/example/Assistant.kt:15 gpt-4o call:modelName',
      'ruby-script/summarize.rb:18 gpt-4o-mini keyword:model',
      'rust-crate/src/main.rs:17 gpt-4o call:model',
    ]);
    const mcp = r.assets.find((a) => a.name === 'github.com/mark3labs/mcp-go' && a.evidence[0]?.path === 'go-service/main.go');
    expect(mcp?.attributes).toEqual({
      ecosystem: 'go', category: 'mcp', declared: false, subpaths: ['github.com/mark3labs/mcp-go/mcp', 'github.com/mark3labs/mcp-go/server'],
    });
    expect(mcp?.evidence.map((e) => [e.line, e.snippet, e.technique, e.confidence])).toEqual([
      [9, '"github.com/mark3labs/mcp-go/mcp"', 'import', 'declared'],
      [10, 'mcpserver "github.com/mark3labs/mcp-go/server"', 'import', 'declared'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('polyglot: Java vector-database clients are vector-store SDKs, and stores where a client is constructed', () => {
    const r = detectTree(fixture('polyglot/java-vectors'), languagesDetector);
    expect(r.assets.filter((a) => a.kind === 'sdk').map((a) => `${a.name} ${String(a.attributes['category'])}`).sort()).toEqual([
      'com.pgvector:pgvector vector-store', 'io.github.amikos-tech:chromadb-java-client vector-store', 'io.milvus:milvus-sdk-java vector-store',
      'io.pinecone:pinecone-client vector-store', 'io.qdrant:client vector-store', 'io.qdrant:client vector-store', 'io.weaviate:client vector-store',
    ]);
    expect(r.assets.filter((a) => a.kind === 'vector-store').map((a) => `${a.evidence[0]?.path}:${a.evidence[0]?.line} ${a.name} ${String(a.attributes['clients'])}`).sort()).toEqual([
      'src/main/java/com/example/search/Stores.java:14 qdrant QdrantClient',
      'src/main/java/com/example/search/Stores.java:18 milvus MilvusClientV2',
      'src/main/java/com/example/search/Stores.java:22 pinecone Pinecone',
      'src/main/java/com/example/search/Stores.java:26 pgvector PGvector.addVectorType',
      'src/main/java/com/example/search/Stores.java:30 chroma Client',
      'src/main/kotlin/com/example/search/Weaviate.kt:6 weaviate WeaviateClient',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('polyglot: Go vector-database clients and LangChainGo stores are vector stores where constructed; types, blank imports and look-alikes are not', () => {
    const r = detectTree(fixture('polyglot/go-vectors'), languagesDetector);
    expect(r.assets.filter((a) => a.kind === 'vector-store').map((a) => `${a.evidence.map((e) => `${e.path}:${e.line}`).join(',')} ${a.name} ${String(a.attributes['clients'])}`).sort()).toEqual([
      'rag/index.go:12 qdrant vectorstores/qdrant.New',
      'rag/index.go:16 pgvector vectorstores/pgvector.New',
      'search/stores.go:22 qdrant qdrant.NewClient',
      'search/stores.go:26 weaviate weaviate.NewClient',
      'search/stores.go:30 milvus milvusclient.New',
      'search/stores.go:34 pinecone pinecone.NewClient',
      'search/stores.go:38 chromem chromem.NewPersistentDB',
      'search/stores.go:42 chroma api/v2.NewHTTPClient',
      'search/stores.go:46,search/stores.go:49 pgvector pgvector-go/pgx.RegisterTypes,pgvector.NewVector',
    ]);
    expect(r.assets.filter((a) => a.kind === 'vector-store').every((a) => a.evidence.every((e) => e.technique === 'call-site' && e.confidence === 'declared'))).toBe(true);
    expect(r.assets.filter((a) => a.evidence.some((e) => e.path === 'traps/traps.go')).map((a) => a.kind)).toEqual(['sdk', 'sdk']);
    expect(r.diagnostics).toEqual([]);
  });

  it('polyglot: the manifests and the imports agree on ids where a manifest declares the package', () => {
    const code = detectTree(fixture('polyglot'), languagesDetector).assets.filter((a) => a.kind === 'sdk');
    const declared = detectTree(fixture('polyglot'), manifestsDetector).assets;
    const shared = [...new Set(code.filter((a) => declared.some((d) => d.id === a.id)).map((a) => a.name))].sort();
    // Spring AI: the pom declares the starter, the code imports the artifacts it pulls in; OpenAI
    // (under Azure.AI.OpenAI) is not declared at all, mcp-go only in go-mcp/go.mod. The Rails apps of ruby-mcp/ declare
    // the MCP gems in their Gemfiles; other folders' files require them. The Android app declares both Gemini
    // client SDKs in build.gradle.kts (firebase-ai without a version, under the Firebase BoM).
    expect(shared).toEqual([
      'Azure.AI.OpenAI', 'ModelContextProtocol', 'ModelContextProtocol.AspNetCore', 'Pgvector', 'async-openai', 'com.google.ai.client.generativeai:generativeai', 'com.google.firebase:firebase-ai', 'com.pgvector:pgvector',
      'dev.langchain4j:langchain4j-mcp', 'fast-mcp', 'github.com/amikos-tech/chroma-go', 'github.com/mark3labs/mcp-go', 'github.com/milvus-io/milvus/client/v2', 'github.com/modelcontextprotocol/go-sdk', 'github.com/openai/openai-go/v3',
      'github.com/pgvector/pgvector-go', 'github.com/philippgille/chromem-go', 'github.com/pinecone-io/go-pinecone/v3', 'github.com/qdrant/go-client', 'github.com/tmc/langchaingo',
      'github.com/weaviate/weaviate-go-client/v5', 'io.github.amikos-tech:chromadb-java-client', 'io.milvus:milvus-sdk-java', 'io.modelcontextprotocol.sdk:mcp', 'io.pinecone:pinecone-client',
      'io.qdrant:client', 'io.weaviate:client', 'mcp', 'rmcp',
    ]);
    expect(declared.filter((a) => a.name.startsWith('com.google.firebase:')).map((a) => a.name)).toEqual(['com.google.firebase:firebase-ai']);
  });

  it('polyglot: .NET Aspire integrations and pgvector-dotnet under central package management', () => {
    const declared = detectTree(fixture('polyglot/dotnet-aspire'), manifestsDetector).assets;
    expect(declared.map((a) => `${a.evidence[0]?.path} ${a.name} ${String(a.attributes['category'])} ${String(a.attributes['scopes'])}`).sort()).toEqual([
      'AppHost/AppHost.csproj Aspire.Hosting.Azure.CognitiveServices serving runtime',
      'AppHost/AppHost.csproj CommunityToolkit.Aspire.Hosting.Ollama serving runtime',
      'Catalog/Catalog.csproj Aspire.Azure.AI.OpenAI llm-provider runtime',
      'Catalog/Catalog.csproj CommunityToolkit.Aspire.OllamaSharp llm-provider runtime',
      'Catalog/Catalog.csproj Pgvector vector-store runtime',
      'Catalog/Catalog.csproj Pgvector.EntityFrameworkCore vector-store runtime',
      'Directory.Packages.props Aspire.Azure.AI.OpenAI llm-provider managed',
      'Directory.Packages.props Aspire.Hosting.Azure.CognitiveServices serving managed',
      'Directory.Packages.props CommunityToolkit.Aspire.Hosting.Ollama serving managed',
      'Directory.Packages.props CommunityToolkit.Aspire.OllamaSharp llm-provider managed',
      'Directory.Packages.props Pgvector vector-store managed',
      'Directory.Packages.props Pgvector.EntityFrameworkCore vector-store managed',
    ]);
    const r = detectTree(fixture('polyglot/dotnet-aspire'), languagesDetector);
    // `using Pgvector;` is the declared package's id; a Vector built from it is the store, a Vector-typed
    // property is not, and System.Numerics vectors (Scoring.cs) are arithmetic.
    expect(r.assets.map((a) => `${a.kind} ${a.name} ${a.evidence.map((e) => `${e.path}:${e.line}`).join(',')}`).sort()).toEqual([
      'sdk Microsoft.Extensions.AI Catalog/ProductEmbeddings.cs:1',
      'sdk Pgvector Catalog/ProductEmbeddings.cs:2',
      'vector-store pgvector Catalog/ProductEmbeddings.cs:14',
    ]);
    expect(r.assets.find((a) => a.name === 'Pgvector')?.id).toBe(declared.find((a) => a.name === 'Pgvector')?.id);
    expect(r.diagnostics).toEqual([]);
  });

  it('negative-controls (all areas, languages/ traps included): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), languagesDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});

describe('MCP servers Java and Kotlin code connects to', () => {
  it('MCP Java SDK and LangChain4j transports: client connections shaped as the Python detector records them', () => {
    const r = detectTree(fixture('polyglot/java-mcp-client'), languagesDetector);
    const at = (a: { evidence: readonly { path?: string; line?: number }[] }): string => a.evidence.map((e) => `${e.path?.split('/').pop()}:${e.line}`).join(',');
    expect(r.assets.filter((a) => a.kind === 'mcp-server').map((a) => [at(a), a.name, a.attributes]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['Fetch.kt:9', 'mcp-server-fetch', {
        role: 'client-connection', command: 'uvx', args: ['mcp-server-fetch==2025.4.7'], transport: 'stdio', envNames: ['FETCH_API_KEY'],
        package: 'mcp-server-fetch', packageEcosystem: 'pypi', packageVersions: ['==2025.4.7'],
      }],
      ['GitTools.java:11', 'mcp-server-git', { role: 'client-connection', command: 'uvx', args: ['mcp-server-git', '--repository', '<expr>'], transport: 'stdio', package: 'mcp-server-git', packageEcosystem: 'pypi' }],
      ['ToolServers.java:16', '@modelcontextprotocol/server-filesystem', {
        role: 'client-connection', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '<expr>'], transport: 'stdio', envNames: ['FS_AUDIT_TOKEN'],
        package: '@modelcontextprotocol/server-filesystem', packageEcosystem: 'npm', packageVersions: ['2025.7.1'],
      }],
      ['ToolServers.java:24', 'search.internal', { role: 'client-connection', url: 'http://search.internal:8080/mcp/sse', transport: 'sse' }],
      ['ToolServers.java:31', 'tickets.example.com', { role: 'client-connection', url: 'https://tickets.example.com/mcp', transport: 'streamable-http' }],
    ]);
    expect(r.assets.filter((a) => a.kind === 'mcp-server').every((a) => a.evidence.every((e) => e.technique === 'call-site' && e.confidence === 'declared'))).toBe(true);
    expect(r.assets.filter((a) => a.evidence.some((e) => e.path?.endsWith('Traps.java'))).map((a) => a.kind)).toEqual(['sdk']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('Go MCP servers and tools', () => {
  it('mcp-go and the official Go SDK: servers, tools, transports and PROVIDES, as the JS/Python detectors emit them', () => {
    const r = detectTree(fixture('polyglot/go-mcp'), languagesDetector);
    const byId = new Map(r.assets.map((a) => [a.id, a]));
    expect(r.assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.confidence}`)])).toEqual([
      ['greeter', { role: 'implemented', sdk: 'github.com/modelcontextprotocol/go-sdk', api: 'Server', transports: ['stdio'] }, ['cmd/greeter/main.go:20 declared', 'cmd/greeter/main.go:22 declared']],
      ['issues', { role: 'implemented', sdk: 'github.com/modelcontextprotocol/go-sdk', api: 'Server', inferredFrom: 'folder' }, ['pkg/issues/tools.go:17 inferred']],
      ['weather', { role: 'implemented', sdk: 'github.com/mark3labs/mcp-go', api: 'MCPServer', transports: ['stdio'] }, ['weather/main.go:15 declared', 'weather/main.go:26 declared']],
    ]);
    expect(r.relationships.map((rel) => `${rel.type} ${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}: ${String(byId.get(rel.to)?.attributes['description'])}`)).toEqual([
      'PROVIDES greeter -> greet: say hi',
      'PROVIDES issues -> create_issue: Create a new issue in a repository',
      'PROVIDES issues -> get_issue: Get details of an issue',
      'PROVIDES weather -> get_forecast: Get the weather forecast for a city',
    ]);
    expect(r.assets.filter((a) => a.kind === 'tool').map((a) => a.evidence[0]?.line)).toEqual([21, 17, 25, 17]);
    expect(r.diagnostics).toEqual([]);
  });
});

/** Servers with their attributes and evidence, and each PROVIDES edge with the tool's description. */
function mcpOf(folder: string): { servers: unknown[]; provides: string[]; toolLines: string[]; diagnostics: unknown[] } {
  const r = detectTree(fixture(folder), languagesDetector);
  const byId = new Map(r.assets.map((a) => [a.id, a]));
  return {
    servers: r.assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.confidence}`)]),
    provides: r.relationships.map((rel) => `${rel.type} ${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}: ${String(byId.get(rel.to)?.attributes['description'])}`),
    toolLines: r.assets.filter((a) => a.kind === 'tool').map((a) => `${a.name} ${a.evidence[0]?.path}:${a.evidence[0]?.line}`),
    diagnostics: r.diagnostics,
  };
}

describe('C# MCP servers and tools', () => {
  it('AddMcpServer (named or not), [McpServerTool] methods named as the SDK derives them, transports and PROVIDES', () => {
    const { servers, provides, toolLines, diagnostics } = mcpOf('polyglot/csharp-mcp');
    const sdk = { role: 'implemented', sdk: 'ModelContextProtocol', api: 'McpServer' };
    expect(servers).toEqual([
      // Unnamed in a nested folder: the nearest enclosing Billing.Mcp.csproj names it (its <AssemblyName> is not a literal: the file stem), not `Startup`.
      ['Billing.Mcp', { ...sdk, transports: ['streamable-http'] }, ['Billing/Startup/McpRegistration.cs:8 inferred', 'Billing/Startup/McpRegistration.cs:9 declared']],
      // `Name = Names.Server`: a `const string` of the same file (a plain static field would not be read).
      ['inventory-mcp', { ...sdk, transports: ['stdio'] }, ['Inventory/Program.cs:7 declared', 'Inventory/Program.cs:11 declared']],
      // Program.cs uses no MCP namespace: AddMcpServer alone is the server, named by ServerInfo.
      ['notes', { ...sdk, transports: ['stdio'] }, ['NotesServer/Program.cs:8 declared', 'NotesServer/Program.cs:12 declared']],
      // The tool class's file declares no server: one inferred from its project, NotesServer.csproj (the pipeline folds it into `notes`).
      ['NotesServer', { ...sdk, inferredFrom: 'project' }, ['NotesServer/Tools/NoteTools.cs:9 inferred']],
      // No ServerInfo: named after the project, as the SDK names it after the assembly.
      // The transport is chained on the construction's line: that line is quoted once (emit.ts).
      ['OpsGateway', { ...sdk, transports: ['streamable-http'] }, ['OpsGateway/Program.cs:7 inferred']],
      // Two folders below Contoso.Relay.csproj: its literal <AssemblyName> (not the commented-out one) names it, not the
      // `Hosting` folder, nor Plugins.csproj in a sibling folder, which is nearer but does not enclose the file.
      ['contoso-relay', { ...sdk, transports: ['stdio'] }, ['Relay/src/Hosting/Server/McpSetup.cs:10 inferred']],
      // Tools of the same project in a file without a server: inferred after the project too, so one key with the server above.
      ['contoso-relay', { ...sdk, inferredFrom: 'project' }, ['Relay/src/Hosting/Server/Tools/RelayTools.cs:9 inferred']],
    ]);
    expect(provides).toEqual([
      'PROVIDES NotesServer -> append_to_note: Appends text to a note.',
      // Not a task: the Async suffix stays; a description from a constant is not read.
      'PROVIDES NotesServer -> get_html_summary_async: undefined',
      'PROVIDES NotesServer -> list_notes: Lists the notes in a folder.',
      'PROVIDES NotesServer -> purge_note: Deletes a note from disk.',
      'PROVIDES OpsGateway -> run_command: Runs a shell command on the host.',
      'PROVIDES contoso-relay -> forward: Forwards a message to a channel.',
    ]);
    // Traps.cs: a commented-out AddMcpServer and tool, [Description] on a plain class, McpServerTool as a type and a factory.
    expect(toolLines).not.toContainEqual(expect.stringContaining('Traps.cs'));
    expect(servers.flatMap((s) => (s as [string, unknown, string[]])[2]).some((e) => e.includes('Traps.cs'))).toBe(false);
    expect(diagnostics).toEqual([]);
  });
});

describe('Rust MCP servers and tools (rmcp)', () => {
  it('ServerHandler impls and #[tool_router(server_handler)], #[tool] methods in #[tool_router] blocks, doc-comment descriptions', () => {
    const { servers, provides, toolLines, diagnostics } = mcpOf('polyglot/rust-mcp');
    const sdk = { role: 'implemented', sdk: 'rmcp', api: 'ServerHandler' };
    expect(servers).toEqual([
      // server_handler writes the impl; unnamed, from_build_env names it after the crate (its folder).
      ['counter', { ...sdk, transports: ['stdio'] }, ['counter/src/main.rs:14 inferred', 'counter/src/main.rs:31 declared']],
      // Implementation::new("file-tools", ...) inside the impl; stdio() is in main.rs, another file.
      ['file-tools', sdk, ['files/src/tools.rs:47 declared']],
    ]);
    expect(provides).toEqual([
      'PROVIDES counter -> get_value: Get the current counter value',
      'PROVIDES counter -> increment: Increment the counter by 1',
      'PROVIDES file-tools -> delete_file: Delete a file',
      'PROVIDES file-tools -> read_file: Reads a file.\nReturns its text.',
      'PROVIDES file-tools -> write_file: Write text to a file',
    ]);
    // plugin/: another crate's #[tool] / #[tool_router] (no rmcp import), a #[tool] outside a router block, a client's Implementation.
    expect(toolLines.filter((t) => t.includes('plugin/'))).toEqual([]);
    expect(toolLines).toEqual(['get_value counter/src/main.rs:22', 'increment counter/src/main.rs:16', 'delete_file files/src/tools.rs:33', 'read_file files/src/tools.rs:22', 'write_file files/src/tools.rs:27']);
    expect(diagnostics).toEqual([]);
  });
});

describe('Ruby MCP servers and tools (mcp, fast-mcp)', () => {
  it('servers, tool classes named as each gem derives them, Tool.define / define_tool, transports and PROVIDES; traps read as nothing', () => {
    const { servers, provides, toolLines, diagnostics } = mcpOf('polyglot/ruby-mcp');
    const mcp = { role: 'implemented', sdk: 'mcp', api: 'MCP::Server' };
    const fast = { role: 'implemented', sdk: 'fast-mcp', api: 'FastMcp::Server' };
    expect(servers).toEqual([
      // `server.start` on the FastMcp::Server the file builds: stdio.
      ['files', { ...fast, transports: ['stdio'] }, ['files-fast/server.rb:4 declared', 'files-fast/server.rb:42 declared']],
      // Rails tool classes (no require, `< ApplicationTool`) declare no server: one inferred per file from the app folder.
      ['notes-rails', { ...mcp, inferredFrom: 'folder' }, ['notes-rails/app/tools/delete_note_tool.rb:1 inferred']],
      ['notes-rails', { ...mcp, inferredFrom: 'folder' }, ['notes-rails/app/tools/list_notes_tool.rb:1 inferred']],
      ['notes', { ...mcp, transports: ['streamable-http'] }, ['notes-rails/config/routes.rb:2 declared', 'notes-rails/config/routes.rb:7 declared']],
      ['ops-stdio', { ...mcp, transports: ['stdio'] }, ['ops-stdio/server.rb:34 declared', 'ops-stdio/server.rb:44 declared']],
      ['shop-rails', { ...fast, inferredFrom: 'folder' }, ['shop-rails/app/tools/refund_order_tool.rb:1 inferred']],
      // mount_in_rails named after the Rails app (not a literal): the app folder; its Rack transport is SSE.
      ['shop-rails', { ...fast, transports: ['sse'] }, ['shop-rails/config/initializers/fast_mcp.rb:3 inferred']],
    ]);
    expect(provides).toEqual([
      'PROVIDES files -> AdminReadFile: Reads a file',
      'PROVIDES files -> searchfiles: Finds files by name',
      'PROVIDES files -> WriteFileTool: Writes text to a file',
      'PROVIDES notes-rails -> delete_note_tool: Deletes a note\nby its id.',
      'PROVIDES notes-rails -> list_notes: Lists the notes of the signed-in user',
      'PROVIDES ops-stdio -> disk_usage: Reports disk usage per mount point',
      'PROVIDES ops-stdio -> echo: Echoes its message back',
      'PROVIDES ops-stdio -> purge_cache: Deletes every cached page',
      'PROVIDES ops-stdio -> run_shell_command: Runs a shell command on the host and returns its output',
      'PROVIDES shop-rails -> RefundOrderTool: Refunds an order in full',
    ]);
    // Base classes (`ApplicationTool < MCP::Tool`, `< ActionTool::Base`), RubyLLM tools (chat-llm/) and traps.rb: no tool.
    expect(toolLines.filter((t) => /application_tool|chat-llm|traps/.test(t))).toEqual([]);
    expect(toolLines).toContain('purge_cache ops-stdio/server.rb:29');
    expect(servers.flatMap((s) => (s as [string, unknown, string[]])[2]).some((e) => /chat-llm|traps/.test(e))).toBe(false);
    expect(diagnostics).toEqual([]);
  });
});
