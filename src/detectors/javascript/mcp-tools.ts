/**
 * MCP tool registrations: `server.tool(name, …)`, `server.registerTool(name, { description }, …)`,
 * FastMCP `server.addTool({ name })`, and the low-level
 * `server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...] }))`, with tool lists and
 * definitions held in same-file constants, `Object.values/keys/entries(defs)` and `.map(...)`.
 * Registrations inside `for (const t of TOOLS)` / `TOOLS.forEach((t) => …)` are expanded per element.
 */
import type { Node } from '@babel/types';
import { MCP_LIST_TOOLS_SCHEMA, MCP_TOOL_METHODS, TOOL_DEFINITION_KEYS, type ToolCallShape } from './catalog.ts';
import type { Element, Env, ResolvedString } from './constants.ts';
import type { Context } from './context.ts';
import { isNode, keyName } from './walk.ts';

/** A tool found in a registration. */
export interface ToolFound {
  readonly name: ResolvedString;
  readonly description?: string;
}

/** One registration call and the tools it registers. */
export interface Registration {
  readonly call: Node;
  /** The object the method is called on (`server` in `server.tool(...)`). */
  readonly receiver: Node;
  readonly method: string;
  readonly tools: ToolFound[];
}

const NO_ENV: Env = new Map();

/** Finds tool registrations in the file's calls. */
export function findRegistrations(ctx: Context): Registration[] {
  const out: Registration[] = [];
  for (const call of ctx.facts.calls) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue;
    const callee = call.callee;
    if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed) continue;
    const method = keyName(callee.property);
    const args = call.arguments.filter((a): a is Exclude<typeof a, { type: 'SpreadElement' | 'ArgumentPlaceholder' }> => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder');
    const shape = MCP_TOOL_METHODS.find((m) => m.method === method)?.shape;
    let tools: ToolFound[] = [];
    if (shape && args[0]) tools = expand(ctx, args[0], (env) => registered(ctx, shape, args, env));
    else if (method === 'setRequestHandler' && args[0] && args[1] && isListTools(ctx, args[0])) tools = listedTools(ctx, args[1]);
    if (tools.length > 0 && method !== undefined) out.push({ call, receiver: callee.object, method, tools });
  }
  return out;
}

/** Runs `extract` once, or once per element when `arg` is rooted in a loop variable over a known list. */
function expand(ctx: Context, arg: Node, extract: (env: Env) => ToolFound | undefined): ToolFound[] {
  let root = arg;
  while (root.type === 'MemberExpression' || root.type === 'OptionalMemberExpression') root = root.object;
  const decl = root.type === 'Identifier' ? ctx.resolver.lookup(root.name, root.start ?? 0) : undefined;
  if (!decl?.elementOf || root.type !== 'Identifier') {
    const one = extract(NO_ENV);
    return one ? [one] : [];
  }
  const name = root.name;
  return ctx.resolver.elements(decl.elementOf).flatMap((el) => {
    const found = el.node ? extract(new Map([[name, el.node]])) : undefined;
    return found ? [found] : [];
  });
}

function registered(ctx: Context, shape: ToolCallShape, args: readonly Node[], env: Env): ToolFound | undefined {
  const [first, second] = args;
  if (!first) return undefined;
  if (shape === 'object') return toolFromValue(ctx, first, env);
  const name = ctx.resolver.string(first, env);
  if (!name || name.value.trim() === '') return undefined;
  let description: string | undefined;
  if (shape === 'name-description' && second) description = ctx.resolver.string(second, env)?.value;
  if (shape === 'name-config' && second) {
    const config = ctx.resolver.object(second, env);
    const value = config ? ctx.resolver.property(config.node, 'description', env) : undefined;
    description = value ? ctx.resolver.string(value, env)?.value : undefined;
  }
  return withDescription(name, description);
}

function isListTools(ctx: Context, schema: Node): boolean {
  const origin = ctx.origins.of(schema);
  return origin !== undefined && origin.binding.import.pkg.category === 'mcp' && origin.names.includes(MCP_LIST_TOOLS_SCHEMA);
}

/** Tools listed by a `ListToolsRequestSchema` handler: the `tools` of every object it returns. */
function listedTools(ctx: Context, handler: Node): ToolFound[] {
  const fn = ctx.resolver.value(handler)?.node;
  if (!fn) return [];
  const tools: ToolFound[] = [];
  for (const returned of returnedExpressions(fn)) {
    const result = ctx.resolver.object(returned);
    const list = result ? ctx.resolver.property(result.node, 'tools') : undefined;
    for (const el of list ? ctx.resolver.elements(list) : []) {
      const tool = toolFromElement(ctx, el);
      if (tool) tools.push(tool);
    }
  }
  return tools;
}

function toolFromElement(ctx: Context, el: Element): ToolFound | undefined {
  const fromValue = el.node ? toolFromValue(ctx, el.node, NO_ENV) : undefined;
  if (fromValue) return el.indirect ? { ...fromValue, name: { ...fromValue.name, indirect: true } } : fromValue;
  if (el.key === undefined || el.keyNode === undefined || el.key.trim() === '') return undefined;
  // A map keyed by tool name (`{ [SEARCH]: {...} }` iterated with Object.entries/keys).
  const value = el.node ? ctx.resolver.object(el.node) : undefined;
  const description = value ? ctx.resolver.property(value.node, 'description') : undefined;
  return withDescription({ value: el.key, node: el.keyNode, indirect: true }, description ? ctx.resolver.string(description)?.value : undefined);
}

/** A tool definition object (`{ name, description }`), possibly wrapped (`{ definition: {...} }`) or built by a call. */
function toolFromValue(ctx: Context, node: Node, env: Env, depth = 0): ToolFound | undefined {
  let obj = ctx.resolver.object(node, env);
  const target = obj ? undefined : ctx.resolver.value(node, env)?.node;
  if (!obj && target?.type === 'CallExpression' && target.arguments[0]) obj = ctx.resolver.object(target.arguments[0], env);
  if (!obj) return undefined;
  const nameNode = ctx.resolver.property(obj.node, 'name', env);
  const name = nameNode ? ctx.resolver.string(nameNode, env) : undefined;
  if (!name) {
    for (const key of depth === 0 ? TOOL_DEFINITION_KEYS : []) {
      const inner = ctx.resolver.property(obj.node, key, env);
      const found = inner ? toolFromValue(ctx, inner, env, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  if (name.value.trim() === '') return undefined;
  const descNode = ctx.resolver.property(obj.node, 'description', env);
  const description = descNode ? ctx.resolver.string(descNode, env)?.value : undefined;
  return withDescription({ ...name, indirect: name.indirect || obj.indirect }, description);
}

function withDescription(name: ResolvedString, description: string | undefined): ToolFound {
  const text = description?.trim();
  return text ? { name, description: text } : { name };
}

/** Expressions a function returns: an arrow's expression body, or `return` arguments (nested functions excluded). */
function returnedExpressions(fn: Node): Node[] {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ReturnStatement') {
      if (node.argument) out.push(node.argument);
      return;
    }
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'ClassDeclaration') return;
    for (const key of STATEMENT_KEYS) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) for (const c of child) { if (isNode(c)) visit(c); }
      else if (isNode(child)) visit(child);
    }
  };
  visit(fn.body);
  return out;
}

/** Keys through which statements nest (blocks, branches, loops, try/catch, switch). */
const STATEMENT_KEYS = ['body', 'consequent', 'alternate', 'block', 'handler', 'finalizer', 'cases'];
