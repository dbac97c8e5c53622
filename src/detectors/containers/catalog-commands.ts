/**
 * Command-line and environment knowledge: which commands start a model server, which flags and
 * positional arguments carry a model id, which env var names hold one, which resources are GPUs.
 * Sources: each server's CLI reference; env names from research/anchors-mission.md §2(d).
 */

/** A command that starts (or feeds) a model server. */
export interface Launcher {
  readonly software: string;
  /** Program basename (`vllm`, `text-generation-launcher`), or a Python module run with `-m`. */
  readonly program?: string;
  readonly module?: string;
  /** Words that must follow the program (`serve`, `pull`), in order. */
  readonly sub?: readonly string[];
  /** The first non-flag word after `sub` is a model id (`vllm serve <model>`, `ollama pull <model>`). */
  readonly positionalModel?: boolean;
  readonly source: string;
}

/** Commands that start or feed a model server, by program (basename) or Python module. */
export const LAUNCHERS: readonly Launcher[] = [
  { software: 'vllm', program: 'vllm', sub: ['serve'], positionalModel: true, source: 'docs.vllm.ai CLI reference (vllm serve <model>)' },
  { software: 'vllm', module: 'vllm.entrypoints.openai.api_server', source: 'docs.vllm.ai OpenAI-compatible server' },
  { software: 'vllm', module: 'vllm.entrypoints.api_server', source: 'docs.vllm.ai (legacy api_server)' },
  { software: 'ollama', program: 'ollama', sub: ['serve'], source: 'ollama docs/cli' },
  { software: 'ollama', program: 'ollama', sub: ['pull'], positionalModel: true, source: 'ollama docs/cli' },
  { software: 'ollama', program: 'ollama', sub: ['run'], positionalModel: true, source: 'ollama docs/cli' },
  { software: 'tgi', program: 'text-generation-launcher', source: 'huggingface.co/docs/text-generation-inference launcher reference' },
  { software: 'tei', program: 'text-embeddings-router', source: 'huggingface/text-embeddings-inference README' },
  { software: 'triton', program: 'tritonserver', source: 'triton-inference-server docs quickstart' },
  { software: 'sglang', module: 'sglang.launch_server', source: 'sgl-project/sglang docs (python -m sglang.launch_server)' },
  { software: 'lmdeploy', program: 'lmdeploy', sub: ['serve', 'api_server'], positionalModel: true, source: 'lmdeploy docs (lmdeploy serve api_server <model>)' },
  { software: 'llama.cpp', program: 'llama-server', source: 'ggml-org/llama.cpp tools/server README' },
  { software: 'llamafile', program: 'llamafile', source: 'Mozilla-Ocho/llamafile README' },
  { software: 'localai', program: 'local-ai', source: 'localai.io CLI docs' },
  { software: 'xinference', program: 'xinference-local', source: 'inference.readthedocs.io getting started' },
  { software: 'xinference', program: 'xinference-supervisor', source: 'inference.readthedocs.io cluster deployment' },
  { software: 'openllm', program: 'openllm', sub: ['start'], positionalModel: true, source: 'bentoml/OpenLLM README (0.x)' },
  { software: 'openllm', program: 'openllm', sub: ['serve'], positionalModel: true, source: 'bentoml/OpenLLM README' },
  { software: 'bentoml', program: 'bentoml', sub: ['serve'], source: 'docs.bentoml.com CLI reference' },
  { software: 'litellm', program: 'litellm', source: 'docs.litellm.ai proxy CLI' },
  { software: 'ray-serve', program: 'serve', sub: ['run'], source: 'docs.ray.io Serve CLI (serve run)' },
  { software: 'ray-serve', program: 'serve', sub: ['deploy'], source: 'docs.ray.io Serve CLI (serve deploy)' },
  { software: 'torchserve', program: 'torchserve', source: 'pytorch/serve README' },
  { software: 'tensorflow-serving', program: 'tensorflow_model_server', source: 'tensorflow.org/tfx/serving' },
  { software: 'mlserver', program: 'mlserver', sub: ['start'], source: 'SeldonIO/MLServer README' },
];

/** A flag whose value is a model id (`--model x`, `--model=x`). */
export interface ModelFlag {
  readonly flag: string;
  readonly source: string;
}

/**
 * Deliberately absent: `--served-model-name` and `--model-name`/`--model_name` (aliases the server
 * answers to, not what it loads; KServe's `--model_name=llama3`), `-m` (`python -m`, llama.cpp paths).
 */
export const MODEL_FLAGS: readonly ModelFlag[] = [
  { flag: '--model', source: 'vllm api_server, sglang, litellm, llama.cpp CLI references' },
  { flag: '--model-id', source: 'TGI launcher, TEI router CLI references' },
  { flag: '--model_id', source: 'kserve huggingfaceserver arguments' },
  { flag: '--model-path', source: 'sglang server arguments' },
  { flag: '--hf-repo', source: 'llama.cpp server README' },
  { flag: '-hf', source: 'llama.cpp server README' },
];

/** Env var names whose VALUE may be read, and only as a model id. Every other env var: name only. */
export interface ModelEnvName {
  readonly name: string;
  readonly source: string;
}

const D = 'research/anchors-mission.md §2(d) endpoint/model env names';

/** Model env names (§2(d)): the only env vars whose values are looked at. */
export const MODEL_ENV_NAMES: readonly ModelEnvName[] = [
  { name: 'MODEL_ID', source: `${D}; TGI launcher reads MODEL_ID` },
  { name: 'MODEL_NAME', source: D },
  { name: 'MODEL_PATH', source: D },
  { name: 'LLM_MODEL', source: D },
  { name: 'EMBEDDING_MODEL', source: D },
  { name: 'HF_MODEL_ID', source: 'sagemaker-huggingface-inference-toolkit README (HF_MODEL_ID)' },
];

/** Extended resource names that request accelerators (Kubernetes `resources.limits`/`requests`). */
export const GPU_RESOURCES: readonly { readonly pattern: RegExp; readonly source: string }[] = [
  { pattern: /^nvidia\.com\/(?:gpu|mig-[\w.-]+)$/, source: 'NVIDIA k8s-device-plugin README' },
  { pattern: /^amd\.com\/gpu$/, source: 'ROCm k8s-device-plugin README' },
  { pattern: /^gpu\.intel\.com\/[\w.-]+$/, source: 'intel-device-plugins-for-kubernetes GPU plugin' },
  { pattern: /^habana\.ai\/gaudi$/, source: 'Intel Gaudi device plugin docs' },
  { pattern: /^aws\.amazon\.com\/neuron(?:core|device)?$/, source: 'AWS Neuron device plugin docs' },
  { pattern: /^google\.com\/tpu$/, source: 'GKE TPU docs' },
];

/** True when a Kubernetes resource name requests an accelerator. */
export function isGpuResource(name: string): boolean {
  return GPU_RESOURCES.some((r) => r.pattern.test(name));
}

/** Custom resource kinds read as serving resources (`kubernetes-crds.ts`). */
export const SERVING_KINDS: readonly { readonly kind: string; readonly software: string; readonly source: string; readonly group?: string }[] = [
  { kind: 'InferenceService', software: 'kserve', source: `research/anchors-mission.md §2(g), k8s-aibom (KServe InferenceService)` },
  { kind: 'LLMInferenceService', software: 'kserve', source: 'kserve docs (LLMInferenceService, v1alpha1)' },
  { kind: 'SeldonDeployment', software: 'seldon-core', source: 'docs.seldon.io SeldonDeployment (v1)' },
  { kind: 'RayService', software: 'ray-serve', source: 'ray-project/kuberay RayService docs' },
  // `Model` alone is any operator's word: read only under the `kubeai.org` API group (the gate's literal too).
  { kind: 'Model', group: 'kubeai.org', software: 'kubeai', source: 'kubeai.org Model CRD (spec.url hf://, ollama://, s3://; spec.engine)' },
];

/** The serving kind an object of this `kind` and `apiVersion` is, if any (a `group` must match). */
export function servingKind(kind: string, apiVersion: string | undefined): (typeof SERVING_KINDS)[number] | undefined {
  return SERVING_KINDS.find((k) => k.kind === kind && (k.group === undefined || apiVersion?.startsWith(`${k.group}/`) === true));
}
