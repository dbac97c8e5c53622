/**
 * Import → package tables for Go, Java/Kotlin, C#, Ruby and Rust. Code names packages by import
 * path, package, namespace, require name or crate identifier; manifests name them by module,
 * artifact, gem or crate. These tables bridge the two so an import and a manifest entry of the
 * same package get the same key. Every target must be a row of `shared/ai-packages.ts` (a test
 * checks). Sources: the SDKs' own READMEs and source trees (package/namespace names), the
 * registries for artifact names; `inferred` marks a best guess (the prefix spans several artifacts).
 */

/** How sure a mapping is: `exact` (the prefix lives in that package) or `inferred` (a guess). */
export type Certainty = 'exact' | 'inferred';

export interface PrefixRow {
  /** Dotted package / namespace prefix, matched on whole segments. */
  readonly prefix: string;
  /** Package as published (Maven `group:artifact`, NuGet id); `{n}` = the first n segments of the import. */
  readonly pkg: string;
  readonly certainty: Certainty;
  readonly source: string;
}

type Row = readonly [prefix: string, pkg: string, source: string, certainty?: Certainty];

const toRows = (rows: readonly Row[]): PrefixRow[] => rows.map(([prefix, pkg, source, certainty]) => ({ prefix, pkg, source, certainty: certainty ?? 'exact' }));

const L4J = 'dev.langchain4j:langchain4j';
const SPRING = 'org.springframework.ai:spring-ai';

/** Java and Kotlin package prefixes → Maven `group:artifact`. Longest prefix wins. */
export const JVM_PACKAGES: readonly PrefixRow[] = toRows([
  ['com.openai', 'com.openai:openai-java', 'openai-java README'],
  ['com.anthropic', 'com.anthropic:anthropic-java', 'anthropic-sdk-java README'],
  ['com.google.genai', 'com.google.genai:google-genai', 'java-genai README'],
  ['com.google.cloud.vertexai', 'com.google.cloud:google-cloud-vertexai', 'google-cloud-java vertexai'],
  ['com.google.cloud.aiplatform', 'com.google.cloud:google-cloud-aiplatform', 'google-cloud-java aiplatform'],
  ['com.azure.ai.openai', 'com.azure:azure-ai-openai', 'azure-sdk-for-java'],
  ['com.azure.ai.inference', 'com.azure:azure-ai-inference', 'azure-sdk-for-java'],
  ['software.amazon.awssdk.services.bedrockruntime', 'software.amazon.awssdk:bedrockruntime', 'aws-sdk-java-v2'],
  ['software.amazon.awssdk.services.bedrockagentruntime', 'software.amazon.awssdk:bedrockagentruntime', 'aws-sdk-java-v2'],
  ['io.github.sashirestela.openai', 'io.github.sashirestela:simple-openai', 'simple-openai README'],
  ['com.theokanning.openai', 'com.theokanning.openai-gpt3-java:service', 'openai-java (TheoKanning) README', 'inferred'],
  ['com.aallam.openai', 'com.aallam.openai:openai-client', 'openai-kotlin README'],
  ['ai.koog', 'ai.koog:koog-agents', 'koog README', 'inferred'],
  ['com.google.ai.client.generativeai', 'com.google.ai.client.generativeai:generativeai', 'generative-ai-android README'],
  ['com.google.firebase.vertexai', 'com.google.firebase:firebase-vertexai', 'firebase-android-sdk firebase-vertexai'],
  ['com.google.firebase.ai', 'com.google.firebase:firebase-ai', 'firebase-android-sdk firebase-ai'],
  ['io.qdrant.client', 'io.qdrant:client', 'qdrant java-client README'],
  ['com.azure.search.documents', 'com.azure:azure-search-documents', 'azure-sdk-for-java (Azure AI Search)'],
  // io.milvus.bulkwriter lives in a separate artifact (milvus-sdk-java-bulkwriter); the rest of io.milvus in the SDK.
  ['io.milvus', 'io.milvus:milvus-sdk-java', 'milvus-sdk-java source tree', 'inferred'],
  ['io.milvus.client', 'io.milvus:milvus-sdk-java', 'milvus-sdk-java README (v1 MilvusServiceClient)'],
  ['io.milvus.v2', 'io.milvus:milvus-sdk-java', 'milvus-sdk-java README (v2 MilvusClientV2)'],
  ['io.pinecone', 'io.pinecone:pinecone-client', 'pinecone-java-client README'],
  ['com.pgvector', 'com.pgvector:pgvector', 'pgvector-java README'],
  ['io.weaviate.client', 'io.weaviate:client', 'weaviate java-client README'],
  ['tech.amikos.chromadb', 'io.github.amikos-tech:chromadb-java-client', 'chromadb-java-client README'],
  ['io.modelcontextprotocol', 'io.modelcontextprotocol.sdk:mcp', 'MCP java-sdk README'],
  ['io.modelcontextprotocol.kotlin', 'io.modelcontextprotocol:kotlin-sdk', 'MCP kotlin-sdk README (io.modelcontextprotocol.kotlin.sdk packages)'],
  ['org.springaicommunity.mcp', 'org.springaicommunity:mcp-annotations', 'spring-ai-community mcp-annotations README (@McpTool)'],
  ['com.microsoft.semantickernel', 'com.microsoft.semantic-kernel:semantickernel-api', 'semantic-kernel-java', 'inferred'],
  ['com.microsoft.semantickernel.aiservices.openai', 'com.microsoft.semantic-kernel:semantickernel-aiservices-openai', 'semantic-kernel-java'],
  ['ai.djl', 'ai.djl:api', 'djl README', 'inferred'],
  ['ai.onnxruntime', 'com.microsoft.onnxruntime:onnxruntime', 'onnxruntime Java API docs'],
  ['org.tensorflow', 'org.tensorflow:tensorflow-core-api', 'tensorflow/java', 'inferred'],
  // LangChain4j: core types (data, model.chat, memory, rag...) span langchain4j-core and langchain4j;
  // apps declare `langchain4j`, which brings core, so unknown packages map there (inferred).
  ['dev.langchain4j', L4J, 'langchain4j module layout', 'inferred'],
  ['dev.langchain4j.service', L4J, 'langchain4j module layout (AiServices)'],
  ['dev.langchain4j.model.openai', `${L4J}-open-ai`, 'langchain4j module layout'],
  ['dev.langchain4j.model.anthropic', `${L4J}-anthropic`, 'langchain4j module layout'],
  ['dev.langchain4j.model.ollama', `${L4J}-ollama`, 'langchain4j module layout'],
  ['dev.langchain4j.model.googleai', `${L4J}-google-ai-gemini`, 'langchain4j module layout'],
  ['dev.langchain4j.model.vertexai', `${L4J}-vertex-ai-gemini`, 'langchain4j module layout (shared with langchain4j-vertex-ai)', 'inferred'],
  ['dev.langchain4j.model.vertexai.gemini', `${L4J}-vertex-ai-gemini`, 'langchain4j module layout'],
  ['dev.langchain4j.model.azure', `${L4J}-azure-open-ai`, 'langchain4j module layout'],
  ['dev.langchain4j.model.mistralai', `${L4J}-mistral-ai`, 'langchain4j module layout'],
  ['dev.langchain4j.model.bedrock', `${L4J}-bedrock`, 'langchain4j module layout'],
  ['dev.langchain4j.model.huggingface', `${L4J}-hugging-face`, 'langchain4j module layout'],
  ['dev.langchain4j.model.github', `${L4J}-github-models`, 'langchain4j module layout'],
  ['dev.langchain4j.model.embedding.onnx.allminilml6v2', `${L4J}-embeddings-all-minilm-l6-v2`, 'langchain4j-embeddings module layout'],
  ['dev.langchain4j.model.embedding.onnx.bgesmallenv15q', `${L4J}-embeddings-bge-small-en-v15-q`, 'langchain4j-embeddings module layout'],
  ['dev.langchain4j.mcp', `${L4J}-mcp`, 'langchain4j module layout'],
  ['dev.langchain4j.agentic', `${L4J}-agentic`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.pgvector', `${L4J}-pgvector`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.chroma', `${L4J}-chroma`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.qdrant', `${L4J}-qdrant`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.pinecone', `${L4J}-pinecone`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.milvus', `${L4J}-milvus`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.weaviate', `${L4J}-weaviate`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.redis', `${L4J}-redis`, 'langchain4j module layout'],
  ['dev.langchain4j.store.embedding.elasticsearch', `${L4J}-elasticsearch`, 'langchain4j module layout'],
  // Spring AI: apps declare starters (`spring-ai-starter-model-openai`) that pull these artifacts in;
  // the import names the artifact that holds the package. Core packages map to spring-ai-model (inferred).
  ['org.springframework.ai', `${SPRING}-model`, 'spring-ai module layout (1.0)', 'inferred'],
  ['org.springframework.ai.chat.client', `${SPRING}-client-chat`, 'spring-ai module layout (1.0)'],
  ['org.springframework.ai.openai', `${SPRING}-openai`, 'spring-ai module layout'],
  ['org.springframework.ai.anthropic', `${SPRING}-anthropic`, 'spring-ai module layout'],
  ['org.springframework.ai.ollama', `${SPRING}-ollama`, 'spring-ai module layout'],
  ['org.springframework.ai.azure.openai', `${SPRING}-azure-openai`, 'spring-ai module layout'],
  ['org.springframework.ai.mistralai', `${SPRING}-mistral-ai`, 'spring-ai module layout'],
  ['org.springframework.ai.vertexai.gemini', `${SPRING}-vertex-ai-gemini`, 'spring-ai module layout'],
  ['org.springframework.ai.bedrock.converse', `${SPRING}-bedrock-converse`, 'spring-ai module layout'],
  ['org.springframework.ai.mcp', `${SPRING}-mcp`, 'spring-ai module layout'],
  ['org.springframework.ai.vectorstore', `${SPRING}-vector-store`, 'spring-ai module layout (1.0)'],
  ['org.springframework.ai.vectorstore.pgvector', `${SPRING}-pgvector-store`, 'spring-ai module layout'],
]);

/**
 * C# namespace prefixes → NuGet package ids. `{4}` takes the first four segments of the namespace,
 * for families whose packages are named after their namespaces (Semantic Kernel connectors, plugins).
 */
export const NUGET_NAMESPACES: readonly PrefixRow[] = toRows([
  ['OpenAI', 'OpenAI', 'openai-dotnet README'],
  ['OpenAI_API', 'OpenAI', 'OpenAI-API-dotnet README (package OpenAI 1.x)'],
  ['OpenAI.GPT3', 'Betalgo.OpenAI', 'Betalgo.OpenAI README (6.x namespaces)'],
  ['OpenAI.Managers', 'Betalgo.OpenAI', 'Betalgo.OpenAI README (7.x/8.x namespaces)'],
  ['OpenAI.ObjectModels', 'Betalgo.OpenAI', 'Betalgo.OpenAI README (7.x/8.x namespaces)'],
  ['OpenAI.Interfaces', 'Betalgo.OpenAI', 'Betalgo.OpenAI README (7.x/8.x namespaces)'],
  ['Betalgo.Ranul.OpenAI', 'Betalgo.Ranul.OpenAI', 'Betalgo.Ranul.OpenAI README'],
  ['Azure.AI.OpenAI', 'Azure.AI.OpenAI', 'azure-sdk-for-net'],
  ['Azure.AI.Inference', 'Azure.AI.Inference', 'azure-sdk-for-net'],
  ['Azure.AI.Projects', 'Azure.AI.Projects', 'azure-sdk-for-net'],
  ['Anthropic', 'Anthropic', 'anthropic-sdk-csharp README'],
  ['Anthropic.SDK', 'Anthropic.SDK', 'Anthropic.SDK README (community)'],
  ['Microsoft.SemanticKernel', 'Microsoft.SemanticKernel', 'semantic-kernel dotnet'],
  ['Microsoft.SemanticKernel.Connectors', '{4}', 'semantic-kernel dotnet (one package per connector)'],
  ['Microsoft.SemanticKernel.Plugins', '{4}', 'semantic-kernel dotnet (one package per plugin set)'],
  ['Microsoft.SemanticKernel.Agents', 'Microsoft.SemanticKernel.Agents.Core', 'semantic-kernel dotnet', 'inferred'],
  ['Microsoft.SemanticKernel.Agents.OpenAI', 'Microsoft.SemanticKernel.Agents.OpenAI', 'semantic-kernel dotnet'],
  ['Microsoft.SemanticKernel.Agents.AzureAI', 'Microsoft.SemanticKernel.Agents.AzureAI', 'semantic-kernel dotnet'],
  ['Microsoft.Extensions.AI', 'Microsoft.Extensions.AI', 'dotnet/extensions (abstractions share the namespace)'],
  ['Microsoft.Agents.AI', 'Microsoft.Agents.AI', 'microsoft/agent-framework dotnet'],
  ['ModelContextProtocol', 'ModelContextProtocol', 'MCP csharp-sdk README'],
  ['ModelContextProtocol.AspNetCore', 'ModelContextProtocol.AspNetCore', 'MCP csharp-sdk README'],
  ['Microsoft.ML.OnnxRuntime', 'Microsoft.ML.OnnxRuntime', 'onnxruntime C# API docs'],
  ['OllamaSharp', 'OllamaSharp', 'OllamaSharp README'],
  ['LangChain', 'LangChain', 'LangChain .NET README'],
  ['Google.GenAI', 'Google.GenAI', 'googleapis/dotnet-genai README'],
  ['Google.Cloud.AIPlatform.V1', 'Google.Cloud.AIPlatform.V1', 'google-cloud-dotnet'],
  ['Amazon.BedrockRuntime', 'AWSSDK.BedrockRuntime', 'aws-sdk-net'],
  ['Amazon.BedrockAgentRuntime', 'AWSSDK.BedrockAgentRuntime', 'aws-sdk-net'],
  ['Mistral.SDK', 'Mistral.SDK', 'Mistral.SDK README (community)'],
  ['Qdrant.Client', 'Qdrant.Client', 'qdrant-dotnet README'],
  ['Azure.Search.Documents', 'Azure.Search.Documents', 'azure-sdk-for-net (Azure AI Search; .Indexes, .Models share the package)'],
  ['Pinecone', 'Pinecone.Client', 'pinecone-dotnet-client README'],
  ['Pgvector', 'Pgvector', 'pgvector-dotnet README (Pgvector, Pgvector.Npgsql)'],
  ['Pgvector.EntityFrameworkCore', 'Pgvector.EntityFrameworkCore', 'pgvector-dotnet README'],
  ['Pgvector.Dapper', 'Pgvector.Dapper', 'pgvector-dotnet README'],
]);

export interface GemRow {
  /** First segment of the required path (`require "langchain/llm"` → `langchain`). */
  readonly require: string;
  readonly gem: string;
  readonly source: string;
  /** Another gem providing the same require name, chosen when `pattern` matches the file. */
  readonly alternative?: { readonly gem: string; readonly pattern: RegExp };
}

/**
 * Ruby require names → gems. `require "openai"` is provided by two gems: ruby-openai (alexrudall;
 * `OpenAI::Client.new(access_token:)`, `client.chat(parameters: ...)`) and the official openai gem
 * (`OpenAI::Client.new(api_key:)`, `client.chat.completions.create`, `client.responses.create`).
 * The file's calls decide; a file with neither shape gets ruby-openai (the longer-established one)
 * marked inferred.
 */
export const GEMS: readonly GemRow[] = [
  {
    require: 'openai', gem: 'ruby-openai', source: 'ruby-openai README; openai-ruby README',
    alternative: { gem: 'openai', pattern: /\.(?:completions|responses|embeddings)\.create\b|\bOpenAI::(?:Models|Chat|Responses)\b|\bapi_key:/ },
  },
  { require: 'anthropic', gem: 'anthropic', source: 'anthropic-sdk-ruby README (also older alexrudall releases)' },
  { require: 'langchain', gem: 'langchainrb', source: 'langchainrb README' },
  { require: 'ruby_llm', gem: 'ruby_llm', source: 'ruby_llm README' },
  { require: 'mcp', gem: 'mcp', source: 'MCP ruby-sdk README' },
  { require: 'fast_mcp', gem: 'fast-mcp', source: 'fast-mcp README' },
  { require: 'pinecone', gem: 'pinecone', source: 'pinecone gem README' },
  { require: 'ollama-ai', gem: 'ollama-ai', source: 'ollama-ai README' },
  { require: 'gemini-ai', gem: 'gemini-ai', source: 'gemini-ai README' },
  { require: 'omniai', gem: 'omniai', source: 'omniai README' },
  { require: 'tiktoken_ruby', gem: 'tiktoken_ruby', source: 'tiktoken_ruby README' },
];

/** Rust is `use`d by library name; where it differs from `crate-name` with `-` → `_`. */
export const CRATE_LIBRARY_NAMES: readonly (readonly [library: string, crate: string, source: string])[] = [
  ['rig', 'rig-core', 'rig README (`rig-core = ...`, `use rig::...`)'],
];

