/**
 * Facts about a model that a scan can back: whether it is a Hugging Face Hub id, where it runs,
 * its task and architecture family. Only facts known from the id or the scan are written; a model
 * card field with nothing behind it is left out rather than guessed.
 */
import type { Asset } from '../../src/model/index.ts';
import { sources, type InventoryIndex } from './select.ts';
import type { CdxModelCard, CdxProperty } from './types.ts';

/** Where a model runs, as `aimap:model:hosting` says it. */
export type Hosting = 'third-party-api' | 'cloud-managed' | 'self-hosted';

/** Gateways and API-only vendors: an `<org>/<model>` id under them is a routed API model, not a Hub repo. */
const GATEWAY_ORGS = new Set(['openrouter', 'groq', 'fireworks', 'together', 'bedrock', 'vertex', 'azure', 'perplexity', 'anthropic', 'x-ai', 'xai', 'deepinfra', 'replicate', 'ollama']);
/** Model names only served through vendor APIs (no weights on the Hub). */
const API_ONLY = /^(?:gpt-(?:3\.5|4|4o|4\.1|4\.5|5)|o[1-9]|chatgpt|text-embedding-|dall-e|tts-|whisper-1|gemini|claude|grok|command)/i;
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;

/** Cloud platforms that host the model for you. */
const CLOUD = new Set(['aws-bedrock', 'aws-sagemaker', 'google-vertex-ai', 'azure-openai', 'azure-ai', 'azure-ai-foundry', 'azure-ai-services', 'azure-ml', 'azure-machine-learning']);
/** Vendors whose models are reached over their public API. */
const API_VENDORS = new Set(['openai', 'anthropic', 'google', 'cohere', 'mistral', 'xai', 'deepseek', 'openrouter', 'groq', 'together', 'perplexity', 'fireworks', 'replicate']);
/** How a model was referenced (`attributes.sources`) when its weights are pulled and run locally. */
const LOCAL_SOURCE = /ollama|pull|from_pretrained|SentenceTransformer|storage-uri|^arg:--model/;

/** The Hub id of a model (`org/name`), or undefined when it is not one. */
export function hubId(model: Asset): string | undefined {
  const declared = model.attributes['hfModelId'];
  if (typeof declared === 'string' && HUB_ID.test(declared)) return declared;
  if (!HUB_ID.test(model.name)) return undefined;
  const [org = '', name = ''] = model.name.split('/');
  return GATEWAY_ORGS.has(org.toLowerCase()) || API_ONLY.test(name) ? undefined : model.name;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Where the model runs, or undefined when the scan cannot tell. */
export function hosting(index: InventoryIndex, model: Asset): Hosting | undefined {
  const servers = sources(index, model.id, new Set(['SERVES']));
  if (servers.some((s) => s.kind === 'model-server' || s.attributes['kind'] === 'self-hosted')) return 'self-hosted';
  if (model.provider !== undefined && CLOUD.has(model.provider)) return 'cloud-managed';
  if (hubId(model) !== undefined || stringList(model.attributes['sources']).some((s) => LOCAL_SOURCE.test(s))) return 'self-hosted';
  if (model.provider !== undefined && API_VENDORS.has(model.provider)) return 'third-party-api';
  return undefined;
}

/** Task names follow the Hugging Face pipeline tags, which CycloneDX's own examples use. */
const TASKS: readonly { readonly task: string; readonly pattern: RegExp }[] = [
  { task: 'feature-extraction', pattern: /embed|(?:^|\/)bge-|minilm|(?:^|\/)e5-|(?:^|\/)gte-|^sentence-transformers\// },
  { task: 'text-ranking', pattern: /rerank/ },
  { task: 'text-classification', pattern: /sst-2|sentiment/ },
  { task: 'automatic-speech-recognition', pattern: /whisper/ },
  { task: 'text-to-image', pattern: /dall-e|imagen|stable-diffusion|flux/ },
  { task: 'text-generation', pattern: /gpt-|(?:^|[./:])o[1-9](?:$|-)|claude|llama|mistral|mixtral|qwen|gemma|gemini|(?:^|\/)phi-?\d|command|deepseek|grok|titan-text/ },
];

/** Open-weight families whose published architecture is a transformer. */
const TRANSFORMER = /llama|mistral|mixtral|qwen|gemma|(?:^|\/)phi-?\d|gpt-oss|bert|minilm|(?:^|\/)bge-|(?:^|\/)e5-|(?:^|\/)t5|falcon|deepseek/;

/** The task of a model id, when its name says it. */
export function taskOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  return TASKS.find((t) => t.pattern.test(lower))?.task;
}

/** Builds a model card from the facts at hand, or undefined when none is known. */
export function modelCard(facts: {
  readonly task?: string;
  readonly architectureFamily?: string;
  readonly modelArchitecture?: string;
  readonly properties: readonly CdxProperty[];
}): CdxModelCard | undefined {
  const parameters = {
    ...(facts.task === undefined ? {} : { task: facts.task }),
    ...(facts.architectureFamily === undefined ? {} : { architectureFamily: facts.architectureFamily }),
    ...(facts.modelArchitecture === undefined ? {} : { modelArchitecture: facts.modelArchitecture }),
  };
  const hasParameters = Object.keys(parameters).length > 0;
  if (!hasParameters && facts.properties.length === 0) return undefined;
  return { ...(hasParameters ? { modelParameters: parameters } : {}), ...(facts.properties.length === 0 ? {} : { properties: facts.properties }) };
}

/** The model card of a `model` asset. */
export function modelCardOfModel(index: InventoryIndex, model: Asset): CdxModelCard | undefined {
  const lower = model.name.toLowerCase();
  const where = hosting(index, model);
  const properties: CdxProperty[] = [];
  if (where !== undefined) properties.push({ name: 'aimap:model:hosting', value: where });
  if (model.provider !== undefined) properties.push({ name: 'aimap:model:provider', value: model.provider });
  const task = taskOf(model.name);
  return modelCard({
    ...(task === undefined ? {} : { task }),
    ...(TRANSFORMER.test(lower) ? { architectureFamily: 'transformer' } : {}),
    properties,
  });
}

/** The model card of a `model-file` asset (weights on disk): architecture and size from its header. */
export function modelCardOfFile(file: Asset): CdxModelCard | undefined {
  const a = file.attributes;
  const properties: CdxProperty[] = [{ name: 'aimap:model:hosting', value: 'self-hosted' }];
  const count = typeof a['sizeLabel'] === 'string' ? a['sizeLabel'] : typeof a['parameters'] === 'number' ? String(a['parameters']) : undefined;
  if (count !== undefined) properties.push({ name: 'cdx:ai-ml:model:parameter:count', value: count });
  const architecture = typeof a['architecture'] === 'string' ? a['architecture'] : undefined;
  return modelCard({ ...(architecture === undefined ? {} : { modelArchitecture: architecture }), properties });
}
