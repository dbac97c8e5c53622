import { describe, expect, it } from 'vitest';
import { assetId, relationshipId, type Asset, type AssetKind, type Attributes, type Evidence, type Relationship, type ScanTarget, type Technique } from '../model/index.ts';
import { mergeResults } from './merge.ts';
import { deriveSystems, type ConfiguredSystem } from './systems.ts';

const ev = (path: string, technique: Technique = 'import', line = 3): Evidence => ({ path, line, technique, confidence: 'declared', detector: 'test' });

function asset(scope: string, kind: AssetKind, name: string, evidence: Evidence[], attributes: Attributes = {}): Asset {
  return { id: assetId(kind, scope, name), kind, name, attributes, evidence, tags: {} };
}

function rel(type: Relationship['type'], from: Asset, to: Asset): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties: {}, evidence: [] };
}

/** A repository asset with its project files and RESOURCE edges to the members. */
function repo(scope: string, projectFiles: string[], members: Asset[]): { assets: Asset[]; relationships: Relationship[]; target: ScanTarget } {
  const repository = { ...asset(scope, 'repository', scope, [ev('.', 'config')]), attributes: { vcs: 'none', projectFiles } };
  return { assets: [repository, ...members], relationships: members.map((m) => rel('RESOURCE', repository, m)), target: { connector: 'local', target: scope, scope } };
}

function derive(parts: Array<{ assets: Asset[]; relationships: Relationship[]; target?: ScanTarget }>, extra: Relationship[] = [], configured: ConfiguredSystem[] = []) {
  const base = mergeResults(parts.map((p) => ({ assets: p.assets, relationships: p.relationships, diagnostics: [] })).concat([{ assets: [], relationships: extra, diagnostics: [] }]));
  const targets = parts.flatMap((p) => (p.target ? [p.target] : []));
  const derived = deriveSystems({ ...base, targets, configured });
  const all = mergeResults([base, { ...derived, diagnostics: [] }]);
  const byId = new Map(all.assets.map((a) => [a.id, a]));
  const systems = all.assets.filter((a) => a.kind === 'system' && a.attributes['derivedFrom'] !== undefined);
  const edges = (system: Asset, type: Relationship['type']): string[] =>
    all.relationships.filter((r) => r.from === system.id && r.type === type).map((r) => (byId.get(r.to) as Asset).name).sort();
  const named = (name: string): Asset => {
    const found = systems.find((s) => s.name === name);
    if (!found) throw new Error(`no system ${name}; have ${systems.map((s) => s.name).join(', ')}`);
    return found;
  };
  return { all, systems, edges, named, derived };
}

describe('deriveSystems', () => {
  it('makes one system per project root that uses AI, with INCLUDES and the typed edge per kind', () => {
    const scope = 'github.com/acme/mono';
    const openai = asset(scope, 'sdk', 'openai', [ev('apps/web/package.json', 'manifest'), ev('services/api/app.py')]);
    const model = asset(scope, 'model', 'gpt-4o', [ev('services/api/app.py', 'call-site', 9)]);
    const endpoint = asset(scope, 'endpoint', 'api.openai.com', [ev('services/api/settings.py', 'config')], { kind: 'provider-api' });
    const store = asset(scope, 'vector-store', 'pgvector', [ev('services/api/db.py')]);
    const key = asset(scope, 'secret', 'openai', [ev('services/api/.env', 'config')]);
    const { systems, edges, named } = derive([repo(scope, ['apps/web/package.json', 'services/api/pyproject.toml', 'docs/package.json'], [openai, model, endpoint, store, key])]);
    expect(systems.map((s) => s.name).sort()).toEqual(['api', 'web']);
    const api = named('api');
    expect(api.nativeId).toBe('services/api');
    expect(api.attributes).toMatchObject({ derivedFrom: 'project', root: 'services/api', externalFacing: false, components: { endpoint: 1, model: 1, sdk: 1, secret: 1, 'vector-store': 1 } });
    expect(api.evidence).toContainEqual({ path: 'services/api/pyproject.toml', line: 1, technique: 'manifest', confidence: 'inferred', detector: 'systems' });
    expect(edges(api, 'INCLUDES')).toEqual(['api.openai.com', 'gpt-4o', 'openai', 'openai', 'pgvector']);
    expect(edges(api, 'USES_SDK')).toEqual(['openai']);
    expect(edges(api, 'USES_MODEL')).toEqual(['gpt-4o']);
    expect(edges(api, 'CALLS')).toEqual(['api.openai.com']);
    expect(edges(api, 'READS_FROM')).toEqual(['pgvector']);
    expect(edges(api, 'USES_SECRET')).toEqual(['openai']);
    // The SDK is in both projects; the docs project has no AI and is no system.
    expect(edges(named('web'), 'USES_SDK')).toEqual(['openai']);
  });

  it('places systems a detector declared like derived ones, in a repository, on a host scan and without a file', () => {
    const scope = 'infra';
    const notebook = asset(scope, 'system', 'research', [ev('tf/sagemaker/main.tf', 'iac')], { resourceType: 'sagemaker-notebook' });
    const flow = asset(scope, 'system', 'summary', [ev('cfn/flow.yaml', 'iac')], { resourceType: 'bedrock-flow' });
    const ui = asset(scope, 'system', 'open-webui', [ev('deploy/docker-compose.yml', 'container')], { category: 'model-ui' });
    const onHost = asset('host:box:/home/a', 'system', 'langflow', [ev('/home/a/k8s/langflow.yaml', 'container')], { category: 'agent-platform' });
    const fromApi = asset('aws:123', 'system', 'flow-from-api', [{ snippet: 'arn:aws:bedrock:flow/x', technique: 'api', confidence: 'declared', detector: 'test' }]);
    const placed = deriveSystems({ assets: [...repo(scope, [], [notebook, flow, ui]).assets, onHost, fromApi], relationships: repo(scope, [], [notebook, flow, ui]).relationships, targets: [] });
    const attrs = new Map(placed.assets.filter((a) => a.attributes['components'] === undefined).map((a) => [a.name, a.attributes]));
    expect(Object.fromEntries(attrs)).toEqual({
      research: { resourceType: 'sagemaker-notebook', derivedFrom: 'iac', root: 'tf/sagemaker' },
      summary: { resourceType: 'bedrock-flow', derivedFrom: 'iac', root: 'cfn', file: 'cfn/flow.yaml' },
      'open-webui': { category: 'model-ui', derivedFrom: 'compose', root: 'deploy', file: 'deploy/docker-compose.yml' },
      langflow: { category: 'agent-platform', derivedFrom: 'deploy', root: '/home/a/k8s' },
      'flow-from-api': { derivedFrom: 'cloud' },
    });
    // The merge after this step fills the attributes in on the detector's asset (same id).
    expect(placed.assets.map((a) => a.id)).toEqual(expect.arrayContaining([notebook.id, flow.id, ui.id, onHost.id, fromApi.id]));
    const again = deriveSystems({ assets: placed.assets.filter((a) => a.attributes['components'] === undefined), relationships: [], targets: [] });
    expect(again.assets.filter((a) => a.attributes['components'] === undefined)).toEqual([]);
  });

  it('gives compose stacks, Terraform modules, CloudFormation stacks and Helm charts their own systems', () => {
    const scope = 'infra';
    const ollama = asset(scope, 'model-server', 'ollama', [ev('deploy/docker-compose.yml', 'container')], { exposed: true });
    const llama = asset(scope, 'model', 'llama3.1', [ev('deploy/docker-compose.yml', 'container'), ev('charts/llm/templates/deploy.yaml', 'container')]);
    const agent = asset(scope, 'agent', 'support', [ev('tf/bedrock/main.tf', 'iac')]);
    const role = asset(scope, 'identity', 'aws_iam_role.agent', [ev('tf/bedrock/iam.tf', 'iac')]);
    const lonelyRole = asset(scope, 'identity', 'aws_iam_role.other', [ev('tf/other/iam.tf', 'iac')]);
    const cfnEndpoint = asset(scope, 'endpoint', 'fraud', [ev('cfn/sagemaker.yaml', 'iac')]);
    const { systems, edges, named } = derive([repo(scope, [], [ollama, llama, agent, role, lonelyRole, cfnEndpoint])], [rel('RUNS_AS', agent, role)]);
    expect(systems.map((s) => `${s.name} ${s.attributes['derivedFrom']}`).sort()).toEqual(['bedrock iac', 'deploy compose', 'llm deploy', 'sagemaker iac']);
    const compose = named('deploy');
    expect(compose.nativeId).toBe('deploy/docker-compose.yml#compose');
    expect(compose.attributes).toMatchObject({ externalFacing: true, exposedComponents: ['ollama'], file: 'deploy/docker-compose.yml', root: 'deploy' });
    expect(edges(compose, 'USES_MODEL')).toEqual(['llama3.1']);
    expect(edges(named('llm'), 'INCLUDES')).toEqual(['llama3.1']);
    // A role the agent runs as is a RUNS_AS of the module; a module of only a role is no AI system.
    expect(edges(named('bedrock'), 'RUNS_AS')).toEqual(['aws_iam_role.agent']);
    expect(edges(named('sagemaker'), 'CALLS')).toEqual(['fraud']);
  });

  it('calls a system external-facing only where the exposed component is deployed, not where its client is imported', () => {
    const scope = 'app';
    const qdrant = asset(scope, 'vector-store', 'qdrant', [ev('.devcontainer/compose.yml', 'container'), ev('api/search.py')], { exposed: true });
    const { named } = derive([repo(scope, ['api/pyproject.toml'], [qdrant])]);
    expect(named('api').attributes['externalFacing']).toBe(false);
    expect(named('.devcontainer').attributes).toMatchObject({ externalFacing: true, exposedComponents: ['qdrant'] });
  });

  it('puts coding agents and MCP client configs in one system per client, connected to the configured servers', () => {
    const scope = 'app';
    const cursor = asset(scope, 'agent', 'cursor', [ev('.cursor/rules/a.mdc', 'config')], { kind: 'coding-agent' });
    const fs = asset(scope, 'mcp-server', 'filesystem', [ev('.cursor/mcp.json', 'config'), ev('.mcp.json', 'config')], { role: 'configured', clients: ['cursor', 'claude-code'] });
    const sdk = asset(scope, 'sdk', 'openai', [ev('src/a.ts')]);
    const { systems, edges, named } = derive([repo(scope, ['package.json'], [cursor, fs, sdk])]);
    expect(systems.map((s) => s.name).sort()).toEqual(['app', 'claude-code in app', 'cursor in app']);
    expect(edges(named('cursor in app'), 'CONNECTS_TO')).toEqual(['filesystem']);
    expect(edges(named('cursor in app'), 'INCLUDES')).toEqual(['cursor', 'filesystem']);
    expect(edges(named('app'), 'INCLUDES')).toEqual(['openai']);
  });

  it('gives a client USES_MODEL for models its config names, while code naming the same model stays in its project', () => {
    const scope = 'app';
    const fromConfig = { ...ev('.codex/config.toml', 'config', 1), detector: 'mcp-config' };
    const model = asset(scope, 'model', 'gpt-5-codex', [fromConfig, ev('src/a.ts', 'call-site')], { clients: ['codex'], sources: ['codex:model'] });
    const codeOnly = asset(scope, 'model', 'gpt-4o', [ev('src/b.ts', 'call-site')]);
    const { systems, edges, named } = derive([repo(scope, ['package.json'], [model, codeOnly])]);
    expect(systems.map((s) => s.name).sort()).toEqual(['app', 'codex in app']);
    expect(edges(named('codex in app'), 'USES_MODEL')).toEqual(['gpt-5-codex']);
    expect(edges(named('app'), 'USES_MODEL')).toEqual(['gpt-4o', 'gpt-5-codex']);
  });

  it('does not let a tool its MCP server provides become a USES_TOOL of the system', () => {
    const scope = 'srv';
    const server = asset(scope, 'mcp-server', 'notes', [ev('src/server.ts', 'call-site')], { role: 'implementation' });
    const provided = asset(scope, 'tool', 'search', [ev('src/server.ts', 'call-site')]);
    const own = asset(scope, 'tool', 'lookup', [ev('src/agent.ts', 'call-site')]);
    const { edges, named } = derive([repo(scope, ['package.json'], [server, provided, own])], [rel('PROVIDES', server, provided)]);
    expect(edges(named('srv'), 'USES_TOOL')).toEqual(['lookup']);
    expect(edges(named('srv'), 'CONNECTS_TO')).toEqual(['notes']);
    expect(edges(named('srv'), 'INCLUDES')).toEqual(['lookup', 'notes', 'search']);
  });

  it('lets the config name a system across roots, and qualifies clashing derived names', () => {
    const a = repo('github.com/acme/a', ['api/package.json'], [asset('github.com/acme/a', 'sdk', 'openai', [ev('api/x.ts')]), asset('github.com/acme/a', 'model', 'gpt-4o', [ev('checkout/y.ts')])]);
    const b = repo('github.com/acme/b', ['api/package.json'], [asset('github.com/acme/b', 'sdk', 'openai', [ev('api/x.ts')]), asset('github.com/acme/b', 'model', 'claude', [ev('checkout/z.py')])]);
    const { systems, all, edges, named } = derive([a, b], [], [{ name: 'Checkout assistant', paths: ['checkout'] }]);
    expect(systems.map((s) => s.name).sort()).toEqual(['Checkout assistant', 'api (a)', 'api (b)']);
    const checkout = named('Checkout assistant');
    expect(checkout.attributes['derivedFrom']).toBe('config');
    expect(edges(checkout, 'USES_MODEL')).toEqual(['claude', 'gpt-4o']);
    const resources = all.relationships.filter((r) => r.type === 'RESOURCE' && r.to === checkout.id);
    expect(resources).toHaveLength(2);
  });

  it('gives every system of one repository a distinct name, however many share its root', () => {
    const scope = 'github.com/acme/agents';
    const sdk = asset(scope, 'sdk', 'openai', [ev('app.py')]);
    // A project at the root, a Kubernetes manifest at the root (a deploy system rooted at `.`), and compose files.
    const server = asset(scope, 'model-server', 'vllm', [ev('k8s.yaml', 'container'), ev('compose.yaml', 'container'), ev('docker-compose-gpu.yaml', 'container')]);
    const store = asset(scope, 'vector-store', 'qdrant', [ev('dev-compose.yaml', 'container')]);
    const { systems } = derive([repo(scope, ['pyproject.toml'], [sdk, server, store])]);
    const names = systems.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    // `dev-compose.yaml` is a compose file: its own system, as `compose.yaml` is.
    expect(systems.filter((s) => s.attributes['derivedFrom'] === 'compose').map((s) => s.nativeId).sort()).toEqual(['compose.yaml#compose', 'dev-compose.yaml#compose', 'docker-compose-gpu.yaml#compose']);
  });

  it('groups a host scan by client, and is deterministic whatever the input order', () => {
    const scope = 'host:box:/home/ann';
    const gh = asset(scope, 'mcp-server', 'github', [ev('~/.cursor/mcp.json', 'config', 1)], { role: 'configured', clients: ['cursor'] });
    const target: ScanTarget = { connector: 'host', target: '~', scope };
    const one = derive([{ assets: [gh], relationships: [], target }]);
    expect(one.systems.map((s) => s.name)).toEqual(['cursor on box']);
    const sdk = asset('app', 'sdk', 'openai', [ev('a/x.ts'), ev('b/y.ts')]);
    const model = asset('app', 'model', 'gpt-4o', [ev('b/y.ts')]);
    const forward = derive([repo('app', ['a/package.json', 'b/package.json'], [sdk, model])]).derived;
    const backward = derive([repo('app', ['b/package.json', 'a/package.json'], [model, sdk])]).derived;
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});
