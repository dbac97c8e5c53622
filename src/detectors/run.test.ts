import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from './api.ts';
import { compileDetectors, compilePatterns } from './run.ts';
import type { Detector } from './types.ts';

const PATHS = [
  'package.json', 'apps/web/package.json', 'src/index.ts', 'src/types.d.ts', 'lib/x.min.js', 'lib/x.js', 'a/b/app.py', 'n/book.ipynb',
  'requirements.txt', 'requirements/dev.txt', 'svc/requirements-dev.txt', 'go.mod', 'x/pom.xml', 'build.gradle.kts', 'Cargo.toml', 'Gemfile',
  'App/App.csproj', 'environment.yml', '.hidden/app.ts', 'README.md', 'logo.png', 'styles/site.css', 'gradle/libs.versions.toml', 'a.tsx', 'b.mts',
];

describe('compilePatterns', () => {
  it('agrees with picomatch on every registered detector pattern', () => {
    for (const detector of DETECTORS) {
      const fast = compilePatterns(detector.patterns);
      const slow = picomatch(detector.patterns as string[], { dot: true });
      for (const path of PATHS) expect({ detector: detector.id, path, match: fast(path) }).toEqual({ detector: detector.id, path, match: slow(path) });
    }
  });
});

describe('compileDetectors', () => {
  it('turns a throwing detector into an error diagnostic and keeps the others running', () => {
    const boom: Detector = { id: 'boom', displayName: 'Boom', patterns: ['**/*.py'], detect: () => { throw new Error('kaput'); } };
    const set = compileDetectors([boom, ...DETECTORS]);
    const results = set.run({ scope: 's', path: 'app.py', content: 'import openai\n' });
    expect(results.flatMap((r) => r.diagnostics).map((d) => [d.code, d.level, d.message])).toEqual([['detector-failed', 'error', 'detector boom failed on this file: kaput']]);
    expect(results.flatMap((r) => r.assets).map((a) => a.name)).toEqual(['openai']);
  });
});
