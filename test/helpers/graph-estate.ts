/**
 * A small but realistic estate for the saved-query tests: three repositories and one AWS account
 * with systems (one externally facing, one unowned), SDKs, hosted and self-hosted models, an
 * exposed endpoint and an exposed model server, MCP servers with a shell tool and read tools, a
 * vector store, data sources, secrets, identities with CAN_* edges (one cycle back to a system),
 * owners with OWNS edges and shadow-ai findings. Every asset is reachable by a handle in `a`.
 */
import type { Asset, AssetKind, Attributes } from '../../src/model/asset.ts';
import type { Finding } from '../../src/model/finding.ts';
import { assetId, relationshipId } from '../../src/model/ids.ts';
import type { Inventory } from '../../src/model/inventory.ts';
import type { Relationship, RelationshipType } from '../../src/model/relationship.ts';

const BOT = 'github.com/acme/support-bot';
const ML = 'github.com/acme/ml-platform';
const NB = 'github.com/acme/analytics-notebooks';
const AWS = 'aws:123456789012';

interface Spec {
  readonly kind: AssetKind;
  readonly scope: string;
  readonly name: string;
  readonly provider?: string;
  readonly nativeId?: string;
  readonly attributes?: Attributes;
}

const SPECS = {
  botRepo: { kind: 'repository', scope: BOT, name: BOT },
  bot: { kind: 'system', scope: BOT, name: 'support-bot', nativeId: '.', attributes: { derivedFrom: 'project', root: '.', externalFacing: true } },
  openaiSdk: { kind: 'sdk', scope: BOT, name: 'openai', provider: 'openai', attributes: { ecosystem: 'pypi' } },
  langchain: { kind: 'sdk', scope: BOT, name: 'langchain', attributes: { ecosystem: 'pypi' } },
  gpt: { kind: 'model', scope: BOT, name: 'gpt-4o-mini', provider: 'openai', nativeId: 'app/bot.py#L12' },
  openaiApi: { kind: 'endpoint', scope: BOT, name: 'api.openai.com', provider: 'openai', attributes: { kind: 'provider-api' } },
  supportApi: { kind: 'endpoint', scope: BOT, name: 'support-api', attributes: { kind: 'self-hosted', exposed: true } },
  ops: { kind: 'mcp-server', scope: BOT, name: 'ops-tools', attributes: { transport: 'stdio', command: 'node' } },
  runCommand: { kind: 'tool', scope: BOT, name: 'run_command', attributes: { description: 'Run a shell command on the ops host' } },
  readLogs: { kind: 'tool', scope: BOT, name: 'read_logs', attributes: { description: 'Read recent application logs' } },
  slack: { kind: 'tool', scope: BOT, name: 'send_slack_message', attributes: { description: 'Post a message to a Slack channel' } },
  triage: { kind: 'agent', scope: BOT, name: 'triage-agent' },
  pinecone: { kind: 'vector-store', scope: BOT, name: 'pinecone', attributes: { collections: ['tickets'] } },
  tickets: { kind: 'data-source', scope: BOT, name: 'acme-tickets', nativeId: 'aws_s3_bucket.tickets' },
  openaiKey: { kind: 'secret', scope: BOT, name: 'openai', provider: 'openai', attributes: { envNames: ['OPENAI_API_KEY'] } },
  role: { kind: 'identity', scope: BOT, name: 'support-bot-role', nativeId: 'aws_iam_role.bot' },
  sa: { kind: 'identity', scope: BOT, name: 'support-bot-sa', nativeId: 'ServiceAccount/support-bot' },
  mlRepo: { kind: 'repository', scope: ML, name: ML },
  stack: { kind: 'system', scope: ML, name: 'inference-stack', nativeId: 'docker-compose.yml#compose', attributes: { derivedFrom: 'compose', root: '.', externalFacing: false } },
  vllm: { kind: 'model-server', scope: ML, name: 'vllm', attributes: { ports: ['0.0.0.0:8000:8000'], exposed: true } },
  llama: { kind: 'model', scope: ML, name: 'meta-llama/Llama-3.1-8B-Instruct', provider: 'meta' },
  gateway: { kind: 'endpoint', scope: ML, name: 'llm-gateway', attributes: { kind: 'self-hosted', urls: ['http://llm-gateway:4000/v1'] } },
  qwen: { kind: 'model', scope: ML, name: 'Qwen/Qwen2.5-7B-Instruct', provider: 'qwen' },
  weights: { kind: 'model-file', scope: ML, name: 'models/classifier.safetensors', attributes: { format: 'safetensors' } },
  features: { kind: 'data-source', scope: ML, name: 'feature-store' },
  nbRepo: { kind: 'repository', scope: NB, name: NB },
  churn: { kind: 'system', scope: NB, name: 'churn-notebooks', nativeId: '.', attributes: { derivedFrom: 'project', root: '.' } },
  anthropicSdk: { kind: 'sdk', scope: NB, name: 'anthropic', provider: 'anthropic' },
  claude: { kind: 'model', scope: NB, name: 'claude-3-5-haiku-latest', provider: 'anthropic' },
  bge: { kind: 'model', scope: NB, name: 'BAAI/bge-small-en-v1.5', provider: 'baai' },
  anthropicKey: { kind: 'secret', scope: NB, name: 'anthropic', provider: 'anthropic' },
  reports: { kind: 'mcp-server', scope: NB, name: 'reports', attributes: { transport: 'stdio' } },
  writeReport: { kind: 'tool', scope: NB, name: 'write_report', attributes: { description: 'Write a report file to the shared folder' } },
  preview: { kind: 'tool', scope: NB, name: 'delete_preview', attributes: { description: 'Show what a delete would remove', readOnlyHint: true } },
  github: { kind: 'mcp-server', scope: NB, name: 'github', attributes: { transport: 'stdio', command: 'docker' } },
  account: { kind: 'cloud-account', scope: AWS, name: '123456789012', provider: 'aws' },
  fraud: { kind: 'endpoint', scope: AWS, name: 'fraud-scoring', provider: 'aws-sagemaker', attributes: { exposedInternet: true } },
  llamaEndpoint: { kind: 'endpoint', scope: AWS, name: 'llama-endpoint', provider: 'aws-sagemaker' },
  xgb: { kind: 'model', scope: AWS, name: 'fraud-xgboost', provider: 'aws-sagemaker' },
  fraudRole: { kind: 'identity', scope: AWS, name: 'fraud-exec-role', nativeId: 'arn:aws:iam::123456789012:role/fraud-exec' },
  artifacts: { kind: 'data-source', scope: AWS, name: 'acme-model-artifacts', nativeId: 'arn:aws:s3:::acme-model-artifacts' },
  supportTeam: { kind: 'owner', scope: BOT, name: '@acme/support-team' },
  alice: { kind: 'owner', scope: BOT, name: 'alice@acme.example' },
  mlTeam: { kind: 'owner', scope: ML, name: '@acme/ml-platform' },
  risk: { kind: 'owner', scope: AWS, name: '@acme/risk' },
} satisfies Record<string, Spec>;

/** Handles of the estate's assets. */
export type EstateHandle = keyof typeof SPECS;

const INCLUDES: Partial<Record<EstateHandle, readonly EstateHandle[]>> = {
  bot: ['openaiSdk', 'langchain', 'gpt', 'openaiApi', 'supportApi', 'ops', 'runCommand', 'readLogs', 'slack', 'triage', 'pinecone', 'tickets', 'openaiKey', 'role', 'sa'],
  stack: ['vllm', 'llama', 'gateway', 'qwen', 'weights', 'features'],
  churn: ['anthropicSdk', 'claude', 'bge', 'anthropicKey', 'reports', 'writeReport', 'preview', 'github'],
};

type EdgeSpec = readonly [EstateHandle, RelationshipType, EstateHandle, Attributes?];

const EDGES: readonly EdgeSpec[] = [
  ['bot', 'USES_SDK', 'openaiSdk'], ['bot', 'USES_SDK', 'langchain'], ['bot', 'USES_MODEL', 'gpt'], ['bot', 'CALLS', 'openaiApi'],
  ['bot', 'CONNECTS_TO', 'ops'], ['bot', 'READS_FROM', 'pinecone'], ['bot', 'USES_SECRET', 'openaiKey'],
  ['bot', 'RUNS_AS', 'role'], ['bot', 'RUNS_AS', 'sa'],
  ['supportApi', 'EXPOSES', 'bot'],
  ['ops', 'PROVIDES', 'runCommand'], ['ops', 'PROVIDES', 'readLogs'], ['ops', 'PROVIDES', 'slack'],
  ['triage', 'USES_TOOL', 'runCommand'], ['triage', 'USES_MODEL', 'gpt'],
  ['pinecone', 'INDEXES', 'tickets'],
  ['role', 'CAN_READ', 'tickets', { actions: ['s3:GetObject'], effect: 'Allow' }],
  ['role', 'CAN_WRITE', 'pinecone', { actions: ['pinecone:Upsert'], effect: 'Allow' }],
  ['role', 'CAN_INVOKE', 'supportApi', { actions: ['execute-api:Invoke'], effect: 'Allow' }],
  ['sa', 'CAN_READ', 'tickets', { actions: ['get'], effect: 'Allow' }],
  ['stack', 'USES_MODEL', 'llama'], ['stack', 'USES_MODEL', 'qwen'], ['stack', 'CALLS', 'gateway'],
  ['vllm', 'SERVES', 'llama'], ['gateway', 'SERVES', 'qwen'], ['llama', 'READS_FROM', 'features'],
  ['churn', 'USES_SDK', 'anthropicSdk'], ['churn', 'USES_MODEL', 'claude'], ['churn', 'USES_MODEL', 'bge'],
  ['churn', 'USES_SECRET', 'anthropicKey'], ['churn', 'CONNECTS_TO', 'reports'], ['churn', 'CONNECTS_TO', 'github'],
  ['reports', 'PROVIDES', 'writeReport'], ['reports', 'PROVIDES', 'preview'],
  ['fraud', 'SERVES', 'xgb'], ['fraud', 'RUNS_AS', 'fraudRole'], ['llamaEndpoint', 'SERVES', 'llama'],
  ['fraudRole', 'CAN_READ', 'artifacts', { actions: ['s3:GetObject'], effect: 'Allow' }],
  ['xgb', 'READS_FROM', 'artifacts'],
  ['supportTeam', 'OWNS', 'bot', { source: 'codeowners', confidence: 'declared' }],
  ['alice', 'OWNS', 'gpt', { source: 'git-history', confidence: 'inferred' }],
  ['mlTeam', 'OWNS', 'stack', { source: 'config', confidence: 'declared' }],
  ['risk', 'OWNS', 'fraud', { source: 'tags', confidence: 'declared' }],
];

const REPOS: Record<string, EstateHandle> = { [BOT]: 'botRepo', [ML]: 'mlRepo', [NB]: 'nbRepo', [AWS]: 'account' };

function build(handle: string, spec: Spec): Asset {
  const { kind, scope, name, provider, nativeId, attributes } = spec;
  return {
    id: assetId(kind, scope, `${kind}/${handle}`),
    kind,
    name,
    ...(provider === undefined ? {} : { provider }),
    ...(nativeId === undefined ? {} : { nativeId }),
    attributes: attributes ?? {},
    evidence: [{ path: `${handle}.txt`, line: 1, technique: 'config', confidence: 'declared', detector: 'estate' }],
    tags: {},
  };
}

function edge(from: Asset, type: RelationshipType, to: Asset, properties: Attributes = {}): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties, evidence: [] };
}

function finding(key: string, policyId: string, severity: Finding['severity'], asset: Asset, status: Finding['status']): Finding {
  return {
    id: `finding:${key.padStart(16, '0')}`, policyId, policyVersion: '1.0.0', severity, assetId: asset.id,
    title: `${policyId}: ${asset.name}`, detail: 'estate fixture', evidence: [], frameworks: [], firstSeen: '2026-01-01T00:00:00.000Z', status,
  };
}

/** The estate: its inventory (scan `scanId`) and every asset by handle. */
export interface GraphEstate {
  readonly inventory: Inventory;
  readonly a: Readonly<Record<EstateHandle, Asset>>;
}

/** Builds the estate; `withOwners: false` drops owners and OWNS edges (an earlier scan). */
export function graphEstate(scanId = 'scan-estate', options: { withOwners?: boolean } = {}): GraphEstate {
  const withOwners = options.withOwners ?? true;
  const a = Object.fromEntries(Object.entries(SPECS).map(([h, s]) => [h, build(h, s)])) as Record<EstateHandle, Asset>;
  const relationships: Relationship[] = [];
  for (const [system, members] of Object.entries(INCLUDES)) for (const m of members ?? []) relationships.push(edge(a[system as EstateHandle], 'INCLUDES', a[m]));
  for (const [from, type, to, props] of EDGES) if (withOwners || type !== 'OWNS') relationships.push(edge(a[from], type, a[to], props));
  for (const [h, spec] of Object.entries(SPECS) as [EstateHandle, Spec][]) {
    const root = REPOS[spec.scope];
    if (root !== undefined && root !== h && spec.kind !== 'owner') relationships.push(edge(a[root], 'RESOURCE', a[h]));
  }
  const assets = Object.values(a).filter((x) => withOwners || x.kind !== 'owner');
  const findings = [
    finding('1', 'shadow-ai', 'high', a.claude, 'new'),
    finding('2', 'shadow-ai', 'medium', a.anthropicSdk, 'open'),
    finding('3', 'shadow-ai', 'low', a.bge, 'suppressed'),
    finding('4', 'unowned-ai-asset', 'medium', a.churn, 'new'),
  ];
  const counts: Partial<Record<AssetKind, number>> = {};
  for (const x of assets) counts[x.kind] = (counts[x.kind] ?? 0) + 1;
  const inventory: Inventory = {
    schemaVersion: '1.0.0',
    tool: { name: 'aimap', version: '0.0.0-test' },
    scan: {
      id: scanId, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:05.000Z',
      targets: [BOT, ML, NB].map((scope) => ({ connector: 'local', target: scope, scope })),
      stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 }, counts,
    },
    assets: [...assets].sort((x, y) => (x.id < y.id ? -1 : 1)),
    relationships: relationships.sort((x, y) => (x.id < y.id ? -1 : 1)),
    findings: findings.sort((x, y) => (x.id < y.id ? -1 : 1)),
    diagnostics: [],
  };
  return { inventory, a };
}
