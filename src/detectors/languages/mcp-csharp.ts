/**
 * MCP servers and tools implemented in C# with the official SDK (`ModelContextProtocol`,
 * `ModelContextProtocol.AspNetCore`; modelcontextprotocol/csharp-sdk), read on masked code:
 * - a server per `.AddMcpServer(...)` call, named by a literal `ServerInfo = new Implementation { Name = "..." }`
 *   (`new() { ... }` too; or a `const string` of the file the `Name` names) among its arguments, else
 *   anywhere in a file holding one such call, else as the SDK names it then, after the entry assembly
 *   (`AssemblyNameHelper`): the nearest enclosing `.csproj` read through the connector's folders
 *   (`projectAssemblyName`), else the nearest non-layout folder, else the repository (then `inferred`). `AddMcpServer` lives in
 *   `Microsoft.Extensions.DependencyInjection`, so a `Program.cs` often has no `ModelContextProtocol`
 *   using: the call alone counts (the pre-check lets such a file through);
 * - a tool per method carrying `[McpServerTool]` (`[McpServerTool(Name = "...")]`, alone or in one
 *   list with `Description`), named by `Name`, else as the SDK derives it from the method name
 *   (`AIFunctionMcpServerTool.DeriveName`: an `Async` suffix dropped when the method returns
 *   `Task`/`ValueTask`/`IAsyncEnumerable`, runs of other characters than ASCII letters and digits
 *   turned into `_` and trimmed, then `JsonNamingPolicy.SnakeCaseLower`), described by a literal
 *   `[Description("...")]` on the method (literals joined by `+` too). Tools are read only in files
 *   that use a `ModelContextProtocol` namespace;
 * - each tool belongs to the nearest server above it in the file, else the file's first, else one
 *   server inferred as an unnamed server is named (the project, `inferredFrom: 'project'`; else the
 *   path, `mcp-implemented.ts`), which joins the server its project declares when both take the
 *   project's name, else the pipeline folds it into the one server its project declares
 *   (`pipeline/fold-servers.ts`);
 * - transports `.WithStdioServerTransport()`, `.WithHttpTransport()` on every server of the file.
 */
import { GENERIC_FOLDERS, inferServerName, type InferredFrom } from '../shared/mcp-server-name.ts';
import { closingBracket, releaseBrackets, skipSpace } from './brackets.ts';
import type { SiblingFiles } from '../types.ts';
import type { Masked } from './mask.ts';
import { assignTools, entries, literalText, wholeLiteral, type ImplementedMcp, type ImplementedServer, type ToolDef } from './mcp-implemented.ts';

const SDK: ImplementedServer['sdk'] = { module: 'ModelContextProtocol', api: 'McpServer' };

/** Builder calls that choose a transport (csharp-sdk `McpServerBuilderExtensions`, `HttpMcpServerBuilderExtensions`). */
const TRANSPORTS: readonly { readonly method: string; readonly transport: string }[] = [
  { method: 'WithStdioServerTransport', transport: 'stdio' },
  { method: 'WithHttpTransport', transport: 'streamable-http' },
];
/** A chained call of one of `TRANSPORTS`. */
const TRANSPORT_CALL = new RegExp(`\\.\\s*(${TRANSPORTS.map((t) => t.method).join('|')})\\s*\\(`, 'g');

/** Attribute sections and servers read per file at most (generated code is not read further). */
const MAX_SECTIONS = 5000;
const MAX_SERVERS = 100;
const MAX_TOOLS = 2000;
/** Attribute lists in one section run (`[A][B, C]`), and the characters of a method header read after them. */
const MAX_LISTS = 16;
const HEADER = 600;

const MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'static', 'async', 'virtual', 'override', 'sealed', 'new', 'unsafe', 'extern', 'partial', 'abstract', 'readonly']);

/**
 * The file's `const string X = "..."` constants (any class): name → text. A name declared twice
 * with different texts is left out (which one a reference means is not told apart).
 */
function stringConstants(masked: Masked): Map<string, string> {
  const { code, strings } = masked;
  const out = new Map<string, string>();
  const clashing = new Set<string>();
  for (const m of code.matchAll(/\bconst\s+(?:string|String|System\.String)\s+(\w+)\s*=\s*/g)) {
    if (out.size + clashing.size >= MAX_CONSTANTS) break;
    const at = m.index + m[0].length;
    const end = code.indexOf(';', at);
    const text = end === -1 ? undefined : wholeLiteral(code, strings, at, end);
    const name = m[1] as string;
    if (text === undefined || clashing.has(name)) continue;
    if (out.has(name) && out.get(name) !== text) {
      out.delete(name);
      clashing.add(name);
    } else out.set(name, text);
  }
  return out;
}

/**
 * Every `ServerInfo = new Implementation { Name = ... }` of the file (`new() { ... }` too), in order,
 * named by a literal or by a `const string` of the file (`Name = ServerName`, `Name = Names.Server`).
 */
function serverInfos(masked: Masked): { offset: number; name?: string }[] {
  const { code, strings } = masked;
  const out: { offset: number; name?: string }[] = [];
  let constants: Map<string, string> | undefined;
  for (const m of code.matchAll(/\bServerInfo\s*=\s*new\s*(?:[\w.]*Implementation\s*)?(?:\(\s*\)\s*)?\{/g)) {
    if (out.length >= MAX_SERVERS) break;
    const open = m.index + m[0].length - 1;
    const at = entries(code, open, '=').get('Name');
    let name = at === undefined ? undefined : literalText(code, strings, at, closingBracket(code, open))?.trim();
    // A constant, alone as the value: its last segment is looked up among the file's constants.
    const ref = at === undefined || name !== undefined ? null : /^(?:global::)?(?:\w+\s*\.\s*)*(\w+)\s*(?=[,}])/.exec(code.slice(at, at + 200));
    if (ref) name = (constants ??= stringConstants(masked)).get(ref[1] as string)?.trim();
    out.push({ offset: m.index, ...(name ? { name } : {}) });
  }
  return out;
}

/**
 * The name of the entry assembly the SDK names an unnamed server after
 * (`AssemblyNameHelper.DefaultAssemblyName`: `Assembly.GetEntryAssembly().GetName().Name`), read from
 * the nearest folder at or above the file holding a `.csproj`: its `<AssemblyName>`, with the
 * properties the project sets itself to literals and `$(MSBuildProjectName)` expanded, else the file
 * stem (MSBuild's default, `$(MSBuildProjectName)`). Undefined when no folder up to the
 * scanned root holds one, when the nearest holds several (which one builds the file is not told),
 * or when the connector gives no folders. A `.csproj` in another branch of the tree never counts.
 */
export function projectAssemblyName(siblings: SiblingFiles | undefined): string | undefined {
  let folder = siblings;
  for (let depth = 0; folder !== undefined && depth < MAX_PROJECT_DEPTH; depth++) {
    const here = folder;
    const found = here.memo('languages:csproj-assembly', () => assemblyHere(here));
    if (found !== undefined) return found === AMBIGUOUS ? undefined : found;
    folder = here.parent?.();
  }
  return undefined;
}

const AMBIGUOUS = '\0ambiguous';
/** Folders walked up from a file in search of its project. */
const MAX_PROJECT_DEPTH = 32;
/** `const string` declarations read per file. */
const MAX_CONSTANTS = 2000;

/** The assembly name of the one `.csproj` of a folder; `AMBIGUOUS` for several; undefined for none. */
function assemblyHere(folder: SiblingFiles): string | undefined {
  const projects = folder.names().filter((n) => /\.csproj$/i.test(n));
  if (projects.length === 0) return undefined;
  if (projects.length > 1) return AMBIGUOUS;
  const file = projects[0] as string;
  const stem = file.slice(0, -'.csproj'.length);
  const text = (folder.read(file) ?? '').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const value = propertyOnce(text, 'AssemblyName');
  if (value === undefined || value.length > MAX_ASSEMBLY_NAME) return stem;
  // Properties the project itself sets once to a literal (`<CliName>azmcp</CliName>` then
  // `<AssemblyName>$(CliName)</AssemblyName>`), and MSBuild's `$(MSBuildProjectName)`: the file stem.
  const expanded = value.replace(/\$\(\s*([A-Za-z_][\w.-]*)\s*\)/g, (whole, name: string) => {
    if (name.toLowerCase() === 'msbuildprojectname') return stem;
    const own = propertyOnce(text, name);
    return own === undefined || /[$@%]/.test(own) ? whole : own;
  });
  // Anything left to expand (another project's or an imported property, an item `@(...)`, metadata `%(...)`): the stem.
  return expanded !== '' && !/[$@%]/.test(expanded) ? expanded : stem;
}

/** Longest `<AssemblyName>` value read (a bound on the properties expanded in it). */
const MAX_ASSEMBLY_NAME = 256;

/** The value of a property a project file sets exactly once (trimmed, non-empty); undefined otherwise. Names are case-insensitive, as in MSBuild. */
function propertyOnce(text: string, name: string): string | undefined {
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) return undefined;
  const tag = name.replaceAll('.', '\\.');
  const values = new Set([...text.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}\\s*>`, 'gi'))].map((m) => (m[1] as string).trim()));
  const [value] = values;
  return values.size === 1 && value !== undefined && value !== '' ? value : undefined;
}

function findServers(masked: Masked, path: string, scope: string, siblings: SiblingFiles | undefined): ImplementedServer[] {
  const { code } = masked;
  const calls: { offset: number; open: number; close: number }[] = [];
  for (const m of code.matchAll(/\.\s*AddMcpServer\s*\(/g)) {
    if (calls.length >= MAX_SERVERS) break;
    const open = m.index + m[0].length - 1;
    calls.push({ offset: m.index + m[0].indexOf('AddMcpServer'), open, close: closingBracket(code, open) });
  }
  const infos = calls.length === 0 ? [] : serverInfos(masked);
  // Set elsewhere than in the call's options (`services.Configure<McpServerOptions>(...)`): only a file's one server takes it.
  const fallback = calls.length === 1 ? infos[0]?.name : undefined;
  let project: string | undefined | null = null;
  return calls.map((c) => {
    const inside = infos.find((i) => i.offset > c.open && i.offset < c.close);
    const name = inside === undefined ? fallback : inside.name;
    if (name !== undefined) return { name, sdk: SDK, offset: c.offset, literal: true };
    // Unnamed, the SDK names the server after the entry assembly: the project's, else (no project found) its folder.
    if (project === null) project = projectAssemblyName(siblings);
    return { name: project ?? inferServerName(path, scope).name, sdk: SDK, offset: c.offset, literal: false };
  });
}

/** `JsonNamingPolicy.SnakeCaseLower` on a name of ASCII letters, digits and `_` (System.Text.Json `JsonSeparatorNamingPolicy`). */
export function snakeCaseLower(name: string): string {
  let out = '';
  let state: 'start' | 'upper' | 'lower' = 'start';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    if (c >= 'A' && c <= 'Z') {
      const next = name[i + 1];
      if (state === 'lower' || (state === 'upper' && next !== undefined && next >= 'a' && next <= 'z')) out += '_';
      out += c.toLowerCase();
      state = 'upper';
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      state = 'lower';
    } else {
      out += c;
      state = 'start';
    }
  }
  return out;
}

/** The tool name the SDK derives from a method (`AIFunctionMcpServerTool.DeriveName`). */
export function deriveToolName(method: string, returnsTask: boolean): string {
  let name = returnsTask && method.endsWith('Async') && method.length > 5 ? method.slice(0, -5) : method;
  name = name.replace(/[^0-9A-Za-z]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') name = method;
  return snakeCaseLower(name);
}

/** One attribute of a list: its last name segment (`Attribute` suffix dropped) and the `(` of its arguments. */
interface Attribute {
  readonly name: string;
  readonly open?: number;
}

/** The attributes of the list whose `[` is at `open` (`[method: A(x), B]`). */
function attributesOf(code: string, open: number, close: number): Attribute[] {
  const out: Attribute[] = [];
  let i = open + 1;
  while (i < close && out.length < 32) {
    i = skipSpace(code, i);
    const m = /^(?:\w+\s*:(?!:)\s*)?((?:global::)?[\w.]+)\s*/.exec(code.slice(i, i + 300));
    if (m === null) return out;
    const name = (m[1] as string).slice((m[1] as string).lastIndexOf('.') + 1).replace(/Attribute$/, '');
    i += m[0].length;
    if (code[i] === '(') {
      out.push({ name, open: i });
      i = skipSpace(code, closingBracket(code, i) + 1);
    } else out.push({ name });
    if (code[i] !== ',') return out;
    i++;
  }
  return out;
}

/** `text` with generic arguments (`<...>`, nested) removed. */
function withoutGenerics(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '<') depth++;
    else if (c === '>' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** The method declared at `at` (after its attributes): its name and whether it returns a task. */
function methodAt(code: string, at: number): { name: string; returnsTask: boolean } | undefined {
  const limit = Math.min(code.length, at + HEADER);
  let search = at;
  for (let tries = 0; tries < 4; tries++) {
    const paren = code.indexOf('(', search);
    if (paren === -1 || paren >= limit) return undefined;
    const before = withoutGenerics(code.slice(at, paren));
    // A field, property or statement follows the attributes, not a method; or more attributes than were read.
    if (/[;{}=]|\[\s*[^\s\],]/.test(before)) return undefined;
    const words = before.replace(/@/g, '').trim().split(/\s+/).filter((w) => w !== '' && !MODIFIERS.has(w));
    const name = words.length >= 2 ? words[words.length - 1] : undefined;
    if (name === undefined || !/^\w+$/.test(name)) {
      // A tuple return type `(int, string) Name(`: its `(` comes first.
      search = closingBracket(code, paren) + 1;
      continue;
    }
    return { name, returnsTask: /^(?:global::)?(?:\w+\.)*(?:Task|ValueTask|IAsyncEnumerable)$/.test(words[0] as string) };
  }
  return undefined;
}

/** True when `[` at `i` opens an attribute section: first on its line, or after `;`, `{`, `}` or `]`. */
function startsSection(code: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (code[j] === ' ' || code[j] === '\t' || code[j] === '\r')) j--;
  return j < 0 || code[j] === '\n' || ';{}]'.includes(code[j] as string);
}

function findToolDefs(masked: Masked): ToolDef[] {
  const { code, strings } = masked;
  const defs: ToolDef[] = [];
  let sections = 0;
  let from = 0;
  for (;;) {
    const start = code.indexOf('[', from);
    if (start === -1 || sections >= MAX_SECTIONS || defs.length >= MAX_TOOLS) break;
    from = start + 1;
    if (!startsSection(code, start)) continue;
    sections++;
    // The run of attribute lists before one declaration.
    const attributes: Attribute[] = [];
    let open = start;
    let end = start;
    for (let lists = 0; lists < MAX_LISTS && code[open] === '['; lists++) {
      const close = closingBracket(code, open);
      if (close >= code.length) break;
      attributes.push(...attributesOf(code, open, close));
      end = close + 1;
      open = skipSpace(code, end);
    }
    from = Math.max(from, end);
    const tool = attributes.find((a) => a.name === 'McpServerTool');
    if (tool === undefined) continue;
    const method = methodAt(code, skipSpace(code, end));
    if (method === undefined) continue;
    const nameAt = tool.open === undefined ? undefined : entries(code, tool.open, '=').get('Name');
    const explicit = nameAt === undefined ? undefined : literalText(code, strings, nameAt, closingBracket(code, tool.open as number))?.trim();
    const description = attributes.filter((a) => a.name === 'Description' && a.open !== undefined).map((a) => {
      const arg = skipSpace(code, (a.open as number) + 1);
      return literalText(code, strings, arg, closingBracket(code, a.open as number))?.trim();
    })[0];
    const name = explicit || deriveToolName(method.name, method.returnsTask);
    defs.push({ name, offset: start, ...(description ? { description } : {}) });
  }
  return defs;
}

function findTransports(code: string): { transport: string; offset: number }[] {
  const out: { transport: string; offset: number }[] = [];
  for (const m of code.matchAll(TRANSPORT_CALL)) {
    const row = TRANSPORTS.find((t) => t.method === m[1]);
    if (row !== undefined && out.length < 100) out.push({ transport: row.transport, offset: m.index + 1 });
  }
  return out;
}

/**
 * MCP servers, tools and transports of one masked C# file; `usesSdk` when the file uses a
 * `ModelContextProtocol` namespace (tools are read only then). `path` and `scope` name unnamed and
 * inferred servers.
 */
export function findCsharpMcp(masked: Masked, usesSdk: boolean, path: string, scope: string, siblings?: SiblingFiles): ImplementedMcp {
  try {
    const servers = findServers(masked, path, scope, siblings);
    // Tools of a file without a server: their server is inferred as an unnamed one is named, after the project.
    const infer = (): { name: string; from: InferredFrom } => {
      const project = projectAssemblyName(siblings);
      return project === undefined ? inferServerName(path, scope) : { name: project, from: 'project' };
    };
    const tools = usesSdk ? assignTools(servers, findToolDefs(masked), () => SDK, path, scope, GENERIC_FOLDERS, infer) : [];
    return { servers, tools, transports: servers.some((s) => s.inferredFrom === undefined) ? findTransports(masked.code) : [] };
  } finally {
    releaseBrackets();
  }
}

/** Quick test for a file worth reading for servers without a `ModelContextProtocol` using. */
export const ADD_MCP_SERVER = /\.\s*AddMcpServer\s*\(/;
