/** Messages between the store and its writer thread (write-thread.ts, write-worker.ts). */
import type { StoreErrorCode } from '../store-error.ts';
import type { ObservedJson } from './history.ts';
import type { ListTable, ScanRow } from './write-scan.ts';

/** Slots of the shared `Int32Array` signal. */
export const SIGNAL = {
  /** Replies posted so far; the main thread sleeps on it while it waits for an answer. */
  replies: 0,
  /** Rows of the current scan inserted so far (progress, and how far ahead the main thread is). */
  rows: 1,
  /** 1 once a row of the current scan failed: the main thread stops sending and asks for the error. */
  failed: 2,
  /** 1 once the thread has stopped (closed, or died of a bug): nobody will answer any more. */
  stopped: 3,
} as const;

/** Length of the signal array. */
export const SIGNAL_SLOTS = 4;

/** What the main thread asks; every request but `rows` is answered with one `WorkerReply`. */
export type WorkerRequest =
  | { readonly op: 'begin'; readonly scan: ScanRow }
  | { readonly op: 'rows'; readonly table: ListTable; readonly first: number; readonly rows: readonly string[] }
  | { readonly op: 'finish'; readonly observed: ObservedJson; readonly hasRelationships: boolean }
  | { readonly op: 'commit' }
  | { readonly op: 'rollback' }
  | { readonly op: 'close' };

/** A failure on the writer thread, as plain data (errors do not cross threads intact). */
export interface WorkerError {
  readonly message: string;
  /** SQLite extended result code, for node:sqlite errors. */
  readonly errcode?: number;
  readonly errstr?: string;
  readonly code?: string;
  /** Set when the failure already was an `AimapStoreError` (e.g. a duplicate scan id). */
  readonly storeCode?: StoreErrorCode;
  /** The row that failed: its list and index in the inventory. */
  readonly table?: ListTable;
  readonly index?: number;
}

/** The answer to a request. */
export interface WorkerReply {
  readonly error?: WorkerError;
}
