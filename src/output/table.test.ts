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

  it('folds assets seen only in test files into one line per kind; keys stay listed', () => {
    const at = (path: string) => [{ path, line: 1, technique: 'call-site' as const, confidence: 'declared' as const, detector: 'python' }];
    const model = (name: string, ...paths: string[]) => makeAsset({ scope: 'app' }, { kind: 'model', key: name, name, attributes: {}, evidence: paths.flatMap(at) });
    const assets = [
      model('gpt-4o', 'src/app.py', 'tests/test_app.py'),
      ...['stub-a', 'stub-b', 'stub-c', 'stub-d', 'stub-e', 'stub-f'].map((n) => model(n, 'api/client_test.go')),
      makeAsset({ scope: 'app' }, { kind: 'secret', key: 'k', name: 'openai key', attributes: {}, evidence: at('tests/conftest.py') }),
    ];
    const text = renderTable(inv({ assets, scan: { ...inv().scan, counts: { model: 7, secret: 1 } } }), { color: false });
    expect(text).toContain('Models (7)\n  gpt-4o    src/app.py:1 (+1 more)\n  + 6 seen only in tests: stub-a, stub-b, stub-c, stub-d, stub-e, … (all in --format json)\n');
    expect(text).toContain('  openai key    tests/conftest.py:1\n');
  });

  it('shows notebook cells in locations', () => {
    expect(formatLocation({ path: 'n.ipynb', cell: 2, line: 4, technique: 'import', confidence: 'declared', detector: 'notebooks' })).toBe('n.ipynb[cell 2]:4');
  });
});
