/**
 * Writes one inventory as one transaction: the scan row and every list item, or nothing.
 * Statements are prepared once per store and reused for every row.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ASSET_KINDS } from '../../src/model/asset.ts';
import type { Asset, AssetKind } from '../../src/model/asset.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import { AimapStoreError } from '../store-error.ts';
import { observedIds, prepareSeenWrites, recordSeen } from './history.ts';
import type { SeenStatements } from './history.ts';

/** Called with the rows written so far inside the open transaction, and once more before COMMIT. */
export type ProgressCallback = (rowsWritten: number, totalRows: number) => void;

/** The prepared INSERTs one store reuses across writes. */
export interface WriteStatements {
  readonly scanExists: StatementSync;
  readonly scan: StatementSync;
  readonly asset: StatementSync;
  readonly relationship: StatementSync;
  readonly diagnostic: StatementSync;
  readonly finding: StatementSync;
  readonly seen: SeenStatements;
}

/** Prepares the statements `writeScan` uses. */
export function prepareWrites(db: DatabaseSync): WriteStatements {
  return {
    scanExists: db.prepare('SELECT 1 AS found FROM scans WHERE id = ?'),
    scan: db.prepare(`INSERT INTO scans (id, status, started_at, finished_at, tool_version, schema_version, targets,
      counts, asset_count, relationship_count, diagnostic_count, finding_count, header)
      VALUES (?, 'complete', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    asset: db.prepare('INSERT INTO assets (scan_seq, data) VALUES (?, ?)'),
    relationship: db.prepare('INSERT INTO relationships (scan_seq, data) VALUES (?, ?)'),
    diagnostic: db.prepare('INSERT INTO diagnostics (scan_seq, data) VALUES (?, ?)'),
    finding: db.prepare('INSERT INTO findings (scan_seq, data) VALUES (?, ?)'),
    seen: prepareSeenWrites(db),
  };
}

/** Progress reporting for one write. */
export interface WriteProgress {
  readonly onProgress?: ProgressCallback | undefined;
  readonly every: number;
}

/**
 * Records `inventory` under BEGIN IMMEDIATE … COMMIT; any error rolls the whole scan back. The
 * scan row carries status `complete` from the start: it only becomes visible at COMMIT, together
 * with its rows and the first/last-seen updates, so readers and a process killed mid-write never
 * see part of a scan.
 */
export function writeScan(db: DatabaseSync, path: string, stmts: WriteStatements, inventory: Inventory, progress: WriteProgress): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    if (stmts.scanExists.get(inventory.scan.id) !== undefined) {
      throw new AimapStoreError('duplicate-scan', path, `Scan ${inventory.scan.id} is already recorded in the aimap store ${path}; scan ids must be unique.`);
    }
    const seq = insertScan(stmts.scan, inventory);
    const total = insertRows(stmts, seq, inventory, progress, path);
    recordSeen(stmts.seen, seq, observedIds(inventory));
    // Last report with every row and the history written: the crash test pauses here.
    progress.onProgress?.(total, total);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function insertScan(stmt: StatementSync, inventory: Inventory): number {
  const { scan } = inventory;
  // The inventory minus its lists, keys in their original order; reads put the lists back in place.
  const header = JSON.stringify({ ...inventory, assets: [], relationships: [], findings: [], diagnostics: [] });
  const result = stmt.run(
    scan.id,
    scan.startedAt,
    scan.finishedAt,
    inventory.tool.version,
    inventory.schemaVersion,
    JSON.stringify(scan.targets),
    JSON.stringify(countKinds(inventory.assets)),
    inventory.assets.length,
    inventory.relationships.length,
    inventory.diagnostics.length,
    inventory.findings.length,
    header,
  );
  return Number(result.lastInsertRowid);
}

/** Inserts every list item; returns how many rows were written. */
function insertRows(stmts: WriteStatements, seq: number, inventory: Inventory, progress: WriteProgress, path: string): number {
  const { assets, relationships, diagnostics, findings } = inventory;
  const total = assets.length + relationships.length + diagnostics.length + findings.length;
  let written = 0;
  const tick = (): void => {
    written += 1;
    // The last row is reported once, by writeScan just before COMMIT.
    if (progress.onProgress !== undefined && written % progress.every === 0 && written < total) progress.onProgress(written, total);
  };
  for (const asset of assets) {
    insertAsset(stmts.asset, seq, asset, path);
    tick();
  }
  for (const relationship of relationships) {
    stmts.relationship.run(seq, JSON.stringify(relationship));
    tick();
  }
  for (const diagnostic of diagnostics) {
    stmts.diagnostic.run(seq, JSON.stringify(diagnostic));
    tick();
  }
  for (const finding of findings) {
    stmts.finding.run(seq, JSON.stringify(finding));
    tick();
  }
  return written;
}

/** Extended result code of a UNIQUE violation (https://sqlite.org/rescode.html#constraint_unique). */
const SQLITE_CONSTRAINT_UNIQUE = 2067;

function insertAsset(stmt: StatementSync, seq: number, asset: Asset, path: string): void {
  try {
    stmt.run(seq, JSON.stringify(asset));
  } catch (error) {
    if ((error as { errcode?: unknown }).errcode !== SQLITE_CONSTRAINT_UNIQUE) throw error;
    const message = `The inventory has two assets with id ${asset.id}; assets must be merged before they are stored. Nothing was written to ${path}.`;
    throw new AimapStoreError('invalid-inventory', path, message, { cause: error });
  }
}

/** Assets per kind in the order of `ASSET_KINDS` (any unknown kind after), kinds with none left out. */
function countKinds(assets: readonly Asset[]): Partial<Record<AssetKind, number>> {
  const tally = new Map<string, number>(ASSET_KINDS.map((kind) => [kind, 0]));
  for (const asset of assets) tally.set(asset.kind, (tally.get(asset.kind) ?? 0) + 1);
  return Object.fromEntries([...tally].filter(([, n]) => n > 0));
}
