/**
 * A writer SIGKILLed inside its transaction must leave every earlier scan intact and no part of
 * its own scan visible. The writer is a real child process (test/helpers/store-writer.ts) that
 * pauses with the transaction open (mid-loop, or with every row written just before COMMIT).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { sampleInventory, tempDir } from '../helpers/store-fixtures.ts';

const WRITER = fileURLToPath(new URL('../helpers/store-writer.ts', import.meta.url));

let temp: ReturnType<typeof tempDir>;
let child: ChildProcess | undefined;

beforeEach(() => {
  temp = tempDir();
});

afterEach(() => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  temp.remove();
});

/** Starts the writer and resolves with the rows it reported once it has paused. */
function startPausedWriter(path: string, pauseAt: string, assets: number, relationships: number): Promise<number> {
  const args = [WRITER, path, pauseAt, String(assets), String(relationships)];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const paused = /paused (\d+)/.exec(stdout);
      if (paused !== null) resolve(Number(paused[1]));
    });
    proc.on('exit', (code, signal) => reject(new Error(`writer exited early (${code ?? signal}): ${stdout}${stderr}`)));
  });
}

function killWriter(): Promise<void> {
  const proc = child;
  if (proc === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

function rawCount(path: string, table: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function integrity(path: string): string {
  const db = new DatabaseSync(path);
  try {
    return (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    db.close();
  }
}

interface KillCase {
  readonly pauseAt: string;
  readonly assets: number;
  readonly relationships: number;
  readonly minimumRows: number;
}

async function killAndCheck({ pauseAt, assets, relationships, minimumRows }: KillCase): Promise<void> {
  const path = join(temp.dir, 'aimap.db');
  const rows = await startPausedWriter(path, pauseAt, assets, relationships);
  expect(rows).toBeGreaterThanOrEqual(minimumRows);
  // The uncommitted rows are already in the WAL file, yet no reader may see them.
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(1_000_000);
  const reader = openEmbeddedStore(path, { create: false, busyTimeoutMs: 50 });
  try {
    expect(reader.scans().map((s) => s.id)).toEqual(['scan-small']);
    // The writer holds the lock: a second writer gives up with a clear `locked` error.
    expect(() => reader.write(sampleInventory('scan-other'))).toThrow(expect.objectContaining({ code: 'locked' }));
  } finally {
    reader.close();
  }

  await killWriter();
  expect(child?.signalCode).toBe('SIGKILL');

  const store = openEmbeddedStore(path, { create: false });
  try {
    expect(store.scans().map((s) => s.id)).toEqual(['scan-small']);
    expect(store.inventory()).toStrictEqual(sampleInventory('scan-small'));
    expect(store.inventory('scan-huge')).toBeUndefined();
    store.write(sampleInventory('scan-after'));
    expect(store.scans().map((s) => s.id)).toEqual(['scan-after', 'scan-small']);
  } finally {
    store.close();
  }
  expect(rawCount(path, 'assets')).toBe(14);
  expect(rawCount(path, 'relationships')).toBe(12);
  expect(integrity(path)).toBe('ok');
  expect(existsSync(`${path}-wal`)).toBe(false);
}

// Generous timeouts: the writer builds and writes ~200k rows, slow on a loaded CI machine.
describe('embedded store: a writer killed mid-transaction', { timeout: 120_000 }, () => {
  it('leaves earlier scans intact when killed mid-loop of a 300k-asset scan', async () => {
    await killAndCheck({ pauseAt: '100000', assets: 300_000, relationships: 0, minimumRows: 100_000 });
  });

  it('leaves earlier scans intact when killed with every row written, just before COMMIT', async () => {
    await killAndCheck({ pauseAt: 'commit', assets: 100_000, relationships: 100_000, minimumRows: 200_000 });
  });
});
