import type { DetectionResult } from '../model/index.ts';

/**
 * A file handed to detectors. Local folders and (later) GitHub tarballs produce the same shape,
 * so one detector and one fixture serve both connectors.
 */
export interface SourceFile {
  /** Scope the asset ids are derived in: the repository identity (git remote URL or folder name). */
  readonly scope: string;
  /** POSIX path relative to the scanned root. */
  readonly path: string;
  /** Decoded text (UTF-8, invalid sequences replaced). */
  readonly content: string;
}

/**
 * A pure detector: no I/O, no globals, no clock. Returns null when the file is not its business
 * (e.g. a JS file that imports nothing AI), so callers can skip work cheaply.
 */
export interface Detector {
  readonly id: string;
  /** Human name for docs and `--help`. */
  readonly displayName: string;
  /** Globs (picomatch, matched against the repo-relative path, `dot: true`) of files it reads. */
  readonly patterns: readonly string[];
  detect(file: SourceFile): DetectionResult | null;
}
