/**
 * The local connector's run: list each root, read the files some detector wants (bounded
 * concurrency, size cap, binary sniffing), run the detectors, and hand back results in path order
 * so the merge is deterministic whatever order reads complete in.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DetectorSet } from '../../src/detectors/run.ts';
import type { DetectionResult, Diagnostic, ScanStats, ScanTarget } from '../../src/model/index.ts';
import type { ConnectorResult, ScanContext } from '../types.ts';
import { normalizeRoot } from './normalize.ts';
import { readCandidate } from './read.ts';
import { resolveScope } from './scope.ts';
import { listFiles, type ListedFile, type WalkOptions } from './walk.ts';

export interface LocalScanOptions extends Omit<WalkOptions, 'root'> {
  readonly paths: readonly string[];
  readonly maxFileSize: number;
  readonly detectors: DetectorSet;
}

interface RootOutcome {
  readonly target: ScanTarget;
  readonly result: DetectionResult;
  readonly stats: ScanStats;
}

/** Scans every root in turn; a root that cannot be scanned is an error diagnostic. */
export async function scanLocal(ctx: ScanContext, options: LocalScanOptions): Promise<ConnectorResult> {
  const outcomes: RootOutcome[] = [];
  for (const path of options.paths) outcomes.push(await scanRoot(ctx, options, path));
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
    diagnostics: outcomes.flatMap((o) => o.result.diagnostics),
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
  const listing = await listFiles({ ...options, root });
  const candidates = listing.files.filter((f) => options.detectors.wants(f.path));
  ctx.progress.addTotal(candidates.length);
  const perFile = await Promise.all(candidates.map((file) => ctx.limit(() => scanFile(ctx, options, scope.scope, file))));
  const results = perFile.flatMap((r) => r.results);
  const normalized = normalizeRoot(scope, results);
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

interface FileOutcome {
  readonly read: boolean;
  readonly bytes: number;
  readonly results: readonly DetectionResult[];
}

async function scanFile(ctx: ScanContext, options: LocalScanOptions, scope: string, file: ListedFile): Promise<FileOutcome> {
  if (ctx.signal.aborted) return { read: false, bytes: 0, results: [] };
  const outcome = await readCandidate(file, options.maxFileSize);
  ctx.progress.advance(1, outcome.bytes);
  const notes: DetectionResult = { assets: [], relationships: [], diagnostics: outcome.diagnostics };
  if (outcome.kind === 'skipped') return { read: false, bytes: outcome.bytes, results: [notes] };
  const found = options.detectors.run({ scope, path: file.path, content: outcome.content });
  return { read: true, bytes: outcome.bytes, results: [notes, ...found] };
}

function emptyStats(): ScanStats {
  return { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 };
}
