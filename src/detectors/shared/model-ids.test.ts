import { describe, expect, it } from 'vitest';
import { hasModelStem, quotesListedModel, isBareName, isListedModel, isModelHelper, looksLikeModelId, matchKnownModel, MODEL_STEMS, modelProvider, namesModel } from './model-ids.ts';

describe('matchKnownModel', () => {
  it('recognizes provider ids, Bedrock ids, inference profiles and gateway ids', () => {
    const ids = ['gpt-4o-mini', 'o3-mini', 'text-embedding-3-small', 'claude-3-5-haiku-20241022', 'claude-sonnet-4-5', 'gemini-2.0-flash', 'gemini-pro',
      'mistral-large-latest', 'command-r-plus', 'llama3.1:8b', 'deepseek-chat', 'grok-2', 'anthropic.claude-3-haiku-20240307-v1:0',
      'us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'amazon.titan-embed-text-v2:0', 'meta-llama/Llama-3.1-8B-Instruct', 'openai/gpt-4o'];
    expect(ids.filter((id) => !matchKnownModel(id))).toEqual([]);
    expect(matchKnownModel('anthropic/claude-sonnet-4')?.provider).toBe('anthropic');
    expect([matchKnownModel('voyage-2')?.provider, matchKnownModel('voyage-3-large')?.provider, matchKnownModel('voyage-ai')]).toEqual(['voyage', 'voyage', undefined]);
    expect(matchKnownModel('meta-llama/Llama-3.1-8B-Instruct')?.provider).toBe('meta');
  });

  it('recognizes Model Studio\'s versionless Qwen ids and Perplexity\'s sonar models, not bare words', () => {
    expect(['qwen-max', 'qwen-plus-latest', 'qwen-turbo-2025-04-28', 'qwen-vl-max', 'qwen-coder-plus', 'sonar-pro', 'sonar-reasoning-pro', 'sonar-deep-research'].map((id) => matchKnownModel(id)?.provider)).toEqual([
      'qwen', 'qwen', 'qwen', 'qwen', 'qwen', 'perplexity', 'perplexity', 'perplexity',
    ]);
    expect(['sonar', 'sonar-scanner', 'sonar-project', 'qwen-client', 'qwen-maxwell', 'qwen-max-api', 'qwen-plus-client'].filter((s) => matchKnownModel(s))).toEqual([]);
  });

  it('does not take product names, paths or repo slugs for models', () => {
    const notModels = ['gemini-cli', 'claude-code', 'deepseek-api', 'grok-client', 'src/index', 'acme/app', 'gpt', 'command', 'llama-purple', 'mistral ai'];
    expect(notModels.filter((s) => matchKnownModel(s))).toEqual([]);
  });
});

describe('matchKnownModel: <known org>/<name> strings', () => {
  it('takes a Hub or gateway id whose name looks like a model (a digit, a size or variant word, an encoder family, a catalog id)', () => {
    const ids = ['meta-llama/Llama-3.1-8B-Instruct', 'mistralai/Mistral-7B-v0.1', 'openai/gpt-4o', 'google/gemma-2-9b-it', 'facebook/opt-125m',
      'BAAI/bge-small-en-v1.5', 'BAAI/bge-reranker-large', 'facebook/bart-large-cnn', 'microsoft/codebert-base', 'nomic-ai/nomic-embed-text',
      'sentence-transformers/all-MiniLM-L6-v2', 'cross-encoder/ms-marco-MiniLM-L-6-v2', 'deepseek/deepseek-chat', 'microsoft/DialoGPT-medium',
      'mistralai/Mistral-Nemo-Instruct', 'google/electra-small-discriminator', 'amazon/titan-text', 'perplexity/sonar-pro'];
    expect(ids.filter((id) => !matchKnownModel(id))).toEqual([]);
    expect([matchKnownModel('facebook/opt-125m')?.provider, matchKnownModel('BAAI/bge-small-en-v1.5')?.provider]).toEqual(['meta', 'baai']);
  });

  it('does not take the repository slugs, npm scopes and product names of those orgs for models', () => {
    const slugs = ['facebook/react', 'google/zx', 'microsoft/typescript', 'microsoft/TypeScript', 'meta/react-native', 'openai/openai-node',
      'microsoft/vscode', 'huggingface/chat-ui', 'huggingface/text-generation-inference', 'ollama/ollama', 'openai/tiktoken', 'google/genai',
      'anthropic/sdk', 'microsoft/playwright-mcp', 'meta-llama/llama-stack', 'facebook/docusaurus', 'vertex/ai', 'nvidia/apex', 'openai/embeddings', 'anthropic/messages'];
    expect(slugs.filter((s) => matchKnownModel(s))).toEqual([]);
  });

  it('takes any <known org>/<name> where the code names a model (a model key, a model-named constant, a model helper)', () => {
    expect([matchKnownModel('facebook/react', 'model-named')?.provider, matchKnownModel('openrouter/auto', 'model-named')?.provider]).toEqual(['meta', 'openrouter']);
    // Still only known orgs, and never a path or a file.
    expect(['acme/app', 'src/index', 'facebook/react.js', 'facebook/'].filter((s) => matchKnownModel(s, 'model-named'))).toEqual([]);
  });
});

describe('matchKnownModel: names IaC uses (Azure OpenAI deployments, Vertex AI model garden)', () => {
  it('recognizes Azure\'s gpt-35-turbo spellings and Vertex PaLM 2 / Codey / multimodal embedding names', () => {
    const ids = ['gpt-35-turbo', 'gpt-35-turbo-16k', 'gpt-35-turbo-instruct', 'gpt-35-turbo-0125', 'gpt-4o', 'text-bison', 'text-bison@002', 'gemini-1.5-pro-002',
      'code-bison', 'code-bison-32k@002', 'codechat-bison@002', 'code-gecko@002', 'text-unicorn@001', 'multimodalembedding@001'];
    expect(ids.filter((id) => !matchKnownModel(id))).toEqual([]);
    expect([matchKnownModel('gpt-35-turbo')?.provider, matchKnownModel('code-bison')?.provider]).toEqual(['openai', 'google']);
  });

  it('does not take near misses for models', () => {
    const notModels = ['gpt-35', 'gpt-35-turbo-chat', 'gpt-35-turbo-16k-v2', 'code-bisons', 'codechat', 'code-gecko-client', 'text-unicorns', 'multimodal-embedding', 'bison', 'unicorn', 'code-bison@latest-2'];
    expect(notModels.filter((s) => matchKnownModel(s))).toEqual([]);
  });
});

describe('matchKnownModel: prefixes and file names', () => {
  it('takes no prefix a program matches on and no file name for an id', () => {
    expect(['claude-3-', 'gpt-4.', 'gemini-', 'llama3:', 'command-runner.jar', 'gpt-4o.json', 'command-rx'].filter((s) => matchKnownModel(s))).toEqual([]);
    expect(['command-r', 'command-r-plus', 'command-r7b-12-2024', 'command-a-03-2025', 'command-light-nightly'].filter((s) => !matchKnownModel(s))).toEqual([]);
  });

  it('tells bare family names from ids', () => {
    expect(['mistral', 'gemma', 'phi4', 'phi3v', 'llama3', 'Qwen2'].every(isBareName)).toBe(true);
    // An enum value that starts like a family is not an id.
    expect(['gemma_status', 'gemmaStatus'].filter((s) => matchKnownModel(s))).toEqual([]);
    expect(['gemma', 'gemma2', 'gemma3n', 'gemma-2b', 'gemma:7b', 'gemma-3-27b-it'].filter((s) => !matchKnownModel(s))).toEqual([]);
    expect(['gpt-4o', 'llama3.1:8b', 'gemma-2b', 'phi4-mini'].some(isBareName)).toBe(false);
  });
});

describe('looksLikeModelId', () => {
  it('accepts unknown but id-shaped strings in a model position', () => {
    expect(['my-finetune-v2', 'ft:gpt-4o-mini:acme::abc123', 'acme/support-bot-7b'].every(looksLikeModelId)).toBe(true);
  });

  it('rejects placeholders, URLs, paths and prose', () => {
    const bad = ['Sagemaker', 'User', 'your-model-name', 'YOUR_MODEL', 'model-name', 'unknown', 'test-model', 'stub-model', 'my-llm', 'mock_llm', '<model>', '${MODEL}', '{{model}}', 'xxxx', 'https://api.example.com', './model.py', 'a b', 'N/A', 'n/a'];
    expect(bad.filter(looksLikeModelId)).toEqual([]);
  });
});

describe('modelProvider', () => {
  it('names the provider from the catalog, else the gateway org', () => {
    expect([modelProvider('gpt-4o'), modelProvider('acme/custom-7b'), modelProvider('my-model-v2')]).toEqual(['openai', 'acme', undefined]);
  });
});

describe('names that say model', () => {
  it('namesModel: model or llm as the last word, or followed by name/id only', () => {
    const yes = ['DEFAULT_MODEL', 'model', 'MODELS', 'chatModelId', 'llm_name', 'SAMPLING_MODEL_IDS', 'embeddingModelName'];
    const no = ['WithModelHints', 'modelPreferences', 'model_family', 'modeling', 'remodel_plan', 'hints'];
    expect(yes.filter((n) => !namesModel(n))).toEqual([]);
    expect(no.filter(namesModel)).toEqual([]);
  });

  it('isModelHelper: helpers ending with model or llm choose one; predicates and helpers about a model do not', () => {
    const yes = ['getModel', 'get_model', 'getEmbeddingModel', 'load_llm', 'LLM', 'createChatModel', 'init_models', 'formatModel'];
    const no = ['isReasoningModel', 'supports_model', '_validate_model', 'hasModel', 'modelPricing', '_find_model_family', 'canUseModel', 'encoding_for_model', 'getEncodingForModel', 'max_tokens_for_llm'];
    expect(yes.filter((n) => !isModelHelper(n))).toEqual([]);
    expect(no.filter(isModelHelper)).toEqual([]);
  });
});

describe('matchKnownModel: Zhipu GLM, Moonshot Kimi and MiniMax ids', () => {
  it('names their maker, also behind their Hugging Face orgs', () => {
    const ids = ['glm-4.5', 'glm-4.5-air', 'glm-4-plus', 'glm-4v-flash', 'glm-z1-air', 'glm4:9b', 'chatglm3-6b', 'cogview-3-plus', 'zai-org/GLM-4.5', 'THUDM/glm-4-9b-chat',
      'moonshot-v1-32k', 'moonshot-v1-8k-vision-preview', 'kimi-k2-0905-preview', 'kimi-latest', 'moonshotai/Kimi-K2-Instruct',
      'MiniMax-M2.7', 'MiniMax-M1', 'MiniMax-Text-01', 'abab6.5s-chat', 'MiniMaxAI/MiniMax-M1-80k'];
    expect(ids.map((id) => matchKnownModel(id)?.provider)).toEqual([
      'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu', 'zhipu',
      'moonshot', 'moonshot', 'moonshot', 'moonshot', 'moonshot',
      'minimax', 'minimax', 'minimax', 'minimax', 'minimax']);
  });

  it('does not take the OpenGL math library, product names or near misses for them', () => {
    const notModels = ['glm-0.9.9.8', 'glm', 'glm-header', 'kimi', 'kimi-chat-app', 'moonshot', 'moonshot-api', 'minimax', 'minimax-tree', 'minimax-search', 'abab'];
    expect(notModels.filter((s) => matchKnownModel(s))).toEqual([]);
  });
});

describe('model-id stems: what makes a file without AI imports worth reading for a model list', () => {
  it('finds the stem of every catalog family a list spells out, Cohere and Amazon included', () => {
    const ids = ['gpt-4o', 'claude-3-5-haiku-20241022', 'command-r-plus', 'command-r7b-12-2024', 'command-a-03-2025', 'command-light', 'command-nightly',
      'amazon.titan-embed-text-v2:0', 'amazon.nova-pro-v1:0', 'amazon.rerank-v1:0', 'us.amazon.nova-lite-v1:0', 'cohere.command-r-v1:0'];
    expect(ids.filter((id) => !hasModelStem(id))).toEqual([]);
    expect(ids.filter((id) => !isListedModel(id))).toEqual([]);
  });

  it('has no stem in words that fill ordinary code: command lines, AWS docs links', () => {
    const prose = ['Sets command-line arguments', 'slash-command-presets', 'see https://docs.aws.amazon.com/bedrock/latest/userguide', 'amazon.com', 'command-and-control'];
    expect(prose.filter(hasModelStem)).toEqual([]);
  });
});

describe('quotesListedModel', () => {
  it('is true for a quoted string that holds a listed model id and nothing else', () => {
    const quoted = ['x = "gpt-4o"', "const M = ['anthropic/claude-3-haiku']", 'model: `gemini-2.0-flash`', '{"us.anthropic.claude-3-5-sonnet-20241022-v2:0": 1}',
      'f"models/text-embedding-004"', "'command-r-plus'", 'id: "amazon.nova-pro-v1:0",', 'FAST_LLM = "openai:gpt-4.1"'];
    expect(quoted.filter((t) => !quotesListedModel(t))).toEqual([]);
  });

  it('is false for stems in comments and prose, and for quoted strings that are no model', () => {
    const none = ['// runs claude-code in CI', '/* wraps llama.cpp */', '# see "gpt-4o docs"', '"the gpt-4o model"', "const pkg = '@google/gemini-cli-core';",
      'name: "gemini-cli"', "'claude-code'", "'gemini-'", "`${base}/gpt-4o`", "'gpt-4o", `'${'a'.repeat(200)}gpt-4o'`, '"gemma"'];
    expect(none.filter(quotesListedModel)).toEqual([]);
  });

  it('relies on stems made of id characters only (a stem found inside another leads back to the same quote)', () => {
    expect(MODEL_STEMS.filter((s) => !/^[\w.:/@+-]+$/.test(s))).toEqual([]);
    expect(quotesListedModel('"us.meta.llama3-2-90b-instruct-v1:0"')).toBe(true);
  });

  it('finds the id after many strings that are not one, and stays linear on a long run of stems', () => {
    expect(quotesListedModel(`${"'gemini-cli', ".repeat(10_000)}'gemini-2.5-pro'`)).toBe(true);
    expect(quotesListedModel(`'${'gpt-'.repeat(200_000)}'`)).toBe(false);
    expect(quotesListedModel(` ${'gpt-'.repeat(200_000)}`)).toBe(false);
  });
});
