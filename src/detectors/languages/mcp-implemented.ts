/**
 * What the readers of MCP servers implemented in Go, Java/Kotlin, C#, Rust and Ruby (`mcp-go.ts`,
 * `mcp-jvm-server.ts`, `mcp-csharp.ts`, `mcp-rust.ts`, `mcp-ruby.ts`) share: the shape `emitImplementedMcp` turns
 * into `mcp-server` / `tool` assets, the
 * tools' grouping under the servers of their file, and the top-level `name = value` entries of an
 * attribute or initializer.
 */
import { GENERIC_FOLDERS, inferServerName, type InferredFrom } from '../shared/mcp-server-name.ts';
import { closingBracket, isClose, isOpen } from './brackets.ts';

/** What `emit.ts` reads of a server's SDK: `module`, the package (the `sdk` attribute); `api`, the server type (the `api` attribute). */
export interface ServerSdk {
  readonly module: string;
  readonly api: string;
}

/** A server; `S` is the reader's SDK row (Go's and the JVM's catalogs carry more than `emit.ts` reads). */
export interface ImplementedServer<S extends ServerSdk = ServerSdk> {
  readonly name: string;
  readonly sdk: S;
  readonly offset: number;
  /** False when the name is not a literal of the file. */
  readonly literal: boolean;
  /** Set on the server inferred for tools of a file that declares none. */
  readonly inferredFrom?: InferredFrom;
  /**
   * The module folder of Spring AI `@Tool` methods in a file that shows no MCP server: a server only
   * if the module has one (`shared/spring-ai-mcp.ts`), emitted as that module's `tools` part.
   */
  readonly pendingModule?: string;
}

export interface ImplementedTool {
  /** Index into `servers`. */
  readonly server: number;
  readonly name: string;
  readonly description?: string;
  readonly offset: number;
}

/** MCP servers, tools and transports of one file. */
export interface ImplementedMcp<S extends ServerSdk = ServerSdk> {
  readonly servers: readonly ImplementedServer<S>[];
  readonly tools: readonly ImplementedTool[];
  readonly transports: readonly { readonly transport: string; readonly offset: number }[];
}

/** A tool read from the file, before it is given a server. */
export interface ToolDef {
  readonly name: string;
  readonly description?: string;
  readonly offset: number;
}

/**
 * Gives each tool the nearest server declared above it in the file, else the file's first; in a
 * file that declares none, one server inferred from the path as the JavaScript and Go detectors
 * infer theirs (nearest non-layout folder, else the repository, else the file stem; or as `infer`
 * names it), its `sdk` that of the first tool given it (`sdkOf`).
 */
export function assignTools<K extends ServerSdk, D extends ToolDef>(
  servers: Array<ImplementedServer<K>>,
  defs: readonly D[],
  sdkOf: (def: D) => K,
  path: string,
  scope: string,
  generic: readonly string[] = GENERIC_FOLDERS,
  infer: () => { readonly name: string; readonly from: InferredFrom } = () => inferServerName(path, scope, generic),
): ImplementedTool[] {
  const tools: ImplementedTool[] = [];
  let inferred: number | undefined;
  for (const def of defs) {
    let server = servers.reduce((best, s, i) => (s.offset <= def.offset && s.inferredFrom === undefined ? i : best), -1);
    if (server === -1) server = servers.findIndex((s) => s.inferredFrom === undefined);
    if (server === -1) {
      if (inferred === undefined) {
        const { name, from } = infer();
        inferred = servers.push({ name, sdk: sdkOf(def), offset: def.offset, literal: false, inferredFrom: from }) - 1;
      }
      server = inferred;
    }
    tools.push({ server, name: def.name, offset: def.offset, ...(def.description === undefined ? {} : { description: def.description }) });
  }
  return tools;
}

/**
 * Top-level `name <sep> value` entries between the bracket at `open` and its closing one: name →
 * offset of the value. `=` skips `==` and `=>`; `:` skips `::`. Empty when the bracket never
 * closes (broken code would otherwise be read to the end of the file, per bracket).
 */
export function entries(code: string, open: number, sep: '=' | ':'): Map<string, number> {
  const out = new Map<string, number>();
  const close = closingBracket(code, open);
  if (close >= code.length) return out;
  // Not `==`/`=>` after a name, nor `::` (a Rust path) or `:=` (a Go short declaration).
  const shape = sep === '=' ? /^(\w+)\s*=(?![=>])\s*/ : /^(\w+)\s*:(?![:=])\s*/;
  let depth = 0;
  let entryStart = true;
  for (let i = open + 1; i < close; i++) {
    const c = code[i] as string;
    if (isOpen(c)) depth++;
    else if (isClose(c)) depth--;
    else if (depth === 0 && c === ',') entryStart = true;
    else if (depth === 0 && entryStart && /\w/.test(c)) {
      const m = shape.exec(code.slice(i, i + 100));
      if (m?.[1] !== undefined && !out.has(m[1])) out.set(m[1], i + m[0].length);
      entryStart = false;
    } else if (!/\s/.test(c)) entryStart = false;
  }
  return out;
}

/** The literal, or literals joined by `+`, at `at`, and where the chain stops: its next non-blank, or `end`. */
function literalChain(code: string, strings: ReadonlyMap<number, string>, at: number, end: number): { readonly text: string; readonly stop: number } | undefined {
  const parts: string[] = [];
  let i = at;
  for (;;) {
    const text = code[i] === '"' ? strings.get(i) : undefined;
    if (text === undefined) return undefined;
    parts.push(text);
    // The literal is masked as `"` + blanks: its end is the next non-blank.
    let j = i + 1;
    while (j < end && /\s/.test(code[j] as string)) j++;
    if (j >= end || code[j] !== '+') return { text: parts.join(''), stop: j };
    j++;
    while (j < end && /\s/.test(code[j] as string)) j++;
    i = j;
    if (parts.length >= 20) return undefined;
  }
}

/**
 * The text at `at` when it is a literal, or literals joined by `+` (C# splits long descriptions so);
 * undefined for anything else (a constant, a call, an interpolation hole is not told apart: its
 * text is kept as written).
 */
export function literalText(code: string, strings: ReadonlyMap<number, string>, at: number, end: number): string | undefined {
  return literalChain(code, strings, at, end)?.text;
}

/** `[at, end)` when it holds a literal chain and nothing else, trimmed; undefined when blank. */
export function wholeLiteral(code: string, strings: ReadonlyMap<number, string>, at: number, end: number): string | undefined {
  const chain = literalChain(code, strings, at, end);
  const value = chain === undefined || chain.stop < end ? undefined : chain.text.trim();
  return value === '' ? undefined : value;
}
