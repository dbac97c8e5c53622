/**
 * Last-known-good (DESIGN.md §1): a scope (repository, cloud account) whose scan hit an error never
 * loses the assets it had. Whatever that scope had in the previous scan and lacks now is carried
 * forward, marked stale; scopes that scanned cleanly drop what vanished. Pure.
 *
 * Membership: an asset belongs to a scope through the `RESOURCE` edges of the scope's
 * `repository` / `cloud-account` asset (itself included). A relationship belongs to it when either
 * end does; it is carried only when both ends exist afterwards, so no edge dangles. Assets outside
 * every scope (owners, anything a connector adds without a `RESOURCE` edge) are never carried.
 *
 * Which scope a diagnostic is about: diagnostics have no scope field yet, so it is worked out
 * (`erroredScopes`): a `scope` property when present (forward compatible), else a location path
 * equal to or under a target as typed, else, for a path relative to a scan root, every target of
 * that connector (every target when the diagnostic comes from a detector). When in doubt the scope
 * counts as errored: keeping a stale asset (visible as such) is safer than silently losing one.
 */
import { ASSET_KINDS } from '../src/model/asset.ts';
import type { Asset, AssetKind } from '../src/model/asset.ts';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { assetId } from '../src/model/ids.ts';
import type { Inventory, ScanTarget } from '../src/model/inventory.ts';
import type { Relationship } from '../src/model/relationship.ts';
import { sortDiagnostics } from '../src/pipeline/merge.ts';

/** What one errored scope caused: the first error (its code is reused) and how many there were. */
export interface ScopeErrors {
  readonly target: ScanTarget;
  readonly first: Diagnostic;
  count: number;
}

/** Items carried forward for one scope. */
interface Tally {
  assets: number;
  relationships: number;
}

const ROOT_KINDS: readonly AssetKind[] = ['repository', 'cloud-account'];

/**
 * `current`, plus the assets and relationships of every errored scope that `previous` had and
 * `current` lacks, each marked `stale: true` and `lastSeenScan` (in `attributes` for assets,
 * `properties` for relationships), with one `info` diagnostic per scope saying how many were kept.
 * Returns `current` itself when nothing is carried.
 */
export function carryForward(previous: Inventory | undefined, current: Inventory): Inventory {
  if (previous === undefined) return current;
  const errored = erroredScopes(current);
  if (errored.size === 0) return current;
  const currentAssets = new Set(current.assets.map((a) => a.id));
  const currentEdges = new Set(current.relationships.map((r) => r.id));
  const index = scopeIndex(previous);
  const carriedAssets: Asset[] = [];
  const members = new Map<string, string>(); // asset id → its errored scope
  const tallies = new Map<string, Tally>();
  for (const scope of errored.keys()) {
    const tally: Tally = { assets: 0, relationships: 0 };
    tallies.set(scope, tally);
    for (const asset of scopeMembers(index, scope)) {
      if (!members.has(asset.id)) members.set(asset.id, scope);
      if (currentAssets.has(asset.id)) continue;
      carriedAssets.push(markStale(asset, previous.scan.id));
      currentAssets.add(asset.id);
      tally.assets += 1;
    }
  }
  const carriedEdges: Relationship[] = [];
  for (const edge of previous.relationships) {
    if (currentEdges.has(edge.id) || !currentAssets.has(edge.from) || !currentAssets.has(edge.to)) continue;
    const scope = members.get(edge.from) ?? members.get(edge.to);
    if (scope === undefined) continue;
    carriedEdges.push(markStaleEdge(edge, previous.scan.id));
    currentEdges.add(edge.id);
    (tallies.get(scope) as Tally).relationships += 1;
  }
  if (carriedAssets.length === 0 && carriedEdges.length === 0) return current;
  const notes: Diagnostic[] = [];
  for (const [scope, errors] of errored) {
    const tally = tallies.get(scope) as Tally;
    if (tally.assets + tally.relationships > 0) notes.push(carriedNote(errors, tally, previous.scan.id));
  }
  const assets = [...current.assets, ...carriedAssets].sort(compareIds);
  return {
    ...current,
    scan: { ...current.scan, counts: countKinds(assets) },
    assets,
    relationships: [...current.relationships, ...carriedEdges].sort(compareIds),
    diagnostics: sortDiagnostics([...current.diagnostics, ...notes]),
  };
}

/** The scopes of `inventory` that had at least one `error` diagnostic, keyed by scope. */
export function erroredScopes(inventory: Inventory): Map<string, ScopeErrors> {
  const out = new Map<string, ScopeErrors>();
  const targets = inventory.scan.targets;
  for (const diagnostic of inventory.diagnostics) {
    if (diagnostic.level !== 'error') continue;
    for (const target of targetsOf(diagnostic, targets)) {
      const entry = out.get(target.scope);
      if (entry === undefined) out.set(target.scope, { target, first: diagnostic, count: 1 });
      else entry.count += 1;
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The scan targets a diagnostic is about (see the module comment for the rules). */
export function targetsOf(diagnostic: Diagnostic, targets: readonly ScanTarget[]): ScanTarget[] {
  const scope = (diagnostic as Diagnostic & { readonly scope?: unknown }).scope;
  if (typeof scope === 'string') {
    const named = targets.filter((t) => t.scope === scope);
    if (named.length > 0) return named;
  }
  const path = diagnostic.location?.path;
  if (path !== undefined) {
    const within = targets.filter((t) => isWithin(normalizePath(path), normalizePath(t.target)));
    if (within.length > 0) return within;
  }
  const sameConnector = targets.filter((t) => t.connector === diagnostic.connector);
  return sameConnector.length > 0 ? sameConnector : [...targets];
}

function normalizePath(path: string): string {
  const posix = path.replace(/\\/g, '/').replace(/\/+$/, '');
  const trimmed = posix.replace(/^(\.\/)+/, '');
  return trimmed === '' ? '.' : trimmed;
}

/** `path` equals `target` or lies below it; `.` and `~` hold every relative / home path. */
function isWithin(path: string, target: string): boolean {
  if (path === target || path.startsWith(`${target}/`)) return true;
  if (target === '.') return !path.startsWith('/') && !path.startsWith('~') && !/^[A-Za-z]:\//.test(path);
  return false;
}

/** Lookups over the previous inventory: assets by id, scope roots by label, `RESOURCE` targets. */
interface ScopeIndex {
  readonly byId: ReadonlyMap<string, Asset>;
  /** Repository / cloud-account assets by name and by nativeId. */
  readonly rootsByLabel: ReadonlyMap<string, readonly Asset[]>;
  readonly resourcesOf: ReadonlyMap<string, readonly string[]>;
}

function scopeIndex(inventory: Inventory): ScopeIndex {
  const byId = new Map(inventory.assets.map((a) => [a.id, a]));
  const rootsByLabel = new Map<string, Asset[]>();
  for (const asset of inventory.assets) {
    if (!ROOT_KINDS.includes(asset.kind)) continue;
    for (const label of new Set([asset.name, asset.nativeId])) {
      if (label !== undefined) rootsByLabel.set(label, [...(rootsByLabel.get(label) ?? []), asset]);
    }
  }
  const resourcesOf = new Map<string, string[]>();
  for (const r of inventory.relationships) {
    if (r.type !== 'RESOURCE') continue;
    const list = resourcesOf.get(r.from);
    if (list === undefined) resourcesOf.set(r.from, [r.to]);
    else list.push(r.to);
  }
  return { byId, rootsByLabel, resourcesOf };
}

/**
 * The scope's root assets (a repository or cloud account named by the scope, or with the id the
 * connectors derive for it) and everything their `RESOURCE` edges point at.
 */
function scopeMembers(index: ScopeIndex, scope: string): Asset[] {
  const roots = new Set(index.rootsByLabel.get(scope) ?? []);
  for (const kind of ROOT_KINDS) {
    const root = index.byId.get(assetId(kind, scope, scope));
    if (root !== undefined) roots.add(root);
  }
  const ids = new Set<string>();
  for (const root of roots) {
    ids.add(root.id);
    for (const id of index.resourcesOf.get(root.id) ?? []) ids.add(id);
  }
  return [...ids].flatMap((id) => {
    const asset = index.byId.get(id);
    return asset === undefined ? [] : [asset];
  });
}

/** Keeps the scan the item was really last seen in when it was already stale. */
function lastSeen(record: Readonly<Record<string, unknown>>, previousScan: string): string {
  const known = record['lastSeenScan'];
  return record['stale'] === true && typeof known === 'string' ? known : previousScan;
}

function markStale(asset: Asset, previousScan: string): Asset {
  return { ...asset, attributes: { ...asset.attributes, stale: true, lastSeenScan: lastSeen(asset.attributes, previousScan) } };
}

function markStaleEdge(edge: Relationship, previousScan: string): Relationship {
  return { ...edge, properties: { ...edge.properties, stale: true, lastSeenScan: lastSeen(edge.properties, previousScan) } };
}

function carriedNote(errors: ScopeErrors, tally: Tally, previousScan: string): Diagnostic {
  const { target, first, count } = errors;
  const what = `${tally.assets} asset${tally.assets === 1 ? '' : 's'} and ${tally.relationships} relationship${tally.relationships === 1 ? '' : 's'}`;
  const message = `kept ${what} of ${target.scope} from scan ${previousScan} (marked stale): this scan had ${count} error${count === 1 ? '' : 's'} there (first: ${first.code}), so what it did not see may still exist`;
  return { connector: target.connector, level: 'info', code: first.code, message };
}

function countKinds(assets: readonly Asset[]): Partial<Record<AssetKind, number>> {
  const tally = new Map<AssetKind, number>();
  for (const a of assets) tally.set(a.kind, (tally.get(a.kind) ?? 0) + 1);
  const counts: Partial<Record<AssetKind, number>> = {};
  for (const kind of ASSET_KINDS) {
    const n = tally.get(kind);
    if (n !== undefined) counts[kind] = n;
  }
  return counts;
}

function compareIds(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
