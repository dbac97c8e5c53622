import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { EmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import { bulkInventory, sampleInventory, tempDir } from '../helpers/store-fixtures.ts';

let temp: ReturnType<typeof tempDir>;
let path: string;
let store: EmbeddedStore;

beforeEach(() => {
  temp = tempDir();
  path = join(temp.dir, 'nested', 'dirs', 'aimap.db');
  store = openEmbeddedStore(path);
});

afterEach(() => {
  store.close();
  temp.remove();
});

describe('embedded store: write and read back', () => {
  it('lists a written scan with its counts and totals', () => {
    const inventory = sampleInventory('scan-1');
    store.write(inventory);
    expect(store.scans()).toEqual([
      {
        id: 'scan-1',
        status: 'complete',
        startedAt: '2026-01-02T03:04:05.000Z',
        finishedAt: '2026-01-02T03:04:59.000Z',
        toolVersion: '0.1.0',
        targets: inventory.scan.targets,
        counts: { system: 1, sdk: 1, model: 1, 'mcp-server': 1, tool: 1, secret: 1, repository: 1 },
        totals: { assets: 7, relationships: 6, diagnostics: 2, findings: 1 },
      },
    ]);
  });

  it('returns the exact inventory written: deep-equal, same order, same JSON text', () => {
    const inventory = sampleInventory('scan-1');
    const shuffled: Inventory = { ...inventory, assets: [...inventory.assets].reverse() };
    store.write(shuffled);
    const back = store.inventory('scan-1');
    expect(back).toStrictEqual(shuffled);
    expect(JSON.stringify(back)).toBe(JSON.stringify(shuffled));
  });

  it('reads the newest scan by default and lists scans newest first', () => {
    for (const id of ['scan-a', 'scan-b', 'scan-c']) store.write(sampleInventory(id));
    expect(store.scans().map((s) => s.id)).toEqual(['scan-c', 'scan-b', 'scan-a']);
    expect(store.scans(2).map((s) => s.id)).toEqual(['scan-c', 'scan-b']);
    expect(store.inventory()?.scan.id).toBe('scan-c');
    expect(store.inventory('scan-a')).toStrictEqual(sampleInventory('scan-a'));
    expect(store.inventory('no-such-scan')).toBeUndefined();
  });

  it('answers read-only SQL over the stored graph and refuses writes through select()', () => {
    store.write(sampleInventory('scan-a'));
    store.write(sampleInventory('scan-b'));
    const seq = store.scanSeq();
    expect(seq).toBe(store.scanSeq('scan-b'));
    expect(store.scanSeq('scan-a')).toBeLessThan(seq ?? 0);
    expect(store.scanSeq('nope')).toBeUndefined();
    const kinds = store.select('SELECT kind, count(*) AS n FROM assets WHERE scan_seq = ? GROUP BY kind ORDER BY kind', [seq ?? 0]);
    expect(kinds).toContainEqual({ kind: 'sdk', n: 1 });
    expect(() => store.select('DELETE FROM assets')).toThrow(/read-only/);
    expect(() => store.select("WITH x AS (SELECT 1) DELETE FROM scans WHERE id = 'scan-a'")).toThrow(/read-only/);
    expect(() => store.select("WITH x AS (SELECT 1) REPLACE INTO scans SELECT * FROM scans")).toThrow(/read-only/);
    // The replace() string function is no write.
    expect(store.select("SELECT replace('a-b', '-', ' ') AS s")).toEqual([{ s: 'a b' }]);
    expect(store.scans()).toHaveLength(2);
  });

  it('answers an empty store with no scans and no inventory', () => {
    expect(store.scans()).toEqual([]);
    expect(store.inventory()).toBeUndefined();
  });

  it('records a scan with zero assets', () => {
    const empty: Inventory = { ...sampleInventory('scan-empty'), assets: [], relationships: [], findings: [], diagnostics: [] };
    store.write(empty);
    const [record] = store.scans();
    expect(record?.counts).toEqual({});
    expect(record?.totals).toEqual({ assets: 0, relationships: 0, diagnostics: 0, findings: 0 });
    expect(store.inventory()).toStrictEqual(empty);
  });

  it('keeps bulk inventories in write order', () => {
    const bulk = bulkInventory('scan-bulk', 2_000, 4_000);
    store.write(bulk);
    expect(store.inventory('scan-bulk')).toStrictEqual(bulk);
    expect(store.scans()[0]?.counts).toEqual({ sdk: 400, model: 400, endpoint: 400, 'data-source': 400, tool: 400 });
  });

  it('reports progress inside the write, ending with the total', () => {
    store.close();
    const calls: [number, number][] = [];
    store = openEmbeddedStore(path, { onProgress: (rows, total) => calls.push([rows, total]), progressEvery: 1_000 });
    store.write(bulkInventory('scan-bulk', 1_500, 1_000));
    expect(calls).toEqual([[1_000, 2_500], [2_000, 2_500], [2_500, 2_500]]);
    calls.length = 0;
    store.write(bulkInventory('scan-exact', 1_000, 1_000));
    expect(calls).toEqual([[1_000, 2_000], [2_000, 2_000]]);
  });
});

describe('embedded store: durability', () => {
  it('reads scans back from a new store instance on the same file', () => {
    store.write(sampleInventory('scan-1'));
    store.write(bulkInventory('scan-2', 500, 800));
    store.close();
    const reopened = openEmbeddedStore(path, { create: false });
    try {
      expect(reopened.scans().map((s) => s.id)).toEqual(['scan-2', 'scan-1']);
      expect(reopened.inventory('scan-1')).toStrictEqual(sampleInventory('scan-1'));
      expect(reopened.inventory()).toStrictEqual(bulkInventory('scan-2', 500, 800));
    } finally {
      reopened.close();
    }
  });

  it('lets two instances share the file: a reader sees what the writer committed', () => {
    const reader = openEmbeddedStore(path);
    try {
      expect(reader.scans()).toEqual([]);
      store.write(sampleInventory('scan-1'));
      expect(reader.scans().map((s) => s.id)).toEqual(['scan-1']);
    } finally {
      reader.close();
    }
  });
});
