/**
 * Finding lifecycle across scans. Finding ids are stable (policy + asset + discriminator), so a
 * finding is "the same" in two scans exactly when its id is:
 *
 * - `new`: not in the previous scan (or only as `resolved` there: it came back); firstSeen = now.
 * - `open`: in the previous scan as new, open or suppressed; keeps that scan's firstSeen.
 * - `resolved`: in the previous scan (not resolved) and gone now; carried once, so the report can
 *   say what was fixed, and dropped by the scan after.
 * - `suppressed`: selected by an active suppression; keeps its firstSeen.
 *
 * Everything here is pure: the clock comes in as `now`.
 */
import type { Asset, Finding } from '../model/index.ts';
import { compareFindings } from './severity.ts';
import { activeSuppressionFor, suppressionMatcher, type Suppression } from './suppressions.ts';

/**
 * Statuses from the previous scan's findings (new/open/resolved, no suppressions applied).
 * Entries of `current` that are themselves `resolved` are ignored: they are carries from an
 * earlier lifecycle pass, not live findings, and are recomputed from `previous`.
 */
export function trackLifecycle(previous: readonly Finding[] | undefined, current: readonly Finding[], now: string): Finding[] {
  const before = new Map<string, Finding>();
  for (const f of previous ?? []) if (f.status !== 'resolved' && !before.has(f.id)) before.set(f.id, f);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of current) {
    if (f.status === 'resolved' || seen.has(f.id)) continue;
    seen.add(f.id);
    const prior = before.get(f.id);
    out.push(prior === undefined ? { ...f, firstSeen: now, status: 'new' } : { ...f, firstSeen: prior.firstSeen, status: 'open' });
  }
  for (const [id, f] of before) if (!seen.has(id)) out.push({ ...f, status: 'resolved' });
  return out.sort(compareFindings);
}

/**
 * Marks the findings an active suppression selects as `suppressed`. A finding still marked
 * suppressed that no active entry selects any more (the entry expired or was removed) goes back
 * to `open`: it has been seen before. Resolved findings are left alone.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], assets: readonly Asset[], now: string): Finding[] {
  const matches = suppressionMatcher(assets);
  return findings
    .map((f): Finding => {
      if (f.status === 'resolved') return f;
      if (activeSuppressionFor(f, suppressions, matches, now) !== undefined) return { ...f, status: 'suppressed' };
      return f.status === 'suppressed' ? { ...f, status: 'open' } : f;
    })
    .sort(compareFindings);
}

/**
 * The findings of the current scan with their lifecycle status: `trackLifecycle` against the
 * previous scan, then `applySuppressions`. `assets` (the current inventory's) are needed only for
 * suppressions that select assets by nativeId/name glob; id selectors work without them.
 * Sorted by severity (critical first), then id.
 */
export function applyLifecycle(
  previous: readonly Finding[] | undefined,
  current: readonly Finding[],
  suppressions: readonly Suppression[],
  now: string,
  assets: readonly Asset[] = [],
): Finding[] {
  return applySuppressions(trackLifecycle(previous, current, now), suppressions, assets, now);
}
