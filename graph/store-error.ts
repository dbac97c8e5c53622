/**
 * The one error type a store throws. Its message says what went wrong and what to do, so the
 * CLI can print it as is (exit code 2) instead of a stack trace.
 */

/** Why the store failed; stable, so callers and tests can branch on it. */
export const STORE_ERROR_CODES = [
  /** The path holds something other than an aimap store (a text file, another app's database). */
  'not-a-store',
  /** The store was written by a newer aimap whose schema this version cannot read. */
  'newer-schema',
  /** The directory or file cannot be created or written. */
  'unwritable',
  /** `create: false` and no store exists at the path. */
  'missing',
  /** Another process holds the write lock longer than the busy timeout. */
  'locked',
  /** SQLite reports the file damaged. */
  'corrupt',
  /** The scan id is already recorded. */
  'duplicate-scan',
  /** The inventory breaks an invariant the store relies on (e.g. two assets with one id). */
  'invalid-inventory',
  /** The store was closed. */
  'closed',
  /** Any other I/O or database failure (disk full, I/O error, ...). */
  'io',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A store failure with a user-facing message; `cause` keeps the underlying error. */
export class AimapStoreError extends Error {
  readonly code: StoreErrorCode;
  /** The store path concerned. */
  readonly path: string;

  constructor(code: StoreErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AimapStoreError';
    this.code = code;
    this.path = path;
  }
}
