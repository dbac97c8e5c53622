/**
 * Which scope roots (Repository, CloudAccount) a push may sweep for stale data, and which it must
 * leave alone. DESIGN.md §1: a scope that had an error keeps its last-known-good assets, so a
 * half-read repository never makes the graph forget what it held.
 *
 * Diagnostics carry a connector (or detector) id and a path relative to the scanned root, not the
 * scope, so attributing an error is conservative: when it cannot be pinned to one scope, every
 * scope it could belong to is kept.
 */
import { assetId, type Diagnostic, type Inventory, type ScanTarget } from '../../src/model/index.ts';
import { NODE_LABELS } from '../schema.ts';
import type { ScopeRootLabel } from './statements.ts';

/** A scope root the push knows about. */
export interface ScopeRoot {
  /** Node id of the root (`repository:…` / `cloud-account:…`). */
  readonly id: string;
  readonly label: ScopeRootLabel;
  /** The scan target scope it stands for, when known. */
  readonly scope?: string;
  /** True when an error diagnostic may concern this scope: no cleanup then. */
  readonly errored: boolean;
}

type RootKind = 'repository' | 'cloud-account';

function rootLabel(kind: RootKind): ScopeRootLabel {
  return NODE_LABELS[kind] as ScopeRootLabel;
}

/** Scopes (target scope strings) an error diagnostic may concern; `undefined` = cannot tell. */
function scopesOfError(d: Diagnostic, targets: readonly ScanTarget[]): readonly string[] | undefined {
  const own = targets.filter((t) => t.connector === d.connector);
  // A detector id is no connector: the error may come from any target.
  const candidates = own.length > 0 ? own : targets;
  const path = d.location?.path;
  const named = path === undefined ? [] : candidates.filter((t) => t.target === path || t.scope === path);
  if (named.length > 0) return named.map((t) => t.scope);
  if (candidates.length === 1) return [candidates[0]!.scope];
  // Several roots and a root-relative path: any of them may be the one that was not fully read.
  return candidates.length > 0 ? candidates.map((t) => t.scope) : undefined;
}

/** The set of target scopes with an error, and whether an error could not be placed at all. */
export function erroredScopes(inventory: Inventory): { readonly scopes: ReadonlySet<string>; readonly unplaced: boolean } {
  const scopes = new Set<string>();
  let unplaced = false;
  for (const d of inventory.diagnostics) {
    if (d.level !== 'error') continue;
    const found = scopesOfError(d, inventory.scan.targets);
    if (found === undefined) unplaced = true;
    else for (const s of found) scopes.add(s);
  }
  return { scopes, unplaced };
}

/** The target scope a root asset stands for: its id derives from (kind, scope, scope), or its name/nativeId is the scope. */
function scopeOfRoot(root: { id: string; kind: RootKind; name: string; nativeId?: string }, targets: readonly ScanTarget[]): string | undefined {
  const hit = targets.find((t) => assetId(root.kind, t.scope, t.scope) === root.id || root.name === t.scope || root.nativeId === t.scope);
  return hit?.scope;
}

/**
 * Every scope root of the scan, sorted by id: the root assets in the inventory, plus the
 * repository root of each scanned folder even when the scan found nothing there (the folder then
 * yields no repository asset, yet what it held before is now stale and must go).
 */
export function scopeRoots(inventory: Inventory): ScopeRoot[] {
  const { scopes: bad, unplaced } = erroredScopes(inventory);
  const roots = new Map<string, ScopeRoot>();
  const targets = inventory.scan.targets;
  for (const asset of inventory.assets) {
    if (asset.kind !== 'repository' && asset.kind !== 'cloud-account') continue;
    const scope = scopeOfRoot({ id: asset.id, kind: asset.kind, name: asset.name, ...(asset.nativeId === undefined ? {} : { nativeId: asset.nativeId }) }, targets);
    // A root no target accounts for is kept whenever any error could not be placed.
    const errored = scope === undefined ? unplaced || bad.size > 0 : bad.has(scope) || unplaced;
    roots.set(asset.id, { id: asset.id, label: rootLabel(asset.kind), ...(scope === undefined ? {} : { scope }), errored });
  }
  for (const t of targets) {
    if (t.connector !== 'local') continue;
    const id = assetId('repository', t.scope, t.scope);
    if (!roots.has(id)) roots.set(id, { id, label: 'Repository', scope: t.scope, errored: bad.has(t.scope) || unplaced });
  }
  return [...roots.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
