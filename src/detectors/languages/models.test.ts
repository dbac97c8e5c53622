import { describe, expect, it } from 'vitest';
import { deriveModelId } from './go-constants.ts';
import { detectLanguages } from './index.ts';
import { GO_CONSTANT_RULES } from './model-catalog.ts';

const detect = (path: string, content: string) => detectLanguages({ scope: 't', path, content });
const models = (path: string, content: string): [string, unknown][] =>
  (detect(path, content)?.assets ?? []).filter((a) => a.kind === 'model').map((a) => [a.name, a.attributes['sources']]);

describe('model ids in model positions', () => {
  it('Go: struct fields (plain and wrapped), langchaingo options, genai second argument', () => {
    const src = [
      'import (\n\t"github.com/openai/openai-go"\n\t"github.com/tmc/langchaingo/llms/ollama"\n\t"google.golang.org/genai"\n)',
      'p := openai.ChatCompletionNewParams{Model: openai.F("gpt-4o-2024-08-06")}',
      'q := X{Model: "gpt-4o"}',
      'llm, _ := ollama.New(ollama.WithModel("llama3.1:8b"))',
      'r, _ := client.Models.GenerateContent(ctx, "gemini-2.5-flash", genai.Text("hi"), nil)',
    ].join('\n');
    expect(models('m.go', src)).toEqual([
      ['gemini-2.5-flash', ['call:GenerateContent']],
      ['gpt-4o', ['keyword:Model']],
      ['gpt-4o-2024-08-06', ['keyword:Model']],
      ['llama3.1:8b', ['call:WithModel']],
    ]);
  });

  it('Go: SDK constants become ids (aliases honoured), evidence inferred', () => {
    const src = [
      'import (\n\toai "github.com/openai/openai-go/v3"\n\t"github.com/openai/openai-go/v3/shared"\n\t"github.com/anthropics/anthropic-sdk-go"\n\tgo_openai "github.com/sashabaranov/go-openai"\n)',
      'a := oai.ChatModelGPT4_1Mini',
      'b := shared.ChatModelO3Mini',
      'c := anthropic.ModelClaude3_7SonnetLatest',
      'd := go_openai.GPT3Dot5Turbo',
      'e := go_openai.ChatMessageRoleUser // not a model',
      'f := openai.ChatModelGPT4o // `openai` is not bound here (aliased as oai)',
    ].join('\n');
    expect(models('m.go', src)).toEqual([
      ['claude-3-7-sonnet-latest', ['constant:anthropic.ModelClaude3_7SonnetLatest']],
      ['gpt-3.5-turbo', ['constant:go_openai.GPT3Dot5Turbo']],
      ['gpt-4.1-mini', ['constant:oai.ChatModelGPT4_1Mini']],
      ['o3-mini', ['constant:shared.ChatModelO3Mini']],
    ]);
    expect(detect('m.go', src)?.assets.find((a) => a.name === 'o3-mini')?.evidence[0]?.confidence).toBe('inferred');
  });

  it('Go constant names reverse to the ids the SDKs define (sample of each naming style)', () => {
    const [openaiGo, anthropic, goOpenai] = GO_CONSTANT_RULES;
    const cases: [string, typeof openaiGo, string][] = [
      ['GPT4o', openaiGo, 'gpt-4o'],
      ['GPT4_1Mini2025_04_14', openaiGo, 'gpt-4.1-mini-2025-04-14'],
      ['GPT3_5Turbo16k0613', openaiGo, 'gpt-3.5-turbo-16k-0613'],
      ['GPT4_32k', openaiGo, 'gpt-4-32k'],
      ['Chatgpt4oLatest', openaiGo, 'chatgpt-4o-latest'],
      ['O1Preview2024_09_12', openaiGo, 'o1-preview-2024-09-12'],
      ['TextEmbedding3Small', openaiGo, 'text-embedding-3-small'],
      ['ClaudeSonnet4_5_20250929', anthropic, 'claude-sonnet-4-5-20250929'],
      ['Claude_3_Haiku_20240307', anthropic, 'claude-3-haiku-20240307'],
      ['GPT4oMini20240718', goOpenai, 'gpt-4o-mini-2024-07-18'],
      ['GPT432K0613', goOpenai, 'gpt-4-32k-0613'],
    ];
    for (const [name, rule, id] of cases) expect(deriveModelId(name, rule as NonNullable<typeof rule>), name).toBe(id);
  });

  it('Java/Kotlin builders, Kotlin named arguments and ModelId(...)', () => {
    expect(models('A.java', 'import dev.langchain4j.model.openai.OpenAiChatModel;\nm = OpenAiChatModel.builder().modelName("gpt-4o-mini").build();\nx.model(name);\n')).toEqual([
      ['gpt-4o-mini', ['call:modelName']],
    ]);
    expect(models('A.kt', 'import com.aallam.openai.api.model.ModelId\nval r = ChatCompletionRequest(model = ModelId("gpt-4o"))\nval s = Options(modelName = "mistral-large-latest")\n')).toEqual([
      ['gpt-4o', ['call:ModelId']],
      ['mistral-large-latest', ['keyword:modelName']],
    ]);
  });

  it('C#: client factories, constructors, named arguments, initializers', () => {
    const src = 'using OpenAI.Chat;\nusing Anthropic;\nvar a = client.GetChatClient("gpt-4o");\nvar b = new ChatClient(model: "gpt-4.1", apiKey: k);\nbuilder.AddOpenAIChatCompletion(modelId: "o4-mini", apiKey: k);\nvar p = new MessageCreateParams { Model = "claude-opus-4-1" };\nvar q = x == y ? Model : "m1";\n';
    expect(models('P.cs', src)).toEqual([
      ['claude-opus-4-1', ['keyword:Model']],
      ['gpt-4.1', ['call:ChatClient']],
      ['gpt-4o', ['call:GetChatClient']],
      ['o4-mini', ['call:AddOpenAIChatCompletion']],
    ]);
  });

  it('C#: target-typed new(...) of a known client class takes the model first', () => {
    const src = [
      'using OpenAI.Audio;',
      'using OpenAI.Chat;',
      'using OpenAI.Embeddings;',
      'ChatClient client = new("gpt-4o-audio-preview", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));',
      'private static readonly EmbeddingClient s_embeddings = new("text-embedding-3-small", key);',
      'AudioClient? audio = new(model: "whisper-1", apiKey: key);',
      'ChatClientOptions options = new("not-a-model-2");',
      'ChatClient keyed = new(apiKey: "sk-proj-notamodel");',
      'HttpClient http = new("gpt-4o-mini");',
    ].join('\n');
    expect(models('T.cs', src)).toEqual([
      ['gpt-4o-audio-preview', ['call:ChatClient']],
      ['text-embedding-3-small', ['call:EmbeddingClient']],
      ['whisper-1', ['call:AudioClient']],
    ]);
  });

  it('C#: an Aspire AppHost declares models with no AI using; deployment and resource names and versions are not models', () => {
    const src = [
      'namespace Shop.AppHost;',
      'static class Ai {',
      '  public static void Add(IDistributedApplicationBuilder builder) {',
      '    const string chatName = "chat";',
      '    const string chatModelName = "gpt-4.1-mini";',
      '    var embeddingModel = builder.Configuration["AI:EmbeddingModel"] ?? "text-embedding-3-small";',
      '    var openAI = builder.AddAzureOpenAI("openai");',
      '    openAI.AddDeployment(chatName, chatModelName, "2025-04-14");',
      '    openAI.AddDeployment("embeddings", embeddingModel, "1");',
      '    openAI.AddDeployment("gpt-4o", "gpt-4o-mini", "2024-07-18");',
      '    openAI.AddDeployment(name: "o3", modelVersion: "2025-01-31", modelName: "o3-mini");',
      '    openAI.AddDeployment(new AzureOpenAIDeployment(chatName, "gpt-4o-audio-preview", "2024-12-17"));',
      '    builder.AddOpenAI("oai").AddModel("chat", "gpt-5-mini");',
      '    var ollama = builder.AddOllama("ollama");',
      '    ollama.AddModel("llama3.2");',
      '    ollama.AddModel("embedding", "all-minilm");',
      '    ollama.AddHuggingFaceModel("llama", "bartowski/Llama-3.2-1B-Instruct-GGUF:IQ4_XS");',
      '    builder.AddGitHubModel("gh", "openai/gpt-4.1");',
      '    builder.AddStableDiffusionCpp("sd").AddHuggingFaceModel("stabilityai/stable-diffusion-xl-base-1.0", "sd_xl_base_1.0.safetensors");',
      '  }',
      '}',
    ].join('\n');
    const found = models('AppHost/Extensions.cs', src);
    expect(found).toEqual([
      ['all-minilm', ['call:AddModel']],
      ['bartowski/Llama-3.2-1B-Instruct-GGUF:IQ4_XS', ['call:AddHuggingFaceModel']],
      ['gpt-4.1-mini', ['call:AddDeployment']],
      ['gpt-4o-audio-preview', ['call:AzureOpenAIDeployment']],
      ['gpt-4o-mini', ['call:AddDeployment']],
      ['gpt-5-mini', ['call:AddModel']],
      ['llama3.2', ['call:AddModel']],
      ['o3-mini', ['call:AddDeployment']],
      ['openai/gpt-4.1', ['call:AddGitHubModel']],
      ['stabilityai/stable-diffusion-xl-base-1.0', ['call:AddHuggingFaceModel']],
      ['text-embedding-3-small', ['call:AddDeployment']],
    ]);
    const assets = detect('AppHost/Extensions.cs', src)?.assets ?? [];
    // A literal in the call is declared; one reached through a name or a `??` default is inferred, at the use.
    const evidence = (name: string) => assets.find((a) => a.name === name)?.evidence.map((e) => [e.line, e.confidence]);
    expect(evidence('gpt-4o-mini')).toEqual([[10, 'declared']]);
    expect(evidence('gpt-4.1-mini')).toEqual([[8, 'inferred']]);
    expect(evidence('text-embedding-3-small')).toEqual([[9, 'inferred']]);
    expect(assets.filter((a) => a.kind === 'sdk')).toEqual([]);
  });

  it('C#: AppHost-shaped calls in a file with neither an AI using nor an AI resource builder are not read', () => {
    expect(detect('Data/Model.cs', 'using System;\nvar m = registry.AddModel("chat", "gpt-4o");\nvar d = account.AddDeployment("x", "gpt-4o-mini", "1");\n')).toBeNull();
  });

  it('C#: Semantic Kernel, Microsoft.Extensions.AI and OllamaSharp calls; names assigned a literal; Azure deployment names only when catalog ids', () => {
    const src = [
      'using Microsoft.SemanticKernel;',
      'using Microsoft.Extensions.AI;',
      'using OllamaSharp;',
      'const string ModelName = "gpt-4o-mini";',
      'var modelId = "llama3.1";',
      'string? unknown = null;',
      'var chat = openAIClient.GetChatClient(ModelName);',
      'kernelBuilder.AddGoogleAIGeminiChatCompletion("gemini-1.5-flash", key);',
      'kernelBuilder.AddMistralChatCompletion(modelId: "mistral-large-latest", apiKey: key);',
      'kernelBuilder.AddAzureOpenAIChatCompletion("my-chat-deployment", endpoint, key);',
      'kernelBuilder.AddAzureOpenAIChatCompletion("gpt-4o", endpoint, key, modelId: "gpt-4o-2024-08-06");',
      'services.AddAzureOpenAITextEmbeddingGeneration(deploymentName: "embeddings-prod", endpoint: e, apiKey: k);',
      'var svc = new OpenAIChatCompletionService("gpt-4-turbo", key);',
      'IChatClient ollama = new OllamaChatClient(endpoint, modelId: modelId);',
      'var api = new OllamaApiClient(uri, "qwen2.5:7b");',
      'var none = new OllamaApiClient(uri, unknown);',
      'builder.AddAzureOpenAIClient("openai").AddChatClient("chat");',
      'var picked = GetModel("claude-sonnet-4-5", "anthropic");',
      'var label = GetModel("fast-one");',
      'if (IsReasoningModel("o3-mini")) { }',
      'AddBlockedModels("o1-preview");',
      `RegisterModels(${Array.from({ length: 51 }, (_, i) => `"gpt-4o-variant-${i}"`).join(', ')});`,
      'OpenAIChatCompletionService typed = new(modelId: "gpt-4.1-nano", apiKey: key);',
      'var embedder = embeddingsClient.AsIEmbeddingGenerator("text-embedding-3-large");',
    ].join('\n');
    expect(models('Program.cs', src)).toEqual([
      ['claude-sonnet-4-5', ['call:GetModel']],
      ['gemini-1.5-flash', ['call:AddGoogleAIGeminiChatCompletion']],
      ['gpt-4-turbo', ['call:OpenAIChatCompletionService']],
      ['gpt-4.1-nano', ['call:OpenAIChatCompletionService']],
      ['gpt-4o', ['call:AddAzureOpenAIChatCompletion']],
      ['gpt-4o-2024-08-06', ['keyword:modelId']],
      ['gpt-4o-mini', ['call:GetChatClient']],
      ['llama3.1', ['call:OllamaChatClient']],
      ['mistral-large-latest', ['call:AddMistralChatCompletion']],
      ['qwen2.5:7b', ['call:OllamaApiClient']],
      ['text-embedding-3-large', ['call:AsIEmbeddingGenerator']],
    ]);
    const helper = detect('Program.cs', src)?.assets.find((a) => a.name === 'claude-sonnet-4-5');
    expect(helper?.evidence.map((e) => e.confidence)).toEqual(['inferred']);
  });

  it('C#: a name resolves to its nearest declaration above the use (each method its own local), else the field below', () => {
    const src = [
      'using Microsoft.SemanticKernel;',
      'class Samples {',
      '  void A() {',
      '    var modelId = "gpt-4o";',
      '    kernel.AddOpenAIChatCompletion(modelId, key);',
      '  }',
      '  void B() {',
      '    var modelId = "o3-mini";',
      '    kernel.AddOpenAIChatCompletion(modelId, key);',
      '    kernel.AddOpenAIChatCompletion(Embeddings, key);',
      '    kernel.AddOpenAIChatCompletion(modelId: "N/A", apiKey: key);',
      '  }',
      '  private const string Embeddings = "text-embedding-3-large";',
      '}',
    ].join('\n');
    const assets = detect('Samples.cs', src)?.assets.filter((a) => a.kind === 'model') ?? [];
    expect(assets.map((a) => [a.name, a.evidence.map((e) => e.line)])).toEqual([
      ['gpt-4o', [5]],
      ['o3-mini', [9]],
      ['text-embedding-3-large', [10]],
    ]);
  });

  it('Ruby: model: keywords, hash rockets and string keys', () => {
    const src = 'require "ruby_llm"\nchat = RubyLLM.chat(model: "claude-3-5-haiku-latest")\nx = { :chat_model => "gpt-4o" }\ny = { "model" => "mistral-small-latest", "title" => "gpt-5" }\nz = Report.where(model: "Admin::User")\n';
    expect(models('a.rb', src)).toEqual([
      ['claude-3-5-haiku-latest', ['keyword:model']],
      ['gpt-4o', ['keyword:chat_model']],
      ['mistral-small-latest', ['keyword:model']],
    ]);
  });

  it('Rust: builder calls, rig agents, ollama-rs requests, struct fields', () => {
    const src = 'use rig::providers::openai;\nuse ollama_rs::generation::completion::request::GenerationRequest;\nlet a = client.agent("gpt-4o").build();\nlet r = GenerationRequest::new("llama3.2:latest".to_string(), p);\nlet s = Req { model: "o3-mini".into(), max: 1 };\n';
    expect(models('m.rs', src)).toEqual([
      ['gpt-4o', ['call:agent']],
      ['llama3.2:latest', ['call:GenerationRequest']],
      ['o3-mini', ['keyword:model']],
    ]);
  });

  it('Rust: constants and literal bindings holding known ids in AI code (inferred); kept-out lists, price tables, header names and bare names under other names are not', () => {
    const src = [
      'use async_openai::Client;',
      'pub const DEFAULT_MODEL: &str = "gpt-4o-mini";',
      'static FALLBACK: &str = "claude-3-5-haiku-latest";',
      'const KNOWN_MODELS: &[(&str, usize)] = &[("o4-mini", 200_000), ("gpt-4.1", 128_000)];',
      'let local_model = "llama3"; // a bare name under a name that says model',
      'const PROVIDERS: &[&str] = &["mistral", "groq"]; // bare names, not named for models',
      'const UNSUPPORTED_MODELS: &[&str] = &["gpt-3.5-turbo"];',
      'const MODEL_PRICES: [(&str, f64); 1] = [("gpt-4-turbo", 10.0)];',
      'const GREETING: &str = "hello";',
      'const REQUEST_ID_HEADERS: &[&str] = &["x-request-id", "mistral-correlation-id"];',
      'fn f() { let chosen = "gemini-2.5-flash"; let n = call("gpt-4"); }',
    ].join('\n');
    expect(models('m.rs', src)).toEqual([
      ['claude-3-5-haiku-latest', ['constant:FALLBACK']],
      ['gemini-2.5-flash', ['constant:chosen']],
      ['gpt-4.1', ['constant:KNOWN_MODELS']],
      ['gpt-4o-mini', ['constant:DEFAULT_MODEL']],
      ['llama3', ['constant:local_model']],
      ['o4-mini', ['constant:KNOWN_MODELS']],
    ]);
    const evidence = detect('m.rs', src)?.assets.find((a) => a.name === 'gpt-4o-mini')?.evidence[0];
    expect([evidence?.line, evidence?.confidence]).toEqual([2, 'inferred']);
  });

  it('Rust: repository slugs of model makers count only under a name that says model', () => {
    const src = [
      'use async_openai::Client;',
      'const REPOS: &[&str] = &["facebook/react", "microsoft/typescript"];',
      'const EMBEDDERS: &[&str] = &["BAAI/bge-small-en-v1.5"];',
      'const ROUTER_MODEL: &str = "openrouter/auto";',
    ].join('\n');
    expect(models('m.rs', src)).toEqual([
      ['BAAI/bge-small-en-v1.5', ['constant:EMBEDDERS']],
      ['openrouter/auto', ['constant:ROUTER_MODEL']],
    ]);
  });

  it('Rust: a file importing only an MCP crate counts only constants named for models, unless it names an AI API host', () => {
    const mcpOnly = [
      'use rmcp::model::Tool;',
      'pub const ANTHROPIC_DEFAULT_MODEL: &str = "claude-sonnet-4-5";',
      'const SAMPLE_ARGS: &[&str] = &["gpt-4o"];',
      'const EXAMPLE_MODEL: &str = "gpt-4.1";',
    ].join('\n');
    expect(models('p.rs', mcpOnly)).toEqual([['claude-sonnet-4-5', ['constant:ANTHROPIC_DEFAULT_MODEL']]]);
    const calling = `${mcpOnly}\nconst HOST: &str = "https://api.anthropic.com";\n`;
    // Code that calls a model API itself reads every constant, as in AI code (sample names too, as the JavaScript detector does).
    expect(models('p.rs', calling).map(([id]) => id)).toEqual(['claude-sonnet-4-5', 'gpt-4.1', 'gpt-4o']);
  });

  it('Rust: a constant holding the whole market (a registry) is not read', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `"gpt-4o-2024-${String(i).padStart(2, '0')}"`).join(', ');
    expect(models('r.rs', `use async_openai::Client;\nconst ALL_MODELS: &[&str] = &[${ids}];\n`)).toEqual([]);
  });

  it('traps: no AI import means no models; placeholders, bare words and unknown short ids in field positions are not ids', () => {
    expect(detect('m.go', 'package p\ntype Car struct{ Model string }\nvar c = Car{Model: "gpt-4o"}\n')).toBeNull();
    expect(models('m.go', 'import "github.com/openai/openai-go"\nvar a = X{Model: "your-model-name"}\nvar b = X{Model: "Sedan"}\nvar c = X{Model: "m1"}\nvar d = X{Model: "acme-llm-v2"}\n')).toEqual([
      ['acme-llm-v2', ['keyword:Model']],
    ]);
  });
});
