/**
 * The local connector's run: list each root, read the files some detector wants (size cap, binary
 * sniffing), run the detectors on each file as soon as it is read, and hand back results in path
 * order so the merge is deterministic whatever order reads complete in.
 *
 * Reads are bounded by `concurrency`: N workers each pull the next file index (no queue, no
 * promise per file up front). With concurrency 1 the reads are synchronous, the fastest path on a
 * local disk; higher values help where each read waits on the network (NFS, SMB, FUSE).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DetectorSet } from '../../src/detectors/run.ts';
import type { DetectionResult, Diagnostic, ScanStats, ScanTarget } from '../../src/model/index.ts';
import type { ConnectorResult, ScanContext } from '../types.ts';
import type { OwnershipFacts } from '../../src/owners/types.ts';
import { normalizeRoot } from './normalize.ts';
import { createOwnershipGatherer } from './ownership.ts';
import { projectFiles } from './projects.ts';
import { detectFile, FolderMemo, NOT_SCANNED, type FileOutcome } from './detect-file.ts';
import { beginScan, lazyReaders, NO_READERS, startReaders, workerCount, workerJob } from './parallel.ts';
import { readCandidate } from './read.ts';
import { resolveScope } from './scope.ts';
import { listFiles, type ListedFile, type WalkOptions } from './walk.ts';

export interface LocalScanOptions extends Omit<WalkOptions, 'root'> {
  readonly paths: readonly string[];
  readonly maxFileSize: number;
  /** Files read at once; 1 = synchronous reads. */
  readonly concurrency: number;
  /**
   * Reading threads beside the main thread (synchronous reads only): they read files, run the
   * pre-checks and the parser-free detectors; the main thread runs the rest (`parallel.ts`).
   * Default: one on a machine with two or more cores, started once the tree shows it is large
   * (`LAZY_READERS_AFTER` candidates; a smaller repository is scanned on one thread); 0: one thread.
   */
  readonly workers?: number;
  readonly detectors: DetectorSet;
  /** Read git history for owner resolution (default true); CODEOWNERS is read either way. */
  readonly gitHistory?: boolean;
}

interface RootOutcome {
  readonly target: ScanTarget;
  readonly result: DetectionResult;
  readonly stats: ScanStats;
}

/** Scans every root in turn; a root that cannot be scanned is an error diagnostic. */
export async function scanLocal(ctx: ScanContext, options: LocalScanOptions): Promise<ConnectorResult> {
  const outcomes: RootOutcome[] = [];
  const ownership = createOwnershipGatherer({ now: ctx.now(), signal: ctx.signal, gitHistory: options.gitHistory ?? true });
  const facts: OwnershipFacts[] = [];
  for (const path of options.paths) {
    const outcome = await scanRoot(ctx, options, path);
    outcomes.push(outcome);
    // Ownership facts (CODEOWNERS, git history) only where something was found to own.
    if (outcome.result.assets.length > 0) facts.push(await ownership.gather(resolve(path), outcome.target.scope));
  }
  const stats = outcomes.reduce<ScanStats>(
    (acc, o) => ({
      filesSeen: acc.filesSeen + o.stats.filesSeen,
      filesRead: acc.filesRead + o.stats.filesRead,
      bytesRead: acc.bytesRead + o.stats.bytesRead,
      filesSkipped: acc.filesSkipped + o.stats.filesSkipped,
    }),
    { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 },
  );
  return {
    targets: outcomes.map((o) => o.target),
    stats,
    assets: outcomes.flatMap((o) => o.result.assets),
    relationships: outcomes.flatMap((o) => o.result.relationships),
    diagnostics: [...outcomes.flatMap((o) => o.result.diagnostics), ...ownership.diagnostics()],
    ownership: facts,
  };
}

async function scanRoot(ctx: ScanContext, options: LocalScanOptions, path: string): Promise<RootOutcome> {
  const root = resolve(path);
  const scope = await resolveScope(root);
  const target: ScanTarget = { connector: 'local', target: path, scope: scope.scope };
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    const message = info ? 'not a directory; aimap scans folders' : 'path does not exist';
    const diagnostic: Diagnostic = { connector: 'local', level: 'error', code: 'not-found', message, location: { path } };
    return { target, result: { assets: [], relationships: [], diagnostics: [diagnostic] }, stats: emptyStats() };
  }
  // Reading threads boot while this thread lists the tree: at once when asked for, else (the
  // default) once the listing shows a tree large enough to repay their start.
  const readers = options.concurrency <= 1 ? workerCount(options.workers) : 0;
  const pool = readers > 0 ? (options.workers === undefined ? lazyReaders : startReaders)(workerJob(options.detectors, scope.scope, options.maxFileSize), readers) : undefined;
  let listing: Awaited<ReturnType<typeof listFiles>>;
  let perFile: FileOutcome[];
  try {
    if (options.concurrency <= 1) {
      // Files are handed to the reading pass while the tree is still being listed (`beginScan`).
      const scan = beginScan(ctx, options.detectors, { scope: scope.scope, maxFileSize: options.maxFileSize }, pool ?? NO_READERS, options.include.length === 0 ? options.exclude : undefined);
      listing = await listFiles({ ...options, root }, (f) => {
        if (options.detectors.wants(f.path)) scan.add(f);
      });
      perFile = await scan.finish(listing.files.map((f) => f.path));
    } else {
      listing = await listFiles({ ...options, root });
      const candidates = listing.files.filter((f) => options.detectors.wants(f.path));
      ctx.progress.addTotal(candidates.length);
      perFile = await scanConcurrently(ctx, options, scope.scope, candidates, listing.files.map((f) => f.path));
    }
  } finally {
    await pool?.close();
  }
  const results = perFile.flatMap((r) => r.results);
  const normalized = normalizeRoot(scope, results, projectFiles(listing.files.map((f) => f.path)));
  return {
    target,
    result: { ...normalized, diagnostics: [...listing.diagnostics, ...normalized.diagnostics] },
    stats: {
      filesSeen: listing.files.length,
      filesRead: perFile.filter((r) => r.read).length,
      bytesRead: perFile.reduce((n, r) => n + r.bytes, 0),
      filesSkipped: perFile.filter((r) => !r.read).length,
    },
  };
}

/** Reads and detects every candidate with `concurrency` reads at once; results land at their file's index. */
async function scanConcurrently(ctx: ScanContext, options: LocalScanOptions, scope: string, files: readonly ListedFile[], listed: readonly string[]): Promise<FileOutcome[]> {
  const out = new Array<FileOutcome>(files.length);
  const { detectors, maxFileSize } = options;
  const done = (i: number, outcome: FileOutcome): void => {
    out[i] = outcome;
    if (outcome !== NOT_SCANNED) ctx.progress.advance(1, outcome.bytes);
  };
  let next = 0;
  const memo = new FolderMemo(undefined, new Set(listed));
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as ListedFile;
      const text = ctx.signal.aborted || !detectors.wantsText(file.path) ? undefined : await readCandidate(file, maxFileSize);
      done(i, ctx.signal.aborted ? NOT_SCANNED : detectFile(detectors, scope, file, text, maxFileSize, memo));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, files.length) }, worker));
  return out;
}

function emptyStats(): ScanStats {
  return { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 };
}
