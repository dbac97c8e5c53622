/**
 * Big scan writes on two cores: the main thread serialises rows (`JSON.stringify`, about a third
 * of a million-row write) while a writer thread (write-worker.ts, its own connection to the same
 * file) inserts the previous chunk, so the two overlap instead of adding up. The SQL, the single
 * transaction, synchronous=FULL and the progress callbacks are those of `writeScan`
 * (write-scan.ts); only who executes the statements differs. The store stays synchronous: the main
 * thread blocks on a shared counter (`Atomics.wait`) whenever it needs an answer.
 *
 * Measured at a million rows on a 2-vCPU machine: write wall time down by a quarter to a third
 * (CPU time unchanged). Small writes stay on the store's own connection (`threadedWriteRows`):
 * starting the thread costs ~0.1-0.3 s.
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Inventory } from '../../src/model/inventory.ts';
import { AimapStoreError } from '../store-error.ts';
import { observedJson } from './history.ts';
import type { OpenSettings } from './open-database.ts';
import { SIGNAL, SIGNAL_SLOTS, type WorkerError, type WorkerReply, type WorkerRequest } from './write-protocol.ts';
import { duplicateAssetError, LIST_TABLES, newObserved, rowCount, rowJson, scanRow, SQLITE_CONSTRAINT_UNIQUE } from './write-scan.ts';
import type { WriteProgress } from './write-scan.ts';

/** Rows per message: big enough that messages stay cheap, small enough to overlap well. */
const CHUNK_ROWS = 4096;
/** Rows the main thread may be ahead of the writer (bounds the strings held in flight). */
const AHEAD_ROWS = 16 * CHUNK_ROWS;
/** How long to wait for the thread to start (load modules, open the file) before giving up. */
const START_TIMEOUT_MS = 30_000;

/** The worker entry next to this module: `.ts` when running from source, `.js` when built. */
function workerEntry(): URL {
  return new URL(`./write-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}

/** A writer thread bound to one store file. Create it with `WriteThread.start`. */
export class WriteThread {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal: Int32Array;
  readonly #path: string;

  private constructor(worker: Worker, port: MessagePort, signal: Int32Array, path: string) {
    this.#worker = worker;
    this.#port = port;
    this.#signal = signal;
    this.#path = path;
  }

  /** Starts the thread and waits until it has opened the store; throws when it cannot. */
  static start(path: string, settings: OpenSettings): WriteThread {
    if (!existsSync(fileURLToPath(workerEntry()))) throw new Error('the writer thread entry is not installed');
    const signal = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerEntry(), { workerData: { path, settings, signal: signal.buffer, port: port2 }, transferList: [port2] });
    // Never keep the process alive for it: an unclosed store must not hang the CLI. Its failures
    // reach the caller through the signal (`stopped`), not as an unhandled 'error' event.
    worker.unref();
    worker.on('error', () => undefined);
    const thread = new WriteThread(worker, port1, signal, path);
    try {
      thread.#answer(0, START_TIMEOUT_MS);
    } catch (error) {
      void worker.terminate();
      throw error;
    }
    return thread;
  }

  /** Records `inventory` in one transaction on the writer thread (see `writeScan`). */
  write(inventory: Inventory, progress: WriteProgress): void {
    this.#call({ op: 'begin', scan: scanRow(inventory) }, inventory);
    try {
      const total = rowCount(inventory);
      const report = reporter(progress, total);
      const observed = newObserved();
      let sent = 0;
      for (const table of LIST_TABLES) {
        const list: readonly unknown[] = inventory[table];
        for (let first = 0; first < list.length && !this.#failed(); first += CHUNK_ROWS) {
          const rows: string[] = [];
          for (let i = first; i < Math.min(first + CHUNK_ROWS, list.length); i += 1) rows.push(rowJson(table, list[i], observed));
          report(this.#rowsDone(sent - AHEAD_ROWS));
          this.#post({ op: 'rows', table, first, rows });
          sent += rows.length;
        }
      }
      // Serialised here, not on the busier writer thread. `finish` waits for every row, then
      // reports the first failed one, if any.
      this.#call({ op: 'finish', observed: observedJson(observed), hasRelationships: inventory.relationships.length > 0 }, inventory);
      report(total);
      // Last report with every row and the history written: the crash test pauses here.
      progress.onProgress?.(total, total);
      this.#call({ op: 'commit' }, inventory);
    } catch (error) {
      this.#rollback();
      throw error;
    }
  }

  /** Closes the thread's connection and ends the thread. */
  close(): void {
    try {
      this.#call({ op: 'close' });
    } finally {
      void this.#worker.terminate();
    }
  }

  #post(request: WorkerRequest): void {
    this.#worker.postMessage(request);
  }

  /** Sends a request and blocks until its answer; a failure on the thread is thrown here. */
  #call(request: Exclude<WorkerRequest, { op: 'rows' }>, inventory?: Inventory): void {
    const before = Atomics.load(this.#signal, SIGNAL.replies);
    this.#post(request);
    this.#answer(before, Infinity, inventory);
  }

  #answer(before: number, timeoutMs: number, inventory?: Inventory): void {
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(this.#signal, SIGNAL.replies) === before) {
      if (this.#stopped() || performance.now() > deadline) throw this.#gone();
      Atomics.wait(this.#signal, SIGNAL.replies, before, 1000);
    }
    let reply: { message: WorkerReply } | undefined;
    // The reply is posted before the counter moves; the loop only covers a slow hand-over.
    while ((reply = receiveMessageOnPort(this.#port) as { message: WorkerReply } | undefined) === undefined) Atomics.wait(this.#signal, SIGNAL.replies, before + 1, 1);
    if (reply.message.error !== undefined) throw rebuild(reply.message.error, this.#path, inventory);
  }

  /** Rows inserted so far, after waiting (if needed) until at least `atLeast` are, or a row failed. */
  #rowsDone(atLeast: number): number {
    for (;;) {
      const done = Atomics.load(this.#signal, SIGNAL.rows);
      if (done >= atLeast || this.#failed()) return done;
      if (this.#stopped()) throw this.#gone();
      Atomics.wait(this.#signal, SIGNAL.rows, done, 1000);
    }
  }

  #failed(): boolean {
    return Atomics.load(this.#signal, SIGNAL.failed) === 1;
  }

  #stopped(): boolean {
    return Atomics.load(this.#signal, SIGNAL.stopped) === 1;
  }

  #gone(): AimapStoreError {
    return new AimapStoreError('io', this.#path, `The aimap store ${this.#path} could not be written: its writer thread stopped. Nothing of this scan was recorded.`);
  }

  /** Rolls the thread's transaction back; the failure that led here is the one to report. */
  #rollback(): void {
    try {
      this.#call({ op: 'rollback' });
    } catch {
      // Already rolled back, or the thread is gone: either way nothing of the scan is committed.
    }
  }
}

/** Reports every `every`-th row below `total` once, in order, as the thread gets past it. */
function reporter(progress: WriteProgress, total: number): (done: number) => void {
  let next = progress.every;
  return (done) => {
    while (progress.onProgress !== undefined && next <= done && next < total) {
      progress.onProgress(next, total);
      next += progress.every;
    }
  };
}

/** The thread's failure as the error the store's own connection would have thrown. */
function rebuild(error: WorkerError, path: string, inventory: Inventory | undefined): Error {
  if (error.storeCode !== undefined) return new AimapStoreError(error.storeCode, path, error.message);
  const rebuilt = Object.assign(new Error(error.message), { errcode: error.errcode, errstr: error.errstr, code: error.code });
  if (error.table === 'assets' && error.errcode === SQLITE_CONSTRAINT_UNIQUE && error.index !== undefined) {
    return duplicateAssetError(path, inventory?.assets[error.index]?.id ?? '', rebuilt);
  }
  return rebuilt;
}
