/**
 * MCP servers Java and Kotlin code connects to as a client (`JVM_MCP_TRANSPORTS`), read on masked
 * code as the Python detector reads `StdioServerParameters(...)`: a transport class imported from
 * its package and constructed (`new X(...)`, Kotlin `X(...)`) or built (`X.builder(...)`,
 * `new X.Builder()`), then the builder calls chained right after it (`.args(...)`, `.env(...)`,
 * `.sseEndpoint(...)`, up to `.build()`). Only literals count: a command, args, env names, URL or
 * endpoint held in a variable is not followed (an arg is then `<expr>`, a list or map not read);
 * a connection with neither a command nor a URL is not recorded. `McpClient.sync(transport)` itself
 * names no server; LangChain4j's `new DefaultMcpClient.Builder().key("git").transport(t)` names the
 * connection built inside `.transport(...)`, or the nearest one above assigned to the variable `t`
 * (`JVM_MCP_CLIENTS`). Kotlin SDK transports take the URL among their arguments, named or not
 * (`SseClientTransport(client = http, urlString = "...")`), and so do its `HttpClient` extensions
 * (`http.mcpStreamableHttp("...")`, imported by name). Bounded: at most `MAX_CHAIN` chained calls per construction, `MAX_CONSTRUCTIONS`
 * constructions per file and `MAX_SPAN` characters per argument list; brackets are paired once per
 * file (`brackets.ts`).
 */
import { ENV_VAR_NAME, type ClientConnection } from '../shared/mcp-client.ts';
import { DYNAMIC, URL_LIKE } from '../shared/mcp-redact.ts';
import { closingBracket, releaseBrackets, splitArgs as splitBracketArgs, chainAfter as chainedCalls, type ChainedCall } from './brackets.ts';
import { escapeName, importedNames, type ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import { JVM_MCP_CLIENTS, JVM_MCP_TRANSPORTS, type JvmMcpPart, type JvmMcpTransport } from './mcp-catalog.ts';

/** A connection and where its construction starts. */
export interface JvmMcpConnection extends ClientConnection {
  readonly offset: number;
}

/** Chained calls read per construction, constructions looked at per file, characters of one argument list read. */
const MAX_CHAIN = 20;
const MAX_CONSTRUCTIONS = 500;
const MAX_SPAN = 4000;

/** One argument as code gives it: a literal, a list of items, a map's keys, or something else. */
type Value =
  | { readonly t: 'str'; readonly value: string }
  | { readonly t: 'list'; readonly items: readonly string[] }
  /** A map's literal keys, and its literal values (never stored: hidden from the quoted line). */
  | { readonly t: 'map'; readonly keys: readonly string[]; readonly values: readonly string[] }
  | { readonly t: 'other' };

const LIST_CALL = /^(?:(?:java\s*\.\s*util\s*\.\s*)?(?:List|Set|Arrays|Stream)\s*\.\s*(?:of|asList)|listOf|mutableListOf|arrayListOf|arrayOf|setOf)\s*\($/;
const JAVA_MAP = /^(?:java\s*\.\s*util\s*\.\s*)?Map\s*\.\s*of\s*\($/;
const KOTLIN_MAP = /^(?:mapOf|mutableMapOf|hashMapOf)\s*\($/;
const ARRAY_LITERAL = /^new\s+String\s*\[\s*\]\s*\{$/;

/** Top-level argument ranges of the list at `open`..`close` (see `brackets.ts`), at most `MAX_SPAN` characters. */
const splitArgs = (code: string, open: number, close: number): Array<[number, number]> => splitBracketArgs(code, open, close, MAX_SPAN);

/** A lone string literal in `[a, b)` (masked: `"` then blanks), or undefined. */
function literal(masked: Masked, a: number, b: number): string | undefined {
  return masked.code[a] === '"' && masked.code.slice(a + 1, b).trim() === '' ? masked.strings.get(a) : undefined;
}

/**
 * The literal value in `[a, b)`, or every string literal in it but env variable names (a map value
 * written `"a" + "b"` or `getOrDefault("K", "…")`): to hide, never to store.
 */
function literalsIn(masked: Masked, a: number, b: number): string[] {
  const lone = literal(masked, a, b);
  if (lone !== undefined) return [lone];
  const out: string[] = [];
  for (let i = a; i < b && i - a <= MAX_SPAN; i++) {
    const s = masked.strings.get(i);
    if (s !== undefined && !ENV_VAR_NAME.test(s)) out.push(s);
  }
  return out;
}

/** The value of the argument in `[a, b)`. */
function valueOf(masked: Masked, a: number, b: number): Value {
  const str = literal(masked, a, b);
  if (str !== undefined) return { t: 'str', value: str };
  const { code } = masked;
  const rel = code.slice(a, b).indexOf(code[b - 1] === '}' ? '{' : '(');
  const open = a + rel;
  if (rel === -1 || closingBracket(code, open) !== b - 1) return { t: 'other' };
  const head = code.slice(a, open + 1);
  const inner = splitArgs(code, open, b - 1);
  if (LIST_CALL.test(head) || ARRAY_LITERAL.test(head)) return { t: 'list', items: inner.map(([x, y]) => literal(masked, x, y) ?? DYNAMIC) };
  // `Map.of("K", v, ...)`: the keys sit at even positions; Kotlin `mapOf("K" to v)`: the literal before `to`.
  if (JAVA_MAP.test(head)) {
    const keys = inner.filter((_, i) => i % 2 === 0).map(([x, y]) => literal(masked, x, y));
    return { t: 'map', keys: defined(keys), values: inner.filter((_, i) => i % 2 === 1).flatMap(([x, y]) => literalsIn(masked, x, y)) };
  }
  if (KOTLIN_MAP.test(head)) {
    const pairs = inner.map(([x, y]) => /^"\s*to\b\s*/.exec(code.slice(x, y)));
    const values = inner.flatMap(([x, y], i) => {
      const m = pairs[i];
      return m ? literalsIn(masked, x + m[0].length, y) : [];
    });
    return { t: 'map', keys: defined(inner.map(([x], i) => (pairs[i] ? masked.strings.get(x) : undefined))), values };
  }
  return { t: 'other' };
}

const defined = (list: ReadonlyArray<string | undefined>): string[] => list.filter((v): v is string => v !== undefined);

type Call = ChainedCall;
/** The calls chained right after the bracket at `close` (see `brackets.ts`), at most `MAX_CHAIN`. */
const chainAfter = (code: string, close: number): Call[] => chainedCalls(code, close, MAX_CHAIN);

/** `java.net.URI.resolve` of an endpoint against a base URL (absolute endpoints win). */
export function resolveEndpoint(base: string, endpoint: string): string {
  if (URL_LIKE.test(endpoint)) return endpoint;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0];
  if (origin === undefined) return base + endpoint;
  if (endpoint.startsWith('/')) return origin + endpoint;
  const path = base.slice(origin.length).replace(/[?#].*$/s, '');
  return origin + (path.slice(0, path.lastIndexOf('/') + 1) || '/') + endpoint;
}

interface Draft {
  command?: string;
  args?: string[];
  argsUnknown?: boolean;
  envNames: string[];
  secretValues: string[];
  url?: string;
  endpoint?: string;
}

/** Applies one part to the draft from the arguments between `open` and `close`. */
function apply(masked: Masked, part: JvmMcpPart, open: number, close: number, d: Draft): void {
  const args = splitArgs(masked.code, open, close).map(([a, b]) => valueOf(masked, a, b));
  const [first] = args;
  const firstStr = first?.t === 'str' ? first.value : undefined;
  switch (part) {
    case 'args': {
      const items = args.length === 1 && first?.t === 'list' ? first.items : args.every((v) => v.t === 'str') || args.length > 1 ? args.map((v) => (v.t === 'str' ? v.value : DYNAMIC)) : undefined;
      if (items === undefined) d.argsUnknown = true;
      else d.args = [...(d.args ?? []), ...items];
      return;
    }
    case 'command-line':
      if (first?.t === 'list' && first.items[0] !== undefined && first.items[0] !== DYNAMIC) {
        d.command = first.items[0];
        d.args = first.items.slice(1);
      }
      return;
    case 'env':
      if (first?.t === 'map') {
        d.envNames.push(...first.keys);
        d.secretValues.push(...first.values);
      }
      return;
    case 'env-var': {
      if (firstStr !== undefined) d.envNames.push(firstStr);
      const value = splitArgs(masked.code, open, close)[1];
      if (value !== undefined) d.secretValues.push(...literalsIn(masked, value[0], value[1]));
      return;
    }
    case 'url':
      if (firstStr !== undefined) d.url = firstStr;
      return;
    case 'endpoint':
      if (firstStr !== undefined) d.endpoint = firstStr;
  }
}

/** What the constructor's or `builder(...)`'s own arguments give. */
function applyFirst(masked: Masked, row: JvmMcpTransport, open: number, close: number, d: Draft): void {
  const ranges = splitArgs(masked.code, open, close);
  if (row.first === 'command') {
    const [range] = ranges;
    const command = range === undefined ? undefined : literal(masked, range[0], range[1]);
    if (command !== undefined) d.command = command;
  } else if (row.first === 'url') {
    const url = ranges.map(([a, b]) => literal(masked, namedValue(masked.code, a, b), b)).find((v) => v !== undefined && URL_LIKE.test(v));
    if (url !== undefined) d.url = url;
  } else if (row.first === 'web-client') {
    const m = close - open > MAX_SPAN ? null : /\.\s*baseUrl\s*\(\s*"/.exec(masked.code.slice(open, close));
    const at = m === null ? undefined : open + m.index + m[0].length - 1;
    const end = at === undefined ? -1 : masked.code.indexOf(')', at);
    const url = at === undefined || end === -1 ? undefined : literal(masked, at, end);
    if (url !== undefined) d.url = url;
  }
}

/** Where the value of a Kotlin named argument (`urlString = "..."`) in `[a, b)` starts; else `a`. */
function namedValue(code: string, a: number, b: number): number {
  const m = /^[A-Za-z_][\w]*\s*=(?!=)\s*/.exec(code.slice(a, Math.min(b, a + 100)));
  return m === null ? a : a + m[0].length;
}


/** `new X(`, `X(`, `X.builder(`, `new X.Builder(` for a class imported as `local`. */
const construction = (local: string): RegExp => new RegExp(`(?<![\\w$.])(?:new\\s+)?${escapeName(local)}\\s*(?:\\.\\s*(?:builder|Builder)\\s*)?\\(`, 'g');

/** The variable a construction at `offset` is assigned to (`McpTransport t = new …`, `val t: T = …`), if any. */
function assignedTo(code: string, offset: number): string | undefined {
  return /([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>?]+\s*)?=\s*$/.exec(code.slice(Math.max(0, offset - 120), offset))?.[1];
}

/**
 * The connections named by the client builders that take them (`JVM_MCP_CLIENTS`:
 * `new DefaultMcpClient.Builder().key("git").transport(...)`): the transport built inside
 * `.transport(...)`, or the nearest one above assigned to the variable it names.
 */
function named(masked: Masked, imports: readonly ImportRef[], unsorted: readonly JvmMcpConnection[]): JvmMcpConnection[] {
  const found = [...unsorted].sort((a, b) => a.offset - b.offset);
  const names = new Map<JvmMcpConnection, string>();
  let variables: Array<string | undefined> | undefined;
  let looked = 0;
  for (const row of JVM_MCP_CLIENTS) {
    for (const local of importedNames(imports, row.packages, row.class)) {
      for (const m of masked.code.matchAll(construction(local))) {
        if (++looked > MAX_CONSTRUCTIONS) break;
        const close = closingBracket(masked.code, m.index + m[0].length - 1);
        if (close >= masked.code.length) continue;
        const calls = chainAfter(masked.code, close);
        const key = calls.find((c) => c.method === row.name);
        const name = key === undefined ? undefined : splitArgs(masked.code, key.open, key.close).map(([a, b]) => literal(masked, a, b))[0];
        const via = calls.find((c) => c.method === row.transport);
        if (name === undefined || via === undefined) continue;
        const inline = found.find((c) => c.offset > via.open && c.offset < via.close);
        const variable = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(masked.code.slice(via.open + 1, via.close))?.[1];
        variables ??= found.map((c) => assignedTo(masked.code, c.offset));
        const held = variable === undefined ? undefined : found.filter((c, i) => c.offset < m.index && variables?.[i] === variable).at(-1);
        const target = inline ?? held;
        if (target !== undefined) names.set(target, name);
      }
    }
  }
  return names.size === 0 ? found : found.map((c) => (names.has(c) ? { ...c, name: names.get(c) } : c));
}

/** One construction of a transport → a connection, when it names a command or a URL. */
function connectionAt(masked: Masked, row: JvmMcpTransport, offset: number, open: number): JvmMcpConnection | undefined {
  const close = closingBracket(masked.code, open);
  if (close >= masked.code.length) return undefined;
  const d: Draft = { envNames: [], secretValues: [] };
  applyFirst(masked, row, open, close, d);
  for (const call of chainAfter(masked.code, close)) {
    const part = row.chain[call.method];
    if (part !== undefined) apply(masked, part, call.open, call.close, d);
  }
  const base = d.url;
  const endpoint = d.endpoint ?? row.defaultEndpoint;
  const url = base === undefined ? undefined : endpoint === undefined ? base : resolveEndpoint(base, endpoint);
  if (d.command === undefined && url === undefined) return undefined;
  return {
    offset,
    transport: row.transport,
    ...(d.command === undefined ? {} : { command: d.command }),
    ...(d.command === undefined || d.argsUnknown === true || d.args === undefined ? {} : { args: d.args }),
    ...(d.envNames.length === 0 ? {} : { envNames: d.envNames }),
    ...(d.secretValues.length === 0 ? {} : { secretValues: d.secretValues }),
    ...(url === undefined ? {} : { url }),
  };
}

/** MCP client connections constructed in one masked Java or Kotlin file. */
export function findJvmMcpClients(masked: Masked, imports: readonly ImportRef[]): JvmMcpConnection[] {
  const found: JvmMcpConnection[] = [];
  let looked = 0;
  try {
    for (const row of JVM_MCP_TRANSPORTS) {
      for (const local of importedNames(imports, row.packages, row.class)) {
        const re = row.extension ? new RegExp(`\\.\\s*${escapeName(local)}\\s*\\(`, 'g') : construction(local);
        for (const m of masked.code.matchAll(re)) {
          if (++looked > MAX_CONSTRUCTIONS) return named(masked, imports, found);
          const connection = connectionAt(masked, row, m.index, m.index + m[0].length - 1);
          if (connection !== undefined) found.push(connection);
        }
      }
    }
    return named(masked, imports, found);
  } finally {
    releaseBrackets();
  }
}
