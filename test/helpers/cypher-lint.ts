/**
 * Offline Cypher check: Neo4j's own parser and semantic analysis (`@neo4j-cypher/language-support`)
 * run against a DbSchema built from graph/schema.ts, so a misspelt label, relationship type,
 * property key, function or a syntax error fails a test without a running Neo4j.
 * It cannot tell which rows come back; the embedded-store tests cover semantics.
 */
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { BASE_LABEL, NODE_LABELS, RELATIONSHIP_TYPES } from '../../graph/schema.ts';

/** Node property keys nodeProperties() writes (attributes become open-ended `attr_<name>`, see below). */
const NODE_PROPERTY_KEYS = ['id', 'kind', 'name', 'provider', 'nativeId', 'tags', 'evidenceCount'];

/** Bookkeeping keys the Neo4j adapter sets on nodes and relationships (Cartography conventions). */
const BOOKKEEPING_KEYS = ['firstseen', 'lastupdated', '_module_name', '_module_version', 'source'];

/** Relationship property keys (OWNS, CAN_*, AUTHORIZED of DESIGN.md §3, plus the edge id). */
const RELATIONSHIP_PROPERTY_KEYS = [
  'id', 'source', 'confidence', 'actions', 'resources', 'effect', 'conditions', 'scopes', 'firstSeen', 'lastSeen', 'evidenceCount',
];

/** Attribute properties are open-ended (one per attribute name), so any `attr_*` key is accepted. */
const ATTRIBUTE_KEY_WARNING = /^attr_[A-Za-z0-9_]+ is not present in the database/;

const SEVERITY: Readonly<Record<number, string>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Options for {@link lintCypher}. */
export interface LintCypherOptions {
  /**
   * The parameters the statement is run with. When given, a `$param` not listed here is a
   * diagnostic; when left out, "parameter not defined" diagnostics are dropped because every
   * statement aimap emits is parameterised and the values only exist at run time.
   */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Extra property keys to accept (beyond the schema's). */
  readonly propertyKeys?: readonly string[];
}

/** The DbSchema aimap's graph has: every label, relationship type and property key it writes. */
export function aimapDbSchema(options: LintCypherOptions = {}): DbSchema {
  const mock = testData.mockSchema;
  const propertyKeys = new Set([...NODE_PROPERTY_KEYS, ...BOOKKEEPING_KEYS, ...RELATIONSHIP_PROPERTY_KEYS, ...(options.propertyKeys ?? [])]);
  return {
    labels: [...Object.values(NODE_LABELS), BASE_LABEL].sort(),
    relationshipTypes: [...RELATIONSHIP_TYPES].sort(),
    propertyKeys: [...propertyKeys].sort(),
    parameters: { ...(options.params ?? {}) },
    // The package's built-in function and procedure registry (Neo4j 5 / 25), so unknown
    // functions are reported; with no registry every function name would pass.
    functions: mock.functions ?? {},
    procedures: mock.procedures ?? {},
  };
}

/**
 * Lint one Cypher statement. Returns every diagnostic (error, warning, info) as
 * `"<severity>: <message> at <line>:<col>"` (1-based); an empty list means valid.
 */
export function lintCypher(query: string, options: LintCypherOptions = {}): string[] {
  const { diagnostics } = lintCypherQuery(query, aimapDbSchema(options));
  return diagnostics
    .map((d) => ({ d, message: typeof d.message === 'string' ? d.message : d.message.value }))
    .filter(({ message }) => options.params !== undefined || !(message.startsWith('Parameter ') && message.endsWith(' is not defined.')))
    .filter(({ message }) => !ATTRIBUTE_KEY_WARNING.test(message))
    .map(({ d, message }) => {
      const severity = SEVERITY[d.severity ?? 1] ?? 'error';
      return `${severity}: ${message} at ${d.range.start.line + 1}:${d.range.start.character + 1}`;
    });
}
