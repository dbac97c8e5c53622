/**
 * Synthetic estate for the graph store benchmark: a deterministic (seeded) inventory shaped like
 * what the pipeline emits for many repositories, so saved queries have real work to do.
 *
 * Each repository is one of four profiles (app, mcp, ml, infra) and yields a `repository` asset,
 * one to three `system`s (attributes `derivedFrom`, `root`, `externalFacing`), their components
 * (SDKs, models, endpoints, MCP servers with tools, vector stores, data sources, secrets,
 * identities, agents, model servers and files) with one to three evidence entries each and
 * attributes like the real detectors', and the edges: `RESOURCE` from the repository, `INCLUDES`
 * and the typed system edges, `PROVIDES`, `SERVES`, `EXPOSES`, `INDEXES`, `CAN_*`, `RUNS_AS`, and
 * `OWNS` from a shared pool of owners (about a quarter of systems stay unowned). About 2% of assets
 * carry a finding.
 *
 * Repositories are added until assets + relationships reach the row budget. The split follows
 * from the structure, as in a real scan: every found asset has its `RESOURCE` edge and most have a
 * typed edge and an `INCLUDES` edge from their system, so there are about three edges per asset.
 */
import { assetId, relationshipId } from '../../src/model/ids.ts';
import type { Asset, AssetKind, Attributes } from '../../src/model/asset.ts';
import type { Evidence, Technique } from '../../src/model/evidence.ts';
import type { Finding, Severity } from '../../src/model/finding.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import type { Relationship, RelationshipType } from '../../src/model/relationship.ts';
import { createRng, type Rng } from './prng.ts';

/** What to generate. */
export interface GraphGenOptions {
  /** Assets + relationships to reach; repositories are added until the sum is at least this. */
  readonly rows: number;
  readonly seed: number;
  readonly scanId: string;
  readonly startedAt: string;
}

const SDKS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['openai', 'npm', 'llm-provider', 'openai'],
  ['@anthropic-ai/sdk', 'npm', 'llm-provider', 'anthropic'],
  ['ai', 'npm', 'framework', 'vercel'],
  ['@ai-sdk/openai', 'npm', 'llm-provider', 'openai'],
  ['@modelcontextprotocol/sdk', 'npm', 'mcp', 'anthropic'],
  ['langchain', 'npm', 'framework', 'langchain'],
  ['openai', 'pypi', 'llm-provider', 'openai'],
  ['anthropic', 'pypi', 'llm-provider', 'anthropic'],
  ['langchain-openai', 'pypi', 'framework', 'langchain'],
  ['llama-index', 'pypi', 'framework', 'llamaindex'],
  ['mcp', 'pypi', 'mcp', 'anthropic'],
  ['transformers', 'pypi', 'ml', 'huggingface'],
  ['boto3', 'pypi', 'llm-provider', 'aws-bedrock'],
  ['google-genai', 'pypi', 'llm-provider', 'google'],
];
const MODELS: ReadonlyArray<readonly [string, string]> = [
  ['gpt-4o-mini', 'openai'], ['gpt-4o', 'openai'], ['o3-mini', 'openai'], ['text-embedding-3-small', 'openai'],
  ['claude-3-5-sonnet-20241022', 'anthropic'], ['claude-3-haiku-20240307', 'anthropic'],
  ['anthropic.claude-3-haiku-20240307-v1:0', 'aws-bedrock'], ['gemini-1.5-pro', 'google'],
  ['meta-llama/Llama-3.1-8B-Instruct', 'huggingface'], ['mistralai/Mistral-7B-Instruct-v0.3', 'huggingface'], ['llama3.1:8b', 'ollama'],
];
const ENDPOINTS: ReadonlyArray<readonly [string, string, string]> = [
  ['api.openai.com', 'openai', 'https://api.openai.com/v1'], ['api.anthropic.com', 'anthropic', 'https://api.anthropic.com'],
  ['bedrock-runtime', 'aws-bedrock', 'https://bedrock-runtime.eu-west-1.amazonaws.com'], ['generativelanguage', 'google', 'https://generativelanguage.googleapis.com'],
];
/** Tool name, capability (graph/queries/classify.ts vocabulary), dangerous. */
const TOOLS: ReadonlyArray<readonly [string, string, boolean]> = [
  ['read_file', 'read', false], ['write_file', 'filesystem-write', true], ['run_shell', 'shell', true], ['exec_python', 'exec', true],
  ['http_get', 'read', false], ['fetch_url', 'read', false], ['query_db', 'read', false], ['execute_sql', 'write', true],
  ['search_docs', 'read', false], ['create_ticket', 'write', false], ['send_email', 'network-write', true], ['invoke_lambda', 'invoke', false],
];
const CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
const POLICIES: ReadonlyArray<readonly [string, Severity]> = [
  ['unowned-ai-asset', 'medium'], ['mcp-dangerous-tool', 'high'], ['shadow-ai', 'medium'], ['secret-in-repo', 'critical'], ['public-endpoint-no-auth', 'high'],
];

type Profile = 'app' | 'mcp' | 'ml' | 'infra';

/** Collects one repository's assets and edges. */
class RepoBuilder {
  readonly assets: Asset[] = [];
  readonly edges: Relationship[] = [];
  readonly repo: Asset;
  readonly #byId = new Map<string, Asset>();
  readonly #edgeIds = new Set<string>();
  readonly #rng: Rng;
  readonly #scope: string;

  constructor(rng: Rng, scope: string) {
    this.#rng = rng;
    this.#scope = scope;
    this.repo = this.#make('repository', scope, scope, { vcs: 'git', remote: scope, projectFiles: ['package.json', 'pyproject.toml'] }, undefined, undefined, 1);
  }

  /** An asset of this repository, with 1–3 evidence entries and a RESOURCE edge. */
  add(kind: AssetKind, key: string, name: string, attributes: Attributes, provider?: string, nativeId?: string): Asset {
    // Two systems of one repository share its SDKs and models: one asset, as the merge makes it.
    const known = this.#byId.get(assetId(kind, this.#scope, key));
    if (known !== undefined) return known;
    const asset = this.#make(kind, key, name, attributes, provider, nativeId, this.#rng.int(1, 3));
    this.edge('RESOURCE', this.repo, asset);
    return asset;
  }

  edge(type: RelationshipType, from: Asset, to: Asset, properties: Attributes = {}): void {
    const id = relationshipId(from.id, type, to.id);
    if (this.#edgeIds.has(id)) return;
    this.#edgeIds.add(id);
    const evidence = type === 'RESOURCE' || type === 'INCLUDES' ? [] : [this.#evidence(to.kind, this.#rng.pick(['call-site', 'config', 'import'] as const))];
    this.edges.push({ id, type, from: from.id, to: to.id, properties, evidence });
  }

  #make(kind: AssetKind, key: string, name: string, attributes: Attributes, provider: string | undefined, nativeId: string | undefined, evidenceCount: number): Asset {
    const technique: Technique = kind === 'sdk' ? 'manifest' : kind === 'model-file' ? 'model-header' : this.#rng.pick(['call-site', 'config', 'iac', 'import'] as const);
    const evidence = Array.from({ length: evidenceCount }, () => this.#evidence(kind, technique));
    evidence.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || (a.line ?? 0) - (b.line ?? 0));
    const asset: Asset = {
      id: assetId(kind, this.#scope, key),
      kind,
      name,
      ...(provider === undefined ? {} : { provider }),
      ...(nativeId === undefined ? {} : { nativeId }),
      attributes,
      evidence,
      tags: {},
    };
    this.assets.push(asset);
    this.#byId.set(asset.id, asset);
    return asset;
  }

  #evidence(kind: AssetKind, technique: Technique): Evidence {
    const rng = this.#rng;
    const dir = rng.pick(['src', 'app', 'services/api', 'lib', 'infra', 'agents', 'tools']);
    const file = rng.pick(['main.py', 'client.ts', 'index.ts', 'rag.py', 'server.ts', 'config.yaml', 'main.tf', 'mcp.json']);
    const line = rng.int(1, 400);
    return { path: `${dir}/${file}`, line, snippet: `${kind} usage at ${dir}/${file}:${line}`, technique, confidence: rng.chance(0.7) ? 'declared' : 'inferred', detector: rng.pick(['python', 'javascript', 'manifests', 'iac', 'mcp-config']) };
  }
}

/** Shared state across repositories: the owner pool. */
interface Estate {
  readonly rng: Rng;
  readonly owners: Asset[];
  readonly ownerEdges: Relationship[];
}

function ownerPool(count: number): Asset[] {
  return Array.from({ length: count }, (_, i) => {
    const handle = i % 3 === 0 ? `@acme/team-${i}` : `dev${i}@acme.example`;
    return { id: assetId('owner', 'owners', handle), kind: 'owner', name: handle, attributes: { type: i % 3 === 0 ? 'team' : 'person' }, evidence: [{ path: 'CODEOWNERS', line: (i % 50) + 1, technique: 'config', confidence: 'declared', detector: 'owners' }], tags: {} } satisfies Asset;
  });
}

function addSystem(b: RepoBuilder, rng: Rng, n: number, profile: Profile): Asset {
  const root = n === 0 ? '.' : `services/svc-${n}`;
  return b.add('system', `project:${root}`, `${profile}-svc-${n}`, { derivedFrom: profile === 'infra' ? 'iac' : 'project', root, externalFacing: rng.chance(0.3) }, undefined, root);
}

function addMcp(b: RepoBuilder, rng: Rng, system: Asset, n: number, tools: number): void {
  const server = b.add('mcp-server', `code:mcp-${n}`, `mcp-${n}`, { role: rng.chance(0.5) ? 'implemented' : 'configured', transports: [rng.pick(['stdio', 'http', 'sse'])], command: 'npx', args: ['-y', `@acme/mcp-${n}`] });
  b.edge('CONNECTS_TO', system, server);
  b.edge('INCLUDES', system, server);
  for (let t = 0; t < tools; t += 1) {
    const [name, capability, dangerous] = rng.pick(TOOLS);
    const tool = b.add('tool', `mcp-${n}#${name}-${t}`, `${name}_${t}`, { capability, dangerous, description: `${capability} tool ${name}`, inputSchema: { type: 'object', required: ['path'] } });
    b.edge('PROVIDES', server, tool);
    b.edge('INCLUDES', system, tool);
    if (rng.chance(0.4)) b.edge('USES_TOOL', system, tool);
  }
}

function addCommon(b: RepoBuilder, rng: Rng, system: Asset, s: number): void {
  for (const [name, ecosystem, category, provider] of pickSome(rng, SDKS, rng.int(2, 5))) {
    const sdk = b.add('sdk', `${ecosystem}:${name}`, name, { ecosystem, category, declared: true, versions: [`${rng.int(0, 4)}.${rng.int(0, 60)}.${rng.int(0, 9)}`] }, provider);
    b.edge('USES_SDK', system, sdk);
    b.edge('INCLUDES', system, sdk);
  }
  for (const [name, provider] of pickSome(rng, MODELS, rng.int(1, 4))) {
    const model = b.add('model', name.toLowerCase(), name, { sources: [rng.pick(['keyword:model', 'iac', 'env'])] }, provider);
    b.edge('USES_MODEL', system, model);
    b.edge('INCLUDES', system, model);
  }
  for (const [name, provider, url] of pickSome(rng, ENDPOINTS, rng.int(1, 2))) {
    const endpoint = b.add('endpoint', `api:${name}`, name, { url, role: 'provider-api' }, provider);
    b.edge('CALLS', system, endpoint);
    b.edge('INCLUDES', system, endpoint);
  }
  if (rng.chance(0.6)) {
    const envVar = rng.pick(['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'HF_TOKEN']);
    const secret = b.add('secret', `${envVar}:${s}`, envVar.split('_')[0]?.toLowerCase() ?? 'unknown', { envVar, fingerprint: `sha256:${rng.int(1e8, 9e8).toString(16)}`, last4: 'a1b2', committed: rng.chance(0.2) });
    b.edge('USES_SECRET', system, secret);
    b.edge('INCLUDES', system, secret);
  }
}

function addData(b: RepoBuilder, rng: Rng, system: Asset, s: number): void {
  const product = rng.pick(['pinecone', 'chroma', 'pgvector', 'qdrant']);
  const store = rng.chance(0.5) ? b.add('vector-store', product, product, { collections: [`docs-${s}`], clients: ['Client'] }, product) : undefined;
  const sources = rng.int(0, 2);
  for (let d = 0; d < sources; d += 1) {
    const classification = rng.pick(CLASSES);
    const source = b.add('data-source', `s3:bucket-${s}-${d}`, `bucket-${s}-${d}`, { classification, regulated: classification === 'restricted' && rng.chance(0.5), storageType: 's3' }, 'aws-s3', `arn:aws:s3:::bucket-${s}-${d}`);
    b.edge('READS_FROM', system, source);
    b.edge('INCLUDES', system, source);
    if (store !== undefined) b.edge('INDEXES', store, source);
  }
  if (store !== undefined) {
    b.edge('READS_FROM', system, store);
    b.edge('INCLUDES', system, store);
  }
}

function addInfra(b: RepoBuilder, rng: Rng, system: Asset, s: number): void {
  const role = b.add('identity', `role:ai-${s}`, `ai-runtime-${s}`, { type: 'iam-role', trust: ['lambda.amazonaws.com'] }, 'aws', `arn:aws:iam::123456789012:role/ai-runtime-${s}`);
  b.edge('RUNS_AS', system, role);
  const endpoint = b.add('endpoint', `sagemaker:${s}`, `inference-${s}`, { publicNetworkAccessEnabled: rng.chance(0.3), endpointConfig: `cfg-${s}` }, 'aws-sagemaker', `aws_sagemaker_endpoint.inference_${s}`);
  b.edge('CALLS', system, endpoint);
  b.edge('RUNS_AS', endpoint, role);
  b.edge('CAN_INVOKE', role, endpoint, { actions: ['sagemaker:InvokeEndpoint'], resources: ['*'], effect: 'Allow', conditions: [] });
  if (system.attributes['externalFacing'] === true) b.edge('EXPOSES', endpoint, system);
  const agent = b.add('agent', `bedrock-agent:${s}`, `support-agent-${s}`, { framework: 'bedrock', guardrails: rng.chance(0.5) }, 'aws-bedrock', `aws_bedrockagent_agent.support_${s}`);
  b.edge('INCLUDES', system, agent);
  b.edge('RUNS_AS', agent, role);
  for (const e of b.edges.filter((x) => x.type === 'READS_FROM' && x.from === system.id)) {
    const target = b.assets.find((a) => a.id === e.to);
    if (target !== undefined) b.edge('CAN_READ', role, target, { actions: ['s3:GetObject'], resources: [target.nativeId ?? target.name], effect: 'Allow', conditions: [] });
  }
}

function addMl(b: RepoBuilder, rng: Rng, system: Asset, s: number): void {
  const server = b.add('model-server', `vllm:${s}`, rng.pick(['vllm', 'ollama', 'tgi']), { image: 'vllm/vllm-openai:v0.6.3', ports: ['8000/tcp'], workload: 'serve/Dockerfile' });
  const endpoint = b.add('endpoint', `self:${s}`, `serve-${s}`, { kind: 'self-hosted', url: `http://serve-${s}:8000/v1`, exposed: rng.chance(0.25) });
  b.edge('INCLUDES', system, server);
  b.edge('CALLS', system, endpoint);
  if (endpoint.attributes['exposed'] === true) b.edge('EXPOSES', endpoint, system);
  const [name, provider] = rng.pick(MODELS.filter(([, p]) => p === 'huggingface' || p === 'ollama'));
  const model = b.add('model', name.toLowerCase(), name, { sources: ['container-env'] }, provider);
  b.edge('SERVES', server, model);
  b.edge('SERVES', endpoint, model);
  b.edge('USES_MODEL', system, model);
  const files = rng.int(3, 25);
  for (let f = 0; f < files; f += 1) {
    const path = `models/${s}/shard-${f}.safetensors`;
    const file = b.add('model-file', path, path, { format: rng.pick(['safetensors', 'gguf', 'pickle']), declaredSizeBytes: rng.int(1e6, 5e9), riskLevel: rng.pick(['none', 'none', 'low', 'high']), executesCodeOnLoad: rng.chance(0.1) });
    b.edge('INCLUDES', system, file);
  }
}

function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(rng.pick(items));
  return [...chosen];
}

function buildRepo(estate: Estate, index: number): RepoBuilder {
  const { rng } = estate;
  const profile = rng.weighted<Profile>([['app', 60], ['mcp', 15], ['ml', 15], ['infra', 10]]);
  const b = new RepoBuilder(rng, `github.com/acme-${index % 40}/repo-${index}`);
  const systems = rng.int(1, profile === 'app' ? 3 : 2);
  for (let s = 0; s < systems; s += 1) {
    const system = addSystem(b, rng, s, profile);
    addCommon(b, rng, system, s);
    if (profile === 'mcp') for (let m = 0; m < rng.int(1, 3); m += 1) addMcp(b, rng, system, s * 10 + m, rng.int(5, 30));
    else if (rng.chance(0.3)) addMcp(b, rng, system, s * 10, rng.int(2, 8));
    if (profile !== 'mcp') addData(b, rng, system, s);
    if (profile === 'infra') addInfra(b, rng, system, s);
    if (profile === 'ml') addMl(b, rng, system, s);
    if (rng.chance(0.75)) {
      const owner = rng.pick(estate.owners);
      const source = rng.pick(['codeowners', 'config', 'git-history']);
      estate.ownerEdges.push({ id: relationshipId(owner.id, 'OWNS', system.id), type: 'OWNS', from: owner.id, to: system.id, properties: { source, confidence: source === 'git-history' ? 'inferred' : 'declared' }, evidence: [] });
    }
  }
  return b;
}

function findingsFor(rng: Rng, assets: readonly Asset[], startedAt: string): Finding[] {
  const out: Finding[] = [];
  for (const asset of assets) {
    if (!rng.chance(0.02)) continue;
    const [policyId, severity] = rng.pick(POLICIES);
    out.push({
      id: `finding:${asset.id.slice(asset.id.indexOf(':') + 1)}${policyId.length.toString(16).padStart(2, '0')}`,
      policyId, policyVersion: '1.0.0', severity, assetId: asset.id,
      title: `${policyId} on ${asset.name}`, detail: `${asset.kind} ${asset.name} breaks ${policyId}.`,
      evidence: asset.evidence.slice(0, 1), frameworks: ['owasp-llm:LLM06', 'nist-ai-rmf:GOVERN-6.1'], firstSeen: startedAt, status: 'open',
    });
  }
  return out;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Generates the estate; lists sorted by id like a real inventory. */
export function generateGraph(options: GraphGenOptions): Inventory {
  const rng = createRng(options.seed);
  const estate: Estate = { rng, owners: ownerPool(Math.max(5, Math.round(options.rows / 1000))), ownerEdges: [] };
  const assets: Asset[] = [...estate.owners];
  const edges: Relationship[] = [];
  for (let index = 0; assets.length + edges.length + estate.ownerEdges.length < options.rows; index += 1) {
    const repo = buildRepo(estate, index);
    for (const a of repo.assets) assets.push(a);
    for (const e of repo.edges) edges.push(e);
  }
  for (const e of estate.ownerEdges) edges.push(e);
  assets.sort(byId);
  edges.sort(byId);
  const counts: Partial<Record<AssetKind, number>> = {};
  for (const a of assets) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'aimap', version: '0.0.0-bench' },
    scan: { id: options.scanId, startedAt: options.startedAt, finishedAt: options.startedAt, targets: [{ connector: 'local', target: '.', scope: 'github.com/acme' }], stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 }, counts },
    assets,
    relationships: edges,
    findings: findingsFor(rng, assets, options.startedAt).sort(byId),
    diagnostics: [],
  };
}
