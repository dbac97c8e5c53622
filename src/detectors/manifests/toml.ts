/**
 * TOML helpers shared by the pyproject, Pipfile, Cargo and Gradle-catalog parsers: parsing with a
 * located error, loose accessors over the parsed tree, and the regexes that find an entry's line.
 */
import { parse, TomlError } from 'smol-toml';
import { escapeRegExp } from './lines.ts';
import type { ParseProblem } from './types.ts';

/** A parsed TOML table, read loosely (values are checked where they are used). */
export type TomlRecord = { readonly [key: string]: unknown };

/** Parses TOML; a syntax error becomes a problem with its line instead of a throw. */
export function parseToml(content: string): { data?: TomlRecord; problem?: ParseProblem } {
  try {
    return { data: parse(content.replace(/^\uFEFF/, '')) };
  } catch (error) {
    if (error instanceof TomlError) {
      return { problem: { message: `invalid TOML: ${error.message.split('\n')[0] ?? ''}`, line: error.line } };
    }
    return { problem: { message: `invalid TOML: ${String(error)}` } };
  }
}

/** The value as a table, or undefined. */
export function asTable(value: unknown): TomlRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? (value as TomlRecord)
    : undefined;
}

/** The value at a key path, or undefined. */
export function at(root: TomlRecord | undefined, ...path: readonly string[]): unknown {
  let value: unknown = root;
  for (const key of path) value = asTable(value)?.[key];
  return value;
}

/** String items of an array value (tables such as `{include-group = "x"}` are left out). */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The value as a string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const QUOTED = (part: string): string => `(?:${escapeRegExp(part)}|"${escapeRegExp(part)}"|'${escapeRegExp(part)}')`;

/** Matches the header line `[a.b.c]` (parts bare or quoted, blanks allowed around dots). */
export function headerLine(path: readonly string[]): RegExp {
  return new RegExp(`^\\s*\\[\\s*${path.map(QUOTED).join('\\s*\\.\\s*')}\\s*\\]\\s*(?:#.*)?$`);
}

/** Matches a line assigning `key` (optionally through a dotted prefix: `optional-dependencies.rag =`). */
export function keyLine(key: string): RegExp {
  return new RegExp(`^\\s*(?:[A-Za-z0-9_"'.-]*\\.\\s*)?${QUOTED(key)}\\s*=`, 'i');
}

/**
 * Matches a dependency written as a key (`openai = "^1"`, `openai.version = "1"`) or as the last
 * part of a table header (`[dependencies.async-openai]`).
 */
export function keyEntry(key: string): RegExp {
  const k = QUOTED(key);
  return new RegExp(`^\\s*(?:${k}\\s*[=.]|\\[[^\\]]*\\.\\s*${k}\\s*\\])`, 'i');
}

/** Matches a string item that starts with the name (`"openai>=1.0"`, `'openai[extra]'`). */
export function stringEntry(name: string): RegExp {
  return new RegExp(`["']\\s*${escapeRegExp(name)}(?![A-Za-z0-9_.-])`, 'i');
}
