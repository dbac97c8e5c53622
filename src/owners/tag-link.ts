/**
 * Link 2 of the owner chain: owner tags and labels the detectors kept on `asset.tags` (IaC resource
 * tags and labels, Kubernetes labels and annotations, compose service labels; see `tag-keys.ts`).
 * A value may list several owners separated by commas. The evidence is the declaration that carries
 * the tag (the resource or workload line), with the tag itself as the snippet.
 */
import { compareEvidence, redactSnippet, type Asset, type Evidence } from '../model/index.ts';
import { OWNERS_DETECTOR, type Claim } from './claims.ts';
import { cleanHandle } from './handles.ts';
import { isOwnerTagKey } from './tag-keys.ts';

function declarationOf(asset: Asset): Evidence | undefined {
  const located = asset.evidence.filter((e) => e.path !== undefined);
  return [...located].sort(compareEvidence)[0] ?? asset.evidence[0];
}

/** Claims from an asset's owner tags, in tag-key order. */
export function tagClaims(asset: Asset): Claim[] {
  const keys = Object.keys(asset.tags).filter(isOwnerTagKey).sort();
  if (keys.length === 0) return [];
  const at = declarationOf(asset);
  const claims: Claim[] = [];
  for (const key of keys) {
    const value = asset.tags[key] ?? '';
    const evidence: Evidence = {
      ...(at?.path === undefined ? {} : { path: at.path }),
      ...(at?.line === undefined ? {} : { line: at.line }),
      snippet: redactSnippet(`${key}: ${value}`),
      technique: at?.technique ?? 'config',
      confidence: 'declared',
      detector: OWNERS_DETECTOR,
    };
    for (const part of value.split(',')) {
      const owner = cleanHandle(part);
      if (owner !== undefined) claims.push({ owner, source: 'tag', confidence: 'declared', rule: key, evidence: [evidence] });
    }
  }
  return claims;
}
