/**
 * MCP servers and tools implemented in Ruby (`mcp-catalog.ts` `RUBY_MCP_*`), read on masked code:
 * - the official SDK (gem `mcp`): a server per `MCP::Server.new(name: "...", tools: [...])` (no
 *   `name:` → the SDK's `model_context_protocol`); tools: classes `< MCP::Tool` named by a literal
 *   `tool_name "..."`, else as the SDK derives it from the class (`StringUtils.handle_from_class_name`:
 *   modules dropped, then underscored: `Ops::RunShellCommand` → `run_shell_command`), described by
 *   `description "..."`; `MCP::Tool.define(name:, description:)` (unnamed and assigned to a constant:
 *   the constant's name); `server.define_tool(name:, description:)` in a file that requires the gem
 *   or constructs a server;
 * - fast-mcp (gem `fast-mcp`): a server per `FastMcp::Server.new(name: ...)`,
 *   `FastMcp.mount_in_rails(app, name: ...)` (unnamed: the Rails application's name, which this file
 *   does not show), `FastMcp.rack_middleware(app, ...)` (`mcp-server`); tools: classes
 *   `< FastMcp::Tool` or `< ActionTool::Base` named by `tool_name`, else by the class name with its
 *   modules (`Tool.tool_name`: characters other than letters, digits, `_` and `-` dropped, 64 kept:
 *   `Admin::ReadFile` → `AdminReadFile`);
 * - a subclass of a class of the file that is a tool base is one too; a subclass of a class from
 *   another file whose name ends in `Tool` (a Rails app's `ApplicationTool`, autoloaded) only when
 *   its body shows one SDK's tool DSL: `arguments do` (fast-mcp), `input_schema` (the official SDK),
 *   else `tool_name` beside an instance `def call` (fast-mcp) or a class-level `def self.call` /
 *   `class << self` (the official SDK). RubyLLM's and other gems' tools (`param`, `def execute`)
 *   show none. A class some class of the file
 *   subclasses, or named `ApplicationTool` / `Base…`, with neither `tool_name` nor `description`, is
 *   a base class, not a tool. A class of the file listed in a server's `tools: [...]` or
 *   `register_tool(s)(...)` is a tool whatever its superclass;
 * - class bodies are read by indentation: the statements indented as the first line after the
 *   header, up to the first line indented as the header or less (the `end`);
 * - names and descriptions are literals: strings, adjacent or `\`- or `+`-joined strings, `%q()`,
 *   heredocs (`<<~DESC`, read from the source: squiggly ones dedented), and a `def self.tool_name` /
 *   `def self.description` returning one; anything else is not read (a non-literal `tool_name`
 *   drops the tool: its name is unknown);
 * - each tool belongs to the nearest server above it in the file, else the file's first, else one
 *   server inferred from the path (`mcp-implemented.ts`; Rails' `config/`, `initializers/`, `bin/`,
 *   `exe/` are layout folders too), folded after the merge into the one server its project
 *   constructs (`pipeline/fold-servers.ts`);
 * - transports (`StdioTransport`, `StreamableHTTPTransport`, fast-mcp's `RackTransport`,
 *   `server.start` on a fast-mcp server, `start_rack`, the Rack/Rails mounts) on every server
 *   constructed in the file. fast-mcp 0.1.0 named its classes `MCP::`: in a file that requires
 *   `fast_mcp` and not `mcp`, `MCP::` servers and tools are fast-mcp's.
 */
import { GENERIC_FOLDERS, inferServerName } from '../shared/mcp-server-name.ts';
import { closingBracket, releaseBrackets } from './brackets.ts';
import type { Masked } from './mask.ts';
import { RUBY_MCP_SDKS, RUBY_MCP_SERVERS, RUBY_MCP_TRANSPORTS, rubyServerCall, type RubyMcpSdk } from './mcp-catalog.ts';
import { assignTools, type ImplementedMcp, type ImplementedServer } from './mcp-implemented.ts';
import { findToolClasses, MAX_TOOLS, mcpNamespaceSdk, mcpToolName, type Requires, type RubyToolDef, type SdkId } from './mcp-ruby-classes.ts';
import { argsOf, constantsIn, keywords, Lines, stringAt } from './ruby-code.ts';

export { fastMcpToolName, mcpToolName } from './mcp-ruby-classes.ts';

type RubyServer = ImplementedServer<RubyMcpSdk>;

/** Rails and gem layout folders, beside the shared ones, that never name a server. */
const RUBY_LAYOUT = [...GENERIC_FOLDERS, 'config', 'initializers', 'bin', 'exe'];

/** Servers and tool definitions read per file at most. */
const MAX_SERVERS = 100;
const MAX_CALLS = 2000;

function callRegex(source: string): RegExp {
  return new RegExp(source, 'g');
}

/** `MCP::Tool.define(...)` and `recv.define_tool(...)` definitions. */
function findDefinedTools(masked: Masked, source: string, requires: Requires, serverInFile: boolean): RubyToolDef[] {
  const { code } = masked;
  const defs: RubyToolDef[] = [];
  const read = (m: RegExpMatchArray, assignable: boolean): void => {
    const span = argsOf(code, (m.index as number) + m[0].length);
    if (span === undefined) return;
    const args = keywords(code, span);
    const nameAt = args.get('name');
    let name = nameAt === undefined ? undefined : stringAt(masked, source, nameAt);
    if (nameAt === undefined && assignable) {
      // `MyTool = MCP::Tool.define(...)`: the class takes the constant's name.
      const lineStart = code.lastIndexOf('\n', m.index as number) + 1;
      const constant = /([A-Z]\w*)\s*=\s*$/.exec(code.slice(lineStart, m.index as number));
      if (constant !== null) name = mcpToolName(constant[1] as string);
    }
    if (!name) return;
    const descAt = args.get('description');
    const description = descAt === undefined ? undefined : stringAt(masked, source, descAt);
    defs.push({ sdk: mcpNamespaceSdk(requires), name, offset: m.index as number, ...(description ? { description } : {}) });
  };
  for (const m of code.matchAll(callRegex(rubyServerCall('MCP::Tool.define')))) {
    if (defs.length >= MAX_CALLS) break;
    read(m, true);
  }
  if (requires.mcp || serverInFile) {
    for (const m of code.matchAll(/\.\s*define_tool\b/g)) {
      if (defs.length >= MAX_CALLS) break;
      read(m, false);
    }
  }
  return defs;
}

interface FoundServers {
  readonly servers: RubyServer[];
  /** Classes the file registers on a server (`tools: [...]`, `register_tool(s)(...)`), and the SDK. */
  readonly registered: Map<string, SdkId>;
  readonly transports: { transport: string; offset: number }[];
}

function findServers(masked: Masked, source: string, requires: Requires, path: string, scope: string): FoundServers {
  const { code } = masked;
  const servers: RubyServer[] = [];
  const registered = new Map<string, SdkId>();
  const transports: { transport: string; offset: number }[] = [];
  const fastVariables = new Set<string>();
  const inferred = (): string => inferServerName(path, scope, RUBY_LAYOUT).name;
  for (const row of RUBY_MCP_SERVERS) {
    const sdkId = row.call.startsWith('MCP::') ? mcpNamespaceSdk(requires) : row.sdk;
    const sdk = sdkId === row.sdk ? RUBY_MCP_SDKS[row.sdk] : { ...RUBY_MCP_SDKS[sdkId], api: 'MCP::Server' };
    for (const m of code.matchAll(callRegex(rubyServerCall(row.call)))) {
      if (servers.length >= MAX_SERVERS) break;
      const span = argsOf(code, m.index + m[0].length);
      const args = span === undefined ? new Map<string, number>() : keywords(code, span);
      const nameAt = args.get('name');
      const literal = nameAt === undefined ? undefined : stringAt(masked, source, nameAt);
      // Unclosed arguments are not read: the name is unknown, not the default.
      const name = literal || (nameAt === undefined && span !== undefined ? row.defaultName : undefined);
      servers.push({ name: name ?? inferred(), sdk, offset: m.index, literal: Boolean(literal) });
      const tools = args.get('tools');
      if (span !== undefined && tools !== undefined && code[tools] === '[') {
        const close = closingBracket(code, tools);
        if (close < span.close) for (const c of constantsIn(code, tools, close)) registered.set(c, sdkId);
      }
      if (row.transport !== undefined) transports.push({ transport: row.transport, offset: m.index });
      // `server = FastMcp::Server.new(...)`: `server.start` is its stdio transport.
      if (sdkId === 'fast-mcp') {
        const lineStart = code.lastIndexOf('\n', m.index) + 1;
        const variable = /([@$]?\w+)\s*=\s*$/.exec(code.slice(lineStart, m.index));
        if (variable !== null) fastVariables.add(variable[1] as string);
      }
    }
  }
  for (const m of code.matchAll(/\.\s*register_tools?\b/g)) {
    const span = argsOf(code, m.index + m[0].length);
    if (span !== undefined) for (const c of constantsIn(code, span.open, span.close)) registered.set(c, 'fast-mcp');
    if (registered.size >= MAX_TOOLS) break;
  }
  for (const t of RUBY_MCP_TRANSPORTS) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w])${t.name}\\b`, 'g'))) {
      if (transports.length >= 100) break;
      transports.push({ transport: t.transport, offset: m.index });
    }
  }
  for (const m of code.matchAll(/(?<![\w@$])([@$]?\w+)\s*\.\s*start(_rack)?\b(?![?!])/g)) {
    if (transports.length >= 100) break;
    if (m[2] !== undefined) transports.push({ transport: 'sse', offset: m.index });
    else if (fastVariables.has(m[1] as string)) transports.push({ transport: 'stdio', offset: m.index });
  }
  servers.sort((a, b) => a.offset - b.offset);
  return { servers, registered, transports };
}

/**
 * MCP servers, tools and transports of one masked Ruby file (`source`: the text as written, for
 * heredocs); `requires`: whether it requires `mcp` / `fast_mcp`. `path` and `scope` name unnamed
 * and inferred servers.
 */
export function findRubyMcp(masked: Masked, source: string, requires: Requires, path: string, scope: string): ImplementedMcp<RubyMcpSdk> {
  try {
    const { servers, registered, transports } = findServers(masked, source, requires, path, scope);
    const lines = new Lines(masked.code);
    const defs = [...findToolClasses(masked, source, lines, registered, requires), ...findDefinedTools(masked, source, requires, servers.length > 0)].sort((a, b) => a.offset - b.offset);
    const tools = assignTools(servers, defs, (d) => RUBY_MCP_SDKS[d.sdk], path, scope, RUBY_LAYOUT);
    return { servers, tools, transports: servers.some((s) => s.inferredFrom === undefined) ? transports : [] };
  } finally {
    releaseBrackets();
  }
}
