/**
 * The embedded store's tables and how a file reaches the current schema.
 *
 * Layout (schema 1): one row per scan in `scans`; every list of the inventory in its own table,
 * one row per item, keyed by the scan's integer `scan_seq` and kept in write order by the
 * table's `row` (an explicit INTEGER PRIMARY KEY, so VACUUM never renumbers it). `data` holds the
 * item's JSON exactly as given (key order included): `id`, `kind`, `src`, `dst`, ... are
 * generated columns over it, usable in SQL and indexes (graph queries, diffs, first/last-seen).
 * Schema 1 made them all VIRTUAL (never stored twice: a 300k-row scan ~20% smaller on disk);
 * schema 3 stores the few asset columns queries read for many rows (kind, name, provider,
 * native_id), so reading them does not parse the row's JSON. `json_extract`, not `->>`, so the sqlite3
 * shells of older distributions can still open the file.
 *
 * Index choice: every query is per scan, so indexes lead with `scan_seq`. Schema 1 also had a
 * plain `(scan_seq)` index per table to read a scan back in write order; schema 2 drops it for
 * assets and relationships (one index less to maintain per row on the biggest tables) and reads a
 * scan as its contiguous rowid range instead (read-scan.ts). Schema 2 also adds first/last-seen
 * per id (`*_seen`, see history.ts), written in the scan's transaction. Schema 3 (below) trades
 * the random-insert `(scan_seq, dst, type)` index for a sorted table of incoming edges and adds
 * the indexes the saved queries need at a million rows.
 * Relationships get no separate id index: an id is `src|TYPE|dst`, which `(scan_seq, src, type,
 * dst)` already finds. Left out on purpose: an index on `assets(id)` across scans (first/last-seen
 * can scan or add it in a later migration) and any foreign key from relationships to assets
 * (a dangling edge is the pipeline's business, not a reason to lose a scan).
 */
import type { DatabaseSync } from 'node:sqlite';
import { HISTORY_MIGRATION } from './history.ts';
import { BACKFILL_INCOMING, INCOMING_TABLE } from './incoming.ts';

/** `PRAGMA application_id` of an aimap store: ASCII "aimp". Tells our files from other SQLite files. */
export const APPLICATION_ID = 0x61696d70;

const SCHEMA_1 = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scans (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('complete')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  schema_version TEXT NOT NULL,
  targets TEXT NOT NULL,
  counts TEXT NOT NULL,
  asset_count INTEGER NOT NULL,
  relationship_count INTEGER NOT NULL,
  diagnostic_count INTEGER NOT NULL,
  finding_count INTEGER NOT NULL,
  header TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assets (
  row INTEGER PRIMARY KEY,
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  data TEXT NOT NULL,
  id TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.id')) VIRTUAL,
  kind TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.kind')) VIRTUAL,
  name TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.name')) VIRTUAL,
  provider TEXT GENERATED ALWAYS AS (json_extract(data, '$.provider')) VIRTUAL,
  native_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.nativeId')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS assets_scan ON assets(scan_seq);
CREATE UNIQUE INDEX IF NOT EXISTS assets_scan_id ON assets(scan_seq, id);
CREATE INDEX IF NOT EXISTS assets_scan_kind ON assets(scan_seq, kind);
CREATE TABLE IF NOT EXISTS relationships (
  row INTEGER PRIMARY KEY,
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  data TEXT NOT NULL,
  id TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.id')) VIRTUAL,
  type TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.type')) VIRTUAL,
  src TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.from')) VIRTUAL,
  dst TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.to')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS relationships_scan ON relationships(scan_seq);
CREATE INDEX IF NOT EXISTS relationships_src ON relationships(scan_seq, src, type, dst);
CREATE INDEX IF NOT EXISTS relationships_dst ON relationships(scan_seq, dst, type);
CREATE TABLE IF NOT EXISTS diagnostics (
  row INTEGER PRIMARY KEY,
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  data TEXT NOT NULL,
  connector TEXT GENERATED ALWAYS AS (json_extract(data, '$.connector')) VIRTUAL,
  level TEXT GENERATED ALWAYS AS (json_extract(data, '$.level')) VIRTUAL,
  code TEXT GENERATED ALWAYS AS (json_extract(data, '$.code')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS diagnostics_scan ON diagnostics(scan_seq);
CREATE TABLE IF NOT EXISTS findings (
  row INTEGER PRIMARY KEY,
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  data TEXT NOT NULL,
  id TEXT GENERATED ALWAYS AS (json_extract(data, '$.id')) VIRTUAL,
  policy_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.policyId')) VIRTUAL,
  severity TEXT GENERATED ALWAYS AS (json_extract(data, '$.severity')) VIRTUAL,
  asset_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.assetId')) VIRTUAL
);
CREATE INDEX IF NOT EXISTS findings_scan ON findings(scan_seq);
CREATE INDEX IF NOT EXISTS findings_asset ON findings(scan_seq, asset_id);
INSERT OR IGNORE INTO meta(key, value) VALUES ('application', 'aimap');
`;

/**
 * Schema 2: first-seen / last-seen per asset, relationship and finding id (`*_seen`, see
 * history.ts), backfilled from the scans already stored.
 */
const SCHEMA_2 = HISTORY_MIGRATION;

/**
 * Which assets are reachable from outside: the `external` decision of the saved queries
 * (graph/queries/classify.ts EXTERNAL_FLAGS and EXTERNAL_VALUE, written out as fragments.ts
 * `sqlExternal` does). A migration is frozen text, so this is a copy; a test holds the two
 * equal. Should they ever differ, queries stay correct and only lose the index.
 */
export const EXTERNAL_ASSET_CONDITION = "(json_type(data, '$.attributes.externalFacing') = 'true' OR json_type(data, '$.attributes.exposed') = 'true' OR json_type(data, '$.attributes.exposedInternet') = 'true' OR json_type(data, '$.attributes.publicNetworkAccessEnabled') = 'true' OR json_extract(data, '$.attributes.publicNetworkAccess') = 'Enabled')";

/**
 * Schema 3 assets table: `kind`, `name`, `provider` and `native_id` become STORED (copied out of
 * the JSON once, at insert, where the JSON is parsed anyway for the index keys), so saved queries
 * and asset lookups by name read them without parsing each row's JSON (a few microseconds per
 * row, the main cost of queries returning tens of thousands of assets). `id` stays VIRTUAL: it
 * lives in both asset indexes, which is where lookups read it. SQLite cannot turn a VIRTUAL column
 * into a STORED one in place, so the table is rebuilt (rows, `row` values and JSON unchanged).
 */
const ASSETS_3 = `
CREATE TABLE assets_3 (
  row INTEGER PRIMARY KEY,
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  data TEXT NOT NULL,
  id TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.id')) VIRTUAL,
  kind TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.kind')) STORED,
  name TEXT NOT NULL GENERATED ALWAYS AS (json_extract(data, '$.name')) STORED,
  provider TEXT GENERATED ALWAYS AS (json_extract(data, '$.provider')) STORED,
  native_id TEXT GENERATED ALWAYS AS (json_extract(data, '$.nativeId')) STORED
);
INSERT INTO assets_3 (row, scan_seq, data) SELECT row, scan_seq, data FROM assets ORDER BY row;
DROP TABLE assets;
ALTER TABLE assets_3 RENAME TO assets;
CREATE UNIQUE INDEX IF NOT EXISTS assets_scan_id ON assets(scan_seq, id);
`;

/**
 * Schema 3, for the saved queries at a million rows without slowing the write:
 * - assets with STORED `kind`, `name`, `provider`, `native_id` (above);
 * - `relationships_in` (incoming.ts) replaces the `relationships(scan_seq, dst, type)` index;
 * - `assets(scan_seq, kind, id)` replaces `assets(scan_seq, kind)`: the ids of one kind (every
 *   system, every tool) come from the index alone; assets arrive sorted by id, which starts with
 *   the kind, so its inserts are appends as before;
 * - a partial index holds the externally reachable assets (entry points of `exposure-paths`),
 *   a handful per scan, instead of a JSON pass over every asset per query.
 */
const SCHEMA_3 = `
${ASSETS_3}
CREATE INDEX IF NOT EXISTS assets_scan_kind_id ON assets(scan_seq, kind, id);
CREATE INDEX IF NOT EXISTS assets_external ON assets(scan_seq, id) WHERE ${EXTERNAL_ASSET_CONDITION};
DROP INDEX IF EXISTS relationships_dst;
${INCOMING_TABLE}
${BACKFILL_INCOMING}
`;

/**
 * Migration `n` brings a store from schema `n - 1` to `n`. Each runs once, inside `migrate`'s
 * transaction, after the version check under the write lock. Append only.
 */
const MIGRATIONS: readonly string[] = [SCHEMA_1, SCHEMA_2, SCHEMA_3];

/** The DDL of migration `version` (1-based), as run by `migrate`; for tests that build old stores. */
export function migrationSql(version: number): string {
  const sql = MIGRATIONS[version - 1];
  if (sql === undefined) throw new RangeError(`no store migration ${version}`);
  return sql;
}

/** The schema this code writes and reads (`PRAGMA user_version`). */
export const STORE_SCHEMA_VERSION = MIGRATIONS.length;

/** Reads `PRAGMA user_version`. */
export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Brings the store to `STORE_SCHEMA_VERSION` in one write transaction. The version is re-read
 * under the write lock, so two processes opening a fresh store at once both end up correct.
 */
export function migrate(db: DatabaseSync): void {
  if (schemaVersion(db) >= STORE_SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    const from = schemaVersion(db);
    for (let version = from + 1; version <= STORE_SCHEMA_VERSION; version += 1) {
      db.exec(MIGRATIONS[version - 1] ?? '');
    }
    const schema = String(STORE_SCHEMA_VERSION);
    db.prepare("INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(schema);
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${STORE_SCHEMA_VERSION};`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
