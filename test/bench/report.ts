/** Renders the bench result as a readable plain-text report. */
import type { InventoryCheck } from './inventory-check.ts';

/** One tool's timing. */
export interface ToolTiming {
  readonly command: string;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  /** Median user + system CPU seconds, when GNU time measured them. */
  readonly cpuSec?: number;
  readonly peakRssKb: number | undefined;
  readonly rssSource: string;
}

/** An rg baseline variant. */
export interface RgTiming extends ToolTiming {
  readonly label: string;
  readonly matchedFiles: number;
  readonly plantedMatched: number;
}

/** Everything the bench measured. */
export interface BenchResult {
  readonly machine: Record<string, string>;
  readonly tree: { dir: string; reused: boolean; files: number; bytes: number; skippedFiles: number; skippedBytes: number; mix: string };
  readonly aimap: ToolTiming & { filesPerSec: number; mbPerSec: number; check: InventoryCheck };
  /** The same scan with only the base (first-release code) detectors. */
  readonly base?: ToolTiming & { detectors: readonly string[] };
  readonly rg: readonly RgTiming[];
  readonly rgNote?: string;
  readonly targets: { ratio?: number; ratioPass?: boolean; cpuRatio?: number; rssPass?: boolean; maxRatio: number; maxRssMb: number };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const cpu = (s: number | undefined): string => (s === undefined ? 'n/a' : `${s.toFixed(2)} s`);
const rss = (kb: number | undefined): string => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

/** The report text. */
export function renderReport(r: BenchResult): string {
  const c = r.aimap.check;
  const out: string[] = [];
  out.push('aimap bench', '', table(Object.entries(r.machine)), '');
  out.push('Tree', table([
    ['path', `${r.tree.dir}${r.tree.reused ? ' (reused)' : ' (generated)'}`],
    ['files (outside skipped folders)', `${r.tree.files}  (${r.tree.mix})`],
    ['bytes', `${mb(r.tree.bytes)} MB`],
    ['in skipped folders', `${r.tree.skippedFiles} files, ${mb(r.tree.skippedBytes)} MB (node_modules, .git, dist, .venv, __pycache__, target)`],
  ]), '');
  out.push('aimap', table([
    ['command', r.aimap.command],
    ['wall (median)', `${sec(r.aimap.medianMs)}   runs: ${r.aimap.runsMs.map(sec).join(', ')}`],
    ['CPU user+sys (median)', cpu(r.aimap.cpuSec)],
    ['throughput', `${r.aimap.filesPerSec.toFixed(0)} files/s, ${r.aimap.mbPerSec.toFixed(1)} MB/s`],
    ['peak RSS', `${rss(r.aimap.peakRssKb)} (${r.aimap.rssSource})`],
    ['scan stats', Object.entries(c.stats).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['assets found', `${c.assets}  by kind (found/planted): ${Object.entries(c.byKind).map(([k, v]) => `${k} ${v.found}/${v.planted}`).join(', ')}`],
    ['AI files planted', `${c.plantedFiles}; with evidence: ${c.plantedFound} (${c.plantedFiles ? ((100 * c.plantedFound) / c.plantedFiles).toFixed(1) : '0'}%)`],
    ['evidence in unplanted files', `${c.extras.length}${c.extras.length ? `  e.g. ${c.extras.slice(0, 3).join(', ')}` : ''}`],
    ['diagnostics', Object.entries(c.diagnostics).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'],
  ]), '');
  if (c.assets === 0) out.push('  WARNING: aimap found no assets (are detectors registered in src/detectors/api.ts?)', '');
  if (r.base) {
    const delta = r.aimap.medianMs - r.base.medianMs;
    out.push('Detector cost', table([
      ['base detectors', `${r.base.detectors.join(', ')}: ${sec(r.base.medianMs)} (CPU ${cpu(r.base.cpuSec)}, peak ${rss(r.base.peakRssKb)})`],
      ['all detectors', `${sec(r.aimap.medianMs)} (CPU ${cpu(r.aimap.cpuSec)}, peak ${rss(r.aimap.peakRssKb)})`],
      ['cost of the others', `${delta >= 0 ? '+' : ''}${sec(delta)} wall (${((100 * delta) / r.base.medianMs).toFixed(0)}%)${r.aimap.cpuSec !== undefined && r.base.cpuSec !== undefined ? `, +${(r.aimap.cpuSec - r.base.cpuSec).toFixed(2)} s CPU` : ''}`],
    ]), '');
  }
  for (const v of r.rg) {
    out.push(`ripgrep: ${v.label}`, table([
      ['command', v.command],
      ['wall (median)', `${sec(v.medianMs)}   runs: ${v.runsMs.map(sec).join(', ')}`],
      ['CPU user+sys (median)', cpu(v.cpuSec)],
      ['peak RSS', `${rss(v.peakRssKb)} (${v.rssSource})`],
      ['files matched', `${v.matchedFiles} (planted AI files among them: ${v.plantedMatched})`],
    ]), '');
  }
  if (r.rgNote) out.push(`ripgrep: ${r.rgNote}`, '');
  const t = r.targets;
  out.push('Targets', table([
    [`wall <= ${t.maxRatio}x rg`, t.ratio === undefined ? 'SKIPPED (no rg run)' : `${t.ratio.toFixed(2)}x  ${t.ratioPass ? 'PASS' : 'MISS'}`],
    ['CPU time vs rg (info)', t.cpuRatio === undefined ? 'n/a' : `${t.cpuRatio.toFixed(2)}x`],
    [`peak RSS <= ${t.maxRssMb} MB`, t.rssPass === undefined ? 'n/a' : `${rss(r.aimap.peakRssKb)}  ${t.rssPass ? 'PASS' : 'MISS'}`],
  ]));
  return `${out.join('\n')}\n`;
}
