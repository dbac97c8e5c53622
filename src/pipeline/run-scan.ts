/**
 * The scan pipeline: connectors → merge → (owners, policies: later issues) → one Inventory.
 * Everything after discovery is pure; the clock, scan id and progress are injected.
 */
import { localConnector } from '../../connectors/local/index.ts';
import type { Logger, ProgressReporter, ScanContext } from '../../connectors/types.ts';
import { ASSET_KINDS, SCHEMA_VERSION, type AssetKind, type Inventory } from '../model/index.ts';
import { VERSION } from '../version.ts';
import { createLimiter } from './limit.ts';
import { mergeResults } from './merge.ts';
import { newScanId } from './scan-id.ts';

/** What to scan (already validated by the config layer). */
export interface ScanRequest {
  readonly paths: readonly string[];
  readonly exclude?: readonly string[];
  readonly include?: readonly string[];
  readonly defaultExcludes?: boolean;
  /** Bytes; files above it are skipped with a diagnostic. Default 5 MB. */
  readonly maxFileSize?: number;
  /** Files read at once; 1 (the default) reads synchronously, fastest on local disks. */
  readonly concurrency?: number;
}

/** Injected surroundings: the defaults are the real clock, a random id and no progress output. */
export interface RunOptions {
  readonly now?: () => Date;
  readonly scanId?: string;
  readonly progress?: ProgressReporter;
  readonly signal?: AbortSignal;
  readonly log?: Logger;
}

const silentProgress: ProgressReporter = { addTotal: () => undefined, advance: () => undefined };
const silentLog: Logger = { debug: () => undefined, warn: () => undefined };

/** Runs a scan and returns its inventory. Never throws for bad input files: those are diagnostics. */
export async function runScan(request: ScanRequest, options: RunOptions = {}): Promise<Inventory> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const ctx: ScanContext = {
    scanId: options.scanId ?? newScanId(started),
    now,
    log: options.log ?? silentLog,
    signal: options.signal ?? new AbortController().signal,
    limit: createLimiter(request.concurrency ?? 1),
    progress: options.progress ?? silentProgress,
  };
  const config = localConnector.configSchema.parse({
    paths: [...request.paths],
    exclude: [...(request.exclude ?? [])],
    include: [...(request.include ?? [])],
    defaultExcludes: request.defaultExcludes ?? true,
    maxFileSize: request.maxFileSize ?? 5 * 1024 * 1024,
    concurrency: request.concurrency ?? 1,
  });
  const local = await localConnector.scan(ctx, config);
  const merged = mergeResults([local]);
  const counts: Partial<Record<AssetKind, number>> = {};
  for (const kind of ASSET_KINDS) {
    const n = merged.assets.filter((a) => a.kind === kind).length;
    if (n > 0) counts[kind] = n;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'aimap', version: VERSION },
    scan: { id: ctx.scanId, startedAt: started.toISOString(), finishedAt: now().toISOString(), targets: local.targets, stats: local.stats, counts },
    assets: merged.assets,
    relationships: merged.relationships,
    findings: [],
    diagnostics: merged.diagnostics,
  };
}
