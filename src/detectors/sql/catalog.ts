/**
 * PostgreSQL extensions that make a database a vector store, by the name `CREATE EXTENSION` takes.
 * Sources: each project's README (install section).
 */
export interface VectorExtension {
  /** The extension's name in `CREATE EXTENSION`. */
  readonly extension: string;
  /** The vector-store product, named as the other detectors name it. */
  readonly product: string;
  readonly source: string;
}

export const VECTOR_EXTENSIONS: readonly VectorExtension[] = [
  { extension: 'vector', product: 'pgvector', source: 'pgvector README (CREATE EXTENSION vector)' },
  { extension: 'vectorscale', product: 'pgvectorscale', source: 'timescale/pgvectorscale README (CREATE EXTENSION IF NOT EXISTS vectorscale CASCADE)' },
  { extension: 'vchord', product: 'vectorchord', source: 'tensorchord/VectorChord README (CREATE EXTENSION IF NOT EXISTS vchord CASCADE)' },
  { extension: 'vectors', product: 'pgvecto.rs', source: 'tensorchord/pgvecto.rs README (CREATE EXTENSION vectors)' },
  { extension: 'lantern', product: 'lantern', source: 'lanterndata/lantern README (CREATE EXTENSION lantern)' },
  { extension: 'embedding', product: 'pg_embedding', source: 'neondatabase/pg_embedding README (CREATE EXTENSION embedding)' },
];

/** `CREATE EXTENSION [IF NOT EXISTS] name` (quoted or not); group 1 or 2 is the name. */
export const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"\n]{1,63})"|([A-Za-z_][\w$]{0,62}))/gi;
const PRODUCT_OF = new Map(VECTOR_EXTENSIONS.map((e) => [e.extension, e.product]));

/** The vector-store product an extension name makes a database (case-insensitive, as PostgreSQL folds it). */
export function productOfExtension(name: string): string | undefined {
  return PRODUCT_OF.get(name.toLowerCase());
}

/** The vector extensions a SQL text creates, with where each statement starts (comments are the caller's). */
export function extensionsCreated(sql: string): Array<{ readonly extension: string; readonly product: string; readonly index: number }> {
  const out: Array<{ extension: string; product: string; index: number }> = [];
  for (const m of sql.matchAll(CREATE_EXTENSION)) {
    const extension = (m[1] ?? m[2] ?? '').toLowerCase();
    const product = productOfExtension(extension);
    if (product !== undefined) out.push({ extension, product, index: m.index });
  }
  return out;
}

/**
 * pgvector's own SQL: its column types with a dimension (`halfvec(768)`; a bare `vector(N)` is also
 * Oracle's, MariaDB's and SQL Server's type, so it only adds a dimension to a file that shows
 * pgvector otherwise) and its index operator classes (`vector_cosine_ops`). Source: pgvector README.
 */
export const PGVECTOR_OPS = /\b(?:vector|halfvec|sparsevec)_(?:l2|ip|cosine|l1)_ops\b/gi;
export const PGVECTOR_ONLY_TYPES = /\b(?:halfvec|sparsevec)\s*\(\s*(\d+)\s*\)/gi;
export const VECTOR_TYPES = /\b(?:vector|halfvec|sparsevec)\s*\(\s*(\d+)\s*\)/gi;
