/**
 * End to end over test/fixtures/owners: the local connector gathers the facts, the pipeline steps
 * before owners run (merge, systems), and the resolver attaches owners from every link. The fixture
 * is copied out of this checkout first, so its own `.github/CODEOWNERS` is the repository's.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLocal } from '../../connectors/local/scan.ts';
import type { ConnectorResult, ScanContext } from '../../connectors/types.ts';
import { loadConfigFile } from '../config/index.ts';
import { compileDetectors } from '../detectors/run.ts';
import { selectDetectors } from '../detectors/select.ts';
import type { Asset, Diagnostic, Relationship } from '../model/index.ts';
import { mergeResults } from '../pipeline/merge.ts';
import { deriveSystems } from '../pipeline/systems.ts';
import { resolveOwners } from './resolve.ts';

const ctx: ScanContext = {
  scanId: 't', now: () => new Date('2025-06-01T00:00:00Z'), log: { debug: () => undefined, warn: () => undefined },
  signal: new AbortController().signal, limit: (task) => task(), progress: { addTotal: () => undefined, advance: () => undefined },
};

let dir = '';
let assets: Asset[] = [];
let owned: { assets: Asset[]; relationships: Relationship[]; diagnostics: Diagnostic[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-owners-fixture-'));
  cpSync(new URL('../../test/fixtures/owners', import.meta.url), dir, { recursive: true });
  const scanned: ConnectorResult = await scanLocal(ctx, { paths: [dir], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1 << 20, concurrency: 1, detectors: compileDetectors(selectDetectors(undefined)) });
  const merged = mergeResults([scanned]);
  const systems = deriveSystems({ assets: merged.assets, relationships: merged.relationships, targets: scanned.targets });
  assets = [...merged.assets, ...systems.assets];
  const { config } = loadConfigFile(dir);
  owned = resolveOwners({ assets, relationships: [...merged.relationships, ...systems.relationships] }, scanned.ownership ?? [], { owners: config.owners, source: 'aimap.config.yaml' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `kind:name` → sorted `handle (source, confidence)` of its owners. */
function ownership(): Record<string, string[]> {
  const names = new Map([...assets, ...owned.assets].map((a) => [a.id, a]));
  const out: Record<string, string[]> = {};
  for (const a of assets) if (a.kind !== 'owner') out[`${a.kind}:${a.name}`] = [];
  for (const r of owned.relationships) {
    const to = names.get(r.to) as Asset;
    out[`${to.kind}:${to.name}`]?.push(`${names.get(r.from)?.name} (${String(r.properties['source'])}, ${String(r.properties['confidence'])})`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('owners over the owners fixture', () => {
  it('resolves every asset through the first link that names an owner', () => {
    const got = ownership();
    expect(got).toMatchObject({
      'agent:support-agent': ['customer-support (tag, declared)', 'support-lead@example.com (tag, declared)'],
      'model:anthropic.claude-3-haiku-20240307-v1:0': ['@acme/infra (codeowners, declared)'],
      'model-server:ollama': ['ollama-admin@example.com (tag, declared)'],
      'model-server:vllm': ['@acme/inference (tag, declared)', 'inference (tag, declared)'],
      'model:meta-llama/Llama-3.1-8B-Instruct': ['@acme/platform (codeowners, declared)'],
      'sdk:openai': ['@acme/chat (codeowners, declared)', 'chat-lead@example.com (codeowners, declared)'],
      'sdk:anthropic': ['@acme/ml-research (codeowners, inferred)', '@acme/platform (codeowners, inferred)'],
      'model:claude-3-5-sonnet-20240620': ['@acme/ml-research (codeowners, declared)'],
      'sdk:cohere': [],
      'system:search': ['@acme/search (config, declared)'],
      'system:chat': ['@acme/chat (codeowners, declared)', 'chat-lead@example.com (codeowners, declared)'],
      'system:legacy': [],
      'vector-store:qdrant': ['@acme/platform (codeowners, declared)'],
    });
  });

  it('owner nodes are typed, and the unsupported negation line is a diagnostic', () => {
    const team = owned.assets.find((a) => a.name === '@acme/chat');
    expect(team).toMatchObject({ kind: 'owner', provider: 'github', attributes: { type: 'team', sources: ['codeowners'] } });
    expect(team?.evidence[0]).toMatchObject({ path: '.github/CODEOWNERS', line: 3, technique: 'config' });
    expect(owned.assets.find((a) => a.name === 'inference')?.attributes['type']).toBe('name');
    expect(owned.diagnostics.map((d) => [d.location?.line, d.message.includes('negation')])).toEqual([[6, true]]);
  });
});
