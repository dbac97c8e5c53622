/**
 * Scan history in the embedded store: first/last-seen kept in step with writes, backfilled when a
 * schema-1 store is opened, untouched by a failed write; and `diff` end to end on real scans.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffInventories, isEmptyDiff } from '../../graph/diff.ts';
import { APPLICATION_ID, migrationSql, STORE_SCHEMA_VERSION } from '../../graph/embedded/migrations.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { bulkInventory, sampleInventory, tempDir } from '../helpers/store-fixtures.ts';

const RAG = fileURLToPath(new URL('../fixtures/rag-python', import.meta.url));

let temp: ReturnType<typeof tempDir>;
let path: string;

beforeEach(() => {
  temp = tempDir();
  path = join(temp.dir, 'aimap.db');
});

afterEach(() => temp.remove());

/** scan-1: the sample; scan-2: the model gone, the MCP server carried forward stale, a new tag. */
function history(): Inventory[] {
  const first = sampleInventory('scan-1', '2026-01-01T00:00:00.000Z');
  const [repo, system, sdk, model, mcp, tool, secret] = first.assets;
  if (repo === undefined || system === undefined || sdk === undefined || model === undefined || mcp === undefined || tool === undefined || secret === undefined) throw new Error('fixture changed');
  const second: Inventory = {
    ...sampleInventory('scan-2', '2026-01-02T00:00:00.000Z'),
    assets: [repo, system, sdk, { ...mcp, attributes: { ...mcp.attributes, stale: true, lastSeenScan: 'scan-1' } }, tool, secret],
    relationships: first.relationships.filter((r) => r.to !== model.id),
  };
  return [first, second];
}

describe('first-seen / last-seen', () => {
  it('tracks assets, relationships and findings across scans; stale copies do not count as seen', () => {
    const [first, second] = history() as [Inventory, Inventory];
    const store = openEmbeddedStore(path);
    try {
      store.write(first);
      store.write(second);
      const seen = store.seen('asset');
      expect(seen.size).toBe(first.assets.length);
      const [, system, , model, mcp] = first.assets as Inventory['assets'];
      expect(seen.get(system!.id)).toEqual({ firstScan: 'scan-1', lastScan: 'scan-2', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-02T00:00:00.000Z' });
      expect(seen.get(model!.id)).toMatchObject({ firstScan: 'scan-1', lastScan: 'scan-1' });
      expect(seen.get(mcp!.id)).toMatchObject({ lastScan: 'scan-1' });
      expect([...store.seen('asset', [model!.id, 'asset:none']).keys()]).toEqual([model!.id]);
      const gone = first.relationships.find((r) => r.to === model!.id)!;
      expect(store.seen('relationship', [gone.id]).get(gone.id)).toMatchObject({ lastScan: 'scan-1' });
      expect(store.seen('finding').get('finding:mcp-dangerous-tool:1')).toMatchObject({ firstScan: 'scan-1', lastScan: 'scan-2' });
    } finally {
      store.close();
    }
  });

  it('leaves the history untouched when a write fails', () => {
    const store = openEmbeddedStore(path);
    try {
      store.write(sampleInventory('scan-1'));
      const before = store.seen('asset');
      const broken = sampleInventory('scan-2');
      const duplicated = { ...broken, assets: [...broken.assets, broken.assets[0]!] };
      expect(() => store.write(duplicated)).toThrow(expect.objectContaining({ code: 'invalid-inventory' }));
      expect(store.seen('asset')).toEqual(before);
      expect(store.scans().map((s) => s.id)).toEqual(['scan-1']);
    } finally {
      store.close();
    }
  });

  it('backfills the history when it opens a schema-1 store', () => {
    const [first, second] = history() as [Inventory, Inventory];
    // A store as schema 1 wrote it: the schema-1 DDL, then every list item as one JSON row.
    const raw = new DatabaseSync(path);
    raw.exec(`PRAGMA journal_mode = WAL; ${migrationSql(1)} PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = 1;`);
    for (const [seq, inventory] of [first, second].entries()) writeSchema1(raw, seq + 1, inventory);
    raw.close();

    const store = openEmbeddedStore(path);
    try {
      const migrated = store.seen('asset');
      const db = new DatabaseSync(path, { readOnly: true });
      expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(STORE_SCHEMA_VERSION);
      db.close();
      // The same history as a store that recorded both scans itself.
      const fresh = openEmbeddedStore(join(temp.dir, 'fresh.db'));
      fresh.write(first);
      fresh.write(second);
      expect(migrated).toEqual(fresh.seen('asset'));
      expect(store.seen('relationship')).toEqual(fresh.seen('relationship'));
      expect(store.seen('finding')).toEqual(fresh.seen('finding'));
      fresh.close();
      // And writes go on from there.
      store.write(sampleInventory('scan-3', '2026-01-03T00:00:00.000Z'));
      expect(store.seen('asset').get(first.assets[3]!.id)).toMatchObject({ firstScan: 'scan-1', lastScan: 'scan-3' });
    } finally {
      store.close();
    }
  });
});

function writeSchema1(db: DatabaseSync, seq: number, inventory: Inventory): void {
  const { scan } = inventory;
  const header = JSON.stringify({ ...inventory, assets: [], relationships: [], findings: [], diagnostics: [] });
  db.prepare(`INSERT INTO scans (seq, id, status, started_at, finished_at, tool_version, schema_version, targets, counts, asset_count, relationship_count, diagnostic_count, finding_count, header)
    VALUES (?, ?, 'complete', ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`).run(seq, scan.id, scan.startedAt, scan.finishedAt, inventory.tool.version, inventory.schemaVersion, JSON.stringify(scan.targets),
    inventory.assets.length, inventory.relationships.length, inventory.diagnostics.length, inventory.findings.length, header);
  for (const table of ['assets', 'relationships', 'findings', 'diagnostics'] as const) {
    const insert = db.prepare(`INSERT INTO ${table} (scan_seq, data) VALUES (?, ?)`);
    for (const item of inventory[table]) insert.run(seq, JSON.stringify(item));
  }
}

describe('diff in the store', () => {
  it('equals diffInventories of the two full inventories while reading only what differs', () => {
    const base = bulkInventory('scan-1', 300, 600);
    const sample = sampleInventory('x');
    const first: Inventory = { ...base, findings: sample.findings.map((f) => ({ ...f, assetId: base.assets[4]!.id })) };
    const second: Inventory = {
      ...first,
      scan: { ...first.scan, id: 'scan-2', startedAt: '2026-02-02T00:00:00.000Z' },
      assets: [
        ...first.assets.flatMap((a, i) => {
          if (i % 50 === 0) return []; // removed
          if (i % 40 === 1) return [{ ...a, attributes: { ...a.attributes, index: -i } }]; // changed
          if (i % 30 === 2) return [{ ...a, evidence: [{ ...a.evidence[0]!, line: 999 }] }]; // evidence only
          if (i % 20 === 3) return [{ tags: a.tags, evidence: a.evidence, attributes: a.attributes, name: a.name, kind: a.kind, id: a.id }]; // key order only
          return [a];
        }),
        { ...first.assets[0]!, id: 'model:ffffffffffffffff', name: 'new-model' },
      ],
      relationships: first.relationships.filter((_, i) => i % 25 !== 0).map((r, i) => (i % 33 === 0 ? { ...r, properties: { weight: i } } : r)),
      findings: first.findings.map((f) => ({ ...f, severity: 'critical' as const })),
    };
    const store = openEmbeddedStore(path);
    try {
      store.write(first);
      store.write(second);
      const full = diffInventories(store.inventory('scan-1')!, store.inventory('scan-2')!);
      expect(full.counts.assets.changed).toBeGreaterThan(0);
      expect(full.counts.relationships.removed).toBeGreaterThan(0);
      expect(store.diff('scan-1', 'scan-2')).toEqual(full);
      expect(store.diff('scan-2', 'scan-1')).toEqual(diffInventories(store.inventory('scan-2')!, store.inventory('scan-1')!));
      expect(store.diff('scan-1', 'scan-2', { evidence: true })).toEqual(diffInventories(store.inventory('scan-1')!, store.inventory('scan-2')!, { evidence: true }));
    } finally {
      store.close();
    }
  });
});

describe('diff of real scans', { timeout: 60_000 }, () => {
  const scanAt = (root: string, id: string, at: string): Promise<Inventory> => runScan({ paths: [root] }, { scanId: id, now: () => new Date(at) });

  it('finds no change between two scans of an unchanged tree, and the added asset after an edit', async () => {
    const tree = join(temp.dir, 'rag-python');
    cpSync(RAG, tree, { recursive: true });
    const store = openEmbeddedStore(path);
    try {
      const first = await scanAt(tree, 'scan-1', '2026-01-01T00:00:00.000Z');
      expect(first.assets.length).toBeGreaterThan(3);
      store.write(first);
      store.write(await scanAt(tree, 'scan-2', '2026-01-02T00:00:00.000Z'));
      const same = store.diff();
      expect(same?.from.id).toBe('scan-1');
      expect(same?.to.id).toBe('scan-2');
      expect(same !== undefined && isEmptyDiff(same)).toBe(true);

      writeFileSync(join(tree, 'summarize.py'), 'import anthropic\n\nclient = anthropic.Anthropic()\nclient.messages.create(model="claude-3-5-haiku-latest", max_tokens=200, messages=[])\n');
      store.write(await scanAt(tree, 'scan-3', '2026-01-03T00:00:00.000Z'));
      const changed = store.diff('scan-2');
      expect(changed?.to.id).toBe('scan-3');
      const added = changed?.assets.added.map((a) => `${a.kind}:${a.name}`) ?? [];
      expect(added).toContain('sdk:anthropic');
      expect(changed?.relationships.added.some((r) => r.type === 'RESOURCE')).toBe(true);
      expect(changed?.assets.removed).toEqual([]);
      expect(store.diff('scan-1', 'nope')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
