/**
 * Keeps the policies honest: every registered policy is complete (id, version, severity, rationale,
 * remediation, known framework ids of each family), has its own file, test and docs section, and
 * reports findings with evidence and framework references on an inventory made to trigger it. The
 * README table is exactly what the registry generates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/model/index.ts';
import { POLICY_SAMPLES } from '../../src/policies/__fixtures__/samples.ts';
import { POLICIES, policyById } from '../../src/policies/api.ts';
import { buildIndexes } from '../../src/policies/helpers.ts';
import { FRAMEWORK_FAMILIES, FRAMEWORKS, frameworkFamily } from '../../src/policies/frameworks.ts';
import { currentPolicyTable, renderPolicyTable } from '../../src/policies/table.ts';

const root = join(import.meta.dirname, '..', '..');
const NOW = '2026-03-01T12:00:00.000Z';

/** Families a policy may leave out, and why. */
const EXEMPT: Readonly<Record<string, readonly string[]>> = {
  // Ownership is a governance gap, not an attack technique or an LLM application weakness.
  'unowned-ai-asset': ['owasp-llm', 'mitre-atlas'],
};

describe('policy registry', () => {
  it('has unique kebab-case ids, sorted', () => {
    const ids = POLICIES.map((p) => p.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(policyById('shadow-ai')?.id).toBe('shadow-ai');
    expect(policyById('no-such-policy')).toBeUndefined();
  });

  it.each(POLICIES.map((p) => [p.id, p] as const))('%s is complete and documented', (id, policy) => {
    expect(policy.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(SEVERITIES).toContain(policy.severity);
    for (const text of [policy.title, policy.rationale, policy.remediation]) expect(text.trim().length).toBeGreaterThan(10);
    expect(policy.frameworks.length).toBeGreaterThan(0);
    for (const f of policy.frameworks) expect(FRAMEWORKS.has(f), `${id}: ${f} is in frameworks.ts`).toBe(true);
    const families = new Set(policy.frameworks.map(frameworkFamily));
    for (const family of FRAMEWORK_FAMILIES) if (!(EXEMPT[id] ?? []).includes(family)) expect(families.has(family), `${id} cites ${family}`).toBe(true);
    expect(existsSync(join(root, 'src/policies', `${id}.ts`)), `src/policies/${id}.ts`).toBe(true);
    expect(existsSync(join(root, 'src/policies', `${id}.test.ts`)), `src/policies/${id}.test.ts`).toBe(true);
    expect(readFileSync(join(root, 'src/policies/README.md'), 'utf8')).toContain(`### \`${id}\``);
  });

  it.each(POLICIES.map((p) => [p.id, p] as const))('%s reports findings with evidence and known frameworks on its sample', (id, policy) => {
    const sample = POLICY_SAMPLES[id];
    expect(sample, `a sample in src/policies/__fixtures__/samples.ts for ${id}`).toBeDefined();
    if (sample === undefined) return;
    const findings = policy.evaluate({ inventory: sample.inventory, config: sample.config, now: NOW, index: buildIndexes(sample.inventory) });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.policyId).toBe(id);
      expect(f.policyVersion).toBe(policy.version);
      expect(f.id).toMatch(/^finding:[0-9a-f]{16}$/);
      expect(SEVERITIES).toContain(f.severity);
      expect(sample.inventory.assets.some((a) => a.id === f.assetId)).toBe(true);
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.evidence.length).toBeGreaterThan(0);
      // A location: a file (with a line where the format has lines), a URL, or the asset's native id.
      for (const e of f.evidence) expect(e.path !== undefined || e.url !== undefined || e.snippet !== undefined).toBe(true);
      expect(f.frameworks.length).toBeGreaterThan(0);
      for (const fw of f.frameworks) expect(FRAMEWORKS.has(fw), fw).toBe(true);
    }
  });
});

describe('framework catalog', () => {
  it('gives every id a title and the shape of its family', () => {
    const shapes: Record<string, RegExp> = {
      'nist-ai-rmf': /^nist-ai-rmf:(GOVERN|MAP|MEASURE|MANAGE)-\d\.\d{1,2}$/,
      'owasp-llm': /^owasp-llm:LLM(0[1-9]|10)$/,
      'mitre-atlas': /^mitre-atlas:AML\.T\d{4}(\.\d{3})?$/,
    };
    expect(FRAMEWORKS.size).toBeGreaterThan(30);
    for (const [id, title] of FRAMEWORKS) {
      const family = frameworkFamily(id);
      expect(family, id).toBeDefined();
      expect(id).toMatch(shapes[family ?? ''] ?? /^$/);
      expect(title.trim().length).toBeGreaterThan(3);
    }
    expect([...FRAMEWORKS.keys()].filter((k) => k.startsWith('owasp-llm:'))).toHaveLength(10);
  });
});

describe('README policy table', () => {
  it('is exactly the table generated from the registry (run `node scripts/gen-policy-table.ts`)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(currentPolicyTable(readme)).toBe(renderPolicyTable());
  });
});
