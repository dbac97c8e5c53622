/** `aimap scans`: lists the scans recorded in the store, newest first. */
import { ConfigError, loadConfigFile } from '../config/index.ts';
import { columns, createStyle } from '../output/style.ts';
import { openStore } from './store.ts';
import type { CommandIo } from './io.ts';

export interface ScansFlags {
  readonly format: string;
  readonly store?: string;
  readonly config?: string;
  readonly limit?: string;
}

/** Runs the scans command; returns the exit code. */
export function scansCommand(flags: ScansFlags, io: CommandIo): number {
  if (flags.format !== 'table' && flags.format !== 'json') throw new ConfigError(`unknown --format ${flags.format}; use table or json`);
  const limit = flags.limit === undefined ? 50 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new ConfigError('--limit must be a positive integer');
  const { config } = loadConfigFile(io.cwd, flags.config);
  // create: false, so listing never leaves an empty store behind.
  const store = openStore(flags.store, config.store, io.cwd, false);
  try {
    const scans = store?.scans(limit) ?? [];
    if (flags.format === 'json') {
      io.stdout.write(`${JSON.stringify(scans, null, 2)}\n`);
      return 0;
    }
    if (scans.length === 0) {
      io.stdout.write('No scans recorded yet.\n');
      return 0;
    }
    const style = createStyle(io.stdout.isTTY === true && !io.noColor);
    const rows = scans.map((s) => [
      s.id,
      s.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      String(s.totals.assets),
      Object.entries(s.counts).filter(([k]) => k !== 'repository').map(([k, n]) => `${k} ${n}`).join(', ') || '-',
      s.targets.map((t) => t.target).join(', '),
    ]);
    io.stdout.write(`${columns([['SCAN', 'STARTED', 'ASSETS', 'BY KIND', 'TARGETS'].map((h) => style.bold(h)), ...rows]).join('\n')}\n`);
    return 0;
  } finally {
    store?.close();
  }
}
