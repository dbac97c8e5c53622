/**
 * The one error a push throws: a message that says what went wrong and what to do, so the CLI can
 * print it as is (exit code 2) instead of a driver stack trace.
 */

/** Why a push failed; stable, so callers and tests can branch on it. */
export const PUSH_ERROR_CODES = ['auth', 'unreachable', 'database', 'forbidden', 'invalid-uri', 'failed'] as const;
export type PushErrorCode = (typeof PUSH_ERROR_CODES)[number];

/** A push failure with a user-facing message; `cause` keeps the driver's error. */
export class Neo4jPushError extends Error {
  readonly code: PushErrorCode;

  constructor(code: PushErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Neo4jPushError';
    this.code = code;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The URI as it may be shown: any `user:password@` part is dropped. */
export function shownUri(uri: string): string {
  return uri.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}

/**
 * Wraps a driver error in a {@link Neo4jPushError} that names the server (never the password)
 * and the fix. Already wrapped errors pass through.
 */
export function toPushError(error: unknown, uri: string, database: string): Neo4jPushError {
  if (error instanceof Neo4jPushError) return error;
  const code = codeOf(error);
  const reason = messageOf(error);
  const where = `Neo4j at ${shownUri(uri)}`;
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new Neo4jPushError('auth', `${where} refused the credentials (${code}); check --user and the variable named by --password-env`, { cause: error });
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new Neo4jPushError('unreachable', `cannot reach ${where}: ${reason}; start the server (see graph/neo4j/README.md) or fix --neo4j (e.g. bolt://localhost:7687)`, { cause: error });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jPushError('database', `${where} has no database "${database}"; create it or pass --database with an existing one`, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Security.') || code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase') {
    return new Neo4jPushError('forbidden', `${where} does not let this user write to "${database}" (${code}); use a user with write and schema rights`, { cause: error });
  }
  if (/unknown scheme|invalid url|url.*malformed/i.test(reason)) {
    return new Neo4jPushError('invalid-uri', `not a Neo4j URI: ${shownUri(uri)} (use bolt://HOST:7687 or neo4j://HOST:7687; +s or +ssc for TLS)`, { cause: error });
  }
  return new Neo4jPushError('failed', `push to ${where} failed: ${code === '' ? reason : `${code}: ${reason}`}`, { cause: error });
}
