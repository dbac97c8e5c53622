import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/load.ts';
import { ASSETS, fid, sampleFindings } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import {
  isActive,
  loadSuppressions,
  loadSuppressionsFor,
  parseSuppressions,
  reviewSuppressions,
  suppressionMatcher,
  suppressionMessages,
  type Suppression,
} from './suppressions.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'suppressions');
const fixture = (name: string): string => join(FIXTURES, name);
const assets = Object.values(ASSETS);

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSuppressions', () => {
  it('reads every entry with its selector, reason, owner, expiry and where it was written', () => {
    const list = loadSuppressions(fixture('valid.yaml'), true, 'valid.yaml');
    expect(list).toHaveLength(5);
    expect(list[0]).toEqual({
      id: 'finding:0000000000000005',
      reason: 'Host tools are reviewed by IT, not by this repo',
      owner: 'it-ops@acme.example',
      expires: '2026-12-31',
      source: 'valid.yaml entry 1 (line 3)',
    });
    expect(list[1]).toMatchObject({ policy: 'over-permissive-identity', asset: 'identity:304b97cea9bc4235', expires: '2026-06-30T12:00:00Z', source: 'valid.yaml entry 2 (line 7)' });
  });

  it.each([
    ['missing-owner.yaml', /missing-owner\.yaml: entry 2 \(line 6\): owner: owner is required/],
    ['bad-expires.yaml', /entry 1 \(line 2\): expires: expires must be an ISO date such as 2026-03-31/],
    ['both-selectors.yaml', /entry 1 \(line 2\): use either id, or policy and asset, not both/],
    ['policy-without-asset.yaml', /entry 1 \(line 2\): select a finding with id, or with both policy and asset/],
    ['unknown-key.yaml', /entry 1 \(line 2\): expires: expires is required \(an ISO date such as 2026-03-31\); Unrecognized key: "expiry"/],
    ['not-a-list.yaml', /invalid suppressions file .*not-a-list\.yaml: suppressions: .*array/],
    ['syntax-error.yaml', /invalid suppressions file .*syntax-error\.yaml \(line 4\): Flow sequence/],
  ])('rejects %s with a ConfigError naming the entry and line', (name, message) => {
    const error = errorOf(() => loadSuppressions(fixture(name)));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('treats a comment-only file as no suppressions', () => {
    expect(loadSuppressions(fixture('empty.yaml'))).toEqual([]);
  });

  it('requires a file named with --suppressions, but not the default one', () => {
    const cwd = tempTree({});
    expect(loadSuppressionsFor(cwd, undefined)).toEqual([]);
    expect(errorOf(() => loadSuppressionsFor(cwd, 'nope.yaml')).message).toBe('cannot read suppressions nope.yaml: file not found');
    const withDefault = tempTree({ 'aimap.suppressions.yaml': 'suppressions:\n  - id: finding:0000000000000001\n    reason: r\n    owner: o\n    expires: 2030-01-01\n' });
    expect(loadSuppressionsFor(withDefault, undefined)).toEqual([
      { id: 'finding:0000000000000001', reason: 'r', owner: 'o', expires: '2030-01-01', source: 'aimap.suppressions.yaml entry 1 (line 2)' },
    ]);
  });

  it('rejects empty reasons and owners, not only missing ones', () => {
    const text = 'suppressions:\n  - id: x\n    reason: "  "\n    owner: ""\n    expires: 2030-01-01\n';
    expect(errorOf(() => parseSuppressions(text, 's.yaml')).message).toMatch(/reason: reason must not be empty; owner: owner must not be empty/);
  });
});

describe('suppression matching and expiry', () => {
  const [byId, byAssetId, byNameGlob, unusedGlob, byNativeGlob] = loadSuppressions(fixture('valid.yaml')) as [Suppression, Suppression, Suppression, Suppression, Suppression];
  const findings = sampleFindings();
  const matches = suppressionMatcher(assets);
  const selected = (s: Suppression): string[] => findings.filter((f) => matches(s, f)).map((f) => f.id);

  it('selects by finding id, by policy + asset id, and by policy + glob on name or nativeId', () => {
    expect(selected(byId)).toEqual([fid(5)]);
    expect(selected(byAssetId)).toEqual([fid(4)]);
    expect(selected(byNameGlob)).toEqual([fid(2)]);
    expect(selected(byNativeGlob)).toEqual([fid(1)]);
    expect(selected(unusedGlob)).toEqual([]);
  });

  it('needs the policy to match too, and the asset for a glob', () => {
    const other = { ...byNameGlob, policy: 'another-policy' };
    expect(selected(other)).toEqual([]);
    expect(suppressionMatcher([])(byNameGlob, findings[1] as never)).toBe(false);
    expect(suppressionMatcher([])(byAssetId, findings[3] as never)).toBe(true);
  });

  it('is active strictly before expiry; a bare date expires at 00:00 UTC that day', () => {
    expect(isActive(byNameGlob, '2025-12-31T23:59:59.999Z')).toBe(true);
    expect(isActive(byNameGlob, '2026-01-01T00:00:00.000Z')).toBe(false);
    expect(isActive(byAssetId, '2026-06-30T11:59:59Z')).toBe(true);
    expect(isActive(byAssetId, '2026-06-30T12:00:00Z')).toBe(false);
  });

  it('reviews expired entries (with the findings they would select) and unused active ones', () => {
    const review = reviewSuppressions(findings, [byId, byAssetId, byNameGlob, unusedGlob, byNativeGlob], assets, '2026-03-01T00:00:00Z');
    expect(review.expired.map((e) => [e.suppression.source, e.findings])).toEqual([[byNameGlob.source, 1]]);
    expect(review.unused).toEqual([unusedGlob]);
    expect(suppressionMessages(review)).toEqual([
      `warning: suppression ${byNameGlob.source} (policy unapproved-model on asset gpt-4*) expired 2026-01-01; 1 finding is reported again`,
      `note: suppression ${unusedGlob.source} (policy secret-in-code on asset notebooks/**) matches no finding; remove it if the risk is gone`,
    ]);
  });

  it('does not count resolved findings as a use', () => {
    const resolvedOnly = findings.map((f) => ({ ...f, status: 'resolved' as const }));
    expect(reviewSuppressions(resolvedOnly, [byId], assets, '2026-03-01T00:00:00Z').unused).toEqual([byId]);
  });
});
