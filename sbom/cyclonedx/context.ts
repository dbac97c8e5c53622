/**
 * The per-BOM context every mapper reads: which assets are in the BOM, who owns them, and which
 * findings land on which BOM element. Findings on assets that are not BOM elements land on the
 * element they describe: an identity's findings on what runs as it; anything else (owners,
 * repositories, cloud accounts) on the estate BOM's subject and nowhere in a system BOM.
 */
import type { Asset, AssetId, Finding } from '../../src/model/index.ts';
import { bomAssets, sources, type BomSubject, type InventoryIndex } from './select.ts';
import type { CdxContact, CdxOrganization, CdxParty } from './types.ts';

/** An owner of an asset, with how it was found (`OWNS` edge properties). */
export interface OwnerInfo {
  readonly owner: Asset;
  readonly source?: string;
}

export interface BomContext {
  readonly index: InventoryIndex;
  readonly subject: BomSubject;
  /** bom-ref of the BOM's subject (`metadata.component`). */
  readonly subjectRef: string;
  /** The assets listed as components or services, sorted by id. */
  readonly assets: readonly Asset[];
  /** Ids of listed assets, plus the subject system's id. */
  readonly refs: ReadonlySet<AssetId>;
  /** Open findings per bom-ref they are attached to. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** bom-refs each open finding is attached to, in finding order. */
  readonly findingSubjects: readonly { readonly finding: Finding; readonly subjects: readonly string[] }[];
  readonly timestamp: string;
}

const RUNS_AS = new Set(['RUNS_AS'] as const);

/** Builds the context of one BOM. */
export function bomContext(index: InventoryIndex, subject: BomSubject, subjectRef: string, timestamp: string): BomContext {
  const assets = bomAssets(index, subject);
  const refs = new Set(assets.map((a) => a.id));
  if (subject.kind === 'system') refs.add(subject.system.id);
  const findingSubjects: { finding: Finding; subjects: string[] }[] = [];
  const findings = new Map<string, Finding[]>();
  for (const finding of index.inventory.findings) {
    if (finding.status !== 'new' && finding.status !== 'open') continue;
    const subjects = findingRefs(index, subject, subjectRef, refs, finding.assetId);
    if (subjects.length === 0) continue;
    findingSubjects.push({ finding, subjects });
    for (const ref of subjects) findings.set(ref, [...(findings.get(ref) ?? []), finding]);
  }
  return { index, subject, subjectRef, assets, refs, findings, findingSubjects, timestamp };
}

function findingRefs(index: InventoryIndex, subject: BomSubject, subjectRef: string, refs: ReadonlySet<AssetId>, assetId: AssetId): string[] {
  const own = (id: AssetId): string => (subject.kind === 'system' && id === subject.system.id ? subjectRef : id);
  if (refs.has(assetId)) return [own(assetId)];
  const asset = index.byId.get(assetId);
  if (asset?.kind === 'identity') {
    const users = sources(index, assetId, RUNS_AS).filter((a) => refs.has(a.id)).map((a) => own(a.id));
    if (users.length > 0) return [...new Set(users)].sort();
  }
  return subject.kind === 'estate' && asset !== undefined && asset.kind !== 'system' ? [subjectRef] : [];
}

/** Owners of an asset (`OWNS` edges), sorted by name. */
export function ownersOf(ctx: BomContext, id: AssetId): OwnerInfo[] {
  const out: OwnerInfo[] = [];
  for (const edge of ctx.index.incoming.get(id) ?? []) {
    if (edge.type !== 'OWNS') continue;
    const owner = ctx.index.byId.get(edge.from);
    if (owner === undefined) continue;
    const source = edge.properties['source'];
    out.push({ owner, ...(typeof source === 'string' ? { source } : {}) });
  }
  return out.sort((a, b) => (a.owner.name < b.owner.name ? -1 : a.owner.name > b.owner.name ? 1 : 0));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailOf(owner: Asset): string | undefined {
  const email = owner.attributes['email'];
  if (typeof email === 'string' && EMAIL.test(email)) return email;
  return EMAIL.test(owner.name) ? owner.name : undefined;
}

/** An owner as an `organizationalContact`. */
export function ownerContact(owner: Asset): CdxContact {
  const email = emailOf(owner);
  if (email === undefined) return { name: owner.name };
  return email === owner.name ? { email } : { name: owner.name, email };
}

/** Whether an owner is a person (an email, or declared so) rather than a team. */
function isPerson(owner: Asset): boolean {
  // Owner types of src/owners: team (@org/team), user (@login), email, name (free text: a team's name).
  const type = owner.attributes['type'];
  return type === 'user' || type === 'email' || type === 'person' || (type === undefined && emailOf(owner) !== undefined);
}

/**
 * The accountable team as an organization entity: the first team owner's name (else the first
 * owner's), with every owner as a contact. Used only for first-party elements (the subject, a
 * system, an internal service), never in place of a vendor.
 */
export function ownerEntity(owners: readonly OwnerInfo[]): CdxOrganization | undefined {
  const first = owners.find((o) => !isPerson(o.owner)) ?? owners[0];
  if (first === undefined) return undefined;
  return { name: first.owner.name, contact: owners.map((o) => ownerContact(o.owner)) };
}

/** Owners as data-governance parties (a person as an individual, a team as an organization). */
export function ownerParties(owners: readonly OwnerInfo[]): CdxParty[] {
  return owners.map((o) => (isPerson(o.owner) ? { contact: ownerContact(o.owner) } : { organization: { name: o.owner.name } }));
}
