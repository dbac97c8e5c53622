import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import type { Finding, Inventory } from '../model/index.ts';
import { captureIo, fid, sampleFindings, sampleInventory } from '../../test/helpers/sarif-schema/findings-fixture.ts';
import { sarifSchemaErrors } from '../../test/helpers/sarif-schema/validate.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { finishScanFindings, prepareScanFindings, registerFindingsCommand } from './findings.ts';

const T1 = '2026-02-01T00:00:00.000Z';
const T2 = '2026-03-01T00:00:00.000Z';
const NOW = '2026-03-15T00:00:00.000Z';
const [f1, f2, f3, f4] = sampleFindings() as [Finding, Finding, Finding, Finding];

const SUPPRESSIONS = `suppressions:
  - policy: unapproved-model
    asset: "gpt-*"
    reason: Pilot approved by the AI board
    owner: ai-board@acme.example
    expires: 2026-09-01
  - id: ${fid(4)}
    reason: Break-glass role
    owner: platform
    expires: 2026-03-10
  - id: finding:00000000000000ff
    reason: Long gone
    owner: platform
    expires: 2027-01-01
`;

/** A folder with a store holding two scans of the same target, and a suppressions file. */
async function project(): Promise<string> {
  const cwd = tempTree({ 'aimap.suppressions.yaml': SUPPRESSIONS });
  const store = openEmbeddedStore(join(cwd, '.aimap', 'aimap.db'));
  await store.write(sampleInventory([f1, f2, f3].map((f) => ({ ...f, firstSeen: T1 })), 'scan-1', T1));
  await store.write(sampleInventory([f1, f2, f4].map((f) => ({ ...f, firstSeen: T2 })), 'scan-2', T2));
  store.close();
  return cwd;
}

async function findings(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(cwd);
  let code = -1;
  const program = new Command('aimap').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerFindingsCommand(program, io, (c) => (code = c), () => NOW);
  await program.parseAsync(['findings', ...args], { from: 'user' });
  return { code, stdout: io.out(), stderr: io.err() };
}

type Report = { scan: { id: string }; previousScan: string | null; counts: Record<string, number>; findings: Finding[]; suppressions: { expired: { source: string; findings: number }[]; unused: { source: string }[] } };
const statuses = (r: Report): string[] => r.findings.map((f) => `${f.id.slice(-1)} ${f.status} ${f.firstSeen.slice(0, 7)}`);

describe('aimap findings', () => {
  it('reports the newest scan against the previous one, with suppressions judged today', async () => {
    const cwd = await project();
    const run = await findings(cwd, ['--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.scan.id).toBe('scan-2');
    expect(report.previousScan).toBe('scan-1');
    // f4's suppression expired on 2026-03-10, before NOW: it is reported again (new in scan-2).
    expect(statuses(report)).toEqual(['1 open 2026-02', '2 suppressed 2026-02', '3 resolved 2026-02', '4 new 2026-03']);
    expect(report.counts).toEqual({ new: 1, open: 1, resolved: 1, suppressed: 1 });
    expect(report.suppressions.expired).toEqual([expect.objectContaining({ source: 'aimap.suppressions.yaml entry 2 (line 7)', findings: 1 })]);
    expect(report.suppressions.unused.map((s) => s.source)).toEqual(['aimap.suppressions.yaml entry 3 (line 11)']);
    expect(run.stderr).toBe(
      `aimap: warning: suppression aimap.suppressions.yaml entry 2 (line 7) (id ${fid(4)}) expired 2026-03-10; 1 finding is reported again\n` +
        'aimap: note: suppression aimap.suppressions.yaml entry 3 (line 11) (id finding:00000000000000ff) matches no finding; remove it if the risk is gone\n',
    );
  });

  it('filters by severity, policy and status, and reads an older scan with --scan', async () => {
    const cwd = await project();
    const json = async (args: string[]) => JSON.parse((await findings(cwd, ['--format', 'json', ...args])).stdout) as Report;
    expect(statuses(await json(['--severity', 'high']))).toEqual(['1 open 2026-02', '2 suppressed 2026-02']);
    expect(statuses(await json(['--policy', 'unapproved-model', '--policy', 'over-permissive-identity']))).toEqual(['2 suppressed 2026-02', '4 new 2026-03']);
    expect(statuses(await json(['--status', 'new,resolved']))).toEqual(['3 resolved 2026-02', '4 new 2026-03']);
    const first = await json(['--scan', 'scan-1']);
    expect(first.previousScan).toBeNull();
    expect(statuses(first)).toEqual(['1 new 2026-02', '2 suppressed 2026-02', '3 new 2026-02']);
  });

  it('exits 1 only when a new or open finding is at or above --fail-on', async () => {
    const cwd = await project();
    expect((await findings(cwd, ['--fail-on', 'critical'])).code).toBe(1);
    expect((await findings(cwd, ['--fail-on', 'none'])).code).toBe(0);
    // f2 (high) is suppressed; f3 (medium) resolved: with the filter only suppressed and low remain.
    expect((await findings(cwd, ['--policy', 'unapproved-model,secret-in-code', '--fail-on', 'low'])).code).toBe(0);
    expect((await findings(cwd, ['--policy', 'over-permissive-identity', '--fail-on', 'low'])).code).toBe(1);
  });

  it('prints a table by default and writes SARIF to a file', async () => {
    const cwd = await project();
    const table = await findings(cwd, []);
    expect(table.stdout).toMatch(/^aimap findings · scan scan-2\nstarted 2026-03-01T00:00:00.000Z, compared with scan scan-1\n/);
    expect(table.stdout).toContain('Open findings: 1 critical · 0 high · 0 medium · 1 low · 0 info (1 new)');
    expect(table.stdout).toMatch(/Suppressed \(1\)\n.*unapproved-model.*Pilot approved by the AI board \(ai-board@acme\.example, expires 2026-09-01\)/);
    const sarif = await findings(cwd, ['--format', 'sarif', '--output', 'out/aimap.sarif']);
    expect(sarif.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(cwd, 'out/aimap.sarif'), 'utf8')) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results.map((r) => [r.ruleId, r.suppressions !== undefined])).toEqual([
      ['unsafe-model-file', false],
      ['unapproved-model', true],
      ['over-permissive-identity', false],
    ]);
  });

  it('fails with a clear error for a missing store, an unknown scan and bad flag values', async () => {
    const empty = tempTree({});
    await expect(findings(empty, [])).rejects.toMatchObject({ name: 'AimapStoreError', message: expect.stringMatching(/No aimap store at .*aimap\.db\. Run a scan first/) });
    const cwd = await project();
    await expect(findings(cwd, ['--scan', 'nope'])).rejects.toThrow('no scan nope in the store (aimap scans lists them)');
    await expect(findings(cwd, ['--fail-on', 'urgent'])).rejects.toThrow('unknown --fail-on urgent');
    await expect(findings(cwd, ['--severity', 'none'])).rejects.toThrow('unknown --severity none');
    await expect(findings(cwd, ['--status', 'closed'])).rejects.toThrow('unknown --status closed; use: new, open, resolved, suppressed');
    await expect(findings(cwd, ['--policy', 'no-such-policy'])).rejects.toThrow(/unknown --policy no-such-policy; known: .*unapproved-model/);
    await expect(findings(cwd, ['--suppressions', 'missing.yaml'])).rejects.toThrow('cannot read suppressions missing.yaml: file not found');
  });
});

describe('scan helpers', () => {
  it('apply the lifecycle against the previous scan, the suppressions and --fail-on, and render SARIF', () => {
    const cwd = tempTree({ 'team.yaml': SUPPRESSIONS });
    const setup = prepareScanFindings({ failOn: 'high', suppressions: 'team.yaml' }, cwd);
    const previous: Inventory = sampleInventory([f1, f3].map((f) => ({ ...f, firstSeen: T1 })), 'scan-1', T1);
    const outcome = finishScanFindings(sampleInventory([f1, f2, f4], 'scan-2', T2), previous, setup, T2);
    expect(outcome.inventory.findings.map((f) => `${f.id.slice(-1)} ${f.status}`)).toEqual(['1 open', '2 suppressed', '3 resolved', '4 suppressed']);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.messages).toEqual([expect.stringMatching(/^note: suppression team\.yaml entry 3 \(line 11\)/)]);
    const log = JSON.parse(outcome.renderSarif()) as { runs: { results: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(3);
    expect(() => prepareScanFindings({ failOn: 'urgent' }, cwd)).toThrow('unknown --fail-on urgent');
    expect(prepareScanFindings({}, cwd)).toEqual({ suppressions: [] });
  });
});
