/**
 * The CLI users run is the bundle (`scripts/bundle.ts`, loaded by bin/aimap.js); the rest of the
 * suite runs the source. This builds a fresh bundle (tsc into a scratch folder under node_modules,
 * so the externals resolve as they do from dist/) and requires it to give what the source gives,
 * for each output format, on one thread and with reading threads (whose entry must sit beside the
 * chunk that starts it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, ENTRIES } from '../../scripts/bundle.ts';
import { runCli } from '../helpers/run-cli.ts';

const REPO = join(import.meta.dirname, '..', '..');
const OUT = join(REPO, 'node_modules', '.cache', 'aimap-bundle-test');
const ENTRY = join(OUT, 'entry.mjs');
const STALE = 'chunk-stale0.js';
const FIXTURES = join(REPO, 'test', 'fixtures');
/** The fixtures' inventory is several megabytes of JSON. */
const MAX_OUTPUT = 256 * 1024 * 1024;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: REPO, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  // What an earlier build left (chunk names carry a content hash) must not survive a rebuild.
  mkdirSync(join(OUT, 'bundle'), { recursive: true });
  writeFileSync(join(OUT, 'bundle', STALE), 'export {};\n');
  await bundle(OUT);
  writeFileSync(ENTRY, "const { run } = await import('./bundle/cli.js');\nawait run();\n");
}, 120_000);

function runBundle(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [ENTRY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: MAX_OUTPUT });
  return { code: child.status ?? -1, stdout: String(child.stdout), stderr: String(child.stderr) };
}

/** Output with the run's own id and clock taken out. */
function stable(text: string): string {
  return text
    .replace(/\d{8}T\d{6}Z-[0-9a-f]{6}/g, 'SCAN')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, 'TIME')
    .replace(/urn:uuid:[0-9a-f-]{36}/g, 'UUID');
}

describe('the bundled CLI', () => {
  it('holds every entry and resolves every chunk it imports', () => {
    const files = readdirSync(join(OUT, 'bundle'));
    for (const name of Object.keys(ENTRIES)) expect(files).toContain(`${name}.js`);
    expect(files).not.toContain(STALE);
    for (const file of files) {
      for (const m of readFileSync(join(OUT, 'bundle', file), 'utf8').matchAll(/from "(\.\/[^"]+)"/g)) expect(existsSync(join(OUT, 'bundle', m[1] as string))).toBe(true);
    }
  });

  for (const format of ['json', 'sarif', 'cyclonedx']) {
    it(`scans the fixtures as the source does (--format ${format})`, () => {
      const args = ['scan', '.', '--format', format, '--no-store', '-q'];
      const source = runCli(args, FIXTURES, { maxBuffer: MAX_OUTPUT });
      const built = runBundle(args, FIXTURES);
      expect(built.stderr).toBe(source.stderr);
      expect(built.code).toBe(source.code);
      expect(source.code).toBe(0);
      expect(stable(built.stdout)).toBe(stable(source.stdout));
      expect(built.stdout.length).toBeGreaterThan(10_000);
    });
  }

  it('scans with reading threads (their entry beside the chunk that starts them) as with one thread', () => {
    const one = runBundle(['scan', '.', '--format', 'json', '--no-store', '-q'], FIXTURES);
    const threaded = runBundle(['scan', '.', '--format', 'json', '--no-store', '-q', '--workers', '2'], FIXTURES);
    expect(one.code).toBe(0);
    expect(threaded.code).toBe(0);
    expect(threaded.stderr).toBe('');
    expect(stable(threaded.stdout)).toBe(stable(one.stdout));
  });
});
