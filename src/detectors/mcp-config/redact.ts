/**
 * Makes a server's command line and URL safe to store. Config files routinely put tokens in
 * arguments (`--api-key X`, `-e TOKEN=X`, `--header "Authorization: Bearer X"`, `NAME=X`) and URLs
 * (`https://user:pass@host`, `?api_key=X`, random path segments): values go, names stay (and are
 * collected as env/header names). Anything still key-shaped is caught by `redactSnippet`.
 */
import { redactSnippet } from '../../model/index.ts';
import { KEY_WORDS } from '../secrets/catalog.ts';
import { cleanUrl } from '../shared/mcp-launch.ts';

export const REDACTED = '[redacted]';

/** Flag names whose value is a secret (`--api-key`, `--github-token`, `--client-secret`, ...). */
const SECRET_FLAG = /(?:^|[-_])(?:api[-_]?key|apikey|key|token|secret|password|passwd|pwd|auth|authorization|credentials?|bearer|cookie|pat)(?:$|[-_])/i;
const HEADER_FLAGS = ['-H', '--header', '--headers'];
const ENV_FLAGS: Readonly<Record<string, readonly string[]>> = { docker: ['-e', '--env'], podman: ['-e', '--env'] };
const ENV_ASSIGN = /^([A-Z_][A-Z0-9_]*)=(.*)$/s;
const HEADER = /^\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*:\s*(.*)$/s;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const BEARER = /\b(Bearer|Basic|Token)\s+\S+/gi;

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

const QUOTED_OR_WORD = String.raw`("[^"]*"|'[^']*'|[^\s)"']+)`;
const TEXT_ASSIGN = new RegExp(String.raw`\b([A-Za-z_][A-Za-z0-9_]*)=${QUOTED_OR_WORD}`, 'g');
const TEXT_FLAG = new RegExp(String.raw`(^|\s)(--?[A-Za-z][\w-]*)(=|\s+)${QUOTED_OR_WORD}`, 'g');
const TEXT_HEADER = /((?:^|\s)(?:-H|--header)(?:=|\s+)["']?[A-Za-z0-9_-]+\s*:\s*)([^"')]+)/g;

/**
 * A command line written as one string (a Claude Code `Bash(...)` permission rule) made safe to
 * store: secret-named `NAME=value` and `--secret-flag value`, header values and `Bearer` tokens go
 * the way `redactArgs` sends them, then anything key-shaped.
 */
export function redactCommandText(text: string): string {
  const unquote = (v: string): string => v.replace(/^(["'])(.*)\1$/s, '$2');
  return redactSnippet(
    text
      .replace(TEXT_HEADER, `$1${REDACTED}`)
      .replace(BEARER, `$1 ${REDACTED}`)
      .replace(TEXT_FLAG, (all, lead: string, flag: string, sep: string) => (SECRET_FLAG.test(flag.replace(/^-+/, '')) ? `${lead}${flag}${sep}${REDACTED}` : all))
      .replace(TEXT_ASSIGN, (_all, name: string, value: string) => envAssignment(name, unquote(value))),
  );
}

/** Tools whose rule argument is a shell command line (Claude Code `Bash(...)`, Gemini CLI `run_shell_command(...)`). */
const SHELL_RULE = /^(Bash|run_shell_command|ShellTool|shell)\((.*)\)$/s;

/**
 * A permission rule as stored (`Bash(npm test)`, `run_shell_command(git)`, `mcp__github`): a shell
 * rule keeps its tool and the command's first word only (`Bash(curl …)`), since approved command
 * lines carry passwords and tokens in every form a CLI accepts (`-pSecret`, `-u user:pw`); a
 * wildcard-only argument (`Bash(*)`) stays as written, other rules go through `redactCommandText`.
 * Decisions that need the whole rule (unrestricted or scoped) are made on the rule as written.
 */
export function permissionRule(rule: string): string {
  const m = SHELL_RULE.exec(rule.trim());
  if (m === null) return redactCommandText(rule);
  const [, tool, arg = ''] = m;
  const words = arg.trim().split(/\s+/);
  if (/^[*:\s]*$/.test(arg)) return `${tool}(${arg})`;
  const first = (words[0] ?? '').replace(/^([A-Za-z_][A-Za-z0-9_]*)=.*$/s, `$1=${REDACTED}`);
  return redactSnippet(`${tool}(${first}${words.length > 1 ? ' …' : ''})`);
}

