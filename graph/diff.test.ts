import { describe, expect, it } from 'vitest';
import type { Asset, AssetKind } from '../src/model/asset.ts';
import type { Finding } from '../src/model/finding.ts';
import { assetId, relationshipId } from '../src/model/ids.ts';
import type { Inventory } from '../src/model/inventory.ts';
import type { Relationship } from '../src/model/relationship.ts';
import { diffInventories, isEmptyDiff, pickDiffScans } from './diff.ts';

const SCOPE = 'github.com/acme/bot';

function asset(kind: AssetKind, key: string, extra: Partial<Asset> = {}): Asset {
  return { id: assetId(kind, SCOPE, key), kind, name: key, attributes: {}, evidence: [{ path: 'app.py', line: 1, technique: 'import', confidence: 'declared', detector: 'python' }], tags: {}, ...extra };
}

function rel(from: Asset, to: Asset, properties: Relationship['properties'] = {}): Relationship {
  return { id: relationshipId(from.id, 'USES_MODEL', to.id), type: 'USES_MODEL', from: from.id, to: to.id, properties, evidence: [] };
}

function finding(assetIdValue: string, extra: Partial<Finding> = {}): Finding {
  return {
    id: `finding:${assetIdValue.slice(-8)}`, policyId: 'unowned-ai-asset', policyVersion: '1.0.0', severity: 'medium', assetId: assetIdValue,
    title: 'Unowned', detail: 'no owner', evidence: [], frameworks: [], firstSeen: '2026-01-01T00:00:00.000Z', status: 'open', ...extra,
  };
}

function inv(id: string, assets: Asset[], relationships: Relationship[] = [], findings: Finding[] = []): Inventory {
  return {
    schemaVersion: '1.0.0', tool: { name: 'aimap', version: '0.1.0' },
    scan: { id, startedAt: `2026-01-0${id.slice(-1)}T00:00:00.000Z`, finishedAt: '2026-01-01T00:00:01.000Z', targets: [], stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 }, counts: {} },
    assets, relationships, findings, diagnostics: [],
  };
}

const system = asset('system', 'bot');
const model = asset('model', 'gpt-4o', { provider: 'openai', attributes: { sources: ['keyword:model'], meta: { a: 1, b: 2 } } });
const sdk = asset('sdk', 'openai', { attributes: { versions: ['1.0.0'] } });

describe('diffInventories', () => {
  it('is empty for the same content under two scan ids, key order and evidence lines aside', () => {
    const moved: Asset = { ...model, attributes: { meta: { b: 2, a: 1 }, sources: ['keyword:model'] }, evidence: [{ ...model.evidence[0]!, line: 40 }] };
    const diff = diffInventories(inv('s1', [model, system], [rel(system, model)]), inv('s2', [moved, system], [rel(system, model)]));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.from).toEqual({ id: 's1', startedAt: '2026-01-01T00:00:00.000Z' });
    expect(diff.to.id).toBe('s2');
    // With evidence on, the moved line is a change.
    const strict = diffInventories(inv('s1', [model]), inv('s2', [moved]), { evidence: true });
    expect(strict.assets.changed.map((c) => c.changes.map((x) => x.field))).toEqual([['evidence']]);
  });

  it('reports added, removed and changed assets with the changed fields, sorted by id', () => {
    const newer: Asset = { ...sdk, provider: 'openai', attributes: { versions: ['1.2.0'], category: 'llm-provider' }, tags: { env: 'prod' } };
    const extra = asset('model', 'o3-mini');
    const diff = diffInventories(inv('s1', [model, sdk, system]), inv('s2', [extra, newer, system]));
    expect(diff.assets.added.map((a) => a.id)).toEqual([extra.id]);
    expect(diff.assets.removed.map((a) => a.id)).toEqual([model.id]);
    expect(diff.assets.changed).toHaveLength(1);
    expect(diff.assets.changed[0]?.changes).toEqual([
      { field: 'attributes.category', after: 'llm-provider' },
      { field: 'attributes.versions', before: ['1.0.0'], after: ['1.2.0'] },
      { field: 'provider', after: 'openai' },
      { field: 'tags.env', after: 'prod' },
    ]);
    expect(diff.counts.assets).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.counts.byKind).toEqual({ model: { added: 1, removed: 1, changed: 0 }, sdk: { added: 0, removed: 0, changed: 1 } });
  });

  it('reports relationships by id, property changes and the names of their ends', () => {
    const other = asset('model', 'claude');
    const diff = diffInventories(
      inv('s1', [system, model, other], [rel(system, model, { weight: 1 }), rel(system, other)]),
      inv('s2', [system, model], [rel(system, model, { weight: 2 })]),
    );
    expect(diff.relationships.removed.map((r) => r.to)).toEqual([other.id]);
    expect(diff.relationships.changed[0]?.changes).toEqual([{ field: 'properties.weight', before: 1, after: 2 }]);
    expect(diff.counts.byType).toEqual({ USES_MODEL: { added: 0, removed: 1, changed: 1 } });
    expect(diff.assetNames).toEqual(Object.fromEntries([[system.id, 'bot'], [model.id, 'gpt-4o'], [other.id, 'claude']].sort(([a], [b]) => (a! < b! ? -1 : 1))));
  });

  it('reports findings as new, resolved and changed, ignoring the new → open ageing', () => {
    const aged = finding(model.id, { status: 'new' });
    const gone = finding(sdk.id);
    const closed = finding(system.id);
    const diff = diffInventories(
      inv('s1', [], [], [aged, gone, closed, finding('x:1', { severity: 'low' })]),
      inv('s2', [], [], [{ ...aged, status: 'open' }, { ...closed, status: 'resolved' }, finding('x:1', { severity: 'high' }), finding('x:2')]),
    );
    expect(diff.findings.new.map((f) => f.assetId)).toEqual(['x:2']);
    expect(diff.findings.resolved.map((f) => f.id).sort()).toEqual([gone.id, closed.id].sort());
    expect(diff.findings.changed.map((c) => c.changes)).toEqual([[{ field: 'severity', before: 'low', after: 'high' }]]);
    expect(diff.counts.findings).toEqual({ added: 1, removed: 2, changed: 1 });
  });

  it('treats a suppression switched on as a change, not a resolution', () => {
    const f = finding(model.id);
    const diff = diffInventories(inv('s1', [], [], [f]), inv('s2', [], [], [{ ...f, status: 'suppressed' }]));
    expect(diff.findings.resolved).toEqual([]);
    expect(diff.findings.changed[0]?.changes).toEqual([{ field: 'status', before: 'open', after: 'suppressed' }]);
  });
});

describe('pickDiffScans', () => {
  const ids = ['s3', 's2', 's1'];
  it('defaults to the two newest, one argument against the newest, two as given', () => {
    expect(pickDiffScans(ids)).toEqual({ from: 's2', to: 's3' });
    expect(pickDiffScans(ids, 's1')).toEqual({ from: 's1', to: 's3' });
    expect(pickDiffScans(ids, 's3', 's1')).toEqual({ from: 's3', to: 's1' });
  });
  it('says why it cannot', () => {
    expect(pickDiffScans(['s1'])).toEqual({ problem: 'need at least two recorded scans to diff, found 1; run aimap scan again later, or name two scans' });
    expect(pickDiffScans(ids, 'nope')).toEqual({ problem: 'no scan "nope" in the store (aimap scans lists them)' });
    expect(pickDiffScans(ids, 's1', 'nope')).toEqual({ problem: 'no scan "nope" in the store (aimap scans lists them)' });
  });
});
