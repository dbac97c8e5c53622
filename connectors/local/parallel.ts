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
 * By default one reader on a machine with two or more cores, booted once the listing shows a large
 * tree (`workerCount`, `lazyReaders`); the `workers` scan option sets the count. A worker that fails
 * (cannot start, throws) costs time, never results: its chunks go back to the main thread.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
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
export const CHUNK = 64;
/**
 * Chunks queued per worker, so it never waits for the main thread, which may be busy parsing for
 * tens of milliseconds: about 50 ms of reading at the measured ~25 µs a file.
 */
const IN_FLIGHT = 32;
/**
 * Bytes of text waiting in replies for the main thread at most before the readers get more work:
 * bounds the memory held when the parsers are slower than the readers (a tree of AI code), while
 * the many replies that carry no text (most files hold nothing to detect) never hold a reader back.
 */
const MAX_WAITING_BYTES = 64 * 1024 * 1024;
/**
 * Chunks queued per reader at most while this thread lists the tree and cannot take replies: enough
 * to keep a reader busy through the walk of a large tree, few enough that several readers share them.
 */
const EARLY_IN_FLIGHT = 256;

/** What the main thread needs besides the detector set. */
export interface ScanJob {
  readonly scope: string;
  readonly maxFileSize: number;
}

export interface ChunkTask {
  readonly id: number;
  readonly files: readonly ListedFile[];
}

/**
 * Sent to each reading thread before its first chunk: which files its light detectors may read
 * beside a file. The listing itself, or, while the listing is still under way (no `--include`
 * glob), the user's `--exclude` globs: a file in the folder of a listed file is listed unless excluded.
 */
export type ListingTask = { readonly listed: readonly string[] } | { readonly exclude: readonly string[] };

export type ChunkReply = { readonly id: number; readonly items: readonly Prefiltered[] } | { readonly id: number; readonly error: string };

/**
 * Reading threads to start: as many as `requested`, at most MAX_WORKERS; by default one when the
 * machine has a second core (`cores`) to give it. The bench tree on 2 vCPUs: 1.94 s with one
 * reader against 2.17 s without (median of 8 interleaved runs), for 6% more CPU.
 */
export function workerCount(requested: number | undefined, cores = availableParallelism()): number {
  if (requested === undefined) return cores >= 2 ? 1 : 0;
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
  /** What the current scan does with this worker's events (set by `beginScan`). */
  hooks?: SlotHooks;
}

/**
 * Reading threads for one scan root. `startReaders` boots them at once (about 0.1 s each), while
 * the main thread lists the tree; `lazyReaders` boots them only once the listing has shown the tree
 * is large enough to repay that (`startAfter` candidates; `beginScan` calls `start`), so a smaller
 * repository is scanned on the main thread alone. `close` terminates them.
 */
export interface ReaderPool {
  readonly slots: readonly Slot[];
  /** Candidates listed before `beginScan` boots the threads (0: booted already, or none to boot). */
  readonly startAfter: number;
  /** Boots the threads of a lazy pool; nothing for a pool started already. */
  start(): void;
  close(): Promise<void>;
}

/** No reading threads: a scan then reads and detects everything on the calling thread. */
export const NO_READERS: ReaderPool = { slots: [], startAfter: 0, start: () => undefined, close: async () => undefined };

/**
 * Candidates a default pool waits for before it boots its reader: a reader's boot and warm-up cost
 * about 0.2 s of CPU on each side, repaid only by a long reading pass. One booted at 2,000 candidates
 * made 0.5-1.3 s scans of real repositories (2,600-8,400 files) 10-40% slower; the bench tree's
 * 41,868 files scan about 12% faster with it.
 */
export const LAZY_READERS_AFTER = 20_000;

/** Starts `count` reading threads for a job. */
export function startReaders(job: WorkerJob, count: number): ReaderPool {
  const pool = lazyReaders(job, count, 0);
  pool.start();
  return pool;
}

/** `count` reading threads for a job, booted when `start` is first called. */
export function lazyReaders(job: WorkerJob, count: number, startAfter = LAZY_READERS_AFTER): ReaderPool {
  const slots: Slot[] = [];
  let started = false;
  return {
    slots,
    startAfter,
    start: () => {
      if (started) return;
      started = true;
      for (let i = 0; i < count; i++) {
        try {
          slots.push(startSlot(job));
        } catch {
          // A reader that cannot start costs time, never results: this thread reads its share.
        }
      }
    },
    close: async () => void (await Promise.all(slots.map((s) => s.worker.terminate()))),
  };
}

/** A scan that takes its files while the tree is being listed (`beginScan`). */
export interface StreamedScan {
  /** The next file to read and detect (in path order; each counts towards the progress total). */
  add(file: ListedFile): void;
  /** Reads and detects what is left once every file was added; `listed`: the whole listing. */
  finish(listed: readonly string[]): Promise<FileOutcome[]>;
}

/**
 * Starts a scan whose files come while the listing goes on. With `exclude` (the user's
 * `--exclude` globs; only when no `--include` glob is given, so the walk's order is final),
 * reading threads get chunks as soon as they fill and read while this thread still lists: the
 * listing and the reading overlap. Without, chunks wait for `finish`, as the readers must know the
 * listing first. Outcomes are the same either way, in file order.
 */
export function beginScan(ctx: ScanContext, detectors: DetectorSet, job: ScanJob, pool: ReaderPool, exclude?: readonly string[]): StreamedScan {
  const files: ListedFile[] = [];
  const slots = pool.slots;
  // Chunks not handed out yet ([start, end) of `files`), in path order.
  const queue: Array<readonly [number, number]> = [];
  let queued = 0;
  let nextId = 0;
  // What the readers are told of the files their light detectors may read, before any chunk: the
  // exclusions while listing, else the listing once it is complete.
  let rule: ListingTask | undefined = exclude === undefined ? undefined : { exclude };
  let listing = true;
  // Replies wait here for the loop in `finish`: the message handler only refills the worker, so a
  // worker is never left idle while this thread is busy running parsers on earlier replies.
  const replies: Array<{ readonly range: readonly [number, number]; readonly items: readonly Prefiltered[]; readonly bytes: number }> = [];
  let waiting = 0;
  let wake: (() => void) | undefined;
  const send = (slot: Slot): void => {
    const range = queue.shift() as readonly [number, number];
    const id = nextId++;
    slot.inFlight.set(id, range);
    slot.worker.postMessage({ id, files: files.slice(range[0], range[1]) } satisfies ChunkTask);
  };
  const feed = (slot: Slot): void => {
    // While listing, this thread cannot take replies (the walk is synchronous): a reader gets more
    // chunks ahead, up to a bound that keeps several readers balanced.
    const ahead = listing ? EARLY_IN_FLIGHT : IN_FLIGHT;
    while (rule !== undefined && slot.alive && !ctx.signal.aborted && slot.inFlight.size < ahead && waiting < MAX_WAITING_BYTES && queue.length > 0) send(slot);
  };
  const lose = (slot: Slot): void => {
    queue.unshift(...slot.inFlight.values());
    slot.inFlight.clear();
    // The readers left take its chunks; this thread does once none is left.
    for (const other of slots) feed(other);
    wake?.();
  };
  const settle = (range: readonly [number, number], items: readonly Prefiltered[]): void => {
    const bytes = items.reduce((n, item) => n + (item.kind === 'detect' ? item.text.bytes : 0), 0);
    waiting += bytes;
    replies.push({ range, items, bytes });
  };
  const hooks: SlotHooks = { settle, feed, lose, wake: () => wake?.() };
  const join = (): void => {
    for (const slot of slots) {
      if (slot.hooks === hooks) continue;
      slot.hooks = hooks;
      if (rule !== undefined) slot.worker.postMessage(rule);
    }
  };
  join();
  const boot = (): void => {
    pool.start();
    join();
  };
  const cut = (end: number): void => {
    if (end === queued) return;
    ctx.progress.addTotal(end - queued);
    queue.push([queued, end]);
    queued = end;
    // The reader with the least in flight takes it.
    let best: Slot | undefined;
    for (const slot of slots) if (slot.alive && (best === undefined || slot.inFlight.size < best.inFlight.size)) best = slot;
    if (best !== undefined) feed(best);
  };
  return {
    add(file) {
      files.push(file);
      if (files.length === pool.startAfter) boot();
      if (files.length - queued >= CHUNK) cut(files.length);
    },
    async finish(listed) {
      if (files.length >= pool.startAfter) boot();
      cut(files.length);
      listing = false;
      if (rule === undefined) {
        rule = { listed };
        for (const slot of slots) slot.worker.postMessage(rule);
      }
      try {
        return await drain(listed);
      } finally {
        for (const slot of slots) delete slot.hooks;
      }
    },
  };

  async function drain(listed: readonly string[]): Promise<FileOutcome[]> {
    const out = new Array<FileOutcome | undefined>(files.length);
    // One folder memo for every file detected on this thread: a module's files may fall in different chunks.
    const memo = new FolderMemo(undefined, new Set(listed));
    // This thread's own reader (it runs no detector: this thread detects whatever it reads), built
    // only when it reads: with readers alive it never does.
    let reader: PrefilterSet | undefined;
    const finish = (file: ListedFile, item: Prefiltered): FileOutcome => (ctx.signal.aborted && item.kind !== 'done' ? NOT_SCANNED : finishFile(detectors, job.scope, file, item, job.maxFileSize, memo));
    const scan = (file: ListedFile): FileOutcome => {
      if (ctx.signal.aborted) return NOT_SCANNED;
      reader ??= readerFor(workerJob(detectors, job.scope, job.maxFileSize));
      return finish(file, prefilterFile(reader, file, job.maxFileSize));
    };
    let byWorkers = 0;
    const place = (start: number, outcomes: readonly FileOutcome[]): void => {
      outcomes.forEach((o, k) => (out[start + k] = o));
      ctx.progress.advance(outcomes.length, outcomes.reduce((n, o) => n + o.bytes, 0));
    };
    slots.forEach(feed);
    const yieldToReplies = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      if (ctx.signal.aborted) break;
      // This thread detects in what the readers send first, and reads when it has nothing to detect.
      const reply = replies.shift();
      if (reply !== undefined) {
        const [start] = reply.range;
        byWorkers += reply.items.length;
        const held = waiting >= MAX_WAITING_BYTES;
        waiting -= reply.bytes;
        if (held) for (const slot of slots) feed(slot);
        place(start, reply.items.map((item, k) => finish(files[start + k] as ListedFile, item)));
        await yieldToReplies();
        continue;
      }
      // Nothing to detect: this thread reads too, from the other end of the queue (the readers take
      // chunks from the front), so both cores stay busy until the last chunk.
      const range = slots.some((s) => s.alive) ? queue.pop() : queue.shift();
      if (range !== undefined) {
        const [start, end] = range;
        place(start, files.slice(start, end).map(scan));
        await yieldToReplies();
        continue;
      }
      if (queue.length === 0 && slots.every((s) => s.inFlight.size === 0)) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (slots.length > 0) ctx.log.debug('scanned with reading threads', { workers: slots.length, files: files.length, byWorkers });
    return Array.from(out, (o) => o ?? NOT_SCANNED);
  }
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
