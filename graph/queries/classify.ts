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

/**
 * Tool capabilities and the keyword rules that decide them live in src/model/tool-capability.ts,
 * shared with the mcp-excessive-agency policy and the risk tiers, so a query and a finding never
 * judge the same tool differently. Re-exported here with the other decisions of the queries.
 */
export {
  CAPABILITIES, CAPABILITY_RULES, DANGEROUS_CAPABILITIES, WRITE_CAPABILITIES, type Capability, type CapabilityRule,
} from '../../src/model/tool-capability.ts';

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
