/**
 * AI API hosts and base-URL variable names as data. Sources (research/anchors-mission.md §2(c), §2(d)):
 *   cisco = cisco-ai-defense/aibom endpoint_classifier.py / deployment_detector.py;
 *   v2fly = v2fly/domain-list-community (data/google-deepmind, data/category-ai-!cn);
 *   mcp-scan = rodolfboctor/mcp-scan src/data/known-endpoints.ts;
 *   unverified = listed in §2(c) as our own addition; vendor docs = the provider's API reference.
 */

export const ENDPOINT_KINDS = ['provider-api', 'self-hosted', 'gateway'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export interface EndpointHost {
  /** Literal the host must end with: one regex of all suffixes finds candidates cheaply. */
  readonly suffix: string;
  /** Anchored pattern of the whole lower-cased host (`*` stands for a placeholder label); group `region` when the host names one. */
  readonly host: RegExp;
  readonly provider: string;
  readonly kind: EndpointKind;
  /** Port the URL must use (ollama's 11434), when the host alone says nothing. */
  readonly port?: string;
  /** Path the URL must start with, when the host also serves a website (`openrouter.ai/api`). */
  readonly path?: RegExp;
  /** Path segments kept in the asset key (gateways whose path names the account and gateway). */
  readonly keyPath?: number;
  readonly source: string;
}

const LABEL = '[a-z0-9*][a-z0-9*-]*';
const REGION = '(?<region>[a-z0-9*][a-z0-9*-]*)';
const h = (pattern: string): RegExp => new RegExp(`^${pattern}$`);

export const ENDPOINT_HOSTS: readonly EndpointHost[] = [
  { suffix: 'api.openai.com', host: h('api\\.openai\\.com'), provider: 'openai', kind: 'provider-api', source: 'cisco' },
  { suffix: '.openai.azure.com', host: h(`${LABEL}\\.openai\\.azure\\.com`), provider: 'azure-openai', kind: 'provider-api', source: 'cisco' },
  { suffix: '.services.ai.azure.com', host: h(`${LABEL}\\.services\\.ai\\.azure\\.com`), provider: 'azure-ai', kind: 'provider-api', source: 'unverified (Azure AI Foundry)' },
  { suffix: '.cognitiveservices.azure.com', host: h(`${LABEL}\\.cognitiveservices\\.azure\\.com`), provider: 'azure-ai', kind: 'provider-api', source: 'vendor docs (Azure AI services resource endpoint)' },
  { suffix: '.inference.ml.azure.com', host: h(`${LABEL}\\.${REGION}\\.inference\\.ml\\.azure\\.com`), provider: 'azure-ml', kind: 'provider-api', source: 'vendor docs (Azure ML online endpoint scoring URI)' },
  { suffix: 'api.anthropic.com', host: h('api\\.anthropic\\.com'), provider: 'anthropic', kind: 'provider-api', source: 'cisco' },
  { suffix: '.amazonaws.com', host: h(`bedrock(?:-runtime|-agent-runtime|-agent)?(?:-fips)?\\.${REGION}\\.amazonaws\\.com`), provider: 'aws-bedrock', kind: 'provider-api', source: 'cisco (bedrock-runtime(-fips).<region>); vendor docs (agent runtime)' },
  { suffix: '.amazonaws.com.cn', host: h(`bedrock(?:-runtime|-agent-runtime)?\\.${REGION}\\.amazonaws\\.com\\.cn`), provider: 'aws-bedrock', kind: 'provider-api', source: 'cisco' },
  { suffix: '.amazonaws.com', host: h(`runtime\\.sagemaker\\.${REGION}\\.amazonaws\\.com`), provider: 'aws-sagemaker', kind: 'provider-api', source: 'vendor docs (SageMaker runtime InvokeEndpoint)' },
  { suffix: 'aiplatform.googleapis.com', host: h(`(?:${REGION}-)?aiplatform\\.googleapis\\.com`), provider: 'google', kind: 'provider-api', source: 'cisco (<region>-aiplatform.googleapis.com)' },
  { suffix: 'generativelanguage.googleapis.com', host: h('generativelanguage\\.googleapis\\.com'), provider: 'google', kind: 'provider-api', source: 'v2fly google-deepmind' },
  { suffix: 'api.cohere.com', host: h('api\\.cohere\\.com'), provider: 'cohere', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.cohere.ai', host: h('api\\.cohere\\.ai'), provider: 'cohere', kind: 'provider-api', source: 'cisco' },
  { suffix: 'mistral.ai', host: h('(?:api|codestral)\\.mistral\\.ai'), provider: 'mistral', kind: 'provider-api', source: 'cisco (api.mistral.ai); vendor docs (codestral.mistral.ai)' },
  { suffix: 'api.groq.com', host: h('api\\.groq\\.com'), provider: 'groq', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.together.xyz', host: h('api\\.together\\.xyz'), provider: 'together', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.together.ai', host: h('api\\.together\\.ai'), provider: 'together', kind: 'provider-api', source: 'vendor docs' },
  { suffix: 'api.fireworks.ai', host: h('api\\.fireworks\\.ai'), provider: 'fireworks', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.deepinfra.com', host: h('api\\.deepinfra\\.com'), provider: 'deepinfra', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.perplexity.ai', host: h('api\\.perplexity\\.ai'), provider: 'perplexity', kind: 'provider-api', source: 'cisco' },
  { suffix: 'api.x.ai', host: h('api\\.x\\.ai'), provider: 'xai', kind: 'provider-api', source: 'unverified' },
  { suffix: 'api.deepseek.com', host: h('api\\.deepseek\\.com'), provider: 'deepseek', kind: 'provider-api', source: 'unverified' },
  { suffix: 'api.replicate.com', host: h('api\\.replicate\\.com'), provider: 'replicate', kind: 'provider-api', source: 'mcp-scan' },
  // OpenAI-compatible provider APIs (each provider's quick-start base URL).
  { suffix: 'api.cerebras.ai', host: h('api\\.cerebras\\.ai'), provider: 'cerebras', kind: 'provider-api', source: 'inference-docs.cerebras.ai (base URL)' },
  { suffix: 'api.sambanova.ai', host: h('api\\.sambanova\\.ai'), provider: 'sambanova', kind: 'provider-api', source: 'docs.sambanova.ai (base URL)' },
  { suffix: 'api.voyageai.com', host: h('api\\.voyageai\\.com'), provider: 'voyage', kind: 'provider-api', source: 'docs.voyageai.com (embeddings, rerank)' },
  { suffix: 'api.jina.ai', host: h('api\\.jina\\.ai'), provider: 'jina', kind: 'provider-api', source: 'jina.ai embeddings / reranker API' },
  { suffix: 'siliconflow', host: h('api\\.siliconflow\\.(?:cn|com)'), provider: 'siliconflow', kind: 'provider-api', source: 'docs.siliconflow.cn (base URL)' },
  { suffix: 'aliyuncs.com', host: h('dashscope(?:-intl|-us)?\\.aliyuncs\\.com'), provider: 'alibaba', kind: 'provider-api', source: 'Alibaba Model Studio (DashScope) OpenAI-compatible base URL' },
  { suffix: 'moonshot', host: h('api\\.moonshot\\.(?:cn|ai)'), provider: 'moonshot', kind: 'provider-api', source: 'platform.moonshot.ai (base URL)' },
  { suffix: 'minimax', host: h('api\\.(?:minimax\\.(?:chat|io)|minimaxi\\.com)'), provider: 'minimax', kind: 'provider-api', source: 'MiniMax platform docs (base URL)' },
  { suffix: 'open.bigmodel.cn', host: h('open\\.bigmodel\\.cn'), provider: 'zhipu', kind: 'provider-api', source: 'open.bigmodel.cn docs (Zhipu GLM API)' },
  { suffix: 'api.z.ai', host: h('api\\.z\\.ai'), provider: 'zhipu', kind: 'provider-api', source: 'docs.z.ai (base URL)' },
  { suffix: 'api.stepfun.com', host: h('api\\.stepfun\\.com'), provider: 'stepfun', kind: 'provider-api', source: 'platform.stepfun.com (base URL)' },
  { suffix: 'tencent', host: h('api\\.hunyuan\\.cloud\\.tencent\\.com'), provider: 'tencent', kind: 'provider-api', source: 'Tencent Hunyuan OpenAI-compatible base URL' },
  { suffix: 'qianfan.baidubce.com', host: h('qianfan\\.baidubce\\.com'), provider: 'baidu', kind: 'provider-api', source: 'Baidu Qianfan v2 base URL' },
  { suffix: 'volces.com', host: h(`ark\\.${REGION}\\.volces\\.com`), provider: 'bytedance', kind: 'provider-api', source: 'Volcano Engine Ark base URL (ark.cn-beijing.volces.com)' },
  { suffix: 'integrate.api.nvidia.com', host: h('integrate\\.api\\.nvidia\\.com'), provider: 'nvidia', kind: 'provider-api', source: 'vendor docs (NVIDIA API catalog, OpenAI-compatible base URL)' },
  { suffix: 'huggingface.co', host: h('(?:router|api-inference)\\.huggingface\\.co'), provider: 'huggingface', kind: 'provider-api', source: 'unverified' },
  { suffix: '.endpoints.huggingface.cloud', host: h(`${LABEL}\\.(?:${REGION}\\.)?(?:[a-z0-9]+\\.)?endpoints\\.huggingface\\.cloud`), provider: 'huggingface', kind: 'provider-api', source: 'vendor docs (Inference Endpoints URLs)' },
  { suffix: 'openrouter.ai', host: h('openrouter\\.ai'), path: /^\/api(?:\/|$)/, keyPath: 1, provider: 'openrouter', kind: 'gateway', source: 'v2fly category-ai-!cn; vendor docs (base URL openrouter.ai/api/v1)' },
  { suffix: 'gateway.ai.cloudflare.com', host: h('gateway\\.ai\\.cloudflare\\.com'), keyPath: 3, provider: 'cloudflare', kind: 'gateway', source: 'v2fly category-ai-!cn; vendor docs (/v1/<account>/<gateway>/<provider>)' },
  { suffix: 'helicone.ai', host: h('(?:oai|gateway|anthropic)\\.helicone\\.ai'), provider: 'helicone', kind: 'gateway', source: 'vendor docs (Helicone proxy base URLs)' },
  { suffix: 'api.portkey.ai', host: h('api\\.portkey\\.ai'), provider: 'portkey', kind: 'gateway', source: 'vendor docs (Portkey gateway base URL)' },
  { suffix: ':11434', host: h(`${LABEL}(?:\\.${LABEL})*`), port: '11434', provider: 'ollama', kind: 'self-hosted', source: 'ollama docs (default port 11434)' },
];

/** A variable whose value is the base URL an AI client talks to. */
export interface EndpointEnvName {
  /** Upper-snake name; matched case-insensitively with `-`/`.` read as `_`. */
  readonly name: string;
  /** API style the client speaks (`openai` for an OpenAI-compatible base URL): the `api` attribute. */
  readonly api?: string;
  /** Serving software when the name says which (`ollama`, `litellm`): the endpoint's provider. */
  readonly provider?: string;
  /** Kind of an unknown host given to this name; `self-hosted` unless said. */
  readonly kind?: EndpointKind;
  readonly source: string;
}

export const ENDPOINT_ENV_NAMES: readonly EndpointEnvName[] = [
  { name: 'OPENAI_BASE_URL', api: 'openai', source: 'openai-python/openai-node client env' },
  { name: 'OPENAI_API_BASE', api: 'openai', source: 'cisco; langchain openai_api_base' },
  { name: 'OPENAI_API_HOST', api: 'openai', source: 'common in chat UIs (unverified)' },
  { name: 'AZURE_OPENAI_ENDPOINT', api: 'azure-openai', source: 'cisco; openai-python AzureOpenAI env' },
  { name: 'AZURE_OPENAI_API_BASE', api: 'azure-openai', source: 'cisco' },
  { name: 'ANTHROPIC_BASE_URL', api: 'anthropic', source: 'anthropic-sdk-python client env' },
  { name: 'ANTHROPIC_API_BASE', api: 'anthropic', source: 'cisco' },
  { name: 'OLLAMA_HOST', api: 'ollama', provider: 'ollama', source: 'ollama docs (OLLAMA_HOST)' },
  { name: 'OLLAMA_BASE_URL', api: 'ollama', provider: 'ollama', source: 'langchain/open-webui (unverified)' },
  { name: 'HF_INFERENCE_ENDPOINT', api: 'huggingface', source: 'huggingface_hub environment variables' },
  { name: 'MODEL_ENDPOINT', source: 'cisco' },
  { name: 'INFERENCE_ENDPOINT', source: 'cisco' },
  { name: 'INFERENCE_URL', source: 'cisco' },
  { name: 'LLM_BASE_URL', source: 'common (unverified)' },
  { name: 'LITELLM_PROXY_URL', api: 'openai', provider: 'litellm', kind: 'gateway', source: 'litellm docs (unverified)' },
];

/** Hosts that are this machine: normalized to `localhost`. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '::1'];

/** Host labels written as placeholders in templates (`your-resource.openai.azure.com`): read as `*`. */
export const PLACEHOLDER_LABEL = /^(?:<.*>|\{.*\}|\$\{.*\}|\*|x{3,}|.*your.*|.*example.*|.*placeholder.*|.*resource[-_]?name.*|my[-_]?resource)$/i;
