/**
 * Names that say the model ids written under them are not the ones a program uses: a list of
 * models kept out (`VSCODE_LM_STATIC_BLACKLIST`, `unsupported_models`, `EXCLUDED_MODEL_IDS`) and
 * the constants of a predicate (`def _is_reasoning_model(model): reasoning_models = {...}`,
 * `_supports_reasoning_features`), which compares an id it is given against families it knows.
 * Whole words, camelCase, snake_case or kebab-case, so `blockListModels` counts and
 * `unblockedModels` does not. Tables of facts about models (`MODEL_COSTS`, `CONTEXT_WINDOWS`) are
 * not models in use either (`namesModelFacts`).
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

/** True when a constant's name says its ids are not models the program uses: kept out, or priced and sized. */
export function namesModelsNotInUse(name: string): boolean {
  return namesExcludedModels(name) || namesModelFacts(name);
}

/** True when a function's name asks a yes/no question (`is_reasoning_model`, `_supports_tools`, `usesMaxTokens`). */
export function namesPredicate(name: string): boolean {
  return /^_*(?:is|has|supports?|can|uses?|should|needs?|requires?|accepts?|allows?)(?:[A-Z_]|$)/.test(name);
}
