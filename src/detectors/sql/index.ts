/**
 * The SQL detector: vector stores a schema or migration sets up in PostgreSQL. `CREATE EXTENSION
 * vector` (and the other vector extensions of `catalog.ts`) makes the database a `vector-store`
 * asset; pgvector's own types and index operator classes (`halfvec(768)`, `vector_cosine_ops`)
 * make one too. Comments and quoted strings are blanked first, so a commented-out statement or
 * a message that names one is not evidence. Keyed by product as the code and container detectors
 * key theirs, so a repository's SQL, code and compose file show one pgvector.
 */
import type { DetectionResult } from '../../model/index.ts';
import { evidenceAt, ResultBuilder } from '../shared/build.ts';
import { LineIndex } from '../shared/line-index.ts';
import type { Detector, SourceFile } from '../types.ts';
import { PGVECTOR_ONLY_TYPES, PGVECTOR_OPS, VECTOR_EXTENSIONS, VECTOR_TYPES } from './catalog.ts';
import { mayFindSql, SQL_LITERALS } from './precheck.ts';

export const SQL_DETECTOR_ID = 'sql';

/** Evidence lines kept per product and file. */
const MAX_EVIDENCE = 5;

const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"\n]{1,63})"|([A-Za-z_][\w$]{0,62}))/gi;
const PRODUCT_OF = new Map(VECTOR_EXTENSIONS.map((e) => [e.extension, e.product]));

/**
 * The text with `--` and (nested) `/* *\/` comments and single-quoted strings (`''` escapes,
 * `E'\''` too) blanked to spaces, newlines kept: offsets and lines stay those of the file.
 * Dollar-quoted bodies are left as they are (they hold the SQL of functions).
 */
export function maskSql(text: string): string {
  const parts: string[] = [];
  let kept = 0;
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(kept, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    kept = to;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < text.length && depth > 0) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else k++;
      }
      const stop = Math.min(k, text.length);
      blank(i, stop);
      i = stop;
    } else if (c === "'") {
      const escapes = (text[i - 1] === 'E' || text[i - 1] === 'e') && !/\w/.test(text[i - 2] ?? '');
      let k = i + 1;
      while (k < text.length) {
        if (escapes && text[k] === '\\') k += 2;
        else if (text[k] === "'" && text[k + 1] === "'") k += 2;
        else if (text[k] === "'") break;
        else k++;
      }
      const stop = Math.min(k, text.length);
      blank(i + 1, stop);
      i = stop + 1;
    } else i++;
  }
  parts.push(text.slice(kept));
  return parts.join('');
}

interface Found {
  readonly offsets: number[];
  readonly extensions: Set<string>;
}

/** Finds the vector stores a SQL file sets up; null when it sets none up. */
export function detectSql(file: SourceFile): DetectionResult | null {
  if (!mayFindSql(file.path, file.content)) return null;
  const code = maskSql(file.content);
  const found = new Map<string, Found>();
  const note = (product: string, offset: number, extension?: string): void => {
    let entry = found.get(product);
    if (entry === undefined) found.set(product, (entry = { offsets: [], extensions: new Set() }));
    entry.offsets.push(offset);
    if (extension !== undefined) entry.extensions.add(extension);
  };
  for (const m of code.matchAll(CREATE_EXTENSION)) {
    const name = (m[1] ?? m[2] ?? '').toLowerCase();
    const product = PRODUCT_OF.get(name);
    if (product !== undefined) note(product, m.index, name);
  }
  for (const m of code.matchAll(PGVECTOR_OPS)) note('pgvector', m.index);
  for (const m of code.matchAll(PGVECTOR_ONLY_TYPES)) note('pgvector', m.index);
  if (found.size === 0) return null;
  const out = new ResultBuilder();
  const index = new LineIndex(file.content);
  // A dimension belongs to pgvector's types in a file that shows pgvector (`vector(1536)` alone is also other databases').
  const dimensions = found.has('pgvector') ? [...new Set([...code.matchAll(VECTOR_TYPES)].map((m) => Number(m[1])))].sort((a, b) => a - b) : [];
  for (const product of [...found.keys()].sort()) {
    const entry = found.get(product) as Found;
    const lines = [...new Set(entry.offsets.map((o) => index.lineOf(o)))].sort((a, b) => a - b).slice(0, MAX_EVIDENCE);
    out.asset(file, {
      kind: 'vector-store',
      key: product,
      name: product,
      provider: product,
      attributes: {
        ...(entry.extensions.size > 0 ? { extensions: [...entry.extensions].sort() } : {}),
        ...(product === 'pgvector' && dimensions.length > 0 ? { dimensions } : {}),
      },
      evidence: lines.map((line) => evidenceAt(file, SQL_DETECTOR_ID, 'config', 'declared', line, index.lineText(line))),
    });
  }
  return out.result();
}

/** Registered detector for SQL schemas and migrations. */
export const sqlDetector: Detector = {
  id: SQL_DETECTOR_ID,
  displayName: 'SQL schemas and migrations',
  patterns: ['**/*.sql'],
  literals: SQL_LITERALS,
  detect: detectSql,
};
