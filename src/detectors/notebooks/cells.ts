/**
 * Reads the cells of a Jupyter notebook (nbformat 4 `cells[]`, nbformat 3 `worksheets[].cells[]`
 * with `input`). Only `source`/`input` is read: outputs (often megabytes of base64) are never
 * looked at. `source` may be a string or a list of strings. The kernel's language is read from
 * the notebook metadata, and a cell's own from its metadata (.NET Interactive / Polyglot
 * Notebooks write `dotnet_interactive.language` / `polyglot_notebook.kernelName` per cell).
 */
import { parseJsonOnce } from '../shared/json-once.ts';

export interface NotebookCell {
  /** 0-based index among all cells (markdown and raw included), as a notebook UI counts them. */
  readonly index: number;
  readonly type: string;
  readonly source: string;
  /** The cell's kernel as its metadata names it (`csharp`, `fsharp`, `pwsh`), when it does. */
  readonly kernel?: string;
}

/** The notebook's language as its metadata names it (`python`, `C#`, `R`), when it does. */
export type NotebookRead =
  | { readonly ok: true; readonly cells: NotebookCell[]; readonly language?: string }
  | { readonly ok: false; readonly message: string };

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The kernel language: `kernelspec.language`, else `language_info.name` (Polyglot Notebooks write
 * `polyglot-notebook` there and the default kernel under `polyglot_notebook.kernelInfo`), else a
 * .NET kernelspec name (`.net-csharp`). Undefined when the metadata says nothing.
 */
function notebookLanguage(metadata: Record<string, unknown>): string | undefined {
  const spec = record(metadata.kernelspec);
  const info = str(record(metadata.language_info).name);
  const polyglot = str(record(record(metadata.polyglot_notebook).kernelInfo).defaultKernelName);
  const dotnet = /^\.net-(\w+)$/.exec(str(spec.name) ?? '')?.[1];
  return str(spec.language) ?? (info === 'polyglot-notebook' ? polyglot : info) ?? dotnet;
}

function cellKernel(cell: Record<string, unknown>): string | undefined {
  const metadata = record(cell.metadata);
  return str(record(metadata.polyglot_notebook).kernelName) ?? str(record(metadata.dotnet_interactive).language);
}

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
    const cell = record(c);
    const type = typeof cell.cell_type === 'string' ? cell.cell_type : 'unknown';
    const kernel = cellKernel(cell);
    return { index, type, source: text(cell.source ?? cell.input), ...(kernel === undefined ? {} : { kernel }) };
  });
  const language = notebookLanguage(record((root as Record<string, unknown>).metadata));
  return { ok: true, cells, ...(language === undefined ? {} : { language }) };
}
