/**
 * Profiling aid: times the local connector's phases separately on a tree (module load, listing,
 * candidate filter, reading, detectors one by one) and, for comparison, cheaper ways to list and
 * read the same files. Runs from source, in one process, on a warm cache.
 *
 * Usage: node test/bench/phases.ts DIR [--concurrency 32]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { concurrency: { type: 'string', default: '32' } } });
const root = positionals[0];
if (!root) throw new Error('usage: node test/bench/phases.ts DIR');
const rows: Array<[string, number, string]> = [];
const time = async <T>(label: string, fn: () => T | Promise<T>, note: (r: T) => string = () => ''): Promise<T> => {
  const t = performance.now();
  const r = await fn();
  rows.push([label, performance.now() - t, note(r)]);
  return r;
};

const mods = await time('import connector + detectors', async () => {
  const [walk, read, run, api, limit] = await Promise.all([
    import('../../connectors/local/walk.ts'), import('../../connectors/local/read.ts'), import('../../src/detectors/run.ts'),
    import('../../src/detectors/api.ts'), import('../../src/pipeline/limit.ts'),
  ]);
  return { walk, read, run, api, limit };
});
const listing = await time('list (listFiles, default dirs pruned)', () => mods.walk.listFiles({ root, exclude: [], include: [], defaultExcludes: true }), (l) => `${l.files.length} files`);
const excluded = new Set(mods.walk.DEFAULT_EXCLUDED_DIRS);
await time('  alt: bare readdirSync walk, same pruning', () => walkSync(root, '', excluded), (l) => `${l.length} files`);
const set = mods.run.compileDetectors(mods.api.DETECTORS);
const candidates = await time('filter candidates (wants: file-name match)', () => listing.files.filter((f) => set.wants(f.path)), (c) => `${c.length} candidates`);
const limit = mods.limit.createLimiter(Number(values.concurrency));
const texts = await time('read candidates (readCandidateSync, the default)', () => candidates.map((f) => mods.read.readCandidateSync(f, 5 * 1024 * 1024)), (o) => `${(o.reduce((n, x) => n + x.bytes, 0) / 1048576).toFixed(1)} MB`);
await time(`  alt: readCandidate, limiter ${values.concurrency} (--concurrency)`, () => Promise.all(candidates.map((f) => limit(() => mods.read.readCandidate(f, 5 * 1024 * 1024)))), () => '');
await time('  alt: fs.promises.readFile, same limiter', () => Promise.all(candidates.map((f) => limit(() => readFile(f.absolute)))), () => '');
await time('  alt: readFileSync loop', () => candidates.map((f) => readFileSync(f.absolute)), () => '');
const [parallel, reader, detectFile] = await Promise.all([import('../../connectors/local/parallel.ts'), import('../../connectors/local/reader.ts'), import('../../connectors/local/detect-file.ts')]);
const pass = reader.readerFor(parallel.workerJob(set, 'bench', 5 * 1024 * 1024));
await time('reading pass (prefilterFile: read, byte gate, pre-checks)', () => candidates.map((f) => detectFile.prefilterFile(pass, f, 5 * 1024 * 1024)), (items) => `${items.filter((i) => i.kind !== 'done').length} files left for detectors`);
for (const detector of mods.api.DETECTORS) {
  const single = mods.run.compileDetectors([detector]);
  await time(`detect: ${detector.id}`, () => {
    let found = 0;
    candidates.forEach((f, i) => {
      const o = texts[i];
      if (o?.kind === 'text' && single.wants(f.path)) found += single.run({ scope: 'bench', path: f.path, content: o.content }).length;
    });
    return found;
  }, (n) => `${n} results`);
}
const { runScan } = await import('../../src/pipeline/run-scan.ts');
await time('full runScan (for reference)', () => runScan({ paths: [root] }), (inv) => `${inv.assets.length} assets`);

const width = Math.max(...rows.map(([l]) => l.length));
for (const [label, ms, note] of rows) console.log(`${label.padEnd(width)}  ${(ms / 1000).toFixed(3).padStart(7)} s  ${note}`);
console.log(`peak RSS of this tool: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (it keeps every text in memory; not aimap's figure)`);

function walkSync(base: string, rel: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(base, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!skip.has(e.name)) out.push(...walkSync(base, path, skip));
    } else if (e.isFile()) out.push(path);
  }
  return out;
}
