/**
 * Turns node:sqlite and file-system errors into `AimapStoreError`s whose message says what to do.
 * Errors that are already `AimapStoreError`s pass through unchanged.
 */
import { AimapStoreError } from '../store-error.ts';
import type { StoreErrorCode } from '../store-error.ts';

/** SQLite primary result codes we can explain (https://sqlite.org/rescode.html). */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_CONSTRAINT = 19;
const SQLITE_NOTADB = 26;

/** The primary SQLite result code of a node:sqlite error, if it is one. */
export function sqliteCode(error: unknown): number | undefined {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
}

/** Wraps `error` as an `AimapStoreError` about the store at `path`. */
export function toStoreError(error: unknown, path: string): AimapStoreError {
  if (error instanceof AimapStoreError) return error;
  const [code, message] = explain(error, path);
  return new AimapStoreError(code, path, message, { cause: error });
}

function explain(error: unknown, path: string): [StoreErrorCode, string] {
  const detail = error instanceof Error ? error.message : String(error);
  switch (sqliteCode(error)) {
    case SQLITE_NOTADB:
      return ['not-a-store', notAStoreMessage(path, 'it is not a SQLite database')];
    case SQLITE_CORRUPT:
      return ['corrupt', `The aimap store ${path} is damaged (${detail}). Move it aside and scan again to start a new history.`];
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ['locked', `The aimap store ${path} is busy: another aimap process is writing to it. Retry when it has finished.`];
    case SQLITE_READONLY:
      return ['unwritable', unwritableMessage(path, 'the file is read-only')];
    case SQLITE_CANTOPEN:
      return ['unwritable', unwritableMessage(path, 'it cannot be opened or created')];
    case SQLITE_CONSTRAINT:
      return ['invalid-inventory', `The inventory does not fit the aimap store (${detail}); nothing of this scan was written to ${path}.`];
    case SQLITE_FULL:
      return ['io', `The aimap store ${path} could not be written: the disk is full. Free some space and retry.`];
    default:
      return fileSystemError(error, path) ?? ['io', `The aimap store ${path} failed: ${detail}`];
  }
}

function fileSystemError(error: unknown, path: string): [StoreErrorCode, string] | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return ['unwritable', unwritableMessage(path, 'permission denied')];
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return ['unwritable', unwritableMessage(path, 'a parent of it is a file, not a directory')];
  }
  if (code === 'ENOSPC') return ['io', `The aimap store ${path} could not be written: the disk is full.`];
  return undefined;
}

/** Message for a path that holds something other than an aimap store. */
export function notAStoreMessage(path: string, why: string): string {
  return `${path} is not an aimap store (${why}). Point the store option at a new file, or move that file away.`;
}

/** Message for a location aimap cannot write. */
export function unwritableMessage(path: string, why: string): string {
  return `Cannot write the aimap store at ${path}: ${why}. Choose a writable location for the store.`;
}
