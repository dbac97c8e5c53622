/**
 * The embedded `GraphStore`: one SQLite file through the built-in `node:sqlite` (no native
 * addon). Every method is synchronous.
 */
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { resolve } from 'node:path';
import type { Inventory } from '../../src/model/inventory.ts';
import { diffInventories, pickDiffScans } from '../diff.ts';
import type { DiffOptions, InventoryDiff } from '../diff.ts';
import { AimapStoreError } from '../store-error.ts';
import type { GraphStore, ScanRecord } from '../store.ts';
import { changedParts, readSeen } from './history.ts';
import type { SeenKind, SeenRecord } from './history.ts';
import { openDatabase } from './open-database.ts';
import type { OpenSettings } from './open-database.ts';
import { listScans, prepareReads, readHeader, readInventory } from './read-scan.ts';
import type { ReadStatements } from './read-scan.ts';
import { sqliteCode, toStoreError } from './sqlite-errors.ts';
import { prepareWrites, rowCount, writeScan } from './write-scan.ts';
import type { ProgressCallback, WriteStatements } from './write-scan.ts';
import { WriteThread } from './write-thread.ts';

export type { ProgressCallback } from './write-scan.ts';
export type { SeenKind, SeenRecord } from './history.ts';

/** A bound SQL parameter. */
export type SqlParam = SQLInputValue;

/**
 * node:sqlite has no readonly flag on statements; a leading SELECT/WITH with no writing keyword
 * outside string literals is the test. `REPLACE` counts only as `REPLACE INTO` (the statement), not
 * as the `replace()` string function.
 */
function isReadOnly(stmt: StatementSync): boolean {
  const text = stmt.sourceSQL.trimStart().toUpperCase().replace(/'[^']*'/g, "''");
  return (
    (text.startsWith('SELECT') || text.startsWith('WITH')) &&
    !/\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|ATTACH)\b/.test(text) &&
    !/\bREPLACE\s+INTO\b/.test(text)
  );
}

/** Options of `openEmbeddedStore`. */
export interface EmbeddedStoreOptions {
  /** Create the file (and its directories) when missing; `false` fails with `missing`. Default true. */
  readonly create?: boolean;
  /** How long to wait for another process's write lock before failing with `locked`. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Page cache of this connection in MiB. Default 64. */
  readonly cacheMiB?: number;
  /** Page size in bytes of a store created by this call (existing stores keep theirs). Default 16384. */
  readonly pageSize?: number;
  /**
   * Called inside the write transaction every `progressEvery` rows and once more just before
   * COMMIT: for progress display, and for the crash test that kills a writer mid-transaction.
   */
  readonly onProgress?: ProgressCallback;
  /** Rows between `onProgress` calls. Default 10000. */
  readonly progressEvery?: number;
  /**
   * Scans of at least this many rows (all lists together) are written by a writer thread, which
   * inserts while this thread serialises (write-thread.ts); smaller ones on this connection.
   * Default 50000; `Infinity` never starts the thread. Same transaction and result either way.
   */
  readonly threadedWriteRows?: number;
}

/**
 * Page size of new stores. A scan write appends hundreds of megabytes through the WAL and copies
 * them into the file at the checkpoint, one system call per page each way: 16 KiB pages need a
 * quarter of the calls of SQLite's 4 KiB default (measured at a million rows: 10-15% less CPU for
 * the write), and the saved queries ran as fast. Stores created before keep theirs.
 */
const DEFAULT_PAGE_SIZE = 16_384;

/**
 * Opens the aimap store at `path`, creating the file and its parent directories when missing.
 * Throws `AimapStoreError` (`not-a-store`, `newer-schema`, `unwritable`, `missing`, `locked`,
 * `corrupt`, `io`) with a message to show the user as is.
 */
export function openEmbeddedStore(path: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
  const absolute = resolve(path);
  const settings: OpenSettings = {
    create: options.create ?? true,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    cacheMiB: options.cacheMiB ?? 64,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
  };
  return new EmbeddedStore(openDatabase(absolute, settings), absolute, options, settings);
}

/** A `GraphStore` on one SQLite file. Create it with `openEmbeddedStore`. */
export class EmbeddedStore implements GraphStore {
  /** Absolute path of the store file. */
  readonly path: string;
  #db: DatabaseSync | undefined;
  #writes: WriteStatements | undefined;
  #reads: ReadStatements | undefined;
  readonly #options: EmbeddedStoreOptions;
  readonly #settings: OpenSettings | undefined;
  /** The writer thread, once a big write started it; `null` when it could not start. */
  #thread: WriteThread | null | undefined;
  readonly #selects = new Map<string, StatementSync>();
  readonly #arraySelects = new Map<string, StatementSync>();

  /**
   * Use `openEmbeddedStore`; this takes an already opened and migrated database (and the settings
   * it was opened with, which a writer thread reuses; without them every write stays here).
   */
  constructor(db: DatabaseSync, path: string, options: EmbeddedStoreOptions, settings?: OpenSettings) {
    this.#db = db;
    this.path = path;
    this.#options = options;
    this.#settings = settings;
  }

  /** Records the scan and its whole inventory in one transaction (see `GraphStore.write`). */
  write(inventory: Inventory): void {
    const db = this.#open();
    this.#guard(() => {
      const progress = { onProgress: this.#options.onProgress, every: this.#options.progressEvery ?? 10_000 };
      const rows = rowCount(inventory);
      const thread = rows >= (this.#options.threadedWriteRows ?? 50_000) ? this.#writeThread() : undefined;
      if (thread !== undefined) {
        thread.write(inventory, progress);
        return;
      }
      this.#writes ??= prepareWrites(db);
      writeScan(db, this.path, this.#writes, inventory, progress);
    });
  }

  /** True while a writer thread is running (started by the first write of `threadedWriteRows` rows). */
  get threaded(): boolean {
    return this.#thread instanceof WriteThread;
  }

  /** The writer thread, started on first use; undefined when it cannot run (then writes stay here). */
  #writeThread(): WriteThread | undefined {
    if (this.#thread === undefined && this.#settings !== undefined) {
      try {
        this.#thread = WriteThread.start(this.path, { ...this.#settings, create: false });
      } catch {
        this.#thread = null;
      }
    }
    return this.#thread ?? undefined;
  }

  /** Recorded scans, newest first (see `GraphStore.scans`). */
  scans(limit?: number): ScanRecord[] {
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new RangeError(`scans(limit): limit must be a non-negative integer, got ${limit}`);
    }
    return this.#guard(() => listScans(this.#readStatements(), limit));
  }

  /** The inventory of `scanId`, or of the newest scan (see `GraphStore.inventory`). */
  inventory(scanId?: string): Inventory | undefined {
    return this.#guard(() => readInventory(this.#readStatements(), scanId));
  }

  /**
   * First/last-seen of asset, relationship or finding ids across the recorded scans (all ids of
   * the kind when `ids` is omitted; ids never seen are absent). Items a scan only carried forward
   * as stale do not count as seen by it.
   */
  seen(kind: SeenKind, ids?: readonly string[]): Map<string, SeenRecord> {
    return this.#guard(() => readSeen(this.#open(), kind, ids));
  }

  /**
   * What changed between two scans (see `GraphStore.diff`). Only rows without a byte-identical
   * twin in the other scan are read and parsed (`changedParts`), so the cost follows the change,
   * not the estate; the result equals `diffInventories` of the two full inventories.
   */
  diff(fromScanId?: string, toScanId?: string, options?: DiffOptions): InventoryDiff | undefined {
    const pick = pickDiffScans(this.scans().map((s) => s.id), fromScanId, toScanId);
    if ('problem' in pick) return undefined;
    return this.#guard(() => {
      const from = readHeader(this.#readStatements(), pick.from);
      const to = readHeader(this.#readStatements(), pick.to);
      if (from === undefined || to === undefined) return undefined;
      const [before, after] = changedParts(this.#open(), from, to);
      return diffInventories(before, after, options);
    });
  }

  /**
   * Runs one read-only SQL statement and returns its rows: the door saved queries and the diff use
   * to read the stored graph. Statements are cached per text. Writing through it is refused.
   */
  select(sql: string, params: readonly SqlParam[] = []): Record<string, unknown>[] {
    return this.#guard(() => this.#readOnly(this.#selects, sql, false).all(...params) as Record<string, unknown>[]);
  }

  /**
   * `select` with each row as an array in column order, plus the column names. Cheaper for big
   * results: no object with named properties is built per row (saved queries return up to ~75k
   * rows at a million stored rows).
   */
  selectArrays(sql: string, params: readonly SqlParam[] = []): { columns: string[]; rows: unknown[][] } {
    return this.#guard(() => {
      const stmt = this.#readOnly(this.#arraySelects, sql, true);
      return { columns: stmt.columns().map((c) => c.name), rows: stmt.all(...params) as unknown as unknown[][] };
    });
  }

  /** The cached statement for `sql`, refused unless read-only. */
  #readOnly(cache: Map<string, StatementSync>, sql: string, arrays: boolean): StatementSync {
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = this.#open().prepare(sql);
      if (!isReadOnly(stmt)) throw new Error(`select(): not a read-only statement: ${sql.slice(0, 80)}`);
      stmt.setReturnArrays(arrays);
      cache.set(sql, stmt);
    }
    return stmt;
  }

  /** The internal sequence number (`scan_seq` in every table) of `scanId`, or of the newest scan. */
  scanSeq(scanId?: string): number | undefined {
    const rows = scanId === undefined
      ? this.select("SELECT seq FROM scans WHERE status = 'complete' ORDER BY seq DESC LIMIT 1")
      : this.select("SELECT seq FROM scans WHERE status = 'complete' AND id = ?", [scanId]);
    const seq = rows[0]?.['seq'];
    return typeof seq === 'number' ? seq : undefined;
  }

  /** Closes the file; the WAL is checkpointed into it. Idempotent. */
  close(): void {
    const db = this.#db;
    const thread = this.#thread;
    this.#thread = undefined;
    this.#db = undefined;
    // The thread's connection first: the last one to close checkpoints the WAL and removes it.
    try {
      thread?.close();
    } catch {
      // A broken thread holds no transaction that could be committed; closing goes on.
    }
    this.#writes = undefined;
    this.#reads = undefined;
    this.#selects.clear();
    this.#arraySelects.clear();
    db?.close();
  }

  #readStatements(): ReadStatements {
    this.#reads ??= prepareReads(this.#open());
    return this.#reads;
  }

  #open(): DatabaseSync {
    if (this.#db === undefined) {
      throw new AimapStoreError('closed', this.path, `The aimap store ${this.path} is closed.`);
    }
    return this.#db;
  }

  /** Explains database failures; anything else (a bug, a throwing callback) passes through. */
  #guard<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw sqliteCode(error) === undefined ? error : toStoreError(error, this.path);
    }
  }
}
