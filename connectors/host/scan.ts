/**
 * The host connector's run: list the config paths for the platform, read the ones that exist
 * (in shown-path order, so results are deterministic), hand them to the detector.
 */
import { join } from 'node:path';
import type { DetectionResult, Diagnostic } from '../../src/model/index.ts';
import type { ConnectorResult, ScanContext } from '../types.ts';
import { expandRow, readConfigFile, type HostFile, type HostRoots } from './fetch.ts';
import { hostScope, normalizeHostFiles } from './normalize.ts';
import { pathsFor, type Base, type Platform } from './paths.ts';

export interface HostScanOptions {
  readonly home: string;
  readonly platform: Platform;
  readonly hostname: string;
  /** Windows `%APPDATA%`; default `<home>/AppData/Roaming`. */
  readonly appData?: string | undefined;
  /** Root of system-wide paths (`/etc/codex/config.toml`); default `/`. */
  readonly systemRoot?: string | undefined;
  readonly maxFileSize: number;
}

/** Reads every client config under the home folder and returns the servers they configure. */
export async function scanHost(ctx: ScanContext, options: HostScanOptions): Promise<ConnectorResult> {
  const roots: HostRoots = {
    platform: options.platform,
    home: options.home,
    appData: options.appData ?? join(options.home, 'AppData', 'Roaming'),
    systemRoot: options.systemRoot ?? '/',
  };
  const candidates: Array<{ abs: string; shown: string; base: Base }> = [];
  for (const row of pathsFor(options.platform)) {
    for (const c of await expandRow(row, roots)) candidates.push({ ...c, base: row.base });
  }
  candidates.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  ctx.progress.addTotal(candidates.length);
  const files: HostFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let seen = 0;
  for (const c of candidates) {
    if (ctx.signal.aborted) break;
    const read = await readConfigFile(c.abs, c.shown, c.base, roots, options.maxFileSize);
    if (read.kind !== 'missing') seen++;
    if (read.kind === 'file') files.push(read.file);
    else if (read.kind === 'problem') diagnostics.push(read.diagnostic);
    ctx.progress.advance(1, read.kind === 'file' ? read.file.bytes : 0);
  }
  const scope = hostScope(options.hostname, options.home);
  const results: DetectionResult[] = [{ assets: [], relationships: [], diagnostics }, ...normalizeHostFiles(scope, files)];
  return {
    targets: [{ connector: 'host', target: options.home, scope }],
    stats: { filesSeen: seen, filesRead: files.length, bytesRead: files.reduce((n, f) => n + f.bytes, 0), filesSkipped: seen - files.length },
    assets: results.flatMap((r) => r.assets),
    relationships: results.flatMap((r) => r.relationships),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}
