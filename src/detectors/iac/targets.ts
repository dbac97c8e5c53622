/**
 * What a reference or an ARN points at, as an asset id: an AI resource of this file, one declared
 * in another file of the same Terraform module (ids derive from kind + address, so the edge meets
 * the asset when both files are merged), an S3 bucket (a `data-source`, keyed by its address or
 * bucket name so knowledge-base data sources and IAM grants on the bucket meet), a public model id,
 * or the account-wide wildcard (`*`, `arn:aws:bedrock:*:*:*`): one `cloud-account` asset named
 * `aws:*` standing for "any resource", so over-broad grants stay visible as edges.
 */
import { modelProvider } from '../shared/model-ids.ts';
import type { Asset, AssetKind } from '../../model/index.ts';
import { rulesFor } from './catalog.ts';
import { literalString, resolveValue, substituteConstants, typeOfAddress, type IacDocument } from './document.ts';
import { modelIdOf } from './models.ts';
import type { AssetRef, Sink } from './sink.ts';
import { isExpr, type IacValue } from './value.ts';

export interface TargetRef extends AssetRef {
  readonly kind: AssetKind;
}

/** What mapping and IAM code share about the file being read. */
export interface EmitContext {
  readonly doc: IacDocument;
  readonly sink: Sink;
  /** Assets emitted for resources of this file, by address / logical id (instances by instance address). */
  readonly assets: Map<string, Asset>;
  /** Assets of the instances of a `count` / `for_each` resource, by the address as written. */
  readonly instances: Map<string, Asset[]>;
  /** Role addresses AI resources run as (from `roles` paths), with the line that says so. */
  readonly roleRefs: Map<string, number>;
}

const S3_TYPES = new Set(['aws_s3_bucket', 'awscc_s3_bucket', 'AWS::S3::Bucket']);

/** Key of something that only exists inside this module / template. */
export function addressKey(doc: IacDocument, address: string): string {
  return `${doc.keyPrefix}:${address}`;
}

/** The asset a reference names, in this file or (Terraform) another file of the module. */
export function assetForRef(ctx: EmitContext, ref: string): TargetRef | undefined {
  const own = ctx.assets.get(ref) ?? ctx.instances.get(ref)?.[0];
  if (own !== undefined) return own;
  if (ctx.doc.format !== 'terraform' || ctx.doc.byAddress.has(ref) || ref.startsWith('data.')) return undefined;
  const type = typeOfAddress(ref);
  const rule = type === undefined ? undefined : rulesFor(type).find((r) => r.kind !== undefined && r.when === undefined && r.keyByName !== true && r.readers?.includes('data-source-location') !== true);
  if (rule?.kind === undefined) return undefined;
  return { ...ctx.sink.refOf(rule.kind, addressKey(ctx.doc, ref)), kind: rule.kind };
}

/**
 * The assets a reference in `text` names: for a `count` / `for_each` resource, the instance the text
 * indexes (`x.y["gpt4"]`, `x.y[0]`, `x.y[each.key]` in an instance of the same collection), else
 * every instance; otherwise `assetForRef`.
 */
export function assetsForRef(ctx: EmitContext, ref: string, text: string): TargetRef[] {
  const instances = ctx.instances.get(ref);
  if (instances === undefined) {
    const one = assetForRef(ctx, ref);
    return one === undefined ? [] : [one];
  }
  const at = text.indexOf(ref);
  const index = at === -1 ? undefined : /^\[([^\]]{1,200})\]/.exec(text.slice(at + ref.length))?.[1]?.trim();
  const key = index === undefined ? undefined : indexKey(ctx.doc, index);
  const picked = key === undefined ? undefined : ctx.assets.get(`${ref}[${key}]`);
  return picked === undefined ? instances : [picked];
}

/** An instance index as Terraform writes it in an address (`"gpt4"`, `0`), when literal or bound. */
function indexKey(doc: IacDocument, index: string): string | undefined {
  if (/^\d+$/.test(index) || /^"[^"\\]*"$/.test(index)) return index;
  const bound = index === 'each.key' || index === 'count.index' ? doc.constants.get(index) : undefined;
  if (typeof bound === 'string') return JSON.stringify(bound);
  return typeof bound === 'number' ? String(bound) : undefined;
}

/**
 * True when `text` uses `ref` as the resource itself (`x.y.arn`, `x.y[0].id`, `!GetAtt Y.Arn`), not
 * one of its nested properties (`x.y[0].guardrail_configuration.guardrail_identifier` names a
 * guardrail, not the agent).
 */
export function usesResourceItself(doc: IacDocument, text: string, ref: string): boolean {
  if (doc.format === 'cloudformation') return true;
  for (let at = text.indexOf(ref); at !== -1; at = text.indexOf(ref, at + 1)) {
    const rest = text.slice(at + ref.length, at + ref.length + 200);
    if (/^(?:\[[^\]]*\])*(?:\.[A-Za-z_][\w-]*)?(?![\w.[-])/.test(rest)) return true;
  }
  return false;
}

/** Targets of a link path: referenced assets, else an S3 bucket the value names. */
export function linkTargets(ctx: EmitContext, value: IacValue, line: number): TargetRef[] {
  const v = resolveValue(ctx.doc, value);
  const refs = isExpr(v) ? v.refs.filter((r) => usesResourceItself(ctx.doc, v.text, r)) : [];
  const found = refs.flatMap((r) => {
    const assets = assetsForRef(ctx, r, isExpr(v) ? v.text : '');
    const bucket = assets.length > 0 ? undefined : s3ForRef(ctx, r, line);
    return bucket === undefined ? assets : [bucket];
  });
  if (found.length > 0) return found;
  const bucket = s3ForText(ctx, literalString(ctx.doc, v) ?? (isExpr(v) ? v.text : ''), line);
  return bucket === undefined ? [] : [bucket];
}

/** The bucket a reference names (`aws_s3_bucket.docs`, a CloudFormation `AWS::S3::Bucket`). */
export function s3ForRef(ctx: EmitContext, ref: string, line: number): TargetRef | undefined {
  const declared = ctx.doc.byAddress.get(ref);
  const type = declared?.type ?? (ctx.doc.format === 'terraform' ? typeOfAddress(ref) : undefined);
  if (type === undefined || !S3_TYPES.has(type)) return undefined;
  const bucketName = declared === undefined ? undefined : literalString(ctx.doc, declared.body.entries.get('bucket')?.value ?? declared.body.entries.get('bucketname')?.value);
  const asset = ctx.sink.asset({
    kind: 'data-source', key: addressKey(ctx.doc, ref), name: ref, provider: 'aws-s3', nativeId: ref,
    attributes: { storage: 's3', ...(bucketName === undefined ? {} : { bucket: bucketName }) },
    evidence: [declared === undefined ? ctx.sink.evidence(line, 'inferred') : ctx.sink.evidence(declared.line)],
  });
  return asset;
}

/** The bucket an S3 ARN or URI names (`arn:aws:s3:::docs/*`, `s3://docs/prefix`); wildcards are not buckets. */
export function s3ForText(ctx: EmitContext, raw: string, line: number): TargetRef | undefined {
  const text = raw.startsWith('!Sub ') ? raw.slice(5) : raw;
  const m = /^(?:arn:[^:]*:s3:::|s3:\/\/)([^/]+)/.exec(text.trim());
  const bucket = m?.[1];
  // A bucket that is only an interpolation (`s3://${var.uri}`) names nothing we can key.
  if (bucket === undefined || bucket.includes('*') || bucket === '' || /^\$\{[^}]*\}$/.test(bucket)) return undefined;
  const local = bucket.includes('${');
  return ctx.sink.asset({
    kind: 'data-source', key: local ? addressKey(ctx.doc, `s3:${bucket}`) : `s3:${bucket}`, name: bucket, provider: 'aws-s3',
    attributes: { storage: 's3', bucket }, evidence: [ctx.sink.evidence(line, 'inferred')],
  });
}

/** The assets a policy `Resource` entry grants on (every instance of a `count` / `for_each` resource it names), none when it is not an AI/data resource. */
export function permissionTargets(ctx: EmitContext, item: { readonly text: string; readonly refs: readonly string[] }, line: number): TargetRef[] {
  for (const ref of item.refs) {
    if (!usesResourceItself(ctx.doc, item.text, ref)) continue;
    const assets = assetsForRef(ctx, ref, item.text);
    if (assets.length > 0) return assets;
    const bucket = s3ForRef(ctx, ref, line);
    if (bucket !== undefined) return [bucket];
  }
  const t = arnTarget(ctx, item.text, line);
  return t === undefined ? [] : [t];
}

/** What a policy resource written as `*` or an ARN grants on. */
function arnTarget(ctx: EmitContext, raw: string, line: number): TargetRef | undefined {
  const text = substituteConstants(ctx.doc, raw.startsWith('!Sub ') ? raw.slice(5).trim() : raw.trim());
  if (text === '*') return wildcard(ctx, line);
  if (!text.startsWith('arn:')) return undefined;
  const model = /:(?:foundation-model|inference-profile)\/(.+)$/.exec(text)?.[1];
  if (model !== undefined) return model.includes('*') ? wildcard(ctx, line) : modelAsset(ctx, model, line);
  const s3 = /^arn:[^:]*:s3:::([^/]*)/.exec(text)?.[1];
  if (s3 !== undefined) return s3.includes('*') || s3 === '' ? wildcard(ctx, line) : s3ForText(ctx, text, line);
  const resource = text.split(':').slice(5).join(':');
  return resource === '*' || /(?:^|\/)\*$/.test(resource) ? wildcard(ctx, line) : undefined;
}

function modelAsset(ctx: EmitContext, raw: string, line: number): TargetRef | undefined {
  const id = modelIdOf(raw);
  if (id === undefined) return undefined;
  const provider = modelProvider(id);
  return ctx.sink.asset({
    kind: 'model', key: id.toLowerCase(), name: id, ...(provider === undefined ? {} : { provider }),
    attributes: { sources: ['iac:iam-policy-resource'] }, evidence: [ctx.sink.evidence(line, 'inferred')],
  });
}

/** The account-wide wildcard target. */
export function wildcard(ctx: EmitContext, line: number): TargetRef {
  return ctx.sink.asset({ kind: 'cloud-account', key: 'aws:*', name: 'aws:*', provider: 'aws', attributes: { wildcard: true }, evidence: [ctx.sink.evidence(line, 'inferred')] });
}
