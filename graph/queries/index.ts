/**
 * The saved analyst queries (graph/queries/README.md): each is SQL on the embedded store and a
 * Cypher twin for Neo4j. Adding one means a file here, an entry below and a README section.
 */
import type { EmbeddedStore } from '../embedded/sqlite-store.ts';
import { BLAST_RADIUS } from './blast-radius.ts';
import { EXPOSURE_PATHS } from './exposure-paths.ts';
import { MCP_TOOLS } from './mcp-tools.ts';
import { MODELS } from './models.ts';
import { SHADOW_AI } from './shadow-ai.ts';
import { QueryError, type QueryResult, type QueryStore, type SavedQuery } from './types.ts';
import { UNOWNED } from './unowned.ts';
import { WHO_OWNS } from './who-owns.ts';

export { QueryError, type QueryArg, type QueryResult, type QueryStore, type SavedQuery } from './types.ts';
export { resolveAsset, type ResolvedAsset } from './resolve.ts';

/** Every saved query, in the order `aimap query` lists them. */
export const SAVED_QUERIES: readonly SavedQuery[] = [UNOWNED, SHADOW_AI, MCP_TOOLS, EXPOSURE_PATHS, BLAST_RADIUS, WHO_OWNS, MODELS];

/** The saved query called `name`, or undefined. */
export function savedQuery(name: string): SavedQuery | undefined {
  return SAVED_QUERIES.find((q) => q.name === name);
}

/** The store a query runs on: read-only SQL plus the scan lookup. */
export type RunnableStore = QueryStore & Pick<EmbeddedStore, 'scanSeq'>;

/**
 * Runs saved query `name` with its positional `args` on scan `scanId` (default: the newest scan).
 * Throws `QueryError` for an unknown query, wrong arguments, an unknown scan or an empty store.
 */
export function runSavedQuery(store: RunnableStore, name: string, args: readonly string[], scanId?: string): QueryResult {
  const query = savedQuery(name);
  if (query === undefined) {
    throw new QueryError(`unknown query "${name}"; saved queries: ${SAVED_QUERIES.map((q) => q.name).join(', ')}`);
  }
  const seq = store.scanSeq(scanId);
  if (seq === undefined) {
    throw new QueryError(scanId === undefined ? 'no scans recorded in the store yet; run aimap scan first' : `no scan "${scanId}" in the store (aimap scans lists them)`);
  }
  return query.run(store, args, seq);
}
