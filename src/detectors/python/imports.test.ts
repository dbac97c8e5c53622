import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectPython, pythonDetector } from './index.ts';

const assets = (content: string, kind = 'sdk'): Asset[] => (detectPython({ scope: 't', path: 'src/app.py', content })?.assets ?? []).filter((a) => a.kind === kind);
const names = (content: string, kind = 'sdk'): string[] => assets(content, kind).map((a) => a.name).sort();

describe('python detector: imports', () => {
  it('is registered for .py files', () => {
    expect(pythonDetector).toMatchObject({ id: 'python', patterns: ['**/*.py'] });
  });

  it('reports one sdk asset per catalog package with ecosystem, category and declared=false', () => {
    const [sdk] = assets('import openai\nfrom openai import OpenAI\n');
    expect(sdk).toMatchObject({ kind: 'sdk', name: 'openai', provider: 'openai', attributes: { ecosystem: 'pypi', category: 'llm-provider', declared: false } });
    expect(sdk?.evidence).toEqual([
      { path: 'src/app.py', line: 1, snippet: 'import openai', technique: 'import', confidence: 'declared', detector: 'python' },
      { path: 'src/app.py', line: 2, snippet: 'from openai import OpenAI', technique: 'import', confidence: 'declared', detector: 'python' },
    ]);
  });

  it('maps import names to distributions, incl. split packages and namespace packages', () => {
    const src = [
      'import google.generativeai as genai',
      'from google import genai as g2',
      'from langchain_openai.chat_models import ChatOpenAI',
      'from llama_index.llms.openai import OpenAI',
      'from llama_index.core import VectorStoreIndex',
      'import sentence_transformers, numpy',
      'import torch.nn as nn',
    ].join('\n');
    expect(names(src)).toEqual(['google-genai', 'google-generativeai', 'langchain-openai', 'llama-index-core', 'llama-index-llms-openai', 'sentence-transformers', 'torch']);
  });

  it('does not read an imported class as a submodule (old llama-index API)', () => {
    expect(names('from llama_index.llms import ChatMessage, OpenAI\nfrom llama_index.llms import openai\n')).toEqual(['llama-index', 'llama-index-llms-openai']);
  });

  it('reads parenthesized multi-line imports and imports nested in try/if blocks', () => {
    expect(names('try:\n    from anthropic import (\n        Anthropic,\n        AsyncAnthropic,\n    )\nexcept ImportError:\n    anthropic = None\n')).toEqual(['anthropic']);
  });

  it('reads importlib.import_module and __import__ with literal names', () => {
    expect(names('import importlib\nmod = importlib.import_module("cohere")\nllm = __import__("mistralai")\nx = importlib.import_module(name)\n')).toEqual(['cohere', 'mistralai']);
  });

  it('ignores relative imports and non-catalog modules', () => {
    expect(detectPython({ scope: 't', path: 'a.py', content: 'from .openai import x\nfrom . import anthropic\nimport requests\n' })).toBeNull();
  });
});
