/**
 * Bundles the compiled CLI (`dist/`, from `tsc -p tsconfig.build.json`) into `dist/bundle/`: the
 * CLI and the two worker entries (reading threads, the graph writer thread) with the code they share
 * in common chunks. Start-up is most of a small scan's time, and resolving and loading some 350
 * separate ES modules was most of start-up (`aimap --version`: 0.13 s bundled against 0.23 s).
 * Packages that read their own files at run time (schemas, WebAssembly) or load only on demand stay
 * outside and are imported from node_modules as before.
 *
 * Usage: node scripts/bundle.ts [DIST]   (default: dist)
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rolldown } from 'rolldown';

/** Imported at run time from node_modules, not bundled. */
export const EXTERNAL: readonly string[] = ['neo4j-driver', '@cyclonedx/cyclonedx-library', 'ajv', 'ajv-formats', 'xmllint-wasm'];

/** Entry name → compiled module; the workers are found next to the chunk that starts them. */
export const ENTRIES: Readonly<Record<string, string>> = {
  cli: 'src/cli.js',
  'prefilter-worker': 'connectors/local/prefilter-worker.js',
  'write-worker': 'graph/embedded/write-worker.js',
};

export async function bundle(dist: string): Promise<void> {
  const input = Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(dist, path)]));
  const build = await rolldown({
    input,
    platform: 'node',
    logLevel: 'warn',
    external: (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
  });
  // Chunk names carry a content hash: without this, every rebuild would leave the last one's behind.
  rmSync(join(dist, 'bundle'), { recursive: true, force: true });
  await build.write({ dir: join(dist, 'bundle'), format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js' });
  await build.close();
}

if (import.meta.main) await bundle(resolve(process.argv[2] ?? 'dist'));
