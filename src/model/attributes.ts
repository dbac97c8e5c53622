/**
 * How attribute maps merge when one asset or edge is reported more than once (by several files, or
 * several times in one file): arrays union in first-seen order, booleans OR, anything else keeps the
 * first value. The pipeline's merge and the IaC detector's per-file sink share these rules.
 */
import type { Attributes, AttributeValue } from './asset.ts';

/**
 * Merges attribute maps: arrays → union in first-seen order, booleans → OR, anything else keeps
 * the first value (callers merge in path order, so "first" is deterministic).
 */
export function mergeAttributes(a: Attributes, b: Attributes): Attributes {
  const out: Record<string, AttributeValue> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (prev === undefined || prev === null) out[key] = value;
    else if (Array.isArray(prev) && Array.isArray(value)) out[key] = unionValues(prev, value);
    else if (typeof prev === 'boolean' && typeof value === 'boolean') out[key] = prev || value;
  }
  return out;
}

/**
 * `mergeAttributes` folded over many maps in turn, in time linear in their values: each array
 * keeps the set of what it holds across merges. An SDK imported by 15,000 files of its own
 * repository (its `subpaths` growing to 1,200 entries) re-keyed the whole array on every merge.
 */
export class AttributeMerger {
  private readonly out: Record<string, AttributeValue>;
  /** Per array attribute that has been unioned: the keys of the values it holds; the array is this merger's own copy. */
  private readonly held = new Map<string, Set<string>>();

  constructor(first: Attributes) {
    this.out = { ...first };
  }

  add(b: Attributes): void {
    for (const [key, value] of Object.entries(b)) {
      const prev = this.out[key];
      if (prev === undefined || prev === null) this.out[key] = value;
      else if (Array.isArray(prev) && Array.isArray(value)) this.union(key, prev, value);
      else if (typeof prev === 'boolean' && typeof value === 'boolean') this.out[key] = prev || value;
    }
  }

  private union(key: string, prev: readonly AttributeValue[], values: readonly AttributeValue[]): void {
    let held = this.held.get(key);
    let list = prev as AttributeValue[];
    if (held === undefined) {
      held = new Set(prev.map((v) => JSON.stringify(v)));
      this.held.set(key, held);
      list = [...prev];
      this.out[key] = list;
    }
    for (const v of values) {
      const k = JSON.stringify(v);
      if (!held.has(k)) {
        held.add(k);
        list.push(v);
      }
    }
  }

  result(): Attributes {
    return this.out;
  }
}

function unionValues(a: readonly AttributeValue[], b: readonly AttributeValue[]): AttributeValue[] {
  const seen = new Set(a.map((v) => JSON.stringify(v)));
  const out = [...a];
  for (const v of b) {
    const k = JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}
