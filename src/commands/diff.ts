/**
 * `aimap diff [FROM] [TO]`: what changed between two recorded scans. No argument compares the two
 * newest scans; one compares that scan with the newest. `--exit-code` exits 1 when anything
 * changed, for cron jobs and CI steps that should notice a new model or MCP server.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { pickDiffScans } from '../../graph/diff.ts';
import { ConfigError, loadConfigFile } from '../config/index.ts';
import { diffTotals, renderDiffJson, renderDiffTable } from '../output/diff.ts';
import { writeFileAtomic, type CommandIo } from './io.ts';
import { openStore } from './store.ts';

/** Output formats of `aimap diff`. */
export const DIFF_FORMATS = ['table', 'json'] as const;

/** Flags of `aimap diff`, as commander parses them. */
export interface DiffFlags {
  readonly format: string;
  readonly output?: string;
  readonly store?: string;
  readonly config?: string;
  readonly exitCode?: boolean;
}

/**
 * Runs the diff command; returns the exit code: 0, or 1 with `--exit-code` when something changed.
 * Usage problems (unknown scan, fewer than two scans, no store) throw `ConfigError` or
 * `AimapStoreError`, which the CLI prints and turns into exit code 2.
 */
export function diffCommand(from: string | undefined, to: string | undefined, flags: DiffFlags, io: CommandIo): number {
  if (!(DIFF_FORMATS as readonly string[]).includes(flags.format)) throw new ConfigError(`unknown --format ${flags.format}; use table or json`);
  const { config } = loadConfigFile(io.cwd, flags.config);
  // create: false: a diff never leaves an empty store behind; a missing one is a clear error.
  const store = openStore(flags.store, config.store, io.cwd, false);
  if (store === undefined) throw new ConfigError('aimap diff needs a store');
  try {
    const pick = pickDiffScans(store.scans().map((s) => s.id), from, to);
    if ('problem' in pick) throw new ConfigError(pick.problem);
    const diff = store.diff(pick.from, pick.to);
    if (diff === undefined) throw new ConfigError(`scan ${pick.from} or ${pick.to} could not be read from the store`);
    const toFile = flags.output !== undefined;
    const text = flags.format === 'json' ? renderDiffJson(diff) : renderDiffTable(diff, { color: !toFile && io.stdout.isTTY === true && !io.noColor });
    if (toFile) writeFileAtomic(resolve(io.cwd, flags.output as string), text);
    else io.stdout.write(text);
    const totals = diffTotals(diff);
    const changed = totals.added + totals.removed + totals.changed > 0;
    return flags.exitCode === true && changed ? 1 : 0;
  } finally {
    store.close();
  }
}

/** Registers `aimap diff` on `program`. */
export function registerDiffCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('show what changed between two recorded scans (default: the two newest)')
    .argument('[from]', 'older scan id (default: the scan before the newest)')
    .argument('[to]', 'newer scan id (default: the newest scan)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(DIFF_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('-c, --config <file>', 'config file')
    .option('--exit-code', 'exit 1 when anything changed (0 when nothing did), for cron and CI', false)
    .addHelpText(
      'after',
      '\nAssets and relationships are matched by id. Evidence-only changes (a line moved) are not reported.\n' +
        'Exit codes: 0 ok (or no change with --exit-code) · 1 changes found with --exit-code · 2 usage error, unknown scan, fewer than two scans, no store\n\n' +
        'Examples:\n  aimap diff\n  aimap diff 20260101T000000Z-ab12 --format json --output changes.json\n  aimap diff --exit-code > /dev/null || notify "AI inventory changed"',
    )
    .action((from: string | undefined, to: string | undefined, opts: DiffFlags) => setExit(diffCommand(from, to, opts, io)));
}
