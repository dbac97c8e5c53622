/**
 * AI API key formats as data. Each row names its source (research/anchors-mission.md §2(d)):
 *   gitleaks = gitleaks/gitleaks cmd/generate/config/rules/<file>.go; trufflehog = trufflesecurity/trufflehog
 *   pkg/detectors/<dir>; third-party = community rule sets quoted in §2(d), not checked against the vendor.
 * Shapes are tested against a whole token (a maximal run of `[A-Za-z0-9_-]`), never searched inside
 * text, so no row can backtrack. Rows are tried in order; the first whose shape, context and
 * plausibility checks pass wins.
 */
import type { Confidence } from '../../model/index.ts';

export interface KeyRule {
  /** Provider id, the asset's name (`openai`, `anthropic`, ...). */
  readonly provider: string;
  /** What kind of credential (`project`, `admin`, `user-access`, ...). */
  readonly keyType: string;
  /** The public prefix shown in snippets and stored as `prefix`; '' for formats without one. */
  readonly prefix: string;
  /** Anchored shape of the whole token. */
  readonly shape: RegExp;
  /** Minimum Shannon entropy (bits per character) of the part after the prefix. */
  readonly minEntropy: number;
  /** Minimum character classes (upper, lower, digit) in the part after the prefix. */
  readonly minClasses: number;
  /**
   * Words that must appear near the key: on its line, or in the two lines above when the key is not
   * assigned to a specific name (see `nearText`). Formats without a unique prefix need one.
   */
  readonly context?: RegExp;
  /** Also require a key-ish word (`key`, `token`, `secret`) on the line or in the assigned name. */
  readonly keyWord?: boolean;
  /** `declared` for self-identifying formats, `inferred` when the provider comes from context. */
  readonly confidence: Confidence;
  readonly source: string;
}

const GEMINI_CONTEXT = /gemini|generativelanguage|genai|google[_-]?ai(?![a-z])|aistudio|GOOGLE_API_KEY/i;

/** Key formats, most specific first (OpenRouter and Anthropic before the OpenAI `sk-` rows). */
export const KEY_RULES: readonly KeyRule[] = [
  { provider: 'anthropic', keyType: 'api', prefix: 'sk-ant-api03-', shape: /^sk-ant-api03-[\w-]{93}AA$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks anthropic.go; trufflehog anthropic' },
  { provider: 'anthropic', keyType: 'admin', prefix: 'sk-ant-admin01-', shape: /^sk-ant-admin01-[\w-]{93}AA$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks anthropic.go; trufflehog anthropic' },
  { provider: 'anthropic', keyType: 'oauth', prefix: 'sk-ant-oat01-', shape: /^sk-ant-oat01-[\w-]{40,200}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks anthropic.go, claude_code.go' },
  { provider: 'anthropic', keyType: 'oauth-refresh', prefix: 'sk-ant-ort01-', shape: /^sk-ant-ort01-[\w-]{40,200}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks anthropic.go' },
  { provider: 'openrouter', keyType: 'api', prefix: 'sk-or-v1-', shape: /^sk-or-v1-[0-9a-f]{64}$/, minEntropy: 3.3, minClasses: 2, confidence: 'declared', source: 'trufflehog openrouter' },
  { provider: 'langfuse', keyType: 'secret', prefix: 'sk-lf-', shape: /^sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, minEntropy: 3, minClasses: 2, confidence: 'declared', source: 'trufflehog langfuse' },
  { provider: 'openai', keyType: 'project', prefix: 'sk-proj-', shape: /^sk-proj-[\w-]{20,120}T3BlbkFJ[\w-]{20,120}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks openai.go; trufflehog openai' },
  { provider: 'openai', keyType: 'service-account', prefix: 'sk-svcacct-', shape: /^sk-svcacct-[\w-]{20,120}T3BlbkFJ[\w-]{20,120}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks openai.go; trufflehog openai' },
  { provider: 'openai', keyType: 'service-account', prefix: 'sk-service-', shape: /^sk-service-[\w-]{20,120}T3BlbkFJ[\w-]{20,120}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'trufflehog openai' },
  { provider: 'openai', keyType: 'admin', prefix: 'sk-admin-', shape: /^sk-admin-[\w-]{20,120}T3BlbkFJ[\w-]{20,120}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks openai.go; trufflehog openaiadmin' },
  { provider: 'openai', keyType: 'user', prefix: 'sk-', shape: /^sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/, minEntropy: 3.5, minClasses: 3, confidence: 'declared', source: 'gitleaks openai.go (legacy user key)' },
  { provider: 'deepseek', keyType: 'api', prefix: 'sk-', shape: /^sk-[a-z0-9]{32}$/, minEntropy: 3, minClasses: 2, context: /deepseek/i, confidence: 'inferred', source: 'trufflehog deepseek (keyword "deepseek")' },
  { provider: 'elevenlabs', keyType: 'api', prefix: 'sk_', shape: /^sk_[a-f0-9]{48}$/, minEntropy: 3.3, minClasses: 2, confidence: 'inferred', source: 'trufflehog elevenlabs/v2' },
  { provider: 'huggingface', keyType: 'user-access', prefix: 'hf_', shape: /^hf_[A-Za-z0-9]{34}$/, minEntropy: 3.5, minClasses: 2, confidence: 'declared', source: 'gitleaks huggingface.go; trufflehog huggingface' },
  { provider: 'huggingface', keyType: 'organization', prefix: 'api_org_', shape: /^api_org_[A-Za-z0-9]{34}$/, minEntropy: 3.5, minClasses: 2, confidence: 'declared', source: 'gitleaks huggingface.go; trufflehog huggingface' },
  { provider: 'groq', keyType: 'api', prefix: 'gsk_', shape: /^gsk_[A-Za-z0-9]{48,52}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks groq.go ({48}); trufflehog groq ({52})' },
  { provider: 'perplexity', keyType: 'api', prefix: 'pplx-', shape: /^pplx-[A-Za-z0-9_]{48}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'gitleaks perplexity.go' },
  { provider: 'xai', keyType: 'api', prefix: 'xai-', shape: /^xai-[A-Za-z0-9_]{80}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'trufflehog xai' },
  { provider: 'replicate', keyType: 'api', prefix: 'r8_', shape: /^r8_[A-Za-z0-9_-]{37}$/, minEntropy: 3.8, minClasses: 2, confidence: 'declared', source: 'trufflehog replicate' },
  { provider: 'nvidia', keyType: 'api', prefix: 'nvapi-', shape: /^nvapi-[A-Za-z0-9_-]{64}$/, minEntropy: 4, minClasses: 3, confidence: 'declared', source: 'trufflehog nvapi' },
  { provider: 'fireworks', keyType: 'api', prefix: 'fw_', shape: /^fw_[A-Za-z0-9]{20,64}$/, minEntropy: 3.5, minClasses: 2, confidence: 'inferred', source: 'third-party rule sets (fw_[A-Za-z0-9]{20,})' },
  { provider: 'langchain', keyType: 'langsmith-personal', prefix: 'lsv2_pt_', shape: /^lsv2_pt_[a-f0-9]{32}_[a-f0-9]{10}$/, minEntropy: 3, minClasses: 2, confidence: 'declared', source: 'gitleaks langsmith.go; trufflehog langsmith' },
  { provider: 'langchain', keyType: 'langsmith-service', prefix: 'lsv2_sk_', shape: /^lsv2_sk_[a-f0-9]{32}_[a-f0-9]{10}$/, minEntropy: 3, minClasses: 2, confidence: 'declared', source: 'gitleaks langsmith.go; trufflehog langsmith' },
  { provider: 'google', keyType: 'gemini-api', prefix: 'AIza', shape: /^AIza[A-Za-z0-9_-]{35}$/, minEntropy: 3.8, minClasses: 2, context: GEMINI_CONTEXT, confidence: 'inferred', source: 'trufflehog googlegemini (AIzaSy + 33); Maps keys share the format, so Gemini context is required' },
  { provider: 'azure-openai', keyType: 'api', prefix: '', shape: /^[a-f0-9]{32}$/, minEntropy: 3, minClasses: 2, context: /azure[_-]?openai|openai\.azure\.com/i, keyWord: true, confidence: 'inferred', source: 'trufflehog azure_openai (32 hex near api-key and *.openai.azure.com)' },
  { provider: 'cohere', keyType: 'api', prefix: '', shape: /^[A-Za-z0-9]{40}$/, minEntropy: 4, minClasses: 3, context: /cohere|CO_API_KEY/i, confidence: 'inferred', source: 'gitleaks cohere.go (40 alnum near cohere / CO_API_KEY)' },
  { provider: 'mistral', keyType: 'api', prefix: '', shape: /^[A-Za-z0-9]{32}$/, minEntropy: 3.8, minClasses: 3, context: /mistral/i, confidence: 'inferred', source: 'third-party rule sets (32 alnum near "mistral")' },
];

/**
 * Prefixes that start a candidate token (one combined regex finds them). Context-only formats
 * (no prefix) are looked for only on lines near their context words (`BARE_CONTEXT`).
 */
export const KEY_PREFIXES: readonly string[] = [...new Set(KEY_RULES.map((r) => r.prefix).filter((p) => p !== ''))];

/** Lines within two lines below one of these words are searched for prefix-less keys. */
export const BARE_CONTEXT = /azure[_-]?openai|openai\.azure\.com|cohere|CO_API_KEY|mistral/gi;

/**
 * The same words in their usual spellings: the pre-check passes a text for its context words (and
 * the detector's literal gate looks for them) only when written so.
 */
export const BARE_CONTEXT_CASED = /[Aa]zure[_-]?[Oo]pen[Aa][Ii]|AZURE[_-]?OPENAI|openai\.azure\.com|[Cc]ohere|COHERE|CO_API_KEY|[Mm]istral|MISTRAL/;

/**
 * Placeholder markers: a key body containing one is an example, not a key. From trufflehog
 * `pkg/detectors/falsepositives.go` (example, xxxxxx, aaaaaa, abcde, 00000, sample) plus the usual
 * template words; words of four letters or fewer are kept few (a random 100-character body
 * contains a given one with probability about 1e-4).
 */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'example', 'xxxx', 'sample', 'placeholder', 'your', 'changeme', 'dummy', 'fake', 'redacted', 'insert', 'replace', 'abcde', '00000',
];

/** Assigned names that say nothing about the provider: context is then looked for above the line. */
export const GENERIC_KEY_NAMES = /^(?:api[_.-]?key|apikey|key|token|secret|access[_.-]?token|auth[_.-]?token|password|value|bearer)$/i;

/** Words that make a line (or the assigned name) about a credential. */
export const KEY_WORDS = /key|token|secret|auth|credential|password/i;
