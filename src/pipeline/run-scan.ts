/**
 * The scan pipeline: connectors → merge → join Spring AI MCP servers → fold inferred MCP servers → systems →
 * (owners, policies) → one Inventory.
 * Everything after discovery is pure; the clock, scan id and progress are injected.
 */
import { hostConnector } from '../../connectors/host/index.ts';
import type { Platform } from '../../connectors/host/paths.ts';
import { localConnector } from '../../connectors/local/index.ts';
import type { ConnectorResult, Logger, ProgressReporter, ScanContext } from '../../connectors/types.ts';
import { ASSET_KINDS, SCHEMA_VERSION, type AssetKind, type Inventory, type ScanStats } from '../model/index.ts';
import { VERSION } from '../version.ts';
import { createLimiter } from './limit.ts';
import { foldInferredServers } from './fold-servers.ts';
import { mergeResults } from './merge.ts';
import { joinSpringMcpServers } from './spring-mcp.ts';
import { deriveSystems, type ConfiguredSystem } from './systems.ts';
import { resolveOwners, type OwnerRule } from '../owners/index.ts';
import { evaluatePolicies } from '../policies/evaluate.ts';
import { carryForward } from '../../graph/history.ts';
import type { PolicyConfig } from '../policies/types.ts';
import type { Asset } from '../model/index.ts';
import { newScanId } from './scan-id.ts';

/** The MCP client configs of one home folder on this machine (`aimap scan --host`). */
export interface HostScanRequest {
  /** Absolute home folder to read. */
  readonly home: string;
  readonly platform: Platform;
  readonly hostname: string;
  /** Windows `%APPDATA%`; default `<home>/AppData/Roaming`. */
  readonly appData?: string;
  /** Root of system-wide config paths (`/etc/codex/config.toml`); default `/`. */
  readonly systemRoot?: string;
}

/** What to scan (already validated by the config layer). */
export interface ScanRequest {
  /** Folders for the local connector; may be empty when `host` is set. */
  readonly paths: readonly string[];
  /** Also (or only) scan the MCP client configs of a home folder. */
  readonly host?: HostScanRequest;
  readonly exclude?: readonly string[];
  readonly include?: readonly string[];
  readonly defaultExcludes?: boolean;
  /** Bytes; files above it are skipped with a diagnostic. Default 5 MB. */
  readonly maxFileSize?: number;
  /** Files read at once; 1 (the default) reads synchronously, fastest on local disks. */
  readonly concurrency?: number;
  /**
   * Reading threads beside the main one (0: all on the main thread). Default: one on a machine with
   * a second core, started once the listing shows a large tree (see connectors/local/parallel.ts).
   */
  readonly workers?: number;
  /** Detector ids to run on folders (all when absent). */
  readonly detectors?: readonly string[];
  /** Systems named in the config file; the rest are derived per project, stack and module. */
  readonly systems?: readonly ConfiguredSystem[];
  /** The config `owners:` map, first link of the owner chain; `ownersSource` is the file to cite. */
  readonly owners?: readonly OwnerRule[];
  readonly ownersSource?: string;
  /** Read git history as the last owner fallback (default true). */
  readonly gitHistory?: boolean;
  /** Approved lists, data classification and policy switches from the config file. */
  readonly policies?: PolicyConfig;
}

/** Injected surroundings: the defaults are the real clock, a random id and no progress output. */
export interface RunOptions {
  readonly now?: () => Date;
  readonly scanId?: string;
  readonly progress?: ProgressReporter;
  readonly signal?: AbortSignal;
  readonly log?: Logger;
  /**
   * The previous scan of the same targets (the store's), given the new scan before it is judged:
   * a scope that had an error keeps its last-known-good assets from it (`carryForward`).
   */
  readonly previousScan?: (current: Inventory) => Inventory | undefined;
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
  const results: ConnectorResult[] = [];
  // Local first, then host: merge order is fixed, so output does not depend on timing.
  if (request.paths.length > 0 || request.host === undefined) {
    const config = localConnector.configSchema.parse({
      paths: [...request.paths],
      exclude: [...(request.exclude ?? [])],
      include: [...(request.include ?? [])],
      defaultExcludes: request.defaultExcludes ?? true,
      maxFileSize: request.maxFileSize ?? 5 * 1024 * 1024,
      concurrency: request.concurrency ?? 1,
      ...(request.workers === undefined ? {} : { workers: request.workers }),
      gitHistory: request.gitHistory ?? true,
      ...(request.detectors === undefined ? {} : { detectors: [...request.detectors] }),
    });
    results.push(await localConnector.scan(ctx, config));
  }
  if (request.host !== undefined) results.push(await hostConnector.scan(ctx, hostConnector.configSchema.parse({ ...request.host })));
  // A Spring AI MCP server is built from its module's starter, properties and @Tool beans; an MCP
  // server guessed for tools registered on an injected server joins the one its project constructs.
  const found = foldInferredServers(joinSpringMcpServers(mergeResults(results)));
  const targets = results.flatMap((r) => r.targets);
  const systems = deriveSystems({ ...found, targets, configured: request.systems ?? [] });
  const withSystems = systems.assets.length === 0 ? found : mergeResults([found, { ...systems, diagnostics: [] }]);
  const owners = resolveOwners(withSystems, results.flatMap((r) => r.ownership ?? []), { owners: request.owners, source: request.ownersSource });
  const merged = owners.assets.length === 0 && owners.diagnostics.length === 0 ? withSystems : mergeResults([withSystems, owners]);
  const counts: Partial<Record<AssetKind, number>> = {};
  const tally = new Map<AssetKind, number>();
  for (const a of merged.assets) tally.set(a.kind, (tally.get(a.kind) ?? 0) + 1);
  // Keys in ASSET_KINDS order, so the JSON does not depend on which kind came first.
  for (const kind of ASSET_KINDS) {
    const n = tally.get(kind);
    if (n !== undefined) counts[kind] = n;
  }
  const draft: Inventory = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'aimap', version: VERSION },
    scan: { id: ctx.scanId, startedAt: started.toISOString(), finishedAt: now().toISOString(), targets, stats: sumStats(results.map((r) => r.stats)), counts },
    assets: merged.assets,
    relationships: merged.relationships,
    findings: [],
    diagnostics: merged.diagnostics,
  };
  // A scope that could not be fully read keeps what the previous scan saw there, before judging.
  const carried = options.previousScan === undefined ? draft : carryForward(options.previousScan(draft), draft);
  // Findings are judged on the finished graph; systems come back with their risk tier.
  const judged = evaluatePolicies(carried, request.policies ?? {}, carried.scan.finishedAt);
  const tiered = new Map<string, Asset>(judged.systems.map((s) => [s.id, s]));
  return { ...carried, assets: carried.assets.map((a) => tiered.get(a.id) ?? a), findings: judged.findings };
}

function sumStats(list: readonly ScanStats[]): ScanStats {
  return list.reduce<ScanStats>(
    (acc, s) => ({ filesSeen: acc.filesSeen + s.filesSeen, filesRead: acc.filesRead + s.filesRead, bytesRead: acc.bytesRead + s.bytesRead, filesSkipped: acc.filesSkipped + s.filesSkipped }),
    { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 },
  );
}
