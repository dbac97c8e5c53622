import { describe, expect, it } from 'vitest';
import { POLICIES } from './api.ts';
import { currentPolicyTable, renderPolicyTable, TABLE_END, TABLE_START, updatePolicySection } from './table.ts';

describe('policy table', () => {
  it('has a header and one row per policy with id, severity, title and grouped frameworks', () => {
    const lines = renderPolicyTable().split('\n');
    expect(lines[0]).toBe('| policy | severity | what it catches | frameworks |');
    expect(lines).toHaveLength(POLICIES.length + 2);
    expect(lines).toContain(
      '| `unowned-ai-asset` | medium | AI system or asset with no accountable owner | NIST GOVERN-1.6, GOVERN-2.1 |',
    );
    expect(lines.find((l) => l.startsWith('| `unsafe-model-format`'))).toContain('medium (critical with dangerous globals');
  });

  it('appends a Policies section once, then replaces only what sits between the markers', () => {
    const first = updatePolicySection('# aimap\n\nIntro.\n');
    expect(first).toContain('\n## Policies\n');
    expect(currentPolicyTable(first)).toBe(renderPolicyTable());
    expect(updatePolicySection(first)).toBe(first);
    const stale = first.replace(renderPolicyTable(), '| old |');
    const fixed = updatePolicySection(`${stale}\n## After\n`);
    expect(fixed).toBe(`${first}\n## After\n`);
    expect(fixed.split(TABLE_START)).toHaveLength(2);
    expect(fixed.split(TABLE_END)).toHaveLength(2);
  });
});
