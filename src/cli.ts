/**
 * argv → config → command. No scanning logic lives here; exit codes (DESIGN.md §6):
 * 0 ok, 2 usage/config error, 3 scan incomplete with --strict.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, readEnv } from './config/index.ts';
import type { CommandIo } from './commands/io.ts';
import { scanCommand, SCAN_FORMATS, type ScanFlags } from './commands/scan.ts';
import { scansCommand, type ScansFlags } from './commands/scans.ts';
import { registerFindingsCommand } from './commands/findings.ts';
import { addNeo4jOptions, registerGraphCommand } from './commands/graph.ts';
import { registerBomCommand } from './commands/bom.ts';
import { registerDiffCommand } from './commands/diff.ts';
import { registerQueryCommand } from './commands/query.ts';
import { VERSION } from './version.ts';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function buildProgram(io: CommandIo, setExit: (code: number) => void): Command {
  const program = new Command('aimap')
    .description('AI asset inventory and shadow-AI discovery: every AI SDK, model, vector store and MCP server, with evidence.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run aimap --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 ok · 1 findings at or above --fail-on · 2 usage or config error · 3 incomplete scan with --strict (wins over 1)\nStore: .aimap/aimap.db in the current folder unless --store/--no-store.');

  const scan = program.command('scan');
  scan
    .description("scan folders (and, with --host, this machine's MCP client configs) for AI assets and record the scan")
    .argument('[paths...]', 'folders to scan (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(SCAN_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('-q, --quiet', 'no progress bar and no summary on stderr', false)
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('--no-store', 'do not record the scan')
    .option('-c, --config <file>', 'config file (default: aimap.config.yaml|yml|json in the current folder)')
    .option('--exclude <glob>', 'skip paths matching the glob or folder name (repeatable)', collect)
    .option('--include <glob>', 'scan paths matching the glob even inside default-skipped folders (repeatable)', collect)
    .option('--no-default-excludes', 'also scan node_modules, .git, build output, virtualenvs, ...')
    .option('--skip-tests', 'do not read test files, test data and fixtures (tests/, *_test.go, *.spec.ts, ...); the table folds what is seen only there either way')
    .option('--max-file-size <size>', 'skip files larger than this (default 5MB)')
    .option('--concurrency <n>', 'files read at once; 1 reads synchronously, fastest on local disks; raise it on network filesystems (default 1)')
    .option('--workers <n>', 'reading threads beside the detecting one (default: 1 on a machine with 2+ cores, for a large tree; 0: one thread)')
    .option('--detectors <ids>', 'run only these detectors (comma-separated ids, e.g. manifests,python)')
    .option('--skip-detectors <ids>', 'skip these detectors (e.g. secrets)')
    .option('--strict', 'exit 3 when part of a target could not be scanned', false)
    .option('--fail-on <severity>', 'exit 1 when a new or open finding is at or above: info, low, medium, high, critical, none')
    .option('--suppressions <file>', 'suppressions file (default: aimap.suppressions.yaml in the current folder, if present)')
    .option('--no-git-history', 'do not read git history to guess owners of otherwise unowned assets')
    .option('--host', "also scan this machine's MCP client configs (Claude, Cursor, VS Code, ...); alone, only those")
    .option('--host-home <dir>', 'home folder whose client configs --host reads (default: yours; implies --host)')
    .addOption(new Option('--host-platform <platform>', 'config layout to expect in --host-home (default: this OS)').choices(['darwin', 'linux', 'win32']))
    .addHelpText('after', '\nExamples:\n  aimap scan .\n  aimap scan services/ ml/ --format json --output inventory.json\n  aimap scan . --exclude "test/**" --no-store\n  aimap scan --host')
    .action(async (paths: string[] | undefined, opts: ScanFlags) => setExit(await scanCommand(paths ?? [], opts, io)));
  addNeo4jOptions(scan);

  program
    .command('scans')
    .description('list the scans recorded in the store, newest first')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('-c, --config <file>', 'config file')
    .option('--limit <n>', 'how many scans to list (default 50)')
    .action((opts: ScansFlags) => setExit(scansCommand(opts, io)));
  registerFindingsCommand(program, io, setExit);
  registerDiffCommand(program, io, setExit);
  registerQueryCommand(program, io, setExit);
  registerGraphCommand(program, io, setExit);
  registerBomCommand(program, io, setExit);
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit itself). */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ConfigError || (error instanceof Error && (error.name === 'AimapStoreError' || error.name === 'Neo4jPushError'))) {
      io.stderr.write(`aimap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Entry point used by bin/aimap.js. */
export async function run(): Promise<void> {
  const env = readEnv(process.env);
  const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), noColor: env.noColor };
  // `aimap ... | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    process.stderr.write(`aimap: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
