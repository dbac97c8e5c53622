/**
 * Assets that are parts of a system become CycloneDX `components`: SDKs as libraries with purls,
 * models and model files as `machine-learning-model` (with a model card), data sources as `data`,
 * secrets as `cryptographic-asset` (provider and fingerprint only, never a value), agents and, in
 * the estate BOM, systems as `application`.
 */
import type { Asset, AssetId, Evidence } from '../../src/model/index.ts';
import { ownerEntity, ownerParties, ownersOf, type BomContext } from './context.ts';
import { hubId, modelCardOfFile, modelCardOfModel } from './model-card.ts';
import { assetProperties } from './properties.ts';
import { HUGGING_FACE, vendorEntity } from './providers.ts';
import { exactVersion, huggingFacePurl, packagePurl, splitPackageName } from './purl.ts';
import { cmp } from './select.ts';
import type { CdxComponent, CdxComponentData, CdxExternalReference, CdxOccurrence, CdxParty } from './types.ts';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

/**
 * Where the asset was seen: file (repo-relative) and line. A notebook cell is written as
 * `path#cell-N` (the line then counts inside the cell); evidence with only a URL uses the URL.
 */
export function occurrences(evidence: readonly Evidence[]): CdxOccurrence[] {
  const seen = new Map<string, CdxOccurrence>();
  for (const e of evidence) {
    const base = e.path ?? e.url;
    if (base === undefined || base === '') continue;
    const location = e.cell === undefined ? base : `${base}#cell-${e.cell}`;
    const occurrence: CdxOccurrence = e.line === undefined ? { location } : { location, line: e.line };
    seen.set(`${location}\u0000${e.line ?? ''}`, occurrence);
  }
  return [...seen.values()].sort((a, b) => cmp(a.location, b.location) || (a.line ?? 0) - (b.line ?? 0));
}

function evidenceOf(asset: Asset): Pick<CdxComponent, 'evidence'> {
  const list = occurrences(asset.evidence);
  return list.length === 0 ? {} : { evidence: { occurrences: list } };
}

function sdkComponent(ctx: BomContext, asset: Asset): CdxComponent {
  const ecosystem = typeof asset.attributes['ecosystem'] === 'string' ? asset.attributes['ecosystem'] : '';
  const version = exactVersion(strings(asset.attributes['versions']));
  const { group, name } = splitPackageName(ecosystem === 'maven' ? 'maven' : ecosystem, asset.name);
  const purl = packagePurl(ecosystem, asset.name, version);
  const scopes = strings(asset.attributes['scopes']);
  const scope = scopes.length === 0 ? undefined : scopes.includes('runtime') ? 'required' : 'optional';
  const manufacturer = vendorEntity(asset.provider);
  return {
    type: 'library',
    'bom-ref': asset.id,
    ...(manufacturer === undefined ? {} : { manufacturer }),
    ...(group === undefined ? {} : { group }),
    name,
    ...(version === undefined ? {} : { version }),
    ...(scope === undefined ? {} : { scope }),
    ...(purl === undefined ? {} : { purl }),
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
  };
}

function modelComponent(ctx: BomContext, asset: Asset): CdxComponent {
  const hub = hubId(asset);
  const manufacturer = vendorEntity(asset.provider);
  const card = modelCardOfModel(ctx.index, asset);
  return {
    type: 'machine-learning-model',
    'bom-ref': asset.id,
    ...(hub === undefined ? {} : { supplier: HUGGING_FACE }),
    ...(manufacturer === undefined ? {} : { manufacturer }),
    name: asset.name,
    ...(hub === undefined ? {} : { purl: huggingFacePurl(hub) }),
    ...(hub === undefined ? {} : { externalReferences: [{ type: 'model-card' as const, url: `https://huggingface.co/${hub}` }] }),
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
    ...(card === undefined ? {} : { modelCard: card }),
  };
}

function modelFileComponent(ctx: BomContext, asset: Asset): CdxComponent {
  const card = modelCardOfFile(asset);
  return {
    type: 'machine-learning-model',
    'bom-ref': asset.id,
    name: asset.name,
    description: 'Model weights stored in the repository',
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
    ...(card === undefined ? {} : { modelCard: card }),
  };
}

function dataComponent(ctx: BomContext, asset: Asset): CdxComponent {
  const a = asset.attributes;
  const url = typeof a['url'] === 'string' ? a['url'] : a['storage'] === 's3' && typeof a['bucket'] === 'string' ? `s3://${a['bucket']}` : undefined;
  const owners: CdxParty[] = ownerParties(ownersOf(ctx, asset.id));
  const data: CdxComponentData = {
    type: 'dataset',
    name: asset.name,
    ...(url === undefined ? {} : { contents: { url } }),
    ...(typeof a['classification'] === 'string' ? { classification: a['classification'] } : {}),
    ...(owners.length === 0 ? {} : { governance: { owners } }),
  };
  const manufacturer = vendorEntity(asset.provider);
  return {
    type: 'data',
    'bom-ref': asset.id,
    ...(manufacturer === undefined ? {} : { manufacturer }),
    name: asset.name,
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
    data: [data],
  };
}

function secretComponent(ctx: BomContext, asset: Asset): CdxComponent {
  return {
    type: 'cryptographic-asset',
    'bom-ref': asset.id,
    name: `${asset.provider ?? asset.name} API key`,
    description: 'An AI provider API key found in the files (the value is never recorded)',
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
    cryptoProperties: { assetType: 'related-crypto-material', relatedCryptoMaterialProperties: { type: 'credential' } },
  };
}

function agentComponent(ctx: BomContext, asset: Asset): CdxComponent {
  const manufacturer = vendorEntity(asset.provider);
  return {
    type: 'application',
    'bom-ref': asset.id,
    ...(manufacturer === undefined ? {} : { manufacturer }),
    name: asset.name,
    properties: assetProperties(ctx, asset),
    ...evidenceOf(asset),
  };
}

/** `vcs` references for the repositories (with a git remote) an asset set was found in. */
export function vcsReferences(ctx: BomContext, ids: Iterable<AssetId>): CdxExternalReference[] {
  const urls = new Set<string>();
  for (const id of ids) {
    for (const edge of ctx.index.incoming.get(id) ?? []) {
      const remote = edge.type === 'RESOURCE' ? ctx.index.byId.get(edge.from)?.attributes['remote'] : undefined;
      if (typeof remote === 'string' && remote !== '') urls.add(/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) ? remote : `https://${remote}`);
    }
  }
  return [...urls].sort(cmp).map((url) => ({ type: 'vcs', url }));
}

/** A system as an `application`: the subject of its own BOM, or a component of the estate BOM. */
export function systemComponent(ctx: BomContext, system: Asset, ref: string, memberIds: Iterable<AssetId>): CdxComponent {
  const manufacturer = ownerEntity(ownersOf(ctx, system.id));
  const vcs = vcsReferences(ctx, [system.id, ...memberIds]);
  const d = system.attributes['description'];
  return {
    type: 'application',
    'bom-ref': ref,
    ...(manufacturer === undefined ? {} : { manufacturer }),
    name: system.name,
    ...(typeof d === 'string' && d !== '' ? { description: d } : {}),
    ...(vcs.length === 0 ? {} : { externalReferences: vcs }),
    properties: assetProperties(ctx, system, ref),
    ...evidenceOf(system),
  };
}

const BUILDERS: Readonly<Record<string, (ctx: BomContext, asset: Asset) => CdxComponent>> = {
  'sdk': sdkComponent,
  'model': modelComponent,
  'model-file': modelFileComponent,
  'data-source': dataComponent,
  'secret': secretComponent,
  'agent': agentComponent,
};

/** The component for a non-system asset, or undefined when the asset is a service kind. */
export function componentOf(ctx: BomContext, asset: Asset): CdxComponent | undefined {
  return BUILDERS[asset.kind]?.(ctx, asset);
}
