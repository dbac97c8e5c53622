/**
 * A stand-in for a neo4j-driver `Driver` (the outside world of the Neo4j adapter): it records every
 * statement with its parameters, transaction kind and database, can fail a chosen call with a real
 * `Neo4jError` (transient or not), and answers cleanup statements with `deleted` counts.
 *
 * Only the surface push.ts uses exists: `driver.verifyConnectivity()`, `driver.session({database})`,
 * `session.executeWrite(fn)`, `tx.run(cypher, params)`, `session.close()`, `driver.close()`.
 * `executeWrite` follows the driver's contract: when the transaction function throws a retryable
 * error (`Neo4jError.retryable`: transient errors, ServiceUnavailable, SessionExpired) the attempt
 * is rolled back and the function runs again; any other error rolls back and is rethrown.
 */
import { int, isRetryableError, Neo4jError, Record as Neo4jRecord, type Driver } from 'neo4j-driver';

/** One `tx.run` as the fake saw it. */
export interface RecordedCall {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** `write` for executeWrite (the only kind push.ts may use), `read` for executeRead. */
  readonly txKind: 'write' | 'read';
  readonly database: string | undefined;
  /** 1 for the first try of a transaction function, 2 for its first retry, ... */
  readonly attempt: number;
  /** False when the attempt was rolled back (it threw); its writes never happened. */
  committed: boolean;
}

export interface RecordingDriverOptions {
  /** Fail the Nth `tx.run` (1-based, counted over all calls) with this error, once. */
  readonly failOnCall?: { readonly call: number; readonly error: Error };
  /** `deleted` count a cleanup statement returns; default: nothing stale (0). */
  readonly deletedFor?: (call: { cypher: string; params: Readonly<Record<string, unknown>>; round: number }) => number;
  /** Make `verifyConnectivity` fail with this error. */
  readonly connectivityError?: Error;
  /** Retries executeWrite allows before giving up (the real driver retries for 30 s). */
  readonly maxRetries?: number;
}

/** The fake and what it recorded. */
export interface RecordingDriver {
  /** Pass this where a `Driver` is expected. */
  readonly driver: Driver;
  readonly calls: RecordedCall[];
  /** Databases sessions were opened with, in order. */
  readonly sessions: (string | undefined)[];
  /** Sessions still open. */
  openSessions(): number;
  closed(): boolean;
}

/** A `Neo4jError` with the given server code, built with the driver's own class. */
export function neo4jError(code: string, message = `simulated ${code}`): Neo4jError {
  return new Neo4jError(message, code as Neo4jError['code'], '50N42', 'error: general processing exception - unexpected error');
}

/** The transient error of the brief: a deadlock the driver retries. */
export function deadlockError(): Neo4jError {
  return neo4jError('Neo.TransientError.Transaction.DeadlockDetected', 'ForsetiClient can not acquire ExclusiveLock: deadlock detected');
}

/** Creates a recording fake driver. */
export function createRecordingDriver(options: RecordingDriverOptions = {}): RecordingDriver {
  const calls: RecordedCall[] = [];
  const sessions: (string | undefined)[] = [];
  const rounds = new Map<string, number>();
  let open = 0;
  let driverClosed = false;
  let failed = false;

  const run = (database: string | undefined, txKind: 'write' | 'read', attempt: number, mine: RecordedCall[]) => async (cypher: string, params: Record<string, unknown> = {}) => {
    const call: RecordedCall = { cypher, params, txKind, database, attempt, committed: true };
    calls.push(call);
    mine.push(call);
    if (!failed && options.failOnCall !== undefined && calls.length === options.failOnCall.call) {
      failed = true;
      throw options.failOnCall.error;
    }
    if (!/RETURN count\(\*\) AS deleted/.test(cypher)) return { records: [], summary: {} };
    const key = `${cypher}\u0000${String(params['scopeId'])}`;
    const round = rounds.get(key) ?? 0;
    const deleted = options.deletedFor?.({ cypher, params, round }) ?? 0;
    // An injected failure throws above, so its retry sees the same round and the same count.
    rounds.set(key, round + 1);
    return { records: [new Neo4jRecord(['deleted'], [int(deleted)])], summary: {} };
  };

  const executeIn = (database: string | undefined, txKind: 'write' | 'read') => async <T>(work: (tx: { run: ReturnType<typeof run> }) => Promise<T>): Promise<T> => {
    const max = options.maxRetries ?? 5;
    for (let attempt = 1; ; attempt++) {
      const mine: RecordedCall[] = [];
      try {
        return await work({ run: run(database, txKind, attempt, mine) });
      } catch (error) {
        for (const c of mine) c.committed = false;
        if (!isRetryableError(error) || attempt > max) throw error;
      }
    }
  };

  const fake = {
    async verifyConnectivity() {
      if (driverClosed) throw new Error('driver closed');
      if (options.connectivityError !== undefined) throw options.connectivityError;
      return {};
    },
    session(config: { database?: string } = {}) {
      if (driverClosed) throw new Error('driver closed');
      sessions.push(config.database);
      open++;
      let sessionClosed = false;
      return {
        executeWrite: executeIn(config.database, 'write'),
        executeRead: executeIn(config.database, 'read'),
        async close() {
          if (!sessionClosed) open--;
          sessionClosed = true;
        },
      };
    },
    async close() {
      driverClosed = true;
    },
  };
  return { driver: fake as unknown as Driver, calls, sessions, openSessions: () => open, closed: () => driverClosed };
}
