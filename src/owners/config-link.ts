/**
 * Link 1 of the owner chain: the `owners:` map of the config file. An entry owns the systems it
 * names (by asset name, case-insensitively), the assets it lists (by id) and whatever its `paths`
 * match. Paths follow the `systems:` rules: globs over paths relative to the scanned root, and a
 * plain folder also claims everything below it. Every entry that matches contributes its owner.
 */
import picomatch from 'picomatch';
import type { Asset, Evidence } from '../model/index.ts';
import { coverage, OWNERS_DETECTOR, targetsOf, type Claim } from './claims.ts';
import { cleanHandle } from './handles.ts';
import type { OwnersConfig } from './types.ts';

interface CompiledRule {
  readonly index: number;
  readonly owner: string;
  readonly systems: ReadonlySet<string>;
  readonly assets: ReadonlySet<string>;
  readonly paths: readonly ((path: string) => boolean)[];
}

/** Answers the config link for one asset. */
export type ConfigLink = (asset: Asset) => Claim[];

function pathTest(pattern: string): (path: string) => boolean {
  const p = pattern.replace(/^\.\//, '');
  // A plain folder also claims everything below it (same rule as `systems:`).
  return picomatch(/[*?[\]{}]/.test(p) ? p : [p.replace(/\/+$/, ''), `${p.replace(/\/+$/, '')}/**`], { dot: true });
}

/** Compiles the config owners map once. */
export function configLink(config: OwnersConfig): ConfigLink {
  const rules: CompiledRule[] = [];
  (config.owners ?? []).forEach((entry, index) => {
    const owner = cleanHandle(entry.owner);
    if (owner === undefined) return;
    rules.push({
      index,
      owner,
      systems: new Set((entry.systems ?? []).map((s) => s.trim().toLowerCase())),
      assets: new Set(entry.assets ?? []),
      paths: (entry.paths ?? []).filter((p) => p.trim() !== '').map(pathTest),
    });
  });
  const evidence = (owner: string, what: string, confidence: Claim['confidence']): Evidence => ({
    ...(config.source === undefined ? {} : { path: config.source }),
    snippet: `owner: ${owner} (${what})`,
    technique: 'config',
    confidence,
    detector: OWNERS_DETECTOR,
  });
  return (asset) => {
    const claims: Claim[] = [];
    const targets = rules.some((r) => r.paths.length > 0) ? targetsOf(asset) : [];
    for (const rule of rules) {
      const claim = (what: string, confidence: Claim['confidence']): Claim => ({
        owner: rule.owner, source: 'config', confidence, rule: `owners[${rule.index}].${what}`, evidence: [evidence(rule.owner, what, confidence)],
      });
      if (asset.kind === 'system' && rule.systems.has(asset.name.toLowerCase())) claims.push(claim('systems', 'declared'));
      else if (rule.assets.has(asset.id)) claims.push(claim('assets', 'declared'));
      else if (rule.paths.length > 0 && targets.length > 0) {
        const matched = targets.filter((t) => rule.paths.some((test) => test(t.path))).length;
        if (matched > 0) claims.push(claim('paths', coverage(matched, targets.length)));
      }
    }
    return claims;
  };
}
