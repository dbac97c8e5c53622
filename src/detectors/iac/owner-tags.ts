/**
 * Owner tags of an IaC resource, kept on the asset's `tags` for owner resolution (`src/owners`):
 * `tags` and `labels` maps (Terraform AWS and Azure `tags`, Google `labels`, CloudFormation's map
 * form) and `[{ Key, Value }]` lists (CloudFormation, awscc). Only keys that name an owner are kept
 * (`isOwnerTagKey`: `Owner`, `team`, `owner-team`, ...); values must be literal, a variable or
 * parameter with a literal default counts, and `merge(...)` or other expressions are skipped.
 * Provider-level `default_tags` are not read (modules are read file by file).
 */
import { redactSnippet } from '../../model/index.ts';
import { isOwnerTagKey } from '../../owners/tag-keys.ts';
import { literalString, resolveValue, type IacDocument, type IacResource } from './document.ts';
import { isList, isMap, type IacMap, type IacValue } from './value.ts';

const TAG_ATTRIBUTES = ['tags', 'labels'] as const;
/** Longest tag value kept (AWS allows 256). */
const MAX_VALUE = 256;

function add(out: Record<string, string>, key: string, value: string | undefined): void {
  if (value === undefined || value.trim() === '' || !isOwnerTagKey(key) || Object.hasOwn(out, key)) return;
  Object.defineProperty(out, key, { value: redactSnippet(value.slice(0, MAX_VALUE)), enumerable: true, writable: true, configurable: true });
}

/** A `{ Key, Value }` item of a tag list, or undefined when the map is not one. */
function keyValueItem(doc: IacDocument, m: IacMap): [string, string | undefined] | undefined {
  const key = m.entries.get('key');
  const value = m.entries.get('value');
  if (key === undefined || value === undefined || m.entries.size !== 2) return undefined;
  const k = literalString(doc, key.value);
  return k === undefined ? undefined : [k, literalString(doc, value.value)];
}

function collect(doc: IacDocument, v: IacValue, out: Record<string, string>): void {
  if (isList(v)) {
    for (const item of v.items) {
      const kv = isMap(item) ? keyValueItem(doc, item) : undefined;
      if (kv !== undefined) add(out, kv[0], kv[1]);
    }
  } else if (isMap(v)) {
    const kv = keyValueItem(doc, v);
    if (kv !== undefined) add(out, kv[0], kv[1]);
    else for (const e of v.entries.values()) add(out, e.key, literalString(doc, e.value));
  }
}

/** The owner tags of a resource, key as written → value (empty when it has none). */
export function ownerTagsOf(doc: IacDocument, r: IacResource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of TAG_ATTRIBUTES) {
    const entry = r.body.entries.get(name);
    if (entry !== undefined) collect(doc, resolveValue(doc, entry.value), out);
  }
  return out;
}
