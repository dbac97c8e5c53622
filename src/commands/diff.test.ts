import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { sampleInventory } from '../../test/helpers/store-fixtures.ts';
import { ConfigError } from '../config/index.ts';
import type { Inventory } from '../model/index.ts';
import type { CommandIo } from './io.ts';
import { diffCommand, registerDiffCommand, type DiffFlags } from './diff.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-diff-cmd-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture(): { io: CommandIo; out: () => string } {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { io: { stdout, stderr: new PassThrough(), cwd: dir, noColor: true }, out: () => chunks.join('') };
}

function record(...inventories: Inventory[]): void {
  const store = openEmbeddedStore(join(dir, 'aimap.db'));
  for (const inventory of inventories) store.write(inventory);
  store.close();
}

/** The sample with its model removed. */
function withoutModel(id: string): Inventory {
  const inv = sampleInventory(id, '2026-01-03T00:00:00.000Z');
  const model = inv.assets.find((a) => a.kind === 'model')?.id;
  return { ...inv, assets: inv.assets.filter((a) => a.id !== model), relationships: inv.relationships.filter((r) => r.to !== model) };
}

const flags = (extra: Partial<DiffFlags> = {}): DiffFlags => ({ format: 'table', store: 'aimap.db', ...extra });

describe('aimap diff', () => {
  it('compares the two newest scans by default; --exit-code turns a change into exit 1', () => {
    record(sampleInventory('s1'), sampleInventory('s2'), withoutModel('s3'));
    const c = capture();
    expect(diffCommand(undefined, undefined, flags(), c.io)).toBe(0);
    expect(c.out()).toMatch(/^aimap diff: s2 \(.*\) → s3 \(/);
    expect(c.out()).toMatch(/Removed \(2\)\n {2}− model +gpt-4o-mini/);
    expect(diffCommand(undefined, undefined, flags({ exitCode: true }), capture().io)).toBe(1);
  });

  it('compares one named scan with the newest, or two named scans', () => {
    record(sampleInventory('s1'), sampleInventory('s2'), withoutModel('s3'));
    const c = capture();
    expect(diffCommand('s1', 's2', flags({ exitCode: true }), c.io)).toBe(0);
    expect(c.out()).toContain('No changes.');
    const j = capture();
    diffCommand('s1', undefined, flags({ format: 'json' }), j.io);
    const doc = JSON.parse(j.out()) as { from: { id: string }; to: { id: string }; totals: unknown };
    expect([doc.from.id, doc.to.id]).toEqual(['s1', 's3']);
    expect(doc.totals).toEqual({ added: 0, removed: 2, changed: 0 });
  });

  it('writes --output atomically and nothing to stdout', () => {
    record(sampleInventory('s1'), withoutModel('s2'));
    const c = capture();
    diffCommand(undefined, undefined, flags({ format: 'json', output: 'out/changes.json' }), c.io);
    expect(c.out()).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out', 'changes.json'), 'utf8'))).toMatchObject({ to: { id: 's2' } });
  });

  it('fails clearly with fewer than two scans, an unknown scan, or no store', () => {
    expect(() => diffCommand(undefined, undefined, flags(), capture().io)).toThrow(expect.objectContaining({ code: 'missing', message: expect.stringMatching(/No aimap store at .*aimap\.db/) }));
    record(sampleInventory('s1'));
    expect(() => diffCommand(undefined, undefined, flags(), capture().io)).toThrow(new ConfigError('need at least two recorded scans to diff, found 1; run aimap scan again later, or name two scans'));
    expect(() => diffCommand('nope', undefined, flags(), capture().io)).toThrow(/no scan "nope" in the store/);
    expect(() => diffCommand(undefined, undefined, flags({ format: 'xml' }), capture().io)).toThrow(/unknown --format xml/);
  });

  it('registers as a commander command with its arguments and flags', async () => {
    record(sampleInventory('s1'), withoutModel('s2'));
    const c = capture();
    let exit = -1;
    const program = new Command('aimap').exitOverride();
    registerDiffCommand(program, c.io, (code) => (exit = code));
    await program.parseAsync(['diff', 's1', 's2', '--store', 'aimap.db', '--exit-code', '--format', 'json'], { from: 'user' });
    expect(exit).toBe(1);
    expect(JSON.parse(c.out())).toMatchObject({ from: { id: 's1' }, to: { id: 's2' } });
    const bad = new Command('aimap').exitOverride().configureOutput({ writeErr: () => undefined });
    registerDiffCommand(bad, c.io, () => undefined);
    await expect(bad.parseAsync(['diff', '--format', 'xml'], { from: 'user' })).rejects.toBeInstanceOf(CommanderError);
  });
});
