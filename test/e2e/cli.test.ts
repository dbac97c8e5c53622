/** The CLI as a user runs it: a real child process, real exit codes, real files. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.ts';
import { inventorySchemaErrors } from '../helpers/inventory-schema.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const APP = {
  'app/requirements.txt': 'openai==1.82.0\nflask\n',
  'app/main.py': 'from openai import OpenAI\nimport chromadb\nclient = OpenAI()\ndb = chromadb.PersistentClient(path="db")\nclient.responses.create(model="gpt-4.1-mini", input="hi")\n',
};

describe('aimap scan', () => {
  it('prints schema-valid JSON, records the scan in the default store, and lists it with aimap scans', () => {
    const cwd = tempTree(APP);
    const run = runCli(['scan', 'app', '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    const inv = JSON.parse(run.stdout) as Inventory;
    expect(inventorySchemaErrors(inv)).toEqual([]);
    expect(inv.scan.targets).toEqual([{ connector: 'local', target: 'app', scope: 'app' }]);
    expect(inv.assets.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(['model:gpt-4.1-mini', 'repository:app', 'sdk:chromadb', 'sdk:openai', 'system:app', 'vector-store:chroma']);
    expect(run.stderr).toMatch(/^aimap: scan \S+: 4 AI assets in 1 system, 0 diagnostics\n$/);
    expect(existsSync(join(cwd, '.aimap', 'aimap.db'))).toBe(true);

    const scans = runCli(['scans', '--format', 'json'], cwd);
    expect(scans.code).toBe(0);
    const list = JSON.parse(scans.stdout) as Array<{ id: string; counts: Record<string, number> }>;
    expect(list.map((s) => s.id)).toEqual([inv.scan.id]);
    expect(list[0]?.counts).toEqual({ system: 1, sdk: 2, model: 1, 'vector-store': 1, repository: 1 });
  });

  it('prints a readable table with counts by kind and file:line, and no progress bar when stderr is not a terminal', () => {
    const cwd = tempTree(APP);
    const run = runCli(['scan', 'app'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Assets by kind');
    expect(run.stdout).toMatch(/AI SDKs\s+2/);
    expect(run.stdout).toMatch(/gpt-4\.1-mini\s+openai\s+main\.py:5/);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes --output atomically and honours --no-store and --quiet', () => {
    const cwd = tempTree(APP);
    const run = runCli(['scan', 'app', '--format', 'json', '--output', 'out/inv.json', '--no-store', '--quiet'], cwd);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(inventorySchemaErrors(JSON.parse(readFileSync(join(cwd, 'out/inv.json'), 'utf8')))).toEqual([]);
    expect(existsSync(join(cwd, '.aimap'))).toBe(false);
  });

  it('exits 2 with a one-line reason for usage and config errors', () => {
    const cwd = tempTree({ ...APP, 'bad.yaml': 'scan:\n  maxFileSize: lots\n', 'notadb.db': 'hello, I am text' });
    const cases: Array<[string[], RegExp]> = [
      [['scan', 'missing-folder'], /^aimap: no such folder: missing-folder\n$/],
      [['scan', 'app/main.py'], /^aimap: not a folder: app\/main\.py/],
      [['scan', 'app', '--format', 'xml'], /argument 'xml' is invalid/],
      [['scan', 'app', '--frobnicate'], /unknown option '--frobnicate'/],
      [['scan', 'app', '--config', 'bad.yaml'], /invalid config .*bad\.yaml: scan\.maxFileSize: not a size: lots/],
      [['scan', 'app', '--max-file-size', 'big'], /not a size: --max-file-size big/],
      [['scan', 'app', '--store', 'notadb.db'], /notadb\.db.*not an aimap store/i],
      [['scans', '--store', 'nothing-here.db'], /No aimap store at .*nothing-here\.db/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, cwd);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
    }
    expect(readFileSync(join(cwd, 'notadb.db'), 'utf8')).toBe('hello, I am text');
    expect(existsSync(join(cwd, 'nothing-here.db'))).toBe(false);
  });

  it('exits 3 with --strict when part of a target could not be read, 0 without it', () => {
    const cwd = tempTree({ ...APP, 'app/locked.py': 'import anthropic\n' });
    chmodSync(join(cwd, 'app', 'locked.py'), 0o000);
    chmodSync(cwd, 0o777);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expect(runCli(['scan', 'app', '--strict', '--no-store', '-q'], cwd, asUser).code).toBe(3);
    expect(runCli(['scan', 'app', '--no-store', '-q'], cwd, asUser).code).toBe(0);
  });

  it('exits 2 with a clear message when the store location is not writable', () => {
    const cwd = tempTree(APP);
    mkdirSync(join(cwd, 'locked'), { mode: 0o555 });
    chmodSync(cwd, 0o777);
    // root ignores file modes: run as an unprivileged user so the permission bits apply.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const store of ['locked/aimap.db', 'locked/deeper/aimap.db']) {
      const run = runCli(['scan', 'app', '--store', store, '-q'], cwd, asUser);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^aimap: .*(Cannot write the aimap store|permission denied)/i);
    }
  });

  it('keeps a previous report intact when a later run fails', () => {
    const cwd = tempTree(APP);
    expect(runCli(['scan', 'app', '-f', 'json', '-o', 'inv.json', '--no-store', '-q'], cwd).code).toBe(0);
    const before = readFileSync(join(cwd, 'inv.json'), 'utf8');
    writeFileSync(join(cwd, 'aimap.config.yaml'), 'scan: [oops\n');
    expect(runCli(['scan', 'app', '-f', 'json', '-o', 'inv.json', '--no-store'], cwd).code).toBe(2);
    expect(readFileSync(join(cwd, 'inv.json'), 'utf8')).toBe(before);
  });

  it('runs only the chosen detectors, and refuses unknown ids with exit 2', () => {
    const cwd = tempTree(APP);
    const only = JSON.parse(runCli(['scan', 'app', '-f', 'json', '--no-store', '-q', '--detectors', 'manifests'], cwd).stdout) as Inventory;
    expect(only.assets.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(['repository:app', 'sdk:openai', 'system:app']);
    const skip = JSON.parse(runCli(['scan', 'app', '-f', 'json', '--no-store', '-q', '--skip-detectors', 'python'], cwd).stdout) as Inventory;
    expect(skip.assets.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(['repository:app', 'sdk:openai', 'system:app']);
    const bad = runCli(['scan', 'app', '--no-store', '--detectors', 'pyton'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^aimap: unknown detector pyton; known detectors: manifests, /);
  });

  it('folds what is seen only in tests in the table, and reads no test file with --skip-tests (flag or config)', () => {
    const tests = { 'app/tests/test_stub.py': 'from openai import OpenAI\nOpenAI().chat.completions.create(model="acme-tiny-7b")\n', 'app/pkg/client_test.go': 'package pkg\n' };
    const cwd = tempTree({ ...APP, ...tests, 'skip.yaml': 'scan:\n  skipTests: true\n' });
    const table = runCli(['scan', 'app', '--no-store', '-q'], cwd);
    expect(table.stdout).toMatch(/\n {2}\+ 1 seen only in tests: acme-tiny-7b\n/);
    const all = JSON.parse(runCli(['scan', 'app', '-f', 'json', '--no-store', '-q'], cwd).stdout) as Inventory;
    expect(all.assets.some((a) => a.name === 'acme-tiny-7b')).toBe(true);
    for (const args of [['--skip-tests'], ['--config', 'skip.yaml']]) {
      const skipped = JSON.parse(runCli(['scan', 'app', '-f', 'json', '--no-store', '-q', ...args], cwd).stdout) as Inventory;
      expect(skipped.assets.some((a) => a.name === 'acme-tiny-7b')).toBe(false);
      expect(skipped.scan.stats.filesSeen).toBe(all.scan.stats.filesSeen - 2);
    }
  });

  it('prints help and version', () => {
    const cwd = tempTree();
    const help = runCli(['scan', '--help'], cwd);
    expect(help.code).toBe(0);
    for (const flag of ['--format', '--output', '--quiet', '--store', '--no-store', '--exclude', '--include', '--max-file-size', '--strict']) expect(help.stdout).toContain(flag);
    expect(runCli(['--version'], cwd).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('aimap writing into a pipe that closes early', () => {
  it('stops quietly with exit 0, as `aimap ... | head -1` expects', async () => {
    const { spawn } = await import('node:child_process');
    const entry = join(import.meta.dirname, '..', 'helpers', 'cli-entry.ts');
    const child = spawn(process.execPath, [entry, 'scan', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Close our end before the CLI writes: its write meets EPIPE.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
