import { describe, expect, it } from 'vitest';
import type { Finding, Inventory } from '../model/index.ts';
import { POLICIES } from '../policies/api.ts';
import { ASSETS, fid, finding, sampleFindings, sampleInventory, TEST_POLICIES } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { sarifSchemaErrors } from '../../test/helpers/sarif-schema/validate.ts';
import type { Suppression } from '../findings/suppressions.ts';
import { buildSarif, renderSarif, SARIF_SCHEMA_URI, sarifLevel } from './sarif.ts';

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: Record<string, unknown>[];
  }[];
}

const sarif = (inventory: Inventory, options: Parameters<typeof renderSarif>[1] = { policies: TEST_POLICIES }): Log => JSON.parse(renderSarif(inventory, options)) as Log;
const run = (log: Log) => log.runs[0] as Log['runs'][number];
const resultFor = (log: Log, id: string) => run(log).results.find((r) => (r['partialFingerprints'] as Record<string, string>)['aimapFindingId/v1'] === id) as Record<string, unknown>;

describe('renderSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = sarif(sampleInventory());
    expect(sarifSchemaErrors(log)).toEqual([]);
    // The validator really checks: a result without a message is rejected.
    const broken = structuredClone(log);
    delete run(broken).results[0]?.['message'];
    expect(sarifSchemaErrors(broken).join('\n')).toMatch(/message/);
  });

  it('describes the tool and one rule per registered policy, sorted, with a generic rule for unknown policies', () => {
    const log = sarif(sampleInventory());
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = run(log).tool;
    expect(driver).toMatchObject({ name: 'aimap', version: '0.1.0', semanticVersion: '0.1.0' });
    // No informationUri: the project has no public home yet, and a made-up one would mislead.
    expect(driver).not.toHaveProperty('informationUri');
    expect(driver.rules.map((r) => r['id'])).toEqual(['host-mcp-tool', 'over-permissive-identity', 'secret-in-code', 'unapproved-model', 'unsafe-model-file']);
    expect(driver.rules[3]).toEqual({
      id: 'unapproved-model',
      name: 'UnapprovedModel',
      shortDescription: { text: 'Model not on the approved list.' },
      fullDescription: { text: 'Unvetted models may not meet data-handling or licensing requirements.' },
      help: {
        text: 'Add the model to approved.models after review, or switch to an approved one.\n\nFrameworks: nist-ai-rmf:MAP-4.1, owasp-llm:LLM03',
        markdown: '**Remediation**\n\nAdd the model to approved.models after review, or switch to an approved one.\n\n**Frameworks**\n\n- `nist-ai-rmf:MAP-4.1`\n- `owasp-llm:LLM03`',
      },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['security', 'nist-ai-rmf:MAP-4.1', 'owasp-llm:LLM03'], 'security-severity': '5.5' },
    });
    expect(driver.rules[4]).toMatchObject({ helpUri: 'https://example.com/aimap/policies/unsafe-model-file', defaultConfiguration: { level: 'error' }, properties: { 'security-severity': '9.5' } });
    expect(driver.rules[0]).toMatchObject({ id: 'host-mcp-tool', name: 'HostMcpTool', shortDescription: { text: 'host-mcp-tool on write_file.' }, defaultConfiguration: { level: 'note' } });
    expect(driver.rules[0]?.['fullDescription']).toEqual({ text: 'Reported by the aimap policy host-mcp-tool, which this version of aimap does not describe.' });
  });

  it('uses the registered policies by default', () => {
    const ids = (run(sarif(sampleInventory([]), {})).tool.driver.rules).map((r) => r['id']);
    expect(ids).toEqual(POLICIES.map((p) => p.id).sort());
  });

  it('maps each finding to a result with rule index, level, message, fingerprint and properties', () => {
    const log = sarif(sampleInventory());
    const rules = run(log).tool.driver.rules;
    expect(run(log).results.map((r) => [r['ruleId'], r['level']])).toEqual([
      ['unsafe-model-file', 'error'],
      ['unapproved-model', 'error'],
      ['secret-in-code', 'warning'],
      ['over-permissive-identity', 'note'],
      ['host-mcp-tool', 'note'],
    ]);
    for (const r of run(log).results) expect(rules[r['ruleIndex'] as number]?.['id']).toBe(r['ruleId']);
    expect(resultFor(log, fid(1))).toMatchObject({
      message: { text: 'unsafe-model-file on models/clf.pkl. Detail of unsafe-model-file.' },
      partialFingerprints: { 'aimapFindingId/v1': fid(1) },
      properties: { severity: 'critical', frameworks: ['mitre-atlas:AML.T0010', 'owasp-llm:LLM03'], assetId: ASSETS.pickle.id, status: 'new', firstSeen: '2026-03-01T10:00:00.000Z' },
    });
    expect(resultFor(log, fid(1))['suppressions']).toBeUndefined();
  });

  it('locates results in files relative to the repository root, or logically when no file applies', () => {
    const log = sarif(sampleInventory());
    const loc = (id: string) => (resultFor(log, id)['locations'] as unknown[])[0];
    // The scope is a sub-folder of a git repository: paths get its prefix.
    expect(loc(fid(1))).toEqual({ physicalLocation: { artifactLocation: { uri: 'services/bot/models/clf.pkl', uriBaseId: '%SRCROOT%' } } });
    // No evidence on the finding: the asset's first file evidence.
    expect(loc(fid(2))).toEqual({ physicalLocation: { artifactLocation: { uri: 'services/bot/app/bot.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } } });
    // A notebook cell: the notebook file, no region (cell lines are not file lines).
    expect(loc(fid(3))).toEqual({ physicalLocation: { artifactLocation: { uri: 'services/bot/notebooks/explore.ipynb', uriBaseId: '%SRCROOT%' } }, properties: { cell: 3 } });
    expect(loc(fid(4))).toEqual({ logicalLocations: [{ name: 'agent-role', fullyQualifiedName: 'arn:aws:iam::123456789012:role/agent-role', kind: 'resource', properties: { assetKind: 'identity' } }] });
    // A host config path (~/...) is not in the scanned tree.
    expect(loc(fid(5))).toEqual({ logicalLocations: [{ name: 'write_file', kind: 'resource', properties: { assetKind: 'tool' } }] });
    expect(run(log).originalUriBaseIds).toHaveProperty('%SRCROOT%');
  });

  it('prefixes the typed target for folders outside git, and encodes paths as URI references', () => {
    const base = sampleInventory([finding(1, 'p', 'low', ASSETS.model, { evidence: [{ path: 'src/a b#1.py', line: 3, technique: 'import', confidence: 'declared', detector: 't' }] })]);
    const plain = (target: string): Inventory => ({
      ...base,
      scan: { ...base.scan, targets: [{ connector: 'local', target, scope: 'bot' }] },
      assets: base.assets.map((a) => (a.kind === 'repository' ? { ...a, name: 'bot', attributes: { vcs: 'none' } } : a)),
    });
    const uri = (inv: Inventory) => ((resultFor(sarif(inv), fid(1))['locations'] as { physicalLocation: { artifactLocation: { uri: string } } }[])[0]?.physicalLocation.artifactLocation.uri);
    expect(uri(plain('./apps/bot'))).toBe('apps/bot/src/a%20b%231.py');
    expect(uri(plain('.'))).toBe('src/a%20b%231.py');
    expect(uri(plain('/abs/bot'))).toBe('src/a%20b%231.py');
    expect(uri(plain('../elsewhere'))).toBe('src/a%20b%231.py');
    expect(sarifSchemaErrors(sarif(plain('./apps/bot')))).toEqual([]);
    // A finding on the repository itself (a per-repository summary) cites paths inside it the same way.
    const onRepo = sampleInventory([finding(1, 'p', 'low', ASSETS.repo, { evidence: [{ path: 'infra/flow.yaml', line: 1, technique: 'iac', confidence: 'declared', detector: 't' }] })]);
    const repoPlain: Inventory = { ...plain('./apps/bot'), findings: onRepo.findings };
    expect(uri(repoPlain)).toBe('apps/bot/infra/flow.yaml');
  });

  it('leaves resolved findings out and marks suppressed ones with their justification', () => {
    const [f1, f2, f3] = sampleFindings() as [Finding, Finding, Finding];
    const inventory = sampleInventory([{ ...f1, status: 'resolved' }, { ...f2, status: 'suppressed' }, { ...f3, status: 'open' }]);
    const entries: Suppression[] = [
      { policy: 'unapproved-model', asset: 'gpt-*', reason: 'Old pilot', owner: 'a@x', expires: '2026-01-01', source: 's 1' },
      { policy: 'unapproved-model', asset: 'gpt-4o', reason: 'Pilot approved by the AI board', owner: 'ai-board@acme.example', expires: '2026-09-01', source: 's 2' },
    ];
    const log = sarif(inventory, { policies: TEST_POLICIES, suppressions: entries, now: '2026-03-01T00:00:00Z' });
    expect(run(log).results.map((r) => (r['properties'] as { status: string }).status)).toEqual(['suppressed', 'open']);
    expect(resultFor(log, fid(2))['suppressions']).toEqual([{ kind: 'external', justification: 'Pilot approved by the AI board. Owner: ai-board@acme.example. Expires: 2026-09-01.' }]);
    expect(sarifSchemaErrors(log)).toEqual([]);
    // Without the suppressions file at hand the result is still marked suppressed.
    expect(resultFor(sarif(inventory), fid(2))['suppressions']).toEqual([{ kind: 'external', justification: 'Suppressed in aimap.suppressions.yaml' }]);
  });

  it('is deterministic whatever the order of findings', () => {
    const a = renderSarif(sampleInventory(), { policies: TEST_POLICIES });
    const b = renderSarif(sampleInventory([...sampleFindings()].reverse()), { policies: [...TEST_POLICIES].reverse() });
    expect(b).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(buildSarif(sampleInventory(), { policies: TEST_POLICIES })).toEqual(JSON.parse(a));
  });

  it('maps severities to SARIF levels', () => {
    expect((['critical', 'high', 'medium', 'low', 'info'] as const).map(sarifLevel)).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });
});
