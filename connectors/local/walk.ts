/**
 * Lists the files of a scan root (I/O only). fast-glob walks the tree with dotfiles included and
 * the default dependency/VCS/build/virtualenv folders pruned; symlinks are never followed: a link
 * inside the root points at a file that is scanned at its real path anyway, and a link out of the
 * root, a loop, or a dangling link becomes a diagnostic.
 */
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../../src/model/index.ts';

/** Folders skipped by default: dependencies, VCS metadata, build output, virtualenvs, caches. */
export const DEFAULT_EXCLUDED_DIRS: readonly string[] = [
  'node_modules', 'bower_components', 'jspm_packages', '.pnpm-store', '.yarn',
  '.git', '.hg', '.svn', '.bzr',
  'dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', '.output', 'coverage', '.nyc_output',
  '.venv', 'venv', '.tox', '.nox', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', '.eggs', '.ipynb_checkpoints',
  '.gradle', '.m2', 'vendor', '.terraform', '.serverless', 'Pods', 'DerivedData', 'obj',
  '.cache', '.aimap',
];

export interface WalkOptions {
  /** Absolute root. */
  readonly root: string;
  /** Extra globs to skip (relative to the root). */
  readonly exclude: readonly string[];
  /** Globs scanned even where a default exclusion would skip them. */
  readonly include: readonly string[];
  /** Drop DEFAULT_EXCLUDED_DIRS altogether. */
  readonly defaultExcludes: boolean;
}

export interface ListedFile {
  /** POSIX path relative to the root. */
  readonly path: string;
  readonly absolute: string;
}

export interface WalkResult {
  readonly files: readonly ListedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A bare folder name (`fixtures`) means that folder anywhere; anything else is a glob. */
export function toIgnoreGlobs(patterns: readonly string[]): string[] {
  return patterns.flatMap((p) => {
    const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    if (clean === '') return [];
    return /[/*?[{]/.test(clean) ? [clean, `${clean}/**`] : [`**/${clean}`, `**/${clean}/**`];
  });
}

/** Lists regular files under `root`, sorted by path. */
export async function listFiles(options: WalkOptions): Promise<WalkResult> {
  const userIgnore = toIgnoreGlobs(options.exclude);
  const defaults = options.defaultExcludes ? toIgnoreGlobs(DEFAULT_EXCLUDED_DIRS) : [];
  const base = { cwd: options.root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true } as const;
  const entries = await fg('**', { ...base, ignore: [...defaults, ...userIgnore] });
  if (options.include.length > 0) {
    entries.push(...(await fg(options.include.map((g) => g.replace(/\\/g, '/')), { ...base, ignore: userIgnore })));
  }
  const files = new Map<string, ListedFile>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of entries) {
    if (files.has(entry.path)) continue;
    if (entry.dirent.isFile()) {
      files.set(entry.path, { path: entry.path, absolute: resolve(options.root, entry.path) });
    } else if (entry.dirent.isSymbolicLink()) {
      const problem = await checkSymlink(options.root, entry.path);
      if (problem) diagnostics.push(problem);
    }
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, diagnostics };
}

async function checkSymlink(root: string, path: string): Promise<Diagnostic | undefined> {
  const where = { path };
  try {
    const target = await realpath(resolve(root, path));
    const rel = relative(await realpath(root), target);
    if (rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel) {
      return { connector: 'local', level: 'info', code: 'symlink-outside-root', message: 'symlink points outside the scanned root; not followed', location: where };
    }
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') {
      return { connector: 'local', level: 'warn', code: 'symlink-loop', message: 'symlink loop; not followed', location: where };
    }
    return { connector: 'local', level: 'info', code: 'symlink-broken', message: `dangling symlink (${code ?? 'unresolvable'}); skipped`, location: where };
  }
}
