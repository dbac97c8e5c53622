/**
 * Reads recorded scans back: the list of scans and one scan's inventory, rebuilt from the
 * stored JSON in write order.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Inventory, ScanTarget } from '../../src/model/inventory.ts';
import type { ScanRecord, StoredScanStatus } from '../store.ts';

/** The prepared SELECTs one store reuses. */
export interface ReadStatements {
  readonly scans: StatementSync;
  readonly byId: StatementSync;
  readonly latest: StatementSync;
  /** Per list table: the first and last `row` of a scan. */
  readonly ranges: Readonly<Record<ListKey, StatementSync>>;
  readonly lists: Readonly<Record<ListKey, StatementSync>>;
}

/** The inventory lists; each is stored in the table of the same name. */
const LISTS = ['assets', 'relationships', 'findings', 'diagnostics'] as const;
type ListKey = (typeof LISTS)[number];

const SCAN_COLUMNS = `seq, id, status, started_at, finished_at, tool_version, targets, counts,
  asset_count, relationship_count, diagnostic_count, finding_count`;

/** Prepares the statements the read functions use. */
export function prepareReads(db: DatabaseSync): ReadStatements {
  const lists = {} as Record<ListKey, StatementSync>;
  const ranges = {} as Record<ListKey, StatementSync>;
  for (const table of LISTS) {
    // A scan's rows are one contiguous run of `row` values: each scan is written by one
    // transaction under the write lock, and rows get max(row) + 1. So a scan is read as a rowid
    // range, in write order, with no index (NOT INDEXED still seeks by rowid); the scan_seq test
    // only guards the bounds. The range comes from any index leading with scan_seq.
    ranges[table] = db.prepare(`SELECT min(row) AS lo, max(row) AS hi FROM ${table} WHERE scan_seq = ?`);
    const stmt = db.prepare(`SELECT data FROM ${table} NOT INDEXED WHERE row BETWEEN ?1 AND ?2 AND scan_seq = ?3 ORDER BY row`);
    stmt.setReturnArrays(true);
    lists[table] = stmt;
  }
  return {
    ranges,
    scans: db.prepare(`SELECT ${SCAN_COLUMNS} FROM scans WHERE status = 'complete' ORDER BY seq DESC LIMIT ?`),
    byId: db.prepare(`SELECT seq, header FROM scans WHERE status = 'complete' AND id = ?`),
    latest: db.prepare(`SELECT seq, header FROM scans WHERE status = 'complete' ORDER BY seq DESC LIMIT 1`),
    lists,
  };
}

interface ScanRow {
  seq: number;
  id: string;
  status: StoredScanStatus;
  started_at: string;
  finished_at: string;
  tool_version: string;
  targets: string;
  counts: string;
  asset_count: number;
  relationship_count: number;
  diagnostic_count: number;
  finding_count: number;
}

/** Recorded scans, newest first; all of them when `limit` is undefined. */
export function listScans(stmts: ReadStatements, limit?: number): ScanRecord[] {
  const rows = stmts.scans.all(limit ?? -1) as unknown as ScanRow[];
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    toolVersion: row.tool_version,
    targets: JSON.parse(row.targets) as ScanTarget[],
    counts: JSON.parse(row.counts) as ScanRecord['counts'],
    totals: {
      assets: row.asset_count,
      relationships: row.relationship_count,
      diagnostics: row.diagnostic_count,
      findings: row.finding_count,
    },
  }));
}

/** A recorded scan's `seq` and its inventory header (every list empty), or `undefined`. */
export function readHeader(stmts: ReadStatements, scanId: string): { seq: number; header: Inventory } | undefined {
  const found = stmts.byId.get(scanId) as { seq: number; header: string } | undefined;
  return found === undefined ? undefined : { seq: found.seq, header: JSON.parse(found.header) as Inventory };
}

/** The inventory of `scanId` (or the newest scan), or `undefined` when there is none. */
export function readInventory(stmts: ReadStatements, scanId?: string): Inventory | undefined {
  const found = scanId === undefined ? stmts.latest.get() : stmts.byId.get(scanId);
  if (found === undefined) return undefined;
  const { seq, header } = found as { seq: number; header: string };
  // The header keeps every key in its written position with empty lists; filling them in place
  // keeps the key order, so re-serialising gives the same JSON as the inventory that was written.
  const inventory = JSON.parse(header) as Record<string, unknown>;
  for (const key of LISTS) {
    inventory[key] = readList(stmts.ranges[key], stmts.lists[key], seq);
  }
  return inventory as unknown as Inventory;
}

function readList(range: StatementSync, list: StatementSync, seq: number): unknown[] {
  const { lo, hi } = range.get(seq) as { lo: number | null; hi: number | null };
  if (lo === null || hi === null) return [];
  const rows = list.all(lo, hi, seq) as unknown as [string][];
  const items = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i += 1) items[i] = JSON.parse((rows[i] as [string])[0]);
  return items;
}
