/** Spawns the real CLI in a child process and returns its exit code and output. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const ENTRY = join(import.meta.dirname, 'cli-entry.ts');

export function runCli(args: readonly string[], cwd: string, options: Omit<SpawnSyncOptions, 'cwd' | 'encoding'> = {}): CliRun {
  const child = spawnSync(process.execPath, [ENTRY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...options });
  return { code: child.status ?? -1, stdout: String(child.stdout), stderr: String(child.stderr) };
}
