import { describe, expect, it } from 'vitest';
import { namesCapabilityTable, namesExcludedModels, namesModelFacts, namesModelsNotInUse, namesPredicate } from './model-holders.ts';

describe('model holders', () => {
  it('namesExcludedModels: whole words that say kept out, block/deny/ignore only as a list', () => {
    for (const n of ['VSCODE_LM_STATIC_BLACKLIST', 'unsupportedModelIds', 'EXCLUDED_MODELS', 'blockListModels', 'MODEL_DENY_LIST', 'banned-models']) expect(namesExcludedModels(n), n).toBe(true);
    for (const n of ['DEFAULT_MODEL', 'block_model', 'unblockedModels', 'supportedModels', 'models_to_ignore', 'ignoreCase']) expect(namesExcludedModels(n), n).toBe(false);
  });

  it('namesModelFacts: price and size tables, not words that only look alike', () => {
    for (const n of ['MODEL_COSTS', 'pricingPerModel', 'TOKEN_PRICES', 'CONTEXT_WINDOWS', 'MODEL_TOKEN_LIMITS', 'max_tokens_by_model', 'contextLengths', 'model-cost']) expect(namesModelFacts(n), n).toBe(true);
    for (const n of ['DEFAULT_MODEL', 'rate_limited_models', 'size_models', 'window_model', 'costume_model', 'tokens_model', 'LIMIT_MODELS', 'context_model']) expect(namesModelFacts(n), n).toBe(false);
  });

  it('namesCapabilityTable: models grouped by an API feature they support or lack, not the models an app offers', () => {
    for (const n of ['NO_SUPPORT_TEMPERATURE_MODELS', 'SUPPORT_REASONING_EFFORT_MODELS', 'modelsSupportingTools', 'TOOL_SUPPORTED_MODELS', 'function_calling_capable_models', 'MODELS_WITHOUT_SYSTEM_PROMPT', 'visionSupportedModels', 'no-streaming-support-models']) {
      expect(namesCapabilityTable(n), n).toBe(true);
      expect(namesModelsNotInUse(n), n).toBe(true);
    }
    // The models an app supports or offers, and lists named for a kind of model, stay models in use.
    for (const n of ['SUPPORTED_MODELS', 'supportedChatModels', 'SUPPORTED_EMBEDDING_MODELS', 'REASONING_MODELS', 'VISION_MODELS', 'TOOL_MODEL', 'default_reasoning_model', 'support_model', 'models_with_names']) expect(namesCapabilityTable(n), n).toBe(false);
  });

  it('namesPredicate: yes/no questions, not words that start alike', () => {
    for (const n of ['_is_reasoning_model', '_supports_reasoning_features', 'isReasoningModel', 'uses_max_completion_tokens', 'has_vision']) expect(namesPredicate(n), n).toBe(true);
    for (const n of ['island_model', 'user_model', 'get_model', 'canonical_model', 'issue_model']) expect(namesPredicate(n), n).toBe(false);
  });
});
