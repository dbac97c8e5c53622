/**
 * The format-neutral value tree both IaC readers produce (Terraform HCL/JSON, CloudFormation
 * YAML/JSON), so one catalog walker maps either. Literals stay JS scalars; collections carry the
 * line they start on; anything not a literal (a reference, a function call, a template with
 * interpolations, a CloudFormation intrinsic) is an `IacExpr` keeping its source text and the
 * addresses it references.
 */
import type { AttributeValue } from '../../model/index.ts';

export type IacValue = string | number | boolean | null | IacList | IacMap | IacExpr;

export interface IacList {
  readonly kind: 'list';
  readonly items: readonly IacValue[];
  readonly line: number;
}

export interface IacEntry {
  /** The key as written. */
  readonly key: string;
  readonly value: IacValue;
  /** Line of the key (attribute name, nested block header, YAML/JSON key). */
  readonly line: number;
}

export interface IacMap {
  readonly kind: 'map';
  /** Entries by normalized key (`normKey`); the entry keeps the key as written. */
  readonly entries: ReadonlyMap<string, IacEntry>;
  readonly line: number;
}

export interface IacExpr {
  readonly kind: 'expr';
  /** Source text (Terraform) or a compact rendering (`!GetAtt Role.Arn`, CloudFormation). */
  readonly text: string;
  /** Referenced addresses: `aws_iam_role.x`, `data.t.n`, `var.x`, `local.x`, `module.x`; CFN logical ids. */
  readonly refs: readonly string[];
  readonly line: number;
  /**
   * A string template: literal text and `${}` interpolations only. Terraform (`"${var.prefix}-agent"`,
   * a heredoc; `text` is the template) or a CloudFormation `!Sub` without a variables map (`text` is
   * `!Sub <template>`).
   */
  readonly template?: boolean;
}

/** Keys compare case- and separator-insensitively, so `agent_resource_role_arn` finds `AgentResourceRoleArn`. */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

export function isMap(v: IacValue | undefined): v is IacMap {
  return typeof v === 'object' && v !== null && v.kind === 'map';
}

export function isList(v: IacValue | undefined): v is IacList {
  return typeof v === 'object' && v !== null && v.kind === 'list';
}

export function isExpr(v: IacValue | undefined): v is IacExpr {
  return typeof v === 'object' && v !== null && v.kind === 'expr';
}

/** Builds a map from entries; a repeated key keeps the first (Terraform collects repeated blocks before). */
export function makeMap(entries: readonly IacEntry[], line: number): IacMap {
  const out = new Map<string, IacEntry>();
  for (const e of entries) if (!out.has(normKey(e.key))) out.set(normKey(e.key), e);
  return { kind: 'map', entries: out, line };
}

export function makeExpr(text: string, refs: Iterable<string>, line: number, template = false): IacExpr {
  return { kind: 'expr', text, refs: [...new Set(refs)], line, ...(template ? { template } : {}) };
}

/** A value found at a path, with the line of the key that holds it. */
export interface Found {
  readonly value: IacValue;
  readonly line: number;
}

/**
 * Every value at a dotted path (`storage_configuration.type`). Lists are walked through, since a
 * Terraform nested block is a list of maps and CloudFormation writes some of them as lists too.
 */
export function getAll(root: IacValue | undefined, path: string): Found[] {
  let current: Found[] = root === undefined ? [] : [{ value: root, line: lineOfValue(root) }];
  for (const part of path.split('.')) {
    const key = normKey(part);
    const next: Found[] = [];
    for (const f of current) {
      for (const m of mapsIn(f.value)) {
        const e = m.entries.get(key);
        if (e !== undefined) next.push({ value: e.value, line: e.line });
      }
    }
    current = next;
  }
  return current.flatMap((f) => (isList(f.value) ? f.value.items.map((v) => ({ value: v, line: lineOfValue(v, f.line) })) : [f]));
}

/** The first value at a path, if any. */
export function getFirst(root: IacValue | undefined, path: string): Found | undefined {
  return getAll(root, path)[0];
}

function mapsIn(v: IacValue): IacMap[] {
  if (isMap(v)) return [v];
  if (isList(v)) return v.items.filter(isMap);
  return [];
}

/** The line a value starts on, or `fallback` for scalars. */
export function lineOfValue(v: IacValue, fallback = 0): number {
  return typeof v === 'object' && v !== null ? v.line : fallback;
}

/** Source text of a value: the literal, the expression text, or a compact rendering of a collection. */
export function textOf(v: IacValue): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return String(v);
  if (v.kind === 'expr') return v.text;
  return JSON.stringify(toAttribute(v));
}

/** Every reference inside a value (bounded walk). */
export function refsIn(v: IacValue, budget = { left: 10_000 }): string[] {
  if (budget.left-- <= 0 || typeof v !== 'object' || v === null) return [];
  if (v.kind === 'expr') return [...v.refs];
  const children = v.kind === 'list' ? v.items : [...v.entries.values()].map((e) => e.value);
  return [...new Set(children.flatMap((c) => refsIn(c, budget)))];
}

/** A JSON-safe copy for attributes and edge properties; expressions become their text. Depth-bounded. */
export function toAttribute(v: IacValue, depth = 0): AttributeValue {
  if (typeof v !== 'object' || v === null) return v;
  if (v.kind === 'expr') return v.text;
  if (depth > 20) return '…';
  if (v.kind === 'list') return v.items.map((i) => toAttribute(i, depth + 1));
  const out: Record<string, AttributeValue> = {};
  for (const e of v.entries.values()) Object.defineProperty(out, e.key, { value: toAttribute(e.value, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * True when two values are the same value, wherever they were written: structure and literals
 * compared, lines ignored (map entries by key, in any order; expressions by text).
 */
export function sameValue(a: IacValue, b: IacValue, depth = 0): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (a.kind !== b.kind || depth > 20) return false;
  if (a.kind === 'expr') return a.text === (b as IacExpr).text;
  if (a.kind === 'list') {
    const items = (b as IacList).items;
    return a.items.length === items.length && a.items.every((x, i) => sameValue(x, items[i] as IacValue, depth + 1));
  }
  const other = (b as IacMap).entries;
  if (a.entries.size !== other.size) return false;
  for (const [k, e] of a.entries) {
    const o = other.get(k);
    if (o === undefined || !sameValue(e.value, o.value, depth + 1)) return false;
  }
  return true;
}

/**
 * A value with each string replaced by `f(string, line of the key or list that holds it)`, maps and
 * lists rebuilt with their lines; undefined as soon as `f` gives undefined or the value nests deeper
 * than 100 levels.
 */
export function mapStrings(v: IacValue, f: (s: string, line: number) => IacValue | undefined, line = 0, depth = 0): IacValue | undefined {
  if (depth > 100) return undefined;
  if (typeof v === 'string') return f(v, line);
  if (isList(v)) {
    const items: IacValue[] = [];
    for (const item of v.items) {
      const got = mapStrings(item, f, v.line, depth + 1);
      if (got === undefined) return undefined;
      items.push(got);
    }
    return { ...v, items };
  }
  if (isMap(v)) {
    const entries: IacEntry[] = [];
    for (const e of v.entries.values()) {
      const got = mapStrings(e.value, f, e.line, depth + 1);
      if (got === undefined) return undefined;
      entries.push({ ...e, value: got });
    }
    return makeMap(entries, v.line);
  }
  return v;
}

/** A value as a list of values (a scalar becomes a one-item list). */
export function asItems(v: IacValue | undefined): IacValue[] {
  if (v === undefined) return [];
  return isList(v) ? [...v.items] : [v];
}
