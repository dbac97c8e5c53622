/**
 * Reads the cells of a Jupyter notebook (nbformat 4 `cells[]`, nbformat 3 `worksheets[].cells[]`
 * with `input`). Only `source`/`input` is read: outputs (often megabytes of base64) are never
 * looked at. `source` may be a string or a list of strings.
 */
import { parseJsonOnce } from '../shared/json-once.ts';

export interface NotebookCell {
  /** 0-based index among all cells (markdown and raw included), as a notebook UI counts them. */
  readonly index: number;
  readonly type: string;
  readonly source: string;
}

export type NotebookRead = { readonly ok: true; readonly cells: NotebookCell[] } | { readonly ok: false; readonly message: string };

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join('');
  return '';
}

function rawCells(root: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(root.cells)) return root.cells;
  if (Array.isArray(root.worksheets)) {
    return root.worksheets.flatMap((w: unknown) => (w !== null && typeof w === 'object' && Array.isArray((w as { cells?: unknown }).cells) ? (w as { cells: unknown[] }).cells : []));
  }
  return undefined;
}

/** Parses notebook JSON into cells; a failure says why instead of throwing. */
export function readNotebook(content: string): NotebookRead {
  const parsed = parseJsonOnce(content);
  if (!parsed.ok) {
    const err = parsed.error;
    return { ok: false, message: `invalid notebook JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const root = parsed.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return { ok: false, message: 'not a Jupyter notebook (no top-level object)' };
  const raw = rawCells(root as Record<string, unknown>);
  if (raw === undefined) return { ok: false, message: 'not a Jupyter notebook (no cells)' };
  const cells = raw.map((c, index) => {
    const cell = c !== null && typeof c === 'object' ? (c as Record<string, unknown>) : {};
    const type = typeof cell.cell_type === 'string' ? cell.cell_type : 'unknown';
    return { index, type, source: text(cell.source ?? cell.input) };
  });
  return { ok: true, cells };
}
