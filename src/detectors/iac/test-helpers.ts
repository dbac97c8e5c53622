/**
 * Test-only helpers: run the detector on inline files and print assets and edges readably.
 * (Not a test file itself; imported by the `*.test.ts` files of this folder.)
 */
import type { Asset, DetectionResult, Relationship } from '../../model/index.ts';
import { iacDetector } from './index.ts';

export const EMPTY: DetectionResult = { assets: [], relationships: [], diagnostics: [] };

/** Runs the detector on one file (scope `repo`). */
export function detectFile(path: string, content: string): DetectionResult {
  return iacDetector.detect({ scope: 'repo', path, content }) ?? EMPTY;
}

/** `kind:name` of every asset, sorted and unique. */
export function assetNames(r: { readonly assets: readonly Asset[] }): string[] {
  return [...new Set(r.assets.map((a) => `${a.kind}:${a.name}`))].sort();
}

/** `kind:name TYPE kind:name` of every edge (ends not in the result print as their id), sorted. */
export function edgeNames(r: { readonly assets: readonly Asset[]; readonly relationships: readonly Relationship[] }): string[] {
  const byId = new Map(r.assets.map((a) => [a.id, `${a.kind}:${a.name}`]));
  return [...new Set(r.relationships.map((e) => `${byId.get(e.from) ?? e.from} ${e.type} ${byId.get(e.to) ?? e.to}`))].sort();
}

/** The first asset of a kind and name. */
export function assetNamed(r: { readonly assets: readonly Asset[] }, kind: string, name: string): Asset | undefined {
  return r.assets.find((a) => a.kind === kind && a.name === name);
}

/** Properties of the edge `from TYPE to` (names as in `edgeNames`). */
export function edgeProps(r: { readonly assets: readonly Asset[]; readonly relationships: readonly Relationship[] }, label: string): unknown {
  const byId = new Map(r.assets.map((a) => [a.id, `${a.kind}:${a.name}`]));
  return r.relationships.find((e) => `${byId.get(e.from) ?? e.from} ${e.type} ${byId.get(e.to) ?? e.to}` === label)?.properties;
}
