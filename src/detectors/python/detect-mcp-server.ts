/**
 * MCP servers implemented in Python: `FastMCP("name")` (mcp.server.fastmcp or fastmcp), mcp 2.x
 * `MCPServer("name")` and the low-level `Server("name")`; tools registered with `@<server>.tool(...)` on a function, with
 * `<server>.add_tool(fn)`, or declared as `Tool(name=..., description=...)` objects (attached to
 * the file's low-level server). Transports come from `run(transport=...)`, `sse_app()`,
 * `stdio_server()` and friends. Names may be literals, constants or same-file class attributes /
 * Enum members (`Tool(name=GitTools.STATUS)`, `TimeTools.NOW.value`; then `inferred`).
 * Left out: resources/prompts, servers imported from another module.
 */
import type { AssetRef, LazyEvidence } from './collector.ts';
import { MCP_SERVER_CLASSES, MCP_SERVER_TRANSPORT_METHODS, MCP_TOOL_CLASSES, MCP_TOOL_DECORATORS, MCP_TRANSPORT_CALLS, TRANSPORT_ALIASES, type McpApi } from './catalog.ts';
import type { Context } from './context.ts';
import type { CallExpr, Expr } from './expressions.ts';
import { CALL, dottedName, lastName } from './scope.ts';

interface Server {
  readonly ref: AssetRef;
  readonly api: McpApi;
}

/** The first non-blank string the expressions stand for, and whether a constant was followed to it. */
function firstResolved(ctx: Context, ...exprs: Array<Expr | undefined>): { value: string; inferred: boolean } | undefined {
  for (const e of exprs) {
    const r = ctx.scope.strings(e)[0];
    const value = r?.value.trim();
    if (r !== undefined && value !== undefined && value !== '') return { value, inferred: r.inferred };
  }
  return undefined;
}

function firstString(ctx: Context, ...exprs: Array<Expr | undefined>): string | undefined {
  return firstResolved(ctx, ...exprs)?.value;
}

function kwarg(call: CallExpr, name: string): Expr | undefined {
  return call.kwargs.find((k) => k.name === name)?.value;
}

/** Servers constructed in the file, keyed by the variables they are bound to. */
function findServers(ctx: Context): { byVar: Map<string, Server>; all: Server[] } {
  const byCall = new Map<Expr, Server>();
  const all: Server[] = [];
  for (const call of ctx.calls) {
    const origin = ctx.scope.origin(call.callee);
    const q = origin === undefined || origin.includes(CALL) ? undefined : origin.join('.');
    const row = q === undefined ? undefined : MCP_SERVER_CLASSES.find((r) => r.qualified === q);
    if (row === undefined) continue;
    const name = firstString(ctx, call.args[0], kwarg(call, 'name')) ?? ctx.stem;
    const ref = ctx.out.add({
      kind: 'mcp-server',
      key: `code:${name}`,
      name,
      attributes: { role: 'implemented', sdk: row.sdk, api: row.api },
      evidence: ctx.at(call.line, 'call-site', 'declared'),
    });
    const server = { ref, api: row.api };
    byCall.set(call, server);
    all.push(server);
  }
  const byVar = new Map<string, Server>();
  for (const s of ctx.program.statements) {
    const server = s.kind === 'assign' ? byCall.get(s.value) : undefined;
    if (server !== undefined && s.kind === 'assign') for (const t of s.targets) byVar.set(t, server);
  }
  return { byVar, all };
}

function addTransport(ctx: Context, server: Server, transport: string | undefined, line: number): void {
  const t = transport === undefined ? undefined : TRANSPORT_ALIASES[transport.toLowerCase()];
  if (t === undefined) return;
  const key = server.ref.key;
  ctx.out.add({ kind: 'mcp-server', key, name: key.slice('code:'.length), attributes: { transports: [t] }, evidence: ctx.at(line, 'call-site', 'declared') });
}

function addTool(ctx: Context, server: Server, name: string, description: string | undefined, evidence: LazyEvidence): void {
  const ref = ctx.out.add({
    kind: 'tool',
    key: `${server.ref.key}/${name}`,
    name,
    attributes: description === undefined ? {} : { description },
    evidence,
  });
  ctx.out.relate('PROVIDES', server.ref, ref, evidence);
}

function firstLine(doc: string | undefined): string | undefined {
  return doc?.split('\n').map((l) => l.trim()).find((l) => l !== '');
}

/** `@server.tool` / `@server.tool(name=..., description=...)` on a `def`. */
function decoratedTools(ctx: Context, byVar: Map<string, Server>): void {
  for (const s of ctx.program.statements) {
    if (s.kind !== 'def') continue;
    for (const d of s.decorators) {
      const target = d.t === 'call' ? d.callee : d;
      const server = target?.t === 'attr' ? byVar.get(dottedName(target.obj) ?? '') : undefined;
      if (server === undefined || target?.t !== 'attr' || !MCP_TOOL_DECORATORS.includes(target.attr)) continue;
      const call = d.t === 'call' ? d : undefined;
      const given = call && firstResolved(ctx, kwarg(call, 'name'), call.args[0]);
      const description = (call && firstString(ctx, kwarg(call, 'description'))) ?? firstLine(s.docstring);
      addTool(ctx, server, given?.value ?? s.name, description, ctx.at(d.line, 'call-site', given?.inferred === true ? 'inferred' : 'declared'));
    }
  }
}

/** Transports, `add_tool(fn)` and low-level `Tool(...)` objects. */
function calls(ctx: Context, byVar: Map<string, Server>, all: readonly Server[]): void {
  const lowLevel = all.find((s) => s.api === 'Server') ?? all[0];
  for (const call of ctx.calls) {
    const callee = call.callee;
    const server = callee?.t === 'attr' ? byVar.get(dottedName(callee.obj) ?? '') : undefined;
    if (server !== undefined && callee?.t === 'attr') {
      const row = server.api === 'Server' ? undefined : MCP_SERVER_TRANSPORT_METHODS.find((r) => r.method === callee.attr);
      if (row !== undefined) addTransport(ctx, server, row.transport ?? firstString(ctx, kwarg(call, 'transport'), call.args[0]) ?? row.fallback, call.line);
      if (callee.attr === 'add_tool') {
        const name = firstString(ctx, kwarg(call, 'name')) ?? lastName(call.args[0]);
        if (name !== undefined) addTool(ctx, server, name, firstString(ctx, kwarg(call, 'description')), ctx.at(call.line, 'call-site', 'declared'));
      }
      continue;
    }
    const q = ctx.scope.qualified(callee);
    if (q === undefined) continue;
    const transport = MCP_TRANSPORT_CALLS.find((r) => r.qualified === q);
    if (transport !== undefined) for (const s of all) if (s.api === 'Server') addTransport(ctx, s, transport.transport, call.line);
    if (lowLevel !== undefined && MCP_TOOL_CLASSES.includes(q)) {
      const name = firstResolved(ctx, kwarg(call, 'name'), call.args[0]);
      if (name !== undefined) addTool(ctx, lowLevel, name.value, firstString(ctx, kwarg(call, 'description')), ctx.at(call.line, 'call-site', name.inferred ? 'inferred' : 'declared'));
    }
  }
}

/** Records implemented MCP servers, their tools (PROVIDES) and transports. */
export function detectMcpServers(ctx: Context): void {
  const { byVar, all } = findServers(ctx);
  if (all.length === 0) return;
  decoratedTools(ctx, byVar);
  calls(ctx, byVar, all);
}
