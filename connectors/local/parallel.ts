/**
 * Scans a candidate list on more than one core. Most files of a repository hold nothing any
 * detector reports, and finding that out (read, decode, the shared literal gate, each detector's
 * pre-check) is most of a scan's work; the detectors' parsers run on a few percent of the files.
 * So worker threads (`prefilter-worker.ts`) only read files and run the pre-checks
 * (`src/detectors/prefilters.ts`, no parser loaded): a file no detector may find anything in is
 * finished there, the text of any other file is posted to the main thread, which runs the
 * detectors on it (and reads what is left itself if every reader fails). The list is cut
 * into small chunks handed out in path order, and every outcome lands at its file's index, so the
 * result is the same, in the same order, whatever thread read what.
 *
 * Opt-in (`workers` scan option, see `workerCount`). A worker that fails (cannot start, throws)
 * costs time, never results: its chunks go back to the main thread.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DETECTORS } from '../../src/detectors/api.ts';
import { LIGHT_DETECTORS } from '../../src/detectors/light.ts';
import { PREFILTERS } from '../../src/detectors/prefilters.ts';
import type { DetectorSet, PrefilterSet } from '../../src/detectors/run.ts';
import type { Detector } from '../../src/detectors/types.ts';
import type { ScanContext } from '../types.ts';
import { finishFile, FolderMemo, NOT_SCANNED, prefilterFile, type FileOutcome, type Prefiltered } from './detect-file.ts';
import { readerFor, type WorkerJob } from './reader.ts';
import type { ListedFile } from './walk.ts';

/** Worker threads at most. */
export const MAX_WORKERS = 4;
/** Files per chunk: small enough to balance the load, big enough that messages stay cheap. */
const CHUNK = 64;
/**
 * Chunks queued per worker, so it never waits for the main thread, which may be busy parsing for
 * tens of milliseconds: about 50 ms of reading at the measured ~25 µs a file.
 */
const IN_FLIGHT = 32;
/**
 * Replies waiting for the main thread at most before the readers get more work: bounds the texts
 * held in memory when the parsers are slower than the readers.
 */
const MAX_WAITING = 64;

/** What the main thread needs besides the detector set. */
export interface ScanJob {
  readonly scope: string;
  readonly maxFileSize: number;
  /** Root-relative paths of the listing (siblings a detector may read must be among them). */
  readonly listed: readonly string[];
}

export interface ChunkTask {
  readonly id: number;
  readonly files: readonly ListedFile[];
}

/** Sent to each reading thread before its first chunk: the listing its light detectors' sibling reads are held to. */
export interface ListingTask {
  readonly listed: readonly string[];
}

export type ChunkReply = { readonly id: number; readonly items: readonly Prefiltered[] } | { readonly id: number; readonly error: string };

/**
 * Reading threads to start: as many as `requested` (default none), at most MAX_WORKERS. Off by
 * default: on the 2-vCPU benchmark machine a reader made scans only slightly faster, for more CPU
 * (the second isolate compiles and collects on its own, and both cores were already busy); meant
 * for machines with cores to spare.
 */
export function workerCount(requested = 0): number {
  return Math.max(0, Math.min(requested, MAX_WORKERS));
}

/** The specs, pre-checks and light detectors a worker rebuilds the reading half of a detector set from. */
export function workerJob(detectors: DetectorSet, scope: string, maxFileSize: number): WorkerJob {
  const specs = detectors.detectors.map(({ id, patterns, binary, literals, ungated }) => ({
    id,
    patterns,
    ...(binary === undefined ? {} : { binary }),
    ...(literals === undefined ? {} : { literals }),
    ...(ungated === undefined ? {} : { ungated }),
  }));
  // A pre-check stands for a registered detector's own; a custom detector of the same id gets none.
  const positions = (keep: (d: Detector) => boolean): number[] => detectors.detectors.flatMap((d, i) => (DETECTORS.includes(d) && keep(d) ? [i] : []));
  const prechecked = positions((d) => Object.hasOwn(PREFILTERS, d.id));
  const detectIn = positions((d) => LIGHT_DETECTORS.includes(d));
  return { specs, prechecked, detectIn, scope, maxFileSize };
}

/** The worker entry next to this module: `.ts` when running from source, `.js` when built. */
function workerEntry(): URL {
  return new URL(`./prefilter-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}

interface Slot {
  readonly worker: Worker;
  /** Chunk id → [start, end) of the files it holds. */
  readonly inFlight: Map<number, readonly [number, number]>;
  alive: boolean;
  /** What the current scan does with this worker's events (set by `scanInWorkers`). */
  hooks?: SlotHooks;
}

/**
 * Reading threads started ahead of a scan, so they boot (about 0.15 s each) while the main thread
 * lists the tree. `close` terminates them; a pool is used for one scan root.
 */
export interface ReaderPool {
  readonly slots: readonly Slot[];
  close(): Promise<void>;
}

/** No reading threads: `scanInWorkers` then reads and detects everything on the calling thread. */
export const NO_READERS: ReaderPool = { slots: [], close: async () => undefined };

/** Starts `count` reading threads for a job. */
export function startReaders(job: WorkerJob, count: number): ReaderPool {
  const slots = Array.from({ length: count }, () => startSlot(job));
  return { slots, close: async () => void (await Promise.all(slots.map((s) => s.worker.terminate()))) };
}

/**
 * Reads and detects every file: on this thread and the pool's reading threads, or with no readers
 * (`NO_READERS`) on this thread alone, chunk by chunk through the same reading pass.
 */
export async function scanInWorkers(ctx: ScanContext, detectors: DetectorSet, job: ScanJob, files: readonly ListedFile[], pool: ReaderPool): Promise<FileOutcome[]> {
  const out = new Array<FileOutcome | undefined>(files.length);
  // One folder memo for every file detected on this thread: a module's files may fall in different chunks.
  const memo = new FolderMemo(undefined, new Set(job.listed));
  // This thread's own reader (it runs no detector: this thread detects whatever it reads), built
  // only when it reads: with readers alive it never does.
  let reader: PrefilterSet | undefined;
  const finish = (file: ListedFile, item: Prefiltered): FileOutcome => (ctx.signal.aborted && item.kind !== 'done' ? NOT_SCANNED : finishFile(detectors, job.scope, file, item, job.maxFileSize, memo));
  const scan = (file: ListedFile): FileOutcome => {
    if (ctx.signal.aborted) return NOT_SCANNED;
    reader ??= readerFor(workerJob(detectors, job.scope, job.maxFileSize));
    return finish(file, prefilterFile(reader, file, job.maxFileSize));
  };
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
    while (slot.alive && !ctx.signal.aborted && slot.inFlight.size < IN_FLIGHT && replies.length < MAX_WAITING && queue.length > 0) {
      const range = queue.pop() as readonly [number, number];
      const id = nextId++;
      slot.inFlight.set(id, range);
      slot.worker.postMessage({ id, files: files.slice(range[0], range[1]) } satisfies ChunkTask);
    }
  };
  const lose = (slot: Slot): void => {
    queue.push(...slot.inFlight.values());
    slot.inFlight.clear();
    // The readers left take its chunks; this thread does once none is left.
    for (const other of slots) feed(other);
    wake?.();
  };
  // Replies wait here for the loop below: the message handler only refills the worker, so a worker
  // is never left idle while this thread is busy running parsers on earlier replies.
  const replies: Array<{ readonly range: readonly [number, number]; readonly items: readonly Prefiltered[] }> = [];
  const settle = (range: readonly [number, number], items: readonly Prefiltered[]): void => {
    replies.push({ range, items });
  };
  const slots = pool.slots;
  for (const slot of slots) slot.hooks = { settle, feed, lose, wake: () => wake?.() };
  // Messages arrive in order: each reader knows the listing before its first chunk.
  for (const slot of slots) slot.worker.postMessage({ listed: job.listed } satisfies ListingTask);
  slots.forEach(feed);
  const yieldToReplies = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
  try {
    for (;;) {
      if (ctx.signal.aborted) break;
      // This thread detects in what the readers send. It reads files itself only once no reader is
      // left: on 2 cores, reading here too slowed the readers more than it helped (2.32 s against
      // 2.21 s wall and 0.5 s more CPU with one reader, bench tree).
      const reply = replies.shift();
      if (reply !== undefined) {
        const [start] = reply.range;
        byWorkers += reply.items.length;
        if (replies.length === MAX_WAITING - 1) for (const slot of slots) feed(slot);
        place(start, reply.items.map((item, k) => finish(files[start + k] as ListedFile, item)));
        await yieldToReplies();
        continue;
      }
      const range = slots.some((s) => s.alive) ? undefined : queue.pop();
      if (range !== undefined) {
        const [start, end] = range;
        place(start, files.slice(start, end).map(scan));
        await yieldToReplies();
        continue;
      }
      if (queue.length === 0 && slots.every((s) => s.inFlight.size === 0)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const slot of slots) delete slot.hooks;
  }
  if (slots.length > 0) ctx.log.debug('scanned with reading threads', { workers: slots.length, files: files.length, byWorkers });
  return Array.from(out, (o) => o ?? NOT_SCANNED);
}

/** What a worker's events do to the shared scan state. */
interface SlotHooks {
  settle(range: readonly [number, number], items: readonly Prefiltered[]): void;
  feed(slot: Slot): void;
  lose(slot: Slot): void;
  wake(): void;
}

function startSlot(job: WorkerJob): Slot {
  const slot: Slot = { worker: new Worker(workerEntry(), { workerData: job }), inFlight: new Map(), alive: true };
  const lost = (): void => {
    if (!slot.alive) return;
    slot.alive = false;
    slot.hooks?.lose(slot); // its chunks in flight go to the readers left, or this thread
  };
  slot.worker.on('message', (reply: ChunkReply) => {
    const range = slot.inFlight.get(reply.id);
    if (range === undefined || slot.hooks === undefined) return;
    if ('error' in reply) {
      lost();
      return;
    }
    slot.inFlight.delete(reply.id);
    slot.hooks.settle(range, reply.items);
    slot.hooks.feed(slot);
    slot.hooks.wake();
  });
  slot.worker.on('error', lost);
  slot.worker.on('exit', lost);
  return slot;
}
