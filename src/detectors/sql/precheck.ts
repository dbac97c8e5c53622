/**
 * The SQL pre-check (no parser imported: reading threads load it). A file passes when it may
 * enable an extension, use pgvector's types or call a model through pgai (`ai.openai_embed(`); keywords in lower, UPPER or Capitalized case, the
 * casings the gate literals (`SQL_LITERALS`, derived from `GATE`) cover. Prisma schemas
 * (`extensions = [vector]`, `Unsupported("vector(1536)")`) and Rails schemas and migrations
 * (`enable_extension "vector"`, `t.vector :embedding`) are read by the same detector. A short block
 * comment may sit between CREATE and EXTENSION (the detector reads the text with comments blanked).
 */
import { literalsOf } from '../shared/regex-literals.ts';
import { PGAI_CALL_HEAD } from './catalog.ts';

/**
 * `CREATE EXTENSION` in the casings the gate covers, a short block comment allowed between the
 * words (one ends at its first `*\/`: a chain of them has one reading). No `\b` in front, so the
 * Python detector can find it after a written `\n` in a string (`detect-sql.ts`).
 */
export const CREATES_EXTENSION = /(?:[Cc]reate|CREATE)(?:\s|\/\*(?:[^*]|\*(?!\/)){0,200}\*\/)+(?:[Ee]xtension|EXTENSION)\b/;
const GATE = new RegExp(`[Ee]xtension|EXTENSION|[Hh]alfvec|HALFVEC|[Ss]parsevec|SPARSEVEC|[Vv]ector|VECTOR|${PGAI_CALL_HEAD}`);
const OTHER_FORMS =
  /\b(?:[Hh]alfvec|HALFVEC|[Ss]parsevec|SPARSEVEC|[Vv]ector|VECTOR)(?:\s*\(\s*\d|_)|\bextensions\s*=\s*\[|\benable_extension\b|[.:](?:vector|halfvec|sparsevec)\b|\bUnsupported\(\s*"\s*(?:vector|halfvec|sparsevec)\b/;
const PRECHECK = new RegExp(`\\b${CREATES_EXTENSION.source}|${OTHER_FORMS.source}|\\b${PGAI_CALL_HEAD}\\w+\\s*\\(`);

/** Every match of the pre-check holds one of these (derived, not written by hand). */
export const SQL_LITERALS: readonly string[] = literalsOf(GATE);

/** False when the SQL detector would return null for this text. */
export function mayFindSql(_path: string, content: string): boolean {
  return PRECHECK.test(content);
}
