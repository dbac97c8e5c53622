/**
 * MCP servers and tools implemented in Java and Kotlin, read on masked code with the shapes the Go
 * reader (`mcp-go.ts`) gives, so `emitImplementedMcp` emits them and policies see the same assets:
 * - MCP Java SDK: a server per `McpServer.sync(...)` / `.async(...)` (`McpServer` imported from
 *   `io.modelcontextprotocol.server`), named by the literal of `.serverInfo("name", "1.0")` (or of
 *   `new McpSchema.Implementation("name", ...)` in it) chained on the construction, else the file
 *   stem; a tool per `new McpSchema.Tool("name", "description", schema)` (0.x; with four or more
 *   arguments and a literal third one, that one is the description and the second the title) and
 *   per `McpSchema.Tool.builder().name("...").description("...")` (`Tool` also imported alone from
 *   `McpSchema`); transports by the class names of the SDK's server transport providers;
 * - MCP Kotlin SDK: a server per `Server(Implementation(name = "...", ...), ...)` (`Server` imported
 *   from `io.modelcontextprotocol.kotlin.sdk.server`), a tool per `.addTool(name = "...",
 *   description = "...")` (named or positional, or a `Tool(name = ..., description = ...)` as first
 *   argument), transports `StdioServerTransport`, `SseServerTransport`, `mcp { }`,
 *   `StreamableHttpServerTransport`;
 * - Spring AI: a tool per method annotated `@McpTool` (Spring AI / springaicommunity MCP annotations)
 *   and, in a file that shows an MCP server (a `ToolCallbackProvider` `@Bean`, an MCP server import
 *   or construction), per method annotated `@Tool` (`org.springframework.ai.tool.annotation`) and per
 *   `FunctionToolCallback.builder("name", ...)`. `@Tool` alone is also plain function calling for a
 *   chat client: the `@Tool` methods of a file without those signs become their module's `tools`
 *   part (`shared/spring-ai-mcp.ts`), an MCP server's only if the module's build file or properties
 *   show one (decided after the merge, `pipeline/spring-mcp.ts`). The tool is named by `name =`,
 *   else by the method; Spring Boot builds the server itself, so its name is inferred here.
 * Each tool belongs to the nearest server constructed above it in the file, else the file's first;
 * in a file that constructs none, to one server inferred from the module folder (the folder above
 * `src/main/java`, `src/main/kotlin`...; else the nearest non-layout folder, the repository, the file
 * stem). Literal names only. Bounded: at most `MAX_TOOLS` tool definitions and `MAX_CHAIN` chained
 * calls per construction, argument lists over `MAX_SPAN` characters are not read, brackets are
 * paired once per file (`brackets.ts`).
 */
import { fileStem, GENERIC_FOLDERS, inferServerName } from '../shared/mcp-server-name.ts';
import { closingBracket, releaseBrackets, skipSpace, splitArgs as splitBracketArgs, chainAfter as chainedCalls, type ChainedCall } from './brackets.ts';
import { inTestSourceSet } from '../shared/spring-ai-mcp.ts';
import { escapeName, importedNames, type ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import { assignTools, wholeLiteral, type ImplementedMcp, type ImplementedServer } from './mcp-implemented.ts';
import { JVM_MCP_SERVER_SDKS, type JvmMcpServerSdk } from './mcp-catalog.ts';

type JvmMcpServer = ImplementedServer<JvmMcpServerSdk>;

/** Tool definitions read per file, chained calls read per construction, characters of one argument list read. */
const MAX_TOOLS = 2000;
const MAX_CHAIN = 20;
const MAX_SPAN = 4000;

/** Layout folders of JVM projects, beside the shared ones, that never name a server. */
const JVM_LAYOUT_FOLDERS: readonly string[] = ['main', 'java', 'kotlin', 'resources', 'jvmmain', 'commonmain', 'test', 'jvmtest'];
/** `…/src/main/java/…`, `…/src/jvmMain/kotlin/…`: the module folder is above `src`. */
const SOURCE_SET = /(?:^|\/)src\/[A-Za-z]+\/(?:java|kotlin)\//;

const sdkOf = (id: JvmMcpServerSdk['id']): JvmMcpServerSdk => JVM_MCP_SERVER_SDKS.find((s) => s.id === id) as JvmMcpServerSdk;


/** Top-level argument ranges of the list at `open`..`close` (see `brackets.ts`), at most `MAX_SPAN` characters. */
const splitArgs = (code: string, open: number, close: number): Array<[number, number]> => splitBracketArgs(code, open, close, MAX_SPAN);

/** A literal in `[a, b)`, or literals joined by `+` (`"Get the " + "weather"`); else undefined. */
const literalIn = (masked: Masked, a: number, b: number): string | undefined => wholeLiteral(masked.code, masked.strings, a, b);

/** Named arguments (`name = v`, Java annotations and Kotlin calls) → value start; positional ones in order. */
function readArgs(masked: Masked, open: number, close: number): { named: Map<string, [number, number]>; positional: Array<[number, number]> } {
  const named = new Map<string, [number, number]>();
  const positional: Array<[number, number]> = [];
  for (const [a, b] of splitArgs(masked.code, open, close)) {
    const m = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(masked.code.slice(a, Math.min(b, a + 100)));
    if (m?.[1] !== undefined) named.set(m[1], [a + m[0].length, b]);
    else positional.push([a, b]);
  }
  return { named, positional };
}

type Call = ChainedCall;
/** The calls chained right after the bracket at `close` (see `brackets.ts`), at most `MAX_CHAIN`. */
const chainAfter = (code: string, close: number): Call[] => chainedCalls(code, close, MAX_CHAIN);

interface ToolDef {
  readonly sdk: JvmMcpServerSdk;
  readonly name: string;
  readonly description?: string;
  readonly offset: number;
}

const def = (sdk: JvmMcpServerSdk, name: string | undefined, description: string | undefined, offset: number): ToolDef[] =>
  name === undefined ? [] : [{ sdk, name, offset, ...(description === undefined ? {} : { description }) }];

/** Every match of `re` (global) in the code, by the offset of its last character (an opening bracket). */
function opens(code: string, re: RegExp): Array<{ index: number; open: number }> {
  return [...code.matchAll(re)].map((m) => ({ index: m.index, open: m.index + m[0].length - 1 }));
}

// ---------------------------------------------------------------------------------------------
// MCP Java SDK

function javaSdk(masked: Masked, imports: readonly ImportRef[], stem: string, servers: JvmMcpServer[], defs: ToolDef[]): void {
  const sdk = sdkOf('java-sdk');
  const { code } = masked;
  for (const local of importedNames(imports, sdk.serverPackages, 'McpServer')) {
    for (const { index, open } of opens(code, new RegExp(`(?<![\\w$.])${escapeName(local)}\\s*\\.\\s*(?:sync|async)\\s*\\(`, 'g'))) {
      const close = closingBracket(code, open);
      if (close >= code.length) continue;
      const info = chainAfter(code, close).find((c) => c.method === 'serverInfo');
      let name: string | undefined;
      if (info !== undefined) {
        const [first] = splitArgs(code, info.open, info.close);
        if (first !== undefined) {
          name = literalIn(masked, first[0], first[1]);
          const impl = name === undefined ? /^(?:new\s+)?(?:[\w.]*\.)?Implementation\s*\(/.exec(code.slice(first[0], first[0] + 200)) : null;
          if (impl !== null) {
            const implOpen = first[0] + impl[0].length - 1;
            const arg = readArgs(masked, implOpen, closingBracket(code, implOpen));
            const at = arg.named.get('name') ?? arg.positional[0];
            name = at === undefined ? undefined : literalIn(masked, at[0], at[1]);
          }
        }
      }
      servers.push({ name: name ?? stem, sdk, offset: index, literal: name !== undefined });
    }
  }
  // `new McpSchema.Tool(...)`, `McpSchema.Tool.builder()`; `Tool` alone when imported from McpSchema.
  const schemaLocals = importedNames(imports, sdk.toolPackages, 'McpSchema').map((l) => `${escapeName(l)}\\s*\\.\\s*Tool`);
  const toolLocals = importedNames(imports, sdk.toolPackages.map((p) => `${p}.McpSchema`), 'Tool').map(escapeName);
  const heads = [...schemaLocals, ...toolLocals];
  if (heads.length === 0) return;
  const re = new RegExp(`(?<![\\w$.])(?:new\\s+)?(?:${heads.join('|')})\\s*(\\.\\s*builder\\s*)?\\(`, 'g');
  for (const m of code.matchAll(re)) {
    if (defs.length >= MAX_TOOLS) return;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(code, open);
    if (close >= code.length) continue;
    if (m[1] !== undefined) {
      const chain = chainAfter(code, close);
      const value = (method: string): { at: number; text: string | undefined } | undefined => {
        const call = chain.find((c) => c.method === method);
        const [first] = call === undefined ? [] : splitArgs(code, call.open, call.close);
        return first === undefined ? undefined : { at: first[0], text: literalIn(masked, first[0], first[1]) };
      };
      const name = value('name');
      if (name?.text !== undefined) defs.push(...def(sdk, name.text, value('description')?.text, name.at));
      continue;
    }
    const args = splitArgs(code, open, close);
    const [nameArg, second, third] = args;
    if (nameArg === undefined) continue;
    const name = literalIn(masked, nameArg[0], nameArg[1]);
    const thirdText = third === undefined ? undefined : literalIn(masked, third[0], third[1]);
    const descArg = args.length >= 4 && thirdText !== undefined && !thirdText.startsWith('{') ? third : second;
    defs.push(...def(sdk, name, descArg === undefined ? undefined : literalIn(masked, descArg[0], descArg[1]), nameArg[0]));
  }
}

// ---------------------------------------------------------------------------------------------
// MCP Kotlin SDK

function kotlinSdk(masked: Masked, imports: readonly ImportRef[], stem: string, servers: JvmMcpServer[], defs: ToolDef[]): void {
  const sdk = sdkOf('kotlin-sdk');
  const { code } = masked;
  const locals = importedNames(imports, sdk.serverPackages, 'Server');
  for (const local of locals) {
    for (const { index, open } of opens(code, new RegExp(`(?<![\\w$.])${escapeName(local)}\\s*\\(`, 'g'))) {
      const close = closingBracket(code, open);
      if (close >= code.length) continue;
      const args = readArgs(masked, open, close);
      const info = args.named.get('serverInfo') ?? args.positional[0];
      const impl = info === undefined ? null : /^(?:[\w.]*\.)?Implementation\s*\(/.exec(code.slice(info[0], info[0] + 200));
      let name: string | undefined;
      if (info !== undefined && impl !== null) {
        const implOpen = info[0] + impl[0].length - 1;
        const implArgs = readArgs(masked, implOpen, closingBracket(code, implOpen));
        const at = implArgs.named.get('name') ?? implArgs.positional[0];
        name = at === undefined ? undefined : literalIn(masked, at[0], at[1]);
      }
      // `Server(...)` with no `Implementation` is not the SDK's server (a Ktor or other class named alike).
      if (impl === null) continue;
      servers.push({ name: name ?? stem, sdk, offset: index, literal: name !== undefined });
    }
  }
  if (!imports.some((r) => sdk.serverPackages.some((p) => r.path.startsWith(`${p}.`)))) return;
  for (const { open } of opens(code, /\.\s*addTool\s*\(/g)) {
    if (defs.length >= MAX_TOOLS) return;
    const close = closingBracket(code, open);
    if (close >= code.length) continue;
    let args = readArgs(masked, open, close);
    const first = args.named.get('tool') ?? args.positional[0];
    const tool = first === undefined ? null : /^(?:[\w.]*\.)?Tool\s*\(/.exec(code.slice(first[0], first[0] + 100));
    if (first !== undefined && tool !== null) {
      const toolOpen = first[0] + tool[0].length - 1;
      args = readArgs(masked, toolOpen, closingBracket(code, toolOpen));
    }
    const nameAt = args.named.get('name') ?? args.positional[0];
    const descAt = args.named.get('description') ?? (args.named.has('name') ? undefined : args.positional[1]);
    const name = nameAt === undefined ? undefined : literalIn(masked, nameAt[0], nameAt[1]);
    if (nameAt !== undefined) defs.push(...def(sdk, name, descAt === undefined ? undefined : literalIn(masked, descAt[0], descAt[1]), nameAt[0]));
  }
}

// ---------------------------------------------------------------------------------------------
// Spring AI

/** A `ToolCallbackProvider` bean (`@Bean public ToolCallbackProvider tools(...)`, Kotlin `fun tools(): ToolCallbackProvider`). */
const PROVIDER_BEAN = /@Bean\b[^;{}@]{0,300}?\bToolCallbackProvider\b/;

/** The method an annotation whose name ends at `end` annotates: other annotations and modifiers skipped. */
function annotatedMethod(code: string, end: number): string | undefined {
  let pos = skipSpace(code, end);
  if (code[pos] === '(') pos = skipSpace(code, closingBracket(code, pos) + 1);
  for (let n = 0; n < 20 && code[pos] === '@'; n++) {
    const m = /^@[\w.]+\s*/.exec(code.slice(pos, pos + 200));
    if (m === null) return undefined;
    pos += m[0].length;
    if (code[pos] === '(') pos = closingBracket(code, pos) + 1;
    pos = skipSpace(code, pos);
  }
  return /^[^(;{}=@]{0,300}?\b([A-Za-z_$][\w$]*)\s*\(/.exec(code.slice(pos, pos + 400))?.[1];
}

/**
 * Spring AI tools of the file into `defs`; `@Tool` methods of a file that shows no MCP server into
 * `pending` instead (a server's only if the module has one, decided after the merge).
 */
function springAi(masked: Masked, imports: readonly ImportRef[], serverShown: boolean, defs: ToolDef[], pending: ToolDef[]): void {
  const sdk = sdkOf('spring-ai');
  const { code } = masked;
  const annotations: Array<{ local: string; needsServer: boolean }> = [
    ...importedNames(imports, sdk.toolPackages, 'McpTool').map((local) => ({ local, needsServer: false })),
    ...importedNames(imports, sdk.serverPackages, 'Tool').map((local) => ({ local, needsServer: true })),
  ];
  const shown = serverShown || PROVIDER_BEAN.test(code);
  for (const { local, needsServer } of annotations) {
    const into = needsServer && !shown ? pending : defs;
    // `@McpTool.McpAnnotations(...)` inside an `@McpTool(...)` is a nested annotation type, not a tool.
    for (const m of code.matchAll(new RegExp(`@${escapeName(local)}\\b(?!\\s*\\.)`, 'g'))) {
      if (defs.length + pending.length >= MAX_TOOLS) return;
      const end = m.index + m[0].length;
      const open = skipSpace(code, end);
      const args = code[open] === '(' ? readArgs(masked, open, closingBracket(code, open)) : undefined;
      const nameAt = args?.named.get('name');
      const descAt = args?.named.get('description') ?? args?.named.get('value') ?? args?.positional[0];
      const name = nameAt === undefined ? annotatedMethod(code, end) : literalIn(masked, nameAt[0], nameAt[1]);
      const description = descAt === undefined ? undefined : literalIn(masked, descAt[0], descAt[1]);
      into.push(...def(sdk, name, description, m.index));
    }
  }
  if (!shown) return;
  for (const local of importedNames(imports, sdk.callbackPackages, 'FunctionToolCallback')) {
    for (const { index, open } of opens(code, new RegExp(`(?<![\\w$.])${escapeName(local)}\\s*\\.\\s*builder\\s*\\(`, 'g'))) {
      if (defs.length >= MAX_TOOLS) return;
      const close = closingBracket(code, open);
      if (close >= code.length) continue;
      const [first] = splitArgs(code, open, close);
      const name = first === undefined ? undefined : literalIn(masked, first[0], first[1]);
      const desc = chainAfter(code, close).find((c) => c.method === 'description');
      const [descArg] = desc === undefined ? [] : splitArgs(code, desc.open, desc.close);
      defs.push(...def(sdk, name, descArg === undefined ? undefined : literalIn(masked, descArg[0], descArg[1]), first?.[0] ?? index));
    }
  }
}

// ---------------------------------------------------------------------------------------------

function findTransports(code: string, kotlin: boolean): { transport: string; offset: number }[] {
  const out: { transport: string; offset: number }[] = [];
  for (const m of code.matchAll(/\b\w{0,40}?(Stdio|Sse|Streamable)\w{0,40}?ServerTransport(?:Provider)?\s*(?:\(|\.\s*builder\b)/g)) {
    const kind = m[1] === 'Stdio' ? 'stdio' : m[1] === 'Sse' ? 'sse' : 'streamable-http';
    out.push({ transport: kind, offset: m.index });
  }
  // The Kotlin SDK's Ktor plugin: `mcp { server }` serves over SSE.
  if (kotlin) for (const m of code.matchAll(/(?<![\w$.])mcp\s*\{/g)) out.push({ transport: 'sse', offset: m.index });
  return out;
}

/** The path a server of a file that constructs none is named from: the module folder, as the JavaScript detector infers one. */
function modulePath(path: string): string {
  const set = SOURCE_SET.exec(path);
  return (set === null ? path : `${path.slice(0, set.index)}/${fileStem(path)}`).replace(/^\//, '');
}

/** The module folder of a file: above `src/main/java` and the like, else the file's folder (`.` at the top). */
function moduleFolder(path: string): string {
  const set = SOURCE_SET.exec(path);
  const folder = set === null ? path.slice(0, Math.max(0, path.lastIndexOf('/'))) : path.slice(0, set.index);
  return folder === '' ? '.' : folder;
}

/** MCP servers, tools and transports implemented in one masked Java or Kotlin file. */
export function findJvmMcpServers(masked: Masked, imports: readonly ImportRef[], path: string, scope: string, kotlin: boolean): ImplementedMcp<JvmMcpServerSdk> {
  try {
    const stem = fileStem(path);
    const servers: JvmMcpServer[] = [];
    const defs: ToolDef[] = [];
    javaSdk(masked, imports, stem, servers, defs);
    kotlinSdk(masked, imports, stem, servers, defs);
    const serverShown = servers.length > 0 || imports.some((r) => JVM_MCP_SERVER_SDKS.some((s) => s.id !== 'spring-ai' && s.serverPackages.some((p) => r.path.startsWith(`${p}.`))) || r.path.startsWith('org.springframework.ai.mcp.server'));
    const pending: ToolDef[] = [];
    springAi(masked, imports, serverShown, defs, pending);
    // Test classes are not in the app Spring Boot runs: their `@Tool` methods are no server's.
    if (inTestSourceSet(path)) pending.length = 0;
    servers.sort((a, b) => a.offset - b.offset);
    defs.sort((a, b) => a.offset - b.offset);
    const generic = [...GENERIC_FOLDERS, ...JVM_LAYOUT_FOLDERS];
    const tools = assignTools(servers, defs, (d) => d.sdk, modulePath(path), scope, generic);
    if (pending.length > 0) {
      // Named as the module's inferred server would be; kept apart (its own key) until the pipeline decides.
      const { name, from } = inferServerName(modulePath(path), scope, generic);
      const server = servers.push({ name, sdk: sdkOf('spring-ai'), offset: (pending[0] as ToolDef).offset, literal: false, inferredFrom: from, pendingModule: moduleFolder(path) }) - 1;
      for (const d of pending.sort((a, b) => a.offset - b.offset)) tools.push({ server, name: d.name, offset: d.offset, ...(d.description === undefined ? {} : { description: d.description }) });
    }
    const constructed = servers.some((s) => s.inferredFrom === undefined);
    return { servers, tools, transports: constructed ? findTransports(masked.code, kotlin) : [] };
  } finally {
    releaseBrackets();
  }
}
