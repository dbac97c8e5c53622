/**
 * Model-id catalog: which strings are model ids and whose. Used two ways:
 * - `matchKnownModel(s)`: recognizes an id anywhere it is written in AI code (constants, arrays, maps);
 * - `looksLikeModelId(s)`: a weaker shape check for strings already in a model position
 *   (`model=`, `from_pretrained(...)`, `openai('...')`), where unknown ids are still ids.
 * Source: Cisco deployment_detector.py _MODEL_NAME_RE (research/anchors-mission.md §2b), extended
 * with provider model lists (OpenAI, Anthropic, Google, Mistral, Cohere, Bedrock model ids).
 */
import { nameWords } from './name-words.ts';

export interface ModelFamily {
  readonly provider: string;
  readonly pattern: RegExp;
  readonly source: string;
}

/**
 * Bedrock-style `vendor.model` ids, optionally behind a cross-region inference profile prefix. The
 * model part has a `-` and no further dot (`anthropic.claude-3-haiku-20240307-v1:0`), so dotted
 * module paths (`openai.types.responses`, `mock.patch("anthropic.resources...")`) are not ids.
 */
const BEDROCK = /^(?:(?:us|eu|apac|global|us-gov)\.)?(anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|writer|openai|qwen|twelvelabs|luma)\.[a-z0-9][a-z0-9:]*-[a-z0-9:-]*$/;

export const MODEL_FAMILIES: readonly ModelFamily[] = [
  { provider: 'openai', pattern: /^(?:gpt-(?:3\.5|4|4o|4\.1|4\.5|5|oss|image|realtime|audio)[\w.:-]*|chatgpt-[\w.-]+|o[1-9](?:-(?:mini|preview|pro|deep-research))*(?:-\d{4}-\d{2}-\d{2})?|text-embedding-(?:3-small|3-large|ada-002)|text-(?:davinci|curie|babbage|ada)-\d{3}|dall-e-[23]|whisper-1|tts-1(?:-hd)?|davinci-002|babbage-002|(?:omni|text)-moderation-[\w.-]+|codex-mini[\w.-]*|computer-use-preview[\w.-]*)$/, source: 'platform.openai.com models list' },
  { provider: 'anthropic', pattern: /^claude-(?:instant|[0-9]|opus|sonnet|haiku|3|2)[\w.@-]*$/, source: 'docs.anthropic.com models overview' },
  { provider: 'google', pattern: /^(?:models\/)?(?:gemini-(?:\d|pro|ultra|exp|flash|nano|embedding)[\w.-]*|gemma(?:\d[\w.:-]*|[-:][\w.:-]+)?|text-embedding-00\d|textembedding-gecko[\w@.-]*|text-multilingual-embedding-[\w.-]+|imagen-[\w.-]+|veo-[\w.-]+|chat-bison[\w@.-]*|text-bison[\w@.-]*|embedding-001)$/, source: 'ai.google.dev models; Vertex AI model garden' },
  { provider: 'mistral', pattern: /^(?:(?:open-)?(?:mistral|mixtral|codestral|ministral|pixtral|magistral|devstral)(?:-[\w.:-]+|:[\w.-]+)?|mistral-embed)$/, source: 'docs.mistral.ai models' },
  { provider: 'cohere', pattern: /^(?:command-(?:r|a|light|nightly|r7b)(?:-[\w.-]+)?|embed-(?:english|multilingual)-(?:light-)?v\d[\w.-]*|rerank-[\w.-]+)$/, source: 'docs.cohere.com models' },
  { provider: 'meta', pattern: /^(?:llama[-_ ]?[2-4](?:[.\d]*)[\w.:-]*|llama[23]?(?:\.\d)?:[\w.-]+|codellama[\w.:-]*|llama-guard[\w.:-]*)$/i, source: 'llama.meta.com; ollama library tags' },
  { provider: 'deepseek', pattern: /^deepseek-(?:chat|reasoner|coder|r1|v\d|llm|math|vl|prover)[\w.:-]*$/, source: 'api-docs.deepseek.com' },
  { provider: 'qwen', pattern: /^(?:qwen|qwq)[\w.:-]*\d[\w.:-]*$/i, source: 'ollama library; Alibaba model studio' },
  // Model Studio's (DashScope's) API ids carry no version: `qwen-max`, `qwen-plus-latest`, `qwen-vl-max`,
  // or a date (`qwen-turbo-2025-04-28`); `qwen-max-api` is a product name.
  { provider: 'qwen', pattern: /^qwen-(?:max|plus|turbo|long|flash|coder-plus|coder-turbo|coder-flash|vl-max|vl-plus|omni-turbo|mt-plus|mt-turbo|math-plus|math-turbo)(?:-(?:latest|\d[\w.-]*))?$/i, source: 'help.aliyun.com Model Studio models list (qwen-max, qwen-plus, qwen-turbo, qwen-long, qwen-flash, qwen-vl-max, qwen-coder-plus)' },
  // Perplexity's API models; a bare `sonar` is left out (SonarQube's word too).
  { provider: 'perplexity', pattern: /^sonar-(?:pro|reasoning|reasoning-pro|deep-research)$/, source: 'docs.perplexity.ai models (sonar-pro, sonar-reasoning, sonar-reasoning-pro, sonar-deep-research)' },
  { provider: 'xai', pattern: /^grok-(?:\d|beta|vision|code)[\w.-]*$/, source: 'docs.x.ai models' },
  { provider: 'microsoft', pattern: /^phi-?[1-4][\w.:-]*$/i, source: 'ollama library; Azure AI model catalog' },
  { provider: 'voyage', pattern: /^voyage-(?:\d|large|code|finance|law|multilingual|multimodal|lite|context)[\w.-]*$/, source: 'docs.voyageai.com embeddings and rerankers' },
  // OpenAI-compatible vendors: their ids are called through the `openai` package, which must not be taken for their maker.
  { provider: 'zhipu', pattern: /^(?:glm-?(?:[3-9]|z1)(?:[.:-][\w.:-]*|v[\w.:-]*)?|chatglm\d?(?:-[\w.:-]+)?|cogview-\d[\w.-]*)$/i, source: 'docs.bigmodel.cn / docs.z.ai model list; huggingface.co/zai-org, THUDM' },
  { provider: 'moonshot', pattern: /^(?:moonshot-v1-[\w.-]+|kimi-(?:k\d|latest|thinking)[\w.-]*)$/i, source: 'platform.moonshot.ai docs models; huggingface.co/moonshotai' },
  { provider: 'minimax', pattern: /^(?:minimax-(?:m\d|text-\d|vl-\d)[\w.-]*|abab\d[\w.-]*)$/i, source: 'platform.minimax.io docs models; huggingface.co/MiniMaxAI' },
  { provider: 'aws-bedrock', pattern: BEDROCK, source: 'docs.aws.amazon.com bedrock model ids' },
  // Azure OpenAI deployments name GPT-3.5 without the dot (`model { name = "gpt-35-turbo" }`).
  { provider: 'openai', pattern: /^gpt-35-turbo(?:-16k|-instruct)?(?:-\d{4})?$/, source: 'learn.microsoft.com/azure/ai-foundry/openai/concepts/models and legacy-models (gpt-35-turbo, -16k, -instruct)' },
  // Vertex AI PaLM 2 / Codey and multimodal embedding names, with their `@00x` versions (Vertex model garden).
  { provider: 'google', pattern: /^(?:code-bison|codechat-bison|code-gecko|text-unicorn|multimodalembedding)(?:-32k)?(?:@(?:\d{3}|latest))?$/, source: 'cloud.google.com/vertex-ai/generative-ai/docs/legacy/legacy-models; .../embeddings/get-multimodal-embeddings' },
];

/**
 * Lower-case pieces, one of which is in nearly every catalog id (`gpt-`, `claude-`, `llama`, ...):
 * what a file must hold for the code detectors to look for model ids in a file that imports no AI
 * package (a model list in `lib/ai/models.ts`). Ids without one (`o3`, bare `mistral`) count only
 * in AI code. Each is at least three characters (a literal gate's window). A stem must be rare
 * outside ids: Cohere's and Amazon's are spelled past `command-` and `amazon.`, which every
 * `command-line` and `docs.aws.amazon.com` held (on cloned repositories, 228 and 528 JavaScript
 * files importing nothing AI, each then parsed for nothing).
 */
export const MODEL_STEMS: readonly string[] = [
  'gpt-', 'chatgpt-', 'claude-', 'gemini-', 'gemma', 'llama', 'mistral', 'mixtral', 'codestral', 'ministral', 'pixtral', 'magistral',
  'devstral', 'command-r', 'command-a-', 'command-light', 'command-nightly', 'embed-english', 'embed-multilingual', 'rerank-', 'deepseek-', 'qwen', 'qwq', 'grok-', 'text-embedding-',
  'textembedding-', 'voyage-', 'dall-e-', 'whisper-1', 'phi-', 'phi3', 'phi4', 'o1-', 'o3-', 'o4-', 'imagen-', 'veo-', '-bison',
  'anthropic.', 'amazon.titan', 'amazon.nova', 'amazon.rerank', 'cohere.', 'meta.llama',
];

/** Names of constants that hold model ids (`DEFAULT_MODEL`, `llm_name`, `MODELS`). */
export const MODEL_HOLDER = /model|llm/i;

/**
 * More different ids than a program chooses among: a registry of the market (every provider's
 * models, a picker's presets, a framework's context-window or price table), which would bury the
 * models a system uses. A constant (JavaScript/TypeScript catalogs: a file) holding more is left out.
 */
export const MAX_REGISTRY_IDS = 50;

/** True when `values` hold more than `MAX_REGISTRY_IDS` different known model ids. */
export function isModelRegistry(values: Iterable<string | undefined>): boolean {
  const ids = new Set<string>();
  for (const v of values) {
    if (v === undefined || matchKnownModel(v) === undefined) continue;
    ids.add(v.trim().toLowerCase());
    if (ids.size > MAX_REGISTRY_IDS) return true;
  }
  return false;
}

/**
 * A name that says it holds a model, word for word (`DEFAULT_MODEL`, `chatModelId`, `llm_name`,
 * `MODELS`): `model`/`llm` is its last word or is followed only by `name` or `id`. Looser than
 * MODEL_HOLDER, which also takes `modelPreferences` and `WithModelHints`.
 */
export function namesModel(name: string): boolean {
  const words = nameWords(name);
  const at = words.findLastIndex((w) => /^(?:model|llm)s?$/.test(w));
  return at !== -1 && words.slice(at + 1).every((w) => /^(?:name|id)s?$/.test(w));
}

/**
 * Names of helpers that choose a model (`getModel`, `get_llm`, `getEmbeddingModel`, `LLM`): the name
 * ends with the word. Predicates (`isReasoningModel`, `supports_model`) and helpers about a model
 * (`find_model_family`, `model_pricing`, `encoding_for_model`, `getMaxTokensForModel`: something
 * *for* a model) ask about an id, they do not choose one.
 */
export function isModelHelper(name: string): boolean {
  return /(?:model|llm)s?$/i.test(name) && !/^_*(?:is|has|supports?|can|validate|check)(?:[A-Z_]|$)/.test(name) && !/(?:^|_)for_(?:model|llm)s?$|[a-z]For(?:Model|Llm|LLM)s?$/.test(name);
}

const SAMPLE_WORD = /^(?:examples?|samples?|demos?|mock(?:s|ed)?|fakes?|dumm(?:y|ies)|fixtures?|tests?|testing)$/i;

/**
 * A name that holds sample data, not the models a program uses (`EXAMPLE_ROWS`, `mockModels`,
 * `test_models`): one of its words (camelCase, snake_case or kebab-case) says so. Whole words:
 * `LATEST_MODELS`, `fastestModels` and `contestModels` are not samples.
 */
export function isSampleHolder(name: string): boolean {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).some((word) => SAMPLE_WORD.test(word));
}

/**
 * A string a model list outside AI code counts: a catalog id with a stem (`MODEL_STEMS`), not a
 * bare family name (the JavaScript detector's model catalogs, `detectModelCatalog`).
 */
export function isListedModel(value: string): boolean {
  return hasModelStem(value) && !isBareName(value) && matchKnownModel(value) !== undefined;
}

/**
 * Any stem, in one pass: a regex alternation of the stems runs several times faster than an
 * `includes` per stem on a text that holds none (7–12 ms against 40–80 ms on a 2 MB file).
 */
const STEM = new RegExp(MODEL_STEMS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** A catalog id with a stem (`MODEL_STEMS`): counted even where no AI package is imported. */
export function hasModelStem(text: string): boolean {
  STEM.lastIndex = 0;
  return STEM.test(text);
}

/** A `provider:model` id (LangChain `init_chat_model`, pydantic-ai, LangGraph): the provider, then the model. */
export const PROVIDER_PREFIXED = /^([a-z][a-z0-9_-]*):([^:/].*)$/;

/** Characters of a model id before its stem (`openai/`, `us.anthropic.`, `models/`, `ai/`): `[\w.:/@+-]`. */
function isIdChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x2d && c <= 0x3a) || c === 0x5f || c === 0x40 || c === 0x2b; // a-z A-Z -./0-9: _ @ +
}
/**
 * How far before a stem its opening quote may be: longer than any id's prefix
 * (`projects/p/locations/l/publishers/google/models/`), and a bound on the work per occurrence.
 */
const MAX_ID_PREFIX = 128;
/** How far after a stem its closing quote may be. */
const MAX_ID_SUFFIX = 128;

/** `matchKnownModel`, also for a `provider:model` id whose part after the colon is known (`openai:gpt-4o-mini`). */
export function knownPrefixedModel(value: string, position: IdPosition = 'anywhere'): ModelMatch | undefined {
  const rest = PROVIDER_PREFIXED.exec(value.trim())?.[2];
  return matchKnownModel(value, position) ?? (rest === undefined ? undefined : matchKnownModel(rest, position));
}

/** `isListedModel` (a catalog id with a stem, not a bare family name), also for a `provider:model` id. */
export function isListedPrefixedModel(value: string): boolean {
  const rest = PROVIDER_PREFIXED.exec(value.trim())?.[2] ?? value;
  return hasModelStem(rest) && !isBareName(rest) && knownPrefixedModel(value) !== undefined;
}

/**
 * True when a quoted string holds nothing but a listed model id (`isListedModel`), or one behind a
 * `provider:` prefix (`"openai:gpt-4.1"`, as the Python detector reads them): `"gpt-4o"`,
 * `'anthropic/claude-3-haiku'`. That is the only thing a model list in a file that
 * imports no AI package counts (JavaScript catalogs, Python settings classes), so a file without
 * one is not parsed at all: not for a stem in a comment or a sentence (`claude-code` in a doc
 * comment, `llama.cpp` in prose), nor in a string that is no model (`'@google/gemini-cli-core'`,
 * `"gemini-cli"`). On cloned repositories this kept every file whose model list counted.
 */
export function quotesListedModel(text: string): boolean {
  STEM.lastIndex = 0;
  for (let m = STEM.exec(text); m !== null; m = STEM.exec(text)) {
    // Stems are made of id characters, so a stem found inside a longer one (`llama` in
    // `meta.llama`) leads back to the same quote.
    const stop = Math.max(-1, m.index - 1 - MAX_ID_PREFIX);
    let open = m.index - 1;
    while (open > stop && isIdChar(text.charCodeAt(open))) open--;
    const quote = text.charCodeAt(open);
    let close = m.index + m[0].length;
    const limit = Math.min(text.length, close + MAX_ID_SUFFIX);
    while (close < limit && isIdChar(text.charCodeAt(close))) close++;
    if ((quote === 0x22 || quote === 0x27 || quote === 0x60) && text.charCodeAt(close) === quote) {
      const value = text.slice(open + 1, close);
      if (isListedModel(value) || isListedPrefixedModel(value)) return true;
    }
    // The rest of this run of id characters belongs to the same string, decided here.
    STEM.lastIndex = close;
  }
  return false;
}

/**
 * Gateway / Hub ids `<org>/<model>`: the org must be a known model publisher or gateway prefix,
 * so `src/index` or `owner/repo` strings are not taken for models.
 */
const KNOWN_ORGS = new Set([
  'openai', 'anthropic', 'google', 'google-deepmind', 'meta', 'meta-llama', 'mistral', 'mistralai', 'xai', 'x-ai',
  'deepseek', 'deepseek-ai', 'cohere', 'coherelabs', 'groq', 'perplexity', 'qwen', 'microsoft', 'amazon', 'bedrock',
  'vertex', 'azure', 'huggingfaceh4', 'huggingface', 'sentence-transformers', 'baai', 'intfloat', 'thenlp',
  'nomic-ai', 'tiiuae', 'bigscience', 'bigcode', 'stabilityai', 'black-forest-labs', 'nvidia', 'ibm-granite',
  'allenai', 'thudm', 'zai-org', 'moonshotai', 'minimaxai', 'togethercomputer', 'nousresearch', 'teknium', 'mosaicml',
  'databricks', 'eleutherai', 'facebook', 'bert-base-uncased', 'distilbert', 'openrouter', 'fireworks', 'together',
  'ollama', 'unsloth', 'thebloke', 'lmstudio-community', 'mlx-community', 'jinaai', 'cross-encoder', 'hf-internal-testing',
]);

/**
 * Never a whole id: a prefix a program matches on (`claude-3-`, `gpt-4.`) or a file name
 * (`command-runner.jar`).
 */
const NOT_AN_ID = /[-_.:@/]$|\.(?:jar|war|zip|tar|tgz|gz|exe|dll|so|dylib|js|ts|py|json|ya?ml|txt|md|sh|html?|css|png|jpe?g|svg|log)$/i;

/**
 * A single word, letters and digits only (`mistral`, `gemma`, `phi4`, `llama3`): a model name to
 * Ollama, but as often a provider enum value or a template name. Callers outside model positions
 * ask for more context before counting one.
 */
export function isBareName(raw: string): boolean {
  return /^[a-z]+[0-9]*[a-z]*[0-9]*$/i.test(raw.trim());
}

export interface ModelMatch {
  readonly provider: string;
}

/**
 * Words of a Hub model's name (split at `-`, `_`, `.`) that say model: sizes and variants
 * (`bge-reranker-large`, `DialoGPT-medium`, `Mistral-Nemo-Instruct`) and encoder families whose
 * names carry no digit (`codebert-base`, `bart-large-cnn`). Source: huggingface.co model cards
 * (BERT, RoBERTa, BART, ELECTRA, MiniLM, MPNet, BGE, GTE, Nomic Embed names and size suffixes);
 * hosted families written without a version (`amazon/titan-text`, `amazon/nova-pro`,
 * `perplexity/sonar-pro`): openrouter.ai/models, docs.litellm.ai providers.
 */
const MODEL_NAME_WORD = /^(?:base|large|small|medium|mini|tiny|nano|xl|xxl|instruct|uncased|cased|multilingual|embed|embedding|rerank|reranker|distilled|bert|codebert|roberta|distilroberta|distilbert|deberta|albert|electra|bart|minilm|mpnet|bge|gte|titan|nova|sonar)$/i;

/**
 * The part after `<known org>/` names a model, not a repository or a package of that org
 * (`facebook/react`, `google/zx`, `microsoft/typescript`, `meta-llama/llama-stack`): it holds a digit
 * (a size, a version: `opt-125m`, `Mistral-7B-v0.1`), a size or model word (`MODEL_NAME_WORD`), or
 * is a catalog id itself (`gpt-4o`, `deepseek-chat`).
 */
function namesHubModel(name: string): boolean {
  return /\d/.test(name) || name.split(/[-_.]/).some((word) => MODEL_NAME_WORD.test(word)) || matchKnownModel(name) !== undefined;
}

/**
 * Where a string stands: `anywhere` (a constant, an array, an object value), or `model-named` (a
 * `model` key, a constant named for models word for word (`namesModel`), a model helper's argument), where any
 * `<known org>/<name>` is an id (`openrouter/auto`, `nomic-ai/nomic-embed-text`).
 */
export type IdPosition = 'anywhere' | 'model-named';

/**
 * Recognizes a model id from the catalog, or a `<known org>/<model>` gateway/Hub id. Anywhere but
 * where the code names a model, the part after the slash must look like a model (`namesHubModel`):
 * the org's repositories and packages (`facebook/react`, `microsoft/typescript`) are not models.
 */
export function matchKnownModel(raw: string, position: IdPosition = 'anywhere'): ModelMatch | undefined {
  const s = raw.trim();
  if (s.length < 3 || s.length > 128 || /\s/.test(s) || NOT_AN_ID.test(s)) return undefined;
  for (const family of MODEL_FAMILIES) if (family.pattern.test(s)) return { provider: family.provider };
  const slash = /^([\w.-]+)\/([\w.:@-]+)$/.exec(s);
  if (slash?.[1] !== undefined && slash[2] !== undefined && KNOWN_ORGS.has(slash[1].toLowerCase())) {
    if (position === 'anywhere' && !namesHubModel(slash[2])) return undefined;
    const inner = matchKnownModel(slash[2]);
    return { provider: inner?.provider ?? normalizeOrg(slash[1]) };
  }
  return undefined;
}

function normalizeOrg(org: string): string {
  const o = org.toLowerCase();
  if (o === 'meta-llama' || o === 'facebook') return 'meta';
  if (o === 'mistralai') return 'mistral';
  if (o === 'x-ai') return 'xai';
  if (o === 'deepseek-ai') return 'deepseek';
  if (o === 'google-deepmind') return 'google';
  if (o === 'thudm' || o === 'zai-org') return 'zhipu';
  if (o === 'moonshotai') return 'moonshot';
  if (o === 'minimaxai') return 'minimax';
  return o;
}

/** Placeholder ids people write in examples; never reported. */
const PLACEHOLDER = /^(?:your[-_ ]?[\w-]*|model[-_ ]?(?:name|id)|(?:my|test|fake|dummy|mock|stub|sample|example)[-_]?(?:model|llm)[\w-]*|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|x{3,}|n\/a|todo|tbd|changeme|string|default|none|null|undefined|unknown|test|example|placeholder|dummy|fake|mock)$/i;

/**
 * Shape check for a string already in a model position: a plausible id (no spaces, no URL,
 * no file extension of source code), not a placeholder. Known ids pass regardless.
 */
export function looksLikeModelId(raw: string): boolean {
  const s = raw.trim();
  if (matchKnownModel(s)) return true;
  if (s.length < 2 || s.length > 128 || PLACEHOLDER.test(s)) return false;
  if (/\s|^https?:|^\/|^\.|\.(?:js|ts|py|json|ya?ml|txt|md)$/i.test(s)) return false;
  // A bare word (`Sagemaker`, `User`, `default`) is a label, not an id: real ids that are single words
  // (`mistral`, `gemma`) are in the catalog; anything else needs a digit or a separator.
  return /^[A-Za-z0-9][\w.:@/-]*$/.test(s) && /[a-z]/i.test(s) && /[\d\-/:.]/.test(s);
}

/** Provider of a model id: catalog match, else the gateway org, else undefined. */
/**
 * The provider of a `provider:model` id (the AI SDK registry's `openai:gpt-4o`): the maker of the
 * model after the colon when the catalog knows it, else the name before it when that is a known
 * publisher or gateway (`KNOWN_ORGS`); undefined for any other prefix (`house-coder:7b`).
 */
export function prefixedProvider(raw: string): string | undefined {
  const m = PROVIDER_PREFIXED.exec(raw.trim());
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return modelProvider(m[2]) ?? (KNOWN_ORGS.has(m[1].toLowerCase()) ? normalizeOrg(m[1]) : undefined);
}

export function modelProvider(raw: string): string | undefined {
  const known = matchKnownModel(raw);
  if (known) return known.provider;
  const slash = /^([\w.-]+)\//.exec(raw.trim());
  return slash?.[1] === undefined ? undefined : normalizeOrg(slash[1]);
}
