/**
 * MCP servers and tools implemented in Rust with the official `rmcp` crate
 * (modelcontextprotocol/rust-sdk), read on masked code of files that `use rmcp::…`:
 * - a server per `impl ServerHandler for Type` (what `#[tool_handler]` decorates) and per
 *   `#[tool_router(server_handler)]` (the macro writes that impl), named by a literal
 *   `Implementation { name: "..." }` or `Implementation::new("...", ...)` inside the impl (a client's
 *   `ClientInfo` may name itself elsewhere in the file), else as `Implementation::from_build_env()`
 *   names it, after the crate: the nearest non-layout folder, else the repository (then `inferred`);
 * - a tool per `#[tool]` / `#[tool(...)]` method inside an `impl` block marked `#[tool_router]`
 *   (`#[tool(tool_box)]` in rmcp 0.1): named by `name = "..."`, else the fn name (the macro's
 *   rule); described by `description = "..."`, else by the fn's doc comments, trimmed, empty ones
 *   dropped, joined by new lines (the macro's rule). A `#[tool]` outside such a block belongs to
 *   another crate's macro and is not read;
 * - in a file that implements a server, a tool per hand-built rmcp `Tool` value (a server that lists its
 *   tools itself): `Tool::new(name, description, schema)`, `Tool::new_with_raw(name, Option<description>,
 *   schema)`, `Tool { name: ..., description: ... }`, named by a literal (bare, `Cow::Borrowed("...")`,
 *   `"...".into()`, `.to_string()`...), described likewise (`Some(...)` where an `Option`). Elsewhere
 *   `Tool` values are a client's or a test's; a bare `Tool` the file declares or imports from
 *   another crate is not rmcp's;
 * - each tool belongs to the nearest server above it in the file, else the file's first, else one
 *   server inferred from the path (`mcp-implemented.ts`);
 * - transports `stdio()`, `StreamableHttpService`, `SseServer` on every server of the file.
 */
import { GENERIC_FOLDERS, inferServerName } from '../shared/mcp-server-name.ts';
import { closingBracket, releaseBrackets, skipSpace, splitArgs } from './brackets.ts';
import type { Masked } from './mask.ts';
import { assignTools, entries, literalText, type ImplementedMcp, type ImplementedServer, type ToolDef } from './mcp-implemented.ts';

const SDK: ImplementedServer['sdk'] = { module: 'rmcp', api: 'ServerHandler' };
/** Cargo layout folders, beside the shared ones, that never name a crate (`src/bin/`, `examples/`). */
const CARGO_LAYOUT = [...GENERIC_FOLDERS, 'bin', 'examples', 'benches'];

/** Servers, tool blocks and tools read per file at most (generated code is not read further). */
const MAX_SERVERS = 100;
const MAX_BLOCKS = 200;
const MAX_TOOLS = 2000;
/** Attributes between a `#[tool]` and its `fn`, and doc comment lines read above it. */
const MAX_ATTRIBUTES = 16;
const MAX_DOC_LINES = 200;

interface Span {
  readonly offset: number;
  readonly open: number;
  readonly close: number;
}

/** The `{` of the `impl` block following `at` (the item an attribute decorates), and its `}`. */
function implBlock(code: string, at: number): { open: number; close: number } | undefined {
  const m = /^\s*(?:#\s*\[[^\]]*\]\s*)*(?:unsafe\s+)?impl\b[^{;]{0,400}\{/.exec(code.slice(at, at + 2000));
  if (m === null) return undefined;
  const open = at + m[0].length - 1;
  const close = closingBracket(code, open);
  return close >= code.length ? undefined : { open, close };
}

/** Literal server names of `Implementation { name: "..." }` and `Implementation::new("...", ...)`, in order. */
function implementationNames(masked: Masked): { offset: number; name: string }[] {
  const { code, strings } = masked;
  const out: { offset: number; name: string }[] = [];
  for (const m of code.matchAll(/\bImplementation\s*(?:\{|::\s*new\s*\()/g)) {
    if (out.length >= MAX_SERVERS) break;
    const open = m.index + m[0].length - 1;
    const at = code[open] === '{' ? entries(code, open, ':').get('name') : skipSpace(code, open + 1);
    const name = at === undefined ? undefined : literalText(code, strings, at, closingBracket(code, open))?.trim();
    if (name) out.push({ offset: m.index, name });
  }
  return out;
}

function findServers(masked: Masked, path: string, scope: string): ImplementedServer[] {
  const { code } = masked;
  const spans: Span[] = [];
  for (const m of code.matchAll(/\bimpl\b(?:\s*<[^<>{};]{0,200}>)?\s+(?:::\s*)?(?:\w{1,100}\s*::\s*){0,8}ServerHandler\s+for\b[^{;]{0,200}\{/g)) {
    if (spans.length >= MAX_SERVERS) break;
    const open = m.index + m[0].length - 1;
    spans.push({ offset: m.index, open, close: closingBracket(code, open) });
  }
  for (const m of code.matchAll(/#\s*\[\s*(?:rmcp\s*::\s*)?tool_router\s*\(([^\]]{0,300})\)\s*\]/g)) {
    if (spans.length >= MAX_SERVERS) break;
    if (!/\bserver_handler\b/.test(m[1] as string)) continue;
    const block = implBlock(code, m.index + m[0].length);
    if (block !== undefined) spans.push({ offset: m.index, ...block });
  }
  spans.sort((a, b) => a.offset - b.offset);
  const names = spans.length === 0 ? [] : implementationNames(masked);
  // Only inside the impl: a client's `ClientInfo { client_info: Implementation { ... } }` may share the file.
  return spans.map((s) => {
    const name = names.find((n) => n.offset > s.open && n.offset < s.close)?.name;
    // Unnamed, `Implementation::from_build_env()` names the server after the crate, usually its folder.
    return name === undefined ? { name: inferServerName(path, scope, CARGO_LAYOUT).name, sdk: SDK, offset: s.offset, literal: false } : { name, sdk: SDK, offset: s.offset, literal: true };
  });
}

/** The `impl` blocks whose tools the rmcp macros register: `#[tool_router]`, rmcp 0.1's `#[tool(tool_box)]`. */
function toolBlocks(code: string): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  for (const m of code.matchAll(/#\s*\[\s*(?:rmcp\s*::\s*)?(?:tool_router\b|tool\s*\(\s*tool_box\s*\))/g)) {
    if (out.length >= MAX_BLOCKS) break;
    const block = implBlock(code, closingBracket(code, m.index + m[0].indexOf('[')) + 1);
    if (block !== undefined && !out.some((b) => b.open === block.open)) out.push(block);
  }
  return out;
}

/** Doc comment text above `at` (`///` lines, attributes between them and the item skipped), as the macro joins it. */
function docAbove(source: string, at: number): string | undefined {
  const lines: string[] = [];
  let end = source.lastIndexOf('\n', at - 1);
  for (let n = 0; n < MAX_DOC_LINES && end > 0; n++) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(start, end).trim();
    end = start - 1;
    if (line.startsWith('///') && !line.startsWith('////')) lines.push(line.slice(3).trim());
    else if (!line.startsWith('#[') && line !== '') break;
  }
  const text = lines.reverse().filter((l) => l !== '').join('\n');
  return text === '' ? undefined : text;
}

function findToolDefs(masked: Masked, source: string): ToolDef[] {
  const { code, strings } = masked;
  const blocks = toolBlocks(code);
  if (blocks.length === 0) return [];
  const defs: ToolDef[] = [];
  let after = 0;
  for (const m of code.matchAll(/#\s*\[\s*(?:rmcp\s*::\s*)?tool\b\s*(\(|\])/g)) {
    if (defs.length >= MAX_TOOLS) break;
    if (m.index < after || !blocks.some((b) => m.index > b.open && m.index < b.close)) continue;
    const args = m[1] === '(' ? m.index + m[0].length - 1 : undefined;
    const attrClose = closingBracket(code, m.index + m[0].indexOf('['));
    // Further attributes, then the fn.
    let at = skipSpace(code, attrClose + 1);
    for (let n = 0; n < MAX_ATTRIBUTES && code[at] === '#'; n++) at = skipSpace(code, closingBracket(code, skipSpace(code, at + 1)) + 1);
    after = at;
    const fn = /^(?:pub\s*(?:\([^()]{0,100}\)\s*)?)?(?:(?:async|const|unsafe)\s+)*(?:extern\s+"?\s*)?fn\s+((?:r#)?\w+)/.exec(code.slice(at, at + 300));
    if (fn === null) continue;
    const fields = args === undefined ? new Map<string, number>() : entries(code, args, '=');
    const argsClose = args === undefined ? 0 : closingBracket(code, args);
    const literal = (key: string): string | undefined => {
      const v = fields.get(key);
      return v === undefined ? undefined : literalText(code, strings, v, argsClose)?.trim();
    };
    const name = literal('name') || (fn[1] as string);
    // Doc comments sit above the attributes or between them and the fn.
    const description = fields.has('description') ? literal('description') : (docAbove(source, at) ?? docAbove(source, m.index));
    defs.push({ name, offset: m.index, ...(description ? { description } : {}) });
  }
  return defs;
}

/** Argument or field values read of a hand-built tool (a schema written inline can be long). */
const MAX_TOOL_SPAN = 20_000;

/**
 * The text of the value `[at, end)` when it is a literal, bare or as rmcp's `Into<Cow<str>>`
 * arguments are written: `Cow::Borrowed("…")`, `Cow::from("…")`, `String::from("…")`, `"…".into()`,
 * `.to_string()`, `.to_owned()`, and (`optional`) inside `Some(…)`; undefined for anything else.
 */
function rustLiteral(masked: Masked, at: number, end: number, optional: boolean, depth = 0): string | undefined {
  const { code, strings } = masked;
  const start = skipSpace(code, at);
  let stop = end;
  while (stop > start && /\s/.test(code[stop - 1] as string)) stop--;
  if (code[start] === '"') {
    const text = strings.get(start);
    if (text === undefined) return undefined;
    // The literal is masked as `"` + blanks; what follows may only be one conversion.
    let i = start + 1;
    while (i < stop && code[i] === ' ') i++;
    const rest = code.slice(i, stop);
    return /^(?:\.\s*(?:into|to_string|to_owned)\s*\(\s*\))?$/.test(rest) ? text : undefined;
  }
  if (depth > 2) return undefined;
  const wrap = /^(?:(?:(?:std\s*::\s*)?borrow\s*::\s*)?Cow\s*::\s*(?:Borrowed|from)|(?:std\s*::\s*string\s*::\s*)?String\s*::\s*from|Some)\s*\(/.exec(code.slice(start, start + 80));
  if (wrap === null || (wrap[0].startsWith('Some') && !optional)) return undefined;
  const open = start + wrap[0].length - 1;
  const close = closingBracket(code, open);
  if (close !== stop - 1) return undefined;
  return rustLiteral(masked, open + 1, close, optional && !wrap[0].startsWith('Some'), depth + 1);
}

/**
 * Whether a bare `Tool` of the file is another type than rmcp's: the file declares one, or
 * brings one in with a `use` of another crate (`use other::tool::Tool;`).
 */
function foreignTool(code: string): boolean {
  if (/\b(?:struct|enum|trait|type|union)\s+Tool\b/.test(code)) return true;
  for (const m of code.matchAll(/\buse\s+(?:::\s*)?(\w+)([^;]{0,2000});/g)) {
    if (m[1] !== 'rmcp' && /\bTool\b(?!\s+as\b)/.test(m[2] as string)) return true;
  }
  return false;
}

/**
 * Tools built by hand (the server lists them itself): `Tool::new(name, description, schema)`,
 * `Tool::new_with_raw(name, Option<description>, schema)` and `Tool { name: …, description: … }`,
 * `Tool` bare or as `rmcp::model::Tool` / `model::Tool`, with a literal name. Only in a file that
 * implements a server: elsewhere `Tool` values are a client's or a test's.
 */
function findBuiltTools(masked: Masked): ToolDef[] {
  const { code } = masked;
  const bare = !foreignTool(code);
  const defs: ToolDef[] = [];
  for (const m of code.matchAll(/(?<![\w:])((?:rmcp\s*::\s*)?model\s*::\s*)?(?:rmcp\s*::\s*)?Tool\s*(?:::\s*(new(?:_with_raw)?)\s*\(|\{)/g)) {
    if (defs.length >= MAX_TOOLS) break;
    const qualified = /^(?:rmcp|model)\b/.test(m[0]);
    if (!bare && !qualified) continue;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(code, open);
    if (close >= code.length || close - open > MAX_TOOL_SPAN) continue;
    let name: string | undefined;
    let description: string | undefined;
    if (m[2] !== undefined) {
      const args = splitArgs(code, open, close, MAX_TOOL_SPAN);
      if (args.length !== 3) continue;
      const [n, d] = args as [[number, number], [number, number]];
      name = rustLiteral(masked, n[0], n[1], false);
      description = rustLiteral(masked, d[0], d[1], m[2] === 'new_with_raw');
    } else {
      // A struct literal, not `impl Tool {`, `-> Tool {`, `struct Tool {` nor a pattern (`Tool { .. } =>`).
      if (/(?:->|\b(?:impl|for|struct|enum|union|trait|type|dyn|fn)\b[^;{}]{0,200}?)\s*$/.test(code.slice(Math.max(0, m.index - 200), m.index))) continue;
      if (/^\s*=>/.test(code.slice(close + 1, close + 20))) continue;
      const fields = new Map<string, [number, number]>();
      for (const [a, b] of splitArgs(code, open, close, MAX_TOOL_SPAN)) {
        const f = /^(\w+)\s*:(?!:)/.exec(code.slice(a, Math.min(b, a + 100)));
        if (f !== null && !fields.has(f[1] as string)) fields.set(f[1] as string, [a + f[0].length, b]);
      }
      const n = fields.get('name');
      const d = fields.get('description');
      name = n === undefined ? undefined : rustLiteral(masked, n[0], n[1], false);
      description = d === undefined ? undefined : rustLiteral(masked, d[0], d[1], true);
    }
    name = name?.trim();
    description = description?.trim();
    if (name) defs.push({ name, offset: m.index, ...(description ? { description } : {}) });
  }
  return defs;
}

const TRANSPORTS: readonly { readonly re: RegExp; readonly transport: string }[] = [
  { re: /(?<![\w.])(?:transport\s*::\s*)?stdio\s*\(\s*\)/g, transport: 'stdio' },
  { re: /\bStreamableHttpService\b/g, transport: 'streamable-http' },
  { re: /\bSseServer\b/g, transport: 'sse' },
];

function findTransports(code: string): { transport: string; offset: number }[] {
  return TRANSPORTS.flatMap((t) => [...code.matchAll(t.re)].slice(0, 100).map((m) => ({ transport: t.transport, offset: m.index })));
}

/** MCP servers, tools and transports of one masked Rust file that uses rmcp (`source`: the text as written, for doc comments). */
export function findRustMcp(masked: Masked, source: string, path: string, scope: string): ImplementedMcp {
  try {
    const servers = findServers(masked, path, scope);
    const defs = findToolDefs(masked, source);
    if (servers.length > 0) defs.push(...findBuiltTools(masked));
    defs.sort((a, b) => a.offset - b.offset);
    const tools = assignTools(servers, defs, () => SDK, path, scope, CARGO_LAYOUT);
    return { servers, tools, transports: servers.some((s) => s.inferredFrom === undefined) ? findTransports(masked.code) : [] };
  } finally {
    releaseBrackets();
  }
}
