/**
 * SARIF end to end: a real scan of the bundled fixtures, judged by the registered policies,
 * rendered as SARIF and checked by the official schema (Ajv) and Microsoft's SARIF Multitool;
 * then `aimap findings` through the CLI entry point (`main`), with its exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { main } from '../../src/cli.ts';
import { failOnExit } from '../../src/findings/fail-on.ts';
import { applyLifecycle } from '../../src/findings/lifecycle.ts';
import type { Suppression } from '../../src/findings/suppressions.ts';
import type { Inventory } from '../../src/model/index.ts';
import { renderSarif } from '../../src/output/sarif.ts';
import { evaluatePolicies } from '../../src/policies/evaluate.ts';
import { captureIo, sampleInventory, TEST_POLICIES } from '../helpers/sarif-schema/findings-fixture.ts';
import { multitoolValidate, sarifSchemaErrors, type MultitoolResult } from '../helpers/sarif-schema/validate.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The fixtures scanned for real, with the policies' findings and one of them suppressed. */
async function scannedFixtures(): Promise<{ inventory: Inventory; suppressions: Suppression[] }> {
  const io = captureIo(ROOT);
  expect(await main(['scan', 'test/fixtures', '--format', 'json', '--no-store', '--quiet'], io)).toBe(0);
  const scanned = JSON.parse(io.out()) as Inventory;
  const { findings } = evaluatePolicies(scanned, {}, scanned.scan.startedAt);
  const first = findings.find((f) => f.severity === 'medium') ?? findings[0];
  const suppressions: Suppression[] = first === undefined ? [] : [{ id: first.id, reason: 'Accepted for the demo', owner: 'sec@acme.example', expires: '2999-01-01', source: 'test' }];
  const now = scanned.scan.startedAt;
  return { inventory: { ...scanned, findings: applyLifecycle(undefined, findings, suppressions, now, scanned.assets) }, suppressions };
}

let scanned: Promise<{ inventory: Inventory; suppressions: Suppression[] }> | undefined;
/** The fixtures are scanned once per file: every test reads the same inventory. */
const fixtures = (): Promise<{ inventory: Inventory; suppressions: Suppression[] }> => (scanned ??= scannedFixtures());

describe('SARIF from a real scan', () => {
  let real: { inventory: Inventory; suppressions: Suppression[] };
  let logs: string[];
  let results: MultitoolResult[];

  beforeAll(async () => {
    real = await fixtures();
    const now = real.inventory.scan.startedAt;
    const broken = JSON.parse(renderSarif(sampleInventory(), { policies: TEST_POLICIES })) as { runs: { results: { ruleIndex: number }[] }[] };
    (broken.runs[0]?.results[0] as { ruleIndex: number }).ruleIndex = 99;
    logs = [
      renderSarif(real.inventory, { suppressions: real.suppressions, now }),
      renderSarif(sampleInventory(), { policies: TEST_POLICIES }),
      renderSarif(sampleInventory([])),
      JSON.stringify(broken),
    ];
    // One multitool process for every log of this file: it takes about a second to start.
    results = multitoolValidate(logs).results;
  }, 120_000);

  it('has findings of several policies, located in repository files', () => {
    const log = JSON.parse(logs[0] as string) as { runs: { results: { ruleId: string; suppressions?: unknown; locations: { physicalLocation?: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results0 = log.runs[0]?.results ?? [];
    expect(new Set(results0.map((r) => r.ruleId)).size).toBeGreaterThanOrEqual(3);
    const uris = results0.flatMap((r) => r.locations.map((l) => l.physicalLocation?.artifactLocation.uri)).filter((u) => u !== undefined);
    expect(uris.length).toBeGreaterThan(0);
    // The fixtures folder is not its own git repository: paths start at the folder as typed.
    for (const uri of uris) expect(uri).toMatch(/^test\/fixtures\//);
    expect(results0.filter((r) => r.suppressions !== undefined)).toHaveLength(1);
  });

  it('is valid against the official SARIF 2.1.0 JSON schema', () => {
    for (const text of logs.slice(0, 3)) expect(sarifSchemaErrors(JSON.parse(text))).toEqual([]);
  });

  it('passes the SARIF Multitool with no errors', () => {
    const errors = (i: number) => results.filter((r) => r.log === i && r.level === 'error').map((r) => `${r.ruleId} ${r.message}`);
    expect(errors(0)).toEqual([]);
    expect(errors(1)).toEqual([]);
    expect(errors(2)).toEqual([]);
    // The warnings allowed: a whole-file location has no region (a model file has no lines), and
    // the driver has no informationUri (the project has no public home to point at yet).
    expect(results.filter((r) => r.log < 3 && r.level === 'warning' && r.ruleId !== 'SARIF2017' && r.ruleId !== 'SARIF2005')).toEqual([]);
    // The tool really looked: it flags the planted bad ruleIndex, and leaves its notes on the good logs.
    expect(errors(3).join('\n')).toMatch(/SARIF1009/);
    expect(results.some((r) => r.log === 0 && r.level === 'note')).toBe(true);
  });
});

describe('aimap findings through the CLI', () => {
  async function storeWithRealScan(): Promise<{ cwd: string; inventory: Inventory }> {
    const { inventory } = await fixtures();
    const cwd = tempTree({});
    const store = openEmbeddedStore(join(cwd, '.aimap', 'aimap.db'));
    await store.write(inventory);
    store.close();
    return { cwd, inventory };
  }

  it('prints schema-valid SARIF of the newest scan and exits 1 with --fail-on when a finding is at or above it', async () => {
    const { cwd, inventory } = await storeWithRealScan();
    const io = captureIo(cwd);
    expect(await main(['findings', '--format', 'sarif', '--output', 'aimap.sarif'], io)).toBe(0);
    const log = JSON.parse(readFileSync(join(cwd, 'aimap.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(inventory.findings.filter((f) => f.status !== 'resolved').length);
    expect(failOnExit(inventory.findings, 'high')).toBe(1);
    expect(await main(['findings', '--fail-on', 'high'], captureIo(cwd))).toBe(1);
    expect(await main(['findings', '--fail-on', 'none'], captureIo(cwd))).toBe(0);
  });

  it('exits 2 with a one-line reason for a missing store or a bad flag value', async () => {
    const empty = tempTree({});
    const missing = captureIo(empty);
    expect(await main(['findings'], missing)).toBe(2);
    expect(missing.err()).toMatch(/^aimap: No aimap store at .*aimap\.db\. Run a scan first, or check the store path\.\n$/);
    const { cwd } = await storeWithRealScan();
    const bad = captureIo(cwd);
    expect(await main(['findings', '--fail-on', 'urgent'], bad)).toBe(2);
    expect(bad.err()).toBe('aimap: unknown --fail-on urgent; use one of: info, low, medium, high, critical, none\n');
  });
});
