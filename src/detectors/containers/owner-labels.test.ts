import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectOne } from './test-helpers.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../../test/fixtures/owners/${path}`, import.meta.url), 'utf8');

function tagsByName(path: string, content: string): Record<string, Record<string, string>> {
  return Object.fromEntries((detectOne(path, content)?.assets ?? []).map((a) => [`${a.kind}:${a.name}`, { ...a.tags }]));
}

describe('owner labels on container workloads', () => {
  it('compose: service labels (map form) with an owner key; services without labels get none', () => {
    expect(tagsByName('docker-compose.yml', fixture('docker-compose.yml'))).toEqual({
      'model-server:ollama': { 'com.example.owner': 'ollama-admin@example.com' },
      'vector-store:qdrant': {},
    });
  });

  it('compose: the list form, and managed-by is not an owner', () => {
    const compose = 'services:\n  ui:\n    image: ghcr.io/open-webui/open-webui:main\n    labels:\n      - "team=apps"\n      - "app.kubernetes.io/managed-by=compose"\n';
    expect(tagsByName('compose.yaml', compose)).toEqual({ 'system:open-webui': { team: 'apps' } });
  });

  it('Kubernetes: object labels and annotations, then pod template labels; Helm managed-by ignored', () => {
    const tags = tagsByName('deploy/k8s.yaml', fixture('deploy/k8s.yaml'));
    expect(tags['model-server:vllm']).toEqual({ team: 'inference', 'a8r.io/owner': '@acme/inference' });
    expect(tags['model:meta-llama/Llama-3.1-8B-Instruct']).toEqual({});
  });

  it('Kubernetes serving resources carry their own labels', () => {
    const isvc = 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: sk\n  labels:\n    owner: carol\nspec:\n  predictor:\n    model:\n      modelFormat:\n        name: sklearn\n      storageUri: gs://b/m\n';
    expect(tagsByName('isvc.yaml', isvc)['model-server:kserve']).toEqual({ owner: 'carol' });
  });
});
