/**
 * MCP servers a Python client connects to: `StdioServerParameters(command=..., args=[...])`,
 * `sse_client(url)`, `streamablehttp_client(url)`, ADK `SseConnectionParams(url=...)`,
 * `MultiServerMCPClient({name: {...}})`, openai-agents `MCPServerStdio(params={...})`,
 * fastmcp `Client(url | {"mcpServers": ...})`, smolagents `MCPClient({...} | [{...}])`. Env and header values are never
 * stored, only their names; every string literal written in them (`os.getenv("K", "default")`, `"a" + "b"`) is hidden
 * from the quoted line.
 * Left out: `ClientSession` alone (it names no server), URLs or commands built at run time.
 */
import { MCP_CLIENT_CALLS, TRANSPORT_ALIASES } from './catalog.ts';
import type { Context } from './context.ts';
import type { CallExpr, Expr } from './expressions.ts';
import { clientConnectionAsset, ENV_VAR_NAME, type ClientConnectionAsset } from '../shared/mcp-client.ts';
import { DYNAMIC, LaunchQuoter } from '../shared/mcp-redact.ts';
import { CALL, inPackage } from './scope.ts';

interface Connection {
  name?: string | undefined;
  command?: string | undefined;
  args?: string[] | undefined;
  url?: string | undefined;
  transport?: string | undefined;
  envNames?: string[] | undefined;
  /** Names of the headers a `headers` dict sends. */
  headerNames?: string[] | undefined;
  /** Literal env and header values: never stored, hidden from the quoted line. */
  secretValues?: string[] | undefined;
  /** Line to cite when better than the call's (a server dict entry). */
  line?: number | undefined;
}

function str(ctx: Context, e: Expr | undefined): string | undefined {
  return ctx.scope.strings(e)[0]?.value;
}

/** Literal-keyed entries of the dict an expression is (or is bound to). */
function dictEntries(ctx: Context, e: Expr | undefined): Map<string, Expr> | undefined {
  const d = e === undefined ? undefined : ctx.scope.terminals(e).find((x) => x.t === 'dict');
  if (d?.t !== 'dict') return undefined;
  const out = new Map<string, Expr>();
  for (const entry of d.entries) if (entry.key.t === 'str' && entry.key.value !== undefined) out.set(entry.key.value, entry.value);
  return out;
}

function list(ctx: Context, e: Expr | undefined): string[] | undefined {
  const seq = e === undefined ? undefined : ctx.scope.terminals(e).find((x) => x.t === 'seq');
  return seq?.t === 'seq' ? seq.items.map((i) => str(ctx, i) ?? DYNAMIC) : undefined;
}

/** Most string literals looked for in one value (`literals`), and how deep. */
const MAX_LITERALS = 64;
const MAX_DEPTH = 6;

/**
 * Every string an env or header value may hold or is written with: what it resolves to, and each
 * literal inside it (`os.getenv("K", "default")`, `"Bearer " + "abc"`), none of them to be quoted.
 */
function literals(ctx: Context, e: Expr, out: string[] = [], depth = 0): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_LITERALS) return out;
  // Inside an expression, an env variable's name (`os.getenv("DB_PASS")`) is no secret: the line keeps it.
  for (const s of ctx.scope.strings(e)) if (depth === 0 || !ENV_VAR_NAME.test(s.value)) out.push(s.value);
  const inner: readonly Expr[] =
    e.t === 'other' ? e.parts
    : e.t === 'call' ? [...e.args, ...e.kwargs.map((k) => k.value)]
    : e.t === 'seq' ? e.items
    : e.t === 'dict' ? e.entries.map((d) => d.value)
    : [];
  for (const x of inner) literals(ctx, x, out, depth + 1);
  return out;
}

/** The names of an `env` or `headers` dict, and the strings its values are written with (to hide from the quoted line, never to store). */
function namedValues(ctx: Context, e: Expr | undefined): { names?: string[]; values: string[] } {
  const entries = dictEntries(ctx, e);
  if (entries === undefined || entries.size === 0) return { values: [] };
  return { names: [...entries.keys()].sort(), values: [...entries.values()].flatMap((v) => literals(ctx, v)) };
}

/** A connection's `env` and `headers`: their names, and their values to hide. */
function envAndHeaders(ctx: Context, envExpr: Expr | undefined, headersExpr: Expr | undefined): Pick<Connection, 'envNames' | 'headerNames' | 'secretValues'> {
  const env = namedValues(ctx, envExpr);
  const headers = namedValues(ctx, headersExpr);
  const secretValues = [...env.values, ...headers.values];
  return { envNames: env.names, headerNames: headers.names, ...(secretValues.length === 0 ? {} : { secretValues }) };
}

/** The transport a URL written without one means: a WebSocket for `ws(s)://`, SSE for a path ending in /sse, else Streamable HTTP. */
function urlTransport(url: string): string {
  return /^wss?:\/\//i.test(url) ? 'websocket' : /\/sse\/?$/.test(url) ? 'sse' : 'streamable-http';
}

function transportOf(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : TRANSPORT_ALIASES[raw.toLowerCase()];
}

/** A `{command, args, env}` or `{url, transport}` mapping (server dicts, `params=` dicts). */
function fromMapping(ctx: Context, m: Map<string, Expr>, transport?: string): Connection {
  const command = str(ctx, m.get('command'));
  const url = str(ctx, m.get('url') ?? m.get('serverUrl') ?? m.get('httpUrl'));
  const inferred = command !== undefined ? 'stdio' : url !== undefined ? urlTransport(url) : undefined;
  return { command, args: list(ctx, m.get('args')), url, transport: transportOf(str(ctx, m.get('transport'))) ?? transport ?? inferred, ...envAndHeaders(ctx, m.get('env'), m.get('headers')) };
}

function kw(call: CallExpr, name: string): Expr | undefined {
  return call.kwargs.find((k) => k.name === name)?.value;
}

function serverDict(ctx: Context, e: Expr | undefined): Connection[] {
  const servers = dictEntries(ctx, e);
  if (servers === undefined) return [];
  return [...servers].flatMap(([name, value]) => {
    const m = dictEntries(ctx, value);
    return m === undefined ? [] : [{ ...fromMapping(ctx, m), name, line: value.line }];
  });
}

function connections(ctx: Context, call: CallExpr, shape: string, transport: string | undefined): Connection[] {
  switch (shape) {
    case 'stdio-params':
      return [{ command: str(ctx, kw(call, 'command') ?? call.args[0]), args: list(ctx, kw(call, 'args') ?? call.args[1]), ...envAndHeaders(ctx, kw(call, 'env'), undefined), transport }];
    case 'url':
      return [{ url: str(ctx, call.args[0] ?? kw(call, 'url')), transport, ...envAndHeaders(ctx, undefined, kw(call, 'headers')) }];
    case 'server-dict':
      return serverDict(ctx, call.args[0] ?? kw(call, 'connections'));
    case 'mapping': {
      const arg = call.args[0] ?? kw(call, 'server_parameters');
      const seq = arg === undefined ? undefined : ctx.scope.terminals(arg).find((x) => x.t === 'seq');
      const items = seq?.t === 'seq' ? seq.items : arg === undefined ? [] : [arg];
      return items.flatMap((item) => {
        const m = dictEntries(ctx, item);
        return m === undefined ? [] : [{ ...fromMapping(ctx, m), line: item.line }];
      });
    }
    case 'params-dict': {
      const m = dictEntries(ctx, kw(call, 'params'));
      return m === undefined ? [] : [{ ...fromMapping(ctx, m, transport), name: str(ctx, kw(call, 'name')) }];
    }
    default: {
      const config = dictEntries(ctx, call.args[0]);
      if (config !== undefined) return serverDict(ctx, config.get('mcpServers'));
      const url = str(ctx, call.args[0]);
      return url !== undefined && /^https?:\/\//i.test(url) ? [{ url, transport: urlTransport(url) }] : [];
    }
  }
}

/** Records the MCP servers the file connects to as a client. */
export function detectMcpClients(ctx: Context): void {
  const found: Array<{ asset: ClientConnectionAsset; line: number }> = [];
  // Every value any connection hides stays out of every quoted line (two connections can share one).
  const quoter = new LaunchQuoter();
  for (const call of ctx.calls) {
    const origin = ctx.scope.origin(call.callee);
    if (origin === undefined || origin.includes(CALL)) continue;
    const q = origin.join('.');
    const name = origin[origin.length - 1] ?? '';
    const row = MCP_CLIENT_CALLS.find((r) => r.names.includes(name) && r.packages.some((p) => inPackage(q, p)));
    if (row === undefined) continue;
    for (const c of connections(ctx, call, row.shape, row.transport)) {
      const asset = clientConnectionAsset(c);
      if (asset === undefined) continue;
      quoter.add(asset.hidden);
      found.push({ asset, line: c.line ?? call.line });
    }
  }
  for (const { asset, line } of found) {
    ctx.out.add({ kind: 'mcp-server', key: `client:${asset.key}`, name: asset.name, attributes: asset.attributes, evidence: ctx.at(line, 'call-site', 'declared', quoter.quote) });
  }
}
