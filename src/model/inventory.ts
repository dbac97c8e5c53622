import type { Asset, AssetKind } from './asset.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Finding } from './finding.ts';
import type { Relationship } from './relationship.ts';

/** Version of the inventory JSON shape; bumped on any breaking change to schema/inventory.schema.json. */
export const SCHEMA_VERSION = '1.0.0';

export interface ScanTarget {
  /** Connector that scanned it (`local`, ...). */
  readonly connector: string;
  /** What the user named (a path, an org, an account). */
  readonly target: string;
  /** Stable identity used to scope asset ids (git remote URL or folder name). */
  readonly scope: string;
}

export interface ScanInfo {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly targets: readonly ScanTarget[];
  /** Files read and skipped, per connector total. */
  readonly stats: ScanStats;
  readonly counts: Readonly<Partial<Record<AssetKind, number>>>;
}

export interface ScanStats {
  readonly filesSeen: number;
  readonly filesRead: number;
  readonly bytesRead: number;
  readonly filesSkipped: number;
}

/** One scan's result: what every output renders and the store keeps. */
export interface Inventory {
  readonly schemaVersion: string;
  readonly tool: { readonly name: 'aimap'; readonly version: string };
  readonly scan: ScanInfo;
  readonly assets: readonly Asset[];
  readonly relationships: readonly Relationship[];
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What a connector or detector returns. */
export interface DetectionResult {
  readonly assets: readonly Asset[];
  readonly relationships: readonly Relationship[];
  readonly diagnostics: readonly Diagnostic[];
}

export const EMPTY_RESULT: DetectionResult = Object.freeze({ assets: [], relationships: [], diagnostics: [] });
