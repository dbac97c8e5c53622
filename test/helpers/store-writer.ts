/**
 * Child process for the store crash test (test/integration/store-kill.test.ts).
 *
 *   node test/helpers/store-writer.ts STORE_PATH PAUSE_AT ASSETS RELATIONSHIPS
 *
 * Writes the small scan `scan-small`, prints `small-written`, then writes `scan-huge` with ASSETS
 * assets and RELATIONSHIPS relationships. Once PAUSE_AT rows are inside the open transaction (or all
 * of them, just before COMMIT, with PAUSE_AT `commit`), it prints `paused ROWS` and blocks, holding
 * the transaction open, until the parent SIGKILLs it.
 */
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { bulkInventory, sampleInventory } from './store-fixtures.ts';

const [path, pauseAt, assetArg, relationshipArg] = process.argv.slice(2);
if (path === undefined || pauseAt === undefined || assetArg === undefined || relationshipArg === undefined) {
  process.stderr.write('usage: store-writer.ts STORE_PATH PAUSE_AT|commit ASSETS RELATIONSHIPS\n');
  process.exit(2);
}

function pauseForever(rows: number): void {
  process.stdout.write(`paused ${rows}\n`);
  // Block synchronously, inside the transaction; the parent kills us. The timeout only stops an
  // orphan from lingering if the parent died first.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  process.exit(3);
}

let armed = false; // only the huge scan pauses
const onProgress = (rows: number, total: number): void => {
  if (!armed) return;
  if (pauseAt === 'commit' ? rows === total : rows >= Number(pauseAt)) pauseForever(rows);
};

// A small page cache makes SQLite spill uncommitted pages into the WAL file well before COMMIT,
// so the kill leaves a WAL holding part of a transaction: the case recovery must ignore.
const store = openEmbeddedStore(path, { onProgress, progressEvery: 5_000, cacheMiB: 4 });
store.write(sampleInventory('scan-small'));
process.stdout.write('small-written\n');
const huge = bulkInventory('scan-huge', Number(assetArg), Number(relationshipArg));
armed = true;
store.write(huge);
process.stdout.write('huge-written\n');
store.close();
