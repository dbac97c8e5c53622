/**
 * A small synthetic inventory with findings of every severity and status, for the findings,
 * suppressions and SARIF tests: file evidence in a git sub-folder, a notebook cell, an identity
 * with no file at all, and a host config path outside the scanned tree.
 */
import { Writable } from 'node:stream';
import type { CommandIo } from '../../../src/commands/io.ts';
import type { Asset, AssetKind, Evidence, Finding, Inventory, Severity } from '../../../src/model/index.ts';
import { assetId, relationshipId } from '../../../src/model/ids.ts';
import type { SarifRuleSource } from '../../../src/output/sarif.ts';

export const SCOPE = 'github.com/acme/support-bot//services/bot';
export const STARTED = '2026-03-01T10:00:00.000Z';

const ev = (path: string, line?: number, extra: Partial<Evidence> = {}): Evidence => ({
  path,
  ...(line === undefined ? {} : { line }),
  technique: 'call-site',
  confidence: 'declared',
  detector: 'test',
  ...extra,
});

function asset(kind: AssetKind, name: string, rest: Partial<Asset> = {}): Asset {
  return { id: assetId(kind, SCOPE, name), kind, name, attributes: {}, evidence: [], tags: {}, ...rest };
}

export const ASSETS = {
  repo: asset('repository', SCOPE, { attributes: { vcs: 'git', remote: 'github.com/acme/support-bot' }, evidence: [ev('.')] }),
  model: asset('model', 'gpt-4o', { provider: 'openai', nativeId: 'app/bot.py#L12', evidence: [ev('app/bot.py', 12)] }),
  pickle: asset('model-file', 'models/clf.pkl', { evidence: [ev('models/clf.pkl')] }),
  secret: asset('secret', 'openai', { evidence: [ev('notebooks/explore.ipynb', 2, { cell: 3 })] }),
  role: asset('identity', 'agent-role', { nativeId: 'arn:aws:iam::123456789012:role/agent-role' }),
  tool: asset('tool', 'write_file', { evidence: [ev('~/.cursor/mcp.json', 4)] }),
} as const;

/** `finding:` + 16 hex digits made from n. */
export const fid = (n: number): string => `finding:${n.toString(16).padStart(16, '0')}`;

export function finding(n: number, policyId: string, severity: Severity, on: Asset, rest: Partial<Finding> = {}): Finding {
  return {
    id: fid(n),
    policyId,
    policyVersion: '1.0.0',
    severity,
    assetId: on.id,
    title: `${policyId} on ${on.name}`,
    detail: `Detail of ${policyId}`,
    evidence: [],
    frameworks: [],
    firstSeen: STARTED,
    status: 'new',
    ...rest,
  };
}

/** Findings as policies emit them (status new, firstSeen = scan start). */
export function sampleFindings(): Finding[] {
  const { model, pickle, secret, role, tool } = ASSETS;
  return [
    finding(1, 'unsafe-model-file', 'critical', pickle, { evidence: pickle.evidence, frameworks: ['mitre-atlas:AML.T0010', 'owasp-llm:LLM03'] }),
    finding(2, 'unapproved-model', 'high', model, { frameworks: ['nist-ai-rmf:MAP-4.1'] }),
    finding(3, 'secret-in-code', 'medium', secret, { evidence: secret.evidence }),
    finding(4, 'over-permissive-identity', 'low', role),
    finding(5, 'host-mcp-tool', 'info', tool),
  ];
}

/** The inventory around `findings` (default: `sampleFindings()`). */
export function sampleInventory(findings: readonly Finding[] = sampleFindings(), scanId = 'scan-1', startedAt = STARTED): Inventory {
  const assets = Object.values(ASSETS).sort((a, b) => (a.id < b.id ? -1 : 1));
  const { repo } = ASSETS;
  const relationships = [ASSETS.model, ASSETS.pickle, ASSETS.secret].map((to) => ({
    id: relationshipId(repo.id, 'RESOURCE', to.id),
    type: 'RESOURCE' as const,
    from: repo.id,
    to: to.id,
    properties: {},
    evidence: [],
  }));
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'aimap', version: '0.1.0' },
    scan: {
      id: scanId,
      startedAt,
      finishedAt: startedAt,
      targets: [{ connector: 'local', target: '.', scope: SCOPE }],
      stats: { filesSeen: 10, filesRead: 10, bytesRead: 1000, filesSkipped: 0 },
      counts: {},
    },
    assets,
    relationships: relationships.sort((a, b) => (a.id < b.id ? -1 : 1)),
    findings,
    diagnostics: [],
  };
}

/** Rule metadata for two of the sample policies (the others fall back to generic rules). */
export const TEST_POLICIES: readonly SarifRuleSource[] = [
  {
    id: 'unapproved-model',
    severity: 'medium',
    title: 'Model not on the approved list',
    rationale: 'Unvetted models may not meet data-handling or licensing requirements.',
    remediation: 'Add the model to approved.models after review, or switch to an approved one.',
    frameworks: ['nist-ai-rmf:MAP-4.1', 'owasp-llm:LLM03'],
  },
  {
    id: 'unsafe-model-file',
    severity: 'critical',
    title: 'Model file can run code when loaded',
    rationale: 'Pickle-based weights execute arbitrary code on load.',
    remediation: 'Convert the weights to safetensors.',
    frameworks: ['mitre-atlas:AML.T0010'],
    helpUri: 'https://example.com/aimap/policies/unsafe-model-file',
  },
];

/** A CommandIo whose streams are captured as text (not terminals, colour off). */
export function captureIo(cwd: string): CommandIo & { out: () => string; err: () => string } {
  const sink = (): Writable & { text: string } => {
    const w = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        w.text += String(chunk);
        done();
      },
    }) as Writable & { text: string };
    w.text = '';
    return w;
  };
  const stdout = sink();
  const stderr = sink();
  return { stdout, stderr, cwd, noColor: true, out: () => stdout.text, err: () => stderr.text };
}
