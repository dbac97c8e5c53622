/**
 * The ripgrep baseline: one `rg -l` over the same tree with the same folders skipped, looking for
 * imports/requires of every npm and PyPI package in aimap's catalog, and for those names as
 * manifest keys. That is the cheapest tool that could answer "which files use AI packages",
 * so aimap's wall time is judged against it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DEFAULT_EXCLUDED_DIRS } from '../../connectors/local/walk.ts';
import { AI_PACKAGES } from '../../src/detectors/shared/ai-packages.ts';

/** True when `rg` runs from PATH. */
export function hasRipgrep(): string | undefined {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Escapes regex metacharacters (not `/`: Rust's regex rejects `\/`). */
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Regexes (one per line, OR-ed by `rg -f`) built from the catalog: JS/TS imports and requires,
 * Python imports (module names are PyPI names with `-` as `_` or `.`), and manifest entries.
 */
export function ripgrepPatterns(): string[] {
  const npm = AI_PACKAGES.filter((p) => p.ecosystem === 'npm').map((p) => `${esc(p.name)}${p.prefix ? '[\\w./-]*' : ''}`);
  const pypi = AI_PACKAGES.filter((p) => p.ecosystem === 'pypi').map((p) => `${esc(p.name).replace(/-/g, '[-_.]')}${p.prefix ? '[\\w.-]*' : ''}`);
  const js = `(?:from|import|require\\()\\s*['"](?:${npm.join('|')})(?:['"/])`;
  const py = `^\\s*(?:from|import)\\s+(?:${pypi.join('|')})\\b`;
  const manifest = `^\\s*["']?(?:${[...npm, ...pypi].join('|')})["']?\\s*(?::|[=<>~!]=|[<>\\[;]|$)`;
  return [js, py, manifest];
}

/**
 * Picomatch globs as rg globs: rg has no extglobs, so `!(*.d).ts` becomes `*.ts` (a superset:
 * rg then also reads `.d.ts` / `.min.js` files, which aimap skips; the generated tree has none).
 */
export function toRipgrepGlob(glob: string): string {
  return glob.replace(/!\([^)]*\)/g, '*');
}

/** Arguments for rg: list matching files, hidden files included, no .gitignore, aimap's skips. */
export function ripgrepArgs(dir: string, patternFile: string, onlyGlobs: readonly string[]): string[] {
  const skips = DEFAULT_EXCLUDED_DIRS.flatMap((d) => ['-g', `!${d}`]);
  const only = onlyGlobs.flatMap((g) => ['-g', toRipgrepGlob(g)]);
  return ['-l', '--hidden', '--no-ignore', '--no-messages', ...only, ...skips, '-f', patternFile, dir];
}

/** Writes the pattern file and returns the printable command. */
export function preparePatterns(patternFile: string): void {
  writeFileSync(patternFile, `${ripgrepPatterns().join('\n')}\n`);
}

/** Shell-quoted command line, for the report. */
export function shellLine(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}
