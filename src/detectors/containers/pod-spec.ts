/**
 * One Kubernetes container spec as a workload: image, `command` + `args` as one argv (`$(VAR)`
 * references resolved from the container's literal env), env, container ports (`hostPort` exposes
 * on the node), accelerator resources.
 */
import { isGpuResource } from './catalog-commands.ts';
import type { EnvVar, Word, Workload } from './types.ts';
import { entries, get, items, text, type YNode } from './yaml-tree.ts';

/** Env vars of a container (names; literal values kept transiently). */
export function envOf(container: YNode | undefined): EnvVar[] {
  return items(get(container, 'env')).flatMap((e) => {
    const name = text(get(e, 'name'));
    if (name === undefined) return [];
    const value = text(get(e, 'value'));
    return [{ name, line: e.line, ...(value === undefined ? {} : { value }) }];
  });
}

/** `$(VAR)` (Kubernetes dependent env reference) replaced by the container's literal value. */
function resolveRefs(raw: string, line: number, env: readonly EnvVar[]): Word {
  let changed = false;
  const value = raw.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (match, name: string) => {
    const found = env.find((e) => e.name === name)?.value;
    if (found === undefined) return match;
    changed = true;
    return found;
  });
  return changed ? { text: value, line, inferred: true } : { text: value, line };
}

function argvOf(container: YNode, env: readonly EnvVar[]): Word[][] {
  const words = [...items(get(container, 'command')), ...items(get(container, 'args'))].flatMap((n) => {
    const t = text(n);
    return t === undefined ? [] : [resolveRefs(t, n.line, env)];
  });
  return words.length > 0 ? [words] : [];
}

/** True when the container's limits or requests name an accelerator resource. */
export function gpuOf(container: YNode | undefined): boolean {
  const resources = get(container, 'resources');
  return [get(resources, 'limits'), get(resources, 'requests')].some((r) => entries(r).some((e) => isGpuResource(e.key)));
}

/** One container as a workload named `Kind/name`. */
export function containerWorkload(container: YNode, owner: { kind: string; name: string; line: number; namespace?: string }, hostNetwork: boolean): Workload {
  const env = envOf(container);
  const imageNode = get(container, 'image');
  const image = text(imageNode);
  const ports = items(get(container, 'ports'));
  const containerName = text(get(container, 'name'));
  const hostPort = ports.some((p) => get(p, 'hostPort') !== undefined);
  return {
    source: 'kubernetes',
    name: `${owner.kind}/${owner.name}`,
    line: owner.line,
    ...(image === undefined || imageNode === undefined ? {} : { image: { text: image, line: imageNode.line } }),
    commands: argvOf(container, env),
    env,
    ports: ports.flatMap((p) => text(get(p, 'containerPort')) ?? []),
    ...(hostNetwork || hostPort ? { exposed: true } : {}),
    gpu: gpuOf(container),
    extra: { ...(owner.namespace === undefined ? {} : { namespace: owner.namespace }), ...(containerName === undefined ? {} : { container: containerName }) },
  };
}

