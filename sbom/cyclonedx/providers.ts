/**
 * Display names and home pages of the vendors behind aimap's `provider` ids, for `supplier`,
 * `manufacturer` and service `provider` entities. Source: each vendor's own site (the URL given).
 * An id missing here is still written, as its id, without a URL.
 */
import type { CdxOrganization } from './types.ts';

interface Vendor {
  readonly name: string;
  readonly url: string;
}

const VENDORS: Readonly<Record<string, Vendor>> = {
  'anthropic': { name: 'Anthropic', url: 'https://www.anthropic.com' },
  'arize': { name: 'Arize AI', url: 'https://arize.com' },
  'atlassian': { name: 'Atlassian', url: 'https://www.atlassian.com' },
  'aws': { name: 'Amazon Web Services', url: 'https://aws.amazon.com' },
  'aws-bedrock': { name: 'Amazon Web Services', url: 'https://aws.amazon.com/bedrock/' },
  'aws-bedrock-agentcore': { name: 'Amazon Web Services', url: 'https://aws.amazon.com/bedrock/agentcore/' },
  'aws-s3': { name: 'Amazon Web Services', url: 'https://aws.amazon.com/s3/' },
  'aws-sagemaker': { name: 'Amazon Web Services', url: 'https://aws.amazon.com/sagemaker/' },
  'azure': { name: 'Microsoft', url: 'https://azure.microsoft.com' },
  'azure-ai': { name: 'Microsoft', url: 'https://azure.microsoft.com/products/ai-services' },
  'azure-ai-foundry': { name: 'Microsoft', url: 'https://ai.azure.com' },
  'azure-ai-services': { name: 'Microsoft', url: 'https://azure.microsoft.com/products/ai-services' },
  'azure-machine-learning': { name: 'Microsoft', url: 'https://azure.microsoft.com/products/machine-learning' },
  'azure-ml': { name: 'Microsoft', url: 'https://azure.microsoft.com/products/machine-learning' },
  'azure-openai': { name: 'Microsoft', url: 'https://azure.microsoft.com/products/ai-services/openai-service' },
  'baai': { name: 'Beijing Academy of Artificial Intelligence', url: 'https://www.baai.ac.cn' },
  'chroma': { name: 'Chroma', url: 'https://www.trychroma.com' },
  'cline': { name: 'Cline', url: 'https://cline.bot' },
  'cohere': { name: 'Cohere', url: 'https://cohere.com' },
  'cursor': { name: 'Anysphere (Cursor)', url: 'https://cursor.com' },
  'deepseek': { name: 'DeepSeek', url: 'https://www.deepseek.com' },
  'gcp': { name: 'Google Cloud', url: 'https://cloud.google.com' },
  'github': { name: 'GitHub', url: 'https://github.com' },
  'google': { name: 'Google', url: 'https://ai.google.dev' },
  'google-vertex-ai': { name: 'Google Cloud', url: 'https://cloud.google.com/vertex-ai' },
  'groq': { name: 'Groq', url: 'https://groq.com' },
  'huggingface': { name: 'Hugging Face', url: 'https://huggingface.co' },
  'langchain': { name: 'LangChain', url: 'https://www.langchain.com' },
  'langfuse': { name: 'Langfuse', url: 'https://langfuse.com' },
  'llamaindex': { name: 'LlamaIndex', url: 'https://www.llamaindex.ai' },
  'meta': { name: 'Meta', url: 'https://www.llama.com' },
  'microsoft': { name: 'Microsoft', url: 'https://www.microsoft.com' },
  'milvus': { name: 'Milvus (LF AI & Data)', url: 'https://milvus.io' },
  'mistral': { name: 'Mistral AI', url: 'https://mistral.ai' },
  'mlflow': { name: 'MLflow (LF Projects)', url: 'https://mlflow.org' },
  'nvidia': { name: 'NVIDIA', url: 'https://www.nvidia.com' },
  'ollama': { name: 'Ollama', url: 'https://ollama.com' },
  'openai': { name: 'OpenAI', url: 'https://openai.com' },
  'openrouter': { name: 'OpenRouter', url: 'https://openrouter.ai' },
  'perplexity': { name: 'Perplexity', url: 'https://www.perplexity.ai' },
  'pinecone': { name: 'Pinecone Systems', url: 'https://www.pinecone.io' },
  'qdrant': { name: 'Qdrant', url: 'https://qdrant.tech' },
  'qwen': { name: 'Alibaba Cloud (Qwen)', url: 'https://qwenlm.github.io' },
  'replicate': { name: 'Replicate', url: 'https://replicate.com' },
  'together': { name: 'Together AI', url: 'https://www.together.ai' },
  'vercel': { name: 'Vercel', url: 'https://vercel.com' },
  'xai': { name: 'xAI', url: 'https://x.ai' },
  'zendesk': { name: 'Zendesk', url: 'https://www.zendesk.com' },
};

/** The vendor entity for a provider id, or undefined when there is no provider. */
export function vendorEntity(provider: string | undefined): CdxOrganization | undefined {
  if (provider === undefined || provider === '') return undefined;
  const vendor = VENDORS[provider];
  return vendor === undefined ? { name: provider } : { name: vendor.name, url: [vendor.url] };
}

/** Hugging Face as the distributor (`supplier`) of Hub models. */
export const HUGGING_FACE: CdxOrganization = { name: 'Hugging Face', url: ['https://huggingface.co'] };
