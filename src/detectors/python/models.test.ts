import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { Asset } from '../../model/index.ts';
import { detectPython } from './index.ts';

const models = (content: string): Asset[] => (detectPython({ scope: 't', path: 'app.py', content })?.assets ?? []).filter((a) => a.kind === 'model');
const summary = (content: string): Array<[string, string | undefined, unknown, string]> =>
  models(content).map((m) => [m.name, m.provider, m.attributes.sources, m.evidence.map((e) => `${e.line}:${e.confidence}`).join(',')]);

describe('python detector: capability tables', () => {
  it('leaves out lists of models grouped by a feature they support or lack; keeps the models the app offers', () => {
    const src = [
      'from openai import OpenAI',
      'NO_SUPPORT_TEMPERATURE_MODELS = ["o1-mini", "o3-mini", "gpt-5"]',
      'SUPPORT_REASONING_EFFORT_MODELS = ["o3", "o4-mini"]',
      'SUPPORTED_MODELS = ["gpt-4o-mini"]',
      'client = OpenAI()',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['gpt-4o-mini']);
  });
});

describe('python detector: model ids', () => {
  it('reads model= style keywords on calls into AI packages, with key, provider and evidence', () => {
    const src = 'from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(\n    model="gpt-4o-mini",\n    messages=[],\n)\n';
    const [m] = models(src);
    expect(m).toMatchObject({ kind: 'model', name: 'gpt-4o-mini', provider: 'openai', attributes: { sources: ['keyword:model'] } });
    expect(m?.evidence).toEqual([{ path: 'app.py', line: 4, snippet: 'model="gpt-4o-mini",', technique: 'call-site', confidence: 'declared', detector: 'python' }]);
  });

  it('lower-cases the key but keeps the name as written', () => {
    const a = models('from langchain_openai import ChatOpenAI\nx = ChatOpenAI(model="GPT-4o")\ny = ChatOpenAI(model="gpt-4o")\n');
    expect(a.map((m) => m.name)).toEqual(['GPT-4o']);
    expect(a[0]?.evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('reads every model keyword of the catalog', () => {
    const src = [
      'import boto3, anthropic',
      'from langchain_huggingface import HuggingFaceEmbeddings',
      'from langchain_openai import AzureChatOpenAI',
      'from openai import AzureOpenAI',
      'import google.generativeai as genai',
      'e = HuggingFaceEmbeddings(model_name="BAAI/bge-large-en-v1.5")',
      'a = AzureChatOpenAI(deployment_name="prod-gpt4o-eastus")',
      'b = AzureOpenAI(azure_deployment="chat-deploy-01")',
      'g = genai.GenerativeModel(model_name="gemini-1.5-pro")',
      'rt = boto3.client("bedrock-runtime")',
      'rt.invoke_model(modelId="anthropic.claude-3-haiku-20240307-v1:0", body=b)',
      'x = anthropic.Anthropic().messages.create(model_id="claude-3-opus-20240229")',
    ].join('\n');
    expect(summary(src).map(([n, p, s]) => [n, p, s])).toEqual([
      ['BAAI/bge-large-en-v1.5', 'baai', ['keyword:model_name']],
      ['prod-gpt4o-eastus', undefined, ['keyword:deployment_name']],
      ['chat-deploy-01', undefined, ['keyword:azure_deployment']],
      ['gemini-1.5-pro', 'google', ['keyword:model_name']],
      ['anthropic.claude-3-haiku-20240307-v1:0', 'aws-bedrock', ['keyword:modelId']],
      ['claude-3-opus-20240229', 'anthropic', ['keyword:model_id']],
    ]);
  });

  it('reads positional model arguments of catalog calls', () => {
    const src = [
      'from transformers import AutoModel, pipeline',
      'from sentence_transformers import SentenceTransformer',
      'from langchain.chat_models import init_chat_model',
      'import google.generativeai as genai',
      'import ollama',
      'm = AutoModel.from_pretrained("bert-base-uncased")',
      'p = pipeline("text-generation", "gpt2")',
      's = SentenceTransformer("all-MiniLM-L6-v2")',
      'c = init_chat_model("anthropic:claude-3-5-sonnet-latest")',
      'g = genai.GenerativeModel("gemini-2.0-flash")',
      'o = ollama.chat("llama3.1:8b", messages=[])',
    ].join('\n');
    expect(summary(src).map(([n, p, s]) => [n, p, s])).toEqual([
      ['bert-base-uncased', undefined, ['from_pretrained']],
      ['gpt2', undefined, ['pipeline']],
      ['all-MiniLM-L6-v2', undefined, ['SentenceTransformer']],
      ['anthropic:claude-3-5-sonnet-latest', 'anthropic', ['init_chat_model']],
      ['gemini-2.0-flash', 'google', ['GenerativeModel']],
      ['llama3.1:8b', 'meta', ['ollama']],
    ]);
  });

  it('Vertex AI from_pretrained names a hosted model under its own source, not a Hub load', () => {
    const src = [
      'from vertexai.language_models import TextEmbeddingModel',
      'from transformers import AutoModel',
      'e = TextEmbeddingModel.from_pretrained("textembedding-gecko@003")',
      'm = AutoModel.from_pretrained("org/encoder-small")',
    ].join('\n');
    expect(summary(src).map(([n, , s]) => [n, s])).toEqual([
      ['textembedding-gecko@003', ['vertexai.from_pretrained']],
      ['org/encoder-small', ['from_pretrained']],
    ]);
  });

  it('constants of a predicate and lists of models kept out are not models in use', () => {
    const src = [
      'from openai import AsyncOpenAI',
      'DEFAULT_MODEL = "gpt-4.1-mini"',
      'MODEL_BLACKLIST = ["gpt-3.5-turbo-0301"]',
      'unsupported_models = ("o1-mini",)',
      'class Client:',
      '    @staticmethod',
      '    def _supports_reasoning(model: str) -> bool:',
      '        prefixes = ("o3", "gpt-5")',
      '        return model.startswith(prefixes)',
      '    def _is_reasoning_model(self, model):',
      '        known = {"o4-mini", "gpt-5-mini"}',
      '        return model in known',
      '    def pick(self):',
      '        fallback = "gpt-4o"',
      '        return fallback',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['gpt-4.1-mini', 'gpt-4o']);
  });

  it('a price or context-window table names models the code can price or size, not models in use', () => {
    const src = [
      'from openai import OpenAI',
      'MODEL_COSTS = {',
      '    "gpt-4-0314": {"prompt": 0.03 / 1000, "completion": 0.06 / 1000},',
      '    "gpt-3.5-turbo-0613": {"prompt": 0.0015 / 1000, "completion": 0.002 / 1000},',
      '    "text-embedding-ada-002": 0.0001 / 1000,',
      '}',
      'CONTEXT_WINDOWS = {"gpt-4-32k": 32768, "claude-2.1": 200000}',
      'DEFAULT_MODEL = "gpt-4o-mini"',
      'def cost(usage, model=DEFAULT_MODEL):',
      '    return MODEL_COSTS[model]',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['gpt-4o-mini']);
  });

  it('reads known ids passed to a helper named for models, not unknown ids nor other calls', () => {
    const src = [
      'import openai',
      'from .providers import get_model',
      'def extract(model=get_model("gpt-4o-mini", "openai")):',
      '    fallback = self.registry.load_llm("claude-3-5-sonnet-20240620")',
      '    house = get_model("house-extractor-v2")',
      '    log.info("gpt-4.1")',
      '    family = _find_model_family("openai", "gpt-4-turbo")',
      '    ok = supports_model("o3-mini") and validate_model("gpt-4o")',
      '    return model',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['gpt-4o-mini', 'openai', ['call:get_model'], '3:inferred'],
      ['claude-3-5-sonnet-20240620', 'anthropic', ['call:load_llm'], '4:inferred'],
    ]);
  });

  it("reads LangChain 1.x create_agent's model, and no create_agent of another package", () => {
    const src = [
      'from langchain.agents import create_agent',
      'from support.factory import create_agent as make_bot',
      'agent = create_agent("openai:gpt-4.1-mini", tools=[])',
      'bot = make_bot("support-bot-v2", tools=[])',
    ].join('\n');
    expect(summary(src).map(([n, p, s]) => [n, p, s])).toEqual([['openai:gpt-4.1-mini', 'openai', ['create_agent']]]);
  });

  it('resolves same-file constants, list/dict members, getenv defaults (inferred, cited at the use site)', () => {
    const src = [
      'import os',
      'from openai import OpenAI',
      'CHAT = "gpt-4o"',
      'MODELS = {"fast": "my-fast-model-v2", "embed": "text-embedding-3-large"}',
      'TIERS = ["tier-a-7b", "tier-b-70b"]',
      'client = OpenAI()',
      'client.chat.completions.create(model=CHAT)',
      'client.embeddings.create(model=MODELS["embed"])',
      'client.chat.completions.create(model=MODELS["fast"])',
      'client.chat.completions.create(model=TIERS[1])',
      'client.chat.completions.create(model=os.getenv("MODEL", "gpt-4.1-mini"))',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['gpt-4o', 'openai', ['keyword:model'], '7:inferred'],
      ['text-embedding-3-large', 'openai', ['keyword:model'], '8:inferred'],
      ['my-fast-model-v2', undefined, ['keyword:model'], '9:inferred'],
      ['tier-b-70b', undefined, ['keyword:model'], '10:inferred'],
      ['gpt-4.1-mini', 'openai', ['keyword:model'], '11:inferred'],
    ]);
  });

  it('resolves class attributes: Cls.ATTR, Enum .value and self.ATTR, not method locals', () => {
    const src = [
      'from enum import Enum',
      'from openai import OpenAI',
      'class Models:',
      '    FAST = "acme-fast-7b"',
      '    class Tier(str, Enum):',
      '        BIG = "acme-big-70b"',
      'class Bot:',
      '    MODEL = "acme-bot-13b"',
      '    def ask(self):',
      '        LOCAL = "acme-local-1b"',
      '        return OpenAI().chat.completions.create(model=self.MODEL)',
      'c = OpenAI()',
      'c.chat.completions.create(model=Models.FAST)',
      'c.chat.completions.create(model=Models.Tier.BIG.value)',
      'c.chat.completions.create(model=Bot.LOCAL)',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['acme-bot-13b', undefined, ['keyword:model'], '11:inferred'],
      ['acme-fast-7b', undefined, ['keyword:model'], '13:inferred'],
      ['acme-big-70b', undefined, ['keyword:model'], '14:inferred'],
    ]);
  });

  describe('function scopes', () => {
    const head = 'from openai import OpenAI\nclient = OpenAI()\n';
    const at = (content: string): Array<[string, string]> => summary(head + content).map(([n, , , ev]) => [n, ev]);

    it('gives a parameter default to the uses of that parameter in its function, not to other functions', () => {
      const src = [
        'def summarize(text, model="gpt-4o-mini"):', //   3
        '    return client.chat.completions.create(model=model)', // 4
        'def classify(text, model):', //                     5
        '    return client.chat.completions.create(model=model)', // 6
        'def other(text):', //                               7
        '    return client.chat.completions.create(model=model)', // 8
      ].join('\n');
      expect(at(src)).toEqual([['gpt-4o-mini', '3:declared,4:inferred']]);
    });

    it('keeps a value assigned inside one function to that function', () => {
      const src = [
        'def fallback(model_id=None):', //                       3
        '    if model_id is None:', //                           4
        '        model_id = "o3-mini"', //                       5
        '    return client.chat.completions.create(model=model_id)', // 6
        'def test_other(model_id):', //                          7
        '    return client.chat.completions.create(model=model_id)', // 8
        'def test_third():', //                                   9
        '    return client.chat.completions.create(model=model_id)', // 10
      ].join('\n');
      expect(at(src)).toEqual([['o3-mini', '6:inferred']]);
    });

    it('reads enclosing functions and the module for names a function does not bind', () => {
      const src = [
        'DEFAULT = "gpt-4o"', //                                     3
        'def outer():', //                                            4
        '    model = "gpt-4.1"', //                                   5
        '    def inner():', //                                        6
        '        return client.chat.completions.create(model=model)', // 7
        '    return inner', //                                        8
        'def plain(text):', //                                        9
        '    return client.chat.completions.create(model=DEFAULT)', // 10
        'def with_default(model=DEFAULT):', //                        11
        '    return client.chat.completions.create(model=model)', // 12
      ].join('\n');
      expect(at(src).sort()).toEqual([['gpt-4.1', '7:inferred'], ['gpt-4o', '10:inferred,11:inferred,12:inferred']]);
    });

    it('follows self attributes to the parameter that set them, in its own method', () => {
      const src = [
        'class Agent:', //                                                  3
        '    def __init__(self, model: str = "claude-3-5-haiku-latest", *args: str, **kw):', // 4
        '        self.model = model', //                                     5
        '    def run(self, model):', //                                      6
        '        client.chat.completions.create(model=model)', //            7
        '        return client.chat.completions.create(model=self.model)', // 8
      ].join('\n');
      expect(at(src)).toEqual([['claude-3-5-haiku-latest', '4:declared,8:inferred']]);
    });
  });

  describe('self attributes read in the class that uses them', () => {
    const head = 'from openai import OpenAI\nclient = OpenAI()\n';
    const at = (content: string): Array<[string, string]> => summary(head + content).map(([n, , , ev]) => [n, ev]);

    it("gives each class's call only its own class's self.model, from __init__ or a class attribute", () => {
      const src = [
        'class Chat:', //                                                                    3
        '    def __init__(self, model=None):', //                                            4
        '        self.model = model or "corp-chat-v2"', //                                   5
        '    def ask(self, q):', //                                                          6
        '        return client.chat.completions.create(model=self.model, messages=q)', //    7
        'class Embed:', //                                                                   8
        '    model = "corp-embed-v1"', //                                                    9
        '    def embed(self, t):', //                                                       10
        '        return client.embeddings.create(model=self.model, input=t)', //            11
      ].join('\n');
      expect(at(src)).toEqual([['corp-chat-v2', '7:inferred'], ['corp-embed-v1', '11:inferred']]);
    });

    it("calls on self.client go to the class's own client: another class's AI client does not make them AI calls", () => {
      const src = [
        'import redis', //                                                                  3
        'class Bot:', //                                                                    4
        '    def __init__(self):', //                                                       5
        '        self.client = OpenAI()', //                                                6
        '    def ask(self):', //                                                            7
        '        return self.client.responses.create(model="corp-bot-v1")', //              8
        'class Cache:', //                                                                  9
        '    def __init__(self):', //                                                      10
        '        self.client = redis.Redis()', //                                          11
        '    def put(self, v):', //                                                        12
        '        return self.client.set(model="orders-cache-v3", value=v)', //             13
      ].join('\n');
      expect(at(src)).toEqual([['corp-bot-v1', '8:declared']]);
    });

    it('reads a same-file base class when the class sets no such attribute, not the other classes of the file', () => {
      const src = [
        'class Base:', //                                                                  3
        '    def __init__(self):', //                                                      4
        '        self.model = "corp-base-v1"', //                                          5
        'class Fast(Base):', //                                                            6
        '    def run(self, text):', //                                                     7
        '        return client.responses.create(model=self.model, input=text)', //         8
        'class Other:', //                                                                 9
        '    model = "orders-other-v1"', //                                               10
      ].join('\n');
      expect(at(src)).toEqual([['corp-base-v1', '8:inferred']]);
    });

    it("a base class's default does not hide what its subclasses of the file set, at any depth; siblings stay apart", () => {
      const src = [
        'class Base:', //                                                                  3
        '    model = "gpt-4o"', //                                                         4
        '    def run(self):', //                                                           5
        '        return client.chat.completions.create(model=self.model, messages=[])', // 6
        'class Fast(Base):', //                                                            7
        '    model = "gpt-4o-mini"', //                                                    8
        'class Smart(Base):', //                                                           9
        '    def __init__(self):', //                                                     10
        '        self.model = "gpt-4.1"', //                                              11
        'class Deep(Fast):', //                                                           12
        '    pass', //                                                                    13
        'class Tuned(Deep):', //                                                          14
        '    model = "corp-tuned-v1"', //                                                 15
        'class Solo(Base):', //                                                           16
        '    def ask(self):', //                                                          17
        '        return client.responses.create(model=self.model)', //                    18
      ].join('\n');
      // Solo sets no model: it reads Base's, not what its siblings Fast, Smart and Tuned set.
      expect(at(src).sort()).toEqual([['corp-tuned-v1', '6:inferred'], ['gpt-4.1', '6:inferred'], ['gpt-4o', '6:inferred,18:inferred'], ['gpt-4o-mini', '6:inferred']]);
    });

    it('an annotation without a value sets no model: the subclasses of the file that set it do', () => {
      const src = [
        'class Base:', //                                                                  3
        '    model: str', //                                                               4
        '    def run(self):', //                                                           5
        '        return client.chat.completions.create(model=self.model, messages=[])', // 6
        'class Fast(Base):', //                                                            7
        '    model = "gpt-4o-mini"', //                                                    8
        'class Other:', //                                                                 9
        '    def __init__(self):', //                                                     10
        '        self.model: str = "orders-other-v1"', //                                  11
        '    def go(self):', //                                                           12
        '        return client.responses.create(model=self.model)', //                    13
      ].join('\n');
      // `model: str` binds nothing; Base reads its subclass Fast's model, not the file-wide one (Other's too).
      expect(at(src).sort()).toEqual([['gpt-4o-mini', '6:inferred'], ['orders-other-v1', '13:inferred']]);
    });

    it('reads a bounded number of subclasses: wide and deep class trees stay linear', () => {
      const n = 2_000;
      const src = [
        'class Base:',
        '    model = "corp-base-v1"',
        '    def run(self):',
        '        return client.responses.create(model=self.model)',
        ...Array.from({ length: n }, (_, i) => [`class S${i}(Base${i > 0 ? `, S${i - 1}` : ''}):`, '    def go(self):', '        return client.responses.create(model=self.model)'].join('\n')),
        `class Last(S${n - 1}):`,
        '    model = "corp-last-v1"',
      ].join('\n');
      const { value: found, ms } = cpuTimed(() => at(src).map(([name]) => name));
      expect(ms).toBeLessThan(5_000);
      // Last is more than MAX_SUBCLASSES classes below Base, but S<n-1>'s own subclass: it reads Last's model.
      expect(found.sort()).toEqual(['corp-base-v1', 'corp-last-v1']);
    });

    it('follows bases more than one level up, and ends on cyclic bases', () => {
      const src = [
        'class Root:', //                                                                  3
        '    model = "corp-root-v1"', //                                                   4
        'class Mid(Root):', //                                                             5
        '    pass', //                                                                     6
        'class Leaf(Mid):', //                                                             7
        '    def run(self):', //                                                           8
        '        return client.responses.create(model=self.model)', //                     9
        'class A(B):', //                                                                 10
        '    def run(self):', //                                                          11
        '        return client.responses.create(model=self.name)', //                     12
        'class B(A):', //                                                                 13
        '    def run(self):', //                                                          14
        '        return client.responses.create(model=self.name)', //                     15
        'class C:', //                                                                    16
        '    name = "corp-c-v1"', //                                                      17
      ].join('\n');
      // A and B set no `name`, nor does any base of theirs: the file-wide reading finds C's.
      expect(at(src)).toEqual([['corp-root-v1', '9:inferred'], ['corp-c-v1', '12:inferred,15:inferred']]);
    });

    it('reads every class of the file when neither the class nor a base in the file sets the attribute', () => {
      const src = [
        'class Template:', //                                                              3
        '    def run(self, text):', //                                                     4
        '        return client.responses.create(model=self.model, input=text)', //         5
        'class Writer(Template):', //                                                      6
        '    model = "corp-writer-v1"', //                                                 7
      ].join('\n');
      // A subclass sets what the base class reads: the file-wide reading keeps that model.
      expect(at(src)).toEqual([['corp-writer-v1', '5:inferred']]);
    });
  });

  it('treats a same-file subclass of an AI class as that class (lenient); other classes stay unresolved (strict)', () => {
    const src = [
      'from langchain_openai import ChatOpenAI',
      'from pydantic import BaseModel',
      'class MyChat(ChatOpenAI):',
      '    pass',
      'class Form(BaseModel):',
      '    pass',
      'MyChat(model="house-chat")',
      'Form(model="house-form")',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['house-chat']);
  });

  it('reports other constants only when they are known model ids', () => {
    const src = 'import anthropic\nSUPPORTED = ["claude-3-5-sonnet-latest", "house-model-3", {"alt": "mistral-large-latest"}]\nNAME = "summarizer"\n';
    expect(summary(src)).toEqual([
      ['claude-3-5-sonnet-latest', 'anthropic', ['constant'], '2:inferred'],
      ['mistral-large-latest', 'mistral', ['constant'], '2:inferred'],
    ]);
  });

  it('takes <known org>/<name> repository slugs for models only where the code names a model', () => {
    const src = [
      'import openai',
      'tool_args = {"repoName": "facebook/react", "question": "What is React?"}',
      'REPOS = ["google/zx", "microsoft/typescript"]',
      'EMBEDDERS = ["BAAI/bge-small-en-v1.5", "facebook/opt-125m"]',
      'DEFAULT_MODEL = "nomic-ai/nomic-embed-text"',
      'body = {"model": "mistralai/Mistral-Nemo"}',
      '_TYPE_TO_MODEL_TYPE = {"openai/chat-completions": "chat", "openai/embeddings": "embedding"}',
      'get_model("microsoft/Florence")',
    ].join('\n');
    expect(models(src).map((m) => m.name).sort()).toEqual(['BAAI/bge-small-en-v1.5', 'facebook/opt-125m', 'microsoft/Florence', 'mistralai/Mistral-Nemo', 'nomic-ai/nomic-embed-text']);
  });

  it('reads {"model": ...} dict entries and def defaults with the strict shape check', () => {
    const src = 'import requests, litellm\nbody = {"model": "llama-3-70b-instruct", "stream": True}\nother = {"model": "User"}\ndef ask(q, model="mixtral-8x7b"):\n    pass\n';
    expect(summary(src).map(([n, , s]) => [n, s])).toEqual([
      ['mixtral-8x7b', ['keyword:model']],
      ['llama-3-70b-instruct', ['dict-key:model']],
    ]);
  });

  it('is strict on calls into non-AI imports and unresolved receivers', () => {
    const src = [
      'import openai',
      'from django.db import migrations',
      'migrations.AddField(model_name="user", name="tz")',
      'migrations.AddField(model_name="invoice-2", name="tz")',
      'helper.run(model="custom")',
      'helper.run(model="acme-chat-7b")',
      'helper.run(model="gpt-4o")',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['acme-chat-7b', 'gpt-4o']);
  });

  it('skips placeholders, URLs, paths, f-strings with fields and non-literal values', () => {
    const src = [
      'from openai import OpenAI',
      'c = OpenAI()',
      'c.responses.create(model="your-model")',
      'c.responses.create(model="https://example.com/model")',
      'c.responses.create(model=f"gpt-{version}")',
      'c.responses.create(model=config.model)',
      'c.responses.create(model="./checkpoints/model.bin")',
      'c.responses.create(model=f"gpt-4o")',
    ].join('\n');
    expect(models(src).map((m) => m.name)).toEqual(['gpt-4o']);
  });

  it('does not take dotted module paths for Bedrock ids', () => {
    const src = [
      'import openai',
      'from unittest.mock import patch',
      'Spoofed.__module__ = "openai.types.responses.spoofed"',
      'TARGET = "anthropic.resources.messages.Messages.create"',
      'IDS = ["amazon.nova-pro-v1:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "meta.llama3-8b-instruct-v1:0"]',
    ].join('\n');
    expect(models(src).map((m) => [m.name, m.provider])).toEqual([
      ['amazon.nova-pro-v1:0', 'aws-bedrock'], ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'aws-bedrock'], ['meta.llama3-8b-instruct-v1:0', 'aws-bedrock'],
    ]);
  });

  it('reports no model in a file without an AI import', () => {
    expect(detectPython({ scope: 't', path: 'x.py', content: 'import requests\nMODEL = "gpt-4"\nrequests.post(url, json={"model": "gpt-4"})\n' })).toBeNull();
    // A URL of a host nobody serves models on does not change that.
    expect(detectPython({ scope: 't', path: 'x.py', content: 'import requests\nURL = "https://status.example.com/v1"\nrequests.post(URL, json={"model": "gpt-4"})\n' })).toBeNull();
  });

  it('reads the models of a file that calls an AI API host over HTTP without an AI package', () => {
    const content = [
      'import os',
      'import httpx',
      'class ChatGenerator:',
      '    def __init__(self):',
      '        self.url = os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1")',
      '        self.fallback_models = ["gpt-4o", "gpt-3.5-turbo"]',
      '    async def generate(self, config, messages):',
      '        model = config.get("Model", "gpt-4o-mini")',
      '        data = {"model": "gpt-4.1-nano", "messages": messages}',
      '        async with httpx.AsyncClient() as client:',
      '            return await client.post(f"{self.url}/chat/completions", json=data)',
    ].join('\n');
    expect(models(content).map((m) => m.name).sort()).toEqual(['gpt-3.5-turbo', 'gpt-4.1-nano', 'gpt-4o']);
    // An Ollama server on its port is a model host too.
    const ollama = 'import requests\nURL = "http://localhost:11434/api/chat"\nrequests.post(URL, json={"model": "llama3.1:8b", "messages": []})\n';
    expect(models(ollama).map((m) => m.name)).toEqual(['llama3.1:8b']);
  });
});

describe('what is not a model', () => {
  it('ignores model= in MCP APIs unless the id is known (a sampling answer names whoever answered)', () => {
    const content = [
      'from mcp.types import CreateMessageResult, TextContent',
      'def handler(ctx):',
      '    return CreateMessageResult(role="assistant", content=TextContent(type="text", text="hi"), model="stub-model")',
      'def other(ctx):',
      '    return CreateMessageResult(role="assistant", content=TextContent(type="text", text="hi"), model="fastmcp-client-7")',
      'def known(ctx):',
      '    return CreateMessageResult(role="assistant", content=TextContent(type="text", text="hi"), model="claude-3-5-sonnet-20241022")',
    ].join('\n');
    expect(models(content).map((a) => a.name)).toEqual(['claude-3-5-sonnet-20241022']);
  });

  it('counts a bare family name in a constant only when the constant is named for a model', () => {
    const content = [
      'from openai import OpenAI',
      'MISTRALAI = "mistral"',
      'PHI4 = "phi4"',
      'TEMPLATES = ["gemma", "phi3v"]',
      'DEFAULT_MODEL = "llama3"',
      'llm_names = ["gemma2"]',
      'PREFIX = "claude-3-"',
      'JAR = "command-runner.jar"',
    ].join('\n');
    expect(models(content).map((a) => a.name).sort()).toEqual(['gemma2', 'llama3']);
  });
});

describe('model registries', () => {
  const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `gpt-4o-mini-${1000 + i}`);
  it('leaves out a constant holding more known ids than a program chooses among (a table of the whole market, whatever its name)', () => {
    const table = (n: number): string => `LLM_MODEL_TABLE = {\n${ids(n).map((id) => `    "${id}": 128000,`).join('\n')}\n}`;
    const call = 'r = client.chat.completions.create(model="claude-3-5-haiku-latest", messages=[])';
    expect(models(['import openai', 'client = openai.OpenAI()', table(50), call].join('\n'))).toHaveLength(51);
    // One more id: the table is a registry; the model the code calls still counts.
    expect(models(['import openai', 'client = openai.OpenAI()', table(51), call].join('\n')).map((m) => m.name)).toEqual(['claude-3-5-haiku-latest']);
  });
});
