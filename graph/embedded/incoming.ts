/**
 * Incoming relationships (schema 3): `relationships_in`, one entry per relationship of a scan,
 * keyed `(scan_seq, dst, type, src, row)`: what points at an asset, without touching the
 * relationship rows. Saved queries walk edges backwards through it (who owns this, which system
 * includes it, the predecessor on a shortest path); `row` leads back to the relationship's JSON.
 *
 * Why a table filled once per scan instead of an index on `relationships(scan_seq, dst, type)`
 * (schema 1 and 2): relationships arrive sorted by id, i.e. by source, so every row landed at a
 * random place of a destination index. Those random B-tree inserts were the largest single cost
 * of a scan write (~1.5 s of CPU per million relationships). Here the scan's entries are sorted
 * once by SQLite's sorter, straight from the covering `relationships_src` index (no JSON is
 * parsed), and appended in key order: about half the cost, full pages, and `src` comes with
 * every entry, so incoming lookups never read a relationship row. `row` is part of the key so
 * that two identical relationships in one scan (the store accepts them) stay two entries, as they
 * were two index entries before.
 */

/** The table, WITHOUT ROWID: the key is the whole entry, stored once, in key order. */
export const INCOMING_TABLE = `CREATE TABLE IF NOT EXISTS relationships_in (
  scan_seq INTEGER NOT NULL REFERENCES scans(seq) ON DELETE CASCADE,
  dst TEXT NOT NULL,
  type TEXT NOT NULL,
  src TEXT NOT NULL,
  row INTEGER NOT NULL,
  PRIMARY KEY (scan_seq, dst, type, src, row)
) WITHOUT ROWID;`;

/** Fills `relationships_in` for scan `?1` from its relationship rows, in key order. */
export const FILL_INCOMING = `INSERT INTO relationships_in (scan_seq, dst, type, src, row)
  SELECT scan_seq, dst, type, src, row FROM relationships INDEXED BY relationships_src
  WHERE scan_seq = ?1 ORDER BY dst, type, src, row`;

/** The same for every scan already stored (the schema 3 migration; OR IGNORE keeps it idempotent). */
export const BACKFILL_INCOMING = `INSERT OR IGNORE INTO relationships_in (scan_seq, dst, type, src, row)
  SELECT scan_seq, dst, type, src, row FROM relationships INDEXED BY relationships_src
  ORDER BY scan_seq, dst, type, src, row;`;
