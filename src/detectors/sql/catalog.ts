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

/**
 * pgvector's own SQL: its column types with a dimension (`halfvec(768)`; a bare `vector(N)` is also
 * Oracle's, MariaDB's and SQL Server's type, so it only adds a dimension to a file that shows
 * pgvector otherwise) and its index operator classes (`vector_cosine_ops`). Source: pgvector README.
 */
export const PGVECTOR_OPS = /\b(?:vector|halfvec|sparsevec)_(?:l2|ip|cosine|l1)_ops\b/gi;
export const PGVECTOR_ONLY_TYPES = /\b(?:halfvec|sparsevec)\s*\(\s*(\d+)\s*\)/gi;
export const VECTOR_TYPES = /\b(?:vector|halfvec|sparsevec)\s*\(\s*(\d+)\s*\)/gi;

/**
 * PostgreSQL extensions that call AI models from inside the database: the database is then an AI
 * client nobody sees in the application's dependencies. Reported as an `sdk` named as the project
 * publishes it. Sources: each project's README or the cloud's docs (install section).
 */
export interface AiExtension {
  readonly extension: string;
  /** The `sdk` asset's name. */
  readonly name: string;
  readonly provider: string;
  readonly category: 'framework' | 'llm-provider' | 'ml';
  readonly source: string;
}

export const AI_EXTENSIONS: readonly AiExtension[] = [
  { extension: 'ai', name: 'pgai', provider: 'timescale', category: 'framework', source: 'timescale/pgai README (CREATE EXTENSION IF NOT EXISTS ai CASCADE)' },
  { extension: 'vectorize', name: 'pg_vectorize', provider: 'tembo', category: 'framework', source: 'tembo-io/pg_vectorize README (CREATE EXTENSION vectorize CASCADE)' },
  { extension: 'pgml', name: 'postgresml', provider: 'postgresml', category: 'ml', source: 'postgresml/postgresml README (CREATE EXTENSION pgml)' },
  { extension: 'azure_ai', name: 'azure_ai', provider: 'azure', category: 'llm-provider', source: 'learn.microsoft.com Azure Database for PostgreSQL, azure_ai extension (CREATE EXTENSION azure_ai)' },
  { extension: 'google_ml_integration', name: 'google_ml_integration', provider: 'google', category: 'llm-provider', source: 'cloud.google.com AlloyDB AI, google_ml_integration extension' },
];

const AI_EXTENSION_OF = new Map(AI_EXTENSIONS.map((e) => [e.extension, e]));

/** The AI extension an extension name is, if any (case-insensitive). */
export function aiExtension(name: string): AiExtension | undefined {
  return AI_EXTENSION_OF.get(name.toLowerCase());
}

/** The `provider` of models pgai calls through each of its provider families (`ai.<family>_embed`). */
export const PGAI_PROVIDERS: ReadonlyMap<string, string> = new Map([
  ['openai', 'openai'],
  ['ollama', 'ollama'],
  ['anthropic', 'anthropic'],
  ['cohere', 'cohere'],
  ['voyageai', 'voyage'],
  ['litellm', 'litellm'],
]);
/** The families pgai's vectorizer embeds with (`ai.embedding_<family>`). */
const PGAI_EMBEDDING_FAMILIES: readonly string[] = ['openai', 'ollama', 'voyageai', 'litellm'];
/** The start of every pgai call the detector reads, `ai.<family>_` or `ai.embedding_` (a regex source). */
export const PGAI_CALL_HEAD = `ai\\.(?:${[...PGAI_PROVIDERS.keys(), 'embedding'].join('|')})_`;

/**
 * pgai's SQL functions whose first argument is a model id, by provider (timescale/pgai docs:
 * `ai.openai_embed('text-embedding-3-small', ...)`, `ai.ollama_generate('llama3', ...)`, and the
 * vectorizer's `ai.embedding_openai('text-embedding-3-small', 768)`); `_simple` helpers and model
 * listings take no model. Group 1: the provider of `ai.<provider>_<fn>`; group 2: of `ai.embedding_<provider>`.
 */
export const PGAI_MODEL_CALL = new RegExp(
  `\\bai\\.(?:(${[...PGAI_PROVIDERS.keys()].join('|')})_(?:embed|chat_complete|generate|moderate|tokenize|detokenize|classify|rerank)|embedding_(${PGAI_EMBEDDING_FAMILIES.join('|')}))\\s*\\(\\s*(?:model\\s*=>\\s*)?`,
  'g',
);

/** An extension a SQL text creates that makes the database a vector store, or an AI client. */
export type CreatedExtension = { readonly extension: string; readonly index: number } & ({ readonly product: string; readonly ai?: undefined } | { readonly product?: undefined; readonly ai: AiExtension });

/** The vector and AI extensions a SQL text creates, with where each statement starts (comments are the caller's). */
export function extensionsCreated(sql: string): CreatedExtension[] {
  const out: CreatedExtension[] = [];
  for (const m of sql.matchAll(CREATE_EXTENSION)) {
    const extension = (m[1] ?? m[2] ?? '').toLowerCase();
    const product = productOfExtension(extension);
    const ai = aiExtension(extension);
    if (product !== undefined) out.push({ extension, index: m.index, product });
    else if (ai !== undefined) out.push({ extension, index: m.index, ai });
  }
  return out;
}
