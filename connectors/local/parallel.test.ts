import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/api.ts';
import { compileDetectors } from '../../src/detectors/run.ts';
import type { Detector } from '../../src/detectors/types.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import type { ScanContext } from '../types.ts';
import type { DetectorSet } from '../../src/detectors/run.ts';
import type { ListedFile } from './walk.ts';
import { beginScan, CHUNK, LAZY_READERS_AFTER, lazyReaders, MAX_WORKERS, NO_READERS, startReaders, workerCount, workerJob, type ReaderPool, type ScanJob } from './parallel.ts';

/** Reads and detects a complete listing (nothing streamed): the readers are sent the listing first. */
async function scanAll(ctx: ScanContext, detectors: DetectorSet, job: ScanJob & { readonly listed: readonly string[] }, files: readonly ListedFile[], pool: ReaderPool) {
  const scan = beginScan(ctx, detectors, job, pool);
  files.forEach((file) => scan.add(file));
  return scan.finish(job.listed);
}
import { listFiles } from './walk.ts';
import { scanLocal } from './scan.ts';

function context(signal = new AbortController().signal): ScanContext & { advanced: () => number; debug: Array<Record<string, unknown> | undefined> } {
  let items = 0;
  const debug: Array<Record<string, unknown> | undefined> = [];
  return {
    scanId: 't', now: () => new Date(0), log: { debug: (_message, meta) => void debug.push(meta), warn: () => undefined }, signal, limit: (task) => task(),
    progress: { addTotal: () => undefined, advance: (n) => void (items += n) },
    advanced: () => items,
    debug,
  };
}

/** 400 files: AI code, manifests, config, a model header and fillers, so every chunk holds something. */
function tree(): string {
  const files: Record<string, string | Uint8Array> = {
    'package.json': JSON.stringify({ dependencies: { openai: '^4.0.0' } }),
    'requirements.txt': 'anthropic==0.30\n',
    'deploy/compose.yaml': 'services:\n  llm:\n    image: ollama/ollama:latest\n',
    '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n',
    'weights/model.gguf': new Uint8Array([0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0]),
    'broken.py': 'import openai\nx = (\n',
  };
  for (let i = 0; i < 130; i++) {
    files[`svc${i % 7}/app${i}.py`] = i % 10 === 0 ? `from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini-${i}")\n` : `def f${i}():\n    return ${i}\n`;
    files[`web${i % 5}/mod${i}.ts`] = i % 13 === 0 ? `import Anthropic from '@anthropic-ai/sdk';\nnew Anthropic().messages.create({ model: 'claude-3-${i}' });\n` : `export const v${i} = ${i};\n`;
    files[`docs/page${i}.md`] = `# page ${i}\n`;
  }
  return tempTree(files);
}

const options = (root: string, workers: number | undefined) => ({ paths: [root], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1 << 20, concurrency: 1, detectors: compileDetectors(DETECTORS), gitHistory: false, workers });

describe('scanning in worker threads', () => {
  it('finds exactly what one thread finds, in the same order, with the same stats and progress', async () => {
    const root = tree();
    const single = context();
    const parallel = context();
    const one = await scanLocal(single, options(root, 0));
    const two = await scanLocal(parallel, options(root, 2));
    expect(one.assets.filter((a) => a.kind === 'model').length).toBeGreaterThan(10);
    expect(two).toEqual(one);
    expect(parallel.advanced()).toBe(single.advanced());
    // The workers really scanned part of the tree (a worker that fails hands its files back).
    const run = parallel.debug.find((meta) => meta?.['byWorkers'] !== undefined);
    expect(run?.['workers']).toBe(2);
    // Workers read and pre-check; the texts of AI files come back to this thread to be detected.
    expect(run?.['byWorkers']).toBeGreaterThan(0);
    expect(single.debug.some((meta) => meta?.['byWorkers'] !== undefined)).toBe(false);
  });

  it('starts one reader by default where a second core is free, else as many as asked, at most MAX_WORKERS', () => {
    expect(workerCount(undefined, 1)).toBe(0);
    expect(workerCount(undefined, 2)).toBe(1);
    expect(workerCount(undefined, 64)).toBe(1);
    expect(workerCount(0, 8)).toBe(0);
    expect(workerCount(2)).toBe(2);
    expect(workerCount(99)).toBe(MAX_WORKERS);
  });

  it('hands chunks to the readers while the tree is still being listed, and finds what one thread finds', async () => {
    const root = tree();
    const detectors = compileDetectors(DETECTORS);
    const job = { scope: 'scope', maxFileSize: 1 << 20 };
    const listed: string[] = [];
    const alone = beginScan(context(), detectors, job, NO_READERS, []);
    const pool = startReaders(workerJob(detectors, job.scope, job.maxFileSize), 1);
    const streamed = beginScan(context(), detectors, job, pool, []);
    let inFlightWhileListing = 0;
    let candidates = 0;
    const listing = await listFiles({ root, exclude: [], include: [], defaultExcludes: true }, (f) => {
      listed.push(f.path);
      if (!detectors.wants(f.path)) return;
      candidates++;
      alone.add(f);
      streamed.add(f);
      inFlightWhileListing = Math.max(inFlightWhileListing, pool.slots[0]?.inFlight.size ?? 0);
    });
    // The listing handed files over in its own order, as they were found.
    expect(listed).toEqual(listing.files.map((f) => f.path));
    // Every full chunk was the reader's before the listing ended (the last, partial one waits for `finish`).
    expect(candidates).toBeGreaterThan(3 * CHUNK);
    expect(inFlightWhileListing).toBe(Math.floor(candidates / CHUNK));
    const outcomes = await streamed.finish(listed);
    await pool.close();
    expect(outcomes).toEqual(await alone.finish(listed));
    expect(outcomes.filter((o) => o.read).length).toBeGreaterThan(250);
  });

  it('keeps a reader from reading, beside a file, what the user excluded while the listing is under way', async () => {
    const project = (name: string): string => `<Project><PropertyGroup><AssemblyName>${name}</AssemblyName></PropertyGroup></Project>`;
    // The server comes first in path order: its chunk is the reader's (this thread reads from the other end).
    const files: Record<string, string> = { 'a/Api/Api.csproj': project('secret-name'), 'a/Api/Setup.cs': 'services.AddMcpServer().WithStdioServerTransport();\n' };
    for (let i = 0; i < 300; i++) files[`z/m${i}.py`] = `x = ${i}\n`;
    const root = tempTree(files);
    const exclude = ['a/Api/Api.csproj'];
    const names = (assets: readonly { kind: string; name: string }[]): string[] => assets.filter((a) => a.kind === 'mcp-server').map((a) => a.name);
    for (const workers of [0, 1]) {
      const ctx = context();
      const result = await scanLocal(ctx, { ...options(root, workers), exclude });
      expect(names(result.assets)).toEqual(['Api']);
      const run = ctx.debug.find((meta) => meta?.['byWorkers'] !== undefined);
      if (workers === 0) expect(run).toBeUndefined();
      else expect(run?.['byWorkers']).toBeGreaterThan(0);
      // Not excluded: the project names the server, on every thread.
      expect(names((await scanLocal(context(), options(root, workers))).assets)).toEqual(['secret-name']);
    }
    // A lazy pool booted in the middle of the listing is told the exclusions before its first chunk.
    const detectors = compileDetectors(DETECTORS);
    const job = { scope: 'scope', maxFileSize: 1 << 20 };
    const pool = lazyReaders(workerJob(detectors, job.scope, job.maxFileSize), 1, 10);
    const scan = beginScan(context(), detectors, job, pool, exclude);
    const listing = await listFiles({ root, exclude, include: [], defaultExcludes: true }, (f) => {
      if (detectors.wants(f.path)) scan.add(f);
    });
    const outcomes = await scan.finish(listing.files.map((f) => f.path));
    await pool.close();
    expect(pool.slots).toHaveLength(1);
    expect(names(outcomes.flatMap((o) => o.results.flatMap((r) => r.assets)))).toEqual(['Api']);
  });

  it('starts a default pool only once the listing passes LAZY_READERS_AFTER candidates', async () => {
    const pool = lazyReaders(workerJob(compileDetectors(DETECTORS), 'scope', 1 << 20), 1);
    const small = context();
    // The 400-file tree: scanned on this thread alone, no reader booted.
    await scanLocal(small, { ...options(tree(), 0), workers: undefined });
    expect(small.debug.some((meta) => meta?.['byWorkers'] !== undefined)).toBe(false);
    const scan = beginScan(context(), compileDetectors(DETECTORS), { scope: 'scope', maxFileSize: 1 << 20 }, pool, []);
    const file = (i: number) => ({ path: `m${i}.py`, absolute: `/nonexistent/m${i}.py` });
    for (let i = 0; i < LAZY_READERS_AFTER - 1; i++) scan.add(file(i));
    expect(pool.slots.length).toBe(0);
    scan.add(file(LAZY_READERS_AFTER));
    expect(pool.slots.length).toBe(1);
    const outcomes = await scan.finish([]);
    await pool.close();
    // Files that vanished after listing: unreadable on the reader, each an error, none lost.
    expect(outcomes).toHaveLength(LAZY_READERS_AFTER);
    expect(outcomes.every((o) => o.results.some((r) => r.diagnostics.some((d) => d.code === 'unreadable')))).toBe(true);
  });

  it('sends every text to the main thread for a detector with no pre-check, and still finds what one thread finds', async () => {
    const seen: string[] = [];
    const custom: Detector = {
      id: 'javascript', // a registered id on a custom detector: the registered pre-check must not apply
      displayName: 'Custom',
      patterns: ['**/*.md'],
      detect: (file) => {
        seen.push(file.path);
        return file.content === '# page 7\n' ? { assets: [], relationships: [], diagnostics: [{ connector: 'custom', level: 'info', code: 'unreadable', message: 'seen', location: { path: file.path } }] } : null;
      },
    };
    const root = tree();
    const opts = (workers: number) => ({ ...options(root, workers), detectors: compileDetectors([custom]) });
    const one = await scanLocal(context(), opts(0));
    const single = [...seen].sort();
    seen.length = 0;
    const two = await scanLocal(context(), opts(2));
    expect(two).toEqual(one);
    expect([...seen].sort()).toEqual(single);
    expect(single.length).toBe(130);
    expect(one.diagnostics.filter((d) => d.message === 'seen').map((d) => d.location?.path)).toEqual(['docs/page7.md']);
  });

  it('loses nothing when a reading thread dies mid-scan: what it held is read on the main thread', async () => {
    const root = tree();
    const detectors = compileDetectors(DETECTORS);
    const listing = await listFiles({ root, exclude: [], include: [], defaultExcludes: true });
    const files = listing.files.filter((f) => detectors.wants(f.path));
    const job = { scope: 'scope', maxFileSize: 1 << 20, listed: listing.files.map((f) => f.path) };
    const alone = await scanAll(context(), detectors, job, files, NO_READERS);
    for (const readers of [1, 2]) {
      const pool = startReaders(workerJob(detectors, job.scope, job.maxFileSize), readers);
      const scanning = scanAll(context(), detectors, job, files, pool);
      // Every chunk is in flight to the first reader by now (the second has none); it dies before
      // answering any. One reader: this thread reads them; two: the one left does.
      await pool.slots[0]?.worker.terminate();
      const outcomes = await scanning;
      await pool.close();
      expect(outcomes.filter((o) => o.read).length).toBeGreaterThan(200);
      expect(outcomes).toEqual(alone);
    }
  });

  it('gives a symlinked file the neighbours of its link, on every thread, and holds them to the exclusions', async () => {
    const project = (name: string): string => `<Project><PropertyGroup><AssemblyName>${name}</AssemblyName></PropertyGroup></Project>`;
    const files: Record<string, string> = { 'y/Api.csproj': project('secret-name'), 'y/Setup.cs': 'services.AddMcpServer().WithStdioServerTransport();\n' };
    for (let i = 0; i < 200; i++) files[`z/m${i}.py`] = `x = ${i}\n`;
    const root = tempTree(files);
    mkdirSync(join(root, 'x'));
    symlinkSync(join('..', 'y', 'Setup.cs'), join(root, 'x', 'Setup.cs'));
    const servers = (result: Awaited<ReturnType<typeof scanLocal>>): string[] => result.assets.filter((a) => a.kind === 'mcp-server').map((a) => a.name).sort();
    for (const workers of [0, 1]) {
      // `x` holds no project: the link's server is named after its folder, not after y's project.
      expect(servers(await scanLocal(context(), options(root, workers)))).toEqual(['secret-name', 'x']);
      expect(servers(await scanLocal(context(), { ...options(root, workers), exclude: ['y/Api.csproj'] }))).toEqual(['x', 'y']);
    }
  });

  it('loses nothing when a reader dies while the listing streams to it', async () => {
    const root = tree();
    const detectors = compileDetectors(DETECTORS);
    const listing = await listFiles({ root, exclude: [], include: [], defaultExcludes: true });
    const files = listing.files.filter((f) => detectors.wants(f.path));
    const listed = listing.files.map((f) => f.path);
    const job = { scope: 'scope', maxFileSize: 1 << 20 };
    const alone = await scanAll(context(), detectors, { ...job, listed }, files, NO_READERS);
    for (const readers of [1, 2]) {
      const pool = startReaders(workerJob(detectors, job.scope, job.maxFileSize), readers);
      const scan = beginScan(context(), detectors, job, pool, []);
      files.forEach((f) => scan.add(f));
      // The first reader holds chunks handed out during the listing, and dies before answering.
      expect(pool.slots[0]?.inFlight.size).toBeGreaterThan(0);
      await pool.slots[0]?.worker.terminate();
      const outcomes = await scan.finish(listed);
      await pool.close();
      expect(outcomes).toEqual(alone);
    }
  });

  it('stops handing out files once the scan is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await scanLocal(context(controller.signal), options(tree(), 2));
    expect(result.stats.filesRead).toBe(0);
    expect(result.assets.filter((a) => a.kind !== 'repository')).toEqual([]);
  });
});
