import { describe, expect, it } from 'vitest';
import { detectOne, namesOf, summarize } from './test-helpers.ts';

const deployment = (image: string, labels = 'app: llm', extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
  namespace: ai
spec:
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: server
          image: ${image}
          args: ["--model", "$(MODEL)"]
          env:
            - name: MODEL
              value: Qwen/Qwen2.5-7B-Instruct
            - name: HF_TOKEN
              valueFrom: {secretKeyRef: {name: hf, key: token}}
          ports: [{containerPort: 8000}]
          resources:
            limits: {nvidia.com/gpu: 1}
${extra}`;

const service = (type: string, selector = 'app: llm'): string => `---
apiVersion: v1
kind: Service
metadata: {name: llm}
spec:
  type: ${type}
  selector:
    ${selector}
  ports: [{port: 80, targetPort: 8000}]
`;

describe('Kubernetes manifests', () => {
  it('a Triton client SDK image (-sdk) running sleep is no server; the same image running tritonserver is', () => {
    const pod = (name: string, command: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: ${name}
      image: nvcr.io/nvidia/tritonserver:24.01-py3-sdk
      command: ${command}
`;
    expect(detectOne('bench/triton_client.yaml', pod('nv-triton-client', '["/bin/bash", "-c", "--"]\n      args: ["while true; do sleep 30; done;"]'))?.assets ?? []).toEqual([]);
    expect(namesOf(summarize('serve/triton.yaml', pod('triton', '["tritonserver", "--model-repository=/models"]')), 'model-server')).toEqual(['triton']);
  });

  it('a Deployment container: image, args with $(VAR), env names, ports, GPU; LoadBalancer service exposes it', () => {
    const r = detectOne('k8s/llm.yaml', deployment('vllm/vllm-openai:v0.6.3') + service('LoadBalancer'));
    const server = r?.assets.find((a) => a.kind === 'model-server');
    expect(server?.attributes).toEqual({
      category: 'inference', image: 'vllm/vllm-openai:v0.6.3', tag: 'v0.6.3', workload: 'Deployment/llm', source: 'kubernetes',
      ports: ['8000'], exposed: true, gpu: true, envNames: ['HF_TOKEN', 'MODEL'], namespace: 'ai', container: 'server',
    });
    expect(server?.evidence).toEqual([{ path: 'k8s/llm.yaml', line: 14, snippet: 'image: vllm/vllm-openai:v0.6.3', technique: 'container', confidence: 'declared', detector: 'containers' }]);
    const model = r?.assets.find((a) => a.kind === 'model');
    expect([model?.name, model?.provider, model?.attributes, model?.evidence[0]?.confidence]).toEqual(['Qwen/Qwen2.5-7B-Instruct', 'qwen', { sources: ['arg:--model'] }, 'inferred']);
  });

  it('ClusterIP or non-matching Services do not expose; no Service in the file leaves exposure unknown', () => {
    const attrs = (content: string): unknown => detectOne('a.yaml', content)?.assets.find((a) => a.kind === 'model-server')?.attributes.exposed;
    expect(attrs(deployment('ollama/ollama') + service('ClusterIP'))).toBe(false);
    expect(attrs(deployment('ollama/ollama') + service('NodePort', 'app: other'))).toBeUndefined();
    expect(attrs(deployment('ollama/ollama'))).toBeUndefined();
    expect(attrs(deployment('ollama/ollama', 'app: llm', '      hostNetwork: true\n'))).toBe(true);
  });

  it('CronJob, StatefulSet, Pod, init containers and List objects', () => {
    const s = summarize('jobs.yml', `apiVersion: batch/v1
kind: CronJob
metadata: {name: warm}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - {name: pull, image: "ollama/ollama:0.3.14", command: ["ollama", "pull", "llama3.2:3b"]}
          containers: [{name: main, image: busybox}]
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: embed}
    spec:
      containers: [{name: tei, image: "ghcr.io/huggingface/text-embeddings-inference:1.5", args: ["--model-id", "BAAI/bge-small-en-v1.5"]}]
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: vectors}
    spec:
      template:
        spec:
          containers: [{name: weaviate, image: "cr.weaviate.io/semitechnologies/weaviate:1.26.1"}]
`);
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? a.attributes.workloads ?? ''])).toEqual([
      ['model-server', 'ollama', 'CronJob/warm'], ['model', 'llama3.2:3b', ''], ['model-server', 'tei', 'Pod/embed'], ['model', 'BAAI/bge-small-en-v1.5', ''], ['vector-store', 'weaviate', ['StatefulSet/vectors']],
    ]);
    expect(s.edges).toEqual(['ollama SERVES llama3.2:3b', 'tei SERVES BAAI/bge-small-en-v1.5']);
  });

  it('KServe InferenceService: model format, runtime, storage URI (credentials and query dropped), GPU', () => {
    const s = summarize('isvc.yaml', `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llama3, namespace: models}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      runtime: kserve-huggingfaceserver
      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct
      args: ["--model_name=llama3"]
      resources: {limits: {nvidia.com/gpu: "1"}}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris}
spec:
  predictor:
    sklearn:
      storageUri: https://user:secret@models.example.com/iris?sig=abc
`);
    expect(s.assets.filter((a) => a.kind === 'model-server').map((a) => a.attributes)).toEqual([
      { category: 'inference', workload: 'InferenceService/llama3', source: 'kubernetes', ports: [], gpu: true, envNames: [], namespace: 'models', modelFormat: 'huggingface', runtime: 'kserve-huggingfaceserver', storageUri: 'hf://meta-llama/Llama-3.1-8B-Instruct' },
      { category: 'inference', workload: 'InferenceService/iris', source: 'kubernetes', ports: [], gpu: false, envNames: [], modelFormat: 'sklearn', storageUri: 'https://models.example.com/iris' },
    ]);
    expect(s.edges).toEqual(['kserve SERVES meta-llama/Llama-3.1-8B-Instruct']);
  });

  it('RayService: head image, worker GPUs, the model source of serveConfigV2 (not the served name)', () => {
    const s = summarize('ray.yaml', `apiVersion: ray.io/v1
kind: RayService
metadata: {name: llm}
spec:
  serveConfigV2: |
    applications:
      - name: llm
        args:
          llm_configs:
            - model_loading_config:
                model_id: qwen-chat
                model_source: Qwen/Qwen2.5-7B-Instruct
  rayClusterConfig:
    headGroupSpec:
      template:
        spec:
          containers: [{name: head, image: "rayproject/ray-llm:2.52.0-py311-cu128"}]
    workerGroupSpecs:
      - template:
          spec:
            containers: [{name: w, image: "rayproject/ray-llm:2.52.0-py311-cu128", resources: {limits: {nvidia.com/gpu: 1}}}]
`);
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.gpu ?? ''])).toEqual([['model-server', 'ray-serve', true], ['model', 'Qwen/Qwen2.5-7B-Instruct', '']]);
    expect(detectOne('ray.yaml', '')).toBeNull();
  });

  it('KubeAI Model (kubeai.org only): engine, hf:// and ollama:// URLs as models, GPU from the resource profile', () => {
    const vllm = `apiVersion: kubeai.org/v1
kind: Model
metadata: {name: llama-8b-l4}
spec:
  features: [TextGeneration]
  url: hf://acme-labs/Llama-3.1-8B-Instruct-FP8
  engine: VLLM
  args: [--max-model-len=8192]
  env: {VLLM_ATTENTION_BACKEND: FLASHINFER}
  resourceProfile: nvidia-gpu-l4:1
`;
    const ollama = `apiVersion: kubeai.org/v1\nkind: Model\nmetadata: {name: qwen-cpu}\nspec: {url: "ollama://qwen2:0.5b", engine: OLlama, resourceProfile: "cpu:2"}\n`;
    const s = summarize('models.yaml', [vllm, ollama].join('---\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.gpu ?? '', a.attributes.engine ?? ''])).toEqual([
      ['model-server', 'kubeai', true, 'VLLM'],
      ['model', 'acme-labs/Llama-3.1-8B-Instruct-FP8', '', ''],
      ['model-server', 'kubeai', false, 'OLlama'],
      ['model', 'qwen2:0.5b', '', ''],
    ]);
    expect(s.assets[0]?.attributes.envNames).toEqual(['VLLM_ATTENTION_BACKEND']);
    expect(s.edges).toEqual(['kubeai SERVES acme-labs/Llama-3.1-8B-Instruct-FP8', 'kubeai SERVES qwen2:0.5b']);
    // Another operator's `Model` is not KubeAI's, whatever its spec says.
    expect(summarize('other.yaml', vllm.replace('kubeai.org/v1', 'ml.example.com/v1'))).toEqual({ assets: [], edges: [], diagnostics: [] });
  });

  it('Seldon and ServingRuntime resources; big bundles read only the documents that matter', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec:\n  names: {kind: InferenceService}\n  versions: [${'{name: v1}, '.repeat(50)}]\n`;
    const runtime = `apiVersion: serving.kserve.io/v1alpha1\nkind: ClusterServingRuntime\nmetadata: {name: kserve-tritonserver}\nspec:\n  containers: [{name: kserve-container, image: "nvcr.io/nvidia/tritonserver:23.05-py3"}]\n`;
    const seldon = `apiVersion: machinelearning.seldon.io/v1\nkind: SeldonDeployment\nmetadata: {name: iris}\nspec:\n  predictors:\n    - graph: {name: clf, implementation: SKLEARN_SERVER, modelUri: gs://seldon-models/sklearn/iris}\n`;
    const s = summarize('install.yaml', [crd, runtime, seldon].join('---\n'));
    expect(s.assets.map((a) => [a.name, a.attributes.workload])).toEqual([['triton', 'ClusterServingRuntime/kserve-tritonserver'], ['seldon-core', 'SeldonDeployment/iris']]);
    expect(detectOne('install.yaml', [crd, runtime, seldon].join('---\n'))?.assets[0]?.evidence[0]?.snippet).toBe('containers: [{name: kserve-container, image: "nvcr.io/nvidia/tritonserver:23.05-py3"}]');
    expect(detectOne('install.yaml', [crd, runtime, seldon].join('---\n'))?.assets[0]?.evidence[0]?.line).toBe(12);
  });

  it('traps: llama-named images, a model label, a Service exposing nothing of ours', () => {
    const s = summarize('app.yaml', deployment('acme/llama-app-frontend:2.1.0', 'model: llama3') + service('LoadBalancer'));
    expect(s.assets.map((a) => a.kind)).toEqual(['model']);
    expect(namesOf(s, 'model')).toEqual(['Qwen/Qwen2.5-7B-Instruct']);
    expect(summarize('app.yaml', deployment('ghcr.io/acme/ollama-dashboard:0.4').replace(/Qwen\/Qwen2\.5-7B-Instruct/, 'Invoice'))).toEqual({ assets: [], edges: [], diagnostics: [] });
  });
});
