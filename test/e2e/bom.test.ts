/**
 * AI-BOM export end to end: real scans of the fixture projects and the hand-written `bom-estate`
 * inventory, rendered as CycloneDX 1.6/1.7 JSON and XML, validated against the official schemas
 * (and the integrity checks) BEFORE they are compared with the goldens in test/golden/bom
 * (rewritten only by `npm run test:update`), plus the `aimap bom` command on a real store.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { bomFileNames, listSystems, toCycloneDx, type CdxFormat, type CdxSpec } from '../../sbom/cyclonedx/index.ts';
import { validateBom } from '../../sbom/validate.ts';
import { registerBomCommand } from '../../src/commands/bom.ts';
import type { CommandIo } from '../../src/commands/io.ts';
import type { Inventory } from '../../src/model/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { inventorySchemaErrors } from '../helpers/inventory-schema.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = ['ai-sdk-app', 'rag-python', 'mcp-server-ts', 'iac', 'containers'];
const ACME = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/bom-estate/inventory.json'), 'utf8')) as Inventory;
const golden = (name: string): string => `../golden/bom/${name}`;

/**
 * The fixture estate, scanned by the real pipeline with an injected clock and scan id. The fixtures
 * are copied out of the checkout first: inside it, owners would come from this repository's own git
 * history, and the goldens would change with every commit.
 */
async function scanFixtures(): Promise<Inventory> {
  const root = tempTree();
  for (const f of FIXTURES) cpSync(join(ROOT, 'test/fixtures', f), join(root, f), { recursive: true });
  const inventory = await runScan({ paths: FIXTURES.map((f) => join(root, f)) }, { now: () => new Date('2026-01-01T00:00:00Z'), scanId: 'golden' });
  // As `aimap scan` does: keep targets as typed (relative here), so goldens do not depend on where they ran.
  return { ...inventory, scan: { ...inventory.scan, targets: inventory.scan.targets.map((t) => ({ ...t, target: relative(root, t.target) })) } };
}

/** Renders, then validates (schema + integrity) before anything is compared. */
async function render(inventory: Inventory, system: string | undefined, spec: CdxSpec, format: CdxFormat): Promise<string> {
  const text = toCycloneDx(inventory, { ...(system === undefined ? {} : { system }), spec, format });
  expect(await validateBom(text, spec, format), `${system ?? 'default'} ${spec} ${format}`).toEqual([]);
  if (format === 'xml') expect(await validateBom(toCycloneDx(inventory, { ...(system === undefined ? {} : { system }), spec, format: 'json' }), spec, 'json')).toEqual([]);
  return text;
}

describe('fixture estate (real pipeline)', () => {
  it('renders valid, deterministic BOMs that match the goldens', async () => {
    const first = await scanFixtures();
    const second = await scanFixtures();
    const json = await render(first, 'estate', '1.6', 'json');
    expect(toCycloneDx(second, { system: 'estate', spec: '1.6', format: 'json' })).toBe(json);
    const bom = JSON.parse(json) as { components: { type: string }[]; services: unknown[] };
    expect(bom.components.filter((c) => c.type === 'machine-learning-model').length).toBeGreaterThan(10);
    expect(bom.services.length).toBeGreaterThan(10);
    await expect(json).toMatchFileSnapshot(golden('fixtures-estate.cdx.json'));
    await expect(await render(first, 'estate', '1.7', 'xml')).toMatchFileSnapshot(golden('fixtures-estate-1.7.cdx.xml'));
  });

  it('renders one valid BOM per derived system, matching the goldens', async () => {
    const inventory = await scanFixtures();
    const systems = listSystems(inventory);
    const names = bomFileNames(systems, 'json');
    for (const system of systems) {
      const text = await render(inventory, system.id, '1.6', 'json');
      expect(JSON.parse(text).metadata.component.name).toBe(system.name);
      await expect(text).toMatchFileSnapshot(golden(`fixtures-system-${names.get(system.id) ?? ''}`));
    }
  });
});

describe('bom-estate fixture (owners, findings, keys, identities)', () => {
  it('is a valid inventory', () => {
    expect(inventorySchemaErrors(ACME)).toEqual([]);
  });

  it('renders the estate and every system as valid BOMs matching the goldens', async () => {
    await expect(await render(ACME, 'estate', '1.6', 'json')).toMatchFileSnapshot(golden('acme-estate.cdx.json'));
    const names = bomFileNames(listSystems(ACME), 'json');
    for (const system of listSystems(ACME)) {
      await expect(await render(ACME, system.id, '1.6', 'json')).toMatchFileSnapshot(golden(`acme-system-${names.get(system.id) ?? ''}`));
    }
    await expect(await render(ACME, 'support-bot', '1.7', 'xml')).toMatchFileSnapshot(golden('acme-support-bot-1.7.cdx.xml'));
    await expect(await render(ACME, 'fraud-scoring', '1.7', 'json')).toMatchFileSnapshot(golden('acme-fraud-scoring-1.7.cdx.json'));
    await expect(await render(ACME, 'Support Bot', '1.6', 'xml')).toMatchFileSnapshot(golden('acme-support-bot-config-1.6.cdx.xml'));
  });

  it('documents every aimap: property it writes in sbom/cyclonedx/PROPERTIES.md', async () => {
    const doc = readFileSync(join(ROOT, 'sbom/cyclonedx/PROPERTIES.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/`(aimap:[a-z0-9:<>-]+)`/g)].map((m) => m[1]));
    const texts = [toCycloneDx(ACME, { system: 'estate', spec: '1.6', format: 'json' }), toCycloneDx(await scanFixtures(), { system: 'estate', spec: '1.6', format: 'json' })];
    const written = new Set(texts.flatMap((t) => [...t.matchAll(/"name": "(aimap:[^"]+)"/g)].map((m) => m[1] ?? '')));
    const undocumented = [...written].filter((name) => !documented.has(name.replace(/^aimap:finding:.+$/, 'aimap:finding:<policy-id>')));
    expect(written.size).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  });
});

/** Runs `aimap bom ...` through the registered command on a fresh program. */
async function bom(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (list: string[]) => new Writable({ write: (chunk, _enc, done) => { list.push(String(chunk)); done(); } });
  const io: CommandIo = { stdout: sink(out), stderr: sink(err), cwd, noColor: true };
  let code = 0;
  const program = new Command('aimap').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerBomCommand(program, io, (c) => (code = c));
  await program.parseAsync(['bom', ...args], { from: 'user' });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

function storeWith(dir: string, ...inventories: Inventory[]): string {
  const path = join(dir, 'aimap.db');
  const store = openEmbeddedStore(path);
  for (const inventory of inventories) store.write(inventory);
  store.close();
  return path;
}

describe('aimap bom', () => {
  it('writes the estate BOM of the newest scan, or of --scan, to a file', async () => {
    const dir = tempTree();
    const older = { ...ACME, scan: { ...ACME.scan, id: 'older' }, assets: ACME.assets.filter((a) => a.kind !== 'secret'), findings: [] };
    storeWith(dir, older, ACME);
    const run = await bom(['--store', 'aimap.db', '--estate', '--output', 'out/estate.cdx.json'], dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain('→ out/estate.cdx.json');
    const text = readFileSync(join(dir, 'out/estate.cdx.json'), 'utf8');
    expect(text).toBe(toCycloneDx(ACME, { system: 'estate', spec: '1.6', format: 'json' }));
    const old = await bom(['--store', 'aimap.db', '--scan', 'older', '--estate'], dir);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('"value": "older"');
    expect(old.stdout).not.toContain('cryptographic-asset');
  });

  it('writes one BOM per system with --all, under unique sanitized names', async () => {
    const dir = tempTree();
    storeWith(dir, ACME);
    const run = await bom(['--store', 'aimap.db', '--all', '--output', 'boms', '--format', 'xml', '--spec', '1.7', '--validate'], dir);
    expect(run.stderr).toContain('wrote 3 BOMs');
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'boms')).sort()).toEqual(['Support-Bot.cdx.xml', 'fraud-scoring.cdx.xml', 'support-bot-2.cdx.xml']);
    expect(readFileSync(join(dir, 'boms/support-bot-2.cdx.xml'), 'utf8')).toBe(toCycloneDx(ACME, { system: 'support-bot', spec: '1.7', format: 'xml' }));
  });

  it('prints one system BOM to stdout and validates it on request', async () => {
    const dir = tempTree();
    storeWith(dir, ACME);
    const run = await bom(['--store', 'aimap.db', '--system', 'fraud-scoring', '--validate'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).metadata.component.name).toBe('fraud-scoring');
  });

  it('exits 2 with a clear message for a missing store, an unknown scan or system, and bad flag combinations', async () => {
    const dir = tempTree();
    const missing = await bom(['--store', 'nowhere.db'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No aimap store at .*nowhere\.db\. Run a scan first/);
    expect(existsSync(join(dir, 'nowhere.db'))).toBe(false);
    storeWith(dir, ACME);
    expect(await bom(['--store', 'aimap.db', '--scan', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'aimap: no scan "nope" in the store; aimap scans lists the recorded scans\n' });
    expect(await bom(['--store', 'aimap.db', '--system', 'nope'], dir)).toMatchObject({ code: 2, stderr: 'aimap: no system named "nope"; systems in this scan: Support Bot, fraud-scoring, support-bot\n' });
    expect((await bom(['--store', 'aimap.db', '--all'], dir)).stderr).toContain('give the folder with --output DIR');
    expect((await bom(['--store', 'aimap.db', '--system', 'x', '--estate'], dir)).stderr).toContain('choose one of --system NAME, --all and --estate');
    await expect(bom(['--store', 'aimap.db', '--spec', '1.4'], dir)).rejects.toThrow(/Allowed choices are 1\.6, 1\.7/);
  });

  it('defaults to the estate when the scan has several systems', async () => {
    const dir = tempTree();
    storeWith(dir, ACME);
    const run = await bom(['--store', 'aimap.db'], dir);
    expect(JSON.parse(run.stdout).metadata.properties).toContainEqual({ name: 'aimap:bom:scope', value: 'estate' });
  });
});

describe('aimap scan --format cyclonedx', () => {
  it('prints a schema-valid AI-BOM of the scan just made', async () => {
    const cwd = tempTree({ 'app/requirements.txt': 'openai==1.82.0\n', 'app/main.py': 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n' });
    const run = runCli(['scan', 'app', '-f', 'cyclonedx', '--no-store', '-q'], cwd);
    expect(run.code).toBe(0);
    expect(await validateBom(run.stdout, '1.6', 'json')).toEqual([]);
    const bom = JSON.parse(run.stdout) as { metadata: { component: { name: string } }; components: Array<{ type: string; name: string }> };
    expect(bom.metadata.component.name).toBe('app');
    expect(bom.components.map((c) => `${c.type}:${c.name}`)).toEqual(expect.arrayContaining(['library:openai', 'machine-learning-model:gpt-4o-mini']));
  });
});
