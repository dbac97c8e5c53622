import { describe, expect, it } from 'vitest';
import { makeAsset } from '../detectors/shared/build.ts';
import type { Inventory } from '../model/index.ts';
import { formatLocation, renderTable } from './table.ts';

const inv = (over: Partial<Inventory> = {}): Inventory => ({
  schemaVersion: '1.0.0',
  tool: { name: 'aimap', version: '0.0.0' },
  scan: { id: 'S1', startedAt: '', finishedAt: '', targets: [{ connector: 'local', target: 'app', scope: 'app' }], stats: { filesSeen: 3, filesRead: 2, bytesRead: 10, filesSkipped: 0 }, counts: {} },
  assets: [],
  relationships: [],
  findings: [],
  diagnostics: [],
  ...over,
});

describe('renderTable', () => {
  it('says plainly when nothing was found', () => {
    expect(renderTable(inv(), { color: false })).toBe('aimap scan S1\napp · 3 files seen, 2 read\n\nNo AI assets found.\n');
  });

  it('lists counts by kind, then each asset with its first location and how many more', () => {
    const sdk = makeAsset({ scope: 'app' }, {
      kind: 'sdk', key: 'npm:openai', name: 'openai', provider: 'openai', attributes: { ecosystem: 'npm', declared: false },
      evidence: [{ path: 'src/a.ts', line: 3, technique: 'import', confidence: 'declared', detector: 'javascript' }, { path: 'src/b.ts', line: 1, technique: 'import', confidence: 'declared', detector: 'javascript' }],
    });
    const text = renderTable(inv({ assets: [sdk], scan: { ...inv().scan, counts: { sdk: 1 } }, diagnostics: [{ connector: 'local', level: 'warn', code: 'binary-file', message: 'binary', location: { path: 'x.js' } }] }), { color: false });
    expect(text).toContain('Assets by kind\n  AI SDKs  1\n');
    expect(text).toContain('AI SDKs (1)\n  openai  npm, undeclared, openai  src/a.ts:3 (+1 more)\n');
    expect(text).toContain('Diagnostics (1 warnings/errors)\n  warn  binary-file  x.js  binary\n');
  });

  it('shows notebook cells in locations', () => {
    expect(formatLocation({ path: 'n.ipynb', cell: 2, line: 4, technique: 'import', confidence: 'declared', detector: 'notebooks' })).toBe('n.ipynb[cell 2]:4');
  });
});
