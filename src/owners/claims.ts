/**
 * What every link of the owner chain shares: the claim a link makes ("this handle owns that asset,
 * says this source"), and the places an asset is matched at (its targets).
 */
import type { Asset, Confidence, Evidence } from '../model/index.ts';
import type { OwnerSource } from './types.ts';

/** One link's statement that `owner` owns an asset. */
export interface Claim {
  /** The handle as written. */
  readonly owner: string;
  readonly source: OwnerSource;
  readonly confidence: Confidence;
  /** What matched: a CODEOWNERS pattern, a tag key, `owners[0].paths`, `7 of 9 commits`. */
  readonly rule: string;
  readonly evidence: readonly Evidence[];
}

/** A place an asset is matched at: a file (an evidence path) or a folder (a system's root). */
export interface Target {
  readonly kind: 'file' | 'folder';
  /** Relative to the scanned root; `.` is the root itself. */
  readonly path: string;
}

/** The evidence detector name of everything the resolver writes. */
export const OWNERS_DETECTOR = 'owners';

function stringAttr(asset: Asset, key: string): string | undefined {
  const v = asset.attributes[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Where an asset is matched: a system by its file (compose stack, CloudFormation template) or its
 * root folder, a repository by its top folder, anything else by its evidence paths. Systems named
 * only in the config file (no root) fall back to their evidence paths.
 */
export function targetsOf(asset: Asset): Target[] {
  if (asset.kind === 'repository') return [{ kind: 'folder', path: '.' }];
  if (asset.kind === 'system') {
    const file = stringAttr(asset, 'file');
    if (file !== undefined) return [{ kind: 'file', path: file }];
    const root = stringAttr(asset, 'root');
    if (root !== undefined) return [{ kind: 'folder', path: root }];
  }
  const paths = new Set<string>();
  for (const e of asset.evidence) if (e.path !== undefined && e.path !== '' && e.path !== '.') paths.add(e.path);
  return [...paths].sort().map((path) => ({ kind: 'file', path }));
}

/** Joins a scanned-root-relative path onto the root's place in the repository. */
export function repoPath(root: string, path: string): string {
  const clean = path === '.' ? '' : path.replace(/^\.\//, '');
  if (root === '' || root === '.') return clean;
  return clean === '' ? root : `${root}/${clean}`;
}

/** Coverage rule shared by path-based links: declared when every target matched, else inferred. */
export function coverage(matched: number, total: number): Confidence {
  return matched >= total ? 'declared' : 'inferred';
}
