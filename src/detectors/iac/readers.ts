/**
 * Readers for structure the catalog's path lists cannot express: a knowledge base's storage (the
 * vector-store product), a data source's S3 bucket (the `data-source` asset is the bucket, so IAM
 * grants on it and the knowledge base that indexes it meet on one node), inline action groups and
 * knowledge bases of CloudFormation/awscc agents, the SageMaker endpoint → config → model chain,
 * and Azure managed identities.
 */
import type { Attributes } from '../../model/index.ts';
import { KB_STORAGE, KB_TYPES, type ReaderId } from './catalog.ts';
import { expandedRefs, literalString, resolveValue, shownValue, substituteConstants, type IacResource } from './document.ts';
import { identityOf, runsAs } from './identities.ts';
import { modelTargets } from './model-assets.ts';
import { provenanceOf } from './provenance.ts';
import { addressKey, assetForRef, linkTargets, type EmitContext, type TargetRef } from './targets.ts';
import { getAll, getFirst, isExpr, textOf, type IacValue } from './value.ts';

/** Overrides of the asset a rule would build. */
export interface DraftOverride {
  readonly key?: string;
  readonly name?: string;
  readonly provider?: string;
  readonly nativeId?: string;
  readonly attributes?: Attributes;
}

export interface Reader {
  draft?(ctx: EmitContext, r: IacResource): DraftOverride;
  edges?(ctx: EmitContext, r: IacResource, self: TargetRef | undefined): void;
}

function text(ctx: EmitContext, r: IacResource, path: string): string | undefined {
  const found = getFirst(r.body, path);
  if (found === undefined) return undefined;
  return literalString(ctx.doc, found.value) ?? textOf(shownValue(ctx.doc, found.value));
}

/**
 * A name that has no other identity than what is written (an inline action group): the literal,
 * else the text as written with the `${...}` that do not resolve kept (`!Sub pma-${Version}` →
 * `pma-${Version}`, `"${var.prefix}-tools"`), as ARNs and bucket names are elsewhere.
 */
function writtenName(ctx: EmitContext, value: IacValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const literal = literalString(ctx.doc, value);
  if (literal !== undefined) return literal.trim() === '' ? undefined : literal;
  const text = textOf(shownValue(ctx.doc, value));
  return substituteConstants(ctx.doc, text.startsWith('!Sub ') ? text.slice(5).trim() : text);
}

/**
 * The store a knowledge base's storage configuration names: its literal `type`, else (`type =
 * var.kb_storage_type`, a module offering several stores with one resource each) the one
 * configuration block present. Several blocks name none for sure; a literal type wins over a block.
 */
function kbStore(ctx: EmitContext, r: IacResource): (typeof KB_STORAGE)[number] | undefined {
  const type = literalString(ctx.doc, getFirst(r.body, 'storage_configuration.type')?.value);
  if (type !== undefined) return KB_STORAGE.find((s) => s.type === type);
  const present = KB_STORAGE.filter((s) => getAll(r.body, `storage_configuration.${s.config}`).some((f) => f.value !== null));
  return present.length === 1 ? present[0] : undefined;
}

const kbStorage: Reader = {
  draft(ctx, r) {
    const storage = kbStore(ctx, r);
    if (storage === undefined) {
      const kbType = literalString(ctx.doc, getFirst(r.body, 'knowledge_base_configuration.type')?.value) ?? '';
      return { name: KB_TYPES[kbType] ?? 'bedrock-knowledge-base' };
    }
    const base = `storage_configuration.${storage.config}`;
    const collection = storage.collection === undefined ? undefined : text(ctx, r, `${base}.${storage.collection}`);
    const location = text(ctx, r, `${base}.${storage.location}`);
    return {
      name: storage.product,
      attributes: { storageType: storage.type, ...(collection === undefined ? {} : { collections: [collection] }), ...(location === undefined ? {} : { storageLocation: location }) },
    };
  },
};

/** Managed knowledge-base S3 connector: the bucket by name (Bedrock `ManagedKnowledgeBaseConnectorConfiguration`). */
const MANAGED_CONNECTOR_BUCKET = 'data_source_configuration.managed_knowledge_base_connector_configuration.connector_parameters.connection_configuration.bucket_name';

const dataSourceLocation: Reader = {
  draft(ctx, r) {
    const name = literalString(ctx.doc, getFirst(r.body, 'name')?.value) ?? r.address;
    const type = literalString(ctx.doc, getFirst(r.body, 'data_source_configuration.type')?.value);
    const bucket = getFirst(r.body, 'data_source_configuration.s3_configuration.bucket_arn') ?? getFirst(r.body, MANAGED_CONNECTOR_BUCKET);
    if (bucket === undefined) {
      const urls = getAll(r.body, 'data_source_configuration.web_configuration.source_configuration.url_configuration.seed_urls.url').map((f) => textOf(f.value));
      return { attributes: { dataSources: [name], ...(type === undefined ? {} : { dataSourceType: type }), ...(urls.length > 0 ? { urls } : {}) } };
    }
    const attributes = { storage: 's3', dataSources: [name], dataSourceType: type ?? 'S3' };
    const literal = literalString(ctx.doc, bucket.value);
    const bucketName = literal === undefined ? undefined : (/^arn:[^:]*:s3:::([^/]+)/.exec(literal)?.[1] ?? (/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(literal) ? literal : undefined));
    if (bucketName !== undefined) return { key: `s3:${bucketName}`, name: bucketName, provider: 'aws-s3', nativeId: literal, attributes: { ...attributes, bucket: bucketName } };
    const v = resolveValue(ctx.doc, bucket.value);
    const ref = isExpr(v) ? v.refs.find((x) => ctx.doc.format === 'cloudformation' || x.startsWith('aws_s3_bucket.') || x.startsWith('awscc_s3_bucket.')) : undefined;
    const id = ref ?? textOf(v);
    const declared = ref === undefined ? undefined : ctx.doc.byAddress.get(ref);
    const literalBucket = declared === undefined ? undefined : literalString(ctx.doc, getFirst(declared.body, declared.type === 'aws_s3_bucket' ? 'bucket' : 'bucket_name')?.value);
    return { key: addressKey(ctx.doc, id), name: id, provider: 'aws-s3', nativeId: id, attributes: { ...attributes, ...(literalBucket === undefined ? {} : { bucket: literalBucket }) } };
  },
};

const inlineActionGroups: Reader = {
  edges(ctx, r, self) {
    if (self === undefined) return;
    for (const group of getAll(r.body, 'action_groups')) {
      const written = getFirst(group.value, 'action_group_name')?.value;
      const name = writtenName(ctx, written);
      if (name === undefined || written === undefined) continue;
      const executor = getFirst(group.value, 'action_group_executor.lambda');
      const signature = literalString(ctx.doc, getFirst(group.value, 'parent_action_group_signature')?.value);
      const { valueFrom } = provenanceOf(ctx, [['action_group_name', written, true]]);
      const tool = ctx.sink.asset({
        kind: 'tool', key: addressKey(ctx.doc, `${r.address}/${name}`), name, provider: 'aws-bedrock', nativeId: `${r.address}/${name}`,
        attributes: {
          ...(executor === undefined ? {} : { executor: textOf(executor.value) }), ...(signature === undefined ? {} : { signature }),
          ...(valueFrom.length === 0 ? {} : { valueFrom }),
        },
        evidence: [ctx.sink.evidence(group.line)],
      });
      ctx.sink.relate('USES_TOOL', self, tool, [ctx.sink.evidence(group.line)]);
    }
  },
};

const inlineKnowledgeBases: Reader = {
  edges(ctx, r, self) {
    if (self === undefined) return;
    for (const kb of getAll(r.body, 'knowledge_bases.knowledge_base_id')) {
      for (const target of linkTargets(ctx, kb.value, kb.line)) ctx.sink.relate('READS_FROM', self, target, [ctx.sink.evidence(kb.line)]);
    }
  },
};

const CONFIG_TYPES = new Set(['aws_sagemaker_endpoint_configuration', 'awscc_sagemaker_endpoint_config', 'AWS::SageMaker::EndpointConfig']);
const MODEL_TYPES = new Set(['aws_sagemaker_model', 'awscc_sagemaker_model', 'AWS::SageMaker::Model']);
/** Hugging Face DLC containers name the Hub model they serve (SageMaker Hugging Face LLM DLC docs). */
const HF_MODEL_PATHS = ['primary_container.environment.HF_MODEL_ID', 'container.environment.HF_MODEL_ID', 'containers.environment.HF_MODEL_ID'];

/** Finds a resource of `types` by reference or by its literal name. */
function byRefOrName(ctx: EmitContext, found: { readonly value: IacValue }, types: ReadonlySet<string>, namePaths: readonly string[]): IacResource | undefined {
  const v = resolveValue(ctx.doc, found.value);
  if (isExpr(v)) return expandedRefs(ctx.doc, v.refs).map((ref) => ctx.doc.byAddress.get(ref)).find((res) => res !== undefined && types.has(res.type));
  const name = literalString(ctx.doc, v);
  if (name === undefined) return undefined;
  return ctx.doc.resources.find((res) => types.has(res.type) && namePaths.some((p) => literalString(ctx.doc, getFirst(res.body, p)?.value) === name));
}

const sagemakerEndpoint: Reader = {
  edges(ctx, r, self) {
    const configRef = getFirst(r.body, 'endpoint_config_name');
    if (self === undefined || configRef === undefined) return;
    const config = byRefOrName(ctx, configRef, CONFIG_TYPES, ['name', 'endpoint_config_name']);
    if (config === undefined) return;
    for (const variant of getAll(config.body, 'production_variants.model_name')) {
      const model = byRefOrName(ctx, variant, MODEL_TYPES, ['name', 'model_name']);
      if (model === undefined) continue;
      const hosted = HF_MODEL_PATHS.flatMap((p) => getAll(model.body, p).flatMap((f) => modelTargets(ctx, model.type, p, f)));
      for (const target of [assetForRef(ctx, model.address), ...hosted]) {
        if (target !== undefined) ctx.sink.relate('SERVES', self, target, [ctx.sink.evidence(variant.line)]);
      }
    }
  },
};

const azureIdentity: Reader = {
  edges(ctx, r, self) {
    if (self === undefined) return;
    for (const block of getAll(r.body, 'identity')) {
      const type = literalString(ctx.doc, getFirst(block.value, 'type')?.value) ?? '';
      if (/SystemAssigned/i.test(type)) {
        const address = `${r.address}#system-assigned`;
        runsAs(ctx, self, { key: addressKey(ctx.doc, address), name: `${r.address} (system-assigned)`, provider: 'azure', attributes: { managedIdentity: 'system-assigned' } }, block.line);
      }
      for (const id of getAll(block.value, 'identity_ids')) {
        const draft = identityOf(ctx.doc, id.value);
        if (draft !== undefined) runsAs(ctx, self, { ...draft, attributes: { ...draft.attributes, managedIdentity: 'user-assigned' } }, id.line);
      }
    }
  },
};

export const READERS: Readonly<Record<ReaderId, Reader>> = {
  'kb-storage': kbStorage,
  'data-source-location': dataSourceLocation,
  'inline-action-groups': inlineActionGroups,
  'inline-knowledge-bases': inlineKnowledgeBases,
  'sagemaker-endpoint': sagemakerEndpoint,
  'azure-identity': azureIdentity,
};
