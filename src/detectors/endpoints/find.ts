/**
 * Finds AI endpoint URLs in one text. Candidates come from one regex of the catalog's host
 * suffixes (plus the base-URL variable names); each is expanded to its whole URL (`url.ts`),
 * matched whole against the catalog rows, and kept only in a value position:
 *  - code: the URL starts a string literal (`"https://api.openai.com/v1"`,
 *    `` `https://${name}.openai.azure.com` ``) and has a scheme or a port (a bare `"api.openai.com"`
 *    in code is more often a domain list than a call); a URL inside prose in a string, or in a
 *    comment, is documentation, not configuration;
 *  - env/config files, shell scripts, Dockerfiles: also a bare value after `=`, `:` or a YAML `- `.
 * Lines that start as comments (`#`, `//`, `/*`, `*`, `;`, `--`) are skipped everywhere.
 */
import { isNobodysHost } from '../../model/hosts.ts';
import { assignedName, lastSegment } from '../secrets/assignment.ts';
import { compileLiteralGate } from '../shared/literal-gate.ts';
import { literalsOf } from '../shared/regex-literals.ts';
import type { FileKind } from '../secrets/files.ts';
import { Lines } from '../secrets/lines.ts';
import { ENDPOINT_ENV_NAMES, ENDPOINT_HOSTS, type EndpointEnvName, type EndpointHost } from './catalog.ts';
import { normalizeHost, urlAround, type FoundUrl } from './url.ts';

export interface EndpointHit {
  readonly url: FoundUrl;
  /** The catalog row, or undefined for an unknown host named by a base-URL variable. */
  readonly row?: EndpointHost;
  readonly env?: EndpointEnvName;
  readonly line: number;
  readonly column: number;
  readonly envName?: string;
}

/** Endpoint hits kept per text. */
export const MAX_ENDPOINT_HITS = 500;
/** Candidates examined per text. */
export const MAX_ENDPOINT_CANDIDATES = 20_000;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const envPattern = (name: string): string => name.split('_').map(escape).join('[-_.]');
const SUFFIXES = [...new Set(ENDPOINT_HOSTS.map((h) => h.suffix))];
// Hosts are matched as written in lower case (how URLs are written in code and config): a
// case-insensitive alternation costs several times more on every file read.
const ANCHOR = new RegExp(`(?:${SUFFIXES.map(escape).join('|')})(?![A-Za-z0-9-])`, 'g');
/** A base-URL variable assigned a value, tried at one start (`lastIndex`): the value starts where the match ends. */
const ENV_ANCHOR = new RegExp(`(?<![A-Za-z0-9_])(?:${ENDPOINT_ENV_NAMES.map((e) => envPattern(e.name)).join('|')})(?![A-Za-z0-9_])["'\\]]{0,3}\\s*(?::=|[:=])\\s*["'\`]?`, 'iy');
// Searching the text with ENV_ANCHOR itself costs a case-insensitive alternation at every letter
// (most of the endpoints pass on recorded HTTP cassettes full of base64). Every name has a separator
// after its first word, followed by the start of its second word: those separators are the
// candidates (a separator is rare in base64), the first word is checked behind it, and ENV_ANCHOR
// is tried only where that word starts.
const FIRST_WORDS = [...new Set(ENDPOINT_ENV_NAMES.map((e) => e.name.slice(0, e.name.indexOf('_'))))];
const SECOND_WORDS = [...new Set(ENDPOINT_ENV_NAMES.map((e) => e.name.split('_')[1] as string))];
const ENV_SEPARATOR = new RegExp(`(?<=(?<![A-Za-z0-9_])(${FIRST_WORDS.map(escape).join('|')}))[-_.](?=${SECOND_WORDS.map(escape).join('|')})`, 'gi');
if (ENDPOINT_ENV_NAMES.some((e) => !/^[A-Z0-9]+_/.test(e.name))) throw new Error('endpoints catalog: every base-URL variable needs a first word and a `_`');
const PRECHECK = new RegExp([...SUFFIXES.map(escape), ...ENDPOINT_ENV_NAMES.flatMap((e) => [envPattern(e.name), envPattern(e.name.toLowerCase())])].join('|'));
/** The detector's gate (`Detector.literals`): exactly the strings PRECHECK matches. */
export const ENDPOINT_LITERALS: readonly string[] = literalsOf(PRECHECK);
/**
 * PRECHECK's answer in one pass over the text: V8 tries each of its ~90 alternatives at most
 * positions, 6–8 ns a byte on large YAML (Kubernetes install bundles), where the literal gate looks
 * at each character once (about 2× faster, and it matters on every config file a model-id stem
 * lets through the detector's gate).
 */
const PRECHECK_GATE = compileLiteralGate([ENDPOINT_LITERALS]);
const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*|\*|;|--|<!--|rem\s)/i;
const QUOTES = new Set(['"', "'", '`']);
const BARE_VALUE = /(?:[:=]\s*|^\s*-\s+|^\s*)$/;
/** Values shown to people, not used: `placeholder="https://my.openai.azure.com"` in a form. */
const EXAMPLE_NAME = /^(?:placeholder|example|examples|hint|sample|help|description)$/i;

/** Cheap test on raw text: false means no catalog host or base-URL variable is mentioned. */
export function mayHoldEndpoint(text: string): boolean {
  return PRECHECK_GATE.scan(text, 1) !== 0;
}

/**
 * True when the quote just before `column` opens a string of its own: the text before it on the
 * line has every quote closed, so `"… set 'apiBase' to 'https://…' …"` (a URL quoted inside prose)
 * does not count. Backslash escapes are skipped; the count covers at most 200 characters.
 */
function opensString(before: string): boolean {
  const open = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    const c = before[i] as string;
    if (c === '\\') i++;
    else if (QUOTES.has(c) && (open.size === 0 || open.has(c))) {
      if (open.has(c)) open.delete(c);
      else open.add(c);
    }
  }
  return open.size === 0;
}

/** True when the URL sits where a value is written, not in prose or a comment. */
function inValuePosition(lines: Lines, line: number, column: number, text: string, start: number, configLike: boolean): boolean {
  if (COMMENT_LINE.test(lines.slice(line, 0, 12))) return false;
  if (QUOTES.has(text[start - 1] as string)) return column > 200 || opensString(lines.slice(line, 0, column - 1));
  if (!configLike) return false;
  // Past column 200 the line start is out of reach: only `name = value` / `name: value` counts there.
  return column > 200 ? /[:=]\s*$/.test(lines.slice(line, column - 40, column)) : BARE_VALUE.test(lines.slice(line, 0, column));
}

/** The catalog row a URL belongs to (host, port and path all checked). */
export function matchRow(u: FoundUrl): EndpointHost | undefined {
  return ENDPOINT_HOSTS.find((row) => row.host.test(u.normalized) && (row.port === undefined || row.port === u.port) && (row.path === undefined || row.path.test(u.path)));
}

/**
 * The catalog row of a whole URL given as a client's base URL (`https://api.deepseek.com/v1`,
 * `http://localhost:11434/v1`), as URL parsers read it; undefined for an unknown host or no URL.
 */
export function matchUrlRow(text: string): EndpointHost | undefined {
  if (!URL.canParse(text)) return undefined;
  const u = new URL(text);
  if (u.hostname === '') return undefined;
  const { normalized, placeholder } = normalizeHost(u.hostname);
  return matchRow({ start: 0, end: text.length, scheme: u.protocol.slice(0, -1), host: u.hostname, normalized, placeholder, ...(u.port === '' ? {} : { port: u.port }), path: u.pathname });
}

/**
 * A host nobody serves a model on: a reserved or documentation name or address, a made-up test
 * domain (`isNobodysHost`, shared with the risk tier), or a name that is all placeholder but its
 * top-level domain (`example.com:11434` → `*.com`). Loopback names (`localhost`, `ollama.localhost`)
 * are real self-hosted endpoints.
 */
function nobodysHost(url: FoundUrl): boolean {
  if (isNobodysHost(url.host)) return true;
  const labels = url.normalized.split('.');
  return labels.length > 1 && labels.slice(0, -1).every((l) => l === '*');
}

function envRow(name: string | undefined): EndpointEnvName | undefined {
  if (name === undefined) return undefined;
  const upper = name.slice(name.lastIndexOf('.') + 1).toUpperCase().replace(/[-.]/g, '_');
  return ENDPOINT_ENV_NAMES.find((e) => e.name === upper);
}

function hostHits(text: string, lines: Lines, configLike: boolean, budget: { n: number }): EndpointHit[] {
  const hits: EndpointHit[] = [];
  let after = 0;
  for (const m of text.matchAll(ANCHOR)) {
    if (++budget.n > MAX_ENDPOINT_CANDIDATES || hits.length >= MAX_ENDPOINT_HITS) break;
    if (m.index < after) continue;
    const url = m[0].startsWith(':') ? urlAround(text, m.index, m.index) : urlAround(text, m.index, m.index + m[0].length);
    if (!url || nobodysHost(url)) continue;
    after = url.end;
    const row = matchRow(url);
    // In code a bare host string is more often a domain list (allowlists, scanners' catalogs) than a
    // call target: code needs a scheme or a port; config files may list bare hosts (egress rules).
    if (!row || (!configLike && url.scheme === undefined && url.port === undefined)) continue;
    const line = lines.lineOf(url.start);
    const column = url.start - lines.start(line);
    if (!inValuePosition(lines, line, column, text, url.start, configLike)) continue;
    const name = assignedName(lines.slice(line, column - 160, column));
    if (name !== undefined && EXAMPLE_NAME.test(lastSegment(name))) continue;
    hits.push({ url, row, line, column, ...(name === undefined ? {} : { envName: name }) });
  }
  return hits;
}

/** End of the host of a value starting at `at` (after an optional `http(s)://`); `at` when there is none. */
function valueHostEnd(text: string, at: number): number {
  const scheme = /^https?:\/\//i.exec(text.slice(at, at + 8));
  let i = at + (scheme ? scheme[0].length : 0);
  const from = i;
  while (i < text.length && i - from < 253 && /[A-Za-z0-9.-]/.test(text[i] as string)) i++;
  return i === from ? at : i;
}

/**
 * The matches of ENV_ANCHOR over the whole text, leftmost first and not overlapping (what a global
 * search would give), found from the separators that follow a first word: a match starting at `p`
 * has its first separator at `p + length of its first word`, and no match starts inside a first
 * word (the lookbehind), so going through the separators in order meets the matches in order.
 */
export function* envAnchors(text: string): Generator<RegExpExecArray> {
  let after = 0;
  for (const sep of text.matchAll(ENV_SEPARATOR)) {
    const start = sep.index - (sep[1] as string).length;
    if (start < after) continue;
    ENV_ANCHOR.lastIndex = start;
    const m = ENV_ANCHOR.exec(text);
    if (m === null) continue;
    after = start + m[0].length;
    yield m;
  }
}

/** Unknown hosts given to a base-URL variable (`OPENAI_BASE_URL=http://llm.internal:8000/v1`). */
function envHits(text: string, lines: Lines, budget: { n: number }): EndpointHit[] {
  const hits: EndpointHit[] = [];
  for (const m of envAnchors(text)) {
    if (++budget.n > MAX_ENDPOINT_CANDIDATES || hits.length >= MAX_ENDPOINT_HITS) break;
    const at = m.index + m[0].length;
    const head = valueHostEnd(text, at);
    if (head === at) continue;
    const url = urlAround(text, head, head);
    if (!url || url.start !== at || (url.scheme === undefined && url.port === undefined) || url.placeholder || nobodysHost(url) || matchRow(url)) continue;
    const line = lines.lineOf(at);
    const column = at - lines.start(line);
    if (COMMENT_LINE.test(lines.slice(line, 0, 12))) continue;
    const name = assignedName(lines.slice(line, column - 160, column));
    const env = envRow(name);
    if (!env || name === undefined) continue;
    hits.push({ url, env, line, column, envName: name });
  }
  return hits;
}

/**
 * True when code names a catalogued AI endpoint (a provider API, gateway or model server URL):
 * code that calls a model over HTTP itself (`httpx.post("https://api.openai.com/v1/…", json={"model": …})`).
 */
export function namesAiHost(content: string): boolean {
  return findEndpoints(content, 'code', false).hits.some((hit) => hit.row !== undefined);
}

/** Finds endpoint URLs in a text; whether bare config values count depends on the kind. Never throws. */
export function findEndpoints(text: string, kind: FileKind, shellLike: boolean): { hits: EndpointHit[]; limited: boolean } {
  if (!mayHoldEndpoint(text)) return { hits: [], limited: false };
  const configLike = kind !== 'code' || shellLike;
  const budget = { n: 0 };
  const lines = new Lines(text);
  const hits = [...hostHits(text, lines, configLike, budget), ...envHits(text, lines, budget)];
  return { hits, limited: budget.n > MAX_ENDPOINT_CANDIDATES || hits.length >= MAX_ENDPOINT_HITS };
}
