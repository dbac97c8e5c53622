/**
 * Serving custom resources: KServe `InferenceService` (predictor `model` with `modelFormat`, `runtime`,
 * `storageUri`; the older per-framework predictors; custom predictor containers), KServe
 * `LLMInferenceService` (`spec.model.uri`), `ServingRuntime`/`ClusterServingRuntime` containers,
 * Seldon `SeldonDeployment` (graph implementation and `modelUri`, component containers) and KubeRay
 * `RayService` (head image, GPUs, `model_id`/`model_source` lines of `serveConfigV2`) and KubeAI
 * `Model` (`kubeai.org` group only: `spec.url`, `spec.engine`, `spec.args`, `resourceProfile`), best
 * effort. A `hf://org/model` storage URI names a model, so does KubeAI's `ollama://name:tag`; other
 * URIs are kept (credentials and query dropped).
 */
import { SERVING_KINDS, servingKind } from './catalog-commands.ts';
import { containerWorkload, envOf, gpuOf } from './pod-spec.ts';
import type { ModelHint, Workload } from './types.ts';
import { entries, get, getPath, items, text, type YNode } from './yaml-tree.ts';

const FRAMEWORKS = ['sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'lightgbm', 'paddle', 'pmml'];

interface Owner {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly namespace?: string;
}

/** A storage URI without user info or query (signed URLs carry tokens there). */
export function cleanStorageUri(raw: string): string {
  return raw.replace(/^([a-z][\w+.-]*:\/\/)[^/@\s]*@/i, '$1').replace(/[?#].*$/, '').slice(0, 300);
}

function uriModel(uri: YNode | undefined, via: string): ModelHint[] {
  const t = text(uri);
  const m = t === undefined ? null : /^hf:\/\/([\w.-]+\/[\w.-]+)/.exec(t.trim());
  return m?.[1] === undefined || uri === undefined ? [] : [{ id: m[1], line: uri.line, via }];
}

/** A KubeAI `ollama://name[:tag]` URL: the Ollama model it pulls. */
function ollamaModel(uri: YNode | undefined, via: string): ModelHint[] {
  const t = text(uri);
  const m = t === undefined ? null : /^ollama:\/\/([\w.-]+(?:\/[\w.-]+)?(?::[\w.-]+)?)$/.exec(t.trim());
  return m?.[1] === undefined || uri === undefined ? [] : [{ id: m[1], line: uri.line, via }];
}

function argWords(node: YNode | undefined): { text: string; line: number }[][] {
  const words = [...items(get(node, 'command')), ...items(get(node, 'args'))].flatMap((n) => (text(n) === undefined ? [] : [{ text: text(n) as string, line: n.line }]));
  return words.length > 0 ? [words] : [];
}

function software(kind: string): string {
  return SERVING_KINDS.find((k) => k.kind === kind)?.software ?? kind;
}

/** The workload a custom resource itself stands for, named `Kind/name` after its owner. */
function resourceWorkload(owner: Owner, parts: Omit<Workload, 'source' | 'name' | 'line' | 'software'>): Workload {
  return { source: 'kubernetes', name: `${owner.kind}/${owner.name}`, line: owner.line, software: { id: software(owner.kind), line: owner.line }, ...parts };
}

function inferenceService(owner: Owner, node: YNode): Workload[] {
  const predictor = getPath(node, 'spec', 'predictor');
  const framework = FRAMEWORKS.find((f) => get(predictor, f) !== undefined);
  const model = get(predictor, 'model') ?? (framework === undefined ? undefined : get(predictor, framework));
  const storage = get(model, 'storageUri');
  const format = text(getPath(model, 'modelFormat', 'name')) ?? framework;
  const runtime = text(get(model, 'runtime'));
  const uri = text(storage);
  const own: Workload[] = model === undefined ? [] : [resourceWorkload(owner, {
    commands: argWords(model),
    env: envOf(model),
    gpu: gpuOf(model),
    models: uriModel(storage, 'storage-uri'),
    extra: {
      ...(owner.namespace === undefined ? {} : { namespace: owner.namespace }),
      ...(format === undefined ? {} : { modelFormat: format }),
      ...(runtime === undefined ? {} : { runtime }),
      ...(uri === undefined ? {} : { storageUri: cleanStorageUri(uri) }),
    },
  })];
  return [...own, ...items(get(predictor, 'containers')).map((c) => containerWorkload(c, owner, false))];
}

function llmInferenceService(owner: Owner, node: YNode): Workload[] {
  const uriNode = getPath(node, 'spec', 'model', 'uri');
  const uri = text(uriNode);
  const containers = items(getPath(node, 'spec', 'template', 'containers'));
  return [
    resourceWorkload(owner, {
      commands: [],
      env: [],
      gpu: containers.some((c) => gpuOf(c)),
      models: uriModel(uriNode, 'storage-uri'),
      extra: { ...(owner.namespace === undefined ? {} : { namespace: owner.namespace }), ...(uri === undefined ? {} : { storageUri: cleanStorageUri(uri) }) },
    }),
    ...containers.map((c) => containerWorkload(c, owner, false)),
  ];
}

function seldonDeployment(owner: Owner, node: YNode): Workload[] {
  return items(getPath(node, 'spec', 'predictors')).flatMap((predictor) => {
    const graph = get(predictor, 'graph');
    const implementation = text(get(graph, 'implementation'));
    const uri = text(get(graph, 'modelUri'));
    const containers = items(get(predictor, 'componentSpecs')).flatMap((c) => items(getPath(c, 'spec', 'containers')));
    const own: Workload[] = implementation === undefined && uri === undefined ? [] : [resourceWorkload(owner, {
      commands: [],
      env: [],
      gpu: containers.some((c) => gpuOf(c)),
      models: uriModel(get(graph, 'modelUri'), 'storage-uri'),
      extra: { ...(implementation === undefined ? {} : { implementation }), ...(uri === undefined ? {} : { storageUri: cleanStorageUri(uri) }) },
    })];
    return [...own, ...containers.map((c) => containerWorkload(c, owner, false))];
  });
}

/**
 * Models of a Ray Serve LLM config held as a string: `model_source` (what is loaded); `model_id` is
 * the name it is served under, used only when the config names no source.
 */
function serveConfigModels(node: YNode | undefined): ModelHint[] {
  const config = text(node);
  if (config === undefined || node === undefined) return [];
  const found: { key: string; hint: ModelHint }[] = [];
  config.split('\n').slice(0, 5000).forEach((lineText, i) => {
    const m = /^\s*(?:-\s*)?(model_id|model_source)[ \t]*:[ \t]*["']?([\w./:-]+)["']?[ \t]*$/.exec(lineText);
    if (m?.[1] !== undefined && m[2] !== undefined) found.push({ key: m[1], hint: { id: m[2], line: node.line + i + 1, via: `serve-config:${m[1]}` } });
  });
  const sources = found.filter((f) => f.key === 'model_source');
  return (sources.length > 0 ? sources : found).map((f) => f.hint);
}

function rayService(owner: Owner, node: YNode): Workload[] {
  const cluster = getPath(node, 'spec', 'rayClusterConfig');
  const head = items(getPath(cluster, 'headGroupSpec', 'template', 'spec', 'containers'))[0];
  const workers = items(get(cluster, 'workerGroupSpecs')).flatMap((w) => items(getPath(w, 'template', 'spec', 'containers')));
  const imageNode = get(head, 'image');
  const image = text(imageNode);
  return [resourceWorkload(owner, {
    ...(image === undefined || imageNode === undefined ? {} : { image: { text: image, line: imageNode.line } }),
    commands: [],
    env: envOf(head),
    gpu: [head, ...workers].some((c) => gpuOf(c)),
    models: serveConfigModels(getPath(node, 'spec', 'serveConfigV2')),
    extra: owner.namespace === undefined ? {} : { namespace: owner.namespace },
  })];
}

/**
 * KubeAI `Model`: the operator runs `spec.engine` (VLLM, OLlama, FasterWhisper, Infinity) on
 * `spec.url`; a `resourceProfile` naming a GPU or TPU (`nvidia-gpu-l4:1`, `google-tpu-v5e-2x2:4`) marks it.
 */
function kubeaiModel(owner: Owner, node: YNode): Workload {
  const spec = get(node, 'spec');
  const urlNode = get(spec, 'url');
  const url = text(urlNode);
  const engine = text(get(spec, 'engine'));
  const profile = text(get(spec, 'resourceProfile'));
  return resourceWorkload(owner, {
    commands: argWords(spec),
    // `env` is a map here (`{NAME: value}`), not a container's list.
    env: entries(get(spec, 'env')).map((e) => ({ name: e.key, line: e.line, ...(text(e.value) === undefined ? {} : { value: text(e.value) as string }) })),
    gpu: profile !== undefined && /gpu|tpu/i.test(profile),
    models: [...uriModel(urlNode, 'storage-uri'), ...ollamaModel(urlNode, 'storage-uri')],
    extra: {
      ...(owner.namespace === undefined ? {} : { namespace: owner.namespace }),
      ...(engine === undefined ? {} : { engine: engine.slice(0, 40) }),
      ...(url === undefined ? {} : { storageUri: cleanStorageUri(url) }),
    },
  });
}

/** Workloads of a serving custom resource or runtime; [] for any other kind. */
export function readServingResource(kind: string, name: string, line: number, node: YNode): Workload[] {
  const namespace = text(getPath(node, 'metadata', 'namespace'));
  const owner: Owner = { kind, name, line, ...(namespace === undefined ? {} : { namespace }) };
  if (servingKind(kind, text(get(node, 'apiVersion')))?.software === 'kubeai') return [kubeaiModel(owner, node)];
  if (kind === 'InferenceService') return inferenceService(owner, node);
  if (kind === 'LLMInferenceService') return llmInferenceService(owner, node);
  if (kind === 'SeldonDeployment') return seldonDeployment(owner, node);
  if (kind === 'RayService') return rayService(owner, node);
  if (kind === 'ServingRuntime' || kind === 'ClusterServingRuntime') return items(getPath(node, 'spec', 'containers')).map((c) => containerWorkload(c, owner, false));
  return [];
}
