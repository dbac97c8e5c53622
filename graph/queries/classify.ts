/**
 * The judgements the saved queries make, as data: which tools are dangerous or can write, which
 * assets are reachable from outside, which model providers are hosted APIs. Both the SQL and the
 * Cypher text of every query are generated from these tables (fragments.ts), so the two twins
 * cannot drift apart. Each rule says what graph fact it reads; README.md explains the choices.
 */
import type { AssetKind } from '../../src/model/asset.ts';

/** Longest path the path queries follow (relationships, not nodes). */
export const MAX_HOPS = 8;

/**
 * Kinds `unowned` leaves out: owners themselves, where assets were found (repositories, cloud
 * accounts) and IAM identities, whose accountability lies with the cloud or identity team.
 */
export const NOT_OWNABLE_KINDS: readonly AssetKind[] = ['owner', 'repository', 'cloud-account', 'identity'];

/** Kinds that end an exposure path on their own (data and credentials). */
export const PATH_TARGET_KINDS: readonly AssetKind[] = ['data-source', 'vector-store', 'secret'];

/** Boolean attributes any connector may set to say "reachable from outside" (all read as `=== true`). */
export const EXTERNAL_FLAGS: readonly string[] = [
  'externalFacing', // systems: a component publishes a port or service (src/pipeline/systems.ts)
  'exposed', // workloads: a port published on a non-loopback address, LoadBalancer/NodePort, hostNetwork
  'exposedInternet', // cloud analysis (Cartography's exposed_internet)
  'publicNetworkAccessEnabled', // Azure OpenAI / Cognitive accounts (IaC)
];

/** String attribute and value that also mark an asset as external (azurerm_ai_services). */
export const EXTERNAL_VALUE = { attribute: 'publicNetworkAccess', value: 'Enabled' } as const;

/** Tool capabilities, most dangerous first; the rank orders `mcp-tools`. */
export const CAPABILITIES = ['shell', 'exec', 'filesystem-write', 'network-write', 'write', 'invoke', 'read'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Capabilities that make a tool dangerous (command or code execution, writes outside the app). */
export const DANGEROUS_CAPABILITIES: readonly Capability[] = ['shell', 'exec', 'filesystem-write', 'network-write'];

/** Capabilities that let a tool change something: these end exposure paths. */
export const WRITE_CAPABILITIES: readonly Capability[] = ['shell', 'exec', 'filesystem-write', 'network-write', 'write', 'invoke'];

/**
 * Keyword syntax: lower-case letters and spaces. A keyword matches the tool's text (` name
 * description `, lower case, padded with one space) as a substring, where every space stands for
 * one non-alphanumeric character: a leading space means "at a word start" (` edit` is not
 * `credit`), an inner one any separator (`run code` matches `run_code` and `run-code`).
 */
const WRITE_VERBS = [
  'write', 'delete', 'remove', 'update', 'create', 'insert', ' drop', 'modify', 'rename', ' move', 'upload', 'close',
  'rebuild', 'reindex', 'deploy', ' edit', ' set ', ' put ', 'patch', 'merge', ' push', 'commit', 'purge', 'truncate',
  ' kill', 'restart', 'cancel', 'approve', ' pay ', 'charge', 'refund', 'transfer', ' book', 'save', 'append', 'overwrite',
];

/** Nouns that put a write on the file system. */
const FILE_NOUNS = ['file', 'director', 'folder', ' path', ' disk'];

/** One keyword rule: the tool has `capability` when its text contains any word of every group. */
export interface CapabilityRule {
  readonly capability: Capability;
  readonly allOf: readonly (readonly string[])[];
}

/** Keyword rules, first match wins (after the explicit attributes, see fragments.ts). */
export const CAPABILITY_RULES: readonly CapabilityRule[] = [
  { capability: 'shell', allOf: [['shell', 'bash', 'terminal', 'subprocess', 'powershell', 'command', ' cmd ']] },
  { capability: 'exec', allOf: [['exec', 'run code', 'run python', 'interpreter', 'sandbox', ' eval ']] },
  { capability: 'filesystem-write', allOf: [WRITE_VERBS, FILE_NOUNS] },
  { capability: 'network-write', allOf: [['send', 'email', 'webhook', 'publish', 'notify', 'http post', 'post request', ' sms ', 'tweet']] },
  { capability: 'write', allOf: [WRITE_VERBS] },
];

/**
 * Providers whose models are reached as a hosted API or managed cloud endpoint when aimap saw no
 * server of its own for them (provider ids of src/detectors/shared/model-ids.ts and the catalogs).
 * Model authors whose weights people run themselves (meta, qwen, microsoft, baai, ...) are not here.
 */
export const HOSTED_PROVIDERS: readonly string[] = [
  'anthropic', 'aws-bedrock', 'aws-bedrock-agentcore', 'aws-sagemaker', 'azure-ai', 'azure-ai-foundry', 'azure-ai-services',
  'azure-machine-learning', 'azure-ml', 'azure-openai', 'cloudflare', 'cohere', 'deepinfra', 'deepseek', 'elevenlabs',
  'fireworks', 'google', 'google-vertex-ai', 'groq', 'mistral', 'nvidia', 'openai', 'openrouter', 'perplexity',
  'replicate', 'together', 'xai',
];

/** `attributes.kind` of an endpoint that runs on the estate's own infrastructure. */
export const SELF_HOSTED_ENDPOINT_KIND = 'self-hosted';

/** The policy whose findings `shadow-ai` lists. */
export const SHADOW_AI_POLICY = 'shadow-ai';

/** Finding statuses `shadow-ai` leaves out: accepted (suppressed) and gone (resolved). */
export const CLOSED_FINDING_STATUSES: readonly string[] = ['resolved', 'suppressed'];

/** Severities, most severe first (the order `shadow-ai` sorts by). */
export const SEVERITY_ORDER: readonly string[] = ['critical', 'high', 'medium', 'low', 'info'];
