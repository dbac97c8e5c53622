import { describe, expect, it } from 'vitest';
import { detectPython } from './index.ts';

/** name → provider (null: none) of the models found. */
const providers = (content: string): Record<string, string | null> =>
  Object.fromEntries((detectPython({ scope: 't', path: 'app/llm.py', content })?.assets ?? []).filter((a) => a.kind === 'model').map((a) => [a.name, a.provider ?? null]));

describe("python detector: the provider of ids the catalog does not know, from the client's base URL", () => {
  it('names the vendor whose API host an openai client is given; known ids keep their maker', () => {
    const content = [
      'import os',
      'from openai import OpenAI, AsyncOpenAI',
      'DEEPSEEK_URL = "https://api.deepseek.com/v1"',
      'ds = OpenAI(base_url="https://api.deepseek.com", api_key=os.environ["DEEPSEEK_API_KEY"])',
      'ds.chat.completions.create(model="house-reasoner-2", messages=[])',
      'ds.chat.completions.create(model="gpt-4o-mini", messages=[])',
      'local = AsyncOpenAI(base_url="http://localhost:11434/v1", api_key="ollama")',
      'await local.chat.completions.create(model="house-coder:7b", messages=[])',
      'groq = OpenAI(base_url=os.getenv("GROQ_URL", "https://api.groq.com/openai/v1"))',
      'groq.chat.completions.create(model="house-mixer-3", messages=[])',
      'class Summarizer:',
      '    def __init__(self):',
      '        self.client = OpenAI(base_url=DEEPSEEK_URL)',
      '    def run(self):',
      '        return self.client.chat.completions.create(model="house-summarizer-4", messages=[])',
      'router = OpenAI(base_url="https://openrouter.ai/api/v1")',
      'router.chat.completions.create(model="house-router-5", messages=[])',
    ].join('\n');
    expect(providers(content)).toEqual({
      'house-reasoner-2': 'deepseek',
      'gpt-4o-mini': 'openai',
      'house-coder:7b': 'ollama',
      'house-mixer-3': 'groq',
      'house-summarizer-4': 'deepseek',
      'house-router-5': 'openrouter',
    });
  });

  it('reads LangChain chat models given base_url or openai_api_base in the same call', () => {
    const content = [
      'from langchain_openai import ChatOpenAI',
      'a = ChatOpenAI(model="house-chat-1", base_url="https://api.deepseek.com")',
      'b = ChatOpenAI(model_name="house-chat-2", openai_api_base="https://dashscope.aliyuncs.com/compatible-mode/v1")',
      'c = ChatOpenAI(model="deepseek-chat", openai_api_base="https://openrouter.ai/api/v1")',
    ].join('\n');
    expect(providers(content)).toEqual({ 'house-chat-1': 'deepseek', 'house-chat-2': 'alibaba', 'deepseek-chat': 'deepseek' });
  });

  it('leaves the provider unset for a base URL read at run time, an unknown or look-alike host, no base URL, or two vendors', () => {
    const content = [
      'import os',
      'from openai import OpenAI',
      'plain = OpenAI()',
      'plain.chat.completions.create(model="house-plain-1", messages=[])',
      'env = OpenAI(base_url=os.environ["OPENAI_BASE_URL"])',
      'env.chat.completions.create(model="house-env-2", messages=[])',
      'corp = OpenAI(base_url="https://llm.corp.acme.io/v1")',
      'corp.chat.completions.create(model="house-corp-3", messages=[])',
      'docs = OpenAI(base_url="https://api.deepseek.com.example.org/v1")',
      'docs.chat.completions.create(model="house-docs-4", messages=[])',
      'URL = "https://api.groq.com/openai/v1"',
      'if cheap:',
      '    URL = "https://api.deepseek.com"',
      'either = OpenAI(base_url=URL)',
      'either.chat.completions.create(model="house-either-5", messages=[])',
      'def make(url):',
      '    return OpenAI(base_url=url).chat.completions.create(model="house-param-6", messages=[])',
    ].join('\n');
    expect(providers(content)).toEqual({
      'house-plain-1': null, 'house-env-2': null, 'house-corp-3': null, 'house-docs-4': null, 'house-either-5': null, 'house-param-6': null,
    });
  });
});
