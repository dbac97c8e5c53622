/**
 * `aimap scan PATH...`: runs the pipeline, records the scan in the store, prints the report.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { relative, resolve } from 'node:path';
import { PLATFORMS, type Platform } from '../../connectors/host/paths.ts';
import { ConfigError, loadConfigFile, parseSize } from '../config/index.ts';
import { selectDetectors } from '../detectors/select.ts';
import { openStore, type StoreChoice } from './store.ts';
import { renderJson } from '../output/json.ts';
import { toCycloneDx } from '../../sbom/cyclonedx/index.ts';
import type { Inventory } from '../model/index.ts';
import { createProgressBar } from '../output/progress.ts';
import { renderTable } from '../output/table.ts';
import { runScan, type HostScanRequest } from '../pipeline/run-scan.ts';
import { writeFileAtomic, type CommandIo } from './io.ts';
import { finishScanFindings, prepareScanFindings } from './findings.ts';
import { neo4jOptionsFromFlags, pushFromFlags, type Neo4jFlags } from './graph.ts';
import { previousScan } from '../findings/previous.ts';
import { policyConfigOf, unknownPolicyIds } from '../policies/evaluate.ts';
import { TEST_PATH_GLOBS } from '../model/test-paths.ts';

export interface ScanFlags extends Neo4jFlags {
  readonly format: string;
  readonly output?: string;
  readonly quiet: boolean;
  readonly store: StoreChoice;
  readonly config?: string;
  readonly exclude?: string[];
  readonly include?: string[];
  readonly defaultExcludes: boolean;
  /** `--skip-tests`: do not read test files, test data and fixtures. */
  readonly skipTests?: boolean;
  readonly maxFileSize?: string;
  readonly concurrency?: string;
  readonly workers?: string;
  readonly strict: boolean;
  /** Comma-separated detector ids to run / to skip. */
  readonly detectors?: string;
  readonly skipDetectors?: string;
  /** Also scan this machine's MCP client configs (`--host`). */
  readonly host?: boolean;
  /** Home folder to read instead of the current user's (implies --host). */
  readonly hostHome?: string;
  readonly hostPlatform?: string;
  /** Exit 1 when a new or open finding is at or above this severity. */
  readonly failOn?: string;
  /** Suppressions file (default aimap.suppressions.yaml in the cwd when present). */
  readonly suppressions?: string;
  /** false with --no-git-history: no git log for owner fallback. */
  readonly gitHistory?: boolean;
}

/** The host request from the flags, or undefined without --host / --host-home. */
function hostRequest(flags: ScanFlags, cwd: string): HostScanRequest | undefined {
  if (flags.host !== true && flags.hostHome === undefined) return undefined;
  const home = flags.hostHome === undefined ? homedir() : resolve(cwd, flags.hostHome);
  if (!existsSync(home) || !statSync(home).isDirectory()) throw new ConfigError(`--host-home ${flags.hostHome ?? home}: no such folder`);
  const platform = flags.hostPlatform ?? process.platform;
  // Other Unixes keep their configs where Linux does.
  const known: Platform = (PLATFORMS as readonly string[]).includes(platform) ? (platform as Platform) : 'linux';
  return { home, platform: known, hostname: hostname() };
}

const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);

/** Detector ids from --detectors/--skip-detectors (flags win over the config file); undefined = all. */
function chooseDetectors(flags: ScanFlags, only?: string[], skip?: string[]): string[] | undefined {
  const pickOnly = list(flags.detectors) ?? only;
  const pickSkip = list(flags.skipDetectors) ?? skip ?? [];
  if (pickOnly === undefined && pickSkip.length === 0) return undefined;
  try {
    return selectDetectors(pickOnly, pickSkip).map((d) => d.id);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** Shown targets: what the user typed (paths as given, `~` or the --host-home value), not absolute paths. */
function shownTarget(connector: string, index: number, typed: readonly string[], flags: ScanFlags): string | undefined {
  if (connector === 'host') return flags.hostHome ?? '~';
  return typed[index];
}

export const SCAN_FORMATS = ['table', 'json', 'sarif', 'cyclonedx'] as const;

/** The report in the chosen format; `cyclonedx` is the AI-BOM of the default selection (see `aimap bom`). */
function renderScan(inventory: Inventory, format: string, sarif: () => string, color: boolean): string {
  if (format === 'json') return renderJson(inventory);
  if (format === 'sarif') return sarif();
  if (format === 'cyclonedx') return toCycloneDx(inventory, { spec: '1.6', format: 'json' });
  return renderTable(inventory, { color });
}

/** Runs the scan command; returns the process exit code. */
export async function scanCommand(paths: string[], flags: ScanFlags, io: CommandIo): Promise<number> {
  if (!(SCAN_FORMATS as readonly string[]).includes(flags.format)) {
    throw new ConfigError(`unknown --format ${flags.format}; use one of: ${SCAN_FORMATS.join(', ')}`);
  }
  const host = hostRequest(flags, io.cwd);
  const targets = paths.length > 0 || host !== undefined ? paths : ['.'];
  for (const p of targets) {
    const info = statSync(resolve(io.cwd, p), { throwIfNoEntry: false });
    if (info === undefined) throw new ConfigError(`no such folder: ${p}`);
    if (!info.isDirectory()) throw new ConfigError(`not a folder: ${p} (aimap scans folders)`);
  }
  const { config, path: configPath } = loadConfigFile(io.cwd, flags.config);
  const findingsSetup = prepareScanFindings(flags, io.cwd);
  // A bad Neo4j URI or a missing password fails before the scan, not after it.
  if (flags.neo4j !== undefined) neo4jOptionsFromFlags(flags);
  const policies = policyConfigOf(config);
  const unknown = unknownPolicyIds(policies);
  if (unknown.length > 0) throw new ConfigError(`unknown policy id in the config (policies:): ${unknown.join(', ')}`);
  const maxFileSize = flags.maxFileSize === undefined ? config.scan?.maxFileSize : parseSize(flags.maxFileSize);
  if (maxFileSize === undefined && flags.maxFileSize !== undefined) throw new ConfigError(`not a size: --max-file-size ${flags.maxFileSize} (use e.g. 5MB)`);
  const detectors = chooseDetectors(flags, config.scan?.detectors, config.scan?.skipDetectors);
  const concurrency = flags.concurrency === undefined ? config.scan?.concurrency : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) throw new ConfigError(`--concurrency must be a positive integer`);
  const workers = flags.workers === undefined ? config.scan?.workers : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 16)) throw new ConfigError(`--workers must be an integer from 0 to 16`);

  const store = openStore(flags.store, config.store, io.cwd);
  const progress = createProgressBar(io.stderr, io.stderr.isTTY === true && !flags.quiet);
  try {
    const inventory = await runScan(
      {
        paths: targets.map((p) => resolve(io.cwd, p)),
        exclude: [...(config.scan?.exclude ?? []), ...(flags.exclude ?? []), ...(flags.skipTests === true || config.scan?.skipTests === true ? TEST_PATH_GLOBS : [])],
        include: [...(config.scan?.include ?? []), ...(flags.include ?? [])],
        defaultExcludes: flags.defaultExcludes && (config.scan?.defaultExcludes ?? true),
        ...(maxFileSize === undefined ? {} : { maxFileSize }),
        ...(concurrency === undefined ? {} : { concurrency }),
        ...(workers === undefined ? {} : { workers }),
        ...(detectors === undefined ? {} : { detectors }),
        ...(host === undefined ? {} : { host }),
        ...(config.systems === undefined ? {} : { systems: config.systems }),
        ...(config.owners === undefined ? {} : { owners: config.owners, ownersSource: relative(io.cwd, configPath ?? '') || 'aimap.config.yaml' }),
        gitHistory: flags.gitHistory !== false,
        policies,
      },
      { progress, ...(store === undefined ? {} : { previousScan: (current: Inventory) => previousScan(store, current) }) },
    );
    progress.done();
    // Keep what the user typed as the target, not the absolute path: reports stay portable.
    const typed = { ...inventory, scan: { ...inventory.scan, targets: inventory.scan.targets.map((t, i) => ({ ...t, target: shownTarget(t.connector, i, targets, flags) ?? t.target })) } };
    // Findings get their lifecycle against the previous scan of the same targets before the write.
    const outcome = finishScanFindings(typed, store === undefined ? undefined : previousScan(store, typed), findingsSetup, typed.scan.finishedAt);
    const shown = outcome.inventory;
    await store?.write(shown);
    if (flags.neo4j !== undefined) await pushFromFlags(shown, flags, io, { quiet: flags.quiet });
    const toFile = flags.output !== undefined;
    const text = renderScan(shown, flags.format, outcome.renderSarif, !toFile && io.stdout.isTTY === true && !io.noColor);
    if (toFile) writeFileAtomic(resolve(io.cwd, flags.output as string), text);
    else io.stdout.write(text);
    if (!flags.quiet && (toFile || flags.format === 'json')) {
      const total = shown.assets.filter((a) => a.kind !== 'repository' && a.kind !== 'system').length;
      const systems = shown.assets.length - total - shown.assets.filter((a) => a.kind === 'repository').length;
      const inSystems = systems === 0 ? '' : ` in ${systems} system${systems === 1 ? '' : 's'}`;
      io.stderr.write(`aimap: scan ${shown.scan.id}: ${total} AI assets${inSystems}, ${shown.diagnostics.length} diagnostics${toFile ? ` → ${flags.output}` : ''}\n`);
    }
    if (!flags.quiet) for (const message of outcome.messages) io.stderr.write(`aimap: ${message}\n`);
    const incomplete = shown.diagnostics.some((d) => d.level === 'error');
    // An incomplete scan (3) outranks the findings gate (1): its findings cannot be trusted as complete.
    return flags.strict && incomplete ? 3 : outcome.exitCode;
  } finally {
    progress.done();
    store?.close();
  }
}
