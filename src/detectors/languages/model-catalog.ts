/**
 * Where model ids are written in Go, Java, Kotlin, C#, Ruby and Rust code: builder and call
 * arguments, keyword arguments, struct fields and hash keys, each a pattern over masked code that
 * ends at the `"` of the literal (see `mask.ts`). Only read in files importing an AI package, and
 * the literal must pass `looksLikeModelId`. Group 1 is the label recorded in `sources`.
 * Sources: the SDK READMEs and quick-starts named per row.
 */

export type Language = 'go' | 'java' | 'kotlin' | 'csharp' | 'ruby' | 'rust';

export interface ModelPosition {
  /** Global regex; the match ends at the literal's opening `"`; group 1 names the call or key. */
  readonly pattern: RegExp;
  readonly kind: 'call' | 'keyword';
  /** The key is itself a string literal at the match start (`"model" => "..."`): keep only these keys. */
  readonly stringKeys?: ReadonlySet<string>;
  readonly source: string;
}

const S = '[ \\t]*';
/** A call whose first argument is the model; `named` allows a C#-style `model: ` label before it. */
const call = (names: readonly string[], source: string, receiver = '\\.', named = ''): ModelPosition => ({
  pattern: new RegExp(`${receiver}(${names.join('|')})${S}\\(${S}${named}"`, 'g'),
  kind: 'call',
  source,
});

const RUBY_KEYS = ['model', 'chat_model', 'embedding_model', 'completion_model'];

/** openai-dotnet client classes whose constructor takes the model first (`new ChatClient("gpt-4o", key)`). */
const CSHARP_MODEL_CLIENTS = ['ChatClient', 'EmbeddingClient', 'ImageClient', 'AudioClient', 'ModerationClient', 'OpenAIResponseClient', 'ResponsesClient'];

export const MODEL_POSITIONS: Readonly<Record<Language, readonly ModelPosition[]>> = {
  go: [
    // `Model: "gpt-4o"`, `Model: openai.F("gpt-4o")`, `Model: openai.ChatModel("gpt-4o")`
    { pattern: new RegExp(`\\b(Model)${S}:${S}(?:[\\w.]+\\(${S})?"`, 'g'), kind: 'keyword', source: 'openai-go, anthropic-sdk-go, go-openai READMEs' },
    call(['WithModel', 'WithDefaultModel', 'WithEmbeddingModel', 'GenerativeModel', 'EmbeddingModel'], 'langchaingo llms options; generative-ai-go README'),
    {
      pattern: new RegExp(`\\.(GenerateContent|GenerateContentStream|EmbedContent|CountTokens|GenerateImages)${S}\\(${S}[\\w.]+${S},${S}"`, 'g'),
      kind: 'call',
      source: 'google.golang.org/genai README (model is the second argument)',
    },
  ],
  java: [
    call(['modelName', 'model', 'withModel', 'modelId', 'deploymentName'], 'langchain4j, openai-java, anthropic-java, Spring AI options builders'),
    call(['generativeModel'], 'Firebase AI Logic docs (`FirebaseAI.getInstance(...).generativeModel("gemini-2.5-flash")`)'),
    // The Android samples put each argument on its own line after a `/* modelName */` comment
    // (blanked by the lexer), hence `\s` rather than a same-line gap.
    { pattern: /\bnew\s*(GenerativeModel)\s*\(\s*"/g, kind: 'call', source: 'generative-ai-android Java samples (`new GenerativeModel("gemini-1.5-flash", apiKey)`)' },
  ],
  kotlin: [
    call(['modelName', 'model', 'withModel', 'modelId', 'generativeModel'], 'langchain4j, openai-java builders used from Kotlin; Firebase AI Logic (`Firebase.ai(...).generativeModel("...")`)'),
    call(['ModelId'], 'openai-kotlin README (`ModelId("gpt-4o")`)', '\\b'),
    { pattern: /\b(GenerativeModel)\s*\(\s*"/g, kind: 'call', source: 'generative-ai-android README (`GenerativeModel("gemini-pro", apiKey)`, positional)' },
    // Also `GenerativeModel(modelName = "gemini-1.5-flash", apiKey = ...)` (generative-ai-android) and
    // Firebase's `generativeModel(modelName = "...")`.
    { pattern: new RegExp(`\\b(model|modelName|modelId)${S}=(?!=)${S}"`, 'g'), kind: 'keyword', source: 'Kotlin named arguments (openai-kotlin, koog, generative-ai-android, Firebase AI Logic)' },
  ],
  csharp: [
    call(
      ['GetChatClient', 'GetEmbeddingClient', 'GetImageClient', 'GetAudioClient', 'GetOpenAIResponseClient', 'GetResponsesClient', 'AsChatClient', 'AsIChatClient',
        'AddOpenAIChatCompletion', 'AddOpenAITextEmbeddingGeneration', 'AddOllamaChatCompletion', 'AddAzureOpenAIChatCompletion', 'AddOpenAIChatClient'],
      'openai-dotnet, Azure.AI.OpenAI, Semantic Kernel, Microsoft.Extensions.AI READMEs',
      '\\.',
      `(?:(?:model|modelId|deploymentName)${S}:${S})?`,
    ),
    {
      pattern: new RegExp(`\\bnew${S}(${CSHARP_MODEL_CLIENTS.join('|')})${S}\\(${S}(?:model${S}:${S})?"`, 'g'),
      kind: 'call',
      source: 'openai-dotnet README (`new ChatClient(model: "gpt-4o", ...)`)',
    },
    {
      // Target-typed `new(...)` (C# 9): the declared type names the class, so its first positional
      // string is the model as in `new ChatClient(...)`. Nullable types (`ChatClient? c = new(...)`) too.
      pattern: new RegExp(`\\b(${CSHARP_MODEL_CLIENTS.join('|')})(?:${S}\\?)?\\s+@?\\w+${S}=${S}new${S}\\(\\s*(?:model${S}:${S})?"`, 'g'),
      kind: 'call',
      source: 'openai-dotnet examples (`ChatClient client = new("gpt-4o", key)`)',
    },
    { pattern: new RegExp(`[(,]${S}(model|modelId|deploymentName)${S}:${S}"`, 'g'), kind: 'keyword', source: 'C# named arguments (Semantic Kernel, openai-dotnet)' },
    { pattern: new RegExp(`\\b(Model|ModelId)${S}=(?!=)${S}"`, 'g'), kind: 'keyword', source: 'object initializers (Anthropic C# SDK README `Model = "..."`)' },
  ],
  ruby: [
    { pattern: new RegExp(`(?<![\\w:])(${RUBY_KEYS.join('|')}):${S}"`, 'g'), kind: 'keyword', source: 'ruby-openai, ruby_llm, langchainrb READMEs' },
    { pattern: new RegExp(`:(${RUBY_KEYS.join('|')})${S}=>${S}"`, 'g'), kind: 'keyword', source: 'hash-rocket keys' },
    { pattern: new RegExp(`"${S}=>${S}"`, 'g'), kind: 'keyword', stringKeys: new Set(RUBY_KEYS), source: 'string hash keys (`"model" => "..."`)' },
  ],
  rust: [
    call(['model', 'agent', 'completion_model', 'embedding_model', 'extractor'], 'async-openai request builders; rig README (`client.agent("gpt-4o")`)'),
    {
      pattern: new RegExp(`\\b(GenerationRequest|ChatMessageRequest|GenerateEmbeddingsRequest)${S}::${S}new${S}\\(${S}"`, 'g'),
      kind: 'call',
      source: 'ollama-rs README',
    },
    { pattern: new RegExp(`\\b(model)${S}:${S}"`, 'g'), kind: 'keyword', source: 'struct literals (`model: "gpt-4o".to_string()`)' },
  ],
};

/**
 * Go SDK model constants (`openai.ChatModelGPT4o`, `anthropic.ModelClaude3_7SonnetLatest`,
 * go-openai's `openai.GPT4oMini`): the id is derived from the constant name (`go-constants.ts`) and
 * kept only when `matchKnownModel` knows it. Style `openai`: `_` between digits is a dot (`GPT4_1` →
 * `gpt-4.1`), `Dot` is a dot, dates are dashed; style `anthropic`: `_` is a dash.
 */
export interface GoConstantRule {
  readonly module: string;
  /** Package name of the module root (its import path ends in `openai-go`, the package is `openai`). */
  readonly rootPackage: string;
  /** Constant name prefixes; `''` takes any exported name of the package. */
  readonly prefixes: readonly string[];
  readonly style: 'openai' | 'anthropic';
  /** Constants whose names the style does not reverse (legacy names), by name after the prefix. */
  readonly overrides?: Readonly<Record<string, string>>;
  readonly source: string;
}

export const GO_CONSTANT_RULES: readonly GoConstantRule[] = [
  { module: 'github.com/openai/openai-go', rootPackage: 'openai', prefixes: ['ChatModel', 'EmbeddingModel'], style: 'openai', source: 'openai-go shared/constants (ChatModel*)' },
  { module: 'github.com/anthropics/anthropic-sdk-go', rootPackage: 'anthropic', prefixes: ['Model'], style: 'anthropic', source: 'anthropic-sdk-go message.go (Model*)' },
  {
    module: 'github.com/sashabaranov/go-openai',
    rootPackage: 'openai',
    prefixes: [''],
    style: 'openai',
    overrides: {
      GPT40613: 'gpt-4-0613',
      GPT40314: 'gpt-4-0314',
      GPT4oLatest: 'chatgpt-4o-latest',
      GPT4Turbo0125: 'gpt-4-0125-preview',
      GPT4Turbo1106: 'gpt-4-1106-preview',
      GPT3Dot5Turbo16K: 'gpt-3.5-turbo-16k',
      GPT3Dot5Turbo16K0613: 'gpt-3.5-turbo-16k-0613',
      GPT432K: 'gpt-4-32k',
      GPT432K0314: 'gpt-4-32k-0314',
      GPT432K0613: 'gpt-4-32k-0613',
    },
    source: 'go-openai completion.go (GPT*, O1*, ...); overrides checked against the same file',
  },
];
