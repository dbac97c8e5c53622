import { describe, expect, it } from 'vitest';
import { asset, context, edge, inventory, owner, system } from './__fixtures__/build.ts';
import { unownedAiAsset } from './unowned-ai-asset.ts';

const run = (...args: Parameters<typeof inventory>) => unownedAiAsset.evaluate(context(inventory(...args)));

describe('unowned-ai-asset', () => {
  const model = asset('model', 'gpt-4o');
  const sdk = asset('sdk', 'openai');
  const store = asset('vector-store', 'pinecone');

  it('reports one finding per unowned system, not one per component', () => {
    const s = system('bot', [model, sdk, store]);
    const findings = run([s.system, model, sdk, store], s.edges);
    expect(findings.map((f) => f.assetId)).toEqual([s.system.id]);
    expect(findings[0]?.title).toBe('AI system "bot" has no owner');
    expect(findings[0]?.evidence[0]?.path).toBe('bot/package.json');
    expect(findings[0]?.severity).toBe('medium');
  });

  it('accepts an owner on the system', () => {
    const s = system('bot', [model, sdk]);
    const o = owner('@team-ai', [s.system]);
    expect(run([s.system, model, sdk, o.owner], [...s.edges, ...o.edges])).toEqual([]);
  });

  it('accepts owners on every AI component, but not on some of them', () => {
    const s = system('bot', [model, sdk, store]);
    const all = owner('@team-ai', [model, sdk, store]);
    expect(run([s.system, model, sdk, store, all.owner], [...s.edges, ...all.edges])).toEqual([]);
    const some = owner('@team-ai', [model, sdk]);
    expect(run([s.system, model, sdk, store, some.owner], [...s.edges, ...some.edges])).toHaveLength(1);
  });

  it('judges top-level AI assets outside any system on their own', () => {
    const server = asset('model-server', 'ollama');
    const served = asset('model', 'llama3.1:8b');
    const key = asset('secret', 'openai');
    const lib = asset('sdk', 'anthropic');
    const findings = run([server, served, key, lib], [edge('SERVES', server, served)]);
    // The served model is the server's part; secrets and SDKs are not top-level AI assets.
    expect(findings.map((f) => f.assetId)).toEqual([server.id]);
    expect(findings[0]?.title).toContain('belongs to no system');
    const o = owner('@ml-platform', [server]);
    expect(run([server, served, o.owner], [edge('SERVES', server, served), ...o.edges])).toEqual([]);
  });

  it('judges a system inside another system with its parent', () => {
    const ui = asset('system', 'open-webui', { category: 'model-ui' });
    const stack = system('stack', [ui, model]);
    expect(run([stack.system, ui, model], stack.edges).map((f) => f.assetId)).toEqual([stack.system.id]);
  });

  it('gives stable ids: the same inventory twice gives the same finding ids', () => {
    const s = system('bot', [model]);
    expect(run([s.system, model], s.edges).map((f) => f.id)).toEqual(run([model, s.system], s.edges).map((f) => f.id));
  });
});
