import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/index.ts';
import { ASSETS, fid, finding } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { applyLifecycle, applySuppressions, trackLifecycle } from './lifecycle.ts';
import type { Suppression } from './suppressions.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';
const T2 = '2026-03-01T00:00:00.000Z';
const { model, pickle, role, tool } = ASSETS;
const assets = Object.values(ASSETS);

const summary = (list: readonly Finding[]): string[] => list.map((f) => `${f.id.slice(-1)} ${f.severity} ${f.status} ${f.firstSeen.slice(0, 7)}`);
const suppression = (rest: Partial<Suppression>): Suppression => ({ reason: 'r', owner: 'o', expires: '2026-12-31', source: 'test', ...rest });

describe('applyLifecycle', () => {
  it('marks everything new with firstSeen = now on the first scan, sorted by severity then id', () => {
    const current = [finding(3, 'p', 'low', role), finding(2, 'p', 'critical', pickle), finding(1, 'p', 'low', model), finding(4, 'p', 'high', tool)];
    expect(summary(applyLifecycle(undefined, current, [], T0))).toEqual(['2 critical new 2026-01', '4 high new 2026-01', '1 low new 2026-01', '3 low new 2026-01']);
  });

  it('keeps firstSeen of findings seen before (open), dates new ones now, and carries gone ones as resolved once', () => {
    const first = applyLifecycle(undefined, [finding(1, 'p', 'high', model), finding(2, 'p', 'medium', pickle)], [], T0);
    const second = applyLifecycle(first, [finding(1, 'p', 'high', model, { firstSeen: T1 }), finding(3, 'p', 'low', role, { firstSeen: T1 })], [], T1);
    expect(summary(second)).toEqual(['1 high open 2026-01', '2 medium resolved 2026-01', '3 low new 2026-02']);
    const third = applyLifecycle(second, [finding(1, 'p', 'high', model), finding(3, 'p', 'low', role)], [], T2);
    // 2 was resolved in the previous scan: not carried again.
    expect(summary(third)).toEqual(['1 high open 2026-01', '3 low open 2026-02']);
  });

  it('treats a finding that comes back after being resolved as new again', () => {
    const second = applyLifecycle(applyLifecycle(undefined, [finding(1, 'p', 'high', model)], [], T0), [], [], T1);
    expect(summary(second)).toEqual(['1 high resolved 2026-01']);
    expect(summary(applyLifecycle(second, [finding(1, 'p', 'high', model)], [], T2))).toEqual(['1 high new 2026-03']);
  });

  it('suppresses what an active entry selects, keeping firstSeen, and reopens it when the entry has expired', () => {
    const first = applyLifecycle(undefined, [finding(1, 'unapproved-model', 'high', model), finding(2, 'p', 'low', role)], [], T0);
    const entries = [suppression({ policy: 'unapproved-model', asset: 'gpt-*', expires: '2026-02-15' })];
    const second = applyLifecycle(first, [finding(1, 'unapproved-model', 'high', model), finding(2, 'p', 'low', role)], entries, T1, assets);
    expect(summary(second)).toEqual(['1 high suppressed 2026-01', '2 low open 2026-01']);
    // Expired by the third scan: the finding counts again, as open (it was seen before).
    const third = applyLifecycle(second, [finding(1, 'unapproved-model', 'high', model), finding(2, 'p', 'low', role)], entries, T2, assets);
    expect(summary(third)).toEqual(['1 high open 2026-01', '2 low open 2026-01']);
  });

  it('suppresses a new finding with firstSeen = now, and resolves a suppressed one that disappears', () => {
    const entries = [suppression({ id: fid(1) })];
    const first = applyLifecycle(undefined, [finding(1, 'p', 'high', model)], entries, T0);
    expect(summary(first)).toEqual(['1 high suppressed 2026-01']);
    expect(summary(applyLifecycle(first, [], entries, T1))).toEqual(['1 high resolved 2026-01']);
  });

  it('ignores resolved carries in current and duplicate ids, and does not mutate its inputs', () => {
    const previous = Object.freeze([Object.freeze(finding(1, 'p', 'high', model, { status: 'open', firstSeen: T0 }))]);
    const current = Object.freeze([finding(1, 'p', 'high', model), finding(1, 'p', 'high', model), finding(9, 'p', 'low', role, { status: 'resolved' })]);
    const out = applyLifecycle(previous, current, [], T1);
    expect(summary(out)).toEqual(['1 high open 2026-01']);
    expect(current[0]?.status).toBe('new');
  });

  it('is deterministic: the same inputs in another order give the same output', () => {
    const a = [finding(1, 'p', 'low', model), finding(2, 'p', 'low', pickle), finding(3, 'p', 'high', role)];
    const prev = [finding(2, 'p', 'low', pickle, { firstSeen: T0 }), finding(4, 'p', 'info', tool, { firstSeen: T0 })];
    expect(applyLifecycle([...prev].reverse(), [...a].reverse(), [], T1)).toEqual(applyLifecycle(prev, a, [], T1));
  });
});

describe('trackLifecycle and applySuppressions', () => {
  it('reopens a finding still marked suppressed when no active entry selects it, and leaves resolved ones alone', () => {
    const marked = [finding(1, 'p', 'high', model, { status: 'suppressed', firstSeen: T0 }), finding(2, 'p', 'low', role, { status: 'resolved', firstSeen: T0 })];
    expect(summary(applySuppressions(marked, [suppression({ id: fid(2) })], assets, T1))).toEqual(['1 high open 2026-01', '2 low resolved 2026-01']);
  });

  it('counts a finding suppressed in the previous scan as seen before', () => {
    const previous = [finding(1, 'p', 'high', model, { status: 'suppressed', firstSeen: T0 })];
    expect(summary(trackLifecycle(previous, [finding(1, 'p', 'high', model, { firstSeen: T2 })], T2))).toEqual(['1 high open 2026-01']);
  });
});
