/**
 * Docker Compose files: one workload per service (`services:`; legacy v1 files whose top level is
 * the services). Reads `image`, `entrypoint` + `command` (string or list; the two form one argv),
 * `environment` (list or map: names, values kept only transiently for model env names), `ports`
 * (short and long syntax), `network_mode`, `volumes`, and GPU requests (`deploy.resources.reservations.devices`
 * with `driver: nvidia` or `capabilities: [gpu]`, `runtime: nvidia`, `gpus:`, `NVIDIA_VISIBLE_DEVICES`).
 * `${X:-default}` references take their default; an `image:` also takes the value the project's
 * `.env` file (beside the compose file) gives, as compose does.
 */
import { ownerLabels } from './owner-labels.ts';
import { expandImage, expandVariables, expandWords } from './substitute.ts';
import { shellCommands } from './shell.ts';
import type { EnvVar, Word, Workload } from './types.ts';
import { entries, get, getPath, items, text, type YNode } from './yaml-tree.ts';

const NO_VARS: ReadonlyMap<string, string> = new Map();

function word(raw: string, line: number): Word {
  const { text: value, changed } = expandVariables(raw, NO_VARS);
  return changed ? { text: value, line, inferred: true } : { text: value, line };
}

/** A string or list value as commands: a list is one argv; a string is split like a shell would. */
function argv(node: YNode | undefined): Word[][] {
  if (node?.type === 'seq') {
    const words = node.items.flatMap((item) => {
      const t = text(item);
      return t === undefined ? [] : [word(t, item.line)];
    });
    return words.length > 0 ? [words] : [];
  }
  const t = text(node);
  if (t === undefined || node === undefined) return [];
  return expandWords(shellCommands(t, node.line), NO_VARS);
}

/** Entrypoint and command run as one argv (`entrypoint: python -m x` + `command: --model y`). */
function commandsOf(service: YNode): Word[][] {
  const entry = argv(get(service, 'entrypoint'));
  const command = argv(get(service, 'command'));
  if (entry.length === 1 && command.length > 0) return [[...(entry[0] as Word[]), ...(command[0] as Word[])], ...command.slice(1)];
  return [...entry, ...command];
}

function envOf(service: YNode): EnvVar[] {
  const env = get(service, 'environment');
  if (env?.type === 'map') {
    return env.entries.map((e) => {
      const value = text(e.value);
      if (value === undefined) return { name: e.key, line: e.line };
      const expanded = expandVariables(value, NO_VARS);
      return { name: e.key, line: e.line, value: expanded.text, ...(expanded.changed ? { inferred: true } : {}) };
    });
  }
  return items(env).flatMap((item) => {
    const t = text(item);
    if (t === undefined) return [];
    const eq = t.indexOf('=');
    if (eq === -1) return [{ name: t.trim(), line: item.line }];
    const expanded = expandVariables(t.slice(eq + 1), NO_VARS);
    return [{ name: t.slice(0, eq).trim(), line: item.line, value: expanded.text, ...(expanded.changed ? { inferred: true } : {}) }];
  });
}

const LOOPBACK = /^(?:127\.[\d.]+|localhost|::1|\[::1\])$/i;

/** A published port as written, and whether it listens beyond loopback. */
function portOf(item: YNode): { spec: string; exposed: boolean } | undefined {
  if (item.type === 'map') {
    const target = text(get(item, 'target'));
    if (target === undefined) return undefined;
    const ip = expandVariables(text(get(item, 'host_ip')) ?? '', NO_VARS).text;
    const published = text(get(item, 'published')) ?? '';
    const spec = ip !== '' ? `${ip}:${published}:${target}` : published !== '' ? `${published}:${target}` : target;
    return { spec, exposed: !LOOPBACK.test(ip) };
  }
  const raw = text(item);
  if (raw === undefined) return undefined;
  const spec = expandVariables(raw, NO_VARS).text;
  const bare = spec.replace(/\/\w+$/, '');
  let ip = '';
  if (bare.startsWith('[')) ip = bare.slice(0, bare.indexOf(']') + 1);
  else {
    const parts = bare.split(':');
    if (parts.length >= 3) ip = parts.slice(0, parts.length - 2).join(':');
  }
  return { spec, exposed: !LOOPBACK.test(ip) };
}

function volumesOf(service: YNode): string[] {
  return items(get(service, 'volumes')).flatMap((v) => {
    if (v.type === 'map') {
      const target = text(get(v, 'target'));
      return target === undefined ? [] : [[text(get(v, 'source')), target].filter((p) => p !== undefined).join(':')];
    }
    const t = text(v);
    return t === undefined ? [] : [t];
  });
}

function gpuOf(service: YNode, env: readonly EnvVar[]): boolean {
  const devices = items(getPath(service, 'deploy', 'resources', 'reservations', 'devices'));
  const nvidia = devices.some((d) => text(get(d, 'driver'))?.toLowerCase() === 'nvidia' || items(get(d, 'capabilities')).some((c) => text(c) === 'gpu'));
  return nvidia || text(get(service, 'runtime')) === 'nvidia' || get(service, 'gpus') !== undefined || env.some((e) => e.name === 'NVIDIA_VISIBLE_DEVICES');
}

/**
 * The variables of a compose project's `.env` file (`KEY=value` lines; `#` comments, `export `,
 * quotes stripped), which compose substitutes into the file. Used for `image:` only: commands and
 * environment values may hold secrets, and an image name is what says which server runs.
 */
export function dotEnvVars(text: string | undefined): ReadonlyMap<string, string> {
  const vars = new Map<string, string>();
  for (const raw of (text ?? '').split(/\r?\n/).slice(0, 2000)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (m === null) continue;
    let value = (m[2] ?? '').trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else {
      // An unquoted value ends at ` #` (a comment); found with indexOf, not a regex over runs of blanks.
      const hash = value.search(/[ \t]#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    vars.set(m[1] as string, value);
  }
  return vars;
}

function serviceWorkload(name: string, line: number, service: YNode, imageVars: ReadonlyMap<string, string>): Workload {
  const imageText = text(get(service, 'image'));
  const imageNode = get(service, 'image');
  const env = envOf(service);
  const ports = items(get(service, 'ports')).flatMap((p) => portOf(p) ?? []);
  const hostNetwork = text(get(service, 'network_mode')) === 'host';
  return {
    source: 'compose',
    name,
    line,
    ...(imageText === undefined || imageNode === undefined ? {} : { image: expandImage(imageText, imageNode.line, imageVars) }),
    commands: commandsOf(service),
    env,
    ports: ports.map((p) => p.spec),
    exposed: hostNetwork || ports.some((p) => p.exposed),
    gpu: gpuOf(service, env),
    volumes: volumesOf(service),
    extra: hostNetwork ? { networkMode: 'host' } : {},
    tags: ownerLabels(get(service, 'labels'), getPath(service, 'deploy', 'labels')),
  };
}

/** The services of a compose document (v2/v3 `services:`, or a legacy v1 top level). */
export function readComposeDocument(root: YNode, imageVars: ReadonlyMap<string, string> = NO_VARS): Workload[] {
  const services = get(root, 'services');
  // `services:` as a list is GitLab CI, not compose.
  if (services !== undefined && services.type !== 'map') return [];
  const table = services ?? root;
  return entries(table).flatMap((e) => {
    if (e.value.type !== 'map') return [];
    if (services === undefined && get(e.value, 'image') === undefined && get(e.value, 'build') === undefined) return [];
    return [serviceWorkload(e.key, e.line, e.value, imageVars)];
  });
}
