/**
 * The notebook detector: runs the Python patterns over the code cells of a `.ipynb` (markdown
 * and raw cells are prose, never evidence; outputs are never read) and records `%pip install` /
 * `!pip install` packages from the catalog as `sdk` assets (technique `call-site`, attribute
 * `scopes: ["notebook-install"]`, `declared: false`: an install line is not a manifest).
 * Cells are tokenized one by one (an unterminated string cannot swallow the next cell) but read
 * as one program, so an import in cell 1 resolves a call in cell 5. Evidence carries `cell`
 * (0-based among all cells) and the line inside that cell.
 */
import type { DetectionResult, Diagnostic } from '../../model/index.ts';
import { findAiPackage, normalizePackageName, packageProvider, sdkKey } from '../shared/ai-packages.ts';
import { evidenceAt, parseFailed } from '../shared/build.ts';
import { analyzePython, fileStem } from '../python/analyze.ts';
import { Collector } from '../python/collector.ts';
import type { EvidenceAt } from '../python/context.ts';
import { readDiagnostics } from '../python/index.ts';
import { mayImportAi } from '../python/prefilter.ts';
import { tokenize, type Token, type TokenizeIssue } from '../python/tokenizer.ts';
import type { Detector, SourceFile } from '../types.ts';
import { readNotebook, type NotebookCell } from './cells.ts';
import { stripMagics, type Install } from './magics.ts';

export const NOTEBOOK_DETECTOR_ID = 'notebooks';

/** A code cell placed on the virtual line axis the tokens are numbered on. */
interface Placed {
  readonly cell: number;
  /** Virtual line of the cell's first line, minus one. */
  readonly base: number;
  readonly lines: readonly string[];
  readonly installs: readonly Install[];
  readonly code: string;
}

function place(cells: readonly NotebookCell[]): Placed[] {
  const placed: Placed[] = [];
  let base = 0;
  for (const c of cells) {
    if (c.type !== 'code') continue;
    const { code, installs } = stripMagics(c.source);
    const lines = c.source.split(/\r\n|\r|\n/);
    placed.push({ cell: c.index, base, lines, installs, code });
    base += lines.length + 1;
  }
  return placed;
}

/** Maps a virtual line back to its cell. */
function locate(placed: readonly Placed[], line: number): { p: Placed; local: number } | undefined {
  let lo = 0;
  let hi = placed.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((placed[mid] as Placed).base < line) lo = mid;
    else hi = mid - 1;
  }
  const p = placed[lo];
  return p === undefined ? undefined : { p, local: line - p.base };
}

function recordInstalls(file: SourceFile, placed: readonly Placed[], out: Collector): void {
  for (const p of placed) {
    for (const install of p.installs) {
      const pkg = findAiPackage('pypi', install.name);
      if (pkg === undefined) continue;
      const name = normalizePackageName('pypi', install.name);
      out.add({
        kind: 'sdk',
        key: sdkKey('pypi', name),
        name,
        provider: packageProvider(pkg, name),
        attributes: { ecosystem: 'pypi', category: pkg.category, declared: false, scopes: ['notebook-install'], ...(install.spec === undefined ? {} : { versions: [install.spec] }) },
        evidence: () => evidenceAt(file, NOTEBOOK_DETECTOR_ID, 'call-site', 'declared', install.line, p.lines[install.line - 1], p.cell),
      });
    }
  }
}

/** Analyzes one notebook; null when it has nothing AI (or no code). */
export function detectNotebook(file: SourceFile): DetectionResult | null {
  const nb = readNotebook(file.content);
  if (!nb.ok) return { assets: [], relationships: [], diagnostics: [parseFailed(file, NOTEBOOK_DETECTOR_ID, nb.message)] };
  const placed = place(nb.cells);
  const out = new Collector();
  recordInstalls(file, placed, out);
  const diagnostics: Diagnostic[] = [];
  if (mayImportAi(placed.map((p) => p.code).join('\n'))) {
    const tokens: Token[] = [];
    const issues: TokenizeIssue[] = [];
    for (const p of placed) {
      const t = tokenize(p.code, p.base);
      for (const tok of t.tokens) tokens.push(tok); // no spread: cells can hold 100k+ tokens
      for (const issue of t.issues) issues.push(issue);
    }
    const at: EvidenceAt = (line, technique, confidence) => () => {
      const loc = locate(placed, line);
      return evidenceAt(file, NOTEBOOK_DETECTOR_ID, technique, confidence, loc?.local, loc?.p.lines[loc.local - 1], loc?.p.cell);
    };
    const { gaveUp } = analyzePython({ tokens, stem: fileStem(file.path), at }, out);
    diagnostics.push(...readDiagnostics(issues, gaveUp, (message, line) => {
      const loc = locate(placed, line);
      return parseFailed(file, NOTEBOOK_DETECTOR_ID, loc === undefined ? message : `${message} (cell ${loc.p.cell})`, loc?.local);
    }));
  }
  const { assets, relationships } = out.finish(file);
  if (assets.length === 0 && relationships.length === 0 && diagnostics.length === 0) return null;
  return { assets, relationships, diagnostics };
}

/** Registered detector for Jupyter notebooks. */
export const notebookDetector: Detector = {
  id: NOTEBOOK_DETECTOR_ID,
  displayName: 'Jupyter notebooks',
  patterns: ['**/*.ipynb'],
  detect: detectNotebook,
};
