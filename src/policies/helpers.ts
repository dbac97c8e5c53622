/**
 * Small pure helpers every policy shares: indexes over the inventory, attribute readers, glob
 * matching and the one way a finding is built (stable id, at least one evidence entry).
 */
import { createHash } from 'node:crypto';
import type { Asset, AttributeValue, Evidence, Finding, Inventory, Relationship, Severity } from '../model/index.ts';
import { compareEvidence, SEVERITIES } from '../model/index.ts';
import type { Policy, PolicyContext, PolicyIndexes } from './types.ts';

/** `finding:<16 hex>` of sha256(policyId, assetId, discriminator): stable across scans. */
export function findingId(policyId: string, assetId: string, discriminator = ''): string {
  const digest = createHash('sha256').update(`${policyId}\u0000${assetId}\u0000${discriminator}`).digest('hex');
  return `finding:${digest.slice(0, 16)}`;
}

/** Builds the lookups a policy context carries. */
export function buildIndexes(inventory: Inventory): PolicyIndexes {
  const assetsById = new Map(inventory.assets.map((a) => [a.id, a]));
  const outgoing = new Map<string, Relationship[]>();
  const incoming = new Map<string, Relationship[]>();
  for (const r of inventory.relationships) {
    push(outgoing, r.from, r);
    push(incoming, r.to, r);
  }
  return { assetsById, outgoing, incoming };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Relationships of some types leaving an asset. */
export function edgesFrom(ctx: PolicyContext, id: string, types: readonly string[]): readonly Relationship[] {
  return (ctx.index.outgoing.get(id) ?? []).filter((r) => types.includes(r.type));
}

/** Relationships of some types entering an asset. */
export function edgesTo(ctx: PolicyContext, id: string, types: readonly string[]): readonly Relationship[] {
  return (ctx.index.incoming.get(id) ?? []).filter((r) => types.includes(r.type));
}

/** A string attribute, or undefined. */
export function str(attrs: Readonly<Record<string, AttributeValue>>, key: string): string | undefined {
  const v = attrs[key];
  return typeof v === 'string' ? v : undefined;
}

/** The strings of a list attribute (a lone string counts as a one-item list). */
export function strings(attrs: Readonly<Record<string, AttributeValue>>, key: string): string[] {
  const v = attrs[key];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Severity rank: info 0 … critical 4. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/**
 * A case-insensitive glob: `*` matches any run of characters (slashes and colons included, so
 * `meta-llama/*` and `gpt-4o*` work on model ids), `?` one character; everything else is literal.
 */
export function globMatcher(patterns: readonly string[]): (value: string) => boolean {
  const res = patterns.map((p) => new RegExp(`^${p.split('').map(globChar).join('')}$`, 'i'));
  return (value) => res.some((re) => re.test(value));
}

function globChar(c: string): string {
  if (c === '*') return '.*';
  if (c === '?') return '.';
  return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Evidence entries, deduplicated and sorted; capped so one busy asset cannot flood a report. */
export function pickEvidence(lists: readonly (readonly Evidence[])[], max = 10): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of lists.flat()) {
    const key = JSON.stringify([e.path, e.cell, e.line, e.url, e.technique, e.detector, e.snippet]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(compareEvidence).slice(0, max);
}

/** What a policy says about one asset; `makeFinding` turns it into a `Finding`. */
export interface FindingDraft {
  readonly asset: Asset;
  /** Tells apart several findings of one policy on one asset (e.g. the reason); '' when there is one. */
  readonly discriminator?: string;
  readonly title: string;
  readonly detail: string;
  readonly evidence: readonly Evidence[];
  /** Defaults to the policy's severity. */
  readonly severity?: Severity;
  /** Defaults to the policy's frameworks; a narrower list for a specific reason. */
  readonly frameworks?: readonly string[];
}

/**
 * Builds a finding. Evidence falls back to the asset's own when the draft has none, and to a
 * native-id entry when the asset has none either, so every finding points somewhere.
 */
export function makeFinding(policy: Policy, ctx: PolicyContext, draft: FindingDraft): Finding {
  const evidence = draft.evidence.length > 0 ? draft.evidence : pickEvidence([draft.asset.evidence]);
  return {
    id: findingId(policy.id, draft.asset.id, draft.discriminator ?? ''),
    policyId: policy.id,
    policyVersion: policy.version,
    severity: draft.severity ?? policy.severity,
    assetId: draft.asset.id,
    title: draft.title,
    detail: draft.detail,
    evidence: evidence.length > 0 ? evidence : [nativeEvidence(draft.asset, policy.id)],
    frameworks: [...(draft.frameworks ?? policy.frameworks)].sort(),
    firstSeen: ctx.now,
    status: 'new',
  };
}

/** Evidence naming the asset's native identity (used only when an asset carries no evidence at all). */
function nativeEvidence(asset: Asset, policyId: string): Evidence {
  return { snippet: asset.nativeId ?? asset.id, technique: 'api', confidence: 'inferred', detector: `policy:${policyId}` };
}

/** Quoted display name used in finding titles. */
export function quoted(asset: Asset): string {
  return `"${asset.name}"`;
}
