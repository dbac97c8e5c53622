/**
 * Names that say the model ids written under them are not the ones a program uses: a list of
 * models kept out (`VSCODE_LM_STATIC_BLACKLIST`, `unsupported_models`, `EXCLUDED_MODEL_IDS`) and
 * the constants of a predicate (`def _is_reasoning_model(model): reasoning_models = {...}`,
 * `_supports_reasoning_features`), which compares an id it is given against families it knows.
 * Whole words, camelCase, snake_case or kebab-case, so `blockListModels` counts and
 * `unblockedModels` does not. Tables of facts about models (`MODEL_COSTS`, `CONTEXT_WINDOWS`) are
 * not models in use either (`namesModelFacts`), nor are lists of the models that support or lack an API
 * feature (`NO_SUPPORT_TEMPERATURE_MODELS`, `modelsSupportingTools`: `namesCapabilityTable`).
 */

import { nameWords } from './name-words.ts';

const EXCLUSION_WORD = /^(?:(?:black|block|deny|ignore)(?:list(?:ed|s)?)?|excluded?|exclusions?|excludes|unsupported|disallowed|banned|forbidden|blocked|blacklisted|denied)$/i;

/** True when a constant's name says its ids are kept out (`MODEL_BLACKLIST`, `unsupportedModels`). */
export function namesExcludedModels(name: string): boolean {
  const parts = nameWords(name);
  // `block` alone is too common (`block_model`); it counts only in `block list` / `blocklist`.
  return parts.some((word, i) => EXCLUSION_WORD.test(word) && (!/^(?:black|block|deny|ignore)$/i.test(word) || /^lists?$/i.test(parts[i + 1] ?? '')));
}

const FACT_WORD = /^(?:costs?|prices?|pricing|priced)$/i;
const SIZE_WORD = /^(?:windows?|limits?|lengths?|sizes?)$/i;

/**
 * True when a constant's name says it holds facts about models rather than models to use: a price
 * table (`MODEL_COSTS`, `pricingPerModel`, `TOKEN_PRICES`) or a size table (`CONTEXT_WINDOWS`,
 * `MODEL_TOKEN_LIMITS`, `max_tokens_by_model`, `contextLengths`). Its keys are every model the code
 * can price or size, whatever its length.
 */
export function namesModelFacts(name: string): boolean {
  const parts = nameWords(name);
  return parts.some((word, i) => {
    if (FACT_WORD.test(word)) return true;
    if (!SIZE_WORD.test(word) && !/^tokens$/i.test(word)) return false;
    const before = parts[i - 1] ?? '';
    // `context window`, `token limit`, `max tokens`: a size, not `rate_limits` or `size_models`.
    return /^(?:context|token|tokens|max)$/i.test(before) && (SIZE_WORD.test(word) || /^max$/i.test(before));
  });
}

const SUPPORT_WORD = /^(?:supports?|supported|supporting|capable|without|lacks?|lacking)$/;
/** API features a model supports or lacks (request parameters and capabilities), not kinds of model (`chat`, `embedding`). */
const FEATURE_WORD = /^(?:temperature|reasoning|effort|tools?|functions?|calling|vision|images?|streaming|stream|json|structured|system|prompts?|caching|cache|thinking|logprobs|penalty|seed|audio|parallel|multimodal)$/;

/**
 * True when a constant's name says it groups models by an API feature they support or lack
 * (`NO_SUPPORT_TEMPERATURE_MODELS`, `SUPPORT_REASONING_EFFORT_MODELS`, `modelsSupportingTools`,
 * `TOOL_SUPPORTED_MODELS`, `MODELS_WITHOUT_SYSTEM_PROMPT`): the code checks an id it is given
 * against it, as a predicate does, whichever model it runs. The models an app supports or offers
 * (`SUPPORTED_MODELS`, `supportedChatModels`) and lists named for a kind of model (`REASONING_MODELS`)
 * name no feature and stay models in use.
 */
export function namesCapabilityTable(name: string): boolean {
  const parts = nameWords(name);
  return parts.some((w) => SUPPORT_WORD.test(w)) && parts.some((w) => FEATURE_WORD.test(w));
}

/** True when a constant's name says its ids are not models the program uses: kept out, priced and sized, or grouped by a feature. */
export function namesModelsNotInUse(name: string): boolean {
  return namesExcludedModels(name) || namesModelFacts(name) || namesCapabilityTable(name);
}

/** True when a function's name asks a yes/no question (`is_reasoning_model`, `_supports_tools`, `usesMaxTokens`). */
export function namesPredicate(name: string): boolean {
  return /^_*(?:is|has|supports?|can|uses?|should|needs?|requires?|accepts?|allows?)(?:[A-Z_]|$)/.test(name);
}
