import { describe, expect, it } from 'vitest';
import { diffInventories } from '../../graph/diff.ts';
import { sampleInventory } from '../../test/helpers/store-fixtures.ts';
import type { Asset, Inventory } from '../model/index.ts';
import { diffTotals, renderDiffJson, renderDiffTable } from './diff.ts';

/** scan-2 drops the model (and its edge), bumps the SDK version, adds a vector store and raises the finding. */
function pair(): [Inventory, Inventory] {
  const before = sampleInventory('scan-1', '2026-01-01T00:00:00.000Z');
  const after = sampleInventory('scan-2', '2026-01-02T00:00:00.000Z');
  const model = after.assets.find((a) => a.kind === 'model') as Asset;
  const chroma: Asset = { id: 'vector-store:00000000000000ff', kind: 'vector-store', name: 'chroma', attributes: {}, evidence: [{ path: 'app/rag.py', line: 7, technique: 'call-site', confidence: 'declared', detector: 'python' }], tags: {} };
  return [
    before,
    {
      ...after,
      assets: [...after.assets.filter((a) => a !== model).map((a) => (a.kind === 'sdk' ? { ...a, attributes: { ...a.attributes, version: '1.52.0' } } : a)), chroma],
      relationships: after.relationships.filter((r) => r.to !== model.id),
      findings: after.findings.map((f) => ({ ...f, severity: 'critical' as const, status: 'open' as const })),
    },
  ];
}

describe('renderDiffTable', () => {
  it('lists added, removed and changed items with kind, name, location and changed fields', () => {
    const text = renderDiffTable(diffInventories(...pair()), { color: false });
    expect(text).toBe(
      [
        'aimap diff: scan-1 (2026-01-01 00:00:00Z) → scan-2 (2026-01-02 00:00:00Z)',
        '',
        'Added (1)',
        '  + vector-store  chroma  app/rag.py:7',
        '',
        'Removed (2)',
        '  − model       gpt-4o-mini                app/bot.py:12',
        '  − USES_MODEL  support-bot → gpt-4o-mini  app/bot.py:12',
        '',
        'Changed (2)',
        '  ~ sdk                 openai                          requirements.txt:3  attributes.version: "1.51.0" → "1.52.0"',
        '  ~ finding (critical)  mcp-dangerous-tool: write_file  .cursor/mcp.json:4  severity: "high" → "critical"',
        '',
        '+1 −2 ~2  (assets +1 −1 ~1 · relationships +0 −1 ~0 · findings +0 −0 ~1)',
        '',
      ].join('\n'),
    );
  });

  it('says "No changes." when there are none, and colours only when asked', () => {
    const [before] = pair();
    const same = diffInventories(before, { ...before, scan: { ...before.scan, id: 'scan-2' } });
    expect(renderDiffTable(same, { color: false })).toBe('aimap diff: scan-1 (2026-01-01 00:00:00Z) → scan-2 (2026-01-01 00:00:00Z)\n\nNo changes.\n');
    // eslint-disable-next-line no-control-regex
    expect(renderDiffTable(diffInventories(...pair()), { color: true })).toMatch(/\u001b\[31m−\u001b\[39m model/);
    expect(renderDiffTable(diffInventories(...pair()), { color: false })).not.toContain('\u001b');
  });

  it('spells out at most maxFields changed fields', () => {
    const [before, after] = pair();
    const sdk = after.assets.find((a) => a.kind === 'sdk') as Asset;
    const busy = { ...after, assets: after.assets.map((a) => (a === sdk ? { ...a, provider: 'x', attributes: { a: 1, b: 2, c: 3 } } : a)) };
    expect(renderDiffTable(diffInventories(before, busy), { color: false, maxFields: 2 })).toMatch(/attributes\.a: \(none\) → 1; attributes\.b: \(none\) → 2; \+4 more/);
  });
});

describe('renderDiffJson', () => {
  it('writes stable JSON with both scan ids, totals and the lists', () => {
    const diff = diffInventories(...pair());
    const text = renderDiffJson(diff);
    expect(text.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['from', 'to', 'totals', 'counts', 'assets', 'relationships', 'findings', 'assetNames']);
    expect(doc['from']).toEqual({ id: 'scan-1', startedAt: '2026-01-01T00:00:00.000Z' });
    expect(doc['totals']).toEqual(diffTotals(diff));
    expect(doc['totals']).toEqual({ added: 1, removed: 2, changed: 2 });
    expect(renderDiffJson(diffInventories(...pair()))).toBe(text);
  });
});
