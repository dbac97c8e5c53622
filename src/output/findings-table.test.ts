import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/index.ts';
import { fid, sampleFindings, sampleInventory } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import type { Suppression } from '../findings/suppressions.ts';
import { renderFindingsTable, severityCounts } from './findings-table.ts';

const [f1, f2, f3, f4, f5] = sampleFindings() as [Finding, Finding, Finding, Finding, Finding];

describe('renderFindingsTable', () => {
  const findings: Finding[] = [f1, { ...f2, status: 'open' }, f3, { ...f4, status: 'suppressed' }, { ...f5, status: 'resolved' }];
  const inventory = sampleInventory(findings);
  const entry: Suppression = { id: fid(4), reason: 'Break-glass role', owner: '@acme/platform', expires: '2026-06-30', source: 's' };

  it('lists open findings with severity, policy, asset, location and status, then suppressed and resolved sections', () => {
    const text = renderFindingsTable(inventory, findings, { color: false, suppressionOf: (f) => (f.id === fid(4) ? entry : undefined), notes: ['compared with scan scan-0'] });
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['aimap findings · scan scan-1', 'compared with scan scan-0', '']);
    expect(text).toContain('Open findings: 1 critical · 1 high · 1 medium · 0 low · 0 info (2 new)');
    expect(text).toMatch(/SEVERITY\s+POLICY\s+ASSET\s+LOCATION\s+STATUS/);
    expect(text).toMatch(/critical\s+unsafe-model-file\s+models\/clf\.pkl \(model-file\)\s+models\/clf\.pkl\s+new\n/);
    expect(text).toMatch(/high\s+unapproved-model\s+gpt-4o \(model\)\s+app\/bot\.py:12\s+open\n/);
    expect(text).toMatch(/medium\s+secret-in-code\s+openai \(secret\)\s+notebooks\/explore\.ipynb\[cell 3\]:2\s+new\n/);
    expect(text).toMatch(/Suppressed \(1\)\n\s+low\s+over-permissive-identity\s+agent-role \(identity\)\s+Break-glass role \(@acme\/platform, expires 2026-06-30\)\n/);
    expect(text).toMatch(/Resolved since the previous scan \(1\)\n\s+info\s+host-mcp-tool\s+write_file \(tool\)\s+first seen 2026-03-01\n$/);
    expect(text).not.toContain('\u001b[');
  });

  it('colours severities when asked, and says so when there is nothing', () => {
    expect(renderFindingsTable(inventory, [f1], { color: true })).toContain('\u001b[31mcritical');
    expect(renderFindingsTable(inventory, [], { color: false })).toBe('aimap findings · scan scan-1\n\nNo findings.\n');
  });

  it('shows the identity nativeId when the finding has no file', () => {
    expect(renderFindingsTable(inventory, [f4], { color: false })).toContain('arn:aws:iam::123456789012:role/agent-role');
  });
});

describe('severityCounts', () => {
  it('counts from critical down to info', () => {
    expect(severityCounts([f1, f1, f5])).toBe('2 critical · 0 high · 0 medium · 0 low · 1 info');
  });
});
