import { describe, expect, it } from 'vitest';
import type { Asset, Inventory, Relationship } from '../../src/model/index.ts';
import { hosting, hubId, modelCardOfFile, modelCardOfModel, taskOf } from './model-card.ts';
import { indexInventory } from './select.ts';

const model = (name: string, provider?: string, attributes: Asset['attributes'] = {}): Asset => ({
  id: `model:${name}`, kind: 'model', name, ...(provider === undefined ? {} : { provider }), attributes, evidence: [], tags: {},
});

function indexOf(assets: Asset[], relationships: Relationship[] = []) {
  const inventory = { assets, relationships, findings: [], diagnostics: [] } as unknown as Inventory;
  return indexInventory(inventory);
}

describe('hubId', () => {
  it('recognizes Hub repos and the SageMaker HF_MODEL_ID attribute', () => {
    expect(hubId(model('meta-llama/Llama-3.1-8B-Instruct', 'meta'))).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(hubId(model('llama-3-8b', 'aws-sagemaker', { hfModelId: 'meta-llama/Meta-Llama-3-8B-Instruct' }))).toBe('meta-llama/Meta-Llama-3-8B-Instruct');
  });

  it('does not take gateway routes, API-only models or tags for Hub repos', () => {
    expect(hubId(model('openai/gpt-4.1-nano', 'openai'))).toBeUndefined();
    expect(hubId(model('openrouter/auto'))).toBeUndefined();
    expect(hubId(model('anthropic:claude-3-7-sonnet-latest', 'anthropic'))).toBeUndefined();
    expect(hubId(model('llama3.1:8b', 'meta'))).toBeUndefined();
    expect(hubId(model('gpt-4o', 'openai'))).toBeUndefined();
  });
});

describe('hosting', () => {
  it('is self-hosted when a model server serves it, cloud-managed on a cloud platform, third-party on a vendor API', () => {
    const served = model('Qwen/Qwen2.5-7B-Instruct', 'qwen');
    const server: Asset = { id: 'model-server:v', kind: 'model-server', name: 'vllm', attributes: {}, evidence: [], tags: {} };
    const index = indexOf([served, server], [{ id: 'x', type: 'SERVES', from: server.id, to: served.id, properties: {}, evidence: [] }]);
    expect(hosting(index, served)).toBe('self-hosted');
    expect(hosting(index, model('anthropic.claude-3-haiku-20240307-v1:0', 'aws-bedrock'))).toBe('cloud-managed');
    expect(hosting(index, model('gpt-4o-mini', 'openai'))).toBe('third-party-api');
    expect(hosting(index, model('nomic-embed-text', undefined, { sources: ['ollama pull'] }))).toBe('self-hosted');
    expect(hosting(index, model('fraud-model'))).toBeUndefined();
  });
});

describe('model cards', () => {
  it('names the task only when the id says it', () => {
    expect(taskOf('text-embedding-3-small')).toBe('feature-extraction');
    expect(taskOf('claude-3-5-haiku-latest')).toBe('text-generation');
    expect(taskOf('distilbert-base-uncased-finetuned-sst-2-english')).toBe('text-classification');
    expect(taskOf('fraud-xgboost')).toBeUndefined();
  });

  it('writes task, architecture family, hosting and provider for a known open-weight model', () => {
    const card = modelCardOfModel(indexOf([]), model('mistralai/Mistral-7B-Instruct-v0.3', 'mistral'));
    expect(card).toEqual({
      modelParameters: { task: 'text-generation', architectureFamily: 'transformer' },
      properties: [{ name: 'aimap:model:hosting', value: 'self-hosted' }, { name: 'aimap:model:provider', value: 'mistral' }],
    });
  });

  it('claims no architecture for a closed hosted model and writes no card when nothing is known', () => {
    expect(modelCardOfModel(indexOf([]), model('gpt-4o', 'openai'))?.modelParameters).toEqual({ task: 'text-generation' });
    expect(modelCardOfModel(indexOf([]), model('fraud-model'))).toBeUndefined();
  });

  it('reads architecture and parameter count from a weights file header', () => {
    const file: Asset = { id: 'model-file:g', kind: 'model-file', name: 'models/tiny.gguf', attributes: { architecture: 'llama', sizeLabel: '8B' }, evidence: [], tags: {} };
    expect(modelCardOfFile(file)).toEqual({
      modelParameters: { modelArchitecture: 'llama' },
      properties: [{ name: 'aimap:model:hosting', value: 'self-hosted' }, { name: 'cdx:ai-ml:model:parameter:count', value: '8B' }],
    });
  });
});
