/**
 * TOML (Codex `config.toml`) into the shared tree. smol-toml parses (it bounds nesting itself);
 * it gives no positions, so a line index maps every key path to the first line that defines it
 * or something under it: a `[table.header]` or a `dotted.key =` assignment. Keys only reachable
 * through an inline table (`mcp_servers = { a = {...} }`) get the line of the nearest written key.
 */
import { parse, TomlError } from 'smol-toml';
import { ConfigSyntaxError, MAX_DEPTH, type CEntry, type CValue } from './tree.ts';

const KEY_PART = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*/y;
const SEP = '\u0000';

/** Splits `a."b.c".d` into its parts; undefined when it is not a key. */
function keyParts(text: string): string[] | undefined {
  const parts: string[] = [];
  KEY_PART.lastIndex = 0;
  for (;;) {
    const m = KEY_PART.exec(text);
    if (m === null) return undefined;
    parts.push(m[1] ?? m[2] ?? m[3] ?? '');
    if (KEY_PART.lastIndex === text.length) return parts;
    if (text[KEY_PART.lastIndex] !== '.') return undefined;
    KEY_PART.lastIndex++;
  }
}

const HEADER = /^\s*\[\[?([^\]]+)\]\]?\s*(?:#.*)?$/;
const ASSIGN = /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/;

/** Key path (parts joined by NUL) → first line that defines it or something below it. */
function lineIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  let table: string[] = [];
  const note = (path: readonly string[], line: number): void => {
    for (let i = 1; i <= path.length; i++) {
      const key = path.slice(0, i).join(SEP);
      if (!index.has(key)) index.set(key, line);
    }
  };
  text.split('\n').forEach((raw, i) => {
    const header = HEADER.exec(raw);
    if (header?.[1] !== undefined) {
      table = keyParts(header[1].trim()) ?? table;
      note(table, i + 1);
      return;
    }
    const assign = ASSIGN.exec(raw);
    const parts = assign?.[1] === undefined ? undefined : keyParts(assign[1]);
    if (parts !== undefined) note([...table, ...parts], i + 1);
  });
  return index;
}

function lineFor(index: Map<string, number>, path: readonly string[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const line = index.get(path.slice(0, n).join(SEP));
    if (line !== undefined) return line;
  }
  return undefined;
}

function convert(value: unknown, path: string[], index: Map<string, number>, depth: number): CValue {
  if (depth > MAX_DEPTH) throw new ConfigSyntaxError(`invalid TOML: nested deeper than ${MAX_DEPTH} levels`);
  const line = lineFor(index, path);
  const at = line === undefined ? {} : { line };
  if (Array.isArray(value)) return { t: 'arr', items: value.map((v) => convert(v, path, index, depth + 1)), ...at };
  if (typeof value === 'string') return { t: 'str', v: value, ...at };
  if (typeof value === 'number' || typeof value === 'bigint') return { t: 'num', v: Number(value), ...at };
  if (typeof value === 'boolean') return { t: 'bool', v: value, ...at };
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries: CEntry[] = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      const child = [...path, key];
      const keyLine = lineFor(index, child);
      return { key, ...(keyLine === undefined ? {} : { line: keyLine }), value: convert(v, child, index, depth + 1) };
    });
    return { t: 'obj', entries, ...at };
  }
  return { t: 'other', v: null, ...at };
}

/** Parses TOML into the shared tree; a syntax error becomes `ConfigSyntaxError` with its line. */
export function parseTomlTree(text: string): CValue {
  let data: unknown;
  try {
    data = parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/i, '');
      throw new ConfigSyntaxError(`invalid TOML: ${reason.slice(0, 120)}`, error.line);
    }
    throw new ConfigSyntaxError('invalid TOML');
  }
  return convert(data, [], lineIndex(text), 0);
}
