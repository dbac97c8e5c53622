/**
 * Pure: the owner resolver chain. For each asset the links are asked in order — config owners map,
 * owner tags/labels, CODEOWNERS, git history — and the first link that names any owner wins: only
 * its owners get an `OWNS` edge (owner → asset) with `{ source, confidence, rule }`. Lower links are
 * not recorded, so a stale CODEOWNERS line never contradicts an explicit config entry. Assets no
 * link names stay unowned (no edge).
 *
 * Each asset is resolved on its own: a system gets the owner of its root folder (or its file), and
 * its components get theirs from their own evidence; nothing is copied from a system onto its
 * components (queries walk `INCLUDES` for inherited ownership). Owner nodes and cloud-account
 * wildcards are never owned.
 */
import { compareEvidence, evidenceKey, relationshipId, type Asset, type AssetKind, type Diagnostic, type Evidence, type Relationship } from '../model/index.ts';
import { targetsOf, type Claim, type Target } from './claims.ts';
import { codeownersClaims, indexCodeowners, type CodeownersIndex } from './codeowners-link.ts';
import { configLink } from './config-link.ts';
import { gitClaims } from './git-link.ts';
import { ownerId, ownerProvider, ownerType } from './handles.ts';
import { tagClaims } from './tag-link.ts';
import type { OwnersConfig, OwnersInput, OwnershipFacts, OwnersResult } from './types.ts';

/** Kinds that are never owned. */
const UNOWNED_KINDS: ReadonlySet<AssetKind> = new Set(['owner', 'cloud-account']);
/** Evidence kept on an owner node (its edges keep all of theirs). */
const OWNER_EVIDENCE = 20;

interface ScopeIndex {
  readonly facts: OwnershipFacts;
  readonly codeowners?: CodeownersIndex;
}

/** What the resolver returns: owner assets, `OWNS` edges, and problems met (bad CODEOWNERS lines). */
export interface ResolvedOwners extends OwnersResult {
  readonly diagnostics: Diagnostic[];
}

/**
 * Resolves owners for every asset of a merged inventory. `facts` are the connectors' ownership
 * facts (one per scanned root; a single object is accepted too); `config` the `owners:` map.
 */
export function resolveOwners(input: OwnersInput, facts: OwnershipFacts | readonly OwnershipFacts[] | undefined, config: OwnersConfig = {}): ResolvedOwners {
  const scopes = indexScopes(facts === undefined ? [] : isFactsList(facts) ? facts : [facts]);
  const scopesOf = assetScopes(input);
  const fromConfig = configLink(config);
  const decided: [Asset, Claim[]][] = [];
  for (const asset of [...input.assets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (UNOWNED_KINDS.has(asset.kind)) continue;
    const claims = chain(asset, targetsOf(asset), (scopesOf.get(asset.id) ?? []).flatMap((s) => scopes.get(s) ?? []), fromConfig);
    if (claims.length > 0) decided.push([asset, claims]);
  }
  return { ...build(decided), diagnostics: diagnosticsOf(scopes) };
}

function isFactsList(facts: OwnershipFacts | readonly OwnershipFacts[]): facts is readonly OwnershipFacts[] {
  return Array.isArray(facts);
}

/** The chain for one asset: the first link with any claim wins. */
function chain(asset: Asset, targets: readonly Target[], scopes: readonly ScopeIndex[], fromConfig: (a: Asset) => Claim[]): Claim[] {
  const config = fromConfig(asset);
  if (config.length > 0) return config;
  const tags = tagClaims(asset);
  if (tags.length > 0) return tags;
  if (targets.length === 0) return [];
  const codeowners = scopes.flatMap((s) => (s.codeowners === undefined ? [] : codeownersClaims(targets, s.codeowners)));
  if (codeowners.length > 0) return codeowners;
  return scopes.flatMap((s) => gitClaims(targets, s.facts));
}

function indexScopes(list: readonly OwnershipFacts[]): Map<string, ScopeIndex> {
  const out = new Map<string, ScopeIndex>();
  for (const facts of list) {
    // The same root scanned twice gives the same facts: the first is kept.
    if (out.has(facts.scope)) continue;
    out.set(facts.scope, { facts, ...(facts.codeowners === undefined ? {} : { codeowners: indexCodeowners(facts.root, facts.codeowners) }) });
  }
  return out;
}

/** Scopes (repository names) of each asset, from the `RESOURCE` edges of repository assets. */
function assetScopes(input: OwnersInput): Map<string, string[]> {
  const repositories = new Map(input.assets.filter((a) => a.kind === 'repository').map((a) => [a.id, a.name]));
  const out = new Map<string, string[]>([...repositories].map(([id, name]) => [id, [name]]));
  for (const rel of input.relationships) {
    const scope = rel.type === 'RESOURCE' ? repositories.get(rel.from) : undefined;
    if (scope === undefined) continue;
    const list = out.get(rel.to) ?? [];
    if (!list.includes(scope)) list.push(scope);
    out.set(rel.to, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

function uniqueEvidence(list: readonly Evidence[], limit = Infinity): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const e of list) if (!byKey.has(evidenceKey(e))) byKey.set(evidenceKey(e), e);
  return [...byKey.values()].sort(compareEvidence).slice(0, limit);
}

interface OwnerDraft {
  readonly name: string;
  readonly sources: Set<string>;
  readonly evidence: Evidence[];
}

/** Folds claims into one edge per (owner, asset) and one node per owner. */
function build(decided: readonly [Asset, Claim[]][]): OwnersResult {
  const owners = new Map<string, OwnerDraft>();
  const relationships: Relationship[] = [];
  for (const [asset, claims] of decided) {
    const byOwner = new Map<string, Claim[]>();
    for (const claim of claims) {
      const id = ownerId(claim.owner);
      byOwner.set(id, [...(byOwner.get(id) ?? []), claim]);
      const draft = owners.get(id) ?? { name: claim.owner, sources: new Set<string>(), evidence: [] };
      draft.sources.add(claim.source);
      draft.evidence.push(...claim.evidence);
      owners.set(id, draft);
    }
    for (const [id, list] of byOwner) {
      const first = list[0] as Claim;
      const confidence = list.some((c) => c.confidence === 'declared') ? 'declared' : 'inferred';
      const rule = [...new Set(list.map((c) => c.rule))].join('; ');
      relationships.push({
        id: relationshipId(id, 'OWNS', asset.id), type: 'OWNS', from: id, to: asset.id,
        properties: { confidence, rule, source: first.source },
        evidence: uniqueEvidence(list.flatMap((c) => c.evidence)),
      });
    }
  }
  const assets: Asset[] = [...owners].map(([id, d]) => {
    const provider = ownerProvider(d.name);
    return {
      id, kind: 'owner', name: d.name, ...(provider === undefined ? {} : { provider }),
      attributes: { sources: [...d.sources].sort(), type: ownerType(d.name) },
      evidence: uniqueEvidence(d.evidence, OWNER_EVIDENCE), tags: {},
    };
  });
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { assets: assets.sort(byId), relationships: relationships.sort(byId) };
}

function diagnosticsOf(scopes: ReadonlyMap<string, ScopeIndex>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { codeowners } of scopes.values()) {
    for (const p of codeowners?.problems ?? []) {
      out.push({ connector: 'owners', level: 'warn', code: 'parse-failed', message: p.message, location: { path: codeowners?.evidencePath as string, line: p.line } });
    }
  }
  return out;
}
