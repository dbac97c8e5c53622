/**
 * `npm run bench`: generates (or reuses) the synthetic monorepo, builds aimap, times the real CLI
 * scanning it (median of N warm runs), measures peak RSS, checks the inventory against what was
 * planted, and compares with ripgrep over the same files. Results go to stdout and to
 * <tmpdir>/aimap-bench-results/latest.json.
 *
 * It also times a scan with only the code detectors of the first release (`--base-detectors`), so the
 * report shows what the later detectors (configs, containers, IaC, model files, keys...) cost.
 *
 * Flags: --files N (50000) --runs N (3) --dir PATH --seed N (42) --no-build --no-rg --check
 *        --base-detectors ids (manifests,javascript,python,notebooks; '' to skip)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DETECTORS } from '../../src/detectors/api.ts';
import { ensureTree } from './generate.ts';
import { checkInventory } from './inventory-check.ts';
import { measureInterleaved, median, type Measurement, type RunSpec } from './measure.ts';
import { renderReport, type BenchResult, type RgTiming, type ToolTiming } from './report.ts';
import { hasRipgrep, preparePatterns, ripgrepArgs, shellLine } from './rg.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const MAX_RATIO = 3;
const MAX_RSS_MB = 500;

const { values: flags } = parseArgs({
  options: {
    files: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string' },
    seed: { type: 'string', default: '42' },
    'no-build': { type: 'boolean', default: false },
    'no-rg': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'base-detectors': { type: 'string', default: 'manifests,javascript,python,notebooks' },
  },
});
const runs = Math.max(1, Number(flags.runs));
const resultsDir = join(tmpdir(), 'aimap-bench-results');
mkdirSync(resultsDir, { recursive: true });
const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function build(): void {
  if (flags['no-build']) return;
  log('building dist/ (tsc -p tsconfig.build.json, then scripts/bundle.ts)...');
  const r = spawnSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) log(`tsc exited ${r.status}; using whatever it emitted:\n${(r.stdout + r.stderr).slice(0, 1500)}`);
  const b = spawnSync(process.execPath, [join(REPO, 'scripts/bundle.ts')], { cwd: REPO, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`bundling failed:\n${(b.stdout + b.stderr).slice(0, 1500)}`);
  if (!existsSync(join(REPO, 'dist/bundle/cli.js'))) throw new Error('dist/bundle/cli.js missing after the build');
}

function timing(command: string, ms: readonly Measurement[]): ToolTiming {
  const peaks = ms.map((m) => m.peakRssKb).filter((k): k is number => k !== undefined);
  const cpu = ms.map((m) => m.cpuSec).filter((c): c is number => c !== undefined);
  return {
    command,
    runsMs: ms.map((m) => m.wallMs),
    medianMs: median(ms.map((m) => m.wallMs)),
    ...(cpu.length ? { cpuSec: median(cpu) } : {}),
    peakRssKb: peaks.length ? Math.max(...peaks) : undefined,
    rssSource: ms[0]?.rssSource ?? 'none',
  };
}

/** The rg variants to run: same files as aimap (detector globs) first, then every file. */
function rgVariants(dir: string): { specs: Array<RunSpec & { label: string }>; note?: string } {
  if (flags['no-rg']) return { specs: [], note: 'skipped (--no-rg)' };
  if (!hasRipgrep()) return { specs: [], note: 'rg not on PATH; comparison skipped (apt-get install ripgrep)' };
  const patternFile = join(resultsDir, 'rg-patterns.txt');
  preparePatterns(patternFile);
  const globs = [...new Set(DETECTORS.flatMap((d) => d.patterns))];
  const variants: Array<[string, string[]]> = globs.length > 0 ? [['same files aimap reads (detector globs)', globs]] : [];
  variants.push(['every file outside skipped folders', []]);
  return { specs: variants.map(([label, only]) => ({ label, command: 'rg', args: ripgrepArgs('.', patternFile, only), cwd: dir, okCodes: [0, 1] })) };
}

async function main(): Promise<void> {
  const tree = ensureTree({ files: Number(flags.files), seed: Number(flags.seed), log, ...(flags.dir ? { dir: flags.dir } : {}) });
  const { byCategory: cat } = tree.manifest;
  const files = cat.js.files + cat.py.files + cat.other.files;
  const bytes = cat.js.bytes + cat.py.bytes + cat.other.bytes;
  build();
  const work = mkdtempSync(join(tmpdir(), 'aimap-bench-run-'));
  const output = join(work, 'inventory.json');
  const aimapSpec: RunSpec = { command: process.execPath, args: [join(REPO, 'bin/aimap.js'), 'scan', tree.dir, '--format', 'json', '--no-store', '--quiet', '--output', output], cwd: work, okCodes: [0] };
  const baseIds = (flags['base-detectors'] ?? '').split(',').filter(Boolean);
  const baseSpecs: RunSpec[] = baseIds.length === 0 ? [] : [{ ...aimapSpec, args: [...aimapSpec.args.slice(0, -1), join(work, 'base.json'), '--detectors', baseIds.join(',')] }];
  const rg = rgVariants(tree.dir);
  const loadBefore = loadavg()[0] ?? 0;
  log(`measuring aimap${baseSpecs.length ? ' (all detectors and base detectors)' : ''}${rg.specs.length ? ` and ${rg.specs.length} rg variant(s)` : ''}: 1 warm-up + ${runs} interleaved rounds`);
  const [aimapRuns = [], ...otherRuns] = await measureInterleaved([aimapSpec, ...baseSpecs, ...rg.specs], runs, log);
  const baseRuns = baseSpecs.length > 0 ? otherRuns.shift() ?? [] : [];
  const rgRuns = otherRuns;
  const aimap = timing(shellLine(aimapSpec.command, aimapSpec.args), aimapRuns);
  const base = baseSpecs[0] ? { ...timing(shellLine(baseSpecs[0].command, baseSpecs[0].args), baseRuns), detectors: baseIds } : undefined;
  const check = checkInventory(readFileSync(output, 'utf8'), tree.manifest);
  rmSync(work, { recursive: true, force: true });
  const planted = new Set(tree.manifest.aiFiles.map((f) => f.path));
  const rgTimings: RgTiming[] = rg.specs.map((spec, i) => {
    const ms = rgRuns[i] ?? [];
    const matched = (ms[0]?.stdout ?? '').split('\n').filter(Boolean).map((p) => p.replace(/^\.\//, ''));
    return { ...timing(`(cd ${tree.dir} && ${shellLine('rg', spec.args)})`, ms), label: spec.label, matchedFiles: matched.length, plantedMatched: matched.filter((p) => planted.has(p)).length };
  });
  const baseline = rgTimings[0];
  const ratio = baseline ? aimap.medianMs / baseline.medianMs : undefined;
  const result: BenchResult = {
    machine: {
      node: `${process.version} (${process.execPath})`,
      cpu: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
      memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
      'load average (1 min)': `${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`,
      detectors: DETECTORS.map((d) => d.id).join(', ') || '(none registered)',
      ripgrep: hasRipgrep() ?? 'absent',
    },
    tree: { dir: tree.dir, reused: tree.reused, files, bytes, skippedFiles: cat.skipped.files, skippedBytes: cat.skipped.bytes, mix: `JS/TS ${pct(cat.js.files, files)}, Python ${pct(cat.py.files, files)}, other ${pct(cat.other.files, files)}` },
    aimap: { ...aimap, filesPerSec: files / (aimap.medianMs / 1000), mbPerSec: bytes / 1024 / 1024 / (aimap.medianMs / 1000), check },
    ...(base === undefined ? {} : { base }),
    rg: rgTimings,
    ...(rg.note ? { rgNote: rg.note } : {}),
    targets: {
      maxRatio: MAX_RATIO,
      maxRssMb: MAX_RSS_MB,
      ...(ratio === undefined ? {} : { ratio, ratioPass: ratio <= MAX_RATIO }),
      ...(aimap.cpuSec !== undefined && baseline?.cpuSec ? { cpuRatio: aimap.cpuSec / baseline.cpuSec } : {}),
      ...(aimap.peakRssKb === undefined ? {} : { rssPass: aimap.peakRssKb / 1024 <= MAX_RSS_MB }),
    },
  };
  process.stdout.write(renderReport(result));
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nresults: ${join(resultsDir, 'latest.json')}\n`);
  if (flags.check && (result.targets.ratioPass === false || result.targets.rssPass === false || check.assets === 0)) process.exitCode = 1;
}

function pct(n: number, total: number): string {
  return `${((100 * n) / total).toFixed(1)}%`;
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
