/**
 * A diagnostic records a coverage gap or a problem met while scanning: never a crash.
 * `error` means some part of the target was not covered; `warn` that it was covered imperfectly.
 */
export const DIAGNOSTIC_CODES = [
  'parse-failed',
  'file-too-large',
  'binary-file',
  'invalid-encoding',
  'symlink-loop',
  'symlink-outside-root',
  'symlink-broken',
  'unreadable',
  'not-found',
  'detector-failed',
  'limit-reached',
  'access-denied',
  'rate-limited',
  'not-supported',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const DIAGNOSTIC_LEVELS = ['info', 'warn', 'error'] as const;
export type DiagnosticLevel = (typeof DIAGNOSTIC_LEVELS)[number];

export interface DiagnosticLocation {
  readonly path?: string;
  readonly line?: number;
  readonly url?: string;
}

export interface Diagnostic {
  /** Connector or detector id that raised it. */
  readonly connector: string;
  readonly level: DiagnosticLevel;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly location?: DiagnosticLocation;
}
