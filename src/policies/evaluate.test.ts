import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../model/index.ts';
import { asset, ev, inventory, NOW, system } from './__fixtures__/build.ts';
import { configFileSchema } from '../config/schema.ts';
import { evaluatePolicies, policyConfigOf, unknownPolicyIds } from './evaluate.ts';
import { findingId } from './helpers.ts';

const hub = asset('model', 'org/m', { sources: ['from_pretrained'] }, { evidence: [ev('a.py', 2, 'AutoModel.from_pretrained("org/m")', 'call-site')] });
const pickle = asset('model-file', 'm.pkl', { format: 'pickle', executesCodeOnLoad: true, riskLevel: 'critical', dangerousGlobals: ['os.system'] });
const ollama = asset('model-server', 'ollama', { ports: ['11434:11434'], exposed: true, envNames: [] });
const tool = asset('tool', 'send_email');
const plain = system('plain', [hub, pickle]);
const risky = system('risky', [hub, ollama, tool]);

describe('evaluatePolicies', () => {
  it('sorts findings by severity (critical first), then id', () => {
    const { findings } = evaluatePolicies(inventory([plain.system, hub, pickle], plain.edges), {}, NOW);
    const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(findings[0]?.policyId).toBe('unsafe-model-format');
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1], findings[i]];
      if (a?.severity === b?.severity) expect((a?.id ?? '') < (b?.id ?? '')).toBe(true);
    }
  });

  it('honours policies.disable and policies.severity', () => {
    const inv = inventory([plain.system, hub, pickle], plain.edges);
    const off = evaluatePolicies(inv, { disable: ['unowned-ai-asset', 'unpinned-model-revision'] }, NOW).findings.map((f) => f.policyId);
    expect(off).toEqual(['unsafe-model-format']);
    const low = evaluatePolicies(inv, { severity: { 'unsafe-model-format': 'low' } }, NOW).findings.find((f) => f.policyId === 'unsafe-model-format');
    expect(low?.severity).toBe('low');
  });

  it('raises low/medium findings on a high-tier system one step and says so; critical and info stay', () => {
    const inv = inventory([risky.system, hub, ollama, tool], risky.edges);
    const { findings, systems } = evaluatePolicies(inv, {}, NOW);
    expect(systems).toHaveLength(1);
    expect(systems[0]?.attributes['riskTier']).toBe('high');
    expect(systems[0]?.attributes['riskFactors']).toEqual(['can-act: tool "send_email" changes things or runs commands', 'external-facing: model-server "ollama" is exposed outside its host']);
    const pin = findings.find((f) => f.policyId === 'unpinned-model-revision');
    expect(pin?.severity).toBe('medium');
    expect(pin?.detail).toContain('Raised from low: part of the high-risk system "risky".');
    const owner = findings.find((f) => f.policyId === 'unowned-ai-asset');
    expect(owner?.severity).toBe('high');
    expect(owner?.detail).toContain('Raised from medium: a high-risk system.');
    const info = evaluatePolicies(inv, { severity: { 'unpinned-model-revision': 'info' } }, NOW).findings.find((f) => f.policyId === 'unpinned-model-revision');
    expect(info?.severity).toBe('info');
  });

  it('leaves severities alone on lower tiers and returns systems with their tier', () => {
    const { findings, systems } = evaluatePolicies(inventory([plain.system, hub, pickle], plain.edges), {}, NOW);
    expect(findings.find((f) => f.policyId === 'unpinned-model-revision')?.severity).toBe('low');
    expect(systems.map((s) => [s.name, s.attributes['riskTier'], s.attributes['riskFactors']])).toEqual([['plain', 'low', []]]);
  });

  it('is deterministic, with stable ids of the contract form', () => {
    const inv = inventory([risky.system, hub, ollama, tool], risky.edges);
    const a = evaluatePolicies(inv, {}, NOW);
    expect(evaluatePolicies(inv, {}, NOW)).toEqual(a);
    for (const f of a.findings) {
      expect(f.id).toMatch(/^finding:[0-9a-f]{16}$/);
      expect(f.firstSeen).toBe(NOW);
      expect(f.status).toBe('new');
    }
    expect(a.findings.find((f) => f.policyId === 'unpinned-model-revision')?.id).toBe(findingId('unpinned-model-revision', hub.id));
  });

  it('lists config ids that name no policy', () => {
    expect(unknownPolicyIds({ disable: ['shadow-ai', 'shadow-AI'], severity: { nope: 'low' } })).toEqual(['nope', 'shadow-AI']);
  });

  it('reads its config from a parsed config file', () => {
    const file = configFileSchema.parse({ approved: { models: ['gpt-4o*'] }, dataSources: [{ match: 'hr-*', classification: 'restricted' }], policies: { disable: ['shadow-ai'], severity: { 'unowned-ai-asset': 'low' } } });
    expect(policyConfigOf(file)).toEqual({
      approved: { models: ['gpt-4o*'] },
      dataSources: [{ match: 'hr-*', classification: 'restricted' }],
      disable: ['shadow-ai'],
      severity: { 'unowned-ai-asset': 'low' },
    });
    expect(policyConfigOf({})).toEqual({});
  });
});
