/**
 * What changed between two inventories: assets and relationships added, removed or changed, and
 * findings new, resolved or changed. Pure and deterministic (every list sorted by id).
 *
 * Identity is the id, which is stable across scans (DESIGN.md §3), so a renamed package is a
 * removed asset plus an added one, while a new version of the same package is a change.
 *
 * Evidence is left out of the comparison by default: a line moving in a file, or one more call
 * site of a model already known, says nothing new about the estate and would make every diff of an
 * active repository noisy. `{ evidence: true }` compares it too (reported as the field `evidence`).
 */
import type { Asset, AttributeValue, Attributes } from '../src/model/asset.ts';
import type { Evidence } from '../src/model/evidence.ts';
import type { Finding } from '../src/model/finding.ts';
import type { Inventory } from '../src/model/inventory.ts';
import type { Relationship } from '../src/model/relationship.ts';

/** One field that differs; `before`/`after` absent when the field is absent on that side. */
export interface FieldChange {
  /** `name`, `provider`, `nativeId`, `attributes.<key>`, `tags.<key>`, `properties.<key>`, `severity`, `status`, `evidence`. */
  readonly field: string;
  readonly before?: AttributeValue | readonly Evidence[];
  readonly after?: AttributeValue | readonly Evidence[];
}

/** An item present on both sides with different fields. */
export interface Changed<T> {
  readonly id: string;
  readonly before: T;
  readonly after: T;
  /** Sorted by field. */
  readonly changes: readonly FieldChange[];
}

/** Added, removed and changed items of one list. */
export interface ListDiff<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly Changed<T>[];
}

/** Findings: `new` (open now, not before), `resolved` (open before, gone or resolved now), `changed`. */
export interface FindingsDiff {
  readonly new: readonly Finding[];
  readonly resolved: readonly Finding[];
  readonly changed: readonly Changed<Finding>[];
}

/** Added / removed / changed counts. */
export interface ChangeCounts {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** Counts per list, per asset kind and per relationship type (only keys with a change, sorted). */
export interface DiffCounts {
  readonly assets: ChangeCounts;
  readonly relationships: ChangeCounts;
  readonly findings: ChangeCounts;
  readonly byKind: Readonly<Record<string, ChangeCounts>>;
  readonly byType: Readonly<Record<string, ChangeCounts>>;
}

/** The two scans compared. */
export interface DiffScan {
  readonly id: string;
  readonly startedAt: string;
}

/** `diffInventories` result. */
export interface InventoryDiff {
  readonly from: DiffScan;
  readonly to: DiffScan;
  readonly assets: ListDiff<Asset>;
  readonly relationships: ListDiff<Relationship>;
  readonly findings: FindingsDiff;
  readonly counts: DiffCounts;
  /** Names of the assets the relationships and findings above point at (newest name wins), sorted by id. */
  readonly assetNames: Readonly<Record<string, string>>;
}

/** Options of `diffInventories`. */
export interface DiffOptions {
  /** Also report evidence-only changes (default false). */
  readonly evidence?: boolean;
}

/** Compares `from` (older) with `to` (newer). */
export function diffInventories(from: Inventory, to: Inventory, options: DiffOptions = {}): InventoryDiff {
  const withEvidence = options.evidence === true;
  const assets = diffList(from.assets, to.assets, (a, b) => assetChanges(a, b, withEvidence));
  const relationships = diffList(from.relationships, to.relationships, (a, b) => [
    ...recordChanges('properties', a.properties, b.properties),
    ...evidenceChange(a.evidence, b.evidence, withEvidence),
  ]);
  const findings = diffFindings(from.findings, to.findings);
  return {
    from: { id: from.scan.id, startedAt: from.scan.startedAt },
    to: { id: to.scan.id, startedAt: to.scan.startedAt },
    assets,
    relationships,
    findings,
    counts: {
      assets: countsOf(assets.added.length, assets.removed.length, assets.changed.length),
      relationships: countsOf(relationships.added.length, relationships.removed.length, relationships.changed.length),
      findings: countsOf(findings.new.length, findings.resolved.length, findings.changed.length),
      byKind: tally(assets, (a) => a.kind),
      byType: tally(relationships, (r) => r.type),
    },
    assetNames: referencedNames(from, to, relationships, findings),
  };
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: InventoryDiff): boolean {
  const { assets, relationships, findings } = diff.counts;
  return [assets, relationships, findings].every((c) => c.added + c.removed + c.changed === 0);
}

function diffList<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], compare: (a: T, b: T) => FieldChange[]): ListDiff<T> {
  const old = byIdMap(before);
  const now = byIdMap(after);
  const added: T[] = [];
  const changed: Changed<T>[] = [];
  for (const [id, item] of now) {
    const prior = old.get(id);
    if (prior === undefined) {
      added.push(item);
      continue;
    }
    const changes = compare(prior, item);
    if (changes.length > 0) changed.push({ id, before: prior, after: item, changes: changes.sort((a, b) => compareText(a.field, b.field)) });
  }
  const removed = [...old].filter(([id]) => !now.has(id)).map(([, item]) => item);
  return { added: sortById(added), removed: sortById(removed), changed: sortById(changed) };
}

function assetChanges(a: Asset, b: Asset, withEvidence: boolean): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of ['name', 'provider', 'nativeId'] as const) {
    if (a[field] !== b[field]) out.push(change(field, a[field], b[field]));
  }
  out.push(...recordChanges('attributes', a.attributes, b.attributes));
  out.push(...recordChanges('tags', a.tags, b.tags));
  out.push(...evidenceChange(a.evidence, b.evidence, withEvidence));
  return out;
}

/** Per-key changes of two attribute/tag/property records (values compared by canonical JSON). */
function recordChanges(prefix: string, a: Readonly<Attributes>, b: Readonly<Attributes>): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const before = a[key];
    const after = b[key];
    if (canonical(before) !== canonical(after)) out.push(change(`${prefix}.${key}`, before, after));
  }
  return out;
}

function evidenceChange(a: readonly Evidence[], b: readonly Evidence[], enabled: boolean): FieldChange[] {
  if (!enabled || canonical(a) === canonical(b)) return [];
  return [{ field: 'evidence', before: a, after: b }];
}

function change(field: string, before: AttributeValue | undefined, after: AttributeValue | undefined): FieldChange {
  return { field, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** Open = anything not resolved: a suppressed finding still exists, it is only silenced. */
const isOpen = (f: Finding | undefined): f is Finding => f !== undefined && f.status !== 'resolved';

function diffFindings(before: readonly Finding[], after: readonly Finding[]): FindingsDiff {
  const old = byIdMap(before);
  const now = byIdMap(after);
  const found: Finding[] = [];
  const resolved: Finding[] = [];
  const changed: Changed<Finding>[] = [];
  for (const [id, finding] of now) {
    const prior = old.get(id);
    if (isOpen(finding) && !isOpen(prior)) found.push(finding);
    else if (!isOpen(finding) && isOpen(prior)) resolved.push(prior);
    else if (isOpen(finding) && isOpen(prior)) {
      const changes = findingChanges(prior, finding);
      if (changes.length > 0) changed.push({ id, before: prior, after: finding, changes });
    }
  }
  for (const [id, prior] of old) if (!now.has(id) && isOpen(prior)) resolved.push(prior);
  return { new: sortById(found), resolved: sortById(resolved), changed: sortById(changed) };
}

/** Severity, and suppression switched on or off. `new` → `open` is the lifecycle ageing, not a change. */
function findingChanges(a: Finding, b: Finding): FieldChange[] {
  const out: FieldChange[] = [];
  if (a.severity !== b.severity) out.push(change('severity', a.severity, b.severity));
  if ((a.status === 'suppressed') !== (b.status === 'suppressed')) out.push(change('status', a.status, b.status));
  return out;
}

function tally<T>(list: ListDiff<T>, key: (item: T) => string): Record<string, ChangeCounts> {
  const counts = new Map<string, { added: number; removed: number; changed: number }>();
  const bump = (item: T, field: 'added' | 'removed' | 'changed'): void => {
    const k = key(item);
    const entry = counts.get(k) ?? { added: 0, removed: 0, changed: 0 };
    entry[field] += 1;
    counts.set(k, entry);
  };
  for (const item of list.added) bump(item, 'added');
  for (const item of list.removed) bump(item, 'removed');
  for (const item of list.changed) bump(item.after, 'changed');
  return Object.fromEntries([...counts].sort(([a], [b]) => compareText(a, b)));
}

function referencedNames(from: Inventory, to: Inventory, relationships: ListDiff<Relationship>, findings: FindingsDiff): Record<string, string> {
  const wanted = new Set<string>();
  for (const r of [...relationships.added, ...relationships.removed, ...relationships.changed.map((c) => c.after)]) {
    wanted.add(r.from);
    wanted.add(r.to);
  }
  for (const f of [...findings.new, ...findings.resolved, ...findings.changed.map((c) => c.after)]) wanted.add(f.assetId);
  const names = new Map<string, string>();
  // Older first, so the newer name overwrites it.
  for (const asset of [...from.assets, ...to.assets]) if (wanted.has(asset.id)) names.set(asset.id, asset.name);
  return Object.fromEntries([...names].sort(([a], [b]) => compareText(a, b)));
}

function countsOf(added: number, removed: number, changed: number): ChangeCounts {
  return { added, removed, changed };
}

function byIdMap<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) map.set(item.id, item);
  return map;
}

function sortById<T extends { readonly id: string }>(list: T[]): T[] {
  return list.sort((a, b) => compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted, so `{a, b}` equals `{b, a}`; arrays keep their order. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => compareText(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * Picks the scans to compare from the recorded ids (newest first): no argument = the two newest,
 * one = that scan against the newest, two = as given. Says why when it cannot.
 */
export function pickDiffScans(newestFirst: readonly string[], from?: string, to?: string): { from: string; to: string } | { problem: string } {
  for (const id of [from, to]) {
    if (id !== undefined && !newestFirst.includes(id)) return { problem: `no scan "${id}" in the store (aimap scans lists them)` };
  }
  if (from !== undefined) {
    const newest = newestFirst[0] as string;
    return { from, to: to ?? newest };
  }
  const [newest, previous] = newestFirst;
  if (newest === undefined || previous === undefined) {
    return { problem: `need at least two recorded scans to diff, found ${newestFirst.length}; run aimap scan again later, or name two scans` };
  }
  return { from: previous, to: newest };
}
