import { describe, expect, it } from 'vitest';
import { endpointsDetector } from './index.ts';
import { mayHoldConfigModel } from './config-model-files.ts';

function models(path: string, content: string): string[] {
  const r = endpointsDetector.detect({ scope: 'repo', path, content });
  return (r?.assets ?? [])
    .filter((a) => a.kind === 'model')
    .map((a) => `${a.name} ${a.provider ?? '-'} ${a.evidence[0]?.path}:${a.evidence[0]?.line ?? '-'} ${a.evidence[0]?.technique}/${a.evidence[0]?.confidence}`);
}

describe('models set in env and app config files', () => {
  it('reads env names that name a model, with known ids only', () => {
    const env = [
      'OPENAI_MODEL=gpt-4o-mini',
      'export LLM_MODEL="claude-3-5-sonnet-latest"',
      "EMBEDDING_MODEL='text-embedding-3-small' # small and cheap",
      '# OPENAI_MODEL=gpt-4o',
      'DB_MODEL=user',
      'MODEL_PATH=/models/llama-3-8b.gguf',
      'MODEL=your-model-here',
      'MODEL_PROVIDER=gpt-4o',
      'OPENAI_API_KEY=',
    ].join('\n');
    expect(models('.env.example', env)).toEqual([
      'gpt-4o-mini openai .env.example:1 config/declared',
      'claude-3-5-sonnet-latest anthropic .env.example:2 config/declared',
      'text-embedding-3-small openai .env.example:3 config/declared',
    ]);
  });

  it('reads TOML, YAML and JSON keys by their dotted path', () => {
    expect(models('config.toml', '[core]\nname = "app"\n\n[llm]\nmodel = "gpt-4o"\napi_key = ""\n')).toEqual(['gpt-4o openai config.toml:5 config/declared']);
    expect(models('settings.yaml', 'llm:\n  model: gpt-4.1\n  temperature: 0\n')).toEqual(['gpt-4.1 openai settings.yaml:2 config/declared']);
    expect(models('app.config.json', '{\n  "agent": {\n    "llm_name": "gemini-2.5-pro",\n    "fallback_models": ["claude-sonnet-4-0"]\n  }\n}\n')).toEqual([
      'gemini-2.5-pro google app.config.json:3 config/declared',
      'claude-sonnet-4-0 anthropic app.config.json:4 config/declared',
    ]);
  });

  it('keeps out non-ids, price tables, kept-out lists and keys that do not name a model', () => {
    const yaml = [
      'database:',
      '  model: user',
      'pricing:',
      '  model: gpt-4o',
      'costs:',
      '  gpt-4o: {input: 2.5, output: 10}',
      'unsupported_models: [o1-mini, gpt-4o-audio-preview]',
      'llm:',
      '  model_provider: gpt-4o',
      '  model: your-model',
      'prompt: |',
      '  model: gpt-4o',
      'docs: >-',
      '  llm_model: claude-3-haiku',
    ].join('\n');
    expect(models('config.yml', yaml)).toEqual([]);
    expect(models('config.toml', '[llm]\n# model = "gpt-4o"\nmodel = "custom-finetune-v2"\n[pricing]\nmodel = "gpt-4o"\n')).toEqual([]);
  });

  it('leaves compose files, Kubernetes manifests, Helm values and MCP client configs to their detectors', () => {
    expect(models('docker-compose.yml', 'services:\n  app:\n    environment:\n      OPENAI_MODEL: gpt-4o\n')).toEqual([]);
    expect(models('deploy/app.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  OPENAI_MODEL: gpt-4o\n')).toEqual([]);
    expect(models('charts/app/values.yaml', 'env:\n  OPENAI_MODEL: gpt-4o\n')).toEqual([]);
    expect(models('.codex/config.toml', 'model = "gpt-5-codex"\n')).toEqual([]);
    expect(models('tests/cassettes/test_chat.yaml', 'interactions:\n- request:\n    body: x\n  response:\n    model: gpt-4o-2024-08-06\n')).toEqual([]);
    expect(models('tests/recorded/chat.yaml', 'interactions:\n- response:\n    model: gpt-4o-2024-08-06\n')).toEqual([]);
    expect(models('src/app.py', 'OPENAI_MODEL = "gpt-4o"\n')).toEqual([]);
  });

  it('pre-check: path and stem, so code and model-free configs are not read for models', () => {
    expect(mayHoldConfigModel('.env', 'OPENAI_MODEL=gpt-4o')).toBe(true);
    expect(mayHoldConfigModel('.env', 'DB_MODEL=user')).toBe(false);
    expect(mayHoldConfigModel('src/app.py', 'OPENAI_MODEL = "gpt-4o"')).toBe(false);
    expect(mayHoldConfigModel('docker-compose.yml', 'OPENAI_MODEL: gpt-4o')).toBe(false);
  });

  it('leaves out a registry of the market', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `  - gpt-4o-${i}`).join('\n');
    expect(models('models.yaml', `models:\n${ids}\n`)).toEqual([]);
  });
});
