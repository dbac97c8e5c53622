/**
 * Helm charts, best effort. `Chart.yaml`: dependencies on catalog charts (`qdrant`, `ollama`, ...).
 * `values*.yaml`: image blocks anywhere in the tree, in the shapes charts use: `image: repo:tag`,
 * `image: {registry, repository | repo, tag}`, `image: {imageName: repo:tag}` (Triton's deploy
 * charts), the same one level below `image:` (`image: {all: {repository, tag}}`, Milvus), or a map
 * with `repository | repo` + `tag` (Weaviate's modules); next to each block, `service.type`
 * (LoadBalancer/NodePort → exposed), GPU requests (`resources` limits, `gpu.enabled: true`),
 * env names (`env`, `extraEnv`), `args`/`extraArgs`, and model keys (`model`, `modelId`,
 * `modelURL`, `models`/`models.pull`/`models.run` lists). Templates are read by `template-lines.ts`.
 * Values are chart defaults: an install may override any of them; a block with `enabled: false`
 * (and all below it) is not deployed by default and is skipped.
 */
import { matchChart } from './catalog.ts';
import { isGpuResource } from './catalog-commands.ts';
import type { EnvVar, ModelHint, Word, Workload } from './types.ts';
import { entries, get, getPath, items, text, type YEntry, type YNode } from './yaml-tree.ts';

const MAX_WALK_DEPTH = 10;
const MODEL_KEYS = new Set(['model', 'modelId', 'modelID', 'model_id', 'modelURL', 'modelUrl']);
const MODEL_LISTS = new Set(['models', 'pull', 'run']);
/** Label and selector maps say `model: <label value>`, not which model is loaded. */
const LABEL_MAPS = /(?:labels|annotations|selector)$/i;

/** The chart folder of a file (`deploy/chart/values.yaml` → `deploy/chart`), `.` at the root. */
export function chartDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

/** Catalog chart dependencies of a Chart.yaml. */
export function readChart(root: YNode, path: string): Workload[] {
  return items(get(root, 'dependencies')).flatMap((dep) => {
    const name = text(get(dep, 'name'));
    if (name === undefined || matchChart(name) === undefined) return [];
    const alias = text(get(dep, 'alias'));
    const repository = text(get(dep, 'repository'));
    const version = text(get(dep, 'version'));
    const entry = matchChart(name);
    return [{
      source: 'helm',
      name: `${chartDir(path)}/${alias ?? name}`,
      line: dep.line,
      software: { id: entry?.software ?? name, line: dep.line },
      commands: [],
      env: [],
      extra: { chart: name, ...(version === undefined ? {} : { chartVersion: version }), ...(repository === undefined ? {} : { chartRepository: repository.replace(/\/\/[^/@]*@/, '//') }) },
    }];
  });
}

/** Keys naming a repository path; `repo` is Weaviate's spelling. */
const REPOSITORY_KEYS = ['repository', 'repo'] as const;

function repositoryOf(block: YNode): YNode | undefined {
  for (const key of REPOSITORY_KEYS) {
    const node = get(block, key);
    if (text(node) !== undefined) return node;
  }
  return undefined;
}

/** `repo:1.3.3` or `repo@sha256:...`: the repository value already carries its tag or digest. */
function hasTagOrDigest(repo: string): boolean {
  return repo.includes('@') || repo.slice(repo.lastIndexOf('/') + 1).includes(':');
}

/** The image of one map or scalar: a reference as written, `imageName`, or registry + repository + tag. */
function imageOf(value: YNode): Word | undefined {
  const direct = text(value);
  if (direct !== undefined) return { text: direct, line: value.line };
  const named = get(value, 'imageName');
  const whole = text(named);
  if (whole !== undefined && named !== undefined) return { text: whole, line: named.line };
  const repository = repositoryOf(value);
  const repo = text(repository);
  if (repo === undefined || repository === undefined) return undefined;
  const registry = text(get(value, 'registry'));
  const tag = text(get(value, 'tag'));
  // Charts that put the tag in `repository` too would otherwise give `repo:1.3.3:1.3.3`, no image at all.
  const full = `${registry ? `${registry}/` : ''}${repo}${tag && !hasTagOrDigest(repo) ? `:${tag}` : ''}`;
  return { text: full, line: repository.line };
}

/** The images of an `image:` value: itself, or each map one level below (`image.all`, `image.tools`). */
function imagesOf(value: YNode): Word[] {
  const own = imageOf(value);
  if (own !== undefined) return [own];
  return entries(value).flatMap((e) => (e.value.type === 'map' ? (imageOf(e.value) ?? []) : []));
}

function modelsIn(node: YNode, depth: number, out: ModelHint[]): void {
  for (const e of entries(node)) {
    if (LABEL_MAPS.test(e.key)) continue;
    const t = text(e.value);
    if (MODEL_KEYS.has(e.key) && t !== undefined) out.push({ id: t, line: e.value.line, via: `values:${e.key}` });
    else if (MODEL_LISTS.has(e.key)) {
      for (const item of items(e.value)) {
        const id = text(item) ?? text(get(item, 'name'));
        if (id !== undefined) out.push({ id, line: item.line, via: `values:${e.key}` });
      }
    }
    if (depth < 3 && e.value.type === 'map') modelsIn(e.value, depth + 1, out);
  }
}

function gpuIn(node: YNode, depth: number): boolean {
  const limits = [getPath(node, 'resources', 'limits'), getPath(node, 'resources', 'requests')];
  if (limits.some((r) => entries(r).some((e) => isGpuResource(e.key)))) return true;
  if (text(getPath(node, 'gpu', 'enabled')) === 'true') return true;
  return depth < 3 && entries(node).some((e) => e.value.type === 'map' && gpuIn(e.value, depth + 1));
}

function envIn(block: YNode): EnvVar[] {
  return ['env', 'extraEnv', 'extraEnvVars'].flatMap((key) => {
    const node = get(block, key);
    if (node?.type === 'map') return node.entries.map((e) => ({ name: e.key, line: e.line, ...(text(e.value) === undefined ? {} : { value: text(e.value) as string }) }));
    return items(node).flatMap((e) => {
      const name = text(get(e, 'name'));
      const value = text(get(e, 'value'));
      return name === undefined ? [] : [{ name, line: e.line, ...(value === undefined ? {} : { value }) }];
    });
  });
}

function argsIn(block: YNode): Word[][] {
  const words = ['command', 'args', 'extraArgs'].flatMap((key) => items(get(block, key)).flatMap((n) => (text(n) === undefined ? [] : [{ text: text(n) as string, line: n.line }])));
  return words.length > 0 ? [words] : [];
}

function blockWorkload(dir: string, keyPath: string, block: YNode, image: Word): Workload {
  const serviceType = text(getPath(block, 'service', 'type'));
  const models: ModelHint[] = [];
  modelsIn(block, 0, models);
  return {
    source: 'helm',
    name: keyPath === '' ? dir : `${dir}:${keyPath}`,
    line: image.line,
    image,
    commands: argsIn(block),
    env: envIn(block),
    ...(serviceType === undefined ? {} : { exposed: serviceType === 'LoadBalancer' || serviceType === 'NodePort' }),
    gpu: gpuIn(block, 0),
    models,
  };
}

function childPath(parent: string, e: YEntry): string {
  return parent === '' ? e.key : `${parent}.${e.key}`;
}

/**
 * `enabled: false` on a block: the chart's templates skip that component (Weaviate's modules, optional
 * subcharts), so by default it is not deployed; an install that enables it says so in its own values.
 */
function disabled(node: YNode): boolean {
  return text(get(node, 'enabled'))?.toLowerCase() === 'false';
}

function walk(node: YNode, keyPath: string, depth: number, dir: string, out: Workload[]): void {
  if (depth > MAX_WALK_DEPTH || disabled(node)) return;
  if (node.type === 'seq') {
    node.items.forEach((item, i) => walk(item, `${keyPath}.${text(get(item, 'name')) ?? i}`, depth + 1, dir, out));
    return;
  }
  const imageEntry = node.type === 'map' ? node.entries.find((e) => e.key === 'image') : undefined;
  const images = imageEntry === undefined ? [] : imagesOf(imageEntry.value);
  if (images.length > 0) for (const image of images) out.push(blockWorkload(dir, keyPath, node, image));
  else if (repositoryOf(node) !== undefined && get(node, 'tag') !== undefined) out.push(blockWorkload(dir, keyPath, node, imageOf(node) as Word));
  for (const e of entries(node)) if (e.key !== 'image') walk(e.value, childPath(keyPath, e), depth + 1, dir, out);
}

/** Image blocks of a values file, one workload each. */
export function readValues(root: YNode, path: string): Workload[] {
  const out: Workload[] = [];
  walk(root, '', 0, chartDir(path), out);
  return out;
}
