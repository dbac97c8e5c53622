import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/index.ts';
import { ALL_LABELS, BASE_LABEL } from '../schema.ts';
import { assistantInventory, manyModelsInventory, repository, SCOPE, UPDATE_TAG, asset, edge, inventoryOf } from './__fixtures__/inventory.ts';
import { planPush, updateTagOf } from './plan.ts';
import { relationshipProperties } from './properties.ts';
import { scopeRoots } from './scopes.ts';
import { cleanupStatements, constraintStatement, nodeUpsertStatement, relationshipUpsertStatement, schemaStatements } from './statements.ts';

describe('statement text', () => {
  it('declares a unique id constraint and a lastupdated index for every label and the base label', () => {
    const schema = schemaStatements();
    expect(schema).toHaveLength((ALL_LABELS.length + 1) * 2);
    expect(schema).toContain('CREATE CONSTRAINT aimodel_id IF NOT EXISTS FOR (n:AIModel) REQUIRE n.id IS UNIQUE');
    expect(schema).toContain('CREATE INDEX mcpserver_lastupdated IF NOT EXISTS FOR (n:MCPServer) ON (n.lastupdated)');
    expect(schema).toContain(constraintStatement(BASE_LABEL));
  });

  it('merges nodes on id only and sets the bookkeeping properties', () => {
    const q = nodeUpsertStatement('AIModel');
    expect(q).toContain('MERGE (n:AIModel {id: r.id})');
    expect(q).toContain('ON CREATE SET n.firstseen = $updateTag');
    expect(q).toContain("SET n += r.props, n:AIMapAsset, n.lastupdated = $updateTag, n._module_name = 'aimap', n._module_version = $version");
  });

  it('matches both relationship ends by id before merging the relationship', () => {
    const q = relationshipUpsertStatement({ type: 'USES_MODEL', fromLabel: 'AISystem', toLabel: 'AIModel' });
    expect(q.split('\n')).toEqual([
      'UNWIND $rows AS r',
      'MATCH (a:AISystem {id: r.from})',
      'MATCH (b:AIModel {id: r.to})',
      'MERGE (a)-[e:USES_MODEL]->(b)',
      'ON CREATE SET e.firstseen = $updateTag',
      "SET e += r.props, e.lastupdated = $updateTag, e._module_name = 'aimap', e._module_version = $version",
    ]);
  });

  it('sweeps in chunks and returns a deleted count, touching only aimap data', () => {
    for (const q of cleanupStatements('Repository')) {
      expect(q).toContain('{id: $scopeId}');
      expect(q).toContain('LIMIT $limit');
      expect(q).toMatch(/RETURN count\(\*\) AS deleted$/);
      expect(q).toContain("_module_name = 'aimap'");
    }
    expect(cleanupStatements('CloudAccount')[0]).toContain('MATCH (:CloudAccount {id: $scopeId})-[:RESOURCE]->(n:AIMapAsset)');
  });

  it('refuses an identifier that would need quoting', () => {
    expect(() => nodeUpsertStatement('Bad Label')).toThrow(/not a plain Cypher identifier/);
  });
});

describe('planPush', () => {
  it('uses the scan finish time in epoch milliseconds as the update tag', () => {
    expect(updateTagOf(assistantInventory())).toBe(UPDATE_TAG);
    expect(Number.isInteger(planPush(assistantInventory()).updateTag)).toBe(true);
    expect(() => updateTagOf(assistantInventory({ finishedAt: 'yesterday' }))).toThrow(/no valid finishedAt/);
  });

  it('puts every schema statement before any MERGE', () => {
    const { writes } = planPush(assistantInventory());
    const lastSchema = writes.map((w) => w.phase).lastIndexOf('schema');
    const firstMerge = writes.findIndex((w) => w.cypher.includes('MERGE'));
    expect(lastSchema).toBe(schemaStatements().length - 1);
    expect(firstMerge).toBe(lastSchema + 1);
  });

  it('respects the batch size: 25 models in batches of 10 make 3 AIModel batches', () => {
    const { writes } = planPush(manyModelsInventory(25), { batchSize: 10 });
    const models = writes.filter((w) => w.cypher === nodeUpsertStatement('AIModel'));
    expect(models.map((w) => w.rows)).toEqual([10, 10, 5]);
    const usesModel = writes.filter((w) => w.cypher.includes('USES_MODEL'));
    expect(usesModel.map((w) => w.rows)).toEqual([10, 10, 5]);
    expect(() => planPush(manyModelsInventory(1), { batchSize: 0 })).toThrow(/positive integer/);
  });

  it('gives every row of a batch the same keys and no undefined anywhere', () => {
    const { writes } = planPush(assistantInventory());
    const hasUndefined = (v: unknown): boolean =>
      v === undefined || (Array.isArray(v) ? v.some(hasUndefined) : v !== null && typeof v === 'object' ? Object.values(v).some(hasUndefined) : false);
    for (const w of writes.filter((x) => x.phase !== 'schema')) {
      const rows = w.params['rows'] as Record<string, unknown>[];
      const keys = new Set(rows.map((r) => Object.keys(r).sort().join(',')));
      expect(keys.size).toBe(1);
      expect(hasUndefined(w.params)).toBe(false);
    }
  });

  it('groups relationships by (type, from label, to label), one statement text per group', () => {
    const { writes } = planPush(assistantInventory());
    const rels = writes.filter((w) => w.phase === 'relationships');
    const heads = rels.map((w) => w.cypher.split('\n').slice(1, 4).join(' '));
    expect(new Set(heads).size).toBe(heads.length);
    expect(heads).toContain('MATCH (a:Repository {id: r.from}) MATCH (b:Tool {id: r.to}) MERGE (a)-[e:RESOURCE]->(b)');
    expect(heads).toContain('MATCH (a:Owner {id: r.from}) MATCH (b:AISystem {id: r.to}) MERGE (a)-[e:OWNS]->(b)');
    expect(rels.reduce((n, w) => n + w.rows, 0)).toBe(assistantInventory().relationships.length);
  });

  it('flattens relationship properties like node properties (nested values become JSON)', () => {
    const owns = assistantInventory().relationships.find((r) => r.type === 'OWNS')!;
    expect(relationshipProperties(owns)).toEqual({ id: owns.id, confidence: 'declared', rule: '{"pattern":"/src/**","line":3}', source: 'codeowners', evidenceCount: 0 });
  });

  it('skips (and counts) a relationship whose end is not in the inventory', () => {
    const inv = assistantInventory();
    const ghost = asset('model', 'ghost');
    const broken = { ...inv, relationships: [...inv.relationships, edge('USES_MODEL', inv.assets[0]!, ghost)] };
    expect(planPush(broken).skippedRelationships).toBe(1);
  });

  it('is deterministic', () => {
    expect(planPush(assistantInventory(), { batchSize: 3 })).toEqual(planPush(assistantInventory(), { batchSize: 3 }));
  });

  it('plans the three sweeps for the repository of a clean scan, with integer limit and tag', () => {
    const plan = planPush(assistantInventory(), { batchSize: 500 });
    expect(plan.cleanup.map((c) => c.cypher)).toEqual(cleanupStatements('Repository'));
    expect(plan.cleanup[0]!.params).toEqual({ scopeId: repository().id, updateTag: UPDATE_TAG, limit: 500 });
    expect(plan.keptScopes).toEqual([]);
    expect(planPush(assistantInventory(), { cleanup: false }).cleanup).toEqual([]);
  });

  it('keeps a scope with an error diagnostic (last-known-good): no cleanup for it', () => {
    const plan = planPush(assistantInventory({ diagnostics: [{ connector: 'python', level: 'error', code: 'detector-failed', message: 'boom', location: { path: 'src/app.py' } }] }));
    expect(plan.cleanup).toEqual([]);
    expect(plan.keptScopes).toEqual([repository().id]);
    // A warning is no coverage gap: cleanup still runs.
    const warned = planPush(assistantInventory({ diagnostics: [{ connector: 'local', level: 'warn', code: 'file-too-large', message: 'big', location: { path: 'x.bin' } }] }));
    expect(warned.cleanup).toHaveLength(3);
  });
});

describe('scopeRoots', () => {
  const other = 'github.com/acme/other';
  const twoRepos = (diagnostics?: Diagnostic[]) =>
    inventoryOf([repository(), repository(other), asset('sdk', 'npm:openai'), asset('sdk', 'npm:openai', {}, other)], [], { scopes: [SCOPE, other], diagnostics: diagnostics ?? [] });

  it('pins an error naming a scanned folder to that folder only', () => {
    const roots = scopeRoots(twoRepos([{ connector: 'local', level: 'error', code: 'not-found', message: 'gone', location: { path: 'other' } }]));
    expect(Object.fromEntries(roots.map((r) => [r.scope, r.errored]))).toEqual({ [SCOPE]: false, [other]: true });
  });

  it('keeps every scope an error could belong to when its path is relative to an unknown root', () => {
    const roots = scopeRoots(twoRepos([{ connector: 'python', level: 'error', code: 'detector-failed', message: 'x', location: { path: 'src/a.py' } }]));
    expect(roots.every((r) => r.errored)).toBe(true);
  });

  it('still sweeps a scanned folder that yielded no repository asset this time', () => {
    const inv = inventoryOf([], [], { scopes: [SCOPE] });
    expect(scopeRoots(inv)).toEqual([{ id: repository().id, label: 'Repository', scope: SCOPE, errored: false }]);
  });
});
