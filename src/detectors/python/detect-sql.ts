/**
 * Vector extensions a Python program creates in PostgreSQL: `CREATE EXTENSION vector` in a string
 * handed to a call that runs SQL (`cur.execute(...)`, Alembic's `op.execute(...)`, SQLAlchemy's
 * `text(...)` and `exec_driver_sql(...)`, Django's `migrations.RunSQL(...)`, asyncpg's
 * `conn.execute(...)`). A migration or setup script often shows its vector store nowhere else: the
 * table is then queried through plain psycopg. The statement is read as the SQL detector reads a
 * `.sql` file (comments and quoted strings blanked), so a `-- CREATE EXTENSION` comment in the SQL
 * or a docstring naming the statement is not evidence.
 */
import { extensionsCreated } from '../sql/catalog.ts';
import { maskSql } from '../sql/index.ts';
import type { Collector } from './collector.ts';
import type { EvidenceAt } from './context.ts';
import type { Token } from './tokenizer.ts';

/** Names of calls whose first argument (or `sql=`) is SQL to run. */
const RUNS_SQL: ReadonlySet<string> = new Set(['execute', 'executemany', 'executescript', 'exec_driver_sql', 'text', 'RunSQL', 'DDL']);

/** The string argument of a SQL-running call that starts at `i`, if the tokens before it say so. */
function runsSql(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  if (tokens[j]?.kind === 'op' && tokens[j]?.text === '=' && tokens[j - 1]?.kind === 'name' && tokens[j - 1]?.text === 'sql') j -= 2;
  const open = tokens[j];
  const callee = tokens[j - 1];
  return open?.kind === 'op' && open.text === '(' && callee?.kind === 'name' && RUNS_SQL.has(callee.text);
}

/** Records the vector stores the file's SQL strings create. */
export function detectSqlExtensions(tokens: readonly Token[], out: Collector, at: EvidenceAt): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'string' || token.value === undefined || !runsSql(tokens, i)) continue;
    const sql = maskSql(token.value);
    for (const found of extensionsCreated(sql)) {
      // A triple-quoted statement's lines: the string's first line plus the newlines before it.
      let line = token.line;
      for (let k = sql.indexOf('\n'); k !== -1 && k < found.index; k = sql.indexOf('\n', k + 1)) line++;
      out.add({
        kind: 'vector-store',
        key: found.product,
        name: found.product,
        provider: found.product,
        attributes: { extensions: [found.extension] },
        evidence: at(line, 'call-site', 'declared'),
      });
    }
  }
}
