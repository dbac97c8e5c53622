/**
 * The reading threads of a scan finish a file without running any detector when every detector's
 * gate or pre-check says it would return null (`src/detectors/prefilters.ts`,
 * `connectors/local/detect-file.ts` `prefilterFile`). That is only sound if each pre-check really
 * is a necessary condition, and only fast if the workers load no parser. Both are held here: over
 * every text file of every fixture folder (traps included), a detector whose pre-check or gate says
 * no returns null; and the worker's module graph imports no parser package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/api.ts';
import { LIGHT_DETECTORS } from '../../src/detectors/light.ts';
import { PREFILTERS } from '../../src/detectors/prefilters.ts';
import { compileDetectors } from '../../src/detectors/run.ts';

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURES = join(REPO, 'test', 'fixtures');

/** Every file under the fixture folders, with its path relative to its fixture folder. */
function fixtureFiles(): Array<{ path: string; content: string }> {
  const out: Array<{ path: string; content: string }> = [];
  for (const root of readdirSync(FIXTURES).map((n) => join(FIXTURES, n)).filter((p) => statSync(p).isDirectory())) {
    const walk = (dir: string): void => {
      for (const d of readdirSync(dir, { withFileTypes: true })) {
        const abs = join(dir, d.name);
        if (d.isDirectory()) walk(abs);
        else if (d.isFile()) {
          const bytes = readFileSync(abs);
          if (!bytes.subarray(0, 8000).includes(0)) out.push({ path: relative(root, abs).split('\\').join('/'), content: bytes.toString('utf8') });
        }
      }
    };
    walk(root);
  }
  return out;
}

const FILES = fixtureFiles();

describe('detector pre-checks', () => {
  for (const detector of DETECTORS.filter((d) => !d.binary)) {
    const check = PREFILTERS[detector.id];
    const wanted = compileDetectors([detector]);
    // The gate does not apply where the detector lifts it (`Detector.ungated`), as in `run.ts`.
    const ungated = picomatch([...(detector.ungated ?? [])], { dot: true });
    it(`${detector.id}: a file its gate or pre-check turns away gets null from detect`, () => {
      const files = FILES.filter((f) => wanted.wantsText(f.path));
      let turnedAway = 0;
      for (const file of files) {
        const gated = detector.literals !== undefined && !ungated(file.path) && !detector.literals.some((l) => file.content.includes(l));
        const checked = check !== undefined && !check(file.path, file.content);
        if (!gated && !checked) continue;
        turnedAway++;
        expect({ path: file.path, found: detector.detect({ scope: 'fixtures', path: file.path, content: file.content }) }).toEqual({ path: file.path, found: null });
      }
      // The fixtures exercise every pre-check that exists: some files pass it, some do not.
      if (check !== undefined || detector.literals !== undefined) {
        expect(turnedAway).toBeGreaterThan(0);
        expect(turnedAway).toBeLessThan(files.length);
      }
    });
  }

  it('every pre-check belongs to a registered text detector', () => {
    const ids = new Set(DETECTORS.filter((d) => !d.binary).map((d) => d.id));
    expect(Object.keys(PREFILTERS).filter((id) => !ids.has(id))).toEqual([]);
  });
});

/** Package imports (not `import type`) reachable from a module through relative imports. */
function packagesReachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

describe('the reading thread', () => {
  it('runs registered detectors only, in registry order (a file\'s results keep that order)', () => {
    const positions = LIGHT_DETECTORS.map((d) => DETECTORS.indexOf(d));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('loads no parser, its own detectors included: only Node built-ins and the glob matcher', () => {
    const packages = [...packagesReachable(join(REPO, 'connectors', 'local', 'prefilter-worker.ts'))].filter((p) => !p.startsWith('node:'));
    expect(packages.sort()).toEqual(['picomatch']);
  });
});
