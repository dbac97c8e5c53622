import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { assistantInventory, manyModelsInventory } from '../../graph/neo4j/__fixtures__/inventory.ts';
import { createRecordingDriver, neo4jError } from '../../test/helpers/recording-driver.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import type { Inventory } from '../model/index.ts';
import type { CommandIo } from './io.ts';
import { registerGraphCommand, type PushDeps } from './graph.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function captureIo(cwd: string, tty = false): { io: CommandIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  let o = '';
  let e = '';
  stdout.on('data', (c: Buffer) => (o += c.toString()));
  stderr.on('data', (c: Buffer) => (e += c.toString()));
  return { io: { stdout, stderr, cwd, noColor: true }, out: () => o, err: () => e };
}

async function run(argv: string[], cwd: string, deps: PushDeps = {}, tty = false): Promise<Run> {
  const { io, out, err } = captureIo(cwd, tty);
  let code = -1;
  const program = new Command('aimap').exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  registerGraphCommand(program, io, (c) => (code = c), deps);
  await program.parseAsync(argv, { from: 'user' });
  return { code, stdout: out(), stderr: err() };
}

/** A folder with a store holding the given scans, in order. */
function storeWith(...inventories: Inventory[]): string {
  const dir = tempTree();
  const store = openEmbeddedStore(join(dir, '.aimap/aimap.db'));
  for (const inv of inventories) store.write(inv);
  store.close();
  return dir;
}

const ENV = { NEO4J_PASSWORD: 'not-a-real-password' };
const older = { ...manyModelsInventory(2), scan: { ...manyModelsInventory(2).scan, id: 'scan-older' } };

describe('aimap graph push', () => {
  it('pushes the newest stored scan and reports on stderr', async () => {
    const dir = storeWith(older, assistantInventory());
    const fake = createRecordingDriver();
    const r = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687', '--database', 'aimap'], dir, { env: ENV, driver: fake.driver });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^aimap: pushed scan scan-fixture to bolt:\/\/localhost:7687: 8 nodes, 18 relationships in \d+ batches, 0 stale removed/);
    expect(fake.sessions).toEqual(['aimap']);
    expect(r.stdout).toBe('');
  });

  it('pushes the scan named by --scan with the batch size given, and draws progress on a TTY', async () => {
    const dir = storeWith(older, assistantInventory());
    const fake = createRecordingDriver();
    const r = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687', '--scan', 'scan-older', '--batch-size', '1', '--no-cleanup'], dir, { env: ENV, driver: fake.driver }, true);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('scan scan-older');
    expect(r.stderr).toMatch(/neo4j: batch 1\/\d+/);
    expect(fake.calls.every((c) => !c.cypher.includes('DELETE'))).toBe(true);
  });

  it('refuses a password on the command line and a missing password variable, naming the variable', async () => {
    const dir = storeWith(assistantInventory());
    const onArgv = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687', '--password', 'hunter2'], dir, { env: ENV, driver: createRecordingDriver().driver });
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toMatch(/never pass a password on the command line/);
    expect(onArgv.stderr).not.toContain('hunter2');
    const unset = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687', '--password-env', 'AIMAP_NEO4J_PW'], dir, { env: {}, driver: createRecordingDriver().driver });
    expect(unset).toMatchObject({ code: 2, stderr: expect.stringMatching(/AIMAP_NEO4J_PW is not set/) });
  });

  it('exits 2 with a clear message for a bad URI, a missing store, a missing scan and an unreachable server', async () => {
    const empty = tempTree();
    const bad = await run(['graph', 'push', '--neo4j', 'http://localhost:7474'], empty, { env: ENV });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/not a Neo4j URI/) });
    const noStore = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687'], empty, { env: ENV, driver: createRecordingDriver().driver });
    expect(noStore).toMatchObject({ code: 2, stderr: expect.stringMatching(/No aimap store at .*Run a scan first/) });
    const dir = storeWith(assistantInventory());
    const noScan = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687', '--scan', 'nope'], dir, { env: ENV, driver: createRecordingDriver().driver });
    expect(noScan).toMatchObject({ code: 2, stderr: expect.stringMatching(/no scan nope in the store/) });
    const down = createRecordingDriver({ connectivityError: neo4jError('ServiceUnavailable', 'connect ECONNREFUSED 127.0.0.1:7687') });
    const unreachable = await run(['graph', 'push', '--neo4j', 'bolt://localhost:7687'], dir, { env: ENV, driver: down.driver });
    expect(unreachable).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot reach Neo4j at bolt:\/\/localhost:7687/) });
  });
});

describe('aimap graph export', () => {
  it('writes JSON of the newest scan to stdout by default', async () => {
    const dir = storeWith(older, assistantInventory());
    const r = await run(['graph', 'export'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { nodes: unknown[]; relationships: unknown[] };
    expect(doc.nodes).toHaveLength(8);
  });

  it('writes GraphML and Cypher to a file for the scan asked for', async () => {
    const dir = storeWith(older, assistantInventory());
    const g = await run(['graph', 'export', '--format', 'graphml', '--output', 'out/g.graphml', '--scan', 'scan-older'], dir);
    expect(g.code).toBe(0);
    expect(readFileSync(join(dir, 'out/g.graphml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    const c = await run(['graph', 'export', '-f', 'cypher', '-o', 'g.cypher'], dir);
    expect(c.code).toBe(0);
    expect(readFileSync(join(dir, 'g.cypher'), 'utf8')).toContain('MERGE (n:Tool {id: ');
  });

  it('rejects an unknown format and reports an empty store', async () => {
    const dir = storeWith(assistantInventory());
    await expect(run(['graph', 'export', '--format', 'dot'], dir)).rejects.toThrow(/Allowed choices are json, graphml, cypher/);
    const empty = tempTree();
    openEmbeddedStore(join(empty, '.aimap/aimap.db')).close();
    expect(await run(['graph', 'export'], empty)).toMatchObject({ code: 2, stderr: expect.stringMatching(/holds no scan yet/) });
  });
});
