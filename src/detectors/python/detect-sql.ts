/**
 * Vector and AI extensions a Python program creates in PostgreSQL (`sql/catalog.ts`: a `vector-store`
 * for `vector`, an `sdk` for pgai's `ai` and the like): `CREATE EXTENSION vector` in a string
 * handed to a call that runs SQL (`cur.execute(...)`, Alembic's `op.execute(...)`, SQLAlchemy's
 * `text(...)` and `exec_driver_sql(...)`, psycopg's `sql.SQL(...)`, Django's `migrations.RunSQL(...)`,
 * asyncpg's `conn.execute(...)`). A migration or setup script often shows its vector store nowhere
 * else: the table is then queried through plain psycopg. The statement is read as the SQL detector
 * reads a `.sql` file (comments and quoted strings blanked), so a `-- CREATE EXTENSION` comment in the
 * SQL or a docstring naming the statement is not evidence. SQL held in a name is followed to the
 * name's statement-level string assignments in the same file (`cur.execute(SCHEMA)`).
 */
import { extensionsCreated } from '../sql/catalog.ts';
import { maskSql } from '../sql/index.ts';
import { LineIndex } from '../shared/line-index.ts';
import type { Collector } from './collector.ts';
import type { EvidenceAt } from './context.ts';
import type { Token } from './tokenizer.ts';

/** Names of calls whose first argument (or `sql=` / `query=`) is SQL to run. */
const RUNS_SQL: ReadonlySet<string> = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql', 'RunSQL', 'DDL', 'SQL']);
const SQL_KEYWORDS: ReadonlySet<string> = new Set(['sql', 'query']);
/** Module names SQLAlchemy's `text` is called through (`sa.text(...)`). */
const SQLALCHEMY_MODULES: ReadonlySet<string> = new Set(['sa', 'sqlalchemy']);
/**
 * `text` imported from SQLAlchemy, so a bare `text(...)` is its SQL text (and not, say, Streamlit's
 * `st.text`). One line, or a parenthesised list of bounded length: a run of import lines is not
 * rescanned from each.
 */
const IMPORTS_TEXT = /\bfrom[ \t]+sqlalchemy(?:\.sql(?:\.expression)?)?[ \t]+import[ \t]+(?:\([\w\s,]{0,2000}?|[\w \t,]*?)\btext\b/;
/** Tokens looked back over for the `[` of a `RunSQL([...])` list: a longer list is not SQL to run. */
const MAX_LIST_TOKENS = 64;

/** Evidence lines kept per extension and file, as the SQL detector keeps them. */
const MAX_EVIDENCE = 5;

const is = (token: Token | undefined, kind: Token['kind'], text?: string): boolean => token?.kind === kind && (text === undefined || token.text === text);

/** Whether the argument at token `i` (a string, or a name holding one) is the SQL of a call that runs it. */
function runsSql(tokens: readonly Token[], i: number, bareText: boolean): boolean {
  let j = i - 1;
  let list = false;
  if (is(tokens[j], 'op', '=') && SQL_KEYWORDS.has(tokens[j - 1]?.text ?? '') && is(tokens[j - 1], 'name')) j -= 2;
  else if (is(tokens[j], 'op', '[') || is(tokens[j], 'op', ',')) {
    // Django's `RunSQL(["...", "..."])`: any string of the list, back to its `[`.
    for (let steps = 0; j > 0 && steps < MAX_LIST_TOKENS && (is(tokens[j], 'op', ',') || is(tokens[j], 'string')); steps++) j--;
    if (!is(tokens[j], 'op', '[')) return false;
    list = true;
    j -= 1;
  }
  if (!is(tokens[j], 'op', '(') || !is(tokens[j - 1], 'name')) return false;
  const callee = tokens[j - 1] as Token;
  if (list) return callee.text === 'RunSQL';
  if (RUNS_SQL.has(callee.text)) return true;
  if (callee.text !== 'text') return false;
  // `sa.text(...)`, or a bare `text(...)` in a file that imports it from SQLAlchemy.
  return is(tokens[j - 2], 'op', '.') ? SQLALCHEMY_MODULES.has(tokens[j - 3]?.text ?? '') : bareText;
}

/** One string token of an (implicitly concatenated) argument, and where its value starts in the joined text. */
interface Part {
  readonly token: Token;
  readonly start: number;
}

/**
 * The line a statement at `index` of the joined value starts on: its token's first line plus the
 * newlines before it in that token's value. A token whose source holds a backslash (`\n` written, a
 * line continuation) decodes to other newlines than the file's: its first line is kept.
 */
function lineAt(parts: readonly Part[], lines: LineIndex, index: number): number {
  let k = parts.length - 1;
  while (k > 0 && (parts[k] as Part).start > index) k--;
  const part = parts[k] as Part;
  if (part.token.text.includes('\\')) return part.token.line;
  return part.token.line + lines.lineOf(index) - lines.lineOf(part.start);
}

/** The adjacent string literals from token `i` on (`"CREATE EXTENSION " "vector"` is one string), and the index after them. */
function literalAt(tokens: readonly Token[], i: number): { readonly parts: Part[]; readonly value: string; readonly end: number } {
  const parts: Part[] = [];
  let value = '';
  let k = i;
  for (; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.kind !== 'string' || token.value === undefined) break;
    parts.push({ token, start: value.length });
    value += token.value;
  }
  return { parts, value, end: k };
}

/**
 * Statement-level `NAME = "..."` assignments of string literals, by name (every one of them: a
 * name given SQL twice may run either). `SCHEMA = """CREATE EXTENSION ...; CREATE TABLE ..."""`
 * run later as `cur.execute(SCHEMA)`.
 */
function stringConstants(tokens: readonly Token[]): Map<string, Array<{ readonly parts: Part[]; readonly value: string }>> {
  const out = new Map<string, Array<{ parts: Part[]; value: string }>>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const name = tokens[i] as Token;
    if (name.kind !== 'name' || !is(tokens[i + 1], 'op', '=') || (i > 0 && !is(tokens[i - 1], 'newline'))) continue;
    const literal = literalAt(tokens, i + 2);
    if (literal.parts.length === 0 || !(literal.end >= tokens.length || is(tokens[literal.end], 'newline'))) continue;
    const list = out.get(name.text) ?? [];
    list.push({ parts: literal.parts, value: literal.value });
    out.set(name.text, list);
  }
  return out;
}

/** Records the vector stores and AI extensions the file's SQL strings create. */
export function detectSqlExtensions(tokens: readonly Token[], content: string, out: Collector, at: EvidenceAt): void {
  const bareText = IMPORTS_TEXT.test(content);
  const evidenceCount = new Map<string, number>();
  let constants: ReturnType<typeof stringConstants> | undefined;
  const read = new Set<object>();
  const record = (parts: readonly Part[], value: string): void => {
    const sql = maskSql(value);
    const found = extensionsCreated(sql);
    if (found.length === 0) return;
    const lines = new LineIndex(sql);
    for (const created of found) {
      const key = created.ai === undefined ? created.product : created.ai.name;
      const seen = evidenceCount.get(key) ?? 0;
      if (seen >= MAX_EVIDENCE) continue;
      evidenceCount.set(key, seen + 1);
      const evidence = at(lineAt(parts, lines, created.index), 'call-site', 'declared');
      if (created.ai === undefined) out.add({ kind: 'vector-store', key: created.product, name: created.product, provider: created.product, attributes: { extensions: [created.extension] }, evidence });
      else out.add({ kind: 'sdk', key: created.ai.name, name: created.ai.name, provider: created.ai.provider, attributes: { category: created.ai.category, ecosystem: 'postgresql', extensions: [created.extension] }, evidence });
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'string' && token.value !== undefined && runsSql(tokens, i, bareText)) {
      const literal = literalAt(tokens, i);
      record(literal.parts, literal.value);
      i = literal.end - 1;
    } else if (token.kind === 'name' && (is(tokens[i + 1], 'op', ')') || is(tokens[i + 1], 'op', ',')) && runsSql(tokens, i, bareText)) {
      // `cur.execute(SCHEMA)`: the SQL of the constant's assignments, with their lines as evidence.
      // Each assignment is read once, however often it runs.
      constants ??= stringConstants(tokens);
      for (const assigned of constants.get(token.text) ?? []) {
        if (read.has(assigned)) continue;
        read.add(assigned);
        record(assigned.parts, assigned.value);
      }
    }
  }
}
