import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectPython } from './index.ts';

const models = (content: string, path = 'app/config.py'): Asset[] => (detectPython({ scope: 't', path, content })?.assets ?? []).filter((a) => a.kind === 'model');
const summary = (content: string, path?: string): Array<[string, string | undefined, unknown, string]> =>
  models(content, path).map((m) => [m.name, m.provider, m.attributes.sources, m.evidence.map((e) => `${e.line}:${e.confidence}`).join(',')]);

describe('python detector: models chosen through environment defaults', () => {
  it('reads the default of an env lookup assigned to a constant in AI code, even when nothing passes it to a call', () => {
    const src = [
      'import os',
      'from openai import OpenAI',
      'EMBEDDING_MODEL = os.environ.get("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small")',
      'CHAT = os.getenv("CHAT_MODEL", default="gpt-4o-mini")',
      'FALLBACK = os.getenv("FALLBACK_MODEL") or "claude-3-5-haiku-20241022"',
      'TIMEOUT = os.getenv("OPENAI_TIMEOUT", "30")', // not a model
      'REGION = os.getenv("REGION", "eastus-2")', // id-shaped, but no catalog model
    ].join('\n');
    expect(summary(src)).toEqual([
      ['text-embedding-3-small', 'openai', ['constant'], '3:inferred'],
      ['gpt-4o-mini', 'openai', ['constant'], '4:inferred'],
      ['claude-3-5-haiku-20241022', 'anthropic', ['constant'], '5:inferred'],
    ]);
  });

  it('reads an env default named for a model in a settings module that imports no AI package', () => {
    const src = [
      'import os',
      'from os import getenv, environ',
      'OPENAI_EMBEDDING_MODEL = os.environ.get("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small")',
      'chat = getenv("AZURE_OPENAI_CHATGPT_MODEL", "gpt-4o-mini")', // the variable's name says model
      'class Settings:',
      '    llm = environ.get("LLM", "claude-sonnet-4-20250514")',
      '    def __init__(self):',
      '        self.embedding_model = os.getenv("EMB", "text-embedding-3-large")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['text-embedding-3-small', 'openai', ['constant'], '3:inferred'],
      ['gpt-4o-mini', 'openai', ['constant'], '4:inferred'],
      ['claude-sonnet-4-20250514', 'anthropic', ['constant'], '6:inferred'],
      ['text-embedding-3-large', 'openai', ['constant'], '8:inferred'],
    ]);
  });

  it('reads a module-level env default on its own (graphrag-style defaults module without classes)', () => {
    expect(summary('import os\n\nDEFAULT_CHAT_MODEL = os.getenv("GRAPHRAG_CHAT_MODEL", "gpt-4.1")\n', 'pkg/config/defaults.py')).toEqual([
      ['gpt-4.1', 'openai', ['constant'], '3:inferred'],
    ]);
  });

  it('reads provider-prefixed ids (`openai:gpt-4o`, LangChain init_chat_model and pydantic-ai style) in constants and env defaults', () => {
    const src = [
      'import os',
      'from langchain.chat_models import init_chat_model',
      'LLM = os.getenv("LLM_MODEL", "anthropic:claude-3-5-haiku-latest")',
      'CFG = {"FAST_LLM": "openai:gpt-4o-mini", "EMBEDDING": "openai:text-embedding-3-small"}',
      'URL = "https://gpt-4o.example.org"', // a URL, not a prefixed id
      'NAME = "acme:coder-7b"', // no catalog id after the prefix
    ].join('\n');
    expect(summary(src).map(([n, p]) => [n, p])).toEqual([
      ['anthropic:claude-3-5-haiku-latest', 'anthropic'],
      ['openai:gpt-4o-mini', 'openai'],
      ['openai:text-embedding-3-small', 'openai'],
    ]);
    expect(summary('import os\nDEFAULT_MODEL = os.getenv("DEFAULT_MODEL", "openai:gpt-4.1")\n').map(([n]) => n)).toEqual(['openai:gpt-4.1']);
  });

  it('without an AI import, keeps out env defaults that are not model settings', () => {
    const src = [
      'import os',
      'THEME = os.getenv("THEME", "gpt-4o")', // neither the variable nor the env name says model
      'MODEL = os.getenv("MODEL", "mistral")', // a bare family name
      'MODEL = os.getenv("MODEL", "acme-coder-7b")', // not a catalog id
      'MODEL = other.getenv("MODEL", "gpt-4o")', // not an env lookup
      'UNSUPPORTED_MODELS = os.getenv("UNSUPPORTED_MODELS", "gpt-4")', // kept out, not chosen
      'test_model = os.getenv("TEST_MODEL", "claude-3-opus-20240229")', // a sample
      'DEFAULT_MODEL = "gpt-4o"', // a plain module constant next to no AI code stays out
      'def f():',
      '    return os.getenv("X", "gpt-4o")', // no assignment
    ].join('\n');
    expect(summary(src)).toEqual([]);
  });
});
