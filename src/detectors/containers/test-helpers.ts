/**
 * Test helper: runs the detector on one inline file and summarizes what came out by kind, so the
 * format tests read as `{ kind, name, attributes }` lists.
 */
import type { Asset, DetectionResult } from '../../model/index.ts';
import { containersDetector } from './index.ts';

export interface Summary {
  readonly assets: { kind: string; name: string; attributes: Asset['attributes'] }[];
  readonly edges: string[];
  readonly diagnostics: string[];
}

/** Detects one file (scope `t`) and returns the raw result. */
export function detectOne(path: string, content: string): DetectionResult | null {
  return containersDetector.detect({ scope: 't', path, content });
}

/** Detects one file and summarizes it: assets, `from TYPE to` edges by name, diagnostics. */
export function summarize(path: string, content: string): Summary {
  const r = detectOne(path, content);
  if (r === null) return { assets: [], edges: [], diagnostics: [] };
  const byId = new Map(r.assets.map((a) => [a.id, a.name]));
  return {
    assets: r.assets.map((a) => ({ kind: a.kind, name: a.name, attributes: a.attributes })),
    edges: r.relationships.map((e) => `${byId.get(e.from)} ${e.type} ${byId.get(e.to)}`).sort(),
    diagnostics: r.diagnostics.map((d) => `${d.location?.line ?? '-'}: ${d.message}`),
  };
}

/** Names of the assets of one kind. */
export function namesOf(s: Summary, kind: string): string[] {
  return s.assets.filter((a) => a.kind === kind).map((a) => a.name).sort();
}
