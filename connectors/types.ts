import type { z } from 'zod';
import type { AssetKind, DetectionResult, ScanStats, ScanTarget } from '../src/model/index.ts';
import type { OwnershipFacts } from '../src/owners/types.ts';

/** Reports progress of long work; the CLI draws it on a TTY, tests and pipes get a no-op. */
export interface ProgressReporter {
  /** Announces (or raises) the number of work items expected. */
  addTotal(items: number): void;
  /** Marks items done; `bytes` feeds the throughput figure. */
  advance(items: number, bytes?: number): void;
}

/** Minimal structured logger (static message + metadata). */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** Runs async work with at most N tasks in flight. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Everything a connector may use from its surroundings: nothing reads globals (DESIGN.md §4). */
export interface ScanContext {
  readonly scanId: string;
  readonly now: () => Date;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly limit: Limiter;
  readonly progress: ProgressReporter;
}

/** What one connector run returns: results per target plus what it covered. */
export interface ConnectorResult extends DetectionResult {
  readonly targets: readonly ScanTarget[];
  readonly stats: ScanStats;
  /** What each scanned root says about ownership (CODEOWNERS, git history), for the owner resolver. */
  readonly ownership?: readonly OwnershipFacts[];
}

/** A source of assets: local folders, GitHub orgs, cloud accounts, audit logs. */
export interface Connector<Config> {
  /** Equals the folder name under connectors/. */
  readonly id: string;
  readonly displayName: string;
  readonly emits: readonly AssetKind[];
  /** What the connector needs to be allowed to do, for the docs. */
  readonly permissions: readonly string[];
  readonly configSchema: z.ZodType<Config>;
  scan(ctx: ScanContext, config: Config): Promise<ConnectorResult>;
}
