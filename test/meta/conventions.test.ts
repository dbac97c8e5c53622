/**
 * Keeps the project's conventions honest (DESIGN.md §2, §5): every detector and connector is
 * registered, documented and tested; files stay small; only config and the CLI read the environment.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTORS } from '../../connectors/api.ts';
import { DETECTORS } from '../../src/detectors/api.ts';

const root = join(import.meta.dirname, '..', '..');
const dirs = (p: string): string[] => readdirSync(join(root, p)).filter((n) => statSync(join(root, p, n)).isDirectory());

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const full = join(d, n);
      if (statSync(full).isDirectory()) {
        if (n !== '__fixtures__' && n !== 'node_modules') walk(full);
      } else if (n.endsWith('.ts')) out.push(relative(root, full));
    }
  };
  walk(join(root, dir));
  return out;
}

describe('registries', () => {
  it('lists every detector folder in src/detectors/api.ts under its own id, each with tests', () => {
    const folders = dirs('src/detectors').filter((n) => n !== 'shared').sort();
    expect(DETECTORS.map((d) => d.id).sort()).toEqual(folders);
    for (const folder of folders) {
      const files = readdirSync(join(root, 'src/detectors', folder));
      expect(files.some((f) => f.endsWith('.test.ts')), `${folder} has a test`).toBe(true);
    }
  });

  it('lists every connector folder in connectors/api.ts, each with a readme and a test', () => {
    const folders = dirs('connectors').filter((n) => n !== '__fixtures__').sort();
    expect(Object.keys(CONNECTORS).sort()).toEqual(folders);
    for (const [id, connector] of Object.entries(CONNECTORS)) {
      expect(connector.id).toBe(id);
      expect(existsSync(join(root, 'connectors', id, 'readme.md')), `${id}/readme.md`).toBe(true);
      expect(readdirSync(join(root, 'connectors', id)).some((f) => f.endsWith('.test.ts')), `${id} has a test`).toBe(true);
    }
  });

  it('gives every fixture folder a README saying where it comes from', () => {
    for (const name of dirs('test/fixtures')) {
      expect(existsSync(join(root, 'test/fixtures', name, 'README.md')), `test/fixtures/${name}/README.md`).toBe(true);
    }
  });
});

describe('source conventions', () => {
  const files = ['src', 'connectors', 'graph', 'sbom'].flatMap(sourceFiles).filter((f) => !f.endsWith('.test.ts'));

  it('keeps source files under 500 lines', () => {
    const big = files.filter((f) => readFileSync(join(root, f), 'utf8').split('\n').length > 500);
    expect(big).toEqual([]);
  });

  it('names files in kebab-case', () => {
    const bad = files.filter((f) => !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.test)?\.ts$/.test(f.split('/').pop() ?? ''));
    expect(bad).toEqual([]);
  });

  it('reads process.env only in src/config and src/cli.ts', () => {
    const offenders = files.filter((f) => !f.startsWith('src/config/') && f !== 'src/cli.ts' && /process\.env/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('test conventions', () => {
  it('times hang guards by CPU time (test/helpers/cpu-time.ts), not by the wall clock', () => {
    // A wall-clock bound fails when other processes hold the cores; speed targets live in test/bench.
    // The helper's own test reads the wall clock as the reference it checks the CPU clock against.
    const tests = ['src', 'connectors', 'graph', 'sbom', 'test']
      .flatMap(sourceFiles)
      .filter((f) => f.endsWith('.test.ts') && !f.startsWith('test/fixtures/') && !f.startsWith('test/bench/') && f !== 'test/helpers/cpu-time.test.ts');
    const offenders = tests.filter((f) => /\bperformance\.now\(|\bprocess\.hrtime\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
