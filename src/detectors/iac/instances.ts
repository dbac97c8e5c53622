/**
 * `count` and `for_each` instances of Terraform resources and module calls. When the collection
 * resolves to literals in the module (`for_each = var.deployments` with a literal map default, a
 * local, a tfvars value, a literal written in place, `toset([...])`, `{ for d in var.list : d.name => d }`,
 * `count = 2`), the resource becomes one resource per element, addressed as Terraform does
 * (`azurerm_cognitive_deployment.this["gpt-4o"]`, `aws_bedrockagent_agent.this[0]`), with
 * `each.key` / `each.value` / `count.index` bound for that element. Anything else (a collection
 * built by an expression, an unresolved variable, an empty collection: a module's `default = {}`
 * leaves its instances to the caller) keeps the one resource as written.
 */
import { traceValue, type ConstantOrigin, type ConstantSetView, type IacDocument, type IacResource } from './document.ts';
import type { EmitContext } from './targets.ts';
import { isExpr, isList, isMap, makeExpr, normKey, type IacExpr, type IacValue } from './value.ts';

/** At most this many instances per resource; the rest are counted (`omitted`) and left out. */
export const MAX_INSTANCES = 100;

/** One element of the collection: its key (`each.key` / `count.index`) and what `each.value` is bound to. */
interface Element {
  readonly key: string | number;
  readonly value: IacValue;
}

/** The document with its `count` / `for_each` resources expanded where the collection is literal. */
export function expandInstances(doc: IacDocument, types: (type: string) => boolean): IacDocument {
  if (doc.format !== 'terraform' || !doc.resources.some((r) => metaArgument(r) !== undefined)) return doc;
  const resources: IacResource[] = [];
  const byAddress = new Map<string, IacResource>();
  for (const r of doc.resources) {
    const expanded = types(r.type) ? instancesOf(doc, r) : [r];
    for (const x of expanded) {
      resources.push(x);
      byAddress.set(x.address, x);
    }
    // The address as written still names the resource (`aws_x.y[0].arn`): its first instance.
    if (expanded[0] !== undefined && !byAddress.has(r.address)) byAddress.set(r.address, expanded[0]);
  }
  return { ...doc, resources, byAddress };
}

function metaArgument(r: IacResource): { readonly kind: 'count' | 'for_each'; readonly value: IacValue } | undefined {
  const forEach = r.body.entries.get('foreach');
  if (forEach !== undefined) return { kind: 'for_each', value: forEach.value };
  const count = r.body.entries.get('count');
  return count === undefined ? undefined : { kind: 'count', value: count.value };
}

function instancesOf(doc: IacDocument, r: IacResource): IacResource[] {
  const meta = metaArgument(r);
  if (meta === undefined) return [r];
  const found = meta.kind === 'count' ? countElements(doc, meta.value) : forEachElements(doc, meta.value);
  if (found === undefined || found.elements.length === 0) return [r];
  const kept = found.elements.slice(0, MAX_INSTANCES);
  const omitted = found.total - kept.length;
  return kept.map((e) => {
    const address = typeof e.key === 'number' ? `${r.address}[${e.key}]` : `${r.address}[${JSON.stringify(e.key)}]`;
    return { ...r, address, instance: { of: r.address, bindings: bindingsOf(meta.kind, e, found.origins), omitted, sole: found.total === 1 } };
  });
}

/** `each.key` / `each.value` (or `count.index`) for one element; they say where the collection is written. */
function bindingsOf(kind: 'count' | 'for_each', e: Element, origins: readonly ConstantOrigin[]): ConstantSetView {
  const constants = new Map<string, IacValue>();
  const where = new Map<string, ConstantOrigin>();
  const origin = origins[0];
  for (const name of kind === 'count' ? ['count.index'] : ['each.key', 'each.value']) {
    constants.set(name, name === 'each.value' ? e.value : e.key);
    // An `each.value` bound to a reference into the collection reaches the collection's origins by itself.
    if (origin !== undefined && !(name === 'each.value' && isExpr(e.value))) where.set(name, origin);
  }
  return { constants, origins: where };
}

interface Collection {
  readonly elements: readonly Element[];
  /** Elements in the collection (more than `elements` when it was cut). */
  readonly total: number;
  readonly origins: readonly ConstantOrigin[];
}

function countElements(doc: IacDocument, value: IacValue): Collection | undefined {
  const traced = traceValue(doc, value);
  const n = traced.value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  return { elements: Array.from({ length: Math.min(n, MAX_INSTANCES) }, (_, i) => ({ key: i, value: i })), total: n, origins: traced.origins };
}

/** `{ for d in var.list : d.name => d }`: the collection and the attribute that keys it. */
const FOR_BY_ATTRIBUTE = /^\{\s*for\s+([A-Za-z_]\w*)\s+in\s+((?:var|local)\.[\w.[\]"-]+)\s*:\s*\1\.([A-Za-z_]\w*)\s*=>\s*\1\s*,?\s*\}$/;

function forEachElements(doc: IacDocument, value: IacValue): Collection | undefined {
  const by = isExpr(value) ? FOR_BY_ATTRIBUTE.exec(value.text) : null;
  const source = by === null ? value : reference(by[2] as string);
  const traced = traceValue(doc, source);
  const v = traced.value;
  if (!isMap(v) && !isList(v)) return undefined;
  // Elements are bound as references into the collection (`var.deployments["gpt4"]`) when it is one, so `valueFrom` names it.
  const ref = isExpr(source) && traced.origins.length > 0 ? source.text : undefined;
  const at = (step: string, literal: IacValue): IacValue => {
    const expr = ref === undefined ? undefined : reference(`${ref}${step}`);
    return expr !== undefined && !isExpr(traceValue(doc, expr).value) ? expr : literal;
  };
  const entries: { key?: string; item: IacValue; step: string }[] = isList(v)
    ? v.items.map((item, i) => ({ item, step: `[${i}]` }))
    : [...v.entries.values()].map((e) => ({ key: e.key, item: e.value, step: `[${JSON.stringify(e.key)}]` }));
  const elements: Element[] = [];
  for (const e of entries) {
    let key: IacValue | undefined = e.key;
    // A set of strings (`toset([...])`, a `set(string)` variable): key and value are the string.
    if (by === null && isList(v)) key = e.item;
    if (by !== null) key = isMap(e.item) ? e.item.entries.get(normKey(by[3] as string))?.value : undefined;
    if (typeof key !== 'string') return undefined;
    elements.push({ key, value: by === null && isList(v) ? key : at(e.step, e.item) });
  }
  if (new Set(elements.map((e) => e.key)).size !== elements.length) return undefined;
  elements.sort((a, b) => (String(a.key) < String(b.key) ? -1 : String(a.key) > String(b.key) ? 1 : 0));
  return { elements, total: elements.length, origins: traced.origins };
}

/** A reference expression (`var.deployments["gpt4"]`): the variable or local it starts with is its one ref. */
function reference(text: string): IacExpr {
  const root = /^(?:var|local)\.[A-Za-z_][\w-]*/.exec(text)?.[0] ?? text;
  return makeExpr(text, [root], 0);
}

const INSTANCE_DOCS = new WeakMap<IacResource, IacDocument>();

/** The document as one instance sees it: the module's constants plus its `each.*` / `count.index`. */
export function instanceDoc(doc: IacDocument, r: IacResource): IacDocument {
  if (r.instance === undefined) return doc;
  let out = INSTANCE_DOCS.get(r);
  if (out === undefined || out.resources !== doc.resources) {
    const { constants, origins } = r.instance.bindings;
    out = { ...doc, constants: new Map([...doc.constants, ...constants]), origins: new Map([...doc.origins, ...origins]) };
    INSTANCE_DOCS.set(r, out);
  }
  return out;
}

/** The context one resource is read in: an instance of `count` / `for_each` sees its own `each.*` / `count.index`. */
export function ctxFor(ctx: EmitContext, r: IacResource): EmitContext {
  return r.instance === undefined ? ctx : { ...ctx, doc: instanceDoc(ctx.doc, r) };
}
