/**
 * The AI package catalog: which published packages are AI SDKs, per ecosystem.
 * Data, not code: each row names its source (research/anchors-mission.md §2a):
 *   cisco = cisco-ai-defense/aibom dependency_scanner.py AI_PACKAGES; agent-bom = ai_components/patterns.py;
 *   vet = safedep/vet signatures; registry = name checked to exist on the registry (role labelled by us).
 */

export const ECOSYSTEMS = ['npm', 'pypi', 'go', 'maven', 'cargo', 'gem', 'nuget'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const PACKAGE_CATEGORIES = ['llm-provider', 'framework', 'agent', 'mcp', 'vector-store', 'ml', 'observability', 'serving'] as const;
export type PackageCategory = (typeof PACKAGE_CATEGORIES)[number];

export interface AiPackage {
  readonly ecosystem: Ecosystem;
  /** Normalized name (see `normalizePackageName`); with `prefix`, any name starting with it. */
  readonly name: string;
  readonly prefix?: boolean;
  readonly category: PackageCategory;
  /** Vendor or product (`openai`, `anthropic`, `pinecone`), when the package is tied to one. */
  readonly provider?: string;
  readonly source: string;
}

type Row = readonly [name: string, category: PackageCategory, provider: string | undefined, source: string, prefix?: 'prefix'];

const NPM: readonly Row[] = [
  ['openai', 'llm-provider', 'openai', 'cisco,agent-bom'],
  ['@anthropic-ai/sdk', 'llm-provider', 'anthropic', 'cisco,agent-bom'],
  ['@anthropic-ai/bedrock-sdk', 'llm-provider', 'anthropic', 'registry'],
  ['@anthropic-ai/vertex-sdk', 'llm-provider', 'anthropic', 'registry'],
  ['@google/generative-ai', 'llm-provider', 'google', 'cisco,agent-bom'],
  ['@google/genai', 'llm-provider', 'google', 'registry'],
  ['@google-cloud/vertexai', 'llm-provider', 'google', 'registry'],
  ['@google-cloud/aiplatform', 'llm-provider', 'google', 'registry'],
  ['@aws-sdk/client-bedrock-runtime', 'llm-provider', 'aws-bedrock', 'registry'],
  ['@aws-sdk/client-bedrock', 'llm-provider', 'aws-bedrock', 'registry'],
  ['@aws-sdk/client-bedrock-agent-runtime', 'agent', 'aws-bedrock', 'registry'],
  ['@aws-sdk/client-bedrock-agent', 'agent', 'aws-bedrock', 'registry'],
  ['@aws-sdk/client-sagemaker-runtime', 'llm-provider', 'aws-sagemaker', 'registry'],
  ['@azure/openai', 'llm-provider', 'azure-openai', 'registry'],
  ['@azure-rest/ai-inference', 'llm-provider', 'azure-ai', 'registry'],
  ['@mistralai/mistralai', 'llm-provider', 'mistral', 'agent-bom'],
  ['cohere-ai', 'llm-provider', 'cohere', 'agent-bom'],
  ['groq-sdk', 'llm-provider', 'groq', 'agent-bom'],
  ['replicate', 'llm-provider', 'replicate', 'agent-bom'],
  ['ollama', 'llm-provider', 'ollama', 'agent-bom'],
  ['together-ai', 'llm-provider', 'together', 'registry'],
  ['@huggingface/inference', 'llm-provider', 'huggingface', 'agent-bom'],
  ['@huggingface/transformers', 'ml', 'huggingface', 'registry'],
  ['@xenova/transformers', 'ml', 'huggingface', 'registry'],
  ['@openrouter/ai-sdk-provider', 'llm-provider', 'openrouter', 'registry'],
  ['ollama-ai-provider', 'llm-provider', 'ollama', 'registry (AI SDK community provider)'],
  ['ollama-ai-provider-v2', 'llm-provider', 'ollama', 'registry (AI SDK community provider)'],
  ['ai', 'framework', 'vercel', 'cisco'],
  ['@ai-sdk/', 'framework', undefined, 'cisco (other @ai-sdk/* providers by extension)', 'prefix'],
  ['langchain', 'framework', 'langchain', 'cisco,agent-bom'],
  ['@langchain/', 'framework', 'langchain', 'cisco,agent-bom', 'prefix'],
  ['llamaindex', 'framework', 'llamaindex', 'cisco,agent-bom'],
  ['@llamaindex/', 'framework', 'llamaindex', 'registry', 'prefix'],
  ['@openai/agents', 'agent', 'openai', 'registry'],
  ['@anthropic-ai/claude-agent-sdk', 'agent', 'anthropic', 'registry'],
  ['@anthropic-ai/claude-code', 'agent', 'anthropic', 'runlayer client list'],
  ['@mastra/core', 'agent', 'mastra', 'registry'],
  ['@modelcontextprotocol/sdk', 'mcp', 'mcp', 'cisco,agent-bom'],
  ['@modelcontextprotocol/', 'mcp', 'mcp', 'runlayer client list (server-*, inspector)', 'prefix'],
  ['fastmcp', 'mcp', 'mcp', 'registry'],
  ['chromadb', 'vector-store', 'chroma', 'cisco,agent-bom'],
  ['@pinecone-database/pinecone', 'vector-store', 'pinecone', 'cisco,agent-bom'],
  ['weaviate-ts-client', 'vector-store', 'weaviate', 'cisco,agent-bom'],
  ['weaviate-client', 'vector-store', 'weaviate', 'registry'],
  ['@zilliz/milvus2-sdk-node', 'vector-store', 'milvus', 'registry'],
  ['@qdrant/js-client-rest', 'vector-store', 'qdrant', 'cisco'],
  ['@qdrant/qdrant-js', 'vector-store', 'qdrant', 'registry'],
  ['@lancedb/lancedb', 'vector-store', 'lancedb', 'registry'],
  ['@turbopuffer/turbopuffer', 'vector-store', 'turbopuffer', 'npmjs.com/package/@turbopuffer/turbopuffer (official client)'],
  ['vectordb', 'vector-store', 'lancedb', 'registry (legacy LanceDB client; shared/vector-stores.ts)'],
  ['faiss-node', 'vector-store', 'faiss', 'registry (shared/vector-stores.ts)'],
  ['pgvector', 'vector-store', 'pgvector', 'registry'],
  ['@azure/search-documents', 'vector-store', 'azure-ai-search', 'npmjs.com/package/@azure/search-documents (Azure AI Search vector indexes, as the PyPI row)'],
  ['@tensorflow/tfjs', 'ml', 'tensorflow', 'agent-bom'],
  ['@tensorflow/tfjs-node', 'ml', 'tensorflow', 'agent-bom'],
  ['onnxruntime-node', 'ml', 'onnx', 'agent-bom'],
  ['onnxruntime-web', 'ml', 'onnx', 'registry'],
  ['langsmith', 'observability', 'langchain', 'agent-bom'],
  ['langfuse', 'observability', 'langfuse', 'agent-bom'],
  ['@helicone/helicone', 'observability', 'helicone', 'agent-bom'],
  ['braintrust', 'observability', 'braintrust', 'agent-bom'],
];

const PYPI: readonly Row[] = [
  ['openai', 'llm-provider', 'openai', 'cisco'],
  ['anthropic', 'llm-provider', 'anthropic', 'cisco'],
  ['google-generativeai', 'llm-provider', 'google', 'cisco'],
  ['google-genai', 'llm-provider', 'google', 'registry'],
  ['google-cloud-aiplatform', 'llm-provider', 'google', 'cisco'],
  ['vertexai', 'llm-provider', 'google', 'registry'],
  ['mistralai', 'llm-provider', 'mistral', 'agent-bom'],
  ['cohere', 'llm-provider', 'cohere', 'agent-bom'],
  ['together', 'llm-provider', 'together', 'agent-bom'],
  ['groq', 'llm-provider', 'groq', 'agent-bom'],
  ['litellm', 'llm-provider', 'litellm', 'agent-bom'],
  ['ollama', 'llm-provider', 'ollama', 'agent-bom'],
  ['replicate', 'llm-provider', 'replicate', 'agent-bom'],
  ['fireworks-ai', 'llm-provider', 'fireworks', 'agent-bom'],
  ['ai21', 'llm-provider', 'ai21', 'agent-bom'],
  ['cerebras-cloud-sdk', 'llm-provider', 'cerebras', 'agent-bom'],
  ['zhipuai', 'llm-provider', 'zhipu', 'agent-bom'],
  // Providers common in Chinese and multi-provider RAG stacks (each SDK's PyPI page).
  ['zai-sdk', 'llm-provider', 'zhipu', 'pypi.org/project/zai-sdk (Z.ai / Zhipu)'],
  ['dashscope', 'llm-provider', 'alibaba', 'pypi.org/project/dashscope (Alibaba Model Studio)'],
  ['qianfan', 'llm-provider', 'baidu', 'pypi.org/project/qianfan (Baidu Qianfan)'],
  ['volcengine-python-sdk', 'llm-provider', 'bytedance', 'pypi.org/project/volcengine-python-sdk (Volcano Engine Ark)'],
  ['voyageai', 'llm-provider', 'voyage', 'pypi.org/project/voyageai'],
  ['azure-ai-inference', 'llm-provider', 'azure-ai', 'pypi.org/project/azure-ai-inference (as the npm, Maven and NuGet rows)'],
  ['azure-ai-projects', 'agent', 'azure-ai', 'pypi.org/project/azure-ai-projects (Azure AI Foundry)'],
  ['azure-ai-agents', 'agent', 'azure-ai', 'pypi.org/project/azure-ai-agents (Azure AI Foundry Agent Service)'],
  ['bedrock-agentcore', 'agent', 'aws-bedrock', 'pypi.org/project/bedrock-agentcore (Amazon Bedrock AgentCore runtime SDK)'],
  ['llama-cpp-python', 'serving', 'llama.cpp', 'pypi.org/project/llama-cpp-python (local GGUF inference)'],
  ['mem0ai', 'framework', 'mem0', 'pypi.org/project/mem0ai (agent memory: LLM + vector store)'],
  ['graphrag', 'framework', 'microsoft', 'pypi.org/project/graphrag'],
  ['mcpadapt', 'mcp', 'mcp', 'pypi.org/project/mcpadapt (MCP servers as agent-framework tools)'],
  ['browser-use', 'agent', undefined, 'pypi.org/project/browser-use (LLM browser agent)'],
  ['huggingface-hub', 'llm-provider', 'huggingface', 'registry'],
  ['tiktoken', 'llm-provider', 'openai', 'registry (OpenAI tokenizer)'],
  ['langchain', 'framework', 'langchain', 'cisco'],
  ['langchain-', 'framework', 'langchain', 'cisco shadow_ai_detector.py (16 split packages)', 'prefix'],
  ['langgraph', 'agent', 'langchain', 'cisco'],
  ['langgraph-', 'agent', 'langchain', 'cisco', 'prefix'],
  ['llama-index', 'framework', 'llamaindex', 'cisco'],
  ['llama-index-', 'framework', 'llamaindex', 'cisco', 'prefix'],
  ['crewai', 'agent', 'crewai', 'cisco'],
  ['autogen', 'agent', 'microsoft', 'cisco'],
  ['pyautogen', 'agent', 'microsoft', 'cisco'],
  ['autogen-agentchat', 'agent', 'microsoft', 'cisco'],
  ['autogen-core', 'agent', 'microsoft', 'cisco'],
  ['autogen-ext', 'agent', 'microsoft', 'pypi.org/project/autogen-ext (AutoGen model clients, tools, code executors)'],
  ['semantic-kernel', 'framework', 'microsoft', 'cisco'],
  ['dspy', 'framework', 'dspy', 'cisco'],
  ['dspy-ai', 'framework', 'dspy', 'cisco'],
  ['instructor', 'framework', 'instructor', 'cisco'],
  ['guidance', 'framework', 'microsoft', 'cisco'],
  ['promptflow', 'framework', 'microsoft', 'cisco'],
  ['pydantic-ai', 'agent', 'pydantic', 'agent-bom'],
  ['pydantic-ai-slim', 'agent', 'pydantic', 'agent-bom'],
  ['smolagents', 'agent', 'huggingface', 'agent-bom'],
  ['haystack-ai', 'framework', 'deepset', 'agent-bom'],
  ['farm-haystack', 'framework', 'deepset', 'agent-bom'],
  ['openai-agents', 'agent', 'openai', 'registry'],
  ['claude-agent-sdk', 'agent', 'anthropic', 'registry'],
  ['google-adk', 'agent', 'google', 'registry'],
  ['strands-agents', 'agent', 'aws', 'registry; cisco agent_signatures.py'],
  ['agno', 'agent', 'agno', 'registry'],
  ['mcp', 'mcp', 'mcp', 'cisco'],
  ['fastmcp', 'mcp', 'mcp', 'cisco'],
  ['langchain-mcp-adapters', 'mcp', 'mcp', 'cisco regex'],
  ['chromadb', 'vector-store', 'chroma', 'cisco'],
  ['pinecone', 'vector-store', 'pinecone', 'cisco'],
  ['pinecone-client', 'vector-store', 'pinecone', 'cisco'],
  ['weaviate-client', 'vector-store', 'weaviate', 'cisco'],
  ['qdrant-client', 'vector-store', 'qdrant', 'cisco'],
  ['pymilvus', 'vector-store', 'milvus', 'agent-bom'],
  ['lancedb', 'vector-store', 'lancedb', 'agent-bom'],
  ['pgvector', 'vector-store', 'pgvector', 'registry'],
  ['faiss-cpu', 'vector-store', 'faiss', 'registry'],
  ['faiss-gpu', 'vector-store', 'faiss', 'registry'],
  ['azure-search-documents', 'vector-store', 'azure-ai-search', 'pypi.org/project/azure-search-documents (Azure AI Search vector indexes)'],
  ['turbopuffer', 'vector-store', 'turbopuffer', 'pypi.org/project/turbopuffer (official client)'],
  ['transformers', 'ml', 'huggingface', 'cisco'],
  ['torch', 'ml', 'pytorch', 'cisco'],
  ['tensorflow', 'ml', 'tensorflow', 'cisco'],
  ['keras', 'ml', 'keras', 'cisco'],
  ['jax', 'ml', 'google', 'cisco'],
  ['sentence-transformers', 'ml', 'huggingface', 'cisco'],
  ['diffusers', 'ml', 'huggingface', 'cisco'],
  ['accelerate', 'ml', 'huggingface', 'cisco'],
  ['peft', 'ml', 'huggingface', 'cisco'],
  ['trl', 'ml', 'huggingface', 'cisco'],
  ['datasets', 'ml', 'huggingface', 'cisco'],
  ['safetensors', 'ml', 'huggingface', 'cisco'],
  ['bitsandbytes', 'ml', undefined, 'cisco'],
  ['onnxruntime', 'ml', 'onnx', 'agent-bom'],
  ['vllm', 'serving', 'vllm', 'cisco'],
  ['bentoml', 'serving', 'bentoml', 'cisco'],
  ['ray', 'serving', 'ray', 'cisco'],
  ['mlflow', 'observability', 'mlflow', 'cisco'],
  ['wandb', 'observability', 'wandb', 'cisco'],
  ['clearml', 'observability', 'clearml', 'agent-bom'],
  ['langsmith', 'observability', 'langchain', 'agent-bom'],
  ['langfuse', 'observability', 'langfuse', 'agent-bom'],
  ['arize-phoenix', 'observability', 'arize', 'agent-bom'],
];

const GO: readonly Row[] = [
  ['github.com/sashabaranov/go-openai', 'llm-provider', 'openai', 'cisco,agent-bom'],
  ['github.com/openai/openai-go', 'llm-provider', 'openai', 'registry'],
  ['github.com/anthropics/anthropic-sdk-go', 'llm-provider', 'anthropic', 'cisco,agent-bom'],
  ['github.com/google/generative-ai-go', 'llm-provider', 'google', 'cisco,agent-bom'],
  ['google.golang.org/genai', 'llm-provider', 'google', 'registry'],
  ['github.com/tmc/langchaingo', 'framework', 'langchain', 'cisco,agent-bom'],
  ['github.com/ollama/ollama', 'llm-provider', 'ollama', 'agent-bom'],
  ['github.com/pkoukk/tiktoken-go', 'llm-provider', 'openai', 'registry (OpenAI tokenizer port)'],
  ['github.com/mark3labs/mcp-go', 'mcp', 'mcp', 'registry'],
  ['github.com/modelcontextprotocol/go-sdk', 'mcp', 'mcp', 'registry'],
  ['github.com/qdrant/go-client', 'vector-store', 'qdrant', 'registry'],
  ['github.com/pinecone-io/go-pinecone', 'vector-store', 'pinecone', 'registry'],
  ['github.com/weaviate/weaviate-go-client', 'vector-store', 'weaviate', 'registry', 'prefix'],
  ['github.com/milvus-io/milvus-sdk-go', 'vector-store', 'milvus', 'registry', 'prefix'],
  ['github.com/liushuangls/go-anthropic', 'llm-provider', 'anthropic', 'pkg.go.dev (community client)'],
  ['cloud.google.com/go/vertexai', 'llm-provider', 'google', 'pkg.go.dev'],
  ['cloud.google.com/go/aiplatform', 'llm-provider', 'google', 'pkg.go.dev'],
  ['github.com/aws/aws-sdk-go-v2/service/bedrockruntime', 'llm-provider', 'aws-bedrock', 'pkg.go.dev'],
  ['github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime', 'agent', 'aws-bedrock', 'pkg.go.dev'],
  ['github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai', 'llm-provider', 'azure-openai', 'pkg.go.dev'],
  ['github.com/firebase/genkit/go', 'framework', 'google', 'pkg.go.dev (Genkit for Go)'],
  ['github.com/cloudwego/eino', 'framework', 'cloudwego', 'pkg.go.dev'],
  ['github.com/metoro-io/mcp-golang', 'mcp', 'mcp', 'pkg.go.dev'],
  ['github.com/pgvector/pgvector-go', 'vector-store', 'pgvector', 'pkg.go.dev'],
  ['github.com/philippgille/chromem-go', 'vector-store', 'chromem', 'pkg.go.dev'],
  ['github.com/amikos-tech/chroma-go', 'vector-store', 'chroma', 'pkg.go.dev (Chroma Go client)'],
  ['github.com/milvus-io/milvus/client', 'vector-store', 'milvus', 'pkg.go.dev (milvus/client/v2: the Go SDK since Milvus 2.5)'],
  ['github.com/upstash/vector-go', 'vector-store', 'upstash', 'pkg.go.dev'],
];

const MAVEN: readonly Row[] = [
  ['dev.langchain4j:', 'framework', 'langchain4j', 'cisco', 'prefix'],
  ['com.azure:azure-ai-openai', 'llm-provider', 'azure-openai', 'cisco'],
  ['com.google.cloud:google-cloud-aiplatform', 'llm-provider', 'google', 'cisco'],
  ['com.google.cloud:google-cloud-vertexai', 'llm-provider', 'google', 'registry'],
  ['io.github.sashirestela:simple-openai', 'llm-provider', 'openai', 'cisco'],
  ['com.theokanning.openai-gpt3-java:', 'llm-provider', 'openai', 'agent-bom', 'prefix'],
  ['com.openai:openai-java', 'llm-provider', 'openai', 'registry'],
  ['com.anthropic:anthropic-java', 'llm-provider', 'anthropic', 'vet'],
  ['com.microsoft.semantic-kernel:', 'framework', 'microsoft', 'agent-bom', 'prefix'],
  ['org.springframework.ai:', 'framework', 'spring-ai', 'vet docs', 'prefix'],
  ['ai.djl:', 'ml', 'djl', 'agent-bom', 'prefix'],
  ['ai.djl.', 'ml', 'djl', 'agent-bom', 'prefix'],
  ['org.tensorflow:', 'ml', 'tensorflow', 'agent-bom', 'prefix'],
  ['com.microsoft.onnxruntime:onnxruntime', 'ml', 'onnx', 'agent-bom'],
  ['io.modelcontextprotocol.sdk:', 'mcp', 'mcp', 'registry', 'prefix'],
  ['io.modelcontextprotocol:kotlin-sdk', 'mcp', 'mcp', 'MCP kotlin-sdk README'],
  ['io.modelcontextprotocol:kotlin-sdk-', 'mcp', 'mcp', 'MCP kotlin-sdk README (kotlin-sdk-server, kotlin-sdk-client)', 'prefix'],
  ['org.springaicommunity:mcp-annotations', 'mcp', 'mcp', 'spring-ai-community mcp-annotations README'],
  ['software.amazon.awssdk:bedrockruntime', 'llm-provider', 'aws-bedrock', 'registry'],
  ['software.amazon.awssdk:bedrockagentruntime', 'agent', 'aws-bedrock', 'central.sonatype.com'],
  ['com.google.genai:google-genai', 'llm-provider', 'google', 'central.sonatype.com (Google Gen AI Java SDK)'],
  ['com.azure:azure-ai-inference', 'llm-provider', 'azure-ai', 'central.sonatype.com'],
  ['com.aallam.openai:openai-client', 'llm-provider', 'openai', 'central.sonatype.com (openai-kotlin)'],
  ['ai.koog:koog-agents', 'agent', 'jetbrains', 'central.sonatype.com (Koog)'],
  ['com.google.ai.client.generativeai:generativeai', 'llm-provider', 'google', 'generative-ai-android README (Google AI client SDK for Android, deprecated)'],
  ['com.google.firebase:firebase-vertexai', 'llm-provider', 'google', 'firebase-android-sdk (Vertex AI in Firebase; successor of the Google AI client SDK)'],
  ['com.google.firebase:firebase-ai', 'llm-provider', 'google', 'firebase-android-sdk (Firebase AI Logic; successor of firebase-vertexai)'],
  ['io.qdrant:client', 'vector-store', 'qdrant', 'qdrant java-client README'],
  ['io.milvus:milvus-sdk-java', 'vector-store', 'milvus', 'milvus-sdk-java README'],
  ['io.pinecone:pinecone-client', 'vector-store', 'pinecone', 'pinecone-java-client README'],
  ['com.pgvector:pgvector', 'vector-store', 'pgvector', 'pgvector-java README'],
  ['io.weaviate:client', 'vector-store', 'weaviate', 'weaviate java-client README'],
  ['io.github.amikos-tech:chromadb-java-client', 'vector-store', 'chroma', 'central.sonatype.com (Chroma Java client listed in the Chroma docs)'],
  ['com.azure:azure-search-documents', 'vector-store', 'azure-ai-search', 'central.sonatype.com (Azure AI Search client for Java)'],
];

const CARGO: readonly Row[] = [
  ['async-openai', 'llm-provider', 'openai', 'cisco'],
  ['llm', 'framework', undefined, 'cisco'],
  ['llm-chain', 'framework', undefined, 'agent-bom'],
  ['candle-core', 'ml', 'huggingface', 'cisco'],
  ['candle-nn', 'ml', 'huggingface', 'cisco'],
  ['candle-transformers', 'ml', 'huggingface', 'registry'],
  ['burn', 'ml', 'burn', 'cisco'],
  ['ollama-rs', 'llm-provider', 'ollama', 'registry'],
  ['rmcp', 'mcp', 'mcp', 'registry'],
  ['qdrant-client', 'vector-store', 'qdrant', 'registry'],
  ['aws-sdk-bedrockruntime', 'llm-provider', 'aws-bedrock', 'registry'],
  ['rig-core', 'agent', 'rig', 'crates.io (library name `rig`)'],
  ['genai', 'llm-provider', undefined, 'crates.io (multi-provider client)'],
  ['openai-api-rs', 'llm-provider', 'openai', 'crates.io'],
  ['tiktoken-rs', 'llm-provider', 'openai', 'crates.io (OpenAI tokenizer)'],
  ['langchain-rust', 'framework', 'langchain', 'crates.io'],
  ['mistralrs', 'serving', 'mistralrs', 'crates.io'],
  ['ort', 'ml', 'onnx', 'crates.io (ONNX Runtime bindings)'],
  ['tch', 'ml', 'pytorch', 'crates.io (libtorch bindings)'],
  ['hf-hub', 'ml', 'huggingface', 'crates.io'],
];

const GEM: readonly Row[] = [
  ['ruby-openai', 'llm-provider', 'openai', 'cisco'],
  ['openai', 'llm-provider', 'openai', 'registry'],
  ['anthropic', 'llm-provider', 'anthropic', 'registry'],
  ['langchainrb', 'framework', 'langchain', 'cisco'],
  ['ruby_llm', 'framework', undefined, 'registry'],
  ['mcp', 'mcp', 'mcp', 'registry'],
  ['pinecone', 'vector-store', 'pinecone', 'registry'],
  ['fast-mcp', 'mcp', 'mcp', 'rubygems.org (require "fast_mcp")'],
  ['ollama-ai', 'llm-provider', 'ollama', 'rubygems.org'],
  ['gemini-ai', 'llm-provider', 'google', 'rubygems.org'],
  ['omniai', 'framework', undefined, 'rubygems.org'],
  ['tiktoken_ruby', 'llm-provider', 'openai', 'rubygems.org (OpenAI tokenizer)'],
];

const NUGET: readonly Row[] = [
  ['azure.ai.openai', 'llm-provider', 'azure-openai', 'anchors §2a candidate'],
  ['azure.ai.inference', 'llm-provider', 'azure-ai', 'registry'],
  ['openai', 'llm-provider', 'openai', 'anchors §2a candidate'],
  ['anthropic.sdk', 'llm-provider', 'anthropic', 'registry'],
  ['microsoft.semantickernel', 'framework', 'microsoft', 'anchors §2a candidate'],
  ['microsoft.semantickernel.', 'framework', 'microsoft', 'anchors §2a candidate', 'prefix'],
  ['microsoft.extensions.ai', 'framework', 'microsoft', 'registry'],
  ['microsoft.extensions.ai.', 'framework', 'microsoft', 'registry', 'prefix'],
  ['modelcontextprotocol', 'mcp', 'mcp', 'registry'],
  ['modelcontextprotocol.', 'mcp', 'mcp', 'registry', 'prefix'],
  ['microsoft.ml.onnxruntime', 'ml', 'onnx', 'registry'],
  ['langchain', 'framework', 'langchain', 'registry'],
  ['anthropic', 'llm-provider', 'anthropic', 'nuget.org (official Claude SDK for C#, v10+)'],
  ['betalgo.openai', 'llm-provider', 'openai', 'nuget.org (community client)'],
  ['betalgo.ranul.openai', 'llm-provider', 'openai', 'nuget.org (community client)'],
  ['ollamasharp', 'llm-provider', 'ollama', 'nuget.org'],
  ['google.genai', 'llm-provider', 'google', 'nuget.org (Google Gen AI .NET SDK)'],
  ['google.cloud.aiplatform.v1', 'llm-provider', 'google', 'nuget.org'],
  ['awssdk.bedrockruntime', 'llm-provider', 'aws-bedrock', 'nuget.org'],
  ['awssdk.bedrockagentruntime', 'agent', 'aws-bedrock', 'nuget.org'],
  ['azure.ai.projects', 'agent', 'azure-ai', 'nuget.org (Azure AI Foundry)'],
  ['microsoft.agents.ai', 'agent', 'microsoft', 'nuget.org (Microsoft Agent Framework)'],
  ['microsoft.agents.ai.', 'agent', 'microsoft', 'nuget.org (Microsoft Agent Framework)', 'prefix'],
  ['mistral.sdk', 'llm-provider', 'mistral', 'nuget.org (community client)'],
  ['qdrant.client', 'vector-store', 'qdrant', 'nuget.org'],
  ['pinecone.client', 'vector-store', 'pinecone', 'nuget.org'],
  ['pgvector', 'vector-store', 'pgvector', 'nuget.org (pgvector-dotnet: Npgsql types)'],
  ['pgvector.', 'vector-store', 'pgvector', 'nuget.org (pgvector-dotnet: EntityFrameworkCore, Dapper)', 'prefix'],
  ['azure.search.documents', 'vector-store', 'azure-ai-search', 'nuget.org (Azure AI Search client library for .NET)'],
  // .NET Aspire integrations: a client project registers the provider's client through them, an
  // AppHost provisions the model service (Azure OpenAI deployments, an Ollama container and its models).
  ['aspire.azure.ai.openai', 'llm-provider', 'azure-openai', 'nuget.org (Aspire Azure OpenAI client integration)'],
  ['aspire.azure.ai.inference', 'llm-provider', 'azure-ai', 'nuget.org (Aspire Azure AI Inference client integration)'],
  ['aspire.openai', 'llm-provider', 'openai', 'nuget.org (Aspire OpenAI client integration)'],
  ['aspire.hosting.azure.cognitiveservices', 'serving', 'azure-openai', 'nuget.org (Aspire AppHost: Azure OpenAI account and deployments)'],
  ['aspire.qdrant.client', 'vector-store', 'qdrant', 'nuget.org (Aspire Qdrant client integration)'],
  ['aspire.hosting.qdrant', 'vector-store', 'qdrant', 'nuget.org (Aspire AppHost: Qdrant container)'],
  ['communitytoolkit.aspire.ollamasharp', 'llm-provider', 'ollama', 'nuget.org (Aspire Community Toolkit OllamaSharp client integration)'],
  ['communitytoolkit.aspire.hosting.ollama', 'serving', 'ollama', 'nuget.org (Aspire Community Toolkit AppHost: Ollama container and models)'],
];

function rows(ecosystem: Ecosystem, table: readonly Row[]): AiPackage[] {
  return table.map(([name, category, provider, source, prefix]) => ({
    ecosystem,
    name,
    category,
    source,
    ...(provider === undefined ? {} : { provider }),
    ...(prefix === 'prefix' ? { prefix: true } : {}),
  }));
}

/** Every catalog row. */
export const AI_PACKAGES: readonly AiPackage[] = [
  ...rows('npm', NPM),
  ...rows('pypi', PYPI),
  ...rows('go', GO),
  ...rows('maven', MAVEN),
  ...rows('cargo', CARGO),
  ...rows('gem', GEM),
  ...rows('nuget', NUGET),
];

/**
 * Normalizes a package name the way its ecosystem compares names: PyPI per PEP 503
 * (lowercase, runs of `-_.` → `-`), NuGet case-insensitively; others as written.
 */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  const trimmed = name.trim();
  if (ecosystem === 'pypi') return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
  if (ecosystem === 'nuget') return trimmed.toLowerCase();
  return trimmed;
}

/**
 * The identity key of an `sdk` asset: `<ecosystem>:<normalized name>`. Every detector (manifests and
 * imports alike) builds it here, so a declared package and its import merge into one asset.
 */
export function sdkKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}:${normalizePackageName(ecosystem, name)}`;
}

const EXACT = new Map<string, AiPackage>();
const PREFIXES: AiPackage[] = [];
for (const row of AI_PACKAGES) {
  if (row.prefix) PREFIXES.push(row);
  else EXACT.set(`${row.ecosystem}\u0000${row.name}`, row);
}
PREFIXES.sort((a, b) => b.name.length - a.name.length);

/** Looks a package up in the catalog; exact rows win over prefix rows, longer prefixes first. */
export function findAiPackage(ecosystem: Ecosystem, name: string): AiPackage | undefined {
  const normalized = normalizePackageName(ecosystem, name);
  const exact = EXACT.get(`${ecosystem}\u0000${normalized}`);
  if (exact) return exact;
  // Go modules: a sub-package path (`github.com/x/y/v2/pkg`) belongs to the module row.
  if (ecosystem === 'go') {
    for (const row of AI_PACKAGES) {
      if (row.ecosystem === 'go' && !row.prefix && normalized.startsWith(`${row.name}/`)) return row;
    }
  }
  const row = PREFIXES.find((r) => r.ecosystem === ecosystem && normalized.startsWith(r.name) && normalized.length > r.name.length);
  return row !== undefined && TOOLING.test(normalized.slice(row.name.length)) ? undefined : row;
}

/**
 * What follows a scope prefix (`@modelcontextprotocol/`, `@langchain/`) in a vendor's own build
 * tooling: shared lint, TypeScript and test configs and test helpers, not SDKs
 * (`@modelcontextprotocol/eslint-config`, `/tsconfig`, `/vitest-config`, `/test-helpers` in
 * modelcontextprotocol/typescript-sdk).
 */
const TOOLING = /^(?:eslint-config|eslint-plugin|prettier-config|tsconfig|vitest-config|jest-config|test-helpers|test-utils)(?:[-.][a-z0-9-]+)?$/;

/** Provider for a catalog package; `@ai-sdk/<x>` and `langchain-<x>` carry it in the name. */
export function packageProvider(pkg: AiPackage, name: string): string | undefined {
  if (pkg.provider !== undefined && pkg.ecosystem !== 'npm') return pkg.provider;
  const scoped = /^@ai-sdk\/([a-z0-9-]+)$/.exec(name);
  if (scoped?.[1] !== undefined && !['provider', 'provider-utils', 'react', 'ui-utils', 'rsc', 'svelte', 'vue'].includes(scoped[1])) {
    return scoped[1];
  }
  return pkg.provider;
}
