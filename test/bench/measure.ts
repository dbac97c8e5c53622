/**
 * Runs a command as a child process and measures its wall time and peak resident memory.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, exact, kernel-reported) when present,
 * else from polling VmHWM in /proc/<pid>/status every 20 ms (may miss a final spike).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measured run. */
export interface Measurement {
  readonly wallMs: number;
  /** Peak resident set size in KiB, when it could be measured. */
  readonly peakRssKb: number | undefined;
  readonly rssSource: 'gnu-time' | 'proc-poll' | 'none';
  /** User + system CPU seconds (GNU time only): less sensitive to other load than wall time. */
  readonly cpuSec: number | undefined;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args` (no shell) in `cwd` and measures it. */
export async function measure(command: string, args: readonly string[], cwd: string): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'aimap-bench-m-'));
  const rssFile = join(scratch, 'rss');
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let polled = 0;
  const poll = useTime ? undefined : setInterval(() => (polled = Math.max(polled, readHwm(child.pid))), 20);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  // GNU time may prepend "Command exited with non-zero status N"; the figures are on the last line.
  const figures = useTime ? (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
  rmSync(scratch, { recursive: true, force: true });
  const [fromTime = NaN, user = NaN, sys = NaN] = figures;
  const peakRssKb = useTime ? (Number.isFinite(fromTime) ? fromTime : undefined) : polled > 0 ? polled : undefined;
  const cpuSec = Number.isFinite(user + sys) ? user + sys : undefined;
  return {
    wallMs,
    peakRssKb,
    rssSource: peakRssKb === undefined ? 'none' : useTime ? 'gnu-time' : 'proc-poll',
    cpuSec,
    exitCode,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

function readHwm(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A command to measure. */
export interface RunSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Exit codes that mean success (rg exits 1 when nothing matched). */
  readonly okCodes: readonly number[];
}

/**
 * Warms every command up once, then measures `runs` rounds, each round running every command in
 * turn: interleaving makes background load hit all of them alike. Throws when a run fails.
 */
export async function measureInterleaved(specs: readonly RunSpec[], runs: number, log: (l: string) => void): Promise<Measurement[][]> {
  const results: Measurement[][] = specs.map(() => []);
  for (let round = 0; round <= runs; round++) {
    log(round === 0 ? 'warm-up round...' : `round ${round}/${runs}...`);
    for (const [i, spec] of specs.entries()) {
      const m = await measure(spec.command, spec.args, spec.cwd);
      if (!spec.okCodes.includes(m.exitCode)) throw new Error(`${spec.command} ${spec.args.join(' ')} exited ${m.exitCode}:\n${m.stderr.slice(-2000)}`);
      if (round > 0) results[i]?.push(m);
    }
  }
  return results;
}
