/**
 * MCP servers implemented in code: `new McpServer({ name })` / low-level `new Server({ name }, …)`
 * from `@modelcontextprotocol/sdk` (v2: `@modelcontextprotocol/server`), `new FastMCP({ name })`
 * from `fastmcp`; their transports; and
 * the tools registered on them (`mcp-tools.ts`), linked by `PROVIDES`.
 *
 * A registration is attached to the server its receiver resolves to; else to the nearest server
 * constructed above it in the file. A file that registers tools but constructs no server (a
 * `registerSearchTool(server: McpServer)` module, common when each tool has its own file) attaches
 * them to one inferred server per package: named after the nearest folder that is not a layout
 * folder (`src/everything/tools/echo.ts` → `everything`), else after the repository (the last
 * segment of the scope), which is often the name the real server is constructed with, so the
 * pipeline's merge by key joins them. Per-file work cannot do better: the constructor is elsewhere.
 * Such a server carries `inferredFrom: 'folder' | 'repository' | 'file'` (what named it) and only
 * `inferred` evidence, so it never passes for a construction. When the real server is constructed
 * under another name (`src/everything/server/index.ts` names it `mcp-servers/everything`), the
 * pipeline folds the inferred one into it if it is the only server constructed in the same project
 * (`src/pipeline/fold-servers.ts`); else both are listed.
 */
import type { Node } from '@babel/types';
import { inferServerName, unnamedServerName } from '../shared/mcp-server-name.ts';
import { MCP_SERVER_APIS, MCP_TRANSPORTS, type McpServerApiRow } from './catalog.ts';
import type { AssetRef, Context } from './context.ts';
import { findRegistrations, type Registration } from './mcp-tools.ts';
import type { Origin } from './origins.ts';
import { keyName } from './walk.ts';

export { fileStem, inferServerName, type InferredFrom } from '../shared/mcp-server-name.ts';

interface Server {
  readonly ref: AssetRef;
  /** The construction, or undefined for an inferred server (tools registered on an injected server). */
  readonly node?: Node;
}

/** Detects MCP servers, their transports and tools. */
export function detectMcp(ctx: Context): void {
  const servers = findServers(ctx);
  if (servers.length > 0) attachTransports(ctx, servers);
  let inferred: Server | undefined;
  for (const reg of findRegistrations(ctx)) {
    let server = serverFor(ctx, servers, reg);
    if (server === 'none') continue;
    if (server === undefined) {
      inferred ??= inferredServer(ctx, reg.call);
      server = inferred;
    }
    if (!server) continue;
    for (const tool of reg.tools) {
      const ref: AssetRef = { kind: 'tool', key: `${server.ref.key}/${tool.name.value}` };
      const evidence = ctx.evidence(tool.name.node, 'call-site', tool.name.indirect ? 'inferred' : 'declared');
      ctx.found.add({ kind: 'tool', key: ref.key, name: tool.name.value, attributes: tool.description === undefined ? {} : { description: tool.description }, evidence });
      ctx.found.provides(server.ref, ref, evidence);
    }
  }
}

function apiOf(origin: Origin | undefined): McpServerApiRow | undefined {
  if (!origin) return undefined;
  return MCP_SERVER_APIS.find((row) => row.packages.includes(origin.binding.import.packageName) && origin.names.includes(row.api));
}

function findServers(ctx: Context): Server[] {
  const servers: Server[] = [];
  for (const call of ctx.facts.calls) {
    if (call.type !== 'NewExpression') continue;
    const origin = ctx.origins.of(call.callee);
    const api = origin?.role === 'module' ? apiOf(origin) : undefined;
    if (!api) continue;
    const first = call.arguments[0];
    const options = first && first.type !== 'SpreadElement' && first.type !== 'ArgumentPlaceholder' ? ctx.resolver.object(first) : undefined;
    const nameNode = options ? ctx.resolver.property(options.node, 'name') : undefined;
    const literal = nameNode ? ctx.resolver.string(nameNode) : undefined;
    const name = literal?.value.trim() || unnamedServerName(ctx.file.path, ctx.file.scope);
    const ref: AssetRef = { kind: 'mcp-server', key: `code:${name}` };
    const confidence = literal && !literal.indirect && !options?.indirect ? 'declared' : 'inferred';
    ctx.found.add({ kind: 'mcp-server', key: ref.key, name, attributes: { role: 'implemented', sdk: api.sdk, api: api.api }, evidence: ctx.evidence(call, 'call-site', confidence) });
    servers.push({ ref, node: call });
  }
  return servers;
}

/** `new StdioServerTransport()` etc., and FastMCP `server.start({ transportType })`: recorded on every server of the file. */
function attachTransports(ctx: Context, servers: readonly Server[]): void {
  for (const call of ctx.facts.calls) {
    const transport = transportOf(ctx, call);
    if (transport === undefined) continue;
    for (const server of servers) {
      ctx.found.add({ kind: 'mcp-server', key: server.ref.key, name: server.ref.key.slice('code:'.length), attributes: { transports: [transport] }, evidence: ctx.evidence(call, 'call-site', 'declared') });
    }
  }
}

function transportOf(ctx: Context, call: Node): string | undefined {
  if (call.type === 'NewExpression' || (call.type === 'CallExpression' && call.callee.type === 'Identifier')) {
    const origin = ctx.origins.of(call.callee);
    if (origin?.role !== 'module' || origin.binding.import.pkg.category !== 'mcp') return undefined;
    const isNew = call.type === 'NewExpression';
    return MCP_TRANSPORTS.find((t) => (t.call === true) !== isNew && origin.names.includes(t.name))?.transport;
  }
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || keyName(call.callee.property) !== 'start') return undefined;
  if (apiOf(ctx.origins.of(call.callee.object))?.api !== 'FastMCP') return undefined;
  const arg = call.arguments[0];
  const options = arg && arg.type !== 'SpreadElement' && arg.type !== 'ArgumentPlaceholder' ? ctx.resolver.object(arg) : undefined;
  const type = options ? ctx.resolver.property(options.node, 'transportType') : undefined;
  const value = type ? ctx.resolver.string(type)?.value : undefined;
  return value === undefined ? undefined : MCP_TRANSPORTS.find((t) => t.name === value)?.transport;
}

/**
 * The server a registration belongs to: the construction its receiver resolves to; `'none'` when the
 * receiver is some other AI object (not an MCP server); the nearest server above; else undefined.
 */
function serverFor(ctx: Context, servers: readonly Server[], reg: Registration): Server | 'none' | undefined {
  const constructed = constructionOf(ctx, reg.receiver);
  const exact = constructed ? servers.find((s) => s.node === constructed) : undefined;
  if (exact) return exact;
  const origin = ctx.origins.of(reg.receiver);
  if (origin && !apiOf(origin)) return 'none';
  if (!origin && !hasServerApiImport(ctx)) return 'none';
  const start = reg.call.start ?? 0;
  const above = servers.filter((s) => (s.node?.start ?? 0) <= start);
  return above[above.length - 1] ?? servers[0];
}

/** The `new …` expression a receiver (`server`, `this.server`) was initialized with. */
function constructionOf(ctx: Context, receiver: Node): Node | undefined {
  if (receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression' && !receiver.computed) {
    const name = keyName(receiver.property);
    return name === undefined ? undefined : ctx.resolver.fieldsAt(receiver.object, name).fields.find((f) => f.value?.type === 'NewExpression')?.value;
  }
  const value = ctx.resolver.value(receiver)?.node;
  return value?.type === 'NewExpression' ? value : undefined;
}

function hasServerApiImport(ctx: Context): boolean {
  for (const binding of ctx.imports.bindings.values()) {
    if (MCP_SERVER_APIS.some((row) => row.packages.includes(binding.import.packageName) && (binding.imported === row.api || binding.imported === '*'))) return true;
  }
  return false;
}

/** The inferred server of a file that registers tools without constructing one (see the module comment). */
function inferredServer(ctx: Context, at: Node): Server | undefined {
  const binding = [...ctx.imports.bindings.values()].find((b) => MCP_SERVER_APIS.some((row) => row.packages.includes(b.import.packageName) && b.imported === row.api));
  const api = binding ? MCP_SERVER_APIS.find((row) => row.api === binding.imported && row.packages.includes(binding.import.packageName)) : MCP_SERVER_APIS[0];
  if (!api) return undefined;
  const { name, from } = inferServerName(ctx.file.path, ctx.file.scope);
  const ref: AssetRef = { kind: 'mcp-server', key: `code:${name}` };
  ctx.found.add({ kind: 'mcp-server', key: ref.key, name, attributes: { role: 'implemented', sdk: api.sdk, api: api.api, inferredFrom: from }, evidence: ctx.evidence(at, 'call-site', 'inferred') });
  return { ref };
}

/** The name alone (see `inferServerName`). */
export function inferredServerName(path: string, scope: string): string {
  return inferServerName(path, scope).name;
}
