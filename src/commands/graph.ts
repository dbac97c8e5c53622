/**
 * `aimap graph push` (a stored scan into Neo4j) and `aimap graph export` (a stored scan as JSON,
 * GraphML or a Cypher script). Both read the inventory the store kept; neither re-scans. The
 * Neo4j password comes from the environment variable `--password-env` names, never from argv.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../graph/export/index.ts';
import { Neo4jPushError, shownUri } from '../../graph/neo4j/errors.ts';
import type { Neo4jPushOptions, PushReport } from '../../graph/neo4j/push.ts';
import type { Inventory } from '../model/index.ts';
import { ConfigError, loadConfigFile } from '../config/index.ts';
import { readSecretFromEnv } from '../config/secret-env.ts';
import { writeFileAtomic, type CommandIo } from './io.ts';
import { openStore } from './store.ts';

/** The Neo4j flags, as commander hands them over (shared by `graph push` and `scan --neo4j`). */
export interface Neo4jFlags {
  readonly neo4j?: string;
  readonly user?: string;
  readonly passwordEnv?: string;
  readonly database?: string;
  readonly batchSize?: string;
  /** `--no-cleanup` sets false. */
  readonly cleanup?: boolean;
  /** Hidden `--password`: present only to refuse it with a useful message. */
  readonly password?: string;
}

export const DEFAULT_PASSWORD_ENV = 'NEO4J_PASSWORD';

/** Adds the Neo4j flags to a command (`graph push`, and `scan` so a scan can push when it ends). */
export function addNeo4jOptions(cmd: Command): Command {
  return cmd
    .option('--neo4j <uri>', 'Neo4j to push the graph to, e.g. bolt://localhost:7687')
    .option('--user <name>', 'Neo4j user (default neo4j)')
    .option('--password-env <var>', `environment variable holding the Neo4j password (default ${DEFAULT_PASSWORD_ENV})`)
    .option('--database <name>', 'Neo4j database (default neo4j)')
    .option('--batch-size <n>', 'rows per Neo4j transaction (default 10000)')
    .option('--no-cleanup', 'keep nodes and relationships the scan no longer saw')
    .addOption(new Option('--password <value>').hideHelp());
}

/** Validates the flags and builds push options; the password is read from the environment here. */
export function neo4jOptionsFromFlags(flags: Neo4jFlags, env?: NodeJS.ProcessEnv): Neo4jPushOptions {
  if (flags.password !== undefined) {
    throw new ConfigError(`never pass a password on the command line; put it in an environment variable and name it with --password-env (default ${DEFAULT_PASSWORD_ENV})`);
  }
  if (flags.neo4j === undefined || flags.neo4j.trim() === '') throw new ConfigError('--neo4j needs a URI, e.g. --neo4j bolt://localhost:7687');
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(flags.neo4j)) {
    throw new ConfigError(`not a Neo4j URI: ${shownUri(flags.neo4j)} (use bolt://HOST:7687 or neo4j://HOST:7687; +s or +ssc for TLS)`);
  }
  const batchSize = flags.batchSize === undefined ? undefined : Number(flags.batchSize);
  if (batchSize !== undefined && !(Number.isSafeInteger(batchSize) && batchSize >= 1)) throw new ConfigError('--batch-size must be a positive integer');
  const password = readSecretFromEnv(flags.passwordEnv ?? DEFAULT_PASSWORD_ENV, env);
  return {
    uri: flags.neo4j,
    user: flags.user ?? 'neo4j',
    password,
    ...(flags.database === undefined ? {} : { database: flags.database }),
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(flags.cleanup === false ? { cleanup: false } : {}),
  };
}

/** Optional surroundings for {@link pushFromFlags}: tests pass a recording driver and an environment. */
export interface PushDeps {
  readonly env?: NodeJS.ProcessEnv;
  readonly driver?: Driver;
  readonly quiet?: boolean;
}

/** A one-line `batches done/total` counter on stderr, only on a TTY. */
function progressLine(io: CommandIo, enabled: boolean): { update: (done: number, total: number) => void; clear: () => void } {
  let drawn = false;
  return {
    update(done, total) {
      if (!enabled) return;
      io.stderr.write(`\rneo4j: batch ${done}/${total}\u001b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

/**
 * Pushes an inventory with the Neo4j flags and reports on stderr (unless quiet). Throws
 * `ConfigError` for bad flags or a missing password variable and `Neo4jPushError` when the server
 * refuses or cannot be reached. `scan --neo4j` calls this after recording the scan.
 */
export async function pushFromFlags(inventory: Inventory, flags: Neo4jFlags, io: CommandIo, deps: PushDeps = {}): Promise<PushReport> {
  const options = neo4jOptionsFromFlags(flags, deps.env);
  const progress = progressLine(io, io.stderr.isTTY === true && deps.quiet !== true);
  try {
    // neo4j-driver is loaded only when a push happens: every other command starts faster without it.
    const { pushInventory } = await import('../../graph/neo4j/push.ts');
    const report = await pushInventory(inventory, { ...options, onProgress: progress.update }, deps.driver);
    progress.clear();
    if (deps.quiet !== true) {
      const secs = (report.durationMs / 1000).toFixed(1);
      io.stderr.write(`aimap: pushed scan ${inventory.scan.id} to ${shownUri(options.uri)}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.batches} batches, ${report.deleted} stale removed (${secs}s)\n`);
      if (report.keptScopes.length > 0) io.stderr.write(`aimap: ${report.keptScopes.length} scope(s) kept as they were (the scan had errors there): ${report.keptScopes.join(', ')}\n`);
      if (report.skippedRelationships > 0) io.stderr.write(`aimap: ${report.skippedRelationships} relationship(s) skipped: an end is not in the inventory\n`);
    }
    return report;
  } finally {
    progress.clear();
  }
}

/** Flags both subcommands share for finding the stored scan. */
interface StoreFlags {
  readonly scan?: string;
  readonly store?: string;
  readonly config?: string;
}

/** Reads a stored inventory (newest by default); a missing store or scan is a ConfigError or store error, exit 2. */
export function readStoredInventory(flags: StoreFlags, io: CommandIo): Inventory {
  const { config } = loadConfigFile(io.cwd, flags.config);
  const store = openStore(flags.store, config.store, io.cwd, false);
  try {
    const inventory = store?.inventory(flags.scan);
    if (inventory === undefined) {
      throw new ConfigError(flags.scan === undefined ? 'the store holds no scan yet; run aimap scan first' : `no scan ${flags.scan} in the store; aimap scans lists the recorded ones`);
    }
    return inventory;
  } finally {
    store?.close();
  }
}

interface ExportFlags extends StoreFlags {
  readonly format: string;
  readonly output?: string;
}

interface PushFlags extends StoreFlags, Neo4jFlags {
  readonly quiet?: boolean;
}

/** `graph export`: returns the exit code. */
export function graphExportCommand(flags: ExportFlags, io: CommandIo): number {
  if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format)) throw new ConfigError(`unknown --format ${flags.format}; use one of: ${EXPORT_FORMATS.join(', ')}`);
  const text = exportGraph(readStoredInventory(flags, io), flags.format as ExportFormat);
  if (flags.output === undefined) io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, flags.output), text);
  return 0;
}

/** `graph push`: returns the exit code. */
export async function graphPushCommand(flags: PushFlags, io: CommandIo, deps: PushDeps = {}): Promise<number> {
  // Flags first: a bad URI or a missing password variable fails before the store is opened.
  neo4jOptionsFromFlags(flags, deps.env);
  await pushFromFlags(readStoredInventory(flags, io), flags, io, { ...deps, quiet: flags.quiet === true || deps.quiet === true });
  return 0;
}

/** Runs a command body, turning user-facing errors into `aimap: message` and exit code 2. */
async function guarded(io: CommandIo, setExit: (code: number) => void, body: () => number | Promise<number>): Promise<void> {
  try {
    setExit(await body());
  } catch (error) {
    const userFacing = error instanceof ConfigError || error instanceof Neo4jPushError || (error instanceof Error && error.name === 'AimapStoreError');
    if (!userFacing) throw error;
    io.stderr.write(`aimap: ${(error as Error).message}\n`);
    setExit(2);
  }
}

/** Registers `aimap graph push|export` on `program`. `deps` lets tests inject a driver and an environment. */
export function registerGraphCommand(program: Command, io: CommandIo, setExit: (code: number) => void, deps: PushDeps = {}): void {
  const graph = program.command('graph').description('push a recorded scan to Neo4j, or export its graph as JSON, GraphML or Cypher');
  const storeOptions = (cmd: Command): Command =>
    cmd
      .option('--scan <id>', 'recorded scan to use (default: the newest; see aimap scans)')
      .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
      .option('-c, --config <file>', 'config file');
  const push = graph.command('push').description('write a recorded scan into Neo4j (nodes, relationships, stale cleanup); never re-scans');
  addNeo4jOptions(storeOptions(push))
    .option('-q, --quiet', 'no progress and no summary on stderr', false)
    .addHelpText('after', `\nThe password is read from the environment variable named by --password-env (default ${DEFAULT_PASSWORD_ENV}).\nExample:\n  NEO4J_PASSWORD=... aimap graph push --neo4j bolt://localhost:7687 --user neo4j`)
    .action(async (opts: PushFlags) => guarded(io, setExit, () => graphPushCommand(opts, io, deps)));
  storeOptions(graph.command('export').description('write the graph of a recorded scan as JSON, GraphML or a Cypher script'))
    .addOption(new Option('-f, --format <format>', 'export format').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .addHelpText('after', '\nExamples:\n  aimap graph export --format graphml --output aimap.graphml\n  aimap graph export --format cypher | cypher-shell -u neo4j')
    .action(async (opts: ExportFlags) => guarded(io, setExit, () => graphExportCommand(opts, io)));
}
