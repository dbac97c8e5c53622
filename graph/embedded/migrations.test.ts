/**
 * Schema 3 (migrations.ts): a schema-2 store migrates with its rows intact, incoming edges and
 * stored asset columns filled; the entry-point index matches what the saved queries ask; new stores
 * get 16 KiB pages, existing ones keep theirs.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.ts';
import { bulkInventory, sampleInventory, tempDir } from '../../test/helpers/store-fixtures.ts';
import { EXPOSURE_PATHS } from '../queries/exposure-paths.ts';
import { sqlExternal } from '../queries/fragments.ts';
import { APPLICATION_ID, EXTERNAL_ASSET_CONDITION, migrationSql, STORE_SCHEMA_VERSION } from './migrations.ts';
import { openEmbeddedStore } from './sqlite-store.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('aimap-migrations-');
});
afterEach(() => temp.remove());

/** A store at schema 2 holding `inventories` (rows as schema 1 wrote them, then migration 2's backfill). */
function schema2Store(path: string, inventories: readonly Inventory[]): void {
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA journal_mode = WAL; BEGIN; ${migrationSql(1)} COMMIT; PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = 1;`);
  inventories.forEach((inventory, i) => {
    const { scan } = inventory;
    const header = JSON.stringify({ ...inventory, assets: [], relationships: [], findings: [], diagnostics: [] });
    db.prepare(`INSERT INTO scans (seq, id, status, started_at, finished_at, tool_version, schema_version, targets, counts, asset_count, relationship_count, diagnostic_count, finding_count, header)
      VALUES (?, ?, 'complete', ?, ?, ?, ?, '[]', '{}', ?, ?, ?, ?, ?)`).run(i + 1, scan.id, scan.startedAt, scan.finishedAt, inventory.tool.version, inventory.schemaVersion,
      inventory.assets.length, inventory.relationships.length, inventory.diagnostics.length, inventory.findings.length, header);
    for (const table of ['assets', 'relationships', 'findings', 'diagnostics'] as const) {
      const insert = db.prepare(`INSERT INTO ${table} (scan_seq, data) VALUES (?, ?)`);
      for (const item of inventory[table]) insert.run(i + 1, JSON.stringify(item));
    }
  });
  db.exec(`BEGIN; ${migrationSql(2)} COMMIT; PRAGMA user_version = 2;`);
  db.close();
}

describe('store schema 3', () => {
  it('migrates a schema-2 store: same inventories, incoming edges and stored asset columns filled', () => {
    const path = join(temp.dir, 'old.db');
    const scans = [sampleInventory('scan-1', '2026-01-01T00:00:00.000Z'), bulkInventory('scan-2', 200, 500)];
    schema2Store(path, scans);
    const store = openEmbeddedStore(path);
    try {
      expect(store.select('SELECT 1 AS ok FROM pragma_user_version WHERE user_version = ?', [STORE_SCHEMA_VERSION])).toHaveLength(1);
      expect(store.inventory('scan-1')).toStrictEqual(scans[0]);
      expect(store.inventory('scan-2')).toStrictEqual(scans[1]);
      const incoming = store.select('SELECT scan_seq, dst, type, src, row FROM relationships_in');
      const expected = store.select('SELECT scan_seq, dst, type, src, row FROM relationships ORDER BY scan_seq, dst, type, src, row');
      expect(incoming).toEqual(expected);
      expect(incoming).toHaveLength(scans[0]!.relationships.length + scans[1]!.relationships.length);
      const columns = store.select("SELECT kind, name, provider, native_id AS nativeId FROM assets WHERE scan_seq = 1 ORDER BY row");
      expect(columns).toEqual(scans[0]!.assets.map((a) => ({ kind: a.kind, name: a.name, provider: a.provider ?? null, nativeId: a.nativeId ?? null })));
      const indexes = store.select("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assets' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((r) => r['name']);
      expect(indexes).toEqual(['assets_external', 'assets_scan_id', 'assets_scan_kind_id']);
      expect(store.select("SELECT name FROM sqlite_schema WHERE name = 'relationships_dst'")).toEqual([]);
      // Writing on goes through the new path, and first/last-seen carries on from the migrated rows.
      store.write(sampleInventory('scan-3', '2026-03-01T00:00:00.000Z'));
      expect(store.seen('asset').get(scans[0]!.assets[0]!.id)).toMatchObject({ firstScan: 'scan-1', lastScan: 'scan-3' });
    } finally {
      store.close();
    }
  });

  it('indexes exactly the entry points exposure-paths asks for, so the query uses the index', () => {
    expect(sqlExternal('a').replaceAll('a.data', 'data')).toBe(EXTERNAL_ASSET_CONDITION);
    const store = openEmbeddedStore(join(temp.dir, 'plan.db'));
    try {
      store.write(sampleInventory('scan-1'));
      const db = new DatabaseSync(store.path, { readOnly: true });
      try {
        const details = (db.prepare(`EXPLAIN QUERY PLAN ${EXPOSURE_PATHS.sql}`).all(1) as { detail: string }[]).map((r) => r.detail);
        expect(details).toContain('SEARCH a USING INDEX assets_external (scan_seq=?)');
      } finally {
        db.close();
      }
    } finally {
      store.close();
    }
  });

  it('creates new stores with 16 KiB pages and leaves the page size of existing ones alone', () => {
    const pageSize = (path: string): number => {
      const db = new DatabaseSync(path, { readOnly: true });
      try {
        return (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
      } finally {
        db.close();
      }
    };
    const fresh = join(temp.dir, 'fresh.db');
    openEmbeddedStore(fresh).close();
    expect(pageSize(fresh)).toBe(16_384);
    const old = join(temp.dir, 'old.db');
    openEmbeddedStore(old, { pageSize: 4096 }).close();
    const store = openEmbeddedStore(old);
    store.write(sampleInventory('scan-1'));
    store.close();
    expect(pageSize(old)).toBe(4096);
    expect(() => openEmbeddedStore(join(temp.dir, 'bad.db'), { pageSize: 3000 })).toThrow(/power of two/);
  });
});
