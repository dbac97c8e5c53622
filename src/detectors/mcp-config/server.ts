/**
 * One server entry, whatever client wrote it: the fields every format uses for the same fact
 * (`command` string | array | `{path, args}`, `cmd`; `env` | `environment` | `envs`; `url` |
 * `httpUrl` | `serverUrl` | `uri`; `headers` | `http_headers`; `disabled` | `enabled: false`)
 * are read into one `RawServer`. Env and header VALUES are never read: only their names.
 */
import { GOOSE_INTERNAL_TYPES, TRANSPORT_ALIASES } from './catalog.ts';
import { asObject, at, bool, firstStr, get, keysOf, str, strings, type CValue } from './tree.ts';

export interface RawServer {
  readonly name?: string;
  readonly line?: number;
  /** Fragment quoted as evidence: the entry's key as written, never its values. */
  readonly snippet: string;
  readonly command?: string;
  readonly args?: readonly string[];
  readonly url?: string;
  readonly transport?: string;
  readonly envNames: readonly string[];
  readonly headerNames: readonly string[];
  readonly disabled?: boolean;
  readonly autoApprove?: readonly string[];
  readonly trusted?: boolean;
  /** Claude Code project the entry belongs to (`projects.<path>.mcpServers`). */
  readonly project?: string;
  /** Zed servers provided by an installed extension (no command in the file). */
  readonly viaExtension?: boolean;
}

function commandParts(v: CValue): { command?: string; args?: string[]; env?: CValue } {
  const cmd = get(v, 'command') ?? get(v, 'cmd');
  if (cmd?.t === 'arr') {
    const [command, ...args] = strings(cmd) ?? [];
    return command === undefined ? {} : { command, args: [...args, ...(strings(get(v, 'args')) ?? [])] };
  }
  if (cmd?.t === 'obj') {
    const path = firstStr(cmd, ['path', 'command']);
    return path === undefined ? {} : { command: path, args: strings(get(cmd, 'args')) ?? [], env: get(cmd, 'env') };
  }
  const command = str(cmd);
  const args = strings(get(v, 'args'));
  return command === undefined ? {} : { command, ...(args === undefined ? {} : { args }) };
}

/** How a client reads entries: Zed's extension-provided servers; the transport a bare `url` means. */
export interface ReadOptions {
  readonly zed?: boolean;
  readonly urlTransport?: string;
}

function transportOf(v: CValue, url: { key: string; value: string } | undefined, command: string | undefined, options: ReadOptions): string | undefined {
  const raw = firstStr(v, ['type', 'transport']) ?? str(get(get(v, 'transport'), 'type'));
  const known = raw === undefined ? undefined : TRANSPORT_ALIASES[raw.toLowerCase().replace(/\s+/g, '')];
  if (known !== undefined) return known;
  if (command !== undefined) return 'stdio';
  if (url === undefined) return undefined;
  if (url.key === 'httpUrl') return 'streamable-http';
  if (url.key === 'url' && options.urlTransport !== undefined) return options.urlTransport;
  return /\/sse\/?$/i.test(url.value) ? 'sse' : 'streamable-http';
}

const URL_KEYS = ['url', 'httpUrl', 'serverUrl', 'uri'];

function urlOf(v: CValue): { key: string; value: string } | undefined {
  for (const key of URL_KEYS) {
    const value = str(get(v, key)) ?? str(get(get(v, 'transport'), key));
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

function names(v: CValue, objectKeys: readonly string[], listKeys: readonly string[]): string[] {
  const out = objectKeys.flatMap((k) => keysOf(get(v, k)));
  for (const k of listKeys) out.push(...(strings(get(v, k)) ?? []));
  return out;
}

/** Where an entry sits: its name (map key or `name` field), line, quoted fragment, project. */
export interface EntryPlace {
  readonly name?: string;
  readonly line?: number;
  readonly snippet: string;
  readonly project?: string;
}

/**
 * Reads one server object; undefined when it names nothing to run or reach (unknown shapes are
 * ignored quietly). With `zed`, an entry with only `settings` / `source: "extension"` is a server
 * an installed Zed extension provides.
 */
export function readServer(v: CValue, where: EntryPlace, options: ReadOptions = {}): RawServer | undefined {
  if (asObject(v) === undefined) return undefined;
  // Continue's older JSON nests the launch under `transport: {type, command, args, env}`.
  const nested = asObject(get(v, 'transport'));
  const top = commandParts(v);
  const { command, args, env } = top.command === undefined && nested !== undefined ? { ...commandParts(nested), env: get(nested, 'env') } : top;
  const url = urlOf(v);
  const type = (firstStr(v, ['type']) ?? '').toLowerCase();
  if (GOOSE_INTERNAL_TYPES.includes(type)) return undefined;
  const viaExtension = options.zed === true && command === undefined && url === undefined && (str(get(v, 'source')) === 'extension' || get(v, 'settings') !== undefined);
  if (command === undefined && url === undefined && !viaExtension) return undefined;
  const envNames = [...names(v, ['env', 'environment', 'envs'], ['env_keys', 'env_vars']), ...keysOf(env)];
  const bearerEnv = firstStr(v, ['bearer_token_env_var']);
  if (bearerEnv !== undefined) envNames.push(bearerEnv);
  const headerNames = names(v, ['headers', 'http_headers', 'env_http_headers'], []);
  headerNames.push(...keysOf(at(v, 'requestOptions', 'headers')), ...keysOf(at(v, 'transport', 'headers')));
  if (bearerEnv !== undefined) headerNames.push('Authorization');
  const enabled = bool(get(v, 'enabled'));
  const disabled = bool(get(v, 'disabled')) === true || enabled === false;
  const autoApprove = [...(strings(get(v, 'autoApprove')) ?? []), ...(strings(get(v, 'alwaysAllow')) ?? [])];
  const transport = viaExtension ? undefined : transportOf(v, url, command, options);
  return {
    ...where,
    ...(command === undefined ? {} : { command }),
    ...(args === undefined ? {} : { args }),
    ...(url === undefined ? {} : { url: url.value }),
    ...(transport === undefined ? {} : { transport }),
    envNames,
    headerNames,
    ...(disabled ? { disabled } : {}),
    ...(autoApprove.length > 0 ? { autoApprove } : {}),
    ...(bool(get(v, 'trust')) === true ? { trusted: true } : {}),
    ...(viaExtension ? { viaExtension } : {}),
  };
}
