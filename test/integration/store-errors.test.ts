import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_SCHEMA_VERSION } from '../../graph/embedded/migrations.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { AimapStoreError } from '../../graph/store-error.ts';
import type { StoreErrorCode } from '../../graph/store-error.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import { sampleInventory, tempDir } from '../helpers/store-fixtures.ts';

let temp: ReturnType<typeof tempDir>;

beforeEach(() => {
  temp = tempDir();
});

afterEach(() => {
  temp.remove();
});

/** Runs `action`, expecting an AimapStoreError with `code` and a message matching `message`. */
function expectStoreError(action: () => unknown, code: StoreErrorCode, message: RegExp): AimapStoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AimapStoreError);
    const storeError = error as AimapStoreError;
    expect(storeError.code).toBe(code);
    expect(storeError.message).toMatch(message);
    return storeError;
  }
  throw new Error(`expected an AimapStoreError ${code}, nothing was thrown`);
}

describe('embedded store: opening something that is not a store', () => {
  it('refuses a text file with a clear message and leaves it untouched', () => {
    const path = join(temp.dir, 'notes.txt');
    const text = 'these are my notes, not a database\n'.repeat(50);
    writeFileSync(path, text);
    const error = expectStoreError(() => openEmbeddedStore(path), 'not-a-store', /notes\.txt is not an aimap store \(it is not a SQLite database\)\. Point/);
    expect(error.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a SQLite database of another application without changing it', () => {
    const path = join(temp.dir, 'other.db');
    const other = new DatabaseSync(path);
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');");
    other.close();
    const before = readFileSync(path);
    expectStoreError(() => openEmbeddedStore(path), 'not-a-store', /another application/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a directory', () => {
    expectStoreError(() => openEmbeddedStore(temp.dir), 'not-a-store', /it is a directory/);
  });

  it('refuses a store written by a newer schema', () => {
    const path = join(temp.dir, 'aimap.db');
    openEmbeddedStore(path).close();
    const raw = new DatabaseSync(path);
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    expectStoreError(() => openEmbeddedStore(path), 'newer-schema', new RegExp(`newer aimap \\(store schema 99; this version reads up to ${STORE_SCHEMA_VERSION}\\)\\. Upgrade aimap`));
  });

  it('says so when create is off and there is no store', () => {
    expectStoreError(() => openEmbeddedStore(join(temp.dir, 'none.db'), { create: false }), 'missing', /No aimap store at .*none\.db\. Run a scan first/);
  });
});

describe('embedded store: unwritable locations', () => {
  it('reports a path under a regular file', () => {
    const file = join(temp.dir, 'a-file');
    writeFileSync(file, 'x');
    expectStoreError(() => openEmbeddedStore(join(file, 'sub', 'aimap.db')), 'unwritable', /Cannot write the aimap store at .*: a parent of it is a file/);
  });
});

describe('embedded store: refused writes leave the store as it was', () => {
  it('refuses a scan id that is already recorded', () => {
    const store = openEmbeddedStore(join(temp.dir, 'aimap.db'));
    try {
      store.write(sampleInventory('scan-1'));
      expectStoreError(() => store.write(sampleInventory('scan-1')), 'duplicate-scan', /Scan scan-1 is already recorded/);
      expect(store.scans()).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('refuses two assets with one id and rolls the whole scan back', () => {
    const store = openEmbeddedStore(join(temp.dir, 'aimap.db'));
    try {
      const inventory = sampleInventory('scan-bad');
      const first = inventory.assets[0];
      const bad: Inventory = { ...inventory, assets: [...inventory.assets, { ...first!, name: 'twin' }] };
      expectStoreError(() => store.write(bad), 'invalid-inventory', /two assets with id repository:[0-9a-f]{16}/);
      expect(store.scans()).toEqual([]);
      store.write(sampleInventory('scan-good'));
      expect(store.scans().map((s) => s.id)).toEqual(['scan-good']);
    } finally {
      store.close();
    }
  });

  it('refuses a relationship without an endpoint', () => {
    const store = openEmbeddedStore(join(temp.dir, 'aimap.db'));
    try {
      const inventory = sampleInventory('scan-bad');
      const [first, ...rest] = inventory.relationships;
      const broken = { ...first!, to: undefined } as unknown as Inventory['relationships'][number];
      const bad: Inventory = { ...inventory, relationships: [...rest, broken] };
      expectStoreError(() => store.write(bad), 'invalid-inventory', /NOT NULL constraint failed: relationships\.dst.*nothing of this scan was written/);
      expect(store.scans()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('rolls back when the progress callback throws mid-write', () => {
    const path = join(temp.dir, 'aimap.db');
    const store = openEmbeddedStore(path, {
      progressEvery: 3,
      onProgress: () => {
        throw new Error('stop here');
      },
    });
    try {
      expect(() => store.write(sampleInventory('scan-1'))).toThrow('stop here');
      expect(store.scans()).toEqual([]);
    } finally {
      store.close();
    }
    const raw = new DatabaseSync(path);
    expect(raw.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 0 });
    raw.close();
  });

  it('throws closed after close, and close is idempotent', () => {
    const store = openEmbeddedStore(join(temp.dir, 'aimap.db'));
    store.close();
    store.close();
    expectStoreError(() => store.scans(), 'closed', /is closed/);
    expectStoreError(() => store.write(sampleInventory('x')), 'closed', /is closed/);
  });
});
