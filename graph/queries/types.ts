/** Shapes shared by the saved queries (graph/queries/README.md). */
import type { SqlParam } from '../embedded/sqlite-store.ts';

/** The part of the embedded store the queries read through: read-only SQL. */
export interface QueryStore {
  select(sql: string, params?: readonly SqlParam[]): Record<string, unknown>[];
  /** Rows as arrays in column order (the embedded store has it; cheaper for big results). */
  selectArrays?(sql: string, params?: readonly SqlParam[]): { columns: string[]; rows: unknown[][] };
}

/** One positional argument of a saved query. */
export interface QueryArg {
  readonly name: string;
  readonly description: string;
}

/** What a saved query returns: its columns in order and one record per row. */
export interface QueryResult {
  readonly name: string;
  readonly columns: string[];
  readonly rows: Record<string, unknown>[];
}

/** A named analyst question with its SQL (embedded store) and Cypher (Neo4j) twins. */
export interface SavedQuery {
  readonly name: string;
  /** One line, shown by `aimap query`. */
  readonly description: string;
  readonly args: readonly QueryArg[];
  /** Every column of a row, in order (the JSON output). */
  readonly columns: readonly string[];
  /** The columns a terminal table shows, in order (ids left to JSON; a long path last). */
  readonly display: readonly string[];
  /** The embedded-store statement: `?1` is the scan's `scan_seq`, `?2` the resolved asset id. */
  readonly sql: string;
  /** The Neo4j twin, with `$params`. */
  readonly cypher: string;
  /** The parameters the Cypher takes, with example values (their shape is the contract). */
  readonly cypherParams: Readonly<Record<string, unknown>>;
  /** Why an empty answer may be empty, when that is not obvious (shown under an empty table). */
  readonly emptyHint?: string;
  /** Runs the SQL on the scan `scanSeq`; throws `QueryError` for bad arguments. */
  run(store: QueryStore, args: readonly string[], scanSeq: number): QueryResult;
}

/** A user error: unknown query, missing or ambiguous argument, unknown scan. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

/** How raw SQL values become row values: SQLite has no booleans and returns arrays as JSON text. */
export interface RowShape {
  readonly booleans?: readonly string[];
  readonly json?: readonly string[];
}

/** Runs `sql` and converts the listed columns (0/1 → boolean, JSON text → value); keeps column order. */
export function selectRows(store: QueryStore, sql: string, params: readonly SqlParam[], columns: readonly string[], shape: RowShape = {}): Record<string, unknown>[] {
  const booleans = new Set(shape.booleans ?? []);
  const json = new Set(shape.json ?? []);
  const convert = (value: unknown, column: string): unknown => {
    if (value !== null && booleans.has(column)) return value === 1 || value === 1n;
    if (typeof value === 'string' && json.has(column)) return JSON.parse(value) as unknown;
    return typeof value === 'bigint' ? Number(value) : value;
  };
  if (store.selectArrays === undefined) {
    return store.select(sql, params).map((raw) => {
      const row: Record<string, unknown> = {};
      for (const column of columns) row[column] = convert(raw[column] ?? null, column);
      return row;
    });
  }
  const result = store.selectArrays(sql, params);
  const at = columns.map((column) => result.columns.indexOf(column));
  return result.rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i] as string;
      row[column] = convert(raw[at[i] ?? -1] ?? null, column);
    }
    return row;
  });
}

/** Fails unless exactly `query.args.length` arguments were given. */
export function expectArgs(query: Pick<SavedQuery, 'name' | 'args'>, args: readonly string[]): void {
  if (args.length === query.args.length) return;
  const usage = [query.name, ...query.args.map((a) => a.name.toUpperCase())].join(' ');
  throw new QueryError(`${query.name} takes ${query.args.length} argument${query.args.length === 1 ? '' : 's'} (usage: aimap query ${usage}), got ${args.length}`);
}
