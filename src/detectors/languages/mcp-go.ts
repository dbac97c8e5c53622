/**
 * MCP servers and tools implemented in Go (`mcp-catalog.ts`), read on masked code the way the
 * JavaScript and Python detectors read theirs, so policies see the same shapes:
 * - a server per constructor (`server.NewMCPServer("name", ...)`, `mcp.NewServer(&mcp.Implementation{Name: "name"}, nil)`),
 *   named by its literal, else the file stem, or for an entry file (`main.go`) its folder or repository (then `inferred`);
 * - a tool per definition: `mcp.NewTool("name", mcp.WithDescription("..."))` (mcp-go) and
 *   `mcp.Tool{Name: "name", Description: "..."}` (both SDKs). A definition is counted wherever it is
 *   written, not only inside `AddTool(...)`: the type belongs to the MCP SDK, and servers such as
 *   github-mcp-server build their tools in helper functions registered elsewhere;
 * - each tool belongs to the nearest server constructed above it in the file, else the file's first;
 *   in a file that constructs none, to one inferred server named like the JavaScript detector's
 *   (nearest non-layout folder, else the repository, else the file stem; `inferredFrom`);
 * - transports (`server.ServeStdio(s)`, `&mcp.StdioTransport{}`, ...) on every server of the file.
 * Literal names only (no constants); a description is a literal, or the last literal of a call
 * whose arguments are all literals (`t("TOOL_X_DESCRIPTION", "Default text")`, a translation helper).
 */
import { GENERIC_FOLDERS, unnamedServerName } from '../shared/mcp-server-name.ts';
import { closingBracket, releaseBrackets, skipSpace } from './brackets.ts';
import type { ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import { GO_LAYOUT_FOLDERS, GO_MCP_SDKS, type GoMcpSdk } from './mcp-catalog.ts';
import { assignTools, entries, type ImplementedMcp, type ImplementedServer } from './mcp-implemented.ts';

/** A Go server (`literal` false when the name is the file stem or inferred). */
type GoMcpServer = ImplementedServer<GoMcpSdk>;
type GoMcpFound = ImplementedMcp<GoMcpSdk>;

/** Local names of the imported Go packages (alias, else the path's last segment). */
function packageNames(imports: readonly ImportRef[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const ref of imports) {
    const local = ref.alias ?? ref.path.slice(ref.path.lastIndexOf('/') + 1);
    if (local === '_' || local === '.') continue;
    names.set(ref.path, [...(names.get(ref.path) ?? []), local]);
  }
  return names;
}

/** Offsets just past `pkg.Name` for every local name of the package. */
function uses(code: string, locals: readonly string[], name: string): number[] {
  const out: number[] = [];
  for (const local of locals) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w.])${local}\\s*\\.\\s*${name}\\b`, 'g'))) out.push(m.index + m[0].length);
  }
  return out.sort((a, b) => a - b);
}

/** A string value at `at`: a literal, or the last literal of a call whose arguments are all literals. */
function stringValue(masked: Masked, at: number): string | undefined {
  const { code, strings } = masked;
  if (code[at] === '"') return strings.get(at);
  const call = /^[\w.]+\s*\(/.exec(code.slice(at, at + 200));
  if (call === null) return undefined;
  const open = at + call[0].length - 1;
  const close = closingBracket(code, open);
  if (close >= code.length) return undefined;
  const args = code.slice(open + 1, close);
  // Masked literals are `"` + blanks, so all-literal arguments leave only quotes, commas and blanks.
  if (!/^[\s",]*$/.test(args)) return undefined;
  const quotes = [...args.matchAll(/"/g)].map((m) => open + 1 + m.index);
  return quotes.length === 0 ? undefined : strings.get(quotes[quotes.length - 1] as number);
}

/** Top-level `Field: value` entries of a composite literal whose `{` is at `open`: field → offset of the value. */
const fields = (code: string, open: number): Map<string, number> => entries(code, open, ':');

function findServers(masked: Masked, names: Map<string, string[]>, stem: string): GoMcpServer[] {
  const servers: GoMcpServer[] = [];
  for (const sdk of GO_MCP_SDKS) {
    for (const end of uses(masked.code, names.get(sdk.serverPackage) ?? [], sdk.serverFunc)) {
      const open = skipSpace(masked.code, end);
      if (masked.code[open] !== '(') continue;
      let name: string | undefined;
      const first = skipSpace(masked.code, open + 1);
      if (sdk.nameShape === 'first-argument') name = masked.code[first] === '"' ? masked.strings.get(first) : undefined;
      else {
        const impl = /^&?\s*(\w+)\s*\.\s*Implementation\s*\{/.exec(masked.code.slice(first, first + 200));
        const at = impl === null ? undefined : fields(masked.code, first + impl[0].length - 1).get('Name');
        name = at === undefined || masked.code[at] !== '"' ? undefined : masked.strings.get(at);
      }
      const literal = name !== undefined && name.trim() !== '';
      servers.push({ name: literal ? (name as string).trim() : stem, sdk, offset: end, literal });
    }
  }
  return servers.sort((a, b) => a.offset - b.offset);
}

interface ToolDef {
  readonly sdk: GoMcpSdk;
  readonly name: string;
  readonly description?: string;
  readonly offset: number;
}

/** Tool definitions read per file at most: real servers register tens; generated code is not read further. */
const MAX_TOOL_DEFS = 2000;

function findToolDefs(masked: Masked, names: Map<string, string[]>): ToolDef[] {
  const { code, strings } = masked;
  const defs: ToolDef[] = [];
  for (const sdk of GO_MCP_SDKS) {
    const locals = names.get(sdk.toolPackage) ?? [];
    if (sdk.toolFunc !== undefined) {
      const descriptions = uses(code, locals, sdk.toolFunc.description);
      // Tools come in file order: one pointer walks the (sorted) description calls.
      let d = 0;
      for (const end of uses(code, locals, sdk.toolFunc.name)) {
        if (defs.length >= MAX_TOOL_DEFS) break;
        const open = skipSpace(code, end);
        const first = skipSpace(code, open + 1);
        if (code[open] !== '(' || code[first] !== '"') continue;
        const name = strings.get(first)?.trim();
        const close = closingBracket(code, open);
        if (close >= code.length) continue;
        while (d < descriptions.length && (descriptions[d] as number) <= first) d++;
        const desc = d < descriptions.length && (descriptions[d] as number) < close ? descriptions[d] : undefined;
        const descOpen = desc === undefined ? undefined : skipSpace(code, desc);
        const description = descOpen === undefined || code[descOpen] !== '(' ? undefined : stringValue(masked, skipSpace(code, descOpen + 1));
        if (name) defs.push({ sdk, name, offset: first, ...(description?.trim() ? { description: description.trim() } : {}) });
      }
    }
    for (const end of uses(code, locals, 'Tool')) {
      if (defs.length >= MAX_TOOL_DEFS) break;
      const open = skipSpace(code, end);
      if (code[open] !== '{') continue;
      const entries = fields(code, open);
      const at = entries.get('Name');
      const name = at === undefined || code[at] !== '"' ? undefined : strings.get(at)?.trim();
      const descAt = entries.get('Description');
      const description = descAt === undefined ? undefined : stringValue(masked, descAt)?.trim();
      if (name && at !== undefined) defs.push({ sdk, name, offset: at, ...(description ? { description } : {}) });
    }
  }
  return defs.sort((a, b) => a.offset - b.offset);
}

function findTransports(masked: Masked, names: Map<string, string[]>): { transport: string; offset: number }[] {
  return GO_MCP_SDKS.flatMap((sdk) => sdk.transports.flatMap((t) => uses(masked.code, names.get(t.pkg) ?? [], t.name).map((offset) => ({ transport: t.transport, offset }))));
}

/** MCP servers, tools and transports of one masked Go file (`path` and `scope` name an inferred server). */
export function findGoMcp(masked: Masked, imports: readonly ImportRef[], path: string, scope: string): GoMcpFound {
  try {
    return findInFile(masked, imports, path, scope);
  } finally {
    releaseBrackets();
  }
}

function findInFile(masked: Masked, imports: readonly ImportRef[], path: string, scope: string): GoMcpFound {
  const names = packageNames(imports);
  const servers = findServers(masked, names, unnamedServerName(path, scope, [...GENERIC_FOLDERS, ...GO_LAYOUT_FOLDERS]));
  const defs = findToolDefs(masked, names);
  const tools = assignTools(servers, defs, (def) => def.sdk, path, scope, [...GENERIC_FOLDERS, ...GO_LAYOUT_FOLDERS]);
  // Transports belong to constructed servers; an inferred one (tools only) gets none.
  const constructed = servers.some((s) => s.inferredFrom === undefined);
  return { servers, tools, transports: constructed ? findTransports(masked, names) : [] };
}
