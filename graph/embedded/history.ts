/**
 * First-seen / last-seen of every asset, relationship and finding id across the recorded scans.
 *
 * Three `*_seen` tables (schema 2, see migrations.ts) hold one row per id: the `seq` of the first
 * and of the last scan that saw it. They are updated by the scan write, inside its transaction, so
 * a killed write leaves them exactly as before. Only sequence numbers are stored; scan ids and
 * times come from `scans` by join, which keeps the rows small (about 75 bytes per relationship id,
 * 35 per asset id).
 *
 * "Seen" means observed by that scan: an item the scan only carried forward from an earlier one
 * (`attributes.stale` / `properties.stale` true, see graph/history.ts) does not move its last-seen.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Asset } from '../../src/model/asset.ts';
import type { Finding } from '../../src/model/finding.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import type { Relationship } from '../../src/model/relationship.ts';

/** What the history is kept for. */
export const SEEN_KINDS = ['asset', 'relationship', 'finding'] as const;
export type SeenKind = (typeof SEEN_KINDS)[number];

/** First and last recorded scan that saw one id. */
export interface SeenRecord {
  /** Id of the first scan that saw it. */
  readonly firstScan: string;
  /** Id of the newest scan that saw it. */
  readonly lastScan: string;
  /** `startedAt` of the first scan. */
  readonly firstSeen: string;
  /** `startedAt` of the newest scan. */
  readonly lastSeen: string;
}

const TABLE: Readonly<Record<SeenKind, string>> = { asset: 'asset_seen', relationship: 'relationship_seen', finding: 'finding_seen' };

/**
 * Schema 2: the `*_seen` tables, backfilled from the stored scans (carried-forward rows skipped),
 * and the plain `(scan_seq)` indexes of assets and relationships dropped: reads take a scan's rows
 * as a rowid range (read-scan.ts) and every query finds them through the other indexes, which also
 * lead with `scan_seq`; one index less to maintain per row. Idempotent.
 */
export const HISTORY_MIGRATION = `
DROP INDEX IF EXISTS assets_scan;
DROP INDEX IF EXISTS relationships_scan;
${SEEN_KINDS.map((kind) => `CREATE TABLE IF NOT EXISTS ${TABLE[kind]} (
  id TEXT PRIMARY KEY,
  first_scan INTEGER NOT NULL,
  last_scan INTEGER NOT NULL
) WITHOUT ROWID;`).join('\n')}
INSERT OR IGNORE INTO asset_seen(id, first_scan, last_scan)
  SELECT id, min(scan_seq), max(scan_seq) FROM assets
  WHERE coalesce(json_extract(data, '$.attributes.stale'), 0) <> 1 GROUP BY id;
INSERT OR IGNORE INTO relationship_seen(id, first_scan, last_scan)
  SELECT id, min(scan_seq), max(scan_seq) FROM relationships
  WHERE coalesce(json_extract(data, '$.properties.stale'), 0) <> 1 GROUP BY id;
INSERT OR IGNORE INTO finding_seen(id, first_scan, last_scan)
  SELECT id, min(scan_seq), max(scan_seq) FROM findings WHERE id IS NOT NULL GROUP BY id;
`;

/** The prepared upserts, one per kind. */
export type SeenStatements = Readonly<Record<SeenKind, StatementSync>>;

/**
 * Prepares the upserts, one statement per kind instead of one call per row. Asset ids come from
 * the scan's `assets_scan_id` index entries, just written (no JSON built or parsed), minus the
 * carried-forward ones passed as a JSON array; relationship and finding ids come in as one JSON
 * array (`json_each`). Inventories are sorted by id, so the inserts walk the primary key in order.
 */
export function prepareSeenWrites(db: DatabaseSync): SeenStatements {
  const upsert = (table: string, source: string): StatementSync =>
    db.prepare(`INSERT INTO ${table}(id, first_scan, last_scan) ${source}
      ON CONFLICT(id) DO UPDATE SET last_scan = excluded.last_scan`);
  const fromJson = 'SELECT value, ?1, ?1 FROM json_each(?2) WHERE true';
  return {
    asset: upsert(TABLE.asset, 'SELECT id, ?1, ?1 FROM assets INDEXED BY assets_scan_id WHERE scan_seq = ?1 AND id NOT IN (SELECT value FROM json_each(?2))'),
    relationship: upsert(TABLE.relationship, fromJson),
    finding: upsert(TABLE.finding, fromJson),
  };
}

/** What one scan write observed, collected while its rows are inserted (write-scan.ts). */
export interface Observed {
  /** Ids of the assets the scan only carried forward (`attributes.stale`); it saw all others. */
  readonly staleAssets: string[];
  /** Ids of the relationships it saw (carried-forward ones, `properties.stale`, left out). */
  readonly relationships: string[];
  readonly findings: string[];
}

/** `Observed` with each list as its JSON array text: what `recordSeen` binds (and a thread can pass cheaply). */
export type ObservedJson = Readonly<Record<keyof Observed, string>>;

/** The JSON form of `observed`. */
export function observedJson(observed: Observed): ObservedJson {
  return {
    staleAssets: JSON.stringify(observed.staleAssets),
    relationships: JSON.stringify(observed.relationships),
    findings: JSON.stringify(observed.findings),
  };
}

/** Records that scan `seq` saw what `observed` says; runs inside the scan's write transaction. */
export function recordSeen(stmts: SeenStatements, seq: number, observed: ObservedJson): void {
  stmts.asset.run(seq, observed.staleAssets);
  if (observed.relationships !== '[]') stmts.relationship.run(seq, observed.relationships);
  if (observed.findings !== '[]') stmts.finding.run(seq, observed.findings);
}

interface SeenRow {
  id: string;
  first_scan: string;
  last_scan: string;
  first_seen: string;
  last_seen: string;
}

/**
 * First/last-seen of `ids` (all ids of the kind when omitted); ids never seen are absent from the
 * map. Sorted by id.
 */
export function readSeen(db: DatabaseSync, kind: SeenKind, ids?: readonly string[]): Map<string, SeenRecord> {
  const filter = ids === undefined ? '' : 'WHERE s.id IN (SELECT value FROM json_each(?))';
  const stmt = db.prepare(`SELECT s.id AS id, f.id AS first_scan, l.id AS last_scan, f.started_at AS first_seen, l.started_at AS last_seen
    FROM ${TABLE[kind]} s JOIN scans f ON f.seq = s.first_scan JOIN scans l ON l.seq = s.last_scan ${filter} ORDER BY s.id`);
  const rows = (ids === undefined ? stmt.all() : stmt.all(JSON.stringify(ids))) as unknown as SeenRow[];
  const out = new Map<string, SeenRecord>();
  for (const row of rows) {
    out.set(row.id, { firstScan: row.first_scan, lastScan: row.last_scan, firstSeen: row.first_seen, lastSeen: row.last_seen });
  }
  return out;
}

/** Per list table: how to tell a row of one scan has a byte-identical twin in another. */
const TWIN: Readonly<Record<'assets' | 'relationships' | 'findings', string>> = {
  assets: 'a.id = b.id',
  relationships: 'a.src = b.src AND a.type = b.type AND a.dst = b.dst',
  findings: 'a.asset_id IS b.asset_id AND a.id IS b.id',
};

/**
 * The rows of scan `seq` with no byte-identical twin (same identity, same JSON text) in scan
 * `other`: the only ones that can differ, so a diff of these gives the diff of the whole scans
 * without reading and parsing the unchanged majority. The scan is walked as its rowid range (in
 * write order, as read-scan.ts does); each twin is one index seek.
 */
function untwinned(db: DatabaseSync, table: keyof typeof TWIN, seq: number, other: number): unknown[] {
  const { lo, hi } = db.prepare(`SELECT min(row) AS lo, max(row) AS hi FROM ${table} WHERE scan_seq = ?`).get(seq) as { lo: number | null; hi: number | null };
  if (lo === null || hi === null) return [];
  const stmt = db.prepare(`SELECT b.data FROM ${table} b NOT INDEXED WHERE b.row BETWEEN ?3 AND ?4 AND b.scan_seq = ?1
    AND NOT EXISTS (SELECT 1 FROM ${table} a WHERE a.scan_seq = ?2 AND ${TWIN[table]} AND a.data = b.data) ORDER BY b.row`);
  stmt.setReturnArrays(true);
  return (stmt.all(seq, other, lo, hi) as unknown as [string][]).map(([data]) => JSON.parse(data) as unknown);
}

function assetsById(db: DatabaseSync, seq: number, ids: readonly string[]): Asset[] {
  if (ids.length === 0) return [];
  const stmt = db.prepare('SELECT data FROM assets WHERE scan_seq = ? AND id IN (SELECT value FROM json_each(?))');
  stmt.setReturnArrays(true);
  return (stmt.all(seq, JSON.stringify(ids)) as unknown as [string][]).map(([data]) => JSON.parse(data) as Asset);
}

/**
 * The two scans reduced to what may have changed: rows without an identical twin on the other
 * side, plus (on both sides, so they cancel out) the assets their relationships and findings point
 * at, which the diff needs for names. `diffInventories` of the pair equals that of the full scans.
 */
export function changedParts(db: DatabaseSync, from: { seq: number; header: Inventory }, to: { seq: number; header: Inventory }): [Inventory, Inventory] {
  const side = (self: { seq: number; header: Inventory }, other: number): Inventory => ({
    ...self.header,
    assets: untwinned(db, 'assets', self.seq, other) as Asset[],
    relationships: untwinned(db, 'relationships', self.seq, other) as Relationship[],
    findings: untwinned(db, 'findings', self.seq, other) as Finding[],
    diagnostics: [],
  });
  const before = side(from, to.seq);
  const after = side(to, from.seq);
  const referenced = new Set<string>();
  for (const inv of [before, after]) {
    for (const r of inv.relationships) referenced.add(r.from).add(r.to);
    for (const f of inv.findings) referenced.add(f.assetId);
  }
  const withNames = (inv: Inventory, seq: number): Inventory => {
    const have = new Set(inv.assets.map((a) => a.id));
    const extra = assetsById(db, seq, [...referenced].filter((id) => !have.has(id)));
    return { ...inv, assets: [...inv.assets, ...extra] };
  };
  return [withNames(before, from.seq), withNames(after, to.seq)];
}
