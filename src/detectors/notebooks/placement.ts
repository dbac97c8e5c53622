/**
 * Code cells laid end to end on one virtual line axis, so a reader can take a notebook's cells of
 * one language as a single program (an import in cell 1 resolves a call in cell 5) while every
 * line found maps back to its cell and the line inside it. One empty line separates two cells.
 */
import type { NotebookCell } from './cells.ts';
import type { CellCode, Install } from './magics.ts';

/** A code cell placed on the virtual line axis. */
export interface Placed {
  readonly cell: number;
  /** Virtual line of the cell's first line, minus one. */
  readonly base: number;
  readonly lines: readonly string[];
  readonly installs: readonly Install[];
  /** The cell with lines foreign to its language (magics, directives) blanked. */
  readonly code: string;
}

/** Places cells in order, each cleaned by `strip` (which also returns the installs it saw). */
export function place(cells: readonly NotebookCell[], strip: (source: string) => CellCode): Placed[] {
  const placed: Placed[] = [];
  let base = 0;
  for (const c of cells) {
    const { code, installs } = strip(c.source);
    const lines = c.source.split(/\r\n|\r|\n/);
    placed.push({ cell: c.index, base, lines, installs, code });
    base += lines.length + 1;
  }
  return placed;
}

/** The placed cells' code as one text whose line numbers are the virtual lines. */
export function joined(placed: readonly Placed[]): string {
  return placed.map((p) => p.code).join('\n\n');
}

/** Maps a virtual line back to its cell. */
export function locate(placed: readonly Placed[], line: number): { p: Placed; local: number } | undefined {
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
