/**
 * The SQL detector: vector stores a schema or migration sets up in PostgreSQL. `CREATE EXTENSION
 * vector` (and the other vector extensions of `catalog.ts`) makes the database a `vector-store`
 * asset; pgvector's own types and index operator classes (`halfvec(768)`, `vector_cosine_ops`)
 * make one too. The same from a Prisma schema (`extensions = [vector]`, `Unsupported("vector(1536)")`)
 * and from a Rails schema or migration (`enable_extension "vector"`, `t.halfvec`). Comments (and in
 * SQL quoted strings) are blanked first, so a commented-out statement or a message that names one is
 * not evidence. Keyed by product as the code and container detectors key theirs, so a repository's
 * SQL, code and compose file show one pgvector.
 */
import type { DetectionResult } from '../../model/index.ts';
import { evidenceAt, ResultBuilder } from '../shared/build.ts';
import { LineIndex } from '../shared/line-index.ts';
import { lexRuby } from '../languages/lex-ruby.ts';
import type { Detector, SourceFile } from '../types.ts';
import { aiExtension, CREATE_EXTENSION, PGAI_MODEL_CALL, PGAI_PROVIDERS, PGVECTOR_ONLY_TYPES, PGVECTOR_OPS, productOfExtension, VECTOR_TYPES, type AiExtension } from './catalog.ts';
import { mayFindSql, SQL_LITERALS } from './precheck.ts';

export const SQL_DETECTOR_ID = 'sql';

/** Evidence lines kept per product and file. */
const MAX_EVIDENCE = 5;

/**
 * The text with `--` and (nested) `/* *\/` comments and single-quoted strings (`''` escapes,
 * `E'\''` too) blanked to spaces, newlines kept: offsets and lines stay those of the file.
 * Dollar-quoted bodies are left as they are (they hold the SQL of functions).
 */
const DOLLAR_TAG = /^\$(?:[A-Za-z_][\w]{0,62})?\$/;

export function maskSql(text: string): string {
  const parts: string[] = [];
  let kept = 0;
  const blank = (from: number, to: number): void => {
    parts.push(text.slice(kept, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    kept = to;
  };
  let i = 0;
  let tag: string | undefined;
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
    } else if (c === '"') {
      // A quoted identifier (`""` escapes): read past it as it is, an apostrophe inside opens no string.
      let k = i + 1;
      while (k < text.length && !(text[k] === '"' && text[k + 1] !== '"')) k += text[k] === '"' ? 2 : 1;
      i = k + 1;
    } else if (c === '$' && (tag = DOLLAR_TAG.exec(text.slice(i, i + 65))?.[0]) !== undefined) {
      // A dollar-quoted body (`$$...$$`, `$fn$...$fn$`) is code: read past it as it is.
      const end = text.indexOf(tag, i + tag.length);
      i = end === -1 ? text.length : end + tag.length;
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

/** Where each product was seen, and what was learnt of it. */
class Findings {
  readonly byProduct = new Map<string, { offsets: number[]; extensions: Set<string> }>();
  /** Dimensions of vector columns, kept for pgvector only when the file shows pgvector. */
  readonly dimensions = new Set<number>();

  note(product: string, offset: number, extension?: string): void {
    let entry = this.byProduct.get(product);
    if (entry === undefined) this.byProduct.set(product, (entry = { offsets: [], extensions: new Set() }));
    entry.offsets.push(offset);
    if (extension !== undefined) entry.extensions.add(extension);
  }

  /** AI extensions (`CREATE EXTENSION ai`, or pgai's functions called), by the sdk's name. */
  readonly ai = new Map<string, { extension: AiExtension; offsets: number[]; created: boolean }>();
  /** Models pgai calls, by id lower-cased (the key the other detectors give a model); the first provider seen stays. */
  readonly models = new Map<string, { id: string; provider: string; offsets: number[] }>();

  extension(name: string, offset: number): void {
    const product = productOfExtension(name);
    if (product !== undefined) this.note(product, offset, name.toLowerCase());
    const ai = aiExtension(name);
    if (ai !== undefined) this.aiAt(ai, offset, true);
  }

  /** `created`: the text creates the extension (its calls alone only show it in use). */
  aiAt(extension: AiExtension, offset: number, created: boolean): void {
    let entry = this.ai.get(extension.name);
    if (entry === undefined) this.ai.set(extension.name, (entry = { extension, offsets: [], created }));
    entry.offsets.push(offset);
    entry.created ||= created;
  }

  model(id: string, provider: string, offset: number): void {
    const key = id.toLowerCase();
    let entry = this.models.get(key);
    if (entry === undefined) this.models.set(key, (entry = { id, provider, offsets: [] }));
    entry.offsets.push(offset);
  }
}

const PGAI = aiExtension('ai') as AiExtension;
/** A quoted model id right where a pgai call's first argument starts (`''` is an escaped quote). */
const QUOTED_ID = /'((?:[^'\n]|''){1,200})'/y;
const MODEL_ID_SHAPE = /^[\w.:/@-]+$/;

/** pgai's model calls: found in the masked code, their first argument read from the text itself (same offsets). */
function readPgai(code: string, text: string, found: Findings): void {
  for (const m of code.matchAll(PGAI_MODEL_CALL)) {
    found.aiAt(PGAI, m.index, false);
    const provider = PGAI_PROVIDERS.get(m[1] ?? m[2] ?? '');
    const at = m.index + m[0].length;
    QUOTED_ID.lastIndex = at;
    const id = QUOTED_ID.exec(text)?.[1]?.trim();
    // An id's shape (`text-embedding-3-small`, `llama3.2:1b`, `cohere/embed-english-v3.0`): not a template's `{{ var("m") }}`.
    if (provider !== undefined && id !== undefined && MODEL_ID_SHAPE.test(id)) found.model(id, provider, at);
  }
}

function readSql(code: string, text: string, found: Findings): void {
  for (const m of code.matchAll(CREATE_EXTENSION)) found.extension(m[1] ?? m[2] ?? '', m.index);
  readPgai(code, text, found);
  for (const m of code.matchAll(PGVECTOR_OPS)) found.note('pgvector', m.index);
  for (const m of code.matchAll(PGVECTOR_ONLY_TYPES)) found.note('pgvector', m.index);
  for (const m of code.matchAll(VECTOR_TYPES)) found.dimensions.add(Number(m[1]));
}

/** Prisma's `//` (and `///`) comments blanked, newlines kept. */
function maskPrisma(text: string): string {
  return text.replace(/\/\/[^\n]*/g, (comment) => ' '.repeat(comment.length));
}

const PRISMA_EXTENSIONS = /\bextensions\s*=\s*\[/g;
/** An item and its arguments (`pgvector(map: "vector")`); a `(` left open takes no arguments. */
const PRISMA_EXTENSION_ITEM = /([A-Za-z_]\w*)\s*(?:\(([^()]*)\))?/g;
const PRISMA_POSTGRES = /\bprovider\s*=\s*"(?:postgresql|postgres)"/;
const PRISMA_TYPES = /\bUnsupported\(\s*"\s*(vector|halfvec|sparsevec)\s*(?:\(\s*(\d+)\s*\))?\s*"\s*\)/g;

/**
 * A Prisma schema: the datasource's `extensions = [vector]` (or `pgvector(map: "vector")`), and
 * `Unsupported("vector(1536)")` fields of a PostgreSQL datasource (pgvector's types; Prisma has no
 * vector type of its own).
 */
function readPrisma(text: string, found: Findings): void {
  const code = maskPrisma(text);
  for (const list of code.matchAll(PRISMA_EXTENSIONS)) {
    // The list ends at the next `]` (looked up once: a list left open is no list).
    const start = list.index + list[0].length;
    const end = code.indexOf(']', start);
    if (end === -1) break;
    for (const item of code.slice(start, end).matchAll(PRISMA_EXTENSION_ITEM)) {
      const mapped = /\bmap\s*:\s*"([^"]+)"/.exec(item[2] ?? '')?.[1];
      found.extension(mapped ?? item[1] ?? '', start + item.index);
    }
  }
  if (!PRISMA_POSTGRES.test(code)) return;
  for (const m of code.matchAll(PRISMA_TYPES)) {
    found.note('pgvector', m.index);
    if (m[2] !== undefined) found.dimensions.add(Number(m[2]));
  }
}

/** `enable_extension "vector"` and `execute "CREATE EXTENSION ..."`: the call, up to its string's quote. */
const RAILS_EXTENSION = /\benable_extension\s*\(?\s*"/g;
const RAILS_EXECUTE = /\bexecute\s*\(?\s*"/g;
/** `t.vector :embedding, limit: 1536` (the neighbor gem's column types) and `add_column :items, :embedding, :vector`. */
const RAILS_COLUMN = /\bt\.(vector|halfvec|sparsevec)\b([^\n]*)|\badd_column\b([^\n]*)/g;
const RAILS_ADDED_TYPE = /:(vector|halfvec|sparsevec)\b/;
const BLANKED = /\s*/y;

/**
 * A Rails schema or migration, read through the languages detector's Ruby lexer (comments,
 * `=begin` blocks and heredocs blanked; a string's text looked up by the offset of its quote):
 * `enable_extension "vector"`, `execute "CREATE EXTENSION ..."`, and pgvector's column types
 * through the neighbor gem. Its `vector` type is also SQLite's, MariaDB's and MySQL's there, so
 * `t.vector` only adds a dimension to a file that shows pgvector otherwise; `halfvec` and
 * `sparsevec` are pgvector's.
 */
function readRails(text: string, found: Findings): void {
  const { code, strings } = lexRuby(text);
  const quoted = (m: RegExpMatchArray): { offset: number; text: string } => {
    const offset = (m.index ?? 0) + m[0].length - 1;
    return { offset, text: strings.get(offset) ?? '' };
  };
  for (const m of code.matchAll(RAILS_EXTENSION)) found.extension(quoted(m).text, m.index);
  for (const m of code.matchAll(RAILS_EXECUTE)) {
    // The literal's whole source, a heredoc's body included: the blanked run after its quote.
    const offset = quoted(m).offset;
    BLANKED.lastIndex = offset + 1;
    const end = BLANKED.exec(code) === null ? offset + 1 : BLANKED.lastIndex;
    for (const e of text.slice(offset, end).matchAll(CREATE_EXTENSION)) found.extension(e[1] ?? e[2] ?? '', offset);
  }
  for (const m of code.matchAll(RAILS_COLUMN)) {
    const rest = m[1] === undefined ? (m[3] ?? '') : (m[2] ?? '');
    const type = m[1] ?? RAILS_ADDED_TYPE.exec(rest)?.[1];
    if (type === undefined) continue;
    if (type !== 'vector') found.note('pgvector', m.index);
    const limit = /\blimit:\s*(\d+)/.exec(rest)?.[1];
    if (limit !== undefined) found.dimensions.add(Number(limit));
  }
}

/** Finds the vector stores a schema or migration sets up; null when it sets none up. */
export function detectSql(file: SourceFile): DetectionResult | null {
  if (!mayFindSql(file.path, file.content)) return null;
  const found = new Findings();
  if (file.path.endsWith('.prisma')) readPrisma(file.content, found);
  else if (file.path.endsWith('.rb')) readRails(file.content, found);
  else readSql(maskSql(file.content), file.content, found);
  if (found.byProduct.size === 0 && found.ai.size === 0) return null;
  const out = new ResultBuilder();
  const index = new LineIndex(file.content);
  // The first lines of a finding, at most MAX_EVIDENCE of them.
  const linesOf = (offsets: readonly number[]): number[] => [...new Set(offsets.map((o) => index.lineOf(o)))].sort((a, b) => a - b).slice(0, MAX_EVIDENCE);
  // A dimension belongs to pgvector's types in a file that shows pgvector (`vector(1536)` alone is also other databases').
  const dimensions = [...found.dimensions].sort((a, b) => a - b);
  for (const [product, entry] of [...found.byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const lines = linesOf(entry.offsets);
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
  for (const [name, { extension, offsets, created }] of [...found.ai].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.asset(file, {
      kind: 'sdk',
      key: name,
      name,
      provider: extension.provider,
      // `extensions` only where the text creates it: the pipeline counts that as the sdk declared.
      attributes: { category: extension.category, ecosystem: 'postgresql', ...(created ? { extensions: [extension.extension] } : {}) },
      evidence: linesOf(offsets).map((line) => evidenceAt(file, SQL_DETECTOR_ID, 'config', 'declared', line, index.lineText(line))),
    });
  }
  for (const [key, { id, provider, offsets }] of [...found.models].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.asset(file, {
      kind: 'model',
      key,
      name: id,
      provider,
      attributes: { sources: ['call-argument'] },
      evidence: linesOf(offsets).map((line) => evidenceAt(file, SQL_DETECTOR_ID, 'call-site', 'declared', line, index.lineText(line))),
    });
  }
  return out.result();
}

/** Registered detector for SQL schemas and migrations. */
export const sqlDetector: Detector = {
  id: SQL_DETECTOR_ID,
  displayName: 'SQL, Prisma and Rails schemas and migrations',
  patterns: ['**/*.sql', '**/*.prisma', '**/db/schema.rb', '**/db/migrate/*.rb'],
  literals: SQL_LITERALS,
  detect: detectSql,
};
