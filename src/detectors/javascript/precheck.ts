/**
 * The cheap gate in front of the parser. Most files of a real repository import nothing AI, and
 * every finding of this detector but a model catalog needs an AI package import in the same file,
 * so one precompiled regex over the raw text (or, for catalogs, a model-id stem) decides whether
 * parsing is worth it. False positives (an import quoted
 * in a comment or string) only cost a parse; the AST decides what counts.
 */
import { AI_PACKAGES } from '../shared/ai-packages.ts';
import { quotesListedModel, MODEL_STEMS } from '../shared/model-ids.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alternation of every npm catalog package; prefix rows accept any continuation of the name. */
function packageAlternation(): string {
  const parts = AI_PACKAGES.filter((row) => row.ecosystem === 'npm')
    .map((row) => (row.prefix ? `${escape(row.name)}[^'"\`\\s]+` : escape(row.name)));
  // Order does not matter: every alternative must be followed by a closing quote or a slash.
  return parts.join('|');
}

/**
 * `from 'pkg`, `import 'pkg`, `import('pkg`, `require('pkg`, with `pkg` a catalog package followed
 * by its closing quote or a subpath slash.
 */
const AI_IMPORT = new RegExp(`(?:\\bfrom|\\bimport|\\brequire)\\s*\\(?\\s*['"\`](?:${packageAlternation()})(?:['"\`]|/)`, 'g');

/**
 * The detector's gate (`Detector.literals`), from the same catalog rows as AI_IMPORT: every match
 * holds a package name right after its opening quote, so it holds the name, or for a name shorter
 * than the gate's window (`ai`), the quote and the name.
 */
export const IMPORT_LITERALS: readonly string[] = AI_PACKAGES.filter((row) => row.ecosystem === 'npm').flatMap((row) =>
  row.name.length >= 3 ? [row.name] : ["'", '"', '`'].map((quote) => `${quote}${row.name}`),
);

/** Modules a Drizzle schema imports pgvector's column types from (`schema-vectors.ts`). */
export const SCHEMA_MODULES: readonly string[] = ['drizzle-orm/pg-core', 'pgvector/drizzle-orm'];
const SCHEMA_IMPORT = new RegExp(`\\bfrom\\s*['"](?:${SCHEMA_MODULES.map(escape).join('|')})['"]`);
const VECTOR_WORD = /\b(?:vector|halfvec|sparsevec)\b/;

/** True when the text imports a Drizzle Postgres module and names a vector type: worth a parse. */
export function mayDeclarePgVector(content: string): boolean {
  return SCHEMA_IMPORT.test(content) && VECTOR_WORD.test(content);
}

/**
 * The detector's whole gate: an AI import, a model-id stem for the model lists and environment
 * fallbacks of files that import no AI package (`detectModelCatalog`, `detectEnvModels`), or a
 * Drizzle Postgres module for a schema's pgvector columns (`schema-vectors.ts`).
 */
export const JS_LITERALS: readonly string[] = [...IMPORT_LITERALS, ...MODEL_STEMS, ...SCHEMA_MODULES];

/**
 * True when the detector may find anything: an AI import, a quoted listed model id
 * (`quotesListedModel`; its stem is in JS_LITERALS), or a Drizzle schema naming a vector type.
 */
export function mayFindJs(path: string, content: string): boolean {
  return !isExcludedPath(path) && (mightImportAi(content) || quotesListedModel(content) || mayDeclarePgVector(content));
}

/** A line that starts a `//` comment before the match, or a block-comment body line (` * ...`). */
function inLineComment(content: string, index: number): boolean {
  const lineStart = content.lastIndexOf('\n', index - 1) + 1;
  const before = content.slice(lineStart, index);
  return before.includes('//') || /^\s*(?:\*|\/\*)/.test(before);
}

/**
 * True when the text may import an AI package and is worth parsing. Matches inside `//` comments
 * and comment-block lines are skipped: commented-out imports were about a quarter of all parses on
 * the bench tree. A `//` inside a string before the import only costs a missed cheap exit, since
 * the scan then moves on to the next match.
 */
export function mightImportAi(content: string): boolean {
  AI_IMPORT.lastIndex = 0;
  for (let m = AI_IMPORT.exec(content); m !== null; m = AI_IMPORT.exec(content)) {
    if (!inLineComment(content, m.index)) return true;
  }
  return false;
}

/** Paths matched by the globs but never analysed: declaration files and minified bundles. */
export function isExcludedPath(path: string): boolean {
  return /\.d\.[cm]?ts$/i.test(path) || /\.min\.[cm]?js$/i.test(path);
}
