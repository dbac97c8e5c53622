import type { Ecosystem } from '../shared/ai-packages.ts';

/** One dependency as a manifest declares it, before the catalog decides whether it is AI. */
export interface ManifestEntry {
  readonly ecosystem: Ecosystem;
  /** Name as written in the manifest (Maven and Gradle: `group:artifact`). */
  readonly name: string;
  /** Version spec as written (`^4.52.0`, `>=1.0,<2`, `~> 0.3`), when the entry has one. */
  readonly version?: string;
  /** Scope per the scheme documented in `index.ts` (`runtime`, `dev`, `optional:rag`, ...). */
  readonly scope: string;
  /** 1-based line of the entry, when it could be located. */
  readonly line?: number;
}

/** A part of the manifest that could not be read. */
export interface ParseProblem {
  readonly message: string;
  readonly line?: number;
}

/** What a format parser returns: every declared dependency (AI or not) plus what went wrong. */
export interface ParseOutcome {
  readonly entries: readonly ManifestEntry[];
  readonly problems: readonly ParseProblem[];
}

/** A pure parser of one manifest format; `path` is the repo-relative path (some scopes depend on it). */
export type ManifestParser = (content: string, path: string) => ParseOutcome;
