import { createHash } from 'node:crypto';
import type { AssetKind } from './asset.ts';

/** An asset id: `<kind>:<16 hex>`; stable for the same kind, scope and native identity. */
export type AssetId = string;

/**
 * Derives a stable asset id from kind + scope + the asset's identity inside that scope
 * (never a line number, never random). `scope` is the repository identity (git remote or
 * folder name) or cloud account; `key` the identity inside it (`npm:openai`, a model id, ...).
 */
export function assetId(kind: AssetKind, scope: string, key: string): AssetId {
  const digest = createHash('sha256').update(`${kind}\u0000${scope}\u0000${key}`).digest('hex');
  return `${kind}:${digest.slice(0, 16)}`;
}

/** Stable id of a relationship: its endpoints and type. */
export function relationshipId(from: AssetId, type: string, to: AssetId): string {
  return `${from}|${type}|${to}`;
}
