/**
 * MCP servers JavaScript/TypeScript code connects to as a client, read from the MCP SDK's client
 * transports (`MCP_CLIENT_TRANSPORTS`): `new StdioClientTransport({ command, args, env })`,
 * `new SSEClientTransport(url)`, `new StreamableHTTPClientTransport(url, { requestInit: { headers } })`
 * and `new WebSocketClientTransport(url)`, the URL a `new URL(text)` or `new URL(path, base)` of
 * strings the file resolves (constants, concatenations), or a string; and from other packages'
 * client configs (`MCP_CLIENT_CONFIGS`): the Vercel AI SDK's `createMCPClient({ transport: { type,
 * url, headers } })` (`ai`, `@ai-sdk/mcp`; its `Experimental_StdioMCPTransport` is a transport row)
 * and LangChain.js's `new MultiServerMCPClient({ mcpServers: { name: {...} } })` (each server named
 * by its key and cited at its entry; the map alone is the older form). The asset is built as the
 * Python and Java/Kotlin detectors build theirs (`shared/mcp-client.ts`): key `client:<server key | command +
 * args | url>`, command, args and URL stored redacted, env and header names without values (headers
 * as an object, `new Headers({...})` or `[[name, value]]` pairs), and the quoted line cleaned of every
 * value a connection of the file hid and every literal an env or header value is written with
 * (`getToken('default')`, `'Bearer ' + key`).
 *
 * Left out: a URL or command read at run time (`new URL(env.MCP_URL)`, a config object from
 * elsewhere), `new Client(...)` alone (it names the client, not the server), an AI SDK client whose
 * transport is built elsewhere (the transport itself is read when the file builds it with a known
 * class), and other packages' client wrappers.
 */
import type { Node, ObjectExpression } from '@babel/types';
import { clientConnectionAsset, ENV_VAR_NAME, type ClientConnection, type ClientConnectionAsset } from '../shared/mcp-client.ts';
import { DYNAMIC, LaunchQuoter, URL_LIKE } from '../shared/mcp-redact.ts';
import { MCP_CLIENT_CONFIGS, MCP_CLIENT_TRANSPORTS, MCP_CONFIG_TRANSPORTS } from './catalog.ts';
import type { Context } from './context.ts';

type Arg = Node | undefined;

function argument(call: Node, index: number): Arg {
  if (call.type !== 'NewExpression' && call.type !== 'CallExpression') return undefined;
  const arg = call.arguments[index];
  return arg === undefined || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder' ? undefined : arg;
}

function objectAt(ctx: Context, node: Arg): ObjectExpression | undefined {
  return node === undefined ? undefined : ctx.resolver.object(node)?.node;
}

function stringAt(ctx: Context, node: Arg): string | undefined {
  return node === undefined ? undefined : ctx.resolver.string(node)?.value;
}

/** Most strings looked for in one value (`literals`), and how deep. */
const MAX_LITERALS = 64;
const MAX_DEPTH = 6;

/**
 * Every string a value may hold or is written with: what it resolves to, and each literal inside it
 * (`getToken('default')`, `[['Authorization', 'Bearer ' + key]]`), none of them to be quoted.
 */
function literals(ctx: Context, node: Node, out: string[] = [], depth = 0): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_LITERALS) return out;
  // Inside an expression, an env variable's name (`getEnv('API_TOKEN')`) is no secret: the line keeps it.
  const keep = (value: string): boolean => depth === 0 || !ENV_VAR_NAME.test(value);
  for (const s of ctx.resolver.strings(node)) if (keep(s.value)) out.push(s.value);
  const n = ctx.resolver.value(node)?.node ?? node;
  if (n.type === 'TemplateLiteral') out.push(...n.quasis.map((q) => q.value.cooked ?? q.value.raw));
  const inner: Node[] =
    n.type === 'TemplateLiteral' ? n.expressions
    : n.type === 'BinaryExpression' || n.type === 'LogicalExpression' ? [n.left, n.right]
    : n.type === 'ConditionalExpression' ? [n.consequent, n.alternate]
    : n.type === 'CallExpression' || n.type === 'NewExpression' ? n.arguments
    : n.type === 'ArrayExpression' ? n.elements.filter((e) => e !== null)
    : n.type === 'ObjectExpression' ? n.properties.map((p) => (p.type === 'ObjectProperty' ? p.value : p))
    : n.type === 'SpreadElement' ? [n.argument]
    : [];
  for (const x of inner) {
    if (x.type === 'StringLiteral') {
      if (!ENV_VAR_NAME.test(x.value)) out.push(x.value);
    }
    else literals(ctx, x, out, depth + 1);
  }
  return out;
}

/**
 * Keys of the object a node resolves to (`env`, `headers`; `new Headers({...})` and `[[key, value], ...]`
 * too), and every string its values are written with (to hide, never to store).
 */
function entriesAt(ctx: Context, node: Arg): { keys?: string[]; values: string[] } {
  if (node === undefined) return { values: [] };
  const target = ctx.resolver.value(node)?.node;
  if (target?.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'Headers') return entriesAt(ctx, argument(target, 0));
  if (target?.type === 'ArrayExpression') {
    const pairs = ctx.resolver.elements(target).flatMap((e) => (e.node === undefined ? [] : [ctx.resolver.elements(e.node)]));
    const keys = pairs.flatMap(([k]) => (k?.node === undefined ? [] : (stringAt(ctx, k.node) ?? [])));
    const values = pairs.flatMap(([, ...rest]) => rest.flatMap((v) => (v.node === undefined ? [] : literals(ctx, v.node))));
    return { ...(keys.length === 0 ? {} : { keys }), values };
  }
  const obj = objectAt(ctx, node);
  if (obj === undefined) return { values: node === undefined ? [] : literals(ctx, node) };
  const entries = ctx.resolver.elements(obj).filter((e) => e.key !== undefined);
  const values = entries.flatMap((e) => (e.node === undefined ? [] : literals(ctx, e.node)));
  return { ...(entries.length === 0 ? {} : { keys: entries.map((e) => e.key as string) }), values };
}

/** `{ command, args, env }` of a stdio transport. */
function stdio(ctx: Context, call: Node): ClientConnection | undefined {
  const params = objectAt(ctx, argument(call, 0));
  return params === undefined ? undefined : launch(ctx, params);
}

/** The `{ command, args, env }` of an object, or undefined without a command the file resolves. */
function launch(ctx: Context, params: ObjectExpression): ClientConnection | undefined {
  const command = stringAt(ctx, ctx.resolver.property(params, 'command'));
  if (command === undefined) return undefined;
  const argsNode = ctx.resolver.property(params, 'args');
  const args = argsNode === undefined ? undefined : ctx.resolver.elements(argsNode).map((e) => (e.node === undefined ? DYNAMIC : (stringAt(ctx, e.node) ?? DYNAMIC)));
  const env = entriesAt(ctx, ctx.resolver.property(params, 'env'));
  return { command, args, envNames: env.keys, secretValues: env.values };
}

/** The URL text a transport's first argument stands for: `new URL(text)`, `new URL(path, base)`, or a string. */
function urlOf(ctx: Context, node: Arg): string | undefined {
  const value = node === undefined ? undefined : ctx.resolver.value(node)?.node;
  let url: string | undefined;
  if (value?.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'URL') {
    const text = stringAt(ctx, argument(value, 0));
    const base = argument(value, 1);
    if (base === undefined) url = text;
    else {
      const baseText = stringAt(ctx, base);
      if (text !== undefined && baseText !== undefined && URL_LIKE.test(baseText)) url = resolveUrl(text, baseText);
    }
  } else url = stringAt(ctx, node);
  return url !== undefined && URL_LIKE.test(url) ? url : undefined;
}

/** `new URL(path, base).href`, or undefined when the runtime would throw. */
function resolveUrl(path: string, base: string): string | undefined {
  try {
    return new URL(path, base).href;
  } catch {
    return undefined;
  }
}

/** A URL transport: the URL and the names of the headers its options send. */
function remote(ctx: Context, call: Node): ClientConnection | undefined {
  const url = urlOf(ctx, argument(call, 0));
  if (url === undefined) return undefined;
  const options = objectAt(ctx, argument(call, 1));
  const init = options === undefined ? undefined : objectAt(ctx, ctx.resolver.property(options, 'requestInit'));
  const headers = init === undefined ? { values: [] } : entriesAt(ctx, ctx.resolver.property(init, 'headers'));
  return { url, headerNames: headers.keys, secretValues: headers.values };
}

/** The transport a URL written without one means: a WebSocket for `ws(s)://`, SSE for a path ending in /sse, else Streamable HTTP. */
function urlTransport(url: string): string {
  return /^wss?:\/\//i.test(url) ? 'websocket' : /\/sse\/?(?:[?#]|$)/.test(url) ? 'sse' : 'streamable-http';
}

/**
 * One server of a client config (`{ command, args, env }` or `{ url, headers }`), its transport as
 * written (`transport` or `type`), else stdio for a command and what the URL says for a URL.
 */
function configured(ctx: Context, m: ObjectExpression, name?: string): ClientConnection | undefined {
  const written = stringAt(ctx, ctx.resolver.property(m, 'transport') ?? ctx.resolver.property(m, 'type'));
  const declared = written !== undefined && Object.hasOwn(MCP_CONFIG_TRANSPORTS, written) ? MCP_CONFIG_TRANSPORTS[written] : undefined;
  const local = launch(ctx, m);
  if (local !== undefined) return { ...local, name, transport: declared ?? 'stdio' };
  const url = urlOf(ctx, ctx.resolver.property(m, 'url'));
  if (url === undefined) return undefined;
  const headers = entriesAt(ctx, ctx.resolver.property(m, 'headers'));
  return { name, url, headerNames: headers.keys, secretValues: headers.values, transport: declared ?? urlTransport(url) };
}

/** The connections of a client config call, each with the node to cite. */
function fromConfig(ctx: Context, call: Node, shape: 'transport-object' | 'server-map'): Array<{ connection: ClientConnection; at: Node }> {
  const config = objectAt(ctx, argument(call, 0));
  if (config === undefined) return [];
  if (shape === 'transport-object') {
    // A transport built with `new ...Transport(...)` is not an object literal: MCP_CLIENT_TRANSPORTS reads it.
    const transport = objectAt(ctx, ctx.resolver.property(config, 'transport'));
    const connection = transport === undefined ? undefined : configured(ctx, transport);
    return connection === undefined ? [] : [{ connection, at: call }];
  }
  const wrapped = ctx.resolver.property(config, 'mcpServers');
  const servers = wrapped === undefined ? config : objectAt(ctx, wrapped);
  if (servers === undefined) return [];
  return ctx.resolver.elements(servers).flatMap((e) => {
    const m = e.key === undefined ? undefined : objectAt(ctx, e.node);
    const connection = m === undefined ? undefined : configured(ctx, m, e.key);
    return connection === undefined || e.node === undefined ? [] : [{ connection, at: e.node }];
  });
}

/** The connections one call or `new` makes, when its callee is an MCP client transport or config of a known package. */
function connectionsOf(ctx: Context, call: Node): Array<{ connection: ClientConnection; at: Node }> {
  if (call.type !== 'NewExpression' && call.type !== 'CallExpression') return [];
  const origin = ctx.origins.of(call.callee);
  if (origin?.role !== 'module') return [];
  const matches = (r: { name: string; packages: readonly string[] }): boolean => r.packages.includes(origin.binding.import.packageName) && origin.names.includes(r.name);
  const config = MCP_CLIENT_CONFIGS.find(matches);
  if (config !== undefined) return fromConfig(ctx, call, config.shape);
  const row = call.type === 'NewExpression' ? MCP_CLIENT_TRANSPORTS.find(matches) : undefined;
  if (row === undefined) return [];
  const connection = row.shape === 'stdio' ? stdio(ctx, call) : remote(ctx, call);
  return connection === undefined ? [] : [{ connection: { ...connection, transport: row.transport }, at: call }];
}

/** Records the MCP servers the file's client transports and client configs connect to. */
export function detectMcpClients(ctx: Context): void {
  const found: Array<{ asset: ClientConnectionAsset; at: Node }> = [];
  // Every value any connection hides stays out of every quoted line (two connections can share one).
  const quoter = new LaunchQuoter();
  for (const call of ctx.facts.calls) {
    for (const { connection, at } of connectionsOf(ctx, call)) {
      const asset = clientConnectionAsset(connection);
      if (asset === undefined) continue;
      quoter.add(asset.hidden);
      found.push({ asset, at });
    }
  }
  for (const { asset, at } of found) {
    ctx.found.add({ kind: 'mcp-server', key: `client:${asset.key}`, name: asset.name, attributes: asset.attributes, evidence: ctx.evidence(at, 'call-site', 'declared', quoter.quote) });
  }
}
