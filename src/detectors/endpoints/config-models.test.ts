import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileDetectors } from '../run.ts';
import { endpointsDetector } from './index.ts';
import { configModelSyntax, mayHoldConfigModel } from './config-model-files.ts';

function snippets(path: string, content: string): string[] {
  const r = endpointsDetector.detect({ scope: 'repo', path, content });
  return (r?.assets ?? []).filter((a) => a.kind === 'model').map((a) => a.evidence[0]?.snippet ?? '');
}

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
    expect(models('website/_data/leaderboard.yml', '- dirname: run-1\n  model: o3\n  pass_rate: 81.3\n')).toEqual([]);
  });

  it('pre-check: path and a model key word, so code and model-free configs are not read for models', () => {
    expect(mayHoldConfigModel('.env', 'OPENAI_MODEL=gpt-4o')).toBe(true);
    expect(mayHoldConfigModel('.env', 'DB_HOST=db\nOPENAI_API_KEY=')).toBe(false);
    expect(mayHoldConfigModel('src/app.py', 'OPENAI_MODEL = "gpt-4o"')).toBe(false);
    expect(mayHoldConfigModel('docker-compose.yml', 'OPENAI_MODEL: gpt-4o')).toBe(false);
  });

  it('leaves out a registry of the market', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `  - gpt-4o-${i}`).join('\n');
    expect(models('models.yaml', `models:\n${ids}\n`)).toEqual([]);
  });

  it('reads catalog ids without a model-id stem where the key names a model, and nothing else', () => {
    const env = [
      'OPENAI_MODEL=o3',
      'ZHIPU_MODEL=glm-4.5',
      'MOONSHOT_MODEL=kimi-k2-0905-preview',
      'EMBEDDING_MODEL=BAAI/bge-small-en-v1.5',
      'RERANK_MODEL_NAME=Qwen/Qwen3-Reranker-0.6B',
      'MODEL=default',
      'LLM_MODEL=gpt',
      'MODEL_NAME=${MODEL}',
      'CHAT_MODEL=true',
      'MODEL_VERSION=1.2.3',
      'LOCAL_MODEL=./models/ggml-q4.bin',
      'MODEL=o',
      'BASE_MODEL=chat',
    ].join('\n');
    expect(models('.env', env)).toEqual([
      'o3 openai .env:1 config/declared',
      'glm-4.5 zhipu .env:2 config/declared',
      'kimi-k2-0905-preview moonshot .env:3 config/declared',
      'BAAI/bge-small-en-v1.5 baai .env:4 config/declared',
      'Qwen/Qwen3-Reranker-0.6B qwen .env:5 config/declared',
    ]);
    expect(models('config/app.yaml', 'orm:\n  model: User\nagent:\n  model: glm-4\n  version: 2.0.1\n')).toEqual(['glm-4 zhipu config/app.yaml:4 config/declared']);
    expect(models('app.config.json', '{"chat_model": "deepseek-chat", "model": 42, "llm_name": "o1"}')).toEqual([
      'deepseek-chat deepseek app.config.json:1 config/declared',
      'o1 openai app.config.json:1 config/declared',
    ]);
  });

  it('passes the gate for a config file that names no model-id stem and no endpoint', () => {
    // What a scan runs: the literal gate first, lifted on the files read for models (Detector.ungated).
    const set = compileDetectors([endpointsDetector]);
    const found = (path: string, content: string): string[] =>
      set.run({ scope: 'repo', path, content }).flatMap((r) => r.assets.filter((a) => a.kind === 'model').map((a) => a.name));
    expect(found('.env.example', 'OPENAI_MODEL=o3\n')).toEqual(['o3']);
    expect(found('settings.toml', '[llm]\nmodel = "kimi-k2"\n')).toEqual(['kimi-k2']);
    expect(found('src/agent.py', 'model = "o3"\n')).toEqual([]);
    expect(mayHoldConfigModel('.env', 'OPENAI_MODEL=o3')).toBe(true);
    expect(mayHoldConfigModel('.env', 'OPENAI_API_KEY=')).toBe(false);
    // Every path read for models is outside the gate.
    const ungated = picomatch([...(endpointsDetector.ungated ?? [])], { dot: true });
    for (const path of ['.env', 'deploy/.env.local', 'prod.env', 'conf/settings.yml', 'app/config.toml', 'a/b/app.config.json', 'x/settings.jsonc', 'src/main/resources/application.properties', 'conf/llm.properties', 'infra/main.parameters.json']) {
      expect(configModelSyntax(path), path).toBeDefined();
      expect(ungated(path), path).toBe(true);
    }
    for (const path of ['src/app.py', 'README.md', 'data/rows.json']) expect(ungated(path), path).toBe(false);
  });

  it('reads the default of a ${VAR:-default} value, never the variable', () => {
    const env = ['TEI_MODEL=${TEI_MODEL:-Qwen/Qwen3-Embedding-0.6B}', 'LLM_MODEL=${LLM_MODEL}', 'CHAT_MODEL=${CHAT_MODEL:-}', 'FAST_MODEL=${FAST_MODEL-gpt-4o-mini}'].join('\n');
    expect(models('docker/.env', env)).toEqual([
      'Qwen/Qwen3-Embedding-0.6B qwen docker/.env:1 config/declared',
      'gpt-4o-mini openai docker/.env:4 config/declared',
    ]);
    expect(models('settings.yaml', 'llm:\n  default_model: ${PGPT_LLM_DEFAULT:claude-3-5-haiku-latest}\n  ocr_model: ${PGPT_OCR:easyocr}\n')).toEqual([
      'claude-3-5-haiku-latest anthropic settings.yaml:2 config/declared',
    ]);
  });

  it('reads azd and ARM parameter files: parameters.<name>.value, azd ${VAR=default} defaults', () => {
    const params = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        environmentName: { value: '${AZURE_ENV_NAME}' },
        chatGptModelName: { value: '${AZURE_OPENAI_CHATGPT_MODEL=gpt-4o-mini}' },
        chatGptModelVersion: { value: '${AZURE_OPENAI_CHATGPT_MODEL_VERSION=2024-07-18}' },
        chatGptDeploymentName: { value: '${AZURE_OPENAI_CHATGPT_DEPLOYMENT=gpt-4o}' },
        embeddingModelName: { value: 'text-embedding-3-small' },
        gptModelName: { value: '${AZURE_OPENAI_MODEL}' },
        evalModelName: { value: '${EVAL_MODEL=8080}' },
        visionModelName: { value: '$${VISION_MODEL=gpt-4o}' },
        searchIndexName: { value: '${AZURE_SEARCH_INDEX=gpt-4o}' },
      },
    }, null, 2);
    expect(models('infra/main.parameters.json', params)).toEqual([
      'gpt-4o-mini openai infra/main.parameters.json:9 config/declared',
      'text-embedding-3-small openai infra/main.parameters.json:18 config/declared',
    ]);
    const sources = endpointsDetector.detect({ scope: 'repo', path: 'infra/main.parameters.json', content: params })?.assets.map((a) => a.attributes['sources']);
    expect(sources).toEqual([['config:parameters.chatGptModelName'], ['config:parameters.embeddingModelName']]);
    expect(snippets('infra/main.parameters.json', params)[0]).toBe('"value": "${AZURE_OPENAI_CHATGPT_MODEL=gpt-4o-mini}"');
    // What a scan runs: the file is routed to the detector and passes its gate (no endpoint host in it).
    const set = compileDetectors([endpointsDetector]);
    const found = (path: string, content: string): string[] => set.run({ scope: 'repo', path, content }).flatMap((r) => r.assets.map((a) => a.name));
    expect(found('infra/main.parameters.json', params)).toEqual(['gpt-4o-mini', 'text-embedding-3-small']);
    expect(found('deploy/azuredeploy.parameters.json', params)).toEqual(['gpt-4o-mini', 'text-embedding-3-small']);
    // Other JSON data stays unread, and a value wrapper is a setting only in a parameter file.
    expect(found('data/main.json', params)).toEqual([]);
    expect(models('app.config.json', '{"parameters": {"chatModelName": {"value": "gpt-4o"}}}')).toEqual([]);
  });

  it('reads YAML flow mappings and sequences on one line, and scalar anchors', () => {
    const yaml = [
      'llm: {model: gpt-4o, temperature: 0}',
      'agents: {planner: {llm_model: "o4-mini"}, coder: {tools: [shell]}}',
      'fallback_models: [claude-3-5-haiku-latest, "glm-4-flash"]',
      'unsupported_models: [o1-mini]',
      'prices: {gpt-4o: 2.5}',
      'defaults:',
      '  fast: &dm gemini-2.5-flash',
      'summarizer:',
      '  model: *dm',
      '  other_model: *missing',
      'notes: {text: "model: gpt-4o"}',
    ].join('\n');
    expect(models('config.yml', yaml)).toEqual([
      'gpt-4o openai config.yml:1 config/declared',
      'o4-mini openai config.yml:2 config/declared',
      'claude-3-5-haiku-latest anthropic config.yml:3 config/declared',
      'glm-4-flash zhipu config.yml:3 config/declared',
      'gemini-2.5-flash google config.yml:9 config/declared',
    ]);
  });

  it('reads JSON with comments and trailing commas', () => {
    const jsonc = '{\n  // the assistant\n  "assistant": {\n    "model": "claude-sonnet-4-0", /* pinned */\n  },\n}\n';
    expect(models('.vscode/app-settings.jsonc', jsonc)).toEqual(['claude-sonnet-4-0 anthropic .vscode/app-settings.jsonc:4 config/declared']);
    expect(models('settings.json', '{\n  // "model": "gpt-4o"\n  "theme": "dark"\n}\n')).toEqual([]);
  });

  it('reads .properties files, and the non-Spring-AI keys of Spring and Quarkus application files', () => {
    const props = [
      '# langchain4j-spring-boot-starter',
      'langchain4j.open-ai.chat-model.model-name=gpt-4o-mini',
      'quarkus.langchain4j.openai.chat-model.model-name : o3',
      'spring.ai.openai.chat.options.model=gpt-4o',
      'spring.ai.ollama.init.pull-model-strategy=always',
      '! model=claude-3-opus',
      'chat.model.id mistralai/Mistral-Nemo-Instruct-2407',
      'chat.model.timeout=120',
    ].join('\n');
    expect(models('src/main/resources/application.properties', props)).toEqual([
      'gpt-4o-mini openai src/main/resources/application.properties:2 config/declared',
      'o3 openai src/main/resources/application.properties:3 config/declared',
      'mistralai/Mistral-Nemo-Instruct-2407 mistral src/main/resources/application.properties:7 config/declared',
    ]);
    expect(models('src/main/resources/application.yml', 'langchain4j:\n  open-ai:\n    chat-model:\n      model-name: gpt-4.1\nspring:\n  ai:\n    openai:\n      chat:\n        options:\n          model: gpt-4o\n')).toEqual([
      'gpt-4.1 openai src/main/resources/application.yml:4 config/declared',
    ]);
    expect(models('conf/ai.properties', 'openai.chat.model=gpt-4o-mini\nmessage.model=User\n')).toEqual(['gpt-4o-mini openai conf/ai.properties:1 config/declared']);
    expect(snippets('conf/ai.properties', 'openai.chat.model = gpt-4o-mini\n')).toEqual(['openai.chat.model=gpt-4o-mini']);
  });

  it('reads placeholders in .properties and Spring application files as Spring does', () => {
    const props = [
      'langchain4j.open-ai.chat-model.model-name=${app.chat-model:gpt-4o-mini}',
      'quarkus.langchain4j.openai.chat-model.model-name=${QUARKUS_MODEL:${FALLBACK_MODEL:o3}}',
      // Spring has no `:-`: the default is `-gpt-4o`, no id.
      'langchain4j.ollama.chat-model.model-name=${OLLAMA_MODEL:-gpt-4o}',
      'langchain4j.mistral-ai.chat-model.model-name=${MISTRAL_MODEL}',
      'langchain4j.anthropic.chat-model.model-name=\\\\${ANTHROPIC_MODEL:claude-3-5-haiku-latest}',
      'langchain4j.anthropic.chat-model.max-tokens=${MAX_TOKENS:claude-3-5-haiku-latest}',
      'app.embedding.model=${PORT:8080}',
    ].join('\n');
    expect(models('src/main/resources/application.properties', props)).toEqual([
      'gpt-4o-mini openai src/main/resources/application.properties:1 config/declared',
      'o3 openai src/main/resources/application.properties:2 config/declared',
    ]);
    const yaml = 'langchain4j:\n  open-ai:\n    chat-model:\n      model-name: ${app.model-name:gpt-4.1}\n';
    expect(models('src/main/resources/application.yml', yaml)).toEqual(['gpt-4.1 openai src/main/resources/application.yml:4 config/declared']);
  });
});
