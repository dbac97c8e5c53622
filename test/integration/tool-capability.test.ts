/**
 * One tool classifier: every fixture repository is scanned by the real pipeline (policies
 * included) and written to a real embedded store, then for every tool asset the capability the
 * saved queries compute in SQL (the `tools` CTE of `mcp-tools` and `exposure-paths`, and the
 * `mcp-tools` rows themselves) must equal the TypeScript decision, and the mcp-excessive-agency
 * findings must say exactly what that capability says about each tool a server provides.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore, type EmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { sqlToolsCte } from '../../graph/queries/fragments.ts';
import { runSavedQuery } from '../../graph/queries/index.ts';
import type { Asset, Inventory } from '../../src/model/index.ts';
import { changesThings, runsCommands, toolCapability, toolDangerous } from '../../src/model/tool-capability.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { findingId } from '../../src/policies/helpers.ts';
import { toolVerdict } from '../../src/policies/mcp-excessive-agency.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const REPOS = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()).sort();
let dir: string;
let store: EmbeddedStore;
let inventory: Inventory;
let tools: Asset[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-tools-'));
  for (const repo of REPOS) cpSync(join(FIXTURES, repo), join(dir, repo), { recursive: true });
  inventory = await runScan({ paths: REPOS.map((r) => join(dir, r)) }, { now: () => new Date('2026-01-01T00:00:00Z'), scanId: 'tools' });
  store = openEmbeddedStore(join(dir, 'aimap.db'));
  store.write(inventory);
  tools = inventory.assets.filter((a) => a.kind === 'tool');
}, 180_000);

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Capability and danger of every tool of the scan, as the queries' SQL computes them. */
function sqlVerdicts(): Map<string, { capability: string; dangerous: boolean }> {
  const rows = store.select(`WITH ${sqlToolsCte()} SELECT id, capability, dangerous FROM tools ORDER BY id`, [store.scanSeq('tools') ?? -1]);
  return new Map(rows.map((r) => [String(r['id']), { capability: String(r['capability']), dangerous: Number(r['dangerous']) === 1 }]));
}

describe('tool capability: policy and saved queries agree on the fixtures', () => {
  it('scans enough tools of each kind for the comparison to mean something', () => {
    const capabilities = new Set(tools.map((t) => toolCapability(t)));
    expect(tools.length).toBeGreaterThanOrEqual(10);
    for (const c of ['shell', 'write', 'read']) expect([...capabilities]).toContain(c);
  });

  it('computes the same capability and danger in SQL as in TypeScript, for every tool', () => {
    const sql = sqlVerdicts();
    expect([...sql.keys()].sort()).toEqual(tools.map((t) => t.id).sort());
    for (const tool of tools) {
      expect({ tool: tool.name, ...sql.get(tool.id) }).toEqual({ tool: tool.name, capability: toolCapability(tool), dangerous: toolDangerous(tool) });
    }
  });

  it('gives every provided tool in mcp-tools the capability the policy acts on', () => {
    const rows = runSavedQuery(store, 'mcp-tools', []).rows.filter((r) => r['toolId'] !== null);
    expect(rows.length).toBeGreaterThan(0);
    const byId = new Map(tools.map((t) => [t.id, t]));
    for (const row of rows) {
      const tool = byId.get(String(row['toolId'])) as Asset;
      const capability = String(row['capability']);
      expect({ tool: tool.name, capability }).toEqual({ tool: tool.name, capability: toolCapability(tool) });
      const verdict = runsCommands(capability) ? 'runs-commands' : changesThings(capability) ? 'changes-data' : undefined;
      expect({ tool: tool.name, verdict: toolVerdict(tool) }).toEqual({ tool: tool.name, verdict });
    }
  });

  it('lists in the shell and write-tools findings exactly the provided tools of those capabilities', () => {
    const findings = new Map(inventory.findings.map((f) => [f.id, f]));
    const servers = inventory.assets.filter((a) => a.kind === 'mcp-server' && a.attributes['disabled'] !== true);
    let checked = 0;
    for (const server of servers) {
      const provided = inventory.relationships.filter((r) => r.type === 'PROVIDES' && r.from === server.id).map((r) => tools.find((t) => t.id === r.to) as Asset);
      for (const tool of provided) {
        const capability = toolCapability(tool);
        const shell = findings.get(findingId('mcp-excessive-agency', server.id, 'shell'));
        const write = findings.get(findingId('mcp-excessive-agency', server.id, 'write-tools'));
        const listed = (detail: string | undefined): boolean => detail !== undefined && new RegExp(`exposes (?:write tools )?(?:[^:.]*, )?${tool.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:,|:|\\.)`).test(detail);
        expect({ tool: tool.name, capability, inShell: listed(shell?.detail), inWrite: listed(write?.detail) }).toEqual({
          tool: tool.name, capability, inShell: runsCommands(capability), inWrite: changesThings(capability) && !runsCommands(capability),
        });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});
