/**
 * Builds (or reuses) the synthetic monorepo the bench scans. Deterministic: the same seed and
 * size give the same bytes. A marker in `.git/` (a folder every scanner skips) records what was
 * generated and what was planted, so later runs reuse the tree and still know the expectations.
 *
 * CLI: `node test/bench/generate.ts [--dir PATH] [--files 50000] [--seed 42]`
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planTree, type Category } from './layout.ts';
import { createRng } from './prng.ts';

/** Bump when the generator's output changes, so stale trees are regenerated. */
export const GENERATOR_VERSION = 4;
const MARKER = '.git/aimap-bench.json';

/** What a generated tree holds; stored in the marker. */
export interface TreeManifest {
  readonly generator: number;
  readonly seed: number;
  /** Requested number of files outside skipped folders. */
  readonly target: number;
  /** Files and bytes per category; `skipped` = inside node_modules/.git/dist/... */
  readonly byCategory: Record<Category, { files: number; bytes: number }>;
  /** Planted AI files (outside skipped folders): path and whether code or manifest. */
  readonly aiFiles: ReadonlyArray<{ readonly path: string; readonly kind: 'code' | 'manifest' }>;
  /** Distinct asset keys the plants should yield, grouped by kind. */
  readonly expected: Record<string, string[]>;
}

/** Options for `ensureTree`. */
export interface TreeOptions {
  readonly dir?: string;
  readonly files: number;
  readonly seed: number;
  readonly log?: (line: string) => void;
}

/** The default location: one folder per size and seed under the OS temp dir, reused across runs. */
export function defaultTreeDir(files: number, seed: number): string {
  return join(tmpdir(), `aimap-bench-${files}-s${seed}`);
}

/** Returns the tree at `dir`, generating it unless a matching marker is already there. */
export function ensureTree(options: TreeOptions): { dir: string; manifest: TreeManifest; reused: boolean } {
  const dir = resolve(options.dir ?? defaultTreeDir(options.files, options.seed));
  const marker = readMarker(dir);
  if (marker && marker.generator === GENERATOR_VERSION && marker.seed === options.seed && marker.target === options.files) {
    return { dir, manifest: marker, reused: true };
  }
  if (!marker && existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists, is not empty and holds no bench marker (${MARKER}); refusing to overwrite it`);
  }
  options.log?.(`generating ${options.files} files in ${dir} (seed ${options.seed})...`);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const manifest = writeTree(partial, options.files, options.seed);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, manifest, reused: false };
}

function readMarker(dir: string): TreeManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as TreeManifest;
  } catch {
    return undefined;
  }
}

function writeTree(root: string, target: number, seed: number): TreeManifest {
  const made = new Set<string>();
  const byCategory: TreeManifest['byCategory'] = { js: { files: 0, bytes: 0 }, py: { files: 0, bytes: 0 }, other: { files: 0, bytes: 0 }, skipped: { files: 0, bytes: 0 } };
  const aiFiles: Array<TreeManifest['aiFiles'][number]> = [];
  const expected = new Map<string, Set<string>>();
  planTree(createRng(seed), target, (file) => {
    const full = join(root, file.path);
    const folder = dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    writeFileSync(full, bytes);
    byCategory[file.category].files++;
    byCategory[file.category].bytes += bytes.length;
    if (file.ai && file.category !== 'skipped') {
      aiFiles.push({ path: file.path, kind: file.ai.kind });
      for (const key of file.ai.expects) {
        const kind = key.slice(0, key.indexOf(':'));
        if (!expected.has(kind)) expected.set(kind, new Set());
        expected.get(kind)?.add(key.slice(kind.length + 1));
      }
    }
  });
  const manifest: TreeManifest = {
    generator: GENERATOR_VERSION,
    seed,
    target,
    byCategory,
    aiFiles,
    expected: Object.fromEntries([...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()])),
  };
  writeFileSync(join(root, MARKER), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, files: { type: 'string', default: '50000' }, seed: { type: 'string', default: '42' } } });
  const started = performance.now();
  const { dir, manifest, reused } = ensureTree({ files: Number(values.files), seed: Number(values.seed), log: (l) => console.error(l), ...(values.dir ? { dir: values.dir } : {}) });
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(JSON.stringify({ dir, reused, seconds: Number(took), byCategory: manifest.byCategory, aiFiles: manifest.aiFiles.length }, null, 2));
}
