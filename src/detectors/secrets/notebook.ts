/**
 * The text parts of a Jupyter notebook worth searching for keys: every cell's source, and the text
 * outputs of code cells (stream text, text/* and JSON display data, error tracebacks). Outputs are
 * read on purpose: a key printed by `print(os.environ)` or echoed in a traceback is as leaked as one
 * typed in a cell. Image and other binary payloads (base64) are skipped, and output text is read up to
 * a budget so a notebook with megabytes of logs costs a bounded amount.
 */
import { parseJsonOnce } from '../shared/json-once.ts';

export interface NotebookPart {
  /** 0-based cell index among all cells. */
  readonly cell: number;
  readonly origin: 'source' | 'output';
  readonly text: string;
}

export type NotebookParts =
  | { readonly ok: true; readonly parts: NotebookPart[]; readonly truncated: boolean }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/** Characters of output text read per notebook. */
export const OUTPUT_BUDGET = 1_000_000;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join('');
  return '';
}

function isTextMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'application/json' || mime.endsWith('+json');
}

function outputTexts(output: unknown): string[] {
  if (!isObject(output)) return [];
  const out: string[] = [];
  if (output.text !== undefined) out.push(text(output.text));
  if (Array.isArray(output.traceback)) out.push(output.traceback.filter((t): t is string => typeof t === 'string').join('\n'));
  if (typeof output.evalue === 'string') out.push(output.evalue);
  if (isObject(output.data)) {
    for (const [mime, value] of Object.entries(output.data)) {
      if (isTextMime(mime)) out.push(typeof value === 'string' || Array.isArray(value) ? text(value) : JSON.stringify(value));
    }
  }
  return out.filter((t) => t !== '');
}

function rawCells(root: Json): unknown[] | undefined {
  if (Array.isArray(root.cells)) return root.cells;
  if (Array.isArray(root.worksheets)) return root.worksheets.flatMap((w) => (isObject(w) && Array.isArray(w.cells) ? w.cells : []));
  return undefined;
}

/** Parses notebook JSON into searchable parts; never throws. */
export function notebookParts(content: string): NotebookParts {
  const parsed = parseJsonOnce(content);
  if (!parsed.ok) {
    const err = parsed.error;
    // V8 may quote the text around the error in its message: never pass that on, it may hold a key.
    const reason = err instanceof Error ? err.message : '';
    const what = /^(Unexpected token|Unexpected end of JSON input|Unexpected non-whitespace character|Unterminated string|Expected [^"'\n]{1,40}? in JSON)/.exec(reason)?.[1]?.replace(/ in JSON$/, '');
    const line = /\(line (\d+) column \d+\)/.exec(reason)?.[1];
    return { ok: false, message: `invalid notebook JSON${what === undefined ? '' : ` (${what.toLowerCase()})`}`, ...(line === undefined ? {} : { line: Number(line) }) };
  }
  const root = parsed.value;
  const cells = isObject(root) ? rawCells(root) : undefined;
  if (cells === undefined) return { ok: false, message: 'not a Jupyter notebook (no cells)' };
  const parts: NotebookPart[] = [];
  let budget = OUTPUT_BUDGET;
  let truncated = false;
  cells.forEach((c, cell) => {
    if (!isObject(c)) return;
    const source = text(c.source ?? c.input);
    if (source !== '') parts.push({ cell, origin: 'source', text: source });
    if (!Array.isArray(c.outputs)) return;
    for (const t of c.outputs.flatMap(outputTexts)) {
      if (budget <= 0) {
        truncated = true;
        break;
      }
      if (t.length > budget) truncated = true;
      parts.push({ cell, origin: 'output', text: t.slice(0, budget) });
      budget -= t.length;
    }
  });
  return { ok: true, parts, truncated };
}
