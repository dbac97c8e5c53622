/**
 * Makes a server's command line and URL safe to store. Config files routinely put tokens in
 * arguments (`--api-key X`, `-e TOKEN=X`, `--header "Authorization: Bearer X"`, `NAME=X`) and URLs
 * (`https://user:pass@host`, `?api_key=X`, random path segments): values go, names stay (and are
 * collected as env/header names). Anything still key-shaped is caught by `redactSnippet`.
 */
import { redactSnippet } from '../../model/index.ts';
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
    if (envFlags.includes(prev)) {
      const m = ENV_ASSIGN.exec(arg) ?? /^([A-Za-z_][A-Za-z0-9_]*)$/.exec(arg);
      if (m?.[1] !== undefined) envNames.push(m[1]);
      return m?.[2] === undefined ? arg : `${m[1]}=${REDACTED}`;
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
      return `${env[1]}=${REDACTED}`;
    }
    return safeValue(arg);
  });
  return { args: out, envNames, headerNames };
}
