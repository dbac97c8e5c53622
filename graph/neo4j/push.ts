/**
 * Pushes one inventory into Neo4j: schema first, then node batches, relationship batches and the
 * scoped stale sweep (plan.ts decides what; this file only runs it). Every write is a managed
 * transaction (`session.executeWrite`) holding one idempotent statement, so the driver's own
 * retry of transient failures (deadlocks, leader switches, `ServiceUnavailable`) re-runs exactly
 * that statement with the same parameters and nothing is written twice.
 */
import { auth, driver as createDriver, int, isInt, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Inventory } from '../../src/model/index.ts';
import { Neo4jPushError, toPushError } from './errors.ts';
import { planPush, type PlannedCleanup, type PlannedWrite, type WriteParams } from './plan.ts';

/** Where and how to push. */
export interface Neo4jPushOptions {
  /** `bolt://HOST:7687`, `neo4j://…`, `neo4j+s://…`. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database named on every session (default `neo4j`, so the driver never has to look it up). */
  readonly database?: string;
  /** Rows per batch and deletions per cleanup chunk (default 10000). */
  readonly batchSize?: number;
  /** Sweep stale data under each cleanly scanned scope (default true). */
  readonly cleanup?: boolean;
  /** Called after each write batch with batches done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Clock for `durationMs` (default `Date.now`). */
  readonly now?: () => number;
}

/** What a push did. */
export interface PushReport {
  /** Node rows written. */
  readonly nodes: number;
  /** Relationship rows written. */
  readonly relationships: number;
  /** Write transactions for node and relationship batches. */
  readonly batches: number;
  /** Stale nodes and relationships removed by the sweep. */
  readonly deleted: number;
  readonly durationMs: number;
  /** Scope roots not swept because the scan had an error there (last-known-good kept). */
  readonly keptScopes: readonly string[];
  /** Relationships not written because an end is not in the inventory. */
  readonly skippedRelationships: number;
}

export const DEFAULT_DATABASE = 'neo4j';

/** A cleanup statement that keeps deleting past this many chunks is a bug, not a big graph. */
const MAX_CLEANUP_ROUNDS = 100_000;

/**
 * Parameters as the driver must get them: JS numbers would arrive as floats, and `LIMIT` needs an
 * integer, so whole numbers become Neo4j integers. A list keeps one type (Neo4j arrays are
 * homogeneous): whole numbers are converted only when every element is one.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? int(value) : value;
  if (Array.isArray(value)) {
    const allInts = value.length > 0 && value.every((v) => typeof v === 'number' && Number.isSafeInteger(v));
    if (value.every((v) => typeof v === 'number')) return allInts ? value.map((v: number) => int(v)) : value;
    return value.map(toDriverValue);
  }
  if (value !== null && typeof value === 'object' && !isInt(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}

function driverParams(params: WriteParams): Record<string, unknown> {
  return toDriverValue(params) as Record<string, unknown>;
}

/** The `deleted` column of a cleanup result as a JS number. */
function deletedCount(records: readonly { get(key: string): unknown }[]): number {
  const value = records[0]?.get('deleted');
  if (isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : 0;
}

async function runCleanup(session: ReturnType<Driver['session']>, step: PlannedCleanup): Promise<number> {
  const params = driverParams(step.params);
  let total = 0;
  for (let round = 0; round < MAX_CLEANUP_ROUNDS; round++) {
    const deleted = await session.executeWrite(async (tx: ManagedTransaction) => deletedCount((await tx.run(step.cypher, params)).records));
    if (deleted === 0) return total;
    total += deleted;
  }
  throw new Neo4jPushError('failed', `stale cleanup under ${step.scopeId} did not finish after ${MAX_CLEANUP_ROUNDS} rounds`);
}

async function runWrites(session: ReturnType<Driver['session']>, writes: readonly PlannedWrite[], onProgress?: (done: number, total: number) => void): Promise<void> {
  const batches = writes.filter((w) => w.phase !== 'schema').length;
  let done = 0;
  for (const write of writes) {
    const params = driverParams(write.params);
    // A schema statement cannot share a transaction with data writes: each runs alone.
    await session.executeWrite(async (tx: ManagedTransaction) => {
      await tx.run(write.cypher, params);
    });
    if (write.phase !== 'schema') onProgress?.(++done, batches);
  }
}

/**
 * Pushes `inventory` to Neo4j and returns what was written. Uses `driver` when given (it stays
 * open; tests pass a recording fake), else opens one from the options and closes it. Throws
 * {@link Neo4jPushError} with a message fit for the user on any failure.
 */
export async function pushInventory(inventory: Inventory, options: Neo4jPushOptions, driver?: Driver): Promise<PushReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const database = options.database ?? DEFAULT_DATABASE;
  const plan = planPush(inventory, { ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }), ...(options.cleanup === undefined ? {} : { cleanup: options.cleanup }) });
  let own: Driver | undefined;
  try {
    own = driver === undefined ? createDriver(options.uri, auth.basic(options.user, options.password), { userAgent: `aimap/${inventory.tool.version}` }) : undefined;
    const active = driver ?? (own as Driver);
    await active.verifyConnectivity({ database });
    const session = active.session({ database, defaultAccessMode: 'WRITE' });
    try {
      await runWrites(session, plan.writes, options.onProgress);
      let deleted = 0;
      for (const step of plan.cleanup) deleted += await runCleanup(session, step);
      const data = plan.writes.filter((w) => w.phase !== 'schema');
      return {
        nodes: data.filter((w) => w.phase === 'nodes').reduce((n, w) => n + w.rows, 0),
        relationships: data.filter((w) => w.phase === 'relationships').reduce((n, w) => n + w.rows, 0),
        batches: data.length,
        deleted,
        durationMs: Math.max(0, now() - started),
        keptScopes: plan.keptScopes,
        skippedRelationships: plan.skippedRelationships,
      };
    } finally {
      await session.close();
    }
  } catch (error) {
    throw toPushError(error, options.uri, database);
  } finally {
    await own?.close();
  }
}
