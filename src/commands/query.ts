/**
 * `aimap query [NAME [ARGS...]]`: runs a saved analyst query (graph/queries) on a recorded scan.
 * With no name it lists the saved queries.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { EmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { QueryError, runSavedQuery, SAVED_QUERIES, savedQuery, type QueryResult, type SavedQuery } from '../../graph/queries/index.ts';
import { ConfigError, loadConfigFile } from '../config/index.ts';
import { columns, createStyle, visibleWidth } from '../output/style.ts';
import type { CommandIo } from './io.ts';
import { openStore } from './store.ts';

export interface QueryFlags {
  readonly format: string;
  readonly scan?: string;
  readonly store?: string;
  readonly config?: string;
}

/** Widest a cell other than the last may be in a table before it is cut with `…`. */
const MAX_CELL = 48;

/** Narrowest the last column may get before wrapping is pointless and lines simply run long. */
const MIN_WRAP = 24;

/** Runs the query command; returns the exit code. Errors the user can fix throw `ConfigError`. */
export function queryCommand(name: string | undefined, args: readonly string[], flags: QueryFlags, io: CommandIo): number {
  if (flags.format !== 'table' && flags.format !== 'json') throw new ConfigError(`unknown --format ${flags.format}; use table or json`);
  if (name === undefined) return listQueries(flags.format, io);
  const query = savedQuery(name);
  if (query === undefined) {
    throw new ConfigError(`unknown query "${name}"; saved queries: ${SAVED_QUERIES.map((q) => q.name).join(', ')} (aimap query lists them)`);
  }
  const { config } = loadConfigFile(io.cwd, flags.config);
  // create: false, so a query never leaves an empty store behind.
  const store = openStore(flags.store, config.store, io.cwd, false);
  if (!(store instanceof EmbeddedStore)) throw new ConfigError('saved queries run on the embedded store; use the Cypher in graph/queries/README.md on Neo4j');
  try {
    const result = runQuery(store, query, args, flags.scan);
    const scan = flags.scan ?? store.scans(1)[0]?.id ?? '';
    if (flags.format === 'json') {
      io.stdout.write(`${JSON.stringify({ query: result.name, scan, columns: result.columns, rows: result.rows }, null, 2)}\n`);
    } else {
      io.stdout.write(renderQueryTable(query, result, scan, io));
    }
    return 0;
  } finally {
    store.close();
  }
}

function runQuery(store: EmbeddedStore, query: SavedQuery, args: readonly string[], scan: string | undefined): QueryResult {
  try {
    return runSavedQuery(store, query.name, args, scan);
  } catch (error) {
    if (error instanceof QueryError) throw new ConfigError(error.message);
    throw error;
  }
}

function listQueries(format: string, io: CommandIo): number {
  if (format === 'json') {
    const list = SAVED_QUERIES.map((q) => ({ name: q.name, description: q.description, args: q.args }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const style = createStyle(io.stdout.isTTY === true && !io.noColor);
  const rows = SAVED_QUERIES.map((q) => [q.name, q.args.map((a) => a.name.toUpperCase()).join(' ') || '-', q.description]);
  io.stdout.write(`${columns([['QUERY', 'ARGS', 'DESCRIPTION'].map((h) => style.bold(h)), ...rows]).join('\n')}\n`);
  io.stdout.write('\nRun: aimap query NAME [ARGS] [--format json] [--scan ID]. SQL and Cypher: graph/queries/README.md\n');
  return 0;
}

/** `targetKind` → `TARGET KIND`. */
function header(column: string): string {
  return column.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

/** One cell as text: `-` for nothing, `yes`/`no`, lists joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(cellText).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/**
 * Splits `text` into lines of at most `width` characters: before a path arrow (` -TYPE->`) where
 * one fits, else at a space, else mid-word.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const arrow = rest.lastIndexOf(' -', width);
    const space = rest.lastIndexOf(' ', width);
    const at = arrow > 0 ? arrow : space > 0 ? space : width;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest);
  return lines;
}

/**
 * Aligned columns of the query's display columns. Cells before the last are cut at MAX_CELL; the
 * last (a path, a description) is wrapped to the terminal width on a TTY and left whole in a pipe.
 */
export function renderQueryTable(query: SavedQuery, result: QueryResult, scan: string, io: CommandIo): string {
  const style = createStyle(io.stdout.isTTY === true && !io.noColor);
  const footer = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'} · ${query.name} · scan ${scan}\n`;
  if (result.rows.length === 0) {
    return `No rows.${query.emptyHint === undefined ? '' : ` (${query.emptyHint})`}\n${style.dim(footer)}`;
  }
  const shown = query.display;
  const body = result.rows.map((row) => shown.map((c, i) => (i === shown.length - 1 ? cellText(row[c]) : cut(cellText(row[c]), MAX_CELL))));
  const lines = columns([shown.map((c) => style.bold(header(c))), ...body.map((cells) => cells.map((c, i) => (i === shown.length - 1 ? '\u0000' : c)))]);
  return `${wrapLast(lines, body, io.stdout.isTTY === true ? io.stdout.columns : undefined).join('\n')}\n${style.dim(footer)}`;
}

/** Puts the last cells back into the aligned lines (the header line keeps its own). */
function wrapLast(lines: string[], body: string[][], width: number | undefined): string[] {
  const out: string[] = [lines[0] ?? ''];
  lines.slice(1).forEach((line, r) => {
    const prefix = line.slice(0, line.indexOf('\u0000'));
    const last = body[r]?.at(-1) ?? '';
    const room = width === undefined ? Infinity : width - visibleWidth(prefix) - 1;
    if (room === Infinity || room < MIN_WRAP) {
      out.push(`${prefix}${last}`);
      return;
    }
    const [first = '', ...more] = wrapText(last, room);
    out.push(`${prefix}${first}`, ...more.map((m) => `${' '.repeat(visibleWidth(prefix))}${m}`));
  });
  return out;
}

/** Registers `aimap query` on `program`. */
export function registerQueryCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  program
    .command('query')
    .description('run a saved analyst query on a recorded scan (no name: list them)')
    .argument('[name]', 'saved query: unowned, shadow-ai, mcp-tools, exposure-paths, blast-radius, who-owns, models')
    .argument('[args...]', 'the query\'s arguments (blast-radius and who-owns take an asset id, nativeId, name or kind:name)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--scan <id>', 'scan to query (default: the newest)')
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('-c, --config <file>', 'config file')
    .addHelpText('after', '\nExamples:\n  aimap query\n  aimap query exposure-paths\n  aimap query blast-radius support-bot --format json\n  aimap query who-owns system:support-bot')
    .action((name: string | undefined, args: string[] | undefined, opts: QueryFlags) => setExit(queryCommand(name, args ?? [], opts, io)));
}
