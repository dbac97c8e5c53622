/**
 * The store keeps every scan: its header, its whole inventory and, later, the graph views
 * (first-seen/last-seen, diffs, saved queries) built on top of those rows (DESIGN.md §1, §4).
 * Two adapters implement it: the embedded one (`graph/embedded`, node:sqlite, the default) and
 * Neo4j (later). Outputs read an `Inventory` back from here; they never re-scan.
 */
import type { AssetKind } from '../src/model/asset.ts';
import type { Inventory, ScanTarget } from '../src/model/inventory.ts';
import type { InventoryDiff } from './diff.ts';

/**
 * How far a recorded scan got. Only `complete` exists today: a scan row is inserted in the same
 * transaction as its inventory, so a half-written scan is never visible. The column is kept so
 * a later streaming writer can add e.g. `writing` without a schema change.
 */
export type StoredScanStatus = 'complete';

/** Row counts of one recorded scan. */
export interface ScanTotals {
  readonly assets: number;
  readonly relationships: number;
  readonly diagnostics: number;
  readonly findings: number;
}

/** One recorded scan, as `aimap scans` lists it. */
export interface ScanRecord {
  readonly id: string;
  readonly status: StoredScanStatus;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Version of aimap that produced the inventory (`inventory.tool.version`). */
  readonly toolVersion: string;
  readonly targets: readonly ScanTarget[];
  /** Assets per kind, counted from the stored assets (kinds with none are left out). */
  readonly counts: Readonly<Partial<Record<AssetKind, number>>>;
  readonly totals: ScanTotals;
}

/**
 * A history of scans. Every method may throw `AimapStoreError` (see `store-error.ts`) with a
 * message fit to show the user. Reads are synchronous: the embedded store answers at once. A
 * server-backed adapter (Neo4j) will need `Promise` results; widening these signatures then is
 * a deliberate change for every caller (`write` already allows it, so always `await` it).
 */
export interface GraphStore {
  /**
   * Records the scan `inventory.scan` and its whole inventory atomically: afterwards the scan is
   * listed and readable in full, or (on any error or crash) nothing of it is. A scan id that is
   * already recorded is refused (`duplicate-scan`).
   */
  write(inventory: Inventory): void | Promise<void>;
  /** Recorded scans, newest (most recently written) first; at most `limit` when given. */
  scans(limit?: number): readonly ScanRecord[];
  /**
   * The inventory exactly as written (same lists, same order, same key order), for `scanId` or,
   * by default, the newest scan; `undefined` when there is no such scan. Properties whose value
   * was `undefined` come back absent, as JSON has no `undefined`.
   */
  inventory(scanId?: string): Inventory | undefined;
  /**
   * What changed from scan `fromScanId` to scan `toScanId` (see `diffInventories` in diff.ts).
   * Defaults: no argument compares the two newest scans, one compares that scan with the newest.
   * `undefined` when a named scan is not recorded or, without arguments, fewer than two are.
   */
  diff(fromScanId?: string, toScanId?: string): InventoryDiff | undefined;
  /** Releases the store; later calls throw `closed`. Calling it twice is harmless. */
  close(): void;
}
