/**
 * Assembles one CycloneDX BOM from an inventory: subject, components, services, the dependency
 * graph, completeness and annotations for open findings. Pure; every list is sorted by bom-ref so
 * an unchanged inventory gives an identical BOM.
 */
import { createHash } from 'node:crypto';
import type { Asset, AssetId, Inventory, RelationshipType } from '../../src/model/index.ts';
import { componentOf, systemComponent, vcsReferences } from './components.ts';
import { bomContext, type BomContext } from './context.ts';
import { findingProperties, prop, sortProperties } from './properties.ts';
import { cmp, indexInventory, resolveSubject, systemMembers, type BomSubject, type InventoryIndex } from './select.ts';
import { servicesOf } from './services.ts';
import type { CdxAnnotation, CdxBom, CdxComponent, CdxDependency, CdxMetadata, CdxService, CdxSpec } from './types.ts';

/** Edges that are dependencies in the BOM graph (PROVIDES is shown by nesting tools instead). */
const DEPENDS: ReadonlySet<RelationshipType> = new Set([
  'INCLUDES', 'USES_SDK', 'USES_MODEL', 'SERVES', 'EXPOSES', 'CALLS', 'CONNECTS_TO', 'USES_TOOL',
  'READS_FROM', 'WRITES_TO', 'INDEXES', 'USES_SECRET',
]);

export interface BuildOptions {
  /** A system id, name or native id; `'estate'` for everything; undefined for the default. */
  readonly system?: string;
  readonly spec: CdxSpec;
  /** ISO timestamp of the BOM; default the scan's `finishedAt`. */
  readonly timestamp?: string;
}

/** The placeholder serial the content hash is taken over (see `serialNumberOf`). */
export const PLACEHOLDER_SERIAL = 'urn:uuid:00000000-0000-0000-0000-000000000000';

function estateRef(inventory: Inventory): string {
  const scopes = [...new Set(inventory.scan.targets.map((t) => `${t.connector}:${t.scope}`))].sort(cmp);
  return `estate:${createHash('sha256').update(scopes.join('\n')).digest('hex').slice(0, 16)}`;
}

function estateName(inventory: Inventory): string {
  const scopes = [...new Set(inventory.scan.targets.map((t) => t.scope))].sort(cmp);
  if (scopes.length === 0) return 'AI estate';
  if (scopes.length <= 3) return scopes.join(', ');
  return `${scopes.slice(0, 2).join(', ')} and ${scopes.length - 2} more`;
}

function estateComponent(ctx: BomContext): CdxComponent {
  const targets = ctx.index.inventory.scan.targets.map((t) => t.target);
  const vcs = vcsReferences(ctx, ctx.assets.map((a) => a.id));
  return {
    type: 'application',
    'bom-ref': ctx.subjectRef,
    name: estateName(ctx.index.inventory),
    description: `AI estate scanned by aimap: ${targets.length === 0 ? 'no targets' : targets.join(', ')}`,
    ...(vcs.length === 0 ? {} : { externalReferences: vcs }),
    properties: sortProperties(findingProperties(ctx, ctx.subjectRef)),
  };
}

function lifecycles(inventory: Inventory): CdxMetadata['lifecycles'] {
  const phases = new Set(inventory.scan.targets.map((t) => (t.connector === 'local' ? 'pre-build' : t.connector === 'host' ? 'operations' : 'discovery')));
  if (phases.size === 0) phases.add('discovery');
  return [...phases].sort(cmp).map((phase) => ({ phase }));
}

/** The tool entry; also the annotator of every annotation (no bom-ref, so it is never a duplicate). */
function toolComponent(inventory: Inventory): CdxComponent {
  return { type: 'application', name: inventory.tool.name, version: inventory.tool.version };
}

function metadata(ctx: BomContext, subject: CdxComponent): CdxMetadata {
  const inv = ctx.index.inventory;
  const errors = inv.diagnostics.filter((d) => d.level === 'error').length;
  return {
    timestamp: ctx.timestamp,
    lifecycles: lifecycles(inv),
    tools: { components: [toolComponent(inv)] },
    component: subject,
    properties: sortProperties([
      { name: 'aimap:bom:scope', value: ctx.subject.kind },
      { name: 'aimap:scan:id', value: inv.scan.id },
      { name: 'aimap:scan:errors', value: String(errors) },
      ...prop('aimap:inventory:schema-version', inv.schemaVersion),
      ...inv.scan.targets.map((t) => ({ name: 'aimap:scan:target', value: `${t.connector}:${t.target}` })),
    ]),
  };
}

function refOf(ctx: BomContext, id: AssetId): string {
  return ctx.subject.kind === 'system' && id === ctx.subject.system.id ? ctx.subjectRef : id;
}

function dependsOn(ctx: BomContext, id: AssetId): string[] {
  const out = new Set<string>();
  for (const edge of ctx.index.outgoing.get(id) ?? []) {
    if (DEPENDS.has(edge.type) && ctx.refs.has(edge.to) && edge.to !== id) out.add(refOf(ctx, edge.to));
  }
  return [...out].sort(cmp);
}

function serviceRefs(services: readonly CdxService[]): string[] {
  return services.flatMap((s) => [s['bom-ref'], ...serviceRefs(s.services ?? [])]);
}

/** One entry per bom-ref (leaves as empty entries, as the spec asks), sorted by ref. */
function dependencies(ctx: BomContext, services: readonly CdxService[]): CdxDependency[] {
  const elementIds = [...ctx.assets.map((a) => a.id), ...serviceRefs(services)];
  const entries = new Map<string, string[]>();
  for (const id of new Set(elementIds)) entries.set(id, dependsOn(ctx, id));
  if (ctx.subject.kind === 'system') {
    entries.set(ctx.subjectRef, dependsOn(ctx, ctx.subject.system.id));
  } else {
    // The estate depends on its roots: systems and anything no other element depends on or nests.
    const reached = new Set([...entries.values()].flat());
    for (const s of services) for (const child of serviceRefs(s.services ?? [])) reached.add(child);
    entries.set(ctx.subjectRef, [...entries.keys()].filter((ref) => !reached.has(ref) || ctx.index.byId.get(ref)?.kind === 'system').sort(cmp));
  }
  return [...entries.entries()].sort(([a], [b]) => cmp(a, b)).map(([ref, deps]) => (deps.length === 0 ? { ref } : { ref, dependsOn: deps }));
}

function annotations(ctx: BomContext, annotator: CdxComponent): CdxAnnotation[] {
  return ctx.findingSubjects
    .map(({ finding: f, subjects }) => {
      const frameworks = f.frameworks.length === 0 ? '' : ` Frameworks: ${f.frameworks.join(', ')}.`;
      const detail = f.detail === '' ? '' : ` ${f.detail}`;
      return {
        'bom-ref': `annotation:${f.id}`,
        subjects,
        annotator: { component: annotator },
        timestamp: ctx.timestamp,
        text: `${f.severity.toUpperCase()} ${f.policyId}@${f.policyVersion}: ${f.title.replace(/\.+$/, '')}.${detail}${frameworks}`,
      };
    })
    .sort((a, b) => cmp(a['bom-ref'], b['bom-ref']));
}

function subjectComponent(ctx: BomContext, index: InventoryIndex, subject: BomSubject): CdxComponent {
  return subject.kind === 'system' ? systemComponent(ctx, subject.system, ctx.subjectRef, systemMembers(index, subject.system)) : estateComponent(ctx);
}

function componentsOf(ctx: BomContext, index: InventoryIndex): CdxComponent[] {
  return ctx.assets.flatMap((asset: Asset) =>
    asset.kind === 'system' ? [systemComponent(ctx, asset, asset.id, systemMembers(index, asset))] : (componentOf(ctx, asset) ?? []),
  );
}

/** Builds the BOM (with the placeholder serial; `toCycloneDx` fills in the real one). */
export function buildBom(inventory: Inventory, options: BuildOptions): CdxBom {
  const index = indexInventory(inventory);
  const subject = resolveSubject(index, options.system);
  const subjectRef = subject.kind === 'system' ? subject.system.id : estateRef(inventory);
  const ctx = bomContext(index, subject, subjectRef, new Date(options.timestamp ?? inventory.scan.finishedAt).toISOString());
  const services = servicesOf(ctx);
  const composition = inventory.diagnostics.some((d) => d.level === 'error') ? 'incomplete' : 'unknown';
  return {
    bomFormat: 'CycloneDX',
    specVersion: options.spec,
    serialNumber: PLACEHOLDER_SERIAL,
    version: 1,
    metadata: metadata(ctx, subjectComponent(ctx, index, subject)),
    components: componentsOf(ctx, index),
    services,
    dependencies: dependencies(ctx, services),
    compositions: [{ aggregate: composition, dependencies: [subjectRef] }],
    annotations: annotations(ctx, toolComponent(inventory)),
  };
}
