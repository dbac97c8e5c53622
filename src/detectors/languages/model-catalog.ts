/**
 * Where model ids are written in Go, Java, Kotlin, C#, Ruby and Rust code: builder and call
 * arguments, keyword arguments, struct fields and hash keys, each a pattern over masked code that
 * ends at the `"` of the literal (see `mask.ts`), or, for C# calls that name the argument holding the
 * model, at the call's `(`. Only read in files importing an AI package (or declaring models without
 * one, `MODEL_HOSTING`), and the id must pass `looksLikeModelId`. Group 1 is the label recorded in `sources`.
 * Sources: the SDK READMEs and quick-starts named per row.
 */

export type Language = 'go' | 'java' | 'kotlin' | 'csharp' | 'ruby' | 'rust';

export interface ModelPosition {
  /**
   * Global regex; group 1 names the call or key. The match ends at the literal's opening `"`, or,
   * for a row with `argument` or `helper`, at the call's `(`.
   */
  readonly pattern: RegExp;
  readonly kind: 'call' | 'keyword';
  /** The key is itself a string literal at the match start (`"model" => "..."`): keep only these keys. */
  readonly stringKeys?: ReadonlySet<string>;
  /** The model is this argument of the call (C#), a literal or a name the file assigns one to (`models.ts`). */
  readonly argument?: ModelArgument;
  /**
   * Group 1 is any call: when it names a helper that chooses a model (`isModelHelper`: `GetModel`,
   * `CreateChatModel`), its positional arguments that are catalog ids count, inferred.
   */
  readonly helper?: boolean;
  /** Only catalog ids count (`matchKnownModel`): the value is a deployment name, a model's name only by convention. */
  readonly known?: boolean;
  readonly source: string;
}

/**
 * Which argument of a call holds the model: a named argument (`modelName: x`) wherever it stands,
 * else the positional one at `index`: a number, `'last'` (Ollama's `AddModel("llama3.2")` and
 * `AddModel("chat", "llama3.2")`), or `'hub'` (the first holding a Hugging Face `org/name` id:
 * `AddHuggingFaceModel` takes a resource name first in some overloads and not in others).
 */
export interface ModelArgument {
  readonly index?: number | 'last' | 'hub';
  readonly names: readonly string[];
}

const S = '[ \\t]*';
/** A call whose first argument is the model, written as a literal. */
const call = (names: readonly string[], source: string, receiver = '\\.'): ModelPosition => ({
  pattern: new RegExp(`${receiver}(${names.join('|')})${S}\\(${S}"`, 'g'),
  kind: 'call',
  source,
});

/**
 * A C# call (`prefix` + the name in group 1, then `(`) whose model is `argument`; `known` for
 * deployment names. `prefix` is `\\.` for methods, `\\bnew\\s*` for constructors.
 */
const argCall = (prefix: string, name: string, argument: ModelArgument, source: string, known = false): ModelPosition => ({
  pattern: new RegExp(`${prefix}(${name})${S}\\(`, 'g'),
  kind: 'call',
  argument,
  ...(known ? { known } : {}),
  source,
});

/**
 * A C# class whose constructor takes the model as `argument`: `new ChatClient("gpt-4o", key)`, and
 * the target-typed `ChatClient client = new("gpt-4o", key)` (C# 9; nullable `ChatClient? c = new(...)`
 * too), where the declared type names the class.
 */
const ctor = (classes: string, argument: ModelArgument, source: string, known = false): ModelPosition[] => [
  argCall('\\bnew\\s*', classes, argument, source, known),
  { ...argCall('', classes, argument, source, known), pattern: new RegExp(`\\b(${classes})(?:${S}\\?)?\\s+@?\\w+${S}=${S}new${S}\\(`, 'g') },
];

const RUBY_KEYS = ['model', 'chat_model', 'embedding_model', 'completion_model'];

/** openai-dotnet client classes whose constructor takes the model first (`new ChatClient("gpt-4o", key)`). */
const CSHARP_MODEL_CLIENTS = ['ChatClient', 'EmbeddingClient', 'ImageClient', 'AudioClient', 'ModerationClient', 'OpenAIResponseClient', 'ResponsesClient'];

/** Semantic Kernel connector providers and services (`Add<Provider><Service>`, `new <Provider><Service>Service`). */
const SK_PROVIDERS = 'OpenAI|AzureAIInference|Bedrock|GoogleAIGemini|GoogleAI|GoogleGenAI|GoogleVertexAI|VertexAIGemini|VertexAI|HuggingFace|Mistral|Ollama';
const SK_SERVICES = 'ChatCompletion|ChatClient|EmbeddingGenerator|TextEmbeddingGeneration|EmbeddingGeneration|TextGeneration|AudioToText|TextToAudio|ImageToText';

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
    argCall(
      '\\.',
      'GetChatClient|GetEmbeddingClient|GetImageClient|GetAudioClient|GetOpenAIResponseClient|GetResponsesClient|AsChatClient|AsIChatClient|AsEmbeddingGenerator|AsIEmbeddingGenerator',
      { index: 0, names: ['model', 'modelId', 'deploymentName', 'defaultModelId'] },
      'openai-dotnet, Azure.AI.OpenAI, Microsoft.Extensions.AI READMEs (Azure AI Inference `AsIChatClient(defaultModelId)`)',
    ),
    // Semantic Kernel's kernel-builder / service-collection extensions: `AddOpenAIChatCompletion("gpt-4o", key)`.
    argCall(
      '\\.',
      `(?:Add|With)(?:${SK_PROVIDERS})(?:${SK_SERVICES})(?:Service)?|AddOnnxRuntimeGenAIChatCompletion`,
      { index: 0, names: ['modelId', 'model'] },
      'semantic-kernel dotnet connectors (`*KernelBuilderExtensions`, `*ServiceCollectionExtensions`: modelId first)',
    ),
    argCall('\\.', `(?:Add|With)AzureOpenAI(?:${SK_SERVICES}|TextToImage)`, { index: 0, names: ['deploymentName'] }, 'semantic-kernel dotnet Azure OpenAI connector (deploymentName first)', true),
    argCall('\\.', 'AddOpenAITextToImage', { names: ['modelId'] }, 'semantic-kernel dotnet (`AddOpenAITextToImage(apiKey, orgId, modelId)`)'),
    ...ctor(`(?:${SK_PROVIDERS}|MistralAI|OnnxRuntimeGenAI)(?:${SK_SERVICES})Service`, { index: 0, names: ['modelId', 'model'] }, 'semantic-kernel dotnet connector services (modelId first)'),
    ...ctor(`AzureOpenAI(?:${SK_SERVICES}|TextToImage)Service`, { index: 0, names: ['deploymentName'] }, 'semantic-kernel dotnet Azure OpenAI services (deploymentName first)', true),
    ...ctor('OpenAITextToImageService', { names: ['modelId'] }, 'semantic-kernel dotnet (`OpenAITextToImageService(apiKey, organization, modelId)`)'),
    // Aspire client integrations: `builder.AddAzureOpenAIClient("openai").AddChatClient("chat")` takes a deployment name.
    argCall('\\.', 'AddChatClient|AddEmbeddingGenerator', { index: 0, names: ['deploymentName'] }, 'Aspire.OpenAI, Aspire.Azure.AI.OpenAI, Aspire.Azure.AI.Inference (`AddChatClient(deploymentName)`)', true),
    argCall('\\.', 'AddKeyedChatClient|AddKeyedEmbeddingGenerator', { index: 1, names: ['deploymentName'] }, 'Aspire client integrations (`AddKeyedChatClient(serviceKey, deploymentName)`)', true),
    ...ctor(CSHARP_MODEL_CLIENTS.join('|'), { index: 0, names: ['model'] }, 'openai-dotnet README (`new ChatClient(model: "gpt-4o", ...)`, `ChatClient client = new("gpt-4o", key)`)'),
    ...ctor('OllamaApiClient', { index: 1, names: ['defaultModel'] }, 'OllamaSharp README (`new OllamaApiClient(uri, "llama3.2")`)'),
    ...ctor('OllamaChatClient|OllamaEmbeddingGenerator|OpenAIChatClient|OpenAIEmbeddingGenerator', { index: 1, names: ['modelId'] }, 'Microsoft.Extensions.AI.Ollama / .OpenAI previews (`new OllamaChatClient(endpoint, "llama3.1")`)'),
    // Aspire AppHost resources (files reached through `MODEL_HOSTING` too). The resource or deployment
    // name comes first (`AddDeployment("chat", "gpt-4o", "2024-05-13")`): a label, never read as a model.
    argCall('\\.', 'AddDeployment|AddModelDeployment', { index: 1, names: ['modelName'] }, 'Aspire.Hosting.Azure.CognitiveServices, Aspire.Hosting.Foundry (`AddDeployment(name, modelName, modelVersion)`)'),
    ...ctor('AzureOpenAIDeployment', { index: 1, names: ['modelName'] }, 'Aspire.Hosting.Azure.CognitiveServices (`new AzureOpenAIDeployment(name, modelName, modelVersion)`)'),
    argCall('\\.', 'AddModel', { index: 'last', names: ['model', 'modelName'] }, 'Aspire.Hosting.OpenAI `AddModel(name, model)`; CommunityToolkit.Aspire.Hosting.Ollama `AddModel(modelName)` / `AddModel(name, modelName)`'),
    argCall('\\.', 'AddGitHubModel', { index: 1, names: ['model'] }, 'Aspire.Hosting.GitHub.Models (`AddGitHubModel(name, model)`)'),
    argCall('\\.', 'AddHuggingFaceModel', { index: 'hub', names: ['modelName', 'repository'] }, 'CommunityToolkit.Aspire.Hosting.Ollama `(name, modelName)`, .StableDiffusionCpp `([name,] repository, fileName)`'),
    { pattern: new RegExp(`[(,]${S}(model|modelId)${S}:${S}"`, 'g'), kind: 'keyword', source: 'C# named arguments (Semantic Kernel, openai-dotnet)' },
    { pattern: new RegExp(`[(,]${S}(deploymentName)${S}:${S}"`, 'g'), kind: 'keyword', known: true, source: 'C# named arguments (Semantic Kernel, Azure OpenAI: a deployment name)' },
    { pattern: new RegExp(`\\b(Model|ModelId|SelectedModel)${S}=(?!=)${S}"`, 'g'), kind: 'keyword', source: 'object initializers (Anthropic C# SDK README `Model = "..."`; OllamaSharp `SelectedModel = "..."`)' },
    // Last: a call no row above took (`GetModel("gpt-4o")`, a wrapper around the provider in another file).
    { pattern: new RegExp(`\\b([A-Za-z_]\\w*(?:[Mm]odel|[Ll]lm|LLM)s?)${S}\\(`, 'g'), kind: 'call', helper: true, source: 'helpers named for models, as the JavaScript and Python detectors read them' },
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
 * Code that declares the models it runs without importing an AI package: an Aspire AppHost, whose
 * `Aspire.Hosting` extensions come in through the AppHost SDK's implicit usings
 * (`builder.AddAzureOpenAI("openai").AddDeployment("chat", "gpt-4o", "2024-05-13")`). A file
 * calling one of these builders is read for models as if it imported one (and passes the pre-check).
 */
export const MODEL_HOSTING: Readonly<Partial<Record<Language, RegExp>>> = {
  csharp: /\.\s*(?:AddAzureOpenAI|AddOpenAI|AddOllama|AddOllamaLocal|AddFoundry|AddAzureAIFoundry|AddGitHubModel|AddStableDiffusionCpp)\s*\(|\bnew\s+AzureOpenAIDeployment\s*\(/,
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
