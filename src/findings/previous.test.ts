import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { Inventory } from '../model/index.ts';
import { sampleInventory } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { tempDir } from '../../test/helpers/store-fixtures.ts';
import { previousScan, targetsKey } from './previous.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function scanOf(id: string, scopes: string[], startedAt: string): Inventory {
  const base = sampleInventory(undefined, id, startedAt);
  return { ...base, scan: { ...base.scan, targets: scopes.map((scope) => ({ connector: 'local', target: scope, scope })) } };
}

describe('previousScan', () => {
  it('finds the most recent earlier scan of the same targets, whether or not the scan is recorded yet', async () => {
    const { dir, remove } = tempDir();
    const store = openEmbeddedStore(`${dir}/aimap.db`);
    cleanups.push(() => store.close(), remove);
    await store.write(scanOf('a', ['x', 'y'], '2026-01-01T00:00:00.000Z'));
    await store.write(scanOf('b', ['z'], '2026-01-02T00:00:00.000Z'));
    await store.write(scanOf('c', ['y', 'x'], '2026-01-03T00:00:00.000Z'));
    const recordedC = store.inventory('c') as Inventory;
    expect(previousScan(store, recordedC)?.scan.id).toBe('a');
    expect(previousScan(store, store.inventory('a') as Inventory)).toBeUndefined();
    expect(previousScan(store, scanOf('d', ['x', 'y'], '2026-01-04T00:00:00.000Z'))?.scan.id).toBe('c');
    expect(previousScan(store, scanOf('e', ['z'], '2026-01-04T00:00:00.000Z'))?.scan.id).toBe('b');
    expect(previousScan(store, scanOf('f', ['x'], '2026-01-04T00:00:00.000Z'))).toBeUndefined();
  });

  it('compares targets by connector and scope, ignoring order and duplicates', () => {
    const t = (connector: string, scope: string) => ({ connector, target: scope, scope });
    expect(targetsKey([t('local', 'a'), t('local', 'b')])).toBe(targetsKey([t('local', 'b'), t('local', 'a'), t('local', 'a')]));
    expect(targetsKey([t('local', 'a')])).not.toBe(targetsKey([t('host', 'a')]));
  });
});
