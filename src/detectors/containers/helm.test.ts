import { describe, expect, it } from 'vitest';
import { literalImage } from './template-lines.ts';
import { detectOne, namesOf, summarize } from './test-helpers.ts';

describe('Helm charts', () => {
  it('values.yaml: image blocks, service type, GPU, model lists; labels are not models', () => {
    const s = summarize('charts/llm/values.yaml', [
      'image:',
      '  registry: docker.io',
      '  repository: ollama/ollama',
      '  tag: "0.3.14"',
      'ollama:',
      '  gpu: {enabled: true}',
      '  models:',
      '    pull: [llama3.1, nomic-embed-text]',
      'service: {type: NodePort}',
      'podLabels: {model: llama3-prod}',
      'extraEnv:',
      '  - {name: OLLAMA_KEEP_ALIVE, value: 24h}',
      'vectors:',
      '  qdrant:',
      '    image: qdrant/qdrant:v1.12.4',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes])).toEqual([
      ['model-server', 'ollama', { category: 'inference', image: 'docker.io/ollama/ollama:0.3.14', tag: '0.3.14', workload: 'charts/llm', source: 'helm', ports: [], exposed: true, gpu: true, envNames: ['OLLAMA_KEEP_ALIVE'] }],
      ['model', 'llama3.1', { sources: ['values:pull'] }],
      ['model', 'nomic-embed-text', { sources: ['values:pull'] }],
      ['vector-store', 'qdrant', { images: ['qdrant/qdrant:v1.12.4'], workloads: ['charts/llm:vectors.qdrant'], sources: ['helm'] }],
    ]);
  });

  it('values with repository + tag maps in lists (vLLM production stack style)', () => {
    const s = summarize('helm/values-prod.yaml', 'servingEngineSpec:\n  modelSpec:\n    - name: mistral\n      repository: lmcache/vllm-openai\n      tag: latest\n      modelURL: mistralai/Mistral-7B-Instruct-v0.2\n');
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? ''])).toEqual([['model-server', 'vllm', 'helm:servingEngineSpec.modelSpec.mistral'], ['model', 'mistralai/Mistral-7B-Instruct-v0.2', '']]);
  });

  it('values: image one level below image: (Milvus image.all / image.tools)', () => {
    const s = summarize('charts/milvus/values.yaml', 'image:\n  all:\n    repository: milvusdb/milvus\n    tag: v2.2.13\n    pullPolicy: IfNotPresent\n  tools:\n    repository: milvusdb/milvus-config-tool\n    tag: v0.1.1\nservice:\n  type: ClusterIP\n');
    expect(s.assets).toEqual([{ kind: 'vector-store', name: 'milvus', attributes: { images: ['milvusdb/milvus:v2.2.13'], workloads: ['charts/milvus'], sources: ['helm'], exposed: false } }]);
  });

  it('values: registry + repo + tag (Weaviate), for the main image and for module blocks', () => {
    const s = summarize('weaviate/values.yaml', [
      'image:',
      '  registry: cr.weaviate.io',
      '  tag: 1.25.0',
      '  repo: semitechnologies/weaviate',
      'service:',
      '  type: LoadBalancer',
      'modules:',
      '  text2vec-transformers:',
      '    enabled: true',
      '    tag: sentence-transformers-paraphrase-multilingual-MiniLM-L12-v2',
      '    repo: semitechnologies/transformers-inference',
      '    registry: cr.weaviate.io',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? a.attributes.workloads, a.attributes.image ?? a.attributes.images, a.attributes.exposed])).toEqual([
      ['vector-store', 'weaviate', ['weaviate'], ['cr.weaviate.io/semitechnologies/weaviate:1.25.0'], true],
      ['model-server', 't2v-transformers', 'weaviate:modules.text2vec-transformers', 'cr.weaviate.io/semitechnologies/transformers-inference:sentence-transformers-paraphrase-multilingual-MiniLM-L12-v2', undefined],
    ]);
  });

  it('values: a block with enabled: false is not deployed by default (Weaviate modules, optional subcharts)', () => {
    const s = summarize('weaviate/values.yaml', [
      'image: {registry: cr.weaviate.io, repo: semitechnologies/weaviate, tag: 1.25.0}',
      'modules:',
      '  text2vec-transformers:',
      '    enabled: false',
      '    repo: semitechnologies/transformers-inference',
      '    tag: sentence-transformers-paraphrase-multilingual-MiniLM-L12-v2',
      '  passageQueryServices:',
      '    passage:',
      '      enabled: "False"',
      '      repo: semitechnologies/transformers-inference',
      '      tag: facebook-dpr-ctx_encoder-single-nq-base',
      'ollama:',
      '  enabled: false',
      '  sidecar:',
      '    image: ollama/ollama:0.3.14',
      'persistence: {enabled: false}',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name])).toEqual([['vector-store', 'weaviate']]);
  });

  it('values: image.imageName (Triton deploy charts) with a LoadBalancer service is an exposed server', () => {
    const s = summarize('deploy/aws/values.yaml', 'replicaCount: 1\nimage:\n  imageName: nvcr.io/nvidia/tritonserver:24.07-py3\n  pullPolicy: IfNotPresent\n  numGpus: 1\nservice:\n  type: LoadBalancer\n');
    expect(s.assets).toEqual([{ kind: 'model-server', name: 'triton', attributes: { category: 'inference', image: 'nvcr.io/nvidia/tritonserver:24.07-py3', tag: '24.07-py3', workload: 'deploy/aws', source: 'helm', ports: [], exposed: true, gpu: false, envNames: [] } }]);
  });

  it('values: a repository that already carries its tag is not tagged twice', () => {
    const s = summarize('deploy/rag/values.yaml', 'nim-llm:\n  image:\n    repository: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3\n    tag: "1.3.3"\n  digest:\n    repository: ollama/ollama@sha256:0123456789abcdef\n    tag: "0.3.14"\n');
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.image ?? ''])).toEqual([
      ['model-server', 'nim', 'nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3'],
      ['model', 'meta/llama-3.1-8b-instruct', ''],
      ['model-server', 'ollama', 'ollama/ollama@sha256:0123456789abcdef'],
    ]);
  });

  it('Chart.yaml: catalog chart dependencies, nothing else', () => {
    const s = summarize('deploy/stack/Chart.yaml', 'apiVersion: v2\nname: stack\ndependencies:\n  - name: qdrant\n    version: 1.x\n    repository: https://qdrant.github.io/qdrant-helm\n  - name: ollama\n    alias: llm\n    repository: https://otwld.github.io/ollama-helm/\n  - name: redis\n    repository: oci://registry-1.docker.io/bitnamicharts\n');
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? a.attributes.workloads])).toEqual([['vector-store', 'qdrant', ['deploy/stack/qdrant']], ['model-server', 'ollama', 'deploy/stack/llm']]);
    expect(detectOne('Chart.yaml', 'apiVersion: v2\nname: qdrant-tools\n')).toBeNull();
  });

  it('templates: only literal repositories count, template syntax never becomes an image or model', () => {
    expect(literalImage('"{{ .Values.image.repository }}:{{ .Values.image.tag }}"')).toBeUndefined();
    expect(literalImage('ollama/ollama:{{ .Chart.AppVersion }}')).toBe('ollama/ollama');
    expect(literalImage('{{ .Values.registry }}/vllm/vllm-openai:v1')).toBeUndefined();
    expect(literalImage('vllm-{{ .Values.flavor }}:v1')).toBeUndefined();
    const s = summarize('chart/templates/deploy.yaml', [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "x.fullname" . }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        {{- range .Values.servers }}',
      '        - image: "{{ .repository }}:{{ .tag }}"',
      '          args: ["--model", "{{ .model }}"]',
      '        {{- end }}',
      '        - image: "ghcr.io/huggingface/text-generation-inference:{{ .Values.tgi.tag }}"',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload])).toEqual([['model-server', 'tgi', 'chart/templates/deploy.yaml']]);
    expect(s.diagnostics).toEqual([]);
  });

  it('templated YAML outside templates/ that does not parse falls back to line mode silently', () => {
    const s = summarize('k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n{{- if .Values.enabled }}\nspec:\n  image: vllm/vllm-openai:v0.6.3\n{{- end }}\n');
    expect([namesOf(s, 'model-server'), s.diagnostics]).toEqual([['vllm'], []]);
  });
});
