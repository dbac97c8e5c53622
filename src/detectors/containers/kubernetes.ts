/**
 * Kubernetes manifests: every container and init container of Pod, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job, CronJob, Argo Rollout and OpenShift DeploymentConfig objects (`List`
 * objects are opened), plus the serving custom resources of `kubernetes-crds.ts`. A Service of type
 * LoadBalancer or NodePort whose selector matches a workload's pod labels (same file only) marks it
 * `exposed`; so do `hostNetwork` and `hostPort`. `$(VAR)` references in args take the container's
 * literal env value.
 */
import { readServingResource } from './kubernetes-crds.ts';
import { ownerLabels, withOwnerLabels } from './owner-labels.ts';
import { containerWorkload } from './pod-spec.ts';
import type { Workload } from './types.ts';
import { entries, get, getPath, items, text, type YNode } from './yaml-tree.ts';

const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Rollout', 'DeploymentConfig']);
const MAX_LIST_ITEMS = 10_000;

interface Resource {
  readonly kind: string;
  readonly name: string;
  readonly line: number;
  readonly node: YNode;
}

interface ExposingService {
  readonly selector: readonly [string, string][];
  readonly exposes: boolean;
}

/** A workload plus the pod labels it was declared with (for Service matching). */
interface Labeled {
  readonly workload: Workload;
  readonly labels: ReadonlyMap<string, string>;
}

function podOf(resource: Resource): { spec: YNode | undefined; labels: YNode | undefined; annotations: YNode | undefined } {
  if (resource.kind === 'Pod') return { spec: get(resource.node, 'spec'), labels: getPath(resource.node, 'metadata', 'labels'), annotations: undefined };
  const template = resource.kind === 'CronJob' ? getPath(resource.node, 'spec', 'jobTemplate', 'spec', 'template') : getPath(resource.node, 'spec', 'template');
  return { spec: get(template, 'spec'), labels: getPath(template, 'metadata', 'labels'), annotations: getPath(template, 'metadata', 'annotations') };
}

/** Owner labels and annotations of the object itself, then of its pod template. */
function objectOwnerLabels(resource: Resource, pod?: { labels: YNode | undefined; annotations: YNode | undefined }): Record<string, string> {
  const meta = get(resource.node, 'metadata');
  return ownerLabels(get(meta, 'labels'), get(meta, 'annotations'), pod?.labels, pod?.annotations);
}

function podWorkloads(resource: Resource): Labeled[] {
  const pod = podOf(resource);
  const { spec, labels } = pod;
  const owners = objectOwnerLabels(resource, pod);
  const namespace = text(getPath(resource.node, 'metadata', 'namespace'));
  const owner = { kind: resource.kind, name: resource.name, line: resource.line, ...(namespace === undefined ? {} : { namespace }) };
  const hostNetwork = get(spec, 'hostNetwork')?.type === 'scalar' && text(get(spec, 'hostNetwork')) === 'true';
  const labelMap = new Map(entries(labels).flatMap((e) => (text(e.value) === undefined ? [] : [[e.key, text(e.value) as string] as const])));
  return [...items(get(spec, 'initContainers')), ...items(get(spec, 'containers'))].map((c) => ({ workload: withOwnerLabels(containerWorkload(c, owner, hostNetwork), owners), labels: labelMap }));
}

function serviceOf(resource: Resource): ExposingService {
  const type = text(getPath(resource.node, 'spec', 'type')) ?? 'ClusterIP';
  const selector = entries(getPath(resource.node, 'spec', 'selector')).flatMap((e) => (text(e.value) === undefined ? [] : [[e.key, text(e.value) as string] as [string, string]]));
  return { selector, exposes: type === 'LoadBalancer' || type === 'NodePort' };
}

function resourcesOf(docs: readonly YNode[]): Resource[] {
  const out: Resource[] = [];
  const visit = (node: YNode, depth: number): void => {
    const kind = text(get(node, 'kind'));
    if (kind === undefined || out.length > MAX_LIST_ITEMS) return;
    if (kind === 'List' || kind.endsWith('List')) {
      if (depth < 2) for (const item of items(get(node, 'items'))) visit(item, depth + 1);
      return;
    }
    const kindLine = node.type === 'map' ? (node.entries.find((e) => e.key === 'kind')?.line ?? node.line) : node.line;
    out.push({ kind, name: text(getPath(node, 'metadata', 'name')) ?? '(unnamed)', line: kindLine, node });
  };
  for (const doc of docs) visit(doc, 0);
  return out;
}

/** Workloads of the Kubernetes objects in a file's documents, exposure resolved within the file. */
export function readKubernetesDocuments(docs: readonly YNode[]): Workload[] {
  const labeled: Labeled[] = [];
  const services: ExposingService[] = [];
  const plain: Workload[] = [];
  for (const resource of resourcesOf(docs)) {
    if (TEMPLATE_KINDS.has(resource.kind) || resource.kind === 'Pod' || resource.kind === 'CronJob') labeled.push(...podWorkloads(resource));
    else if (resource.kind === 'Service') services.push(serviceOf(resource));
    else plain.push(...readServingResource(resource.kind, resource.name, resource.line, resource.node).map((w) => withOwnerLabels(w, objectOwnerLabels(resource))));
  }
  for (const { workload, labels } of labeled) {
    const selecting = services.filter((s) => s.selector.length > 0 && s.selector.every(([k, v]) => labels.get(k) === v));
    if (selecting.length > 0 && workload.exposed !== true) workload.exposed = selecting.some((s) => s.exposes);
  }
  return [...labeled.map((l) => l.workload), ...plain];
}
