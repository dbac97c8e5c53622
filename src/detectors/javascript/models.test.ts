import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { Asset } from '../../model/index.ts';
import { detectJavaScript } from './index.ts';
import { mayFindJs } from './precheck.ts';

const models = (content: string): Asset[] =>
  (detectJavaScript({ scope: 'repo', path: 'src/ai.ts', content })?.assets ?? []).filter((a) => a.kind === 'model');
const names = (content: string): string[] => models(content).map((a) => a.name).sort();
/** name → [provider, sources, confidences] for compact assertions. */
const summary = (content: string) =>
  Object.fromEntries(models(content).map((a) => [a.name, [a.provider ?? null, a.attributes.sources, a.evidence.map((e) => `${e.line}:${e.confidence}`)]]));

describe('model ids passed to provider functions', () => {
  it('reads AI SDK provider calls, with the provider from the id or the provider package', () => {
    const content = [
      "import { openai } from '@ai-sdk/openai';",
      "import { anthropic } from '@ai-sdk/anthropic';",
      "import { google } from '@ai-sdk/google';",
      "import { bedrock } from '@ai-sdk/amazon-bedrock';",
      "import { mistral } from '@ai-sdk/mistral';",
      "import { ollama } from 'ollama-ai-provider';",
      "const a = openai('gpt-4o');",
      "const b = anthropic('claude-3-5-haiku-latest');",
      "const c = google('gemini-1.5-pro');",
      "const d = bedrock('anthropic.claude-3-haiku-20240307-v1:0');",
      "const e = mistral('mistral-large-latest');",
      "const f = ollama('my-finetune:7b');",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o': ['openai', ['call-argument'], ['7:declared']],
      'claude-3-5-haiku-latest': ['anthropic', ['call-argument'], ['8:declared']],
      'gemini-1.5-pro': ['google', ['call-argument'], ['9:declared']],
      'anthropic.claude-3-haiku-20240307-v1:0': ['aws-bedrock', ['call-argument'], ['10:declared']],
      'mistral-large-latest': ['mistral', ['call-argument'], ['11:declared']],
      'my-finetune:7b': ['ollama', ['call-argument'], ['12:declared']],
    });
  });

  it('follows provider factories and provider methods', () => {
    const content = [
      "import { createOpenAI, openai } from '@ai-sdk/openai';",
      "import { createAnthropic } from '@ai-sdk/anthropic';",
      "const azureish = createOpenAI({ baseURL: 'https://llm.internal/v1' });",
      "const m1 = azureish('corp-gpt-4o');",
      "const m2 = createAnthropic({ apiKey: key })('claude-sonnet-4-20250514');",
      "const e = openai.embedding('text-embedding-3-small');",
      "const r = openai.responses('gpt-4.1');",
    ].join('\n');
    expect(names(content)).toEqual(['claude-sonnet-4-20250514', 'corp-gpt-4o', 'gpt-4.1', 'text-embedding-3-small']);
  });

  it('reads langchain initChatModel and transformers.js pipelines', () => {
    const content = [
      "import { initChatModel } from 'langchain/chat_models/universal';",
      "import { pipeline, AutoModel } from '@huggingface/transformers';",
      "const chat = await initChatModel('gpt-4o-mini', { modelProvider: 'openai' });",
      "const classify = await pipeline('sentiment-analysis', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english');",
      "const m = await AutoModel.from_pretrained('Xenova/all-MiniLM-L6-v2');",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o-mini': ['openai', ['call-argument'], ['3:declared']],
      'Xenova/distilbert-base-uncased-finetuned-sst-2-english': ['xenova', ['call-argument'], ['4:declared']],
      'Xenova/all-MiniLM-L6-v2': ['xenova', ['from-pretrained'], ['5:declared']],
    });
  });
});

describe('model ids asked of an AI SDK provider registry or custom provider', () => {
  it('reads languageModel / textEmbeddingModel ids of createProviderRegistry and customProvider, the provider before the colon', () => {
    const content = [
      "import { createProviderRegistry, customProvider, generateText } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      "import { anthropic } from '@ai-sdk/anthropic';",
      'const registry = createProviderRegistry({ openai, anthropic });',
      "const myProvider = customProvider({ languageModels: { fast: openai('gpt-4o-mini') } });",
      "await generateText({ model: registry.languageModel('anthropic:claude-3-5-haiku-latest'), prompt: 'x' });",
      "const embed = registry.textEmbeddingModel('openai:text-embedding-3-small');",
      "const house = registry.languageModel('acme:house-model-v2');",
      "const fast = myProvider.languageModel('fast');",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o-mini': ['openai', ['call-argument'], ['5:declared']],
      'anthropic:claude-3-5-haiku-latest': ['anthropic', ['call-argument'], ['6:declared']],
      'openai:text-embedding-3-small': ['openai', ['call-argument'], ['7:declared']],
      // An id of a provider the registry names itself: no maker to tell.
      'acme:house-model-v2': [null, ['call-argument'], ['8:declared']],
    });
  });

  it('takes no registry from another package, and no method of a value that is no registry', () => {
    const content = [
      "import { createProviderRegistry } from './my-registry';",
      "import { generateText } from 'ai';",
      'const registry = createProviderRegistry();',
      "const m = registry.languageModel('openai:gpt-4o');",
      "const cache = new Map(); cache.languageModel?.('openai:gpt-4o');",
    ].join('\n');
    expect(names(content)).toEqual([]);
  });
});

describe('model properties of objects passed to AI SDK calls', () => {
  it('reads clients, frameworks, gateway strings and Bedrock commands', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import Anthropic from '@anthropic-ai/sdk';",
      "import { generateText } from 'ai';",
      "import { ChatOpenAI } from '@langchain/openai';",
      "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
      "import { GoogleGenerativeAI } from '@google/generative-ai';",
      "import ollama from 'ollama';",
      'const client = new OpenAI();',
      'const claude = new Anthropic();',
      "await client.chat.completions.create({ model: 'gpt-4o', messages });",
      "await claude.messages.create({ model: 'claude-3-opus-20240229', max_tokens: 10, messages });",
      "await generateText({ model: 'openai/gpt-4o-mini', prompt });",
      "const lc = new ChatOpenAI({ modelName: 'gpt-3.5-turbo', temperature: 0 });",
      "await new BedrockRuntimeClient({}).send(new ConverseCommand({ modelId: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', messages }));",
      "const gemini = new GoogleGenerativeAI(key).getGenerativeModel({ model: 'gemini-2.0-flash' });",
      "await ollama.chat({ model: 'llama3.2', messages });",
      "await client.chat.completions.create({ model: 'acme-support-llm-v2', messages });",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o': ['openai', ['model-property'], ['10:declared']],
      'claude-3-opus-20240229': ['anthropic', ['model-property'], ['11:declared']],
      'openai/gpt-4o-mini': ['openai', ['model-property'], ['12:declared']],
      'gpt-3.5-turbo': ['openai', ['model-property'], ['13:declared']],
      'us.anthropic.claude-3-5-sonnet-20241022-v2:0': ['aws-bedrock', ['model-property'], ['14:declared']],
      'gemini-2.0-flash': ['google', ['model-property'], ['15:declared']],
      'llama3.2': ['meta', ['model-property'], ['16:declared']],
      'acme-support-llm-v2': ['openai', ['model-property'], ['17:declared']],
    });
  });

  it('follows clients held in class fields, constructor parameters and typed parameters', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import Anthropic from '@anthropic-ai/sdk';",
      'export class Summarizer {',
      '  private readonly client = new OpenAI();',
      '  constructor(private readonly claude: Anthropic) {}',
      "  a() { return this.client.chat.completions.create({ model: 'internal-summarizer', messages: [] }); }",
      "  b() { return this.claude.messages.create({ model: 'internal-claude', max_tokens: 5, messages: [] }); }",
      '}',
      "export const c = (ai: OpenAI) => ai.responses.create({ model: 'internal-responder', input: 'x' });",
    ].join('\n');
    expect(names(content)).toEqual(['internal-claude', 'internal-responder', 'internal-summarizer']);
  });

  it('reads model properties nested in inline option objects, but not in messages', () => {
    const content = [
      "import { RealtimeSession } from '@openai/agents/realtime';",
      'const session = new RealtimeSession(agent, {',
      "  model: 'gpt-realtime',",
      "  config: { audio: { input: { transcription: { model: 'house-transcriber-2' } } } },",
      "  messages: [{ role: 'user', content: 'Which model: is best?' }],",
      '});',
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-realtime': ['openai', ['model-property'], ['3:declared']],
      'house-transcriber-2': [null, ['model-property'], ['4:declared']],
    });
  });

  it('reads request objects held in constants, including spreads', () => {
    const content = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "const BASE = { model: 'house-model-1', temperature: 0 };",
      'const request = { ...BASE, messages: [] };',
      'await client.chat.completions.create(request);',
    ].join('\n');
    expect(summary(content)).toEqual({ 'house-model-1': ['openai', ['model-property'], ['3:inferred']] });
  });
});

describe('model ids in same-file constants', () => {
  it('resolves constants, env defaults, maps and template literals used in model positions', () => {
    const content = [
      "import { openai } from '@ai-sdk/openai';",
      "import { generateText } from 'ai';",
      "const CHAT_MODEL = process.env.CHAT_MODEL ?? 'house-chat-v3';",
      "const MODELS = { fast: 'house-fast', smart: `house-smart` } as const;",
      'await generateText({ model: openai(CHAT_MODEL), prompt });',
      'await generateText({ model: openai(MODELS.fast), prompt });',
      "await generateText({ model: openai(MODELS['smart']), prompt });",
    ].join('\n');
    expect(summary(content)).toEqual({
      'house-chat-v3': ['openai', ['call-argument'], ['3:inferred']],
      'house-fast': ['openai', ['call-argument'], ['4:inferred']],
      'house-smart': ['openai', ['call-argument'], ['4:inferred']],
    });
  });

  it('reports known ids held in unused constants, arrays, maps and enums, but not unknown strings', () => {
    const content = [
      "import OpenAI from 'openai';",
      "export const MODELS = ['gpt-4o', 'claude-3-5-sonnet-latest', 'house-model'];",
      "export const BY_TIER = { fast: 'gemini-2.0-flash', label: 'Fast tier', custom: 'acme-llm' };",
      "export enum Model { Mini = 'gpt-4o-mini', Name = 'mini' }",
      "const DEFAULT = `o3-mini`;",
      "const config = { model: 'gpt-4.1', retries: 3 };",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o': ['openai', ['constant'], ['2:inferred']],
      'claude-3-5-sonnet-latest': ['anthropic', ['constant'], ['2:inferred']],
      'gemini-2.0-flash': ['google', ['constant'], ['3:inferred']],
      'gpt-4o-mini': ['openai', ['constant'], ['4:inferred']],
      'o3-mini': ['openai', ['constant'], ['5:inferred']],
      'gpt-4.1': ['openai', ['model-property'], ['6:inferred']],
    });
  });

  it("reads known ids passed to a helper named for models, not unknown ids nor other helpers' arguments", () => {
    const content = [
      "import { generateText } from 'ai';",
      "import { getModel } from './providers';",
      'export async function extract(model = getModel("gpt-4o-mini", "openai"), retry = getModel("claude-3-5-sonnet-20240620", "anthropic")) {',
      '  const fallback = registry?.getLLM?.("gemini-2.5-flash-lite");',
      '  const house = getModel("house-extractor-v2", "openai");',
      '  log.info("gpt-4.1", "switching");',
      '  if (isReasoningModel("o3-mini") || modelPricing("gpt-4o")) return;',
      '  return generateText({ model, prompt: "x" });',
      '}',
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o-mini': ['openai', ['call-argument'], ['3:inferred']],
      'claude-3-5-sonnet-20240620': ['anthropic', ['call-argument'], ['3:inferred']],
      'gemini-2.5-flash-lite': ['google', ['call-argument'], ['4:inferred']],
    });
  });

  it('merges repeated references into one asset keyed by the lower-cased id', () => {
    const content = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "await client.chat.completions.create({ model: 'GPT-4o', messages });",
      "await client.chat.completions.create({ model: 'gpt-4o', messages });",
      "export const FALLBACK = 'gpt-4o';",
    ].join('\n');
    const [model, ...rest] = models(content);
    expect(rest).toEqual([]);
    expect(model?.name).toBe('GPT-4o');
    expect(model?.attributes).toEqual({ sources: ['constant', 'model-property'] });
    expect(model?.evidence.map((e) => [e.line, e.confidence, e.snippet])).toEqual([
      [3, 'declared', "await client.chat.completions.create({ model: 'GPT-4o', messages });"],
      [4, 'declared', "await client.chat.completions.create({ model: 'gpt-4o', messages });"],
      [5, 'inferred', "export const FALLBACK = 'gpt-4o';"],
    ]);
  });

  it('resolves defaults of destructured parameters', () => {
    const content = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "export async function chat({ model = 'house-chat-v1', messages }: Options) {",
      '  return client.chat.completions.create({ model, messages });',
      '}',
      "export function label({ model = 'gpt-4o-mini' } = {}) { return model; }",
    ].join('\n');
    expect(summary(content)).toEqual({
      'house-chat-v1': ['openai', ['model-property'], ['3:inferred']],
      'gpt-4o-mini': ['openai', ['model-property'], ['6:inferred']],
    });
  });

  it('respects scopes: a parameter or local shadows the AI import or client', () => {
    const content = [
      "import { openai } from '@ai-sdk/openai';",
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "export function wrap(openai: (id: string) => unknown) { return openai('not-a-provider-call'); }",
      "export async function db() { const client = await pool.connect(); return client.query({ model: 'Invoice' }); }",
    ].join('\n');
    expect(names(content)).toEqual([]);
  });
});

describe('what is not a model', () => {
  it('ignores model properties in files that import no AI package (ORMs)', () => {
    const content = [
      "import mongoose from 'mongoose';",
      "import { Sequelize, Model } from 'sequelize';",
      "const User = mongoose.model('User', schema);",
      "Order.init({ total: DataTypes.INTEGER }, { sequelize, modelName: 'Order' });",
      "await Post.findAll({ include: [{ model: 'User' }] });",
      "const DEFAULT_MODEL = 'gpt-4';",
    ].join('\n');
    expect(detectJavaScript({ scope: 'repo', path: 'src/db.ts', content })).toBeNull();
  });

  it('ignores ORM model names and placeholders even in a file that imports an AI package', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import mongoose from 'mongoose';",
      'const client = new OpenAI();',
      "const User = mongoose.model('User', schema);",
      "await Post.findAll({ include: [{ model: 'User' }] });",
      "await client.chat.completions.create({ model: 'your-model', messages });",
      "await client.chat.completions.create({ model: '<model>', messages });",
      "await client.chat.completions.create({ model: process.env.MODEL!, messages });",
      "const label = 'Powered by gpt-4o';",
    ].join('\n');
    expect(names(content)).toEqual([]);
  });
});

describe('model ids in files whose only AI imports are MCP SDKs', () => {
  it('takes sampling data for data: results, hints and responses; only constants named for models count', () => {
    const content = [
      "import type { CreateMessageResult } from '@modelcontextprotocol/sdk/types.js';",
      "import { Client } from '@modelcontextprotocol/sdk/client/index.js';",
      'const draft: CreateMessageResult = { role: "assistant", model: "claude-sonnet-4-20250514", content: { type: "text", text: "ok" } };',
      'const request = { messages: [], modelPreferences: { hints: [{ name: "claude-3-5-sonnet" }, { name: "gpt-4" }] } };',
      'const client = new Client({ name: "inspector", version: "1.0.0" });',
      'client.respond({ model: "e2e-model", role: "assistant" });',
      'const DEFAULT_MODEL = "gpt-4o-mini";',
      'const mockModels = ["gpt-4.1"];',
      'export const WithModelHints = { args: { modelPreferences: { hints: [{ name: "claude-opus-4-20250514" }] } } };',
      'const samplingModelId = "claude-3-5-haiku-latest";',
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o-mini': ['openai', ['constant'], ['7:inferred']],
      'claude-3-5-haiku-latest': ['anthropic', ['constant'], ['10:inferred']],
    });
  });

  it('reads every tier again when an MCP-only file calls an AI API host itself', () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      'const server = new McpServer({ name: "summarizer", version: "1.0.0" });',
      "const res = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }) });",
    ].join('\n');
    expect(names(content)).toEqual(['gpt-4o-mini']);
    // An unrelated URL does not count.
    expect(names(content.replace('https://api.openai.com/v1/chat/completions', 'https://status.example.com/v1/ping'))).toEqual([]);
  });

  it('reads every tier again as soon as the file also imports a package that calls models', () => {
    const content = [
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "import OpenAI from 'openai';",
      'const server = new McpServer({ name: "summarizer", version: "1.0.0" });',
      'const hints = [{ name: "claude-3-5-sonnet" }];',
      'await new OpenAI().chat.completions.create({ model: "my-summarizer-v2", messages: [] });',
    ].join('\n');
    expect(names(content)).toEqual(['claude-3-5-sonnet', 'my-summarizer-v2']);
  });
});

describe('constants that are not models', () => {
  it('counts a bare family name only in a constant named for a model; never a prefix or a file name', () => {
    const content = [
      "import OpenAI from 'openai';",
      "const MISTRAL = 'mistral';",
      "const TEMPLATES = ['gemma', 'phi3v'];",
      "const DEFAULT_MODEL = 'llama3';",
      "const PREFIX = 'claude-3-';",
      "const RUNNER = 'command-runner.jar';",
      "const FALLBACK = 'gpt-4o-mini';",
    ].join('\n');
    expect(names(content)).toEqual(['gpt-4o-mini', 'llama3']);
  });
});

describe('models held in this.<field>', () => {
  it('follows this.model to what the constructor assigns it, defaults included, as inferred', () => {
    const content = [
      'class Llm {',
      '  constructor(pref) {',
      "    const { OpenAI: OpenAIApi } = require('openai');",
      '    this.openai = new OpenAIApi({ apiKey: process.env.KEY });',
      "    this.model = pref || process.env.MODEL_PREF || 'gpt-4.1-nano';",
      '    this.loop = this.loop || this.other;',
      '    this.other = this.loop;',
      '  }',
      '  chat(input) { return this.openai.responses.create({ model: this.model, input, user: this.loop }); }',
      '}',
    ].join('\n');
    const found = models(content);
    expect(found.map((a) => [a.name, a.evidence[0]?.confidence])).toEqual([['gpt-4.1-nano', 'inferred']]);
  });

  it('resolves self-referencing fields once: no blow-up, and later models are not lost to the step budget', () => {
    const content = [
      "import OpenAI from 'openai';",
      'class A {',
      "  constructor(m) { this.client = new OpenAI(); this.model = m || this.model || 'gpt-4o'; this.a = this.b || this.model; this.b = this.a || this.model; }",
      ...Array.from({ length: 6 }, (_, i) => `  f${i}() { return this.client.responses.create({ model: this.model, user: this.a, metadata: this.b }); }`),
      '}',
      "const M = 'acme-ft-model-v2';",
      'new OpenAI().responses.create({ model: M });',
    ].join('\n');
    const { value: found, ms } = cpuTimed(() => names(content));
    expect(ms).toBeLessThan(1000);
    expect(found).toEqual(['acme-ft-model-v2', 'gpt-4o']);
  });
});

describe('model lists in files that import no AI package', () => {
  it('reads a list of Cohere and Amazon ids, and passes over files whose stems are only in comments and prose', () => {
    const list = "export const CHAT_MODELS = [\n  { id: 'command-r-plus' },\n  { id: 'amazon.nova-pro-v1:0' },\n];";
    expect(mayFindJs('src/models.ts', list)).toBe(true);
    expect(names(list)).toEqual(['amazon.nova-pro-v1:0', 'command-r-plus']);
    const prose = [
      '/** Sets command-line arguments; see https://docs.aws.amazon.com/cdk/latest/guide */',
      '// runs claude-code and llama.cpp; default gpt-4o',
      "const MODEL = process.env.MODEL;",
      "const label = 'the gpt-4o model';",
      "import { run } from '@google/gemini-cli-core';",
      "const CLI_MODEL = 'gemini-cli';",
    ].join('\n');
    expect(mayFindJs('src/args.ts', prose)).toBe(false);
    expect(detectJavaScript({ scope: 'repo', path: 'src/args.ts', content: prose })).toBeNull();
  });

  it('reads catalog ids in model descriptors and constants whose name or type says model, once the file holds two or more', () => {
    const content = [
      "import { LLM } from '@/types';",
      "export const DEFAULT_CHAT_MODEL = 'google/gemini-2.5-flash-lite';",
      'export const chatModels = [',
      "  { id: 'anthropic/claude-haiku-4.5', name: 'Claude Haiku 4.5', provider: 'anthropic' },",
      "  { id: 'openai/gpt-4.1-mini', name: 'GPT-4.1 Mini', provider: 'openai' },",
      '];',
      "const GPT4o: LLM = { modelId: 'gpt-4o', modelName: 'GPT-4o', hostedId: 'gpt-4o' };",
    ].join('\n');
    expect(summary(content)).toEqual({
      'google/gemini-2.5-flash-lite': ['google', ['constant'], ['2:inferred']],
      'anthropic/claude-haiku-4.5': ['anthropic', ['constant'], ['4:inferred']],
      'openai/gpt-4.1-mini': ['openai', ['constant'], ['5:inferred']],
      'gpt-4o': ['openai', ['constant'], ['7:inferred']],
    });
  });

  it('counts nothing else there: one id alone, sample data, call arguments, other names, bare names, prefixes', () => {
    const run = (content: string) => detectJavaScript({ scope: 'repo', path: 'src/app.ts', content });
    expect(run("const DEFAULT_MODEL = 'gpt-4';\nconst MODEL_LABEL = 'gpt-4';")).toBeNull();
    expect(run("const DEFAULT_MODEL = 'gpt-4o';\nconst LEGACY_MODELS = ['gpt-4', 'gpt-3.5-turbo'];")).toBeNull();
    expect(run("const DEFAULT_MODEL = { id: 'gpt-4o' };")).toBeNull();
    expect(run("export const EXAMPLE_MODELS = [{ id: 'gpt-4o' }, { id: 'claude-3-5-haiku-latest' }];")).toBeNull();
    expect(run("export const mockModelList = [{ id: 'gpt-4o' }, { id: 'claude-3-5-haiku-latest' }];")).toBeNull();
    expect(run("import { wrap } from '@my-org/openai-utils';\nconst modelA = wrap({ model: 'gpt-4o' });\nconst modelB = wrap({ model: 'gpt-4o-mini' });")).toBeNull();
    const content = [
      "import { Model } from 'sequelize';",
      "const steps = ['gpt-4o', 'claude-3-5-haiku-latest'];",
      "const llmProviders = ['mistral', 'llama'];",
      "const MODEL_PREFIXES = ['claude-3-', 'gpt-4.'];",
      "const models = ['o3', 'o1'];",
      "const user = { model: 'User', modelName: 'Invoice' };",
      "// const MODELS = ['gpt-4o', 'gpt-4o-mini'];",
    ].join('\n');
    expect(run(content)).toBeNull();
  });

  it('takes whole words for sample data: LATEST_MODELS and fastestModels are catalogs', () => {
    for (const name of ['LATEST_MODELS', 'fastestModels', 'contest_models']) {
      expect(names(`export const ${name} = [{ id: 'gpt-4o' }, { id: 'claude-3-5-haiku-latest' }];`), name).toEqual(['claude-3-5-haiku-latest', 'gpt-4o']);
    }
  });

  it('leaves out registries: generated files and files listing more ids than a program chooses among', () => {
    const list = (ids: readonly string[]): string => `export const MODELS = [${ids.map((id) => `{ id: '${id}' }`).join(', ')}];`;
    const ids = Array.from({ length: 51 }, (_, i) => `gpt-4o-2024-${String(i + 1).padStart(2, '0')}`);
    expect(names(list(ids.slice(0, 50)))).toHaveLength(50);
    expect(detectJavaScript({ scope: 'repo', path: 'src/models.ts', content: list(ids) })).toBeNull();
    const two = list(['gpt-4o', 'gpt-4o-mini']);
    expect(names(two)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(detectJavaScript({ scope: 'repo', path: 'src/catalog.generated.ts', content: two })).toBeNull();
    expect(detectJavaScript({ scope: 'repo', path: 'src/generated/models.ts', content: two })).toBeNull();
    expect(detectJavaScript({ scope: 'repo', path: 'src/models.ts', content: `/** Auto-generated model catalog. DO NOT EDIT. */\n${two}` })).toBeNull();
  });

  it('says nothing about a file it could not parse when it imports no AI package', () => {
    expect(detectJavaScript({ scope: 'repo', path: 'src/models.ts', content: "const MODELS = ['gpt-4o', 'gpt-4o-mini'];\nfunction (" })).toBeNull();
  });
});

describe('this.<field> read in the class that uses it', () => {
  /** name → [provider, evidence lines] */
  const byClass = (content: string) => Object.fromEntries(models(content).map((a) => [a.name, [a.provider ?? null, a.evidence.map((e) => `${e.line}:${e.confidence}`)]]));

  it("gives each class's call only its own class's this.model", () => {
    const content = [
      "import Anthropic from '@anthropic-ai/sdk';", //                                         1
      "import OpenAI from 'openai';", //                                                       2
      'class Chat {', //                                                                       3
      '  constructor(opts) {', //                                                              4
      '    this.anthropic = new Anthropic();', //                                              5
      "    this.model = opts.model || 'corp-chat-v2';", //                                     6
      '  }', //                                                                                7
      '  ask(q) { return this.anthropic.messages.create({ model: this.model, messages: q }); }', // 8
      '}', //                                                                                  9
      'class Archive {', //                                                                   10
      "  model = 'orders-archive-v3';", //                                                    11
      '  load(db) { return db.find({ model: this.model }); }', //                             12
      '}', //                                                                                 13
      'class Embed {', //                                                                     14
      "  constructor() { this.openai = new OpenAI(); this.model = 'corp-embed-v1'; }", //     15
      '  embed(t) { return this.openai.embeddings.create({ model: this.model, input: t }); }', // 16
      '}', //                                                                                 17
    ].join('\n');
    expect(byClass(content)).toEqual({
      'corp-chat-v2': ['anthropic', ['6:inferred']],
      'corp-embed-v1': ['openai', ['15:inferred']],
    });
  });

  it('reads a same-file base class when the class has no such field, not the other classes of the file', () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      'class Base {', //                                                                            2
      "  constructor() { this.openai = new OpenAI(); this.model = 'corp-base-v1'; }", //            3
      '}', //                                                                                       4
      'class Fast extends Base {', //                                                               5
      '  run(input) { return this.openai.responses.create({ model: this.model, input }); }', //     6
      '}', //                                                                                       7
      'class Other {', //                                                                           8
      "  constructor() { this.model = 'orders-other-v1'; }", //                                     9
      '}', //                                                                                      10
    ].join('\n');
    expect(byClass(content)).toEqual({ 'corp-base-v1': ['openai', ['3:inferred']] });
  });

  it('a field only declared with a type sets no model: the subclasses of the file that set it do', () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      'type ModelId = string;', //                                                                  2
      'abstract class Base {', //                                                                   3
      '  protected abstract model: ModelId;', //                                                    4
      '  client = new OpenAI();', //                                                                5
      '  run() { return this.client.chat.completions.create({ model: this.model, messages: [] }); }', // 6
      '}', //                                                                                       7
      "class Fast extends Base { model = 'gpt-4o-mini'; }", //                                      8
      "class Other { model = 'orders-other-v1'; }", //                                              9
    ].join('\n');
    expect(byClass(content)).toEqual({ 'gpt-4o-mini': ['openai', ['8:inferred']] });
  });

  it("a base class's default does not hide what its subclasses of the file set, at any depth", () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      'class Base {', //                                                                            2
      "  model = 'gpt-4o';", //                                                                     3
      '  client = new OpenAI();', //                                                                4
      '  run() { return this.client.chat.completions.create({ model: this.model, messages: [] }); }', // 5
      '}', //                                                                                       6
      "class Fast extends Base { model = 'gpt-4o-mini'; }", //                                      7
      'class Smart extends Base {', //                                                              8
      "  constructor() { super(); this.model = 'gpt-4.1'; }", //                                    9
      '}', //                                                                                      10
      'class Deep extends Fast {}', //                                                             11
      "class Tuned extends Deep { model = 'corp-tuned-v1'; }", //                                  12
    ].join('\n');
    expect(byClass(content)).toEqual({
      'gpt-4o': ['openai', ['3:inferred']],
      'gpt-4o-mini': ['openai', ['7:inferred']],
      'gpt-4.1': ['openai', ['9:inferred']],
      'corp-tuned-v1': ['openai', ['12:inferred']],
    });
  });

  it("a subclass reading its base's field does not take what a sibling class sets", () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      "class Base { model = 'corp-base-v1'; client = new OpenAI(); }", //                           2
      'class Fast extends Base {', //                                                               3
      '  run() { return this.client.responses.create({ model: this.model }); }', //                 4
      '}', //                                                                                       5
      "class Slow extends Base { model = 'orders-slow-v1'; }", //                                   6
    ].join('\n');
    expect(byClass(content)).toEqual({ 'corp-base-v1': ['openai', ['2:inferred']] });
  });

  it('reads the subclasses of a widely extended base once: many subclasses and uses stay linear', () => {
    const n = 3_000;
    const content = [
      "import OpenAI from 'openai';",
      "class Base { model = 'corp-base-v1'; client = new OpenAI(); run() { return this.client.responses.create({ model: this.model }); } }",
      ...Array.from({ length: n }, (_, i) => `class S${i} extends ${i % 2 === 0 ? 'Base' : `S${i - 1}`} { ${i === n - 1 ? "model = 'corp-last-v1';" : ''} go() { return this.client.responses.create({ model: this.model }); } }`),
    ].join('\n');
    const { value: found, ms } = cpuTimed(() => byClass(content));
    expect(ms).toBeLessThan(5_000);
    expect(Object.keys(found).sort()).toEqual(['corp-base-v1', 'corp-last-v1']);
  });

  it('follows bases more than one level up, and ends on cyclic bases', () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      "class Root { model = 'corp-root-v1'; }", //                                                  2
      'class Mid extends Root {}', //                                                               3
      'class Leaf extends Mid {', //                                                                4
      '  run() { return new OpenAI().responses.create({ model: this.model }); }', //                5
      '}', //                                                                                       6
      'class A extends B { run() { return new OpenAI().responses.create({ model: this.name }); } }', // 7
      'class B extends A { run() { return new OpenAI().responses.create({ model: this.name }); } }', // 8
      "class C { name = 'corp-c-v1'; }", //                                                         9
    ].join('\n');
    // A and B set no `name`, nor does any base of theirs: the file-wide reading finds C's.
    expect(byClass(content)).toEqual({ 'corp-root-v1': ['openai', ['2:inferred']], 'corp-c-v1': ['openai', ['9:inferred']] });
  });

  it('follows a bounded number of bases: long and cyclic extends chains stay linear', () => {
    const n = 1_500;
    const content = [
      "import OpenAI from 'openai';",
      "class C0 { constructor() { this.m = 'corp-root-v1'; } }",
      ...Array.from({ length: n }, (_, i) => `class C${i + 1} extends C${((i + 1) % n) + 1} { run() { return new OpenAI().responses.create({ model: this.m, user: this.a }); } }`),
    ].join('\n');
    const { value: found, ms } = cpuTimed(() => byClass(content));
    expect(ms).toBeLessThan(5_000);
    // C1 extends C2 ... extends C<n> extends C1: no class of the cycle sets `m`, each reads the file-wide field.
    expect(found).toEqual({ 'corp-root-v1': ['openai', ['2:inferred']] });
  });

  it('reads every class of the file when neither the class nor a base in the file has the field', () => {
    const content = [
      "import OpenAI from 'openai';", //                                                            1
      'class Template {', //                                                                        2
      '  run(input) { return new OpenAI().responses.create({ model: this.model, input }); }', //    3
      '}', //                                                                                       4
      'class Writer extends Template {', //                                                         5
      "  model = 'corp-writer-v1';", //                                                             6
      '}', //                                                                                       7
    ].join('\n');
    // A subclass sets what the base class reads: the file-wide reading keeps that model.
    expect(byClass(content)).toEqual({ 'corp-writer-v1': ['openai', ['6:inferred']] });
  });
});

describe('this.<field> clients read in the class that uses them', () => {
  it("a call on this.client is an AI call only when the class's own client is an AI client", () => {
    const content = [
      "import OpenAI from 'openai';",
      "import { Pool } from 'pg';",
      'class Bot {',
      '  constructor() { this.client = new OpenAI(); }',
      "  ask() { return this.client.responses.create({ model: 'corp-bot-v1' }); }",
      '}',
      'class Cache {',
      '  constructor() { this.client = new Pool(); }',
      "  put(v) { return this.client.query({ model: 'orders-cache-v3', v }); }",
      '}',
    ].join('\n');
    expect(names(content)).toEqual(['corp-bot-v1']);
  });
});

describe('model registries', () => {
  const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `gpt-4o-mini-${1000 + i}`);
  it('leaves out a constant holding more known ids than a program chooses among (a table of the whole market, whatever its name)', () => {
    const table = (n: number): string => `export const MODEL_TABLE = [\n${ids(n).map((id) => `  { id: '${id}', input: 0.15 },`).join('\n')}\n];`;
    const call = "export const r = await client.chat.completions.create({ model: 'claude-3-5-haiku-latest', messages: [] });";
    const head = "import OpenAI from 'openai';\nconst client = new OpenAI();";
    expect(names([head, table(50), call].join('\n'))).toHaveLength(51);
    expect(names([head, table(51), call].join('\n'))).toEqual(['claude-3-5-haiku-latest']);
  });

  it('leaves out lists of models kept out (a blacklist, unsupported ids), in AI code and in catalogs', () => {
    const ai = [
      "import * as vscode from 'vscode';",
      "import OpenAI from 'openai';",
      "const VSCODE_LM_STATIC_BLACKLIST: string[] = ['claude-3.7-sonnet', 'claude-3.7-sonnet-thought'];",
      "const unsupportedModelIds = ['o1-mini'];",
      "const DEFAULT_MODEL = 'gpt-4.1-mini';",
    ].join('\n');
    expect(names(ai)).toEqual(['gpt-4.1-mini']);
    const catalog = [
      "export const chatModels = [{ id: 'gpt-4o' }, { id: 'claude-3-5-haiku-latest' }];",
      "export const blockListModels = [{ id: 'gpt-3.5-turbo' }];",
    ].join('\n');
    expect(names(catalog)).toEqual(['claude-3-5-haiku-latest', 'gpt-4o']);
  });

  it('leaves out price and context-window tables of any size', () => {
    const ai = [
      "import OpenAI from 'openai';",
      "const MODEL_PRICING = [{ id: 'gpt-4-0314', input: 30 }, { id: 'gpt-3.5-turbo-0613', input: 1.5 }];",
      "const contextWindows = [['gpt-4-32k', 32768]];",
      "const model = process.env.MODEL ?? 'gpt-4.1-mini';",
    ].join('\n');
    expect(names(ai)).toEqual(['gpt-4.1-mini']);
  });
});

describe('models of OpenAI-compatible vendors called through the openai package', () => {
  it('names the id\'s maker, not the package called (GLM, Kimi, MiniMax), and the base URL\'s vendor for ids it does not know', () => {
    const content = [
      "const { OpenAI } = require('openai');",
      "const zai = new OpenAI({ baseURL: 'https://api.z.ai/api/paas/v4' });",
      "zai.chat.completions.create({ model: process.env.ZAI_MODEL || 'glm-4.5', messages });",
      "zai.chat.completions.create({ model: 'kimi-k2-0905-preview', messages });",
      "zai.chat.completions.create({ model: 'MiniMax-M2.7', messages });",
      "zai.chat.completions.create({ model: 'acme-ft-v2', messages });",
    ].join('\n');
    expect(models(content).map((a) => [a.name, a.provider])).toEqual([
      ['glm-4.5', 'zhipu'], ['kimi-k2-0905-preview', 'moonshot'], ['MiniMax-M2.7', 'minimax'], ['acme-ft-v2', 'zhipu']]);
  });
});

describe("the provider of ids the catalog does not know, from the client's base URL", () => {
  it('names the vendor whose API host the client is given; known ids keep their maker; no base URL or an unknown host keeps the package', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import { createOpenAI } from '@ai-sdk/openai';",
      "const DEEPSEEK_URL = 'https://api.deepseek.com/v1';",
      "const ds = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });",
      "await ds.chat.completions.create({ model: 'house-reasoner-2', messages });",
      "await ds.chat.completions.create({ model: 'gpt-4o-mini', messages });",
      "const local = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });",
      "await local.chat.completions.create({ model: 'house-coder:7b', messages });",
      "const groq = createOpenAI({ baseURL: process.env.GROQ_URL ?? 'https://api.groq.com/openai/v1' });",
      "const g = groq('house-mixer-3');",
      'class Summarizer {',
      '  client = new OpenAI({ baseURL: DEEPSEEK_URL });',
      "  run() { return this.client.chat.completions.create({ model: 'house-summarizer-4', messages: [] }); }",
      '}',
      'const plain = new OpenAI();',
      "await plain.chat.completions.create({ model: 'house-plain-5', messages });",
      'const fromEnv = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });',
      "await fromEnv.chat.completions.create({ model: 'house-env-6', messages });",
      "const corp = new OpenAI({ baseURL: 'https://llm.corp.acme.io/v1' });",
      "await corp.chat.completions.create({ model: 'house-corp-7', messages });",
      "const docs = new OpenAI({ baseURL: 'https://api.deepseek.com.example.org/v1' });",
      "await docs.chat.completions.create({ model: 'house-docs-8', messages });",
    ].join('\n');
    expect(Object.fromEntries(models(content).map((a) => [a.name, a.provider ?? null]))).toEqual({
      'house-reasoner-2': 'deepseek',
      'gpt-4o-mini': 'openai',
      'house-coder:7b': 'ollama',
      'house-mixer-3': 'groq',
      'house-summarizer-4': 'deepseek',
      'house-plain-5': 'openai',
      'house-env-6': 'openai',
      'house-corp-7': 'openai',
      'house-docs-8': 'openai',
    });
  });

  it("names a gateway host's gateway, as a gateway's provider package does; a client given two vendors' hosts names neither", () => {
    const content = [
      "import OpenAI from 'openai';",
      "import Anthropic from '@anthropic-ai/sdk';",
      "const router = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1' });",
      "await router.chat.completions.create({ model: 'house-router-1', messages });",
      "await router.chat.completions.create({ model: 'anthropic/claude-sonnet-4', messages });",
      "const either = new OpenAI({ baseURL: fast ? 'https://api.groq.com/openai/v1' : 'https://api.deepseek.com' });",
      "await either.chat.completions.create({ model: 'house-either-2', messages });",
      "const claude = new Anthropic({ baseURL: 'https://api.anthropic.com' });",
      "await claude.messages.create({ model: 'house-claude-3', max_tokens: 5, messages });",
    ].join('\n');
    expect(Object.fromEntries(models(content).map((a) => [a.name, a.provider ?? null]))).toEqual({
      'house-router-1': 'openrouter',
      'anthropic/claude-sonnet-4': 'anthropic',
      'house-either-2': null,
      'house-claude-3': 'anthropic',
    });
  });
});

describe('<known org>/<name> strings outside model positions', () => {
  it('takes repository slugs of model makers for models only where the code names a model', () => {
    const content = [
      "import OpenAI from 'openai';",
      "const REPOS = ['facebook/react', 'google/zx', 'microsoft/typescript'];",
      "const toolArgs = { repoName: 'facebook/react', question: 'What is React?' };",
      "const deps = { 'microsoft/TypeScript': 'latest' };",
      "const EMBEDDERS = ['BAAI/bge-small-en-v1.5', 'facebook/opt-125m'];",
      "const choices = { big: 'meta-llama/Llama-3.1-8B-Instruct', small: 'google/gemma-2-9b-it', base: 'mistralai/Mistral-7B-v0.1' };",
      "const DEFAULT_MODEL = 'nomic-ai/nomic-embed-text';",
      "const preset = { model: 'mistralai/Mistral-Nemo' };",
      "const PRESETS = ['mistralai/Mistral-Nemo-Base'];",
      "const modelRoutes = ['openai/chat-completions', 'anthropic/messages', 'openai/embeddings'];",
      "const getModel = (id: string) => id;",
      "getModel('microsoft/Florence');",
    ].join('\n');
    expect(names(content)).toEqual(['BAAI/bge-small-en-v1.5', 'facebook/opt-125m', 'google/gemma-2-9b-it', 'meta-llama/Llama-3.1-8B-Instruct',
      'microsoft/Florence', 'mistralai/Mistral-7B-v0.1', 'mistralai/Mistral-Nemo', 'mistralai/Mistral-Nemo-Base', 'nomic-ai/nomic-embed-text']);
  });

  it('still reads any id-shaped string in a model call', () => {
    const content = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "await client.chat.completions.create({ model: 'openai/house-router', messages });",
    ].join('\n');
    expect(names(content)).toEqual(['openai/house-router']);
  });
});

describe('models chosen through an environment fallback', () => {
  it('reads the default of an environment lookup in AI code wherever a model-named value or constant holds it', () => {
    const content = [
      "import OpenAI from 'openai';",
      "const MODEL = process.env.OPENAI_MODEL ?? 'gpt-4o';",
      "class Agent { model = process.env.AGENT_MODEL || 'claude-3-5-haiku-latest'; }",
      "export default { chatModel: import.meta.env.VITE_CHAT_MODEL || 'gpt-4.1-mini' };",
      "class Indexer { constructor() { this.embedder = Deno.env.get('EMBEDDING_MODEL') ?? 'text-embedding-3-small'; } }",
      "const { SUMMARY_MODEL = 'gemini-2.0-flash' } = process.env;",
      "settings.model = Bun.env.MODEL ?? 'o4-mini';",
      "const port = process.env.PORT || '3000';",
      "const mode = process.env.NODE_ENV || 'development';",
      "const latest = process.env.OPENAI_MODEL || 'latest';",
    ].join('\n');
    expect(summary(content)).toEqual({
      'gpt-4o': ['openai', ['constant'], ['2:inferred']],
      'claude-3-5-haiku-latest': ['anthropic', ['constant'], ['3:inferred']],
      'gpt-4.1-mini': ['openai', ['constant'], ['4:inferred']],
      'text-embedding-3-small': ['openai', ['constant'], ['5:inferred']],
      'gemini-2.0-flash': ['google', ['constant'], ['6:inferred']],
      'o4-mini': ['openai', ['constant'], ['7:inferred']],
    });
  });

  it('sends an unknown default through a model position as before, with the client package as provider', () => {
    const content = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      "const MODEL = process.env.MODEL || 'house-tuned-7b';",
      'await client.chat.completions.create({ model: MODEL, messages: [] });',
    ].join('\n');
    expect(summary(content)).toEqual({ 'house-tuned-7b': ['openai', ['model-property'], ['3:inferred']] });
  });

  it('reads a settings module that imports no AI package when the name assigned or the variable read says model', () => {
    const content = [
      "import process from 'node:process';",
      'export const config = {',
      "  azureOpenAiChatGptModel: process.env.AZURE_OPENAI_CHATGPT_MODEL || 'gpt-4o-mini',",
      "  azureOpenAiEmbeddingModel: process.env.AZURE_OPENAI_EMBEDDING_MODEL || 'text-embedding-ada-002',",
      "  port: process.env.PORT || '3000',",
      "  env: process.env.NODE_ENV || 'development',",
      '};',
      "const chat = process.env['OPENAI_MODEL'] ?? 'claude-3-5-haiku-latest';",
      "const fast = Bun.env.FAST_LLM || 'gpt-4.1-nano';",
    ].join('\n');
    expect(mayFindJs('src/config.ts', content)).toBe(true);
    expect(summary(content)).toEqual({
      'gpt-4o-mini': ['openai', ['constant'], ['3:inferred']],
      'text-embedding-ada-002': ['openai', ['constant'], ['4:inferred']],
      'claude-3-5-haiku-latest': ['anthropic', ['constant'], ['8:inferred']],
      'gpt-4.1-nano': ['openai', ['constant'], ['9:inferred']],
    });
  });

  it('keeps out, without an AI import, environment defaults that are no model settings', () => {
    const run = (content: string) => detectJavaScript({ scope: 'repo', path: 'src/config.ts', content });
    const content = [
      "const THEME = process.env.THEME || 'gpt-4o';", // neither the name nor the variable says model
      "const MODEL = process.env.MODEL || 'mistral';", // a bare family name
      "const CHAT_MODEL = other.env.MODEL || 'gpt-4o';", // not the environment
      "const UNSUPPORTED_MODELS = process.env.UNSUPPORTED_MODELS || 'gpt-4';", // kept out, not chosen
      "const testModel = process.env.TEST_MODEL || 'claude-3-opus-20240229';", // a sample
      "const DEFAULT_MODEL = 'gpt-4o';", // a plain constant next to no AI code stays out
      "send(process.env.MODEL || 'gpt-4o');", // assigned to nothing
      "const flag = process.env.MODEL && 'gpt-4o';", // no fallback
    ].join('\n');
    expect(run(content)).toBeNull();
    // A default that is no catalog id: the pre-check turns the file away and the detector agrees.
    const unknown = "const MODEL = process.env.MODEL || 'acme-coder-7b';\nconst port = process.env.PORT || '3000';";
    expect(mayFindJs('src/config.ts', unknown)).toBe(false);
    expect(run(unknown)).toBeNull();
  });
});
