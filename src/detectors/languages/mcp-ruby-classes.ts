/**
 * Ruby MCP tool classes (`mcp-ruby.ts` has the rules): every `class` of the file with its modules,
 * the DSL its body shows at its own level, which tool base it descends from, and the name each gem
 * gives it.
 */
import type { Masked } from './mask.ts';
import { RUBY_TOOL_BASES, type RubyMcpSdk } from './mcp-catalog.ts';
import type { ToolDef } from './mcp-implemented.ts';
import { stringAt, type Lines } from './ruby-code.ts';

export type SdkId = RubyMcpSdk['id'];
export interface RubyToolDef extends ToolDef {
  readonly sdk: SdkId;
}

/** Limits per file (generated code is not read further). */
const MAX_CLASSES = 20_000;
export const MAX_TOOLS = 2000;
const MAX_NESTING = 64;
/** Lines of a class body read for its DSL. */
const MAX_BODY_LINES = 1000;

/** The name the official SDK derives from a class name (`StringUtils.handle_from_class_name`). */
export function mcpToolName(className: string): string {
  const last = className.split('::').pop() ?? className;
  return last
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, '_')
    .replace(/(?<=[a-z\d])(?=[A-Z])/g, '_')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** The name fast-mcp keeps of a class name or `tool_name` (`Tool.tool_name`). */
export function fastMcpToolName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '').slice(0, 64);
}

/** What a class body says at its own level. */
interface Body {
  /** The literal of `tool_name "..."` (or returned by `def self.tool_name`); `null` when not a literal. */
  readonly toolName?: string | null;
  /** The name comes from a `def self.tool_name` (returned as is, not cleaned as the DSL cleans it). */
  readonly overridden: boolean;
  readonly description?: string;
  readonly hasDescription: boolean;
  /** `input_schema(...)`: the official SDK's DSL; `arguments do`: fast-mcp's. */
  readonly schema: boolean;
  readonly arguments: boolean;
  /** `def self.call` / `class << self` (the official SDK calls the class), `def call` (fast-mcp an instance). */
  readonly classCall: boolean;
  readonly instanceCall: boolean;
}

interface RubyClass {
  /** Full name with the enclosing modules (`Ops::RunShellCommand`). */
  readonly name: string;
  /** The name as written after `class`, and the full names of the modules and classes it is written in, outermost first. */
  readonly written: string;
  readonly nesting: readonly string[];
  readonly superclass?: string;
  readonly offset: number;
  readonly line: number;
}

/** Every `class` (with or without a superclass) of the file with its enclosing modules, by indentation. */
function findClasses(lines: Lines): RubyClass[] {
  const { code } = lines;
  const out: RubyClass[] = [];
  const stack: { indent: number; name: string }[] = [];
  const header = /^([ \t]*)(?:(class|module)[ \t]+((?:::)?[A-Z]\w*(?:::[A-Z]\w*)*)(?:[ \t]*<[ \t]*((?:::)?[A-Z]\w*(?:::[A-Z]\w*)*))?|end\b)/gm;
  for (const m of code.matchAll(header)) {
    if (out.length >= MAX_CLASSES) break;
    const indent = (m[1] as string).length;
    while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop();
    if (m[2] === undefined) continue;
    const written = m[3] as string;
    // Each entry holds its full name: the innermost one prefixes the new name.
    const nesting = written.startsWith('::') ? [] : stack.map((s) => s.name);
    const outer = nesting[nesting.length - 1];
    const name = outer === undefined ? written.replace(/^::/, '') : `${outer}::${written}`;
    if (m[2] === 'class') {
      const superclass = m[4]?.replace(/^::/, '');
      const offset = m.index + indent;
      out.push({ name, written: written.replace(/^::/, ''), nesting, ...(superclass === undefined ? {} : { superclass }), offset, line: lines.lineOf(offset) });
    }
    // A one-line `class X < Y; end` closes itself; nesting deeper than `MAX_NESTING` is not followed.
    const eol = code.indexOf('\n', m.index);
    if (stack.length < MAX_NESTING && !/;\s*end\b/.test(code.slice(m.index, eol === -1 ? code.length : eol))) stack.push({ indent, name });
  }
  return out;
}

function readBody(masked: Masked, source: string, lines: Lines, cls: RubyClass): Body {
  const indent = lines.indent[cls.line] as number;
  const end = Math.min(lines.closer[cls.line] as number, cls.line + 1 + MAX_BODY_LINES);
  let level = -1;
  let toolName: string | null | undefined;
  let overridden = false;
  let description: string | undefined;
  let hasDescription = false;
  let schema = false;
  let args = false;
  let classCall = false;
  let instanceCall = false;
  for (let l = cls.line + 1; l < end; l++) {
    if (lines.blank[l]) continue;
    if (level === -1) level = lines.indent[l] as number;
    if (lines.indent[l] !== level || level <= indent) continue;
    const { at, text } = lines.text(l);
    // `tool_name "x"`, `description("x")`; not a getter (`tool_name.to_s`) nor an assignment.
    const dsl = /^(tool_name|description)(?:[ \t]*\(|[ \t]+(?![=\s]))[ \t]*/.exec(text);
    if (dsl !== null) {
      const value = stringAt(masked, source, at + dsl[0].length);
      if (dsl[1] === 'tool_name' && toolName === undefined) toolName = value === undefined || value === '' ? null : value;
      if (dsl[1] === 'description' && !hasDescription) {
        hasDescription = true;
        if (value) description = value;
      }
      continue;
    }
    const override = /^def[ \t]+self\.(tool_name|description)\b[ \t]*(?:\(\s*\))?[ \t]*(=[ \t]*)?/.exec(text);
    if (override !== null) {
      // `def self.tool_name = "x"`, or a body whose first line is the literal.
      let valueAt = override[2] === undefined ? undefined : at + override[0].length;
      if (valueAt === undefined && l + 1 < end) {
        let next = l + 1;
        while (next < end && lines.blank[next]) next++;
        if (next < end) valueAt = lines.text(next).at;
      }
      const value = valueAt === undefined ? undefined : stringAt(masked, source, valueAt);
      if (override[1] === 'tool_name' && toolName === undefined) {
        toolName = value === undefined || value === '' ? null : value;
        overridden = true;
      }
      if (override[1] === 'description' && !hasDescription) {
        hasDescription = true;
        if (value) description = value;
      }
      continue;
    }
    if (/^input_schema\b/.test(text)) schema = true;
    else if (/^arguments\b[ \t]*(?:do\b|\{)/.test(text)) args = true;
    else if (/^def[ \t]+self\.call\b/.test(text) || /^class[ \t]*<<[ \t]*self\b/.test(text)) classCall = true;
    else if (/^def[ \t]+call\b/.test(text)) instanceCall = true;
  }
  return { ...(toolName === undefined ? {} : { toolName }), overridden, ...(description === undefined ? {} : { description }), hasDescription, schema, arguments: args, classCall, instanceCall };
}

/** Which gem's API the file's `MCP::` names belong to: fast-mcp 0.1.0 used them too. */
export interface Requires {
  readonly mcp: boolean;
  readonly fastMcp: boolean;
}

export function mcpNamespaceSdk(requires: Requires): SdkId {
  return requires.fastMcp && !requires.mcp ? 'fast-mcp' : 'mcp';
}

const BASE_NAME = /^(?:Application\w*|Base\w*|\w*Base)$/;

export function findToolClasses(masked: Masked, source: string, lines: Lines, registered: ReadonlyMap<string, SdkId>, requires: Requires): RubyToolDef[] {
  const classes = findClasses(lines);
  const tooling = classes.filter((c) => c.superclass !== undefined);
  if (tooling.length === 0) return [];
  const byName = new Map<string, RubyClass>();
  for (const c of classes) if (!byName.has(c.name)) byName.set(c.name, c);
  const subclassed = new Set<string>();
  /** The class of the file a superclass names, looked up from the innermost nesting out. */
  const local = (c: RubyClass): RubyClass | undefined => {
    const s = c.superclass as string;
    for (let n = c.nesting.length - 1; n >= -1; n--) {
      const hit = byName.get(n === -1 ? s : `${c.nesting[n] as string}::${s}`);
      if (hit !== undefined && hit !== c) return hit;
    }
    return undefined;
  };
  for (const c of tooling) {
    const parent = local(c);
    if (parent !== undefined) subclassed.add(parent.name);
  }
  const bodies = new Map<RubyClass, Body>();
  const bodyOf = (c: RubyClass): Body => {
    let b = bodies.get(c);
    if (b === undefined) {
      b = readBody(masked, source, lines, c);
      bodies.set(c, b);
    }
    return b;
  };
  // The SDK whose tool base a class descends from in this file (`undefined`: none seen).
  const memo = new Map<RubyClass, SdkId | null>();
  const baseSdk = (c: RubyClass, depth: number): SdkId | undefined => {
    const seen = memo.get(c);
    if (seen !== undefined) return seen ?? undefined;
    memo.set(c, null);
    let sdk: SdkId | undefined;
    if (c.superclass !== undefined && depth < 16) {
      const row = RUBY_TOOL_BASES.find((r) => r.base === c.superclass);
      const parent = row === undefined ? local(c) : undefined;
      if (row !== undefined) sdk = row.base.startsWith('MCP::') ? mcpNamespaceSdk(requires) : row.sdk;
      else if (parent !== undefined) sdk = baseSdk(parent, depth + 1);
      else if (/^\w+Tool$/.test(c.superclass.split('::').pop() as string)) {
        // A tool base from another file: only a body in one SDK's DSL tells (`class << self` holds helpers in either).
        const b = bodyOf(c);
        if (b.arguments) sdk = 'fast-mcp';
        else if (b.schema) sdk = 'mcp';
        else if (b.toolName !== undefined && b.instanceCall) sdk = 'fast-mcp';
        else if (b.toolName !== undefined && b.classCall) sdk = 'mcp';
      }
    }
    memo.set(c, sdk ?? null);
    return sdk;
  };
  const defs: RubyToolDef[] = [];
  for (const c of tooling) {
    if (defs.length >= MAX_TOOLS) break;
    const sdk = baseSdk(c, 0) ?? registered.get(c.name) ?? registered.get(c.written);
    if (sdk === undefined) continue;
    const body = bodyOf(c);
    const short = c.name.split('::').pop() as string;
    const named = body.toolName !== undefined || body.hasDescription;
    if (!named && (subclassed.has(c.name) || BASE_NAME.test(short))) continue;
    // A `tool_name` that is not a literal: the tool's name is unknown.
    if (body.toolName === null) continue;
    const name = body.overridden ? (body.toolName as string) : sdk === 'fast-mcp' ? fastMcpToolName(body.toolName ?? c.name) : (body.toolName ?? mcpToolName(c.name));
    if (name === '') continue;
    defs.push({ sdk, name, offset: c.offset, ...(body.description ? { description: body.description } : {}) });
  }
  return defs;
}
