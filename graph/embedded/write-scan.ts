/**
 * Writes one inventory as one transaction: the scan row and every list item, or nothing.
 * Statements are prepared once per connection and reused for every row. The steps (begin, insert
 * rows, finish, commit) are shared by the write on the store's own connection (`writeScan`) and
 * the one on a writer thread (write-thread.ts), so both run exactly the same SQL.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ASSET_KINDS } from '../../src/model/asset.ts';
import type { Asset, AssetKind } from '../../src/model/asset.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import type { Relationship } from '../../src/model/relationship.ts';
import { AimapStoreError } from '../store-error.ts';
import { observedJson, prepareSeenWrites, recordSeen } from './history.ts';
import type { Observed, ObservedJson, SeenStatements } from './history.ts';
import { FILL_INCOMING } from './incoming.ts';

/** Rows a scan writes: every item of every list table. */
export function rowCount(inventory: Inventory): number {
  return LIST_TABLES.reduce((n, table) => n + inventory[table].length, 0);
}

/** Called with the rows written so far inside the open transaction, and once more before COMMIT. */
export type ProgressCallback = (rowsWritten: number, totalRows: number) => void;

/** The list tables, in the order a scan's rows are written. */
export const LIST_TABLES = ['assets', 'relationships', 'diagnostics', 'findings'] as const;
export type ListTable = (typeof LIST_TABLES)[number];

/** The prepared INSERTs one connection reuses across writes. */
export interface WriteStatements {
  readonly scanExists: StatementSync;
  readonly scan: StatementSync;
  readonly rows: Readonly<Record<ListTable, StatementSync>>;
  /** Fills `relationships_in` for a scan once its relationships are written (incoming.ts). */
  readonly incoming: StatementSync;
  readonly seen: SeenStatements;
}

/** Prepares the statements the write steps use. */
export function prepareWrites(db: DatabaseSync): WriteStatements {
  const insert = (table: ListTable): StatementSync => db.prepare(`INSERT INTO ${table} (scan_seq, data) VALUES (?, ?)`);
  return {
    scanExists: db.prepare('SELECT 1 AS found FROM scans WHERE id = ?'),
    scan: db.prepare(`INSERT INTO scans (id, status, started_at, finished_at, tool_version, schema_version, targets,
      counts, asset_count, relationship_count, diagnostic_count, finding_count, header)
      VALUES (?, 'complete', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    rows: { assets: insert('assets'), relationships: insert('relationships'), diagnostics: insert('diagnostics'), findings: insert('findings') },
    incoming: db.prepare(FILL_INCOMING),
    seen: prepareSeenWrites(db),
  };
}

/** Progress reporting for one write. */
export interface WriteProgress {
  readonly onProgress?: ProgressCallback | undefined;
  readonly every: number;
}

/** The values of a scan's `scans` row (plain data: it may cross to a writer thread). */
export type ScanRow = readonly [
  id: string, startedAt: string, finishedAt: string, toolVersion: string, schemaVersion: string, targets: string, counts: string,
  assets: number, relationships: number, diagnostics: number, findings: number, header: string,
];

/** The `scans` row of `inventory`. */
export function scanRow(inventory: Inventory): ScanRow {
  const { scan } = inventory;
  // The inventory minus its lists, keys in their original order; reads put the lists back in place.
  const header = JSON.stringify({ ...inventory, assets: [], relationships: [], findings: [], diagnostics: [] });
  return [
    scan.id, scan.startedAt, scan.finishedAt, inventory.tool.version, inventory.schemaVersion, JSON.stringify(scan.targets),
    JSON.stringify(countKinds(inventory.assets)), inventory.assets.length, inventory.relationships.length,
    inventory.diagnostics.length, inventory.findings.length, header,
  ];
}

/** Opens the scan's transaction and inserts its `scans` row; returns its `seq`. */
export function beginScan(db: DatabaseSync, path: string, stmts: WriteStatements, row: ScanRow): number {
  db.exec('BEGIN IMMEDIATE');
  try {
    if (stmts.scanExists.get(row[0]) !== undefined) {
      throw new AimapStoreError('duplicate-scan', path, `Scan ${row[0]} is already recorded in the aimap store ${path}; scan ids must be unique.`);
    }
    return Number(stmts.scan.run(...row).lastInsertRowid);
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** After the rows: the scan's incoming edges and its first/last-seen, still inside the transaction. */
export function finishScan(stmts: WriteStatements, seq: number, observed: ObservedJson, hasRelationships: boolean): void {
  if (hasRelationships) stmts.incoming.run(seq);
  recordSeen(stmts.seen, seq, observed);
}

/**
 * JSON of an item the scan only carried forward contains this: `JSON.stringify` writes an
 * attribute or property `stale: true` exactly so. Testing the text first (a fast substring search)
 * leaves the property lookup, slow on objects of a thousand shapes, to the few rows that have it.
 */
const STALE_TEXT = '"stale":true';

/** An empty `Observed`, filled by the serialisers below. */
export function newObserved(): Observed {
  return { staleAssets: [], relationships: [], findings: [] };
}

/**
 * The row JSON of `item`, an item of list `table`, serialised once; notes what the scan observed
 * (first/last-seen, history.ts) on the way.
 */
export function rowJson(table: ListTable, item: unknown, observed: Observed): string {
  const json = JSON.stringify(item);
  if (table === 'assets') {
    const asset = item as Asset;
    if (json.includes(STALE_TEXT) && asset.attributes['stale'] === true) observed.staleAssets.push(asset.id);
  } else if (table === 'relationships') {
    const relationship = item as Relationship;
    if (!(json.includes(STALE_TEXT) && relationship.properties['stale'] === true)) observed.relationships.push(relationship.id);
  } else if (table === 'findings') {
    observed.findings.push((item as { id: string }).id);
  }
  return json;
}

/** Extended result code of a UNIQUE violation (https://sqlite.org/rescode.html#constraint_unique). */
export const SQLITE_CONSTRAINT_UNIQUE = 2067;

/** The store's message for a UNIQUE violation on asset `id` (assets must be merged first). */
export function duplicateAssetError(path: string, id: string, cause: unknown): AimapStoreError {
  const message = `The inventory has two assets with id ${id}; assets must be merged before they are stored. Nothing was written to ${path}.`;
  return new AimapStoreError('invalid-inventory', path, message, { cause });
}

/**
 * Records `inventory` on this connection under BEGIN IMMEDIATE … COMMIT; any error rolls the whole
 * scan back. The scan row carries status `complete` from the start: it only becomes visible at
 * COMMIT, together with its rows and the first/last-seen updates, so readers and a process killed
 * mid-write never see part of a scan.
 */
export function writeScan(db: DatabaseSync, path: string, stmts: WriteStatements, inventory: Inventory, progress: WriteProgress): void {
  const seq = beginScan(db, path, stmts, scanRow(inventory));
  try {
    const observed = newObserved();
    const total = rowCount(inventory);
    let written = 0;
    for (const table of LIST_TABLES) {
      const stmt = stmts.rows[table];
      const list: readonly unknown[] = inventory[table];
      for (let i = 0; i < list.length; i += 1) {
        const json = rowJson(table, list[i], observed);
        try {
          stmt.run(seq, json);
        } catch (error) {
          if (table === 'assets' && (error as { errcode?: unknown }).errcode === SQLITE_CONSTRAINT_UNIQUE) {
            throw duplicateAssetError(path, inventory.assets[i]?.id ?? '', error);
          }
          throw error;
        }
        written += 1;
        // The last row is reported once, below, just before COMMIT.
        if (progress.onProgress !== undefined && written % progress.every === 0 && written < total) progress.onProgress(written, total);
      }
    }
    finishScan(stmts, seq, observedJson(observed), inventory.relationships.length > 0);
    // Last report with every row and the history written: the crash test pauses here.
    progress.onProgress?.(total, total);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Assets per kind in the order of `ASSET_KINDS` (any unknown kind after), kinds with none left out. */
function countKinds(assets: readonly Asset[]): Partial<Record<AssetKind, number>> {
  const tally = new Map<string, number>(ASSET_KINDS.map((kind) => [kind, 0]));
  for (const asset of assets) tally.set(asset.kind, (tally.get(asset.kind) ?? 0) + 1);
  return Object.fromEntries([...tally].filter(([, n]) => n > 0));
}
