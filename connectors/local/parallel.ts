/**
 * Scans a candidate list on more than one core. Reading and detecting a file does not depend on
 * any other file, so the list is cut into small chunks that the main thread and worker threads
 * (`scan-worker.ts`) take in turn; every outcome lands at its file's index, so the result is the
 * same, in the same order, whatever thread scanned what.
 *
 * Opt-in (`workers` scan option): on the 2-vCPU benchmark machine one worker made no scan faster.
 * One thread already keeps about 1.3 cores busy (V8 compiles and collects garbage on helper
 * threads) and a worker first loads every detector and warms its own JIT (about 2 s of extra CPU
 * over the 50,000-file tree), so it only pays where cores are to spare; see test/bench/README.md.
 * A worker that fails (cannot start, throws) costs time, never results: its chunks go back to the
 * main thread. Only registered detectors can run in a worker (it compiles them again by id).
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DETECTORS } from '../../src/detectors/api.ts';
import type { DetectorSet } from '../../src/detectors/run.ts';
import type { ScanContext } from '../types.ts';
import { FolderMemo, NOT_SCANNED, scanFileSync, type FileOutcome } from './detect-file.ts';
import type { ListedFile } from './walk.ts';

/** Worker threads at most: each holds its own copy of the parsers (about 60 MB). */
export const MAX_WORKERS = 4;
/** Files per chunk: small enough to balance the load, big enough that messages stay cheap. */
const CHUNK = 32;
/** Chunks queued per worker, so it never waits for the busy main thread to send more. */
const IN_FLIGHT = 4;

/** What a worker needs to rebuild the scan's detector set. */
export interface WorkerJob {
  readonly detectorIds: readonly string[];
  readonly scope: string;
  readonly maxFileSize: number;
  /** Root-relative paths of the listing (siblings a detector may read must be among them). */
  readonly listed: readonly string[];
}

export interface ChunkTask {
  readonly id: number;
  readonly files: readonly ListedFile[];
}

export type ChunkReply = { readonly id: number; readonly outcomes: readonly FileOutcome[] } | { readonly id: number; readonly error: string };

/**
 * Worker threads to start: as many as `requested` (default none), at most MAX_WORKERS and one per
 * chunk; none for detector sets a worker cannot rebuild (detectors not in the registry).
 */
export function workerCount(files: number, detectors: DetectorSet, requested = 0): number {
  if (!detectors.detectors.every((d) => DETECTORS.includes(d))) return 0;
  return Math.max(0, Math.min(requested, MAX_WORKERS, Math.ceil(files / CHUNK)));
}

/** The worker entry next to this module: `.ts` when running from source, `.js` when built. */
function workerEntry(): URL {
  return new URL(`./scan-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}

interface Slot {
  readonly worker: Worker;
  /** Chunk id → [start, end) of the files it holds. */
  readonly inFlight: Map<number, readonly [number, number]>;
  alive: boolean;
}

/** Reads and detects every file on this thread and `workers` worker threads. */
export async function scanInWorkers(ctx: ScanContext, detectors: DetectorSet, job: WorkerJob, files: readonly ListedFile[], workers: number): Promise<FileOutcome[]> {
  const out = new Array<FileOutcome | undefined>(files.length);
  // One folder memo for this thread's whole share: a module's files may fall in different chunks.
  const memo = new FolderMemo(undefined, new Set(job.listed));
  const queue: Array<readonly [number, number]> = [];
  for (let start = 0; start < files.length; start += CHUNK) queue.push([start, Math.min(files.length, start + CHUNK)]);
  queue.reverse(); // pop() then hands chunks out in path order
  let nextId = 0;
  let wake: (() => void) | undefined;
  let byWorkers = 0;
  const place = (start: number, outcomes: readonly FileOutcome[]): void => {
    outcomes.forEach((o, k) => (out[start + k] = o));
    ctx.progress.advance(outcomes.length, outcomes.reduce((n, o) => n + o.bytes, 0));
  };
  const feed = (slot: Slot): void => {
    while (slot.alive && !ctx.signal.aborted && slot.inFlight.size < IN_FLIGHT && queue.length > 0) {
      const range = queue.pop() as readonly [number, number];
      const id = nextId++;
      slot.inFlight.set(id, range);
      slot.worker.postMessage({ id, files: files.slice(range[0], range[1]) } satisfies ChunkTask);
    }
  };
  const lose = (slot: Slot): void => {
    if (!slot.alive) return;
    slot.alive = false;
    queue.push(...slot.inFlight.values());
    slot.inFlight.clear();
    wake?.();
  };
  const counted = (n: number): void => void (byWorkers += n);
  const slots = Array.from({ length: workers }, () => startSlot(job, { place, feed, lose, counted, wake: () => wake?.() }));
  slots.forEach(feed);
  try {
    for (;;) {
      if (ctx.signal.aborted) break;
      const range = queue.pop();
      if (range !== undefined) {
        const [start, end] = range;
        place(start, files.slice(start, end).map((file) => (ctx.signal.aborted ? NOT_SCANNED : scanFileSync(detectors, job.scope, file, job.maxFileSize, memo))));
        // Let worker replies in, and hand them more chunks, between two chunks of our own.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (slots.every((s) => s.inFlight.size === 0)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  ctx.log.debug('scanned in worker threads', { workers, files: files.length, byWorkers });
  return Array.from(out, (o) => o ?? NOT_SCANNED);
}

/** What a worker's events do to the shared scan state. */
interface SlotHooks {
  place(start: number, outcomes: readonly FileOutcome[]): void;
  feed(slot: Slot): void;
  lose(slot: Slot): void;
  counted(files: number): void;
  wake(): void;
}

function startSlot(job: WorkerJob, hooks: SlotHooks): Slot {
  const { place, feed, lose, counted, wake } = hooks;
  const slot: Slot = { worker: new Worker(workerEntry(), { workerData: job }), inFlight: new Map(), alive: true };
  slot.worker.on('message', (reply: ChunkReply) => {
    const range = slot.inFlight.get(reply.id);
    if (range === undefined) return;
    if ('error' in reply) {
      lose(slot); // the chunk (and the rest in flight) is scanned on the main thread
      return;
    }
    slot.inFlight.delete(reply.id);
    place(range[0], reply.outcomes);
    counted(reply.outcomes.length);
    feed(slot);
    wake();
  });
  slot.worker.on('error', () => lose(slot));
  slot.worker.on('exit', () => lose(slot));
  return slot;
}
