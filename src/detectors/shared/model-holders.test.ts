import { describe, expect, it } from 'vitest';
import { namesExcludedModels, namesModelFacts, namesPredicate } from './model-holders.ts';

describe('model holders', () => {
  it('namesExcludedModels: whole words that say kept out, block/deny/ignore only as a list', () => {
    for (const n of ['VSCODE_LM_STATIC_BLACKLIST', 'unsupportedModelIds', 'EXCLUDED_MODELS', 'blockListModels', 'MODEL_DENY_LIST', 'banned-models']) expect(namesExcludedModels(n), n).toBe(true);
    for (const n of ['DEFAULT_MODEL', 'block_model', 'unblockedModels', 'supportedModels', 'models_to_ignore', 'ignoreCase']) expect(namesExcludedModels(n), n).toBe(false);
  });

  it('namesModelFacts: price and size tables, not words that only look alike', () => {
    for (const n of ['MODEL_COSTS', 'pricingPerModel', 'TOKEN_PRICES', 'CONTEXT_WINDOWS', 'MODEL_TOKEN_LIMITS', 'max_tokens_by_model', 'contextLengths', 'model-cost']) expect(namesModelFacts(n), n).toBe(true);
    for (const n of ['DEFAULT_MODEL', 'rate_limited_models', 'size_models', 'window_model', 'costume_model', 'tokens_model', 'LIMIT_MODELS', 'context_model']) expect(namesModelFacts(n), n).toBe(false);
  });

  it('namesPredicate: yes/no questions, not words that start alike', () => {
    for (const n of ['_is_reasoning_model', '_supports_reasoning_features', 'isReasoningModel', 'uses_max_completion_tokens', 'has_vision']) expect(namesPredicate(n), n).toBe(true);
    for (const n of ['island_model', 'user_model', 'get_model', 'canonical_model', 'issue_model']) expect(namesPredicate(n), n).toBe(false);
  });
});
