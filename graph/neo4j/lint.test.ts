/**
 * Offline Cypher check (research/graph.md §6.2): every statement the adapter can emit goes through
 * Neo4j's own parser and semantic analysis with aimap's schema; any diagnostic fails. Each
 * statement is linted with the exact parameter names it is run with, so a parameter the push
 * forgets to send fails here too.
 */
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../test/helpers/cypher-lint.ts';
import { ALL_LABELS, BASE_LABEL } from '../schema.ts';
import { allowedRelationshipGroups } from './endpoints.ts';
import { assistantInventory } from './__fixtures__/inventory.ts';
import { planPush } from './plan.ts';
import { cleanupStatements, nodeUpsertStatement, relationshipUpsertStatement, schemaStatements, SCOPE_ROOT_LABELS } from './statements.ts';

/** Keys of the `UNWIND` row maps (`r.from`, `r.to`): map keys, not graph properties. */
const ROW_KEYS = ['from', 'to', 'props'];
const WRITE_PARAMS = { rows: [], updateTag: 1, version: '0.0.0' };
const CLEANUP_PARAMS = { scopeId: 'repository:0', updateTag: 1, limit: 1 };

const lint = (q: string, params: Readonly<Record<string, unknown>>): string[] => lintCypher(q, { params, propertyKeys: ROW_KEYS });

describe('every Cypher statement the Neo4j adapter emits lints clean', () => {
  it('schema statements for all labels and the base label', () => {
    const statements = schemaStatements();
    expect(statements.length).toBe((ALL_LABELS.length + 1) * 2);
    expect(statements.some((s) => s.includes(`(n:${BASE_LABEL})`))).toBe(true);
    for (const q of statements) expect(lint(q, {}), q).toEqual([]);
  });

  it('the node upsert of every label', () => {
    for (const label of ALL_LABELS) expect(lint(nodeUpsertStatement(label), WRITE_PARAMS), label).toEqual([]);
  });

  // Neo4j's semantic analysis takes 50-500 ms a statement, and there are close to 200 of these.
  it('the relationship upsert of every (type, from label, to label) the model allows', { timeout: 600_000 }, () => {
    const groups = allowedRelationshipGroups();
    expect(groups.length).toBeGreaterThan(100);
    for (const g of groups) expect(lint(relationshipUpsertStatement(g), WRITE_PARAMS), `${g.fromLabel}-${g.type}->${g.toLabel}`).toEqual([]);
  });

  it('the cleanup sweeps of every scope root label', () => {
    for (const label of SCOPE_ROOT_LABELS) for (const q of cleanupStatements(label)) expect(lint(q, CLEANUP_PARAMS), q).toEqual([]);
  });

  it('the statements of a real plan, with the parameters the plan sends', { timeout: 300_000 }, () => {
    const plan = planPush(assistantInventory());
    for (const w of plan.writes) expect(lint(w.cypher, w.params), w.cypher).toEqual([]);
    for (const c of plan.cleanup) expect(lint(c.cypher, c.params), c.cypher).toEqual([]);
  });

  it('the linter does catch a broken statement (the check is live)', () => {
    expect(lint(nodeUpsertStatement('AIModel').replace('MERGE', 'MERG'), WRITE_PARAMS)).not.toEqual([]);
    const missing = lint(nodeUpsertStatement('AIModel'), { rows: [] });
    expect(missing.some((m) => m.includes('Parameter $updateTag is not defined'))).toBe(true);
    expect(missing.some((m) => m.includes('Parameter $version is not defined'))).toBe(true);
  });
});
