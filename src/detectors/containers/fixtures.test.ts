import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { containersDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('containers detector on fixtures', () => {
  const r = detectTree(fixture('containers'), containersDetector);
  const byId = new Map(r.assets.map((a) => [a.id, a.name]));
  const servers = (kind: string): unknown[] => r.assets.filter((a) => a.kind === kind).map((a) => [a.name, a.attributes.workload ?? a.attributes.workloads, a.attributes.exposed, a.attributes.gpu]);

  it('finds every server, UI and vector database with workload, exposure and GPU', () => {
    expect(servers('model-server')).toEqual([
      ['ollama', 'ollama', true, true],
      ['ollama', 'ollama-init', false, false],
      ['nim', 'asr', false, false],
      ['ollama', 'helm/ollama-stack/templates/deployment.yaml', undefined, undefined],
      ['ollama', 'helm/ollama-stack', true, true],
      // Helm image shapes: registry + repo (weaviate module), image.imageName (triton), a repository already tagged (nim).
      ['t2v-transformers', 'helm/rag-stack:weaviate.modules.text2vec-transformers', undefined, false],
      ['triton', 'helm/rag-stack:triton', true, false],
      ['nim', 'helm/rag-stack:nim-llm', undefined, true],
      ['kserve', 'InferenceService/llama3', undefined, true],
      ['tgi', 'Deployment/tgi', true, true],
      ['vllm', 'vllm/Dockerfile', undefined, undefined],
      ['vllm', 'vllm/worker.Dockerfile', undefined, undefined],
    ]);
    expect(servers('system')).toEqual([['open-webui', 'open-webui', false, false]]);
    expect(servers('vector-store')).toEqual([
      ['qdrant', ['qdrant'], false, undefined],
      ['qdrant', ['helm/ollama-stack/qdrant'], undefined, undefined],
      ['milvus', ['helm/rag-stack:milvus'], false, undefined],
      ['weaviate', ['helm/rag-stack:weaviate'], true, undefined],
    ]);
  });

  it('finds the models and who serves them', () => {
    expect(names(r.assets, 'model')).toEqual([
      'Qwen/Qwen2.5-7B-Instruct', 'gpt-4o-mini', 'llama3.1', 'llama3.1:8b', 'meta-llama/Llama-3.1-8B-Instruct', 'meta/llama-3.1-8b-instruct', 'mistralai/Mistral-7B-Instruct-v0.3', 'mxbai-embed-large', 'nomic-embed-text',
    ]);
    expect(r.relationships.map((x) => `${byId.get(x.from)} ${x.type} ${byId.get(x.to)}`).sort()).toEqual([
      'kserve SERVES meta-llama/Llama-3.1-8B-Instruct',
      'nim SERVES meta/llama-3.1-8b-instruct',
      'ollama SERVES llama3.1',
      'ollama SERVES llama3.1:8b',
      'ollama SERVES mxbai-embed-large',
      'ollama SERVES nomic-embed-text',
      'tgi SERVES mistralai/Mistral-7B-Instruct-v0.3',
      'vllm SERVES Qwen/Qwen2.5-7B-Instruct',
      'vllm SERVES meta-llama/Llama-3.1-8B-Instruct',
    ]);
    expect(r.assets.find((a) => a.name === 'mistralai/Mistral-7B-Instruct-v0.3')?.attributes).toEqual({ sources: ['arg:--model-id', 'env:MODEL_ID'] });
    expect(r.diagnostics).toEqual([]);
  });

  it('records env names only: no value of any other variable reaches the output', () => {
    const out = JSON.stringify(r);
    for (const value of ['postgres://', 'assistant', '24h', 'WEBUI_SECRET_KEY}', 'llama3-prod', '--served-model-name', 'chat"', 'http://ollama:11434']) expect(out, value).not.toContain(value);
    expect(r.assets.find((a) => a.name === 'open-webui')?.attributes.envNames).toEqual(['OLLAMA_BASE_URL', 'WEBUI_SECRET_KEY']);
  });

  it('every asset carries container evidence with a line', () => {
    for (const a of r.assets) {
      expect(a.evidence.length).toBeGreaterThan(0);
      for (const e of a.evidence) expect([e.technique, e.detector, typeof e.line]).toEqual(['container', 'containers', 'number']);
    }
  });

  it('negative-controls (all areas, containers/ traps included): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), containersDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
