import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectPython } from './index.ts';

const models = (content: string, path = 'app/config.py'): Asset[] => (detectPython({ scope: 't', path, content })?.assets ?? []).filter((a) => a.kind === 'model');
const summary = (content: string, path?: string): Array<[string, unknown, string]> =>
  models(content, path).map((m) => [m.name, m.attributes.sources, m.evidence.map((e) => `${e.line}:${e.confidence}`).join(',')]);

describe('python detector: settings fields (Pydantic Field, dataclasses.field, attrs) hold model defaults', () => {
  it('reads a model-named field default in AI code as a model position, declared at the default', () => {
    const src = [
      'from pydantic import BaseModel, Field',
      'from dataclasses import dataclass, field',
      'import attr',
      'import litellm',
      'class LLMConfig(BaseModel):',
      '    model: str = Field(default="acme-coder-7b")',
      '    embedding_model: str = Field("text-embedding-3-small", description="emb")',
      '    api_key: str = Field(default="sk-not-a-model-1.0")',
      '@dataclass',
      'class Opts:',
      '    model_name: str = field(default="mistral-small-latest")',
      '@attr.s',
      'class Old:',
      '    model = attr.ib(default="claude-3-5-haiku-20241022")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['acme-coder-7b', ['field:model'], '6:declared'],
      ['text-embedding-3-small', ['field:embedding_model'], '7:declared'],
      ['mistral-small-latest', ['field:model_name'], '11:declared'],
      ['claude-3-5-haiku-20241022', ['field:model'], '14:declared'],
    ]);
  });

  it('follows self.<field> to the Field default at the call that uses it (and cites the field too)', () => {
    const src = [
      'from pydantic import BaseModel, Field',
      'import litellm',
      'class Agent(BaseModel):',
      '    llm: str = Field(default="gpt-4o-mini")',
      '    def run(self):',
      '        return litellm.completion(model=self.llm, messages=[])',
    ].join('\n');
    const [m] = models(src);
    expect(m?.name).toBe('gpt-4o-mini');
    expect(m?.evidence.map((e) => `${e.line}:${e.confidence}`).sort()).toEqual(['4:declared', '6:inferred']);
  });

  it('leaves out Field defaults that are not models: other names, required fields, factories, unknown shapes', () => {
    const src = [
      'from pydantic import BaseModel, Field',
      'import openai',
      'class S(BaseModel):',
      '    model: str = Field(...)',
      '    model_type: str = Field(default="llm")',
      '    model: str = Field(default_factory=lambda: "gpt-4o")',
      '    llm: str = Field(default="")',
      '    model: str = Field(default="default")',
      '    model: str = Other(default="claude-3-opus-20240229")',
    ].join('\n');
    expect(summary(src)).toEqual([]);
  });

  it('reads a settings class in a file that imports no AI package when the default is a catalog model id', () => {
    const src = [
      'import os',
      'from pydantic import BaseModel, Field',
      'class LLMConfig(BaseModel):',
      '    model: str = Field(default="claude-sonnet-4-20250514")',
      '    fallback_model: str = "gpt-4o-mini"',
      '    temperature: float = 0.0',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['claude-sonnet-4-20250514', ['field:model'], '4:declared'],
      ['gpt-4o-mini', ['field:fallback_model'], '5:declared'],
    ]);
  });

  it('without an AI import, takes only catalog ids with a stem in model-named class fields', () => {
    const src = [
      'from pydantic import BaseModel, Field',
      'DEFAULT_MODEL = "gpt-4o"', // a module constant next to no AI code: a label as often as a choice
      'class Settings(BaseModel):',
      '    model: str = Field(default="acme-coder-7b")', // not a catalog id
      '    model: str = "mistral"', // a bare family name
      '    provider_model_family: str = "gpt-4o"', // the name does not say it holds a model
      '    blocked_models: list = ["gpt-4"]',
      'class FakeModelSettings(BaseModel):',
      '    test_model: str = "claude-3-opus-20240229"',
      'def f(model="gpt-4o"):',
      '    return model',
      'x = {"model": "gpt-4o"}',
    ].join('\n');
    expect(summary(src)).toEqual([]);
  });

  it('still dismisses a file that imports no AI package and holds no model-named class field', () => {
    expect(detectPython({ scope: 't', path: 'x.py', content: 'import os\nNAME = "gpt-4o"\nprint("claude-3-opus-20240229")\n' })).toBeNull();
    expect(detectPython({ scope: 't', path: 'x.py', content: 'class C:\n    model = "acme-7b"\n' })).toBeNull();
  });
});
