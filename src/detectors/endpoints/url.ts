/**
 * Reads the URL around a host found in text, by scanning characters outward from the match (no
 * regex that could backtrack): placeholders such as `{resource}`, `${NAME}` and `<name>` are kept
 * as host labels, a userinfo part (`user:pass@`) is skipped and never returned, the path stops at
 * a quote, whitespace, `?` or `#` (so query strings, which may hold keys, are never kept).
 */
import { LOOPBACK_HOSTS, PLACEHOLDER_LABEL } from './catalog.ts';

export interface FoundUrl {
  /** Offset where the URL (scheme, else host) starts. */
  readonly start: number;
  /** Offset just past the URL. */
  readonly end: number;
  readonly scheme?: string;
  /** Host as written (placeholders included). */
  readonly host: string;
  /** Lower-cased host, placeholder labels as `*`, loopback as `localhost`. */
  readonly normalized: string;
  readonly placeholder: boolean;
  readonly port?: string;
  /** Path as written, without query or fragment; '' when none. */
  readonly path: string;
}

const MAX_HOST = 253;
const MAX_PATH = 200;
const HOST_CHAR = /[A-Za-z0-9._-]/;
const PATH_STOP = new Set([' ', '\t', '\r', '\n', '"', "'", '`', '?', '#', '\\', '<', '>', '|', '^', ',', ';', ')', ']']);

/** Offset where a host ending at `end` starts: host characters and bracketed placeholders. */
function hostStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_HOST) {
    const c = text[i - 1] as string;
    if (HOST_CHAR.test(c)) i--;
    else if (c === '}' || c === '>') {
      const from = Math.max(0, i - 80);
      const found = text.slice(from, i - 1).lastIndexOf(c === '}' ? '{' : '<');
      const open = found === -1 ? -1 : from + found;
      if (open === -1 || /[\s"'`]/.test(text.slice(open, i))) break;
      i = open > 0 && text[open - 1] === '$' ? open - 1 : open;
    } else break;
  }
  return i;
}

function hostEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < MAX_HOST && HOST_CHAR.test(text[i] as string)) i++;
  return i;
}

/** Scheme (and skipped userinfo) before a host starting at `hostAt`. */
function schemeBefore(text: string, hostAt: number): { start: number; scheme?: string } {
  let at = hostAt;
  if (text[at - 1] === '@') {
    const from = Math.max(0, at - 200);
    const found = text.slice(from, at - 1).lastIndexOf('://');
    const slashes = found === -1 ? -1 : from + found;
    if (slashes === -1 || /[\s"'`/]/.test(text.slice(slashes + 3, at - 1))) return { start: hostAt };
    at = slashes + 3;
  }
  if (text.slice(at - 3, at) !== '://') return { start: hostAt };
  let s = at - 3;
  while (s > 0 && at - 3 - s < 10 && /[a-z+]/i.test(text[s - 1] as string)) s--;
  return s === at - 3 ? { start: hostAt } : { start: s, scheme: text.slice(s, at - 3).toLowerCase() };
}

/**
 * A host's labels, split at the dots outside placeholders: `${config.resource}` and the f-string
 * `{settings.name}` stand for one label, whatever expression they hold.
 */
function hostLabels(host: string): string[] {
  const labels: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host[i];
    if (c === '{' || c === '<') depth++;
    else if ((c === '}' || c === '>') && depth > 0) depth--;
    else if (c === '.' && depth === 0) {
      labels.push(host.slice(from, i));
      from = i + 1;
    }
  }
  labels.push(host.slice(from));
  return labels;
}

/** Lower-cases a host, turning placeholder labels into `*` and loopback names into `localhost`. */
export function normalizeHost(host: string): { normalized: string; placeholder: boolean } {
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (LOOPBACK_HOSTS.includes(lower)) return { normalized: 'localhost', placeholder: false };
  let placeholder = false;
  const labels = hostLabels(lower).map((label, i) => {
    if ((label === '' && i === 0) || PLACEHOLDER_LABEL.test(label) || /[{}<>$_]/.test(label)) {
      placeholder = true;
      return '*';
    }
    return label;
  });
  return { normalized: labels.join('.'), placeholder };
}

/** The URL whose host contains the text between `from` and `to`; undefined when no host is there. */
export function urlAround(text: string, from: number, to: number): FoundUrl | undefined {
  const hostAt = hostStart(text, from);
  const hostTo = hostEnd(text, to);
  const host = text.slice(hostAt, hostTo);
  // A bare number (`"11434:11434"` in a compose port mapping) is no host; `privatelink.*` names an
  // Azure private DNS zone, not a resource.
  if (host === '' || host.length > MAX_HOST || /^[0-9]+$/.test(host) || /^privatelink\./i.test(host)) return undefined;
  const { start, scheme } = schemeBefore(text, hostAt);
  let i = hostTo;
  let port: string | undefined;
  const portMatch = /^:(\d{1,5})(?!\d)/.exec(text.slice(i, i + 7));
  if (portMatch) {
    port = portMatch[1];
    i += portMatch[0].length;
  }
  const pathAt = i;
  if (text[i] === '/') while (i < text.length && i - pathAt < MAX_PATH && !PATH_STOP.has(text[i] as string)) i++;
  return { start, end: i, ...(scheme === undefined ? {} : { scheme }), host, ...normalizeHost(host), ...(port === undefined ? {} : { port }), path: text.slice(pathAt, i) };
}

/** The URL as stored: scheme, host as written, non-default port and path; never userinfo or query. */
export function cleanUrl(u: FoundUrl): string {
  const port = u.port === undefined || u.port === '443' || u.port === '80' ? '' : `:${u.port}`;
  return `${u.scheme === undefined ? '' : `${u.scheme}://`}${u.host}${port}${u.path}`;
}
