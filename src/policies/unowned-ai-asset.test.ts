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
  // Synthetic reproduction of a monorepo of examples with no CODEOWNERS and no recent commits.
  it('reports several unowned systems of one repository once, keeping high-risk and lone ones apart', () => {
    const repo = asset('repository', 'github.com/acme/examples');
    const other = asset('repository', 'github.com/acme/solo');
    const parts = (...names: string[]) => names.map((n) => asset(n === 'ollama' ? 'model-server' : n === 'run_command' ? 'tool' : 'sdk', n, n === 'ollama' ? { exposed: true } : {}));
    const built = [
      ...['chat', 'rag', 'agents'].map((n) => ({ s: system(`examples/${n}`, parts(`sdk-${n}`)), repo })),
      // Exposed and able to run commands: a high-risk system keeps its own finding.
      { s: system('examples/ops', parts('ollama', 'run_command')), repo },
      { s: system('solo', parts('sdk-solo')), repo: other },
    ];
    const components = built.flatMap((b) => b.s.edges.filter((e) => e.type === 'INCLUDES').map((e) => e.to));
    const assets = [repo, other, ...built.map((b) => b.s.system), ...parts('sdk-chat', 'sdk-rag', 'sdk-agents', 'ollama', 'run_command', 'sdk-solo')];
    expect(components.every((id) => assets.some((a) => a.id === id))).toBe(true);
    const rels = [...built.flatMap((b) => b.s.edges), ...built.map((b) => edge('RESOURCE', b.repo, b.s.system))];
    const findings = run(assets, rels);
    const titles = findings.map((f) => f.title).sort();
    expect(titles).toEqual(['3 AI systems in "github.com/acme/examples" have no owner', 'AI system "examples/ops" has no owner', 'AI system "solo" has no owner']);
    const grouped = findings.find((f) => f.assetId === repo.id);
    expect(grouped?.detail).toContain('"examples/agents", "examples/chat", "examples/rag"');
    expect(grouped?.evidence.map((e) => e.path)).toEqual(['examples/agents/package.json', 'examples/chat/package.json', 'examples/rag/package.json']);
  });
});
