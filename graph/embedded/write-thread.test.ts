/**
 * The writer thread (write-thread.ts) against the store's own connection: same stored rows, same
 * history, same errors, same progress reports, and nothing left behind by a failed write.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.ts';
import { bulkInventory, sampleInventory, tempDir } from '../../test/helpers/store-fixtures.ts';
import { openEmbeddedStore, type EmbeddedStore, type EmbeddedStoreOptions } from './sqlite-store.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir('aimap-write-thread-');
});
afterEach(() => temp.remove());

const THREADED: EmbeddedStoreOptions = { threadedWriteRows: 0 };
const INLINE: EmbeddedStoreOptions = { threadedWriteRows: Infinity };

function withStore<T>(name: string, options: EmbeddedStoreOptions, action: (store: EmbeddedStore) => T): T {
  const store = openEmbeddedStore(join(temp.dir, name), options);
  try {
    return action(store);
  } finally {
    store.close();
  }
}

/** Every row of the tables a write fills, as stored, in key order. */
function dump(store: EmbeddedStore): Record<string, unknown> {
  const tables = {
    assets: 'SELECT row, scan_seq, data, kind, name, provider, native_id FROM assets ORDER BY row',
    relationships: 'SELECT row, scan_seq, data FROM relationships ORDER BY row',
    incoming: 'SELECT * FROM relationships_in',
    findings: 'SELECT row, scan_seq, data FROM findings ORDER BY row',
    diagnostics: 'SELECT row, scan_seq, data FROM diagnostics ORDER BY row',
    assetSeen: 'SELECT * FROM asset_seen',
    relationshipSeen: 'SELECT * FROM relationship_seen',
    findingSeen: 'SELECT * FROM finding_seen',
  };
  return Object.fromEntries(Object.entries(tables).map(([name, sql]) => [name, store.select(sql).map((row) => ({ ...row }))]));
}

/** Two scans: the second drops some items and carries one asset and one edge forward as stale. */
function history(): Inventory[] {
  const first = bulkInventory('scan-1', 400, 900);
  const [kept, stale] = [first.assets.slice(0, 300), first.assets[350]!];
  const staleEdge = first.relationships.find((r) => r.from === stale.id || r.to === stale.id);
  const second: Inventory = {
    ...first,
    scan: { ...first.scan, id: 'scan-2', startedAt: '2026-02-02T00:00:00.000Z' },
    assets: [...kept, { ...stale, attributes: { ...stale.attributes, stale: true, lastSeenScan: 'scan-1' } }],
    relationships: first.relationships
      .filter((r) => r === staleEdge || (kept.some((a) => a.id === r.from) && kept.some((a) => a.id === r.to)))
      .map((r) => (r === staleEdge ? { ...r, properties: { ...r.properties, stale: true } } : r)),
  };
  return [first, second, sampleInventory('scan-3', '2026-03-03T00:00:00.000Z')];
}

describe('writer thread', () => {
  it('stores exactly what the store connection stores: rows, incoming edges, first/last-seen', () => {
    const scans = history();
    const viaThread = withStore('thread.db', THREADED, (store) => {
      for (const inventory of scans) store.write(inventory);
      expect(store.threaded).toBe(true);
      return { rows: dump(store), seen: store.seen('asset'), back: store.inventory('scan-2') };
    });
    const inline = withStore('inline.db', INLINE, (store) => {
      for (const inventory of scans) store.write(inventory);
      expect(store.threaded).toBe(false);
      return { rows: dump(store), seen: store.seen('asset'), back: store.inventory('scan-2') };
    });
    expect(viaThread).toEqual(inline);
    expect(viaThread.back).toStrictEqual(scans[1]);
    expect((viaThread.rows['incoming'] as unknown[]).length).toBe(scans.reduce((n, s) => n + s.relationships.length, 0));
  });

  it('reports progress every N rows in order, then once with every row just before COMMIT', () => {
    const calls: [number, number][] = [];
    const inventory = bulkInventory('scan-1', 3000, 7000);
    const total = 10_000 + inventory.findings.length + inventory.diagnostics.length;
    withStore('progress.db', { ...THREADED, progressEvery: 1000, onProgress: (rows, all) => calls.push([rows, all]) }, (store) => store.write(inventory));
    const expected: [number, number][] = [];
    for (let rows = 1000; rows < total; rows += 1000) expected.push([rows, total]);
    expect(calls).toEqual([...expected, [total, total]]);
  });

  it('refuses two assets with one id with the store message, and records nothing', () => {
    const base = bulkInventory('scan-dup', 500, 100);
    const twin = base.assets[321]!;
    const inventory: Inventory = { ...base, assets: [...base.assets.slice(0, 400), { ...twin, name: 'twin' }, ...base.assets.slice(400)] };
    withStore('dup.db', THREADED, (store) => {
      expect(() => store.write(inventory)).toThrow(expect.objectContaining({ code: 'invalid-inventory', message: expect.stringContaining(`two assets with id ${twin.id}`) }));
      expect(store.scans()).toEqual([]);
      expect(store.select('SELECT count(*) AS n FROM assets')).toEqual([{ n: 0 }]);
      store.write(base); // the thread goes on writing after a failure
      expect(store.threaded).toBe(true);
      expect(store.scans().map((s) => s.id)).toEqual(['scan-dup']);
      expect(() => store.write(base)).toThrow(expect.objectContaining({ code: 'duplicate-scan' }));
    });
  });

  it('rolls back when the progress callback throws, and reports the lock of another writer', () => {
    const path = join(temp.dir, 'lock.db');
    const failing = openEmbeddedStore(path, { ...THREADED, progressEvery: 100, onProgress: () => { throw new Error('stop'); } });
    try {
      expect(() => failing.write(bulkInventory('scan-1', 300, 300))).toThrow('stop');
      expect(failing.scans()).toEqual([]);
    } finally {
      failing.close();
    }
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      withStore('lock.db', { ...THREADED, busyTimeoutMs: 50 }, (store) => {
        expect(() => store.write(bulkInventory('scan-2', 10, 10))).toThrow(expect.objectContaining({ code: 'locked' }));
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('closes its connection before the store does, so the WAL is checkpointed and removed', () => {
    const path = join(temp.dir, 'close.db');
    withStore('close.db', THREADED, (store) => store.write(sampleInventory('scan-1')));
    expect(existsSync(`${path}-wal`)).toBe(false);
    withStore('close.db', THREADED, (store) => expect(store.inventory('scan-1')).toStrictEqual(sampleInventory('scan-1')));
  });
});
