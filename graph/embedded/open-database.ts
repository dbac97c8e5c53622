/**
 * Opens (creating when allowed) the SQLite file behind an embedded store: checks it is ours
 * before changing anything in it, sets the connection PRAGMAs, runs migrations.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AimapStoreError } from '../store-error.ts';
import { APPLICATION_ID, STORE_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.ts';
import { notAStoreMessage, toStoreError } from './sqlite-errors.ts';

/** Connection settings; see `EmbeddedStoreOptions` for their meaning. */
export interface OpenSettings {
  readonly create: boolean;
  readonly busyTimeoutMs: number;
  readonly cacheMiB: number;
  /** Page size of a store this call creates (bytes); an existing store keeps its own. */
  readonly pageSize?: number;
}

/** Opens the store at `path` (absolute), ready to read and write at the current schema. */
export function openDatabase(path: string, settings: OpenSettings): DatabaseSync {
  prepareLocation(path, settings.create);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { timeout: settings.busyTimeoutMs, enableForeignKeyConstraints: true });
  } catch (error) {
    throw toStoreError(error, path);
  }
  try {
    const fresh = identify(db, path);
    // Only an empty file takes a page size: from the first write on it is fixed (WAL).
    if (fresh && settings.pageSize !== undefined) db.exec(`PRAGMA page_size = ${checkPageSize(settings.pageSize)}`);
    configure(db, settings);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw toStoreError(error, path);
  }
}

/** Makes sure the file can be created: parent directories exist, the path is not a directory. */
function prepareLocation(path: string, create: boolean): void {
  const stat = statOrUndefined(path);
  if (stat?.isDirectory()) {
    throw new AimapStoreError('not-a-store', path, notAStoreMessage(path, 'it is a directory'));
  }
  if (stat !== undefined) return;
  if (!create) {
    throw new AimapStoreError('missing', path, `No aimap store at ${path}. Run a scan first, or check the store path.`);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw toStoreError(error, path);
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toStoreError(error, path);
  }
}

/**
 * Refuses files that are not aimap stores, reading only: a SQLite file of another application
 * must come out of here untouched (no WAL switch, no tables added). True for an empty file.
 */
function identify(db: DatabaseSync, path: string): boolean {
  const appId = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
  const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  const fresh = appId === 0 && tables === 0;
  if (!fresh && appId !== APPLICATION_ID) {
    throw new AimapStoreError('not-a-store', path, notAStoreMessage(path, 'it is a SQLite database of another application'));
  }
  const version = schemaVersion(db);
  if (version > STORE_SCHEMA_VERSION) {
    throw new AimapStoreError(
      'newer-schema',
      path,
      `The aimap store ${path} was written by a newer aimap (store schema ${version}; this version reads up to ${STORE_SCHEMA_VERSION}). Upgrade aimap, or use another store path.`,
    );
  }
  return fresh;
}

/** A SQLite page size: a power of two from 512 to 65536. */
function checkPageSize(bytes: number): number {
  if (!Number.isInteger(bytes) || bytes < 512 || bytes > 65536 || (bytes & (bytes - 1)) !== 0) {
    throw new RangeError(`pageSize must be a power of two from 512 to 65536, got ${bytes}`);
  }
  return bytes;
}

/**
 * WAL: readers (`aimap scans`) never block the writer and a crash mid-write leaves the last
 * commit intact. synchronous=FULL: a scan is one transaction, so the extra fsync per commit costs
 * milliseconds, and in exchange a recorded scan survives power loss and OS crashes, not only a
 * killed process (NORMAL in WAL mode may lose the last commits then). A 64 MiB page cache keeps a
 * 100k-asset write from spilling to the WAL over and over (measured: ~2x faster than the default).
 */
function configure(db: DatabaseSync, settings: OpenSettings): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA cache_size = ${-Math.round(settings.cacheMiB * 1024)}`);
}
