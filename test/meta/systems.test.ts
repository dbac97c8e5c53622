/**
 * Every `system` the pipeline emits says where it sits, whoever made it: the systems
 * src/pipeline/systems.ts derives from their components and the ones a detector declared (an IaC
 * SageMaker notebook or Bedrock flow, a model UI or agent platform workload) alike. Checked over
 * the scan of every fixture folder, each scanned as its own root.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/model/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ROOTS = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()).sort().map((name) => join(FIXTURES, name));
let systems: Asset[];

beforeAll(async () => {
  const inventory = await runScan({ paths: ROOTS, gitHistory: false }, { now: () => new Date('2026-01-01T00:00:00Z'), scanId: 'systems' });
  systems = inventory.assets.filter((a) => a.kind === 'system');
}, 120_000);

/** The placement attributes of a system, in one comparable shape. */
function placement(s: Asset): Record<string, unknown> {
  const { derivedFrom, root, file, client } = s.attributes;
  return { system: s.name, derivedFrom, root: typeof root, file: typeof file, client: typeof client };
}

describe('system placement', () => {
  it('covers systems detectors declared, not only derived ones', () => {
    const declared = systems.filter((s) => s.attributes['components'] === undefined).map((s) => s.name).sort();
    expect(declared).toEqual(expect.arrayContaining(['langflow', 'open-webui', 'research-notebook', 'ticket-summary', 'ticket-triage']));
  });

  it('gives every system derivedFrom, and root (plus file for a one-file system) where it has a folder', () => {
    expect(systems.length).toBeGreaterThan(10);
    for (const s of systems) {
      const from = s.attributes['derivedFrom'];
      expect(['project', 'compose', 'iac', 'deploy', 'client', 'config', 'cloud'], s.name).toContain(from);
      const oneFile = from === 'compose' || (from === 'iac' && /\.(ya?ml|json|template)$/i.test(String(s.attributes['file'] ?? '')));
      expect(placement(s)).toEqual({
        system: s.name,
        derivedFrom: from,
        root: from === 'client' || from === 'config' || from === 'cloud' ? 'undefined' : 'string',
        file: oneFile ? 'string' : 'undefined',
        client: from === 'client' ? 'string' : 'undefined',
      });
    }
  });

  it('places a declared system where a derived one from the same file sits', () => {
    const byName = new Map(systems.map((s) => [s.name, s]));
    expect(byName.get('ticket-summary')?.attributes).toMatchObject({ derivedFrom: 'iac', root: 'cloudformation', file: 'cloudformation/flow.yaml' });
    expect(byName.get('research-notebook')?.attributes).toMatchObject({ derivedFrom: 'iac', root: 'terraform' });
    expect(byName.get('langflow')?.attributes).toMatchObject({ derivedFrom: 'deploy', root: 'k8s', category: 'agent-platform' });
    expect(byName.get('open-webui')?.attributes).toMatchObject({ derivedFrom: 'compose', root: 'compose', file: 'compose/docker-compose.yml' });
  });
});
