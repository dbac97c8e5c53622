/**
 * MCP servers a Python client connects to: `StdioServerParameters(command=..., args=[...])`,
 * `sse_client(url)`, `streamablehttp_client(url)`, ADK `SseConnectionParams(url=...)`,
 * `MultiServerMCPClient({name: {...}})`, openai-agents `MCPServerStdio(params={...})`,
 * fastmcp `Client(url | {"mcpServers": ...})`, smolagents `MCPClient({...} | [{...}])`. Env values are never read: only their names.
 * Left out: `ClientSession` alone (it names no server), URLs or commands built at run time.
 */
import { MCP_CLIENT_CALLS, TRANSPORT_ALIASES } from './catalog.ts';
import type { Context } from './context.ts';
import type { CallExpr, Expr } from './expressions.ts';
import { clientConnectionAsset, type ClientConnectionAsset } from '../shared/mcp-client.ts';
import { LaunchQuoter } from '../shared/mcp-redact.ts';
import { CALL, inPackage } from './scope.ts';

interface Connection {
  name?: string | undefined;
  command?: string | undefined;
  args?: string[] | undefined;
  url?: string | undefined;
  transport?: string | undefined;
  envNames?: string[] | undefined;
  /** Literal env values: never stored, hidden from the quoted line. */
  secretValues?: string[] | undefined;
  /** Line to cite when better than the call's (a server dict entry). */
  line?: number | undefined;
}

const DYNAMIC = '<expr>';

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

/** The names of an `env` dict, and its literal values (to hide from the quoted line, never to store). */
function env(ctx: Context, e: Expr | undefined): Pick<Connection, 'envNames' | 'secretValues'> {
  const entries = dictEntries(ctx, e);
  if (entries === undefined || entries.size === 0) return {};
  const values = [...entries.values()].flatMap((v) => ctx.scope.strings(v).map((s) => s.value));
  return { envNames: [...entries.keys()].sort(), secretValues: values };
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
  return { command, args: list(ctx, m.get('args')), url, transport: transportOf(str(ctx, m.get('transport'))) ?? transport ?? inferred, ...env(ctx, m.get('env')) };
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
      return [{ command: str(ctx, kw(call, 'command') ?? call.args[0]), args: list(ctx, kw(call, 'args') ?? call.args[1]), ...env(ctx, kw(call, 'env')), transport }];
    case 'url':
      return [{ url: str(ctx, call.args[0] ?? kw(call, 'url')), transport }];
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
