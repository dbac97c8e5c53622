/**
 * Entry of the writer thread (write-thread.ts): a second connection to the store that runs a big
 * scan write while the main thread serialises the next rows. It executes requests in order and
 * answers each one that waits (everything but `rows`) on the reply port, counting replies in the
 * shared signal so the blocked main thread wakes up.
 */
import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { AimapStoreError } from '../store-error.ts';
import { openDatabase } from './open-database.ts';
import type { OpenSettings } from './open-database.ts';
import { SIGNAL, type WorkerError, type WorkerReply, type WorkerRequest } from './write-protocol.ts';
import { beginScan, finishScan, prepareWrites } from './write-scan.ts';

interface Setup {
  readonly path: string;
  readonly settings: OpenSettings;
  readonly signal: SharedArrayBuffer;
  readonly port: MessagePort;
}

const { path, settings, signal: buffer, port } = workerData as Setup;
const signal = new Int32Array(buffer);

// However the thread ends, wake the main thread so that it never waits for an answer in vain.
process.on('exit', () => {
  Atomics.store(signal, SIGNAL.stopped, 1);
  Atomics.notify(signal, SIGNAL.replies);
  Atomics.notify(signal, SIGNAL.rows);
});

function reply(message: WorkerReply): void {
  port.postMessage(message);
  Atomics.add(signal, SIGNAL.replies, 1);
  Atomics.notify(signal, SIGNAL.replies);
}

function describe(error: unknown, where?: Pick<WorkerError, 'table' | 'index'>): WorkerError {
  const e = error as { message?: unknown; errcode?: unknown; errstr?: unknown; code?: unknown };
  return {
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(typeof e.errcode === 'number' ? { errcode: e.errcode } : {}),
    ...(typeof e.errstr === 'string' ? { errstr: e.errstr } : {}),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(error instanceof AimapStoreError ? { storeCode: error.code } : {}),
    ...where,
  };
}

let db: ReturnType<typeof openDatabase>;
let stmts: ReturnType<typeof prepareWrites>;
try {
  db = openDatabase(path, { ...settings, create: false });
  stmts = prepareWrites(db);
  reply({});
} catch (error) {
  reply({ error: describe(error) });
  throw error;
}

let seq = 0;
/** The first failure of the current scan's rows; later rows are skipped, `finish` reports it. */
let failure: WorkerError | undefined;

function rollback(): void {
  if (db.isTransaction) db.exec('ROLLBACK');
}

function insertRows(request: Extract<WorkerRequest, { op: 'rows' }>): void {
  if (failure !== undefined) return;
  const stmt = stmts.rows[request.table];
  for (let i = 0; i < request.rows.length; i += 1) {
    try {
      stmt.run(seq, request.rows[i] as string);
    } catch (error) {
      failure = describe(error, { table: request.table, index: request.first + i });
      rollback();
      Atomics.store(signal, SIGNAL.failed, 1);
      Atomics.notify(signal, SIGNAL.rows);
      return;
    }
  }
  Atomics.add(signal, SIGNAL.rows, request.rows.length);
  Atomics.notify(signal, SIGNAL.rows);
}

/** Runs a request that the main thread waits for; any failure rolls the scan back. */
function answer(request: Exclude<WorkerRequest, { op: 'rows' }>): WorkerReply {
  switch (request.op) {
    case 'begin':
      failure = undefined;
      Atomics.store(signal, SIGNAL.rows, 0);
      Atomics.store(signal, SIGNAL.failed, 0);
      seq = beginScan(db, path, stmts, request.scan);
      return {};
    case 'finish':
      if (failure !== undefined) return { error: failure };
      finishScan(stmts, seq, request.observed, request.hasRelationships);
      return {};
    case 'commit':
      db.exec('COMMIT');
      return {};
    case 'rollback':
      rollback();
      return {};
    case 'close':
      rollback();
      db.close();
      return {};
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.op === 'rows') {
    insertRows(request);
    return;
  }
  let result: WorkerReply;
  try {
    result = answer(request);
  } catch (error) {
    try {
      if (request.op !== 'close') rollback();
    } catch {
      // The original failure is the one to report.
    }
    result = { error: describe(error) };
  }
  reply(result);
  if (request.op === 'close') parentPort?.close();
});
