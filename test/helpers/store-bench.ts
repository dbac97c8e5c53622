/**
 * Times the embedded store by hand (not part of the test run: speed belongs in benchmarks).
 *
 *   node test/helpers/store-bench.ts [ASSETS=100000] [RELATIONSHIPS=200000] [SCANS=2]
 *
 * Writes SCANS bulk scans into a fresh store in a temp dir, then reads the newest back.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { bulkInventory, tempDir } from './store-fixtures.ts';

const [assets = 100_000, relationships = 200_000, scans = 2] = process.argv.slice(2).map(Number);
const temp = tempDir('aimap-store-bench-');
const path = join(temp.dir, 'aimap.db');
try {
  const store = openEmbeddedStore(path);
  for (let n = 1; n <= scans; n += 1) {
    const inventory = bulkInventory(`scan-${n}`, assets, relationships);
    const started = performance.now();
    store.write(inventory);
    const ms = performance.now() - started;
    const rate = Math.round((assets + relationships) / (ms / 1000));
    process.stdout.write(`write scan-${n}: ${assets} assets + ${relationships} relationships in ${Math.round(ms)} ms (${rate} rows/s)\n`);
  }
  const started = performance.now();
  const back = store.inventory();
  process.stdout.write(`read newest: ${back?.assets.length} assets + ${back?.relationships.length} relationships in ${Math.round(performance.now() - started)} ms\n`);
  const closeStarted = performance.now();
  store.close();
  process.stdout.write(`close (WAL checkpoint): ${Math.round(performance.now() - closeStarted)} ms; file ${(statSync(path).size / 2 ** 20).toFixed(1)} MiB\n`);
} finally {
  temp.remove();
}
