/**
 * One small tree for every config syntax (JSON/JSONC, YAML, TOML), so the per-client readers in
 * `shapes.ts` never care which syntax a file used. Objects keep their entries in order (duplicate
 * keys included: lookups take the last, as `JSON.parse` does) with the line of each key.
 */

export type CValue = CObject | CArray | CScalar;

export interface CObject {
  readonly t: 'obj';
  readonly entries: readonly CEntry[];
  readonly line?: number;
}

export interface CArray {
  readonly t: 'arr';
  readonly items: readonly CValue[];
  readonly line?: number;
}

/** A string, number, boolean or null; `other` is anything unusable (a YAML alias, a TOML date). */
export interface CScalar {
  readonly t: 'str' | 'num' | 'bool' | 'null' | 'other';
  readonly v: string | number | boolean | null;
  readonly line?: number;
}

export interface CEntry {
  readonly key: string;
  /** 1-based line of the key, when the syntax tells it. */
  readonly line?: number;
  readonly value: CValue;
}

/** A syntax error with its 1-based line when known (the message never quotes the file). */
export class ConfigSyntaxError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Deepest nesting any reader accepts: real MCP configs stay under ten levels. */
export const MAX_DEPTH = 128;

/** The value as an object, or undefined. */
export function asObject(value: CValue | undefined): CObject | undefined {
  return value?.t === 'obj' ? value : undefined;
}

/** The last entry under `key` of an object value. */
export function entry(value: CValue | undefined, key: string): CEntry | undefined {
  const o = asObject(value);
  if (o === undefined) return undefined;
  for (let i = o.entries.length - 1; i >= 0; i--) if (o.entries[i]?.key === key) return o.entries[i];
  return undefined;
}

/** The value under `key` (the last one when repeated). */
export function get(value: CValue | undefined, key: string): CValue | undefined {
  return entry(value, key)?.value;
}

/** The value at a key path. */
export function at(value: CValue | undefined, ...path: readonly string[]): CValue | undefined {
  let v = value;
  for (const key of path) v = get(v, key);
  return v;
}

/** The value as a string (numbers and booleans are not strings here). */
export function str(value: CValue | undefined): string | undefined {
  return value?.t === 'str' ? (value.v as string) : undefined;
}

/** The first of `keys` that holds a string. */
export function firstStr(value: CValue | undefined, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const s = str(get(value, key));
    if (s !== undefined) return s;
  }
  return undefined;
}

/** String items of an array (numbers kept as text, other items dropped); undefined when not an array. */
export function strings(value: CValue | undefined): string[] | undefined {
  if (value?.t !== 'arr') return undefined;
  return value.items.flatMap((i) => (i.t === 'str' || i.t === 'num' ? [String(i.v)] : []));
}

/** Keys of an object value, deduplicated, in order. */
export function keysOf(value: CValue | undefined): string[] {
  const o = asObject(value);
  return o === undefined ? [] : [...new Set(o.entries.map((e) => e.key))];
}

/** The value as a boolean. */
export function bool(value: CValue | undefined): boolean | undefined {
  return value?.t === 'bool' ? (value.v as boolean) : undefined;
}
