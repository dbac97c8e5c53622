/**
 * The `aimap:` property namespace (documented, name by name, in sbom/cyclonedx/PROPERTIES.md):
 * facts CycloneDX has no field for, as `properties[]`. Names are `:`-separated lower-case segments
 * (CycloneDX property taxonomy rules); a name may repeat for list values.
 */
import type { Asset, AssetKind, AttributeValue, Finding, RelationshipType } from '../../src/model/index.ts';
import { ownersOf, type BomContext } from './context.ts';
import { packagePurl } from './purl.ts';
import { cmp, targets } from './select.ts';
import type { CdxProperty } from './types.ts';

/**
 * Which asset attributes become which property, per kind (`*`: every kind). Attributes not listed
 * are left out on purpose: raw command arguments, header values and file lists may hold private
 * paths or tokens, and a BOM is shared with third parties.
 */
const ATTRIBUTE_PROPERTIES: Readonly<Partial<Record<AssetKind | '*', Readonly<Record<string, string>>>>> = {
  '*': { iacType: 'aimap:iac:type', envNames: 'aimap:env-name', exposed: 'aimap:exposed', region: 'aimap:cloud:region' },
  'system': { derivedFrom: 'aimap:system:derived-from', root: 'aimap:system:root', externalFacing: 'aimap:system:external-facing', riskTier: 'aimap:risk:tier', riskFactors: 'aimap:risk:factor', image: 'aimap:container:image', workload: 'aimap:container:workload' },
  'sdk': { ecosystem: 'aimap:sdk:ecosystem', category: 'aimap:sdk:category', versions: 'aimap:sdk:version-constraint', scopes: 'aimap:sdk:scope', declared: 'aimap:sdk:declared' },
  'model': { sources: 'aimap:model:reference', modelData: 'aimap:model:artifact' },
  'model-file': { format: 'aimap:model-file:format', riskLevel: 'aimap:model-file:risk-level', executesCodeOnLoad: 'aimap:model-file:executes-code-on-load', sizeBytes: 'aimap:model-file:size-bytes', quantization: 'aimap:model-file:quantization', dangerousGlobals: 'aimap:model-file:dangerous-global' },
  'endpoint': { kind: 'aimap:endpoint:kind' },
  'mcp-server': { transport: 'aimap:mcp:transport', transports: 'aimap:mcp:transport', role: 'aimap:mcp:role', clients: 'aimap:mcp:client', command: 'aimap:mcp:command', headerNames: 'aimap:mcp:header-name', disabled: 'aimap:mcp:disabled' },
  'tool': { executor: 'aimap:tool:executor' },
  'agent': { kind: 'aimap:agent:kind', product: 'aimap:agent:product', framework: 'aimap:agent:framework' },
  'model-server': { category: 'aimap:container:category', image: 'aimap:container:image', source: 'aimap:container:source', workload: 'aimap:container:workload', gpu: 'aimap:container:gpu', ports: 'aimap:container:port', namespace: 'aimap:container:namespace', runtime: 'aimap:model-server:runtime' },
  'vector-store': { collections: 'aimap:vector-store:collection', clients: 'aimap:vector-store:client', images: 'aimap:container:image', workloads: 'aimap:container:workload', storageType: 'aimap:vector-store:storage-type', knowledgeBase: 'aimap:vector-store:knowledge-base' },
  'data-source': { storage: 'aimap:data:storage', bucket: 'aimap:data:bucket', dataSourceType: 'aimap:data:source-type', classification: 'aimap:data:classification', regulated: 'aimap:data:regulated' },
  'secret': { keyType: 'aimap:secret:key-type', fingerprint: 'aimap:secret:fingerprint', fileKinds: 'aimap:secret:file-kind', notebookOutput: 'aimap:secret:notebook-output' },
};

/** Flags derived from the policy that raised a finding (policy ids are kebab-case). */
const FLAG_RULES: readonly { readonly flag: string; readonly policy: RegExp }[] = [
  { flag: 'unowned', policy: /unowned|no-owner|orphan/ },
  { flag: 'over-permissioned', policy: /permission|privilege|wildcard|admin|excessive-agency/ },
  { flag: 'shadow', policy: /shadow|unapproved|unsanctioned|not-approved/ },
];

const RUNS_AS = new Set<RelationshipType>(['RUNS_AS']);
const PERMISSIONS = new Set<RelationshipType>(['CAN_READ', 'CAN_WRITE', 'CAN_INVOKE', 'CAN_ADMIN']);

/** A property, or nothing for an empty value. */
export function prop(name: string, value: string | number | boolean | undefined): CdxProperty[] {
  return value === undefined || value === '' ? [] : [{ name, value: String(value) }];
}

function scalarValues(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'object' ? [] : scalarValues(v)));
  return typeof value === 'object' ? [] : [String(value)];
}

/** The properties an asset's attributes map to (see ATTRIBUTE_PROPERTIES). */
export function attributeProperties(asset: Asset): CdxProperty[] {
  const table = { ...ATTRIBUTE_PROPERTIES['*'], ...ATTRIBUTE_PROPERTIES[asset.kind] };
  return Object.entries(table).flatMap(([key, name]) => scalarValues(asset.attributes[key]).map((value) => ({ name, value })));
}

/** The flags the open findings of one BOM element raise. */
export function flagsOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => FLAG_RULES.filter((r) => r.policy.test(f.policyId)).map((r) => r.flag)))].sort();
}

/** `aimap:finding:<policy>` = severity and `aimap:flag` for the findings attached to a bom-ref. */
export function findingProperties(ctx: BomContext, ref: string): CdxProperty[] {
  const findings = ctx.findings.get(ref) ?? [];
  return [
    ...findings.map((f) => ({ name: `aimap:finding:${f.policyId}`, value: f.severity })),
    ...flagsOf(findings).map((flag) => ({ name: 'aimap:flag', value: flag })),
  ];
}

function ownerProperties(ctx: BomContext, asset: Asset): CdxProperty[] {
  const owners = ownersOf(ctx, asset.id);
  return [
    { name: 'aimap:owner:status', value: owners.length === 0 ? 'unowned' : 'owned' },
    ...owners.map((o) => ({ name: 'aimap:owner', value: o.owner.name })),
    ...owners.flatMap((o) => prop('aimap:owner:source', o.source)),
  ];
}

/** What an asset runs as, and what those identities may do (`RUNS_AS`, `CAN_*`). */
function identityProperties(ctx: BomContext, asset: Asset): CdxProperty[] {
  return targets(ctx.index, asset.id, RUNS_AS).flatMap((identity) => [
    { name: 'aimap:runs-as', value: identity.provider === undefined ? identity.name : `${identity.provider}:${identity.name}` },
    ...(ctx.index.outgoing.get(identity.id) ?? [])
      .filter((r) => PERMISSIONS.has(r.type))
      .map((r) => ({ name: 'aimap:permission', value: `${r.type.toLowerCase().replace('_', '-')} ${ctx.index.byId.get(r.to)?.name ?? r.to}` })),
  ]);
}

function repositoryProperties(ctx: BomContext, asset: Asset): CdxProperty[] {
  return (ctx.index.incoming.get(asset.id) ?? [])
    .filter((r) => r.type === 'RESOURCE')
    .flatMap((r) => prop('aimap:repository', ctx.index.byId.get(r.from)?.name));
}

function mcpPackage(asset: Asset): CdxProperty[] {
  const { package: pkg, packageEcosystem: eco } = asset.attributes;
  if (asset.kind !== 'mcp-server' || typeof pkg !== 'string' || typeof eco !== 'string') return [];
  return prop('aimap:mcp:package', packagePurl(eco, pkg) ?? pkg);
}

/**
 * Every `aimap:` property of one BOM element: kind, provider, native id, how it was seen, where,
 * owners, identities, mapped attributes and findings. Sorted by name then value, duplicates dropped.
 */
export function assetProperties(ctx: BomContext, asset: Asset, ref: string = asset.id): CdxProperty[] {
  const declared = asset.evidence.some((e) => e.confidence === 'declared');
  const list: CdxProperty[] = [
    { name: 'aimap:asset-kind', value: asset.kind },
    ...prop('aimap:provider', asset.provider),
    ...prop('aimap:native-id', asset.nativeId),
    ...prop('aimap:confidence', asset.evidence.length === 0 ? undefined : declared ? 'declared' : 'inferred'),
    ...[...new Set(asset.evidence.map((e) => e.detector))].map((d) => ({ name: 'aimap:detector', value: d })),
    ...repositoryProperties(ctx, asset),
    ...ownerProperties(ctx, asset),
    ...identityProperties(ctx, asset),
    ...mcpPackage(asset),
    ...attributeProperties(asset),
    ...findingProperties(ctx, ref),
  ];
  return sortProperties(list);
}

/** Sorts properties by name then value and drops exact duplicates. */
export function sortProperties(list: readonly CdxProperty[]): CdxProperty[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.value, b.value))
    .filter((p) => {
      const key = `${p.name}\u0000${p.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
