/**
 * The catalog walker: every resource of a document whose type has a rule (`catalog.ts`) becomes
 * an asset (kind, name, key, copied attributes, evidence at the resource header), then its models,
 * the identity it runs as, its links and its readers' findings become assets and edges, then IAM
 * roles and policies (`iam.ts`). Two passes, so links find assets declared later in the file.
 */
import type { Asset, AttributeValue, Attributes } from '../../model/index.ts';
import { modelProvider } from '../shared/model-ids.ts';
import { modelTargets } from './model-assets.ts';
import { emitModuleInputs } from './module-inputs.ts';
import { modelIdsIn } from './models.ts';
import { rulesFor, type ResourceRule } from './catalog.ts';
import { literalString, shownValue, type IacDocument, type IacResource } from './document.ts';
import { emitIam } from './iam.ts';
import { ctxFor, instanceDoc } from './instances.ts';
import { ownerTagsOf } from './owner-tags.ts';
import { identityOf, runsAs } from './identities.ts';
import { READERS, type DraftOverride } from './readers.ts';
import type { Sink } from './sink.ts';
import { addressKey, linkTargets, type EmitContext, type TargetRef } from './targets.ts';
import { provenanceOf } from './provenance.ts';
import { getAll, isMap, textOf, toAttribute, type Found, type IacValue } from './value.ts';

/** Maps one document into the sink. */
export function emitDocument(doc: IacDocument, sink: Sink): void {
  const ctx: EmitContext = { doc, sink, assets: new Map(), instances: new Map(), roleRefs: new Map() };
  const matched: [IacResource, ResourceRule][] = [];
  for (const r of doc.resources) {
    const rule = pickRule(instanceDoc(doc, r), r);
    if (rule !== undefined) matched.push([r, rule]);
  }
  for (const [r, rule] of matched) {
    if (rule.kind === undefined) continue;
    const asset = resourceAsset(ctxFor(ctx, r), r, rule);
    ctx.assets.set(r.address, asset);
    if (r.instance !== undefined) {
      const list = ctx.instances.get(r.instance.of);
      if (list === undefined) ctx.instances.set(r.instance.of, [asset]);
      else list.push(asset);
    }
  }
  for (const [r, rule] of matched) {
    const self = ctx.assets.get(r.address);
    const rctx = ctxFor(ctx, r);
    emitModels(rctx, r, rule, self);
    if (self !== undefined) emitRoles(rctx, r, rule, self);
    emitLinks(rctx, r, rule, self);
    for (const id of rule.readers ?? []) READERS[id].edges?.(rctx, r, self);
  }
  emitModuleInputs(ctx);
  emitIam(ctx);
}

function pickRule(doc: IacDocument, r: IacResource): ResourceRule | undefined {
  return rulesFor(r.type).find((rule) => {
    if (rule.when === undefined) return true;
    const value = literalString(doc, getAll(r.body, rule.when.path)[0]?.value);
    return value !== undefined && rule.when.values.includes(value);
  });
}

function resourceAsset(ctx: EmitContext, r: IacResource, rule: ResourceRule): Asset {
  const kind = rule.kind as NonNullable<ResourceRule['kind']>;
  let override: DraftOverride = {};
  for (const id of rule.readers ?? []) override = { ...override, ...READERS[id].draft?.(ctx, r) };
  const named = override.name === undefined && rule.fixedName === undefined ? firstLiteral(ctx.doc, r, rule.name ?? []) : undefined;
  const name = override.name ?? rule.fixedName ?? named?.text ?? r.address;
  // A sole instance keeps the key of the address as written: other files of the module name it that way.
  const keyAddress = r.instance?.sole === true ? r.instance.of : r.address;
  const key = override.key ?? (rule.keyByName === true ? name.toLowerCase() : addressKey(ctx.doc, keyAddress));
  const provider = override.provider ?? (rule.keyByName === true && kind === 'model' ? modelProvider(name) : undefined) ?? rule.provider;
  const models = valuesAt(r, rule.models ?? []).map(([p, v]) => [p, v, modelIdsIn(ctx.doc, v).length > 0] as const);
  // Only the attribute: the header stays the resource's evidence (systems show members' first evidence).
  const prov = provenanceOf(ctx, [...(named === undefined ? [] : [named.at]), ...valuesAt(r, Object.values(rule.attributes ?? {}).flat()), ...models]);
  const attributes: Attributes = {
    iacType: r.type, ...rule.fixed, ...copiedAttributes(ctx, r, rule), ...unresolvedModels(ctx, r, rule), ...override.attributes,
    ...(prov.valueFrom.length === 0 ? {} : { valueFrom: prov.valueFrom }),
    // More elements than instances made: the rest are counted, not reported.
    ...(r.instance !== undefined && r.instance.omitted > 0 ? { instancesOmitted: r.instance.omitted } : {}),
  };
  const tags = ownerTagsOf(ctx.doc, r);
  return ctx.sink.asset({ kind, key, name, provider, nativeId: override.nativeId ?? r.address, attributes, evidence: [ctx.sink.evidence(r.line)], tags });
}

/** The first non-empty literal at one of the paths, with the path and value it was read from. */
function firstLiteral(doc: IacDocument, r: IacResource, paths: readonly string[]): { text: string; at: readonly [string, IacValue] } | undefined {
  for (const p of paths) {
    for (const f of getAll(r.body, p)) {
      const s = literalString(doc, f.value);
      if (s !== undefined && s.trim() !== '') return { text: s, at: [p, f.value] };
    }
  }
  return undefined;
}

/** Every `[path, value]` a resource holds at the paths. */
function valuesAt(r: IacResource, paths: readonly string[]): (readonly [string, IacValue])[] {
  return [...new Set(paths)].flatMap((p) => getAll(r.body, p).map((f) => [p, f.value] as const));
}

/** Attributes that are lists even with one value (so they merge by union across files). */
const LIST_ATTRIBUTES = new Set(['collections', 'images', 'guardrails']);

function copiedAttributes(ctx: EmitContext, r: IacResource, rule: ResourceRule): Attributes {
  const out: Record<string, AttributeValue> = {};
  for (const [name, paths] of Object.entries(rule.attributes ?? {})) {
    // Paths are alternatives (Terraform vs CloudFormation shapes): the first that holds values wins.
    const found = paths.map((p) => getAll(r.body, p)).find((f) => f.length > 0) ?? [];
    const values = found.map((f) => attributeOf(ctx, f));
    if (values.length === 1 && !LIST_ATTRIBUTES.has(name)) out[name] = values[0] as AttributeValue;
    else if (values.length > 0) out[name] = values;
  }
  return out;
}

/** Model values that name no model here (`var.model_id` without a default): kept as written. */
function unresolvedModels(ctx: EmitContext, r: IacResource, rule: ResourceRule): Attributes {
  const refs = (rule.models ?? []).flatMap((p) => getAll(r.body, p)).filter((f) => modelIdsIn(ctx.doc, f.value).length === 0).map((f) => textOf(shownValue(ctx.doc, f.value)));
  return refs.length === 0 ? {} : { modelRefs: refs };
}

function attributeOf(ctx: EmitContext, f: Found): AttributeValue {
  const v = shownValue(ctx.doc, f.value);
  return isMap(v) ? toAttribute(v) : typeof v === 'object' && v !== null ? textOf(v) : v;
}

function emitModels(ctx: EmitContext, r: IacResource, rule: ResourceRule, self: Asset | undefined): void {
  for (const path of rule.models ?? []) {
    for (const f of getAll(r.body, path)) {
      const targets = modelTargets(ctx, r.type, path, f);
      if (self !== undefined && rule.modelEdge !== undefined) for (const t of targets) ctx.sink.relate(rule.modelEdge, self, t, [ctx.sink.evidence(f.line)]);
    }
  }
}

function emitRoles(ctx: EmitContext, r: IacResource, rule: ResourceRule, self: Asset): void {
  for (const path of rule.roles ?? []) {
    for (const f of getAll(r.body, path)) {
      const draft = identityOf(ctx.doc, f.value);
      if (draft !== undefined) runsAs(ctx, self, draft, f.line);
    }
  }
}

function emitLinks(ctx: EmitContext, r: IacResource, rule: ResourceRule, self: Asset | undefined): void {
  for (const link of rule.links ?? []) {
    const ends = (path: string): { targets: TargetRef[]; line: number } => {
      if (path === 'self') return { targets: self === undefined ? [] : [self], line: r.line };
      const found = getAll(r.body, path);
      return { targets: found.flatMap((f) => linkTargets(ctx, f.value, f.line)), line: found[0]?.line ?? r.line };
    };
    const from = ends(link.from);
    const to = ends(link.to);
    const line = link.from === 'self' ? to.line : from.line;
    for (const a of from.targets) for (const b of to.targets) ctx.sink.relate(link.rel, a, b, [ctx.sink.evidence(line)]);
  }
}
