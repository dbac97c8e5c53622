/**
 * Makes an MCP server's command line and URL safe to store, for configured servers (mcp-config) and
 * servers code connects to (`mcp-client.ts`) alike. Config files and code routinely put tokens in
 * arguments (`--api-key X`, `-e TOKEN=X`, `--header "Authorization: Bearer X"`, `NAME=X`) and URLs
 * (`https://user:pass@host`, `?api_key=X`, random path segments): values go, names stay (and are
 * collected as env/header names). Anything still key-shaped is caught by `redactSnippet`.
 */
import { redactSnippet, type Attributes } from '../../model/index.ts';
import { KEY_WORDS } from '../secrets/catalog.ts';
import { cleanUrl, launchedPackage, storedArgs, type LaunchedPackage } from './mcp-launch.ts';

/** What a secret value becomes. */
export const REDACTED = '[redacted]';
/** What the code detectors write for an argument read at run time: no literal, so nothing to hide. */
export const DYNAMIC = '<expr>';

/** Flag names whose value is a secret (`--api-key`, `--github-token`, `--client-secret`, ...). */
export const SECRET_FLAG = /(?:^|[-_])(?:api[-_]?key|apikey|key|token|secret|password|passwd|pwd|auth|authorization|credentials?|bearer|cookie|pat)(?:$|[-_])/i;
const HEADER_FLAGS = ['-H', '--header', '--headers'];
const ENV_FLAGS: Readonly<Record<string, readonly string[]>> = { docker: ['-e', '--env'], podman: ['-e', '--env'] };
const ENV_ASSIGN = /^([A-Z_][A-Z0-9_]*)=(.*)$/s;
const HEADER = /^\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*:\s*(.*)$/s;
/** A URL with a scheme (`https://`, `ws://`). */
export const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** An authorization scheme and its credential (`Bearer abc`); the credential is what goes. */
export const BEARER = /\b(Bearer|Basic|Token)\s+\S+/gi;

/** Env names that carry secrets beyond the flag words: passwords, sessions, signatures, connection strings. */
const SECRET_ENV =
  /(?:^|_)(?:PASS|PASSPHRASE|PW|PWD|PRIVATE|SESSION|COOKIE|SIGNING|SIGNATURE|JWT|CRED|CREDS|DSN|CONN(?:ECTION)?_?STR(?:ING)?|DATABASE_URL|PAT)(?:$|_)/i;
/** Characters of a URL kept as written once cleaned: hosts, paths, ports. */
const PLAIN_VALUE = /^[\w.,:/@+=~ -]{0,100}$/;
/**
 * A value kept as written: a setting, never a password. Booleans, numbers, and words of one case with
 * no digits (`repos,issues`, `debug`, `INFO`, `read-only`), at most 40 characters. Anything with
 * mixed case or digits beside letters (`Passw0rd`, `hunter22`, `eyJhbGciOi`, `8f3a2b1c`) is
 * redacted: a short password cannot be told from a setting by its shape, so only the obvious
 * settings are kept.
 */
const SETTING_VALUE = /^(?:true|false|yes|no|on|off|\d{1,9}(?:\.\d{1,9})?|[a-z]+(?:[-_.,:/ ]+[a-z]+)*|[A-Z]+(?:[-_,]+[A-Z]+)*)$/;

/** True when an env var of this name holds a secret (`GITHUB_TOKEN`, `DB_PASS`), not a setting (`GITHUB_TOOLSETS`). */
export function secretEnvName(name: string): boolean {
  return SECRET_FLAG.test(name) || KEY_WORDS.test(name) || SECRET_ENV.test(name);
}

/** True when a value is one of the obvious settings kept as written ({@link SETTING_VALUE}), and does not talk of secrets. */
function settingValue(value: string): boolean {
  return value.length <= 40 && SETTING_VALUE.test(value) && !KEY_WORDS.test(value);
}

/**
 * `NAME=value` as stored: the value only when it is harmless (the name is no secret's and the value
 * is a plain setting, `GITHUB_TOOLSETS=repos`, or a URL without credentials); a key-shaped value
 * keeps its prefix (`GH=ghp_…[redacted]`, so the secret-in-args check still sees a secret); anything
 * else is redacted.
 */
export function envAssignment(name: string, value: string): string {
  if (secretEnvName(name)) return `${name}=${REDACTED}`;
  // A URL loses user info, query and token-like segments (as a server's `url` does).
  if (URL_LIKE.test(value)) {
    const url = safeUrl(value);
    return PLAIN_VALUE.test(url) && !KEY_WORDS.test(url) ? `${name}=${url}` : `${name}=${REDACTED}`;
  }
  // Only a key redactSnippet recognised keeps its prefix; its other changes (a cut long value) are no proof of safety.
  const shaped = redactSnippet(value);
  if (shaped.includes(REDACTED)) return `${name}=${shaped}`;
  return settingValue(value) ? `${name}=${value}` : `${name}=${REDACTED}`;
}

/** A path segment that looks like a token (long, letters and digits, not a readable slug). */
function tokenLike(segment: string): boolean {
  return segment.length >= 20 && /^[A-Za-z0-9_~.-]+$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment) && !/^[a-z]+(?:[-_.][a-z0-9]+)*$/.test(segment);
}

/** A URL without user info, query, fragment or token-like path segments. */
export function safeUrl(url: string): string {
  const clean = cleanUrl(url);
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/is.exec(clean);
  if (m?.[2] === undefined) return redactSnippet(clean);
  const path = m[2].split('/').map((s) => (tokenLike(s) ? REDACTED : s)).join('/');
  return redactSnippet(`${m[1]}${path}`);
}

function safeValue(value: string): string {
  return URL_LIKE.test(value) ? safeUrl(value) : redactSnippet(value.replace(BEARER, `$1 ${REDACTED}`));
}

/** What a command line tells beyond its args: env and header names it passes. */
export interface ArgFacts {
  readonly args: string[];
  readonly envNames: string[];
  readonly headerNames: string[];
}

/** Redacts secret values in args and collects the env/header names they carry. */
export function redactArgs(command: string, args: readonly string[]): ArgFacts {
  const base = command.split(/[\\/]/).pop()?.replace(/\.(?:exe|cmd|bat)$/i, '') ?? command;
  const envFlags = ENV_FLAGS[base] ?? [];
  const envNames: string[] = [];
  const headerNames: string[] = [];
  const out = args.map((arg, i) => {
    if (arg === DYNAMIC) return arg;
    const prev = i > 0 ? (args[i - 1] as string) : '';
    const inlineEnv = envFlags.length > 0 ? /^(--env|-e)=(.*)$/s.exec(arg) : null;
    if (envFlags.includes(prev) || inlineEnv !== null) {
      const value = inlineEnv?.[2] ?? arg;
      const m = ENV_ASSIGN.exec(value) ?? /^([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
      if (m?.[1] !== undefined) envNames.push(m[1]);
      const stored = m?.[1] === undefined ? REDACTED : m[2] === undefined ? value : envAssignment(m[1], m[2]);
      return inlineEnv === null ? stored : `${inlineEnv[1]}=${stored}`;
    }
    if (HEADER_FLAGS.includes(prev)) {
      const h = HEADER.exec(arg);
      if (h?.[1] !== undefined) headerNames.push(h[1]);
      return h?.[1] === undefined ? REDACTED : `${h[1]}: ${REDACTED}`;
    }
    if (prev.startsWith('-') && !prev.includes('=') && SECRET_FLAG.test(prev.replace(/^-+/, '')) && !arg.startsWith('-')) return REDACTED;
    const flag = /^(-{1,2}[A-Za-z0-9][\w.-]*)=(.*)$/s.exec(arg);
    if (flag?.[1] !== undefined) {
      if (HEADER_FLAGS.includes(flag[1])) {
        const h = HEADER.exec(flag[2] ?? '');
        if (h?.[1] !== undefined) headerNames.push(h[1]);
        return `${flag[1]}=${h?.[1] === undefined ? REDACTED : `${h[1]}: ${REDACTED}`}`;
      }
      return SECRET_FLAG.test(flag[1].replace(/^-+/, '')) ? `${flag[1]}=${REDACTED}` : `${flag[1]}=${safeValue(flag[2] ?? '')}`;
    }
    const env = ENV_ASSIGN.exec(arg);
    if (env?.[1] !== undefined) {
      envNames.push(env[1]);
      return envAssignment(env[1], env[2] ?? '');
    }
    return safeValue(arg);
  });
  return { args: out, envNames, headerNames };
}

/** What a server's launch looks like once safe to store. */
export interface StoredLaunch {
  /** The command, key-shaped parts redacted. */
  readonly command?: string | undefined;
  /** Args as `storedArgs` gives them, redacted by `redactArgs`; undefined when none were given. */
  readonly args?: string[] | undefined;
  /** The URL as `safeUrl` gives it. */
  readonly url?: string | undefined;
  /** Env names given beside the command line and those it passes itself (docker `-e`, `NAME=value`), sorted. */
  readonly envNames: string[];
  /** Header names given beside the command line and those its `--header` flags pass, sorted. */
  readonly headerNames: string[];
  /** The package the command line launches, read from the redacted args (a secret can sit where a package would). */
  readonly pkg?: LaunchedPackage | undefined;
  /** Each value as written that is stored otherwise (command, an arg, the URL) → its stored form. */
  readonly hidden: ReadonlyMap<string, string>;
}

/** What is known of a server's launch, as a config file or code writes it. */
export interface LaunchInput {
  readonly command?: string | undefined;
  readonly args?: readonly string[] | undefined;
  readonly url?: string | undefined;
  readonly envNames?: readonly string[] | undefined;
  readonly headerNames?: readonly string[] | undefined;
}

const sortedUnique = (list: readonly string[]): string[] => [...new Set(list)].sort();

/**
 * A command as stored: key-shaped parts redacted, and a whole command line written as the command
 * (`"npx -y pkg --api-key abc"`) redacted as its args would be, spaces kept as written.
 */
function storedCommand(command: string): { command: string } & Omit<ArgFacts, 'args'> {
  const words = command.trim().split(/(\s+)/);
  const [first, ...rest] = words;
  if (first === undefined || rest.length === 0) return { command: redactSnippet(command), envNames: [], headerNames: [] };
  const args = rest.filter((_, i) => i % 2 === 1);
  const facts = redactArgs(first, args);
  const line = [first, ...rest.map((w, i) => (i % 2 === 1 ? (facts.args[(i - 1) / 2] ?? w) : w))].join('');
  return { command: redactSnippet(line), envNames: facts.envNames, headerNames: facts.headerNames };
}

/** A server's command, args, URL and env/header names made safe to store, the launched package read from them. */
export function storedLaunch(server: LaunchInput): StoredLaunch {
  const { command } = server;
  const facts = redactArgs(command ?? '', command === undefined ? [] : storedArgs(command, server.args ?? []));
  const launched = command === undefined ? undefined : launchedPackage(command, facts.args);
  const line = command === undefined ? undefined : storedCommand(command);
  const stored = {
    command: line?.command,
    url: server.url === undefined ? undefined : safeUrl(server.url),
  };
  const hidden = new Map<string, string>();
  const hide = (raw: string | undefined, kept: string | undefined): void => {
    if (raw !== undefined && kept !== undefined && raw !== kept && raw.trim() !== '') hidden.set(raw, kept);
  };
  hide(command, stored.command);
  hide(server.url, stored.url);
  if (command !== undefined) (server.args ?? []).forEach((raw, i) => hide(raw, facts.args[i]));
  return {
    ...stored,
    args: server.args === undefined ? undefined : facts.args,
    hidden,
    envNames: sortedUnique([...(server.envNames ?? []), ...facts.envNames, ...(line?.envNames ?? [])]),
    headerNames: sortedUnique([...(server.headerNames ?? []), ...facts.headerNames, ...(line?.headerNames ?? [])]),
    pkg: launched !== undefined && /^[^\s[\]]+$/.test(launched.name) ? launched : undefined,
  };
}

/** Most values a quoted line is cleaned of; a launch that hid more quotes no line. */
const MAX_HIDDEN = 64;
/** Characters of a quoted line looked at: a stored snippet keeps 200 of them (`redactSnippet`). */
const MAX_LINE = 1000;

/** Length of the pieces of a hidden value looked for once the line is cleaned. */
const PIECE = 6;
/** Most pieces looked for; values holding more quote no line. */
const MAX_PIECES = 200_000;

/**
 * The pieces (every run of `PIECE` characters) of the hidden values that their stored forms do not
 * show: what a line must not hold once cleaned. Undefined when there are too many to look for.
 */
function hiddenPieces(hidden: ReadonlyMap<string, string>): ReadonlySet<string> | undefined {
  const pieces = new Set<string>();
  for (const [raw, kept] of hidden) {
    if (raw.length + kept.length > MAX_PIECES) return undefined;
    const shown = new Set<string>();
    for (let i = 0; i + PIECE <= kept.length; i++) shown.add(kept.slice(i, i + PIECE));
    for (let i = 0; i + PIECE <= raw.length; i++) {
      const piece = raw.slice(i, i + PIECE);
      if (!shown.has(piece)) pieces.add(piece);
    }
    if (pieces.size > MAX_PIECES) return undefined;
  }
  return pieces;
}

/**
 * A source line that writes a launch (a client connection in code) with each value the launch
 * hid replaced by its stored form, before the line is cut and stored as a snippet: the snippet
 * must not show what the attributes hide (`--api-key [redacted]`, never the value). Longer values
 * first, so a value holding another is replaced whole. Undefined (no snippet) when there are too
 * many values to look for, or when a piece of a hidden value is still on the cleaned line: a value
 * the line spells otherwise (concatenated, `'Bearer ' + 'abc…'`; escaped, `'it\'s…'`; a URL built
 * from a path and a base) is not found whole, and its parts must not be quoted either.
 */
export function hideLaunchValues(line: string, hidden: ReadonlyMap<string, string>, pieces = hiddenPieces(hidden)): string | undefined {
  if (hidden.size > MAX_HIDDEN || pieces === undefined) return undefined;
  let out = line.trimStart().slice(0, MAX_LINE);
  for (const [raw, kept] of [...hidden].sort(([a], [b]) => b.length - a.length)) out = out.split(raw).join(kept);
  for (let i = 0; i + PIECE <= out.length; i++) if (pieces.has(out.slice(i, i + PIECE))) return undefined;
  return out;
}

/**
 * What the lines of one file that write launches may quote: every value any of the file's
 * launches hid is hidden on every line (two connections written on one line each hide the
 * other's secret too), each distinct line worked out once.
 */
export class LaunchQuoter {
  private readonly hidden = new Map<string, string>();
  private readonly done = new Map<string, string | undefined>();
  /** `hiddenPieces` of `hidden`, worked out once per change (null: not yet). */
  private pieces: ReadonlySet<string> | undefined | null = null;

  /** Adds the values one launch hid (stops once there are too many to look for: then nothing is quoted). */
  add(more: ReadonlyMap<string, string>): void {
    for (const [raw, kept] of more) {
      if (this.hidden.size > MAX_HIDDEN) return;
      this.hidden.set(raw, kept);
    }
    this.done.clear();
    this.pieces = null;
  }

  /** The line as it may be quoted, or undefined to quote nothing. */
  readonly quote = (line: string): string | undefined => {
    const text = line.trimStart().slice(0, MAX_LINE);
    if (this.pieces === null) this.pieces = hiddenPieces(this.hidden);
    if (!this.done.has(text)) this.done.set(text, hideLaunchValues(text, this.hidden, this.pieces));
    return this.done.get(text);
  };
}

/** The attributes a stored launch gives an `mcp-server` asset: `command`, `args`, `url`, `package*`, `envNames`, `headerNames`. */
export function launchAttributes(launch: StoredLaunch): Attributes {
  const attributes: Attributes = {};
  if (launch.command !== undefined) attributes.command = launch.command;
  if (launch.args !== undefined) attributes.args = launch.args;
  if (launch.url !== undefined) attributes.url = launch.url;
  if (launch.pkg !== undefined) {
    attributes.package = redactSnippet(launch.pkg.name);
    attributes.packageEcosystem = launch.pkg.ecosystem;
    if (launch.pkg.version !== undefined) attributes.packageVersions = [redactSnippet(launch.pkg.version)];
  }
  if (launch.envNames.length > 0) attributes.envNames = launch.envNames;
  if (launch.headerNames.length > 0) attributes.headerNames = launch.headerNames;
  return attributes;
}
