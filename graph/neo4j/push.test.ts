import { isInt } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createRecordingDriver, deadlockError, neo4jError, type RecordedCall } from '../../test/helpers/recording-driver.ts';
import { assistantInventory, manyModelsInventory, repository, UPDATE_TAG } from './__fixtures__/inventory.ts';
import { Neo4jPushError, shownUri } from './errors.ts';
import { pushInventory, toDriverValue, type Neo4jPushOptions } from './push.ts';
import { nodeUpsertStatement, schemaStatements } from './statements.ts';

const OPTIONS: Neo4jPushOptions = { uri: 'bolt://localhost:7687', user: 'neo4j', password: 'not-a-real-password', now: () => 1000 };
const committed = (calls: readonly RecordedCall[]): RecordedCall[] => calls.filter((c) => c.committed);
const isCleanup = (c: RecordedCall): boolean => c.cypher.endsWith('RETURN count(*) AS deleted');

describe('pushInventory against a recording driver', () => {
  it('writes the schema first, then nodes, then relationships, then cleanup, all in write transactions on the named database', async () => {
    const fake = createRecordingDriver();
    const report = await pushInventory(assistantInventory(), { ...OPTIONS, database: 'aimap' }, fake.driver);
    const calls = committed(fake.calls);
    const kinds = calls.map((c) => (c.cypher.startsWith('CREATE') ? 'schema' : isCleanup(c) ? 'cleanup' : c.cypher.includes('MERGE (a)') ? 'rel' : 'node'));
    const firstMerge = calls.findIndex((c) => c.cypher.includes('MERGE'));
    expect(kinds.slice(0, schemaStatements().length).every((k) => k === 'schema')).toBe(true);
    expect(firstMerge).toBe(schemaStatements().length);
    expect(kinds.join(' ')).toMatch(/^(schema )+(node )+(rel )+(cleanup ?)+$/);
    expect(calls.every((c) => c.txKind === 'write' && c.database === 'aimap')).toBe(true);
    expect(fake.sessions).toEqual(['aimap']);
    expect(fake.openSessions()).toBe(0);
    expect(report).toMatchObject({ nodes: 8, relationships: assistantInventory().relationships.length, deleted: 0, durationMs: 0, keptScopes: [] });
  });

  it('names the default database neo4j when none is given, and leaves a passed-in driver open', async () => {
    const fake = createRecordingDriver();
    await pushInventory(assistantInventory(), OPTIONS, fake.driver);
    expect(fake.sessions).toEqual(['neo4j']);
    expect(fake.closed()).toBe(false);
  });

  it('sends the update tag, limits and whole numbers as Neo4j integers', async () => {
    const fake = createRecordingDriver();
    await pushInventory(assistantInventory(), OPTIONS, fake.driver);
    const node = fake.calls.find((c) => c.cypher === nodeUpsertStatement('AIModel'))!;
    expect(isInt(node.params['updateTag'])).toBe(true);
    expect((node.params['updateTag'] as { toNumber(): number }).toNumber()).toBe(UPDATE_TAG);
    const props = (node.params['rows'] as { props: Record<string, unknown> }[])[0]!.props;
    expect(isInt(props['attr_contextWindow'])).toBe(true);
    expect(props['attr_temperature']).toBe(0.2);
    const sweep = fake.calls.find(isCleanup)!;
    expect(isInt(sweep.params['limit'])).toBe(true);
  });

  it('keeps lists homogeneous: whole numbers become integers only when every element is one', () => {
    const ints = toDriverValue([1, 2]) as unknown[];
    expect(ints.every((v) => isInt(v))).toBe(true);
    expect(toDriverValue([1, 2.5])).toEqual([1, 2.5]);
    expect(toDriverValue(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('respects the batch size: 25 models with batch size 10 make 3 node batches for that label', async () => {
    const fake = createRecordingDriver();
    const report = await pushInventory(manyModelsInventory(25), { ...OPTIONS, batchSize: 10 }, fake.driver);
    const batches = fake.calls.filter((c) => c.cypher === nodeUpsertStatement('AIModel')).map((c) => (c.params['rows'] as unknown[]).length);
    expect(batches).toEqual([10, 10, 5]);
    // Nodes: 1 Repository + 1 AISystem + 3 AIModel; relationships: RESOURCE to system, RESOURCE to models (3), USES_MODEL (3).
    expect(report.batches).toBe(5 + 1 + 3 + 3);
  });

  it('loops each cleanup statement until it deletes nothing and reports the total', async () => {
    const fake = createRecordingDriver({ deletedFor: ({ cypher, round }) => (cypher.includes('DETACH DELETE n') ? [10, 10, 3][round] ?? 0 : cypher.includes('DELETE e') && round === 0 ? 2 : 0) });
    const report = await pushInventory(assistantInventory(), { ...OPTIONS, batchSize: 10 }, fake.driver);
    const nodeSweeps = fake.calls.filter((c) => c.cypher.includes('DETACH DELETE n\n'));
    expect(nodeSweeps).toHaveLength(4);
    expect(nodeSweeps.every((c) => c.params['scopeId'] === repository().id)).toBe(true);
    expect(fake.calls.filter((c) => c.cypher.includes('DELETE e\n'))).toHaveLength(2);
    expect(report.deleted).toBe(23 + 2);
  });

  it('re-runs the same statement with the same parameters after a transient error (driver retry)', async () => {
    const clean = createRecordingDriver();
    await pushInventory(assistantInventory(), OPTIONS, clean.driver);
    const n = schemaStatements().length + 3;
    const fake = createRecordingDriver({ failOnCall: { call: n, error: deadlockError() } });
    const report = await pushInventory(assistantInventory(), OPTIONS, fake.driver);
    const failed = fake.calls[n - 1]!;
    const retried = fake.calls[n]!;
    expect(failed.committed).toBe(false);
    expect(retried).toMatchObject({ cypher: failed.cypher, attempt: 2, committed: true });
    expect(retried.params).toEqual(failed.params);
    expect(committed(fake.calls).map((c) => [c.cypher, c.params])).toEqual(committed(clean.calls).map((c) => [c.cypher, c.params]));
    expect(report.nodes).toBe(8);
  });

  it('retries a transient error during cleanup without double-counting deletions', async () => {
    const plain = createRecordingDriver({ deletedFor: ({ round }) => (round === 0 ? 4 : 0) });
    const base = await pushInventory(assistantInventory(), OPTIONS, plain.driver);
    const firstSweep = plain.calls.findIndex(isCleanup) + 1;
    const fake = createRecordingDriver({ deletedFor: ({ round }) => (round === 0 ? 4 : 0), failOnCall: { call: firstSweep, error: neo4jError('ServiceUnavailable') } });
    const report = await pushInventory(assistantInventory(), OPTIONS, fake.driver);
    expect(report.deleted).toBe(base.deleted);
  });

  it('is idempotent: pushing twice records the same statements and parameters', async () => {
    const a = createRecordingDriver();
    const b = createRecordingDriver();
    await pushInventory(assistantInventory(), OPTIONS, a.driver);
    await pushInventory(assistantInventory(), OPTIONS, b.driver);
    await pushInventory(assistantInventory(), OPTIONS, b.driver);
    const once = a.calls.map((c) => [c.cypher, c.params]);
    expect(b.calls.map((c) => [c.cypher, c.params])).toEqual([...once, ...once]);
  });

  it('runs no cleanup for a scope whose scan had an error, and says which scope was kept', async () => {
    const fake = createRecordingDriver();
    const inv = assistantInventory({ diagnostics: [{ connector: 'local', level: 'error', code: 'unreadable', message: 'EACCES', location: { path: 'src/secret.py' } }] });
    const report = await pushInventory(inv, OPTIONS, fake.driver);
    expect(fake.calls.some(isCleanup)).toBe(false);
    expect(report.keptScopes).toEqual([repository().id]);
  });

  it('reports progress per data batch', async () => {
    const seen: string[] = [];
    await pushInventory(manyModelsInventory(3), { ...OPTIONS, onProgress: (done, total) => seen.push(`${done}/${total}`) }, createRecordingDriver().driver);
    expect(seen[0]).toBe(`1/${seen.length}`);
    expect(seen.at(-1)).toBe(`${seen.length}/${seen.length}`);
  });
});

describe('push errors', () => {
  it('turns an auth failure into a message that says what to fix, without the password', async () => {
    const fake = createRecordingDriver({ connectivityError: neo4jError('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.') });
    const error = await pushInventory(assistantInventory(), OPTIONS, fake.driver).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jPushError);
    expect((error as Neo4jPushError).code).toBe('auth');
    expect((error as Error).message).toMatch(/refused the credentials.*--password-env/);
    expect((error as Error).message).not.toContain(OPTIONS.password);
    expect(fake.calls).toEqual([]);
  });

  it('turns an unreachable server into a message naming the server and how to start one', async () => {
    const fake = createRecordingDriver({ connectivityError: neo4jError('ServiceUnavailable', 'Could not perform discovery. No routing servers available.') });
    const error = (await pushInventory(assistantInventory(), OPTIONS, fake.driver).catch((e: unknown) => e)) as Neo4jPushError;
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/cannot reach Neo4j at bolt:\/\/localhost:7687.*README/);
  });

  it('reports a missing database and a non-retryable write error, closing the session', async () => {
    const missing = createRecordingDriver({ connectivityError: neo4jError('Neo.ClientError.Database.DatabaseNotFound') });
    await expect(pushInventory(assistantInventory(), { ...OPTIONS, database: 'nope' }, missing.driver)).rejects.toThrow(/no database "nope"/);
    const syntax = createRecordingDriver({ failOnCall: { call: 1, error: neo4jError('Neo.ClientError.Statement.SyntaxError') } });
    await expect(pushInventory(assistantInventory(), OPTIONS, syntax.driver)).rejects.toThrow(/push to Neo4j .* failed: Neo.ClientError.Statement.SyntaxError/);
    expect(syntax.calls).toHaveLength(1);
    expect(syntax.openSessions()).toBe(0);
  });

  it('rejects a URI that is not a Neo4j URI before connecting, and never shows credentials in one', async () => {
    await expect(pushInventory(assistantInventory(), { ...OPTIONS, uri: 'http://localhost:7474' })).rejects.toThrow(/not a Neo4j URI: http:\/\/localhost:7474/);
    expect(shownUri('bolt://neo4j:hunter2@db:7687')).toBe('bolt://db:7687');
  });
});
