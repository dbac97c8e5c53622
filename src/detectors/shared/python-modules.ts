/**
 * Python import name → PyPI package. Import names often differ from distribution names
 * (`google.generativeai` ships in `google-generativeai`); longest dotted prefix wins.
 * Sources: Cisco shadow_ai_detector.py module map (research/anchors-mission.md §2b), package docs.
 */
import { findAiPackage, type AiPackage } from './ai-packages.ts';

const MODULES: ReadonlyArray<readonly [module: string, pkg: string]> = [
  ['openai', 'openai'],
  ['anthropic', 'anthropic'],
  ['google.generativeai', 'google-generativeai'],
  ['google.genai', 'google-genai'],
  ['google.cloud.aiplatform', 'google-cloud-aiplatform'],
  ['vertexai', 'google-cloud-aiplatform'],
  ['google.adk', 'google-adk'],
  ['mistralai', 'mistralai'],
  ['cohere', 'cohere'],
  ['together', 'together'],
  ['groq', 'groq'],
  ['litellm', 'litellm'],
  ['ollama', 'ollama'],
  ['replicate', 'replicate'],
  ['fireworks', 'fireworks-ai'],
  ['ai21', 'ai21'],
  ['cerebras.cloud.sdk', 'cerebras-cloud-sdk'],
  ['zhipuai', 'zhipuai'],
  ['zai', 'zai-sdk'],
  ['dashscope', 'dashscope'],
  ['qianfan', 'qianfan'],
  ['volcenginesdkarkruntime', 'volcengine-python-sdk'],
  ['voyageai', 'voyageai'],
  ['azure.ai.inference', 'azure-ai-inference'],
  ['azure.ai.projects', 'azure-ai-projects'],
  ['azure.ai.agents', 'azure-ai-agents'],
  ['bedrock_agentcore', 'bedrock-agentcore'],
  ['llama_cpp', 'llama-cpp-python'],
  ['mem0', 'mem0ai'],
  ['graphrag', 'graphrag'],
  ['mcpadapt', 'mcpadapt'],
  ['browser_use', 'browser-use'],
  ['huggingface_hub', 'huggingface-hub'],
  ['tiktoken', 'tiktoken'],
  ['langchain', 'langchain'],
  ['langgraph', 'langgraph'],
  ['llama_index', 'llama-index'],
  ['crewai', 'crewai'],
  ['autogen', 'autogen'],
  ['autogen_agentchat', 'autogen-agentchat'],
  ['autogen_core', 'autogen-core'],
  ['autogen_ext', 'autogen-ext'],
  ['semantic_kernel', 'semantic-kernel'],
  ['dspy', 'dspy'],
  ['instructor', 'instructor'],
  ['guidance', 'guidance'],
  ['promptflow', 'promptflow'],
  ['pydantic_ai', 'pydantic-ai'],
  ['smolagents', 'smolagents'],
  ['haystack', 'haystack-ai'],
  ['claude_agent_sdk', 'claude-agent-sdk'],
  ['strands', 'strands-agents'],
  ['agno', 'agno'],
  ['mcp', 'mcp'],
  ['fastmcp', 'fastmcp'],
  ['langchain_mcp_adapters', 'langchain-mcp-adapters'],
  ['chromadb', 'chromadb'],
  ['pinecone', 'pinecone'],
  ['weaviate', 'weaviate-client'],
  ['qdrant_client', 'qdrant-client'],
  ['pymilvus', 'pymilvus'],
  ['lancedb', 'lancedb'],
  ['pgvector', 'pgvector'],
  ['faiss', 'faiss-cpu'],
  ['azure.search.documents', 'azure-search-documents'],
  ['turbopuffer', 'turbopuffer'],
  ['transformers', 'transformers'],
  ['torch', 'torch'],
  ['tensorflow', 'tensorflow'],
  ['keras', 'keras'],
  ['jax', 'jax'],
  ['sentence_transformers', 'sentence-transformers'],
  ['diffusers', 'diffusers'],
  ['accelerate', 'accelerate'],
  ['peft', 'peft'],
  ['trl', 'trl'],
  ['safetensors', 'safetensors'],
  ['bitsandbytes', 'bitsandbytes'],
  ['onnxruntime', 'onnxruntime'],
  ['vllm', 'vllm'],
  ['bentoml', 'bentoml'],
  ['mlflow', 'mlflow'],
  ['wandb', 'wandb'],
  ['clearml', 'clearml'],
  ['langsmith', 'langsmith'],
  ['langfuse', 'langfuse'],
  ['phoenix', 'arize-phoenix'],
];

const BY_MODULE = new Map(MODULES);

/**
 * Top-level names any AI import starts with (`google` for `google.genai`), plus the split-package
 * families: a cheap pre-check can require one of these after `import`/`from` before doing more.
 */
export const PYTHON_TOP_LEVEL_PATTERNS: readonly string[] = [
  ...new Set(MODULES.map(([module]) => module.split('.')[0] as string)),
  'langchain_\\w+',
  'langgraph_\\w+',
];

/**
 * Split-package families whose import path names the distribution:
 * `langchain_openai` → `langchain-openai`, `llama_index.llms.openai` → `llama-index-llms-openai`.
 */
function splitPackage(moduleName: string): string | undefined {
  const top = moduleName.split('.')[0] ?? '';
  if (/^langchain_[a-z0-9_]+$/.test(top)) return top.replace(/_/g, '-');
  if (/^langgraph_[a-z0-9_]+$/.test(top)) return top.replace(/_/g, '-');
  if (top === 'llama_index') {
    const parts = moduleName.split('.');
    if (parts[1] === 'core') return 'llama-index-core';
    // Integration packages: llama_index.<category>.<name> → llama-index-<category>-<name>; storage
    // integrations sit one level deeper (llama_index.storage.index_store.postgres).
    const depth = parts[1] === 'storage' ? 4 : 3;
    if (parts.length >= depth) return `llama-index-${parts.slice(1, depth).join('-')}`.replace(/_/g, '-');
  }
  return undefined;
}

export interface PythonModuleMatch {
  /** PyPI distribution name. */
  readonly packageName: string;
  readonly pkg: AiPackage;
}

/** Answers by module name: the detector asks again for every call through the same names. */
const FOUND = new Map<string, PythonModuleMatch | null>();
const MAX_FOUND = 4096;

/** Maps an imported module (`google.generativeai`, `langchain_openai.chat_models`) to its AI package. */
export function findPythonModule(moduleName: string): PythonModuleMatch | undefined {
  let found = FOUND.get(moduleName);
  if (found === undefined) {
    if (FOUND.size >= MAX_FOUND) FOUND.clear();
    FOUND.set(moduleName, (found = lookUp(moduleName) ?? null));
  }
  return found ?? undefined;
}

function lookUp(moduleName: string): PythonModuleMatch | undefined {
  const split = splitPackage(moduleName);
  if (split !== undefined) {
    const pkg = findAiPackage('pypi', split);
    if (pkg) return { packageName: split, pkg };
  }
  const parts = moduleName.split('.');
  for (let n = parts.length; n > 0; n--) {
    const packageName = BY_MODULE.get(parts.slice(0, n).join('.'));
    if (packageName !== undefined) {
      const pkg = findAiPackage('pypi', packageName);
      if (pkg) return { packageName, pkg };
    }
  }
  return undefined;
}
