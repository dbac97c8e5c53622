/**
 * One inventory per policy that makes it report, in the attribute shapes the detectors write
 * (copied from real scans of test/fixtures). The meta-test runs every registered policy over its
 * sample, so a new policy cannot be registered without one.
 */
import type { Inventory } from '../../model/index.ts';
import type { PolicyConfig } from '../types.ts';
import { asset, edge, ev, inventory, system } from './build.ts';

export interface PolicySample {
  readonly inventory: Inventory;
  readonly config: PolicyConfig;
}

const model = asset('model', 'gpt-4o-mini', { sources: ['call-argument'] }, { provider: 'openai', evidence: [ev('src/chat.ts', 6, "model: 'gpt-4o-mini',", 'call-site')] });
const mistral = asset('model', 'mistral-large-latest', { sources: ['call-argument'] }, { provider: 'mistral', evidence: [ev('src/chat.ts', 9, "model: 'mistral-large-latest',", 'call-site')] });
const app = system('support-bot', [model, mistral]);

const role = asset('identity', 'aws_iam_role.agent', { iacType: 'aws_iam_role', roleName: 'support-agent-role', trustedPrincipals: ['bedrock.amazonaws.com'], managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }, { evidence: [ev('infra/iam.tf', 13, 'resource "aws_iam_role" "agent" {', 'iac')] });
const agent = asset('agent', 'support-agent', { iacType: 'aws_bedrockagent_agent' }, { evidence: [ev('infra/main.tf', 9, 'resource "aws_bedrockagent_agent" "support" {', 'iac')] });
const account = asset('cloud-account', 'aws:*', { wildcard: true });
const grant = edge('CAN_ADMIN', role, account, { actions: ['bedrock:*'], conditions: [], effect: 'Allow', policies: ['aws_iam_role_policy.agent_bedrock'], resources: ['*'] }, [ev('infra/iam.tf', 19, 'resource "aws_iam_role_policy" "agent_bedrock" {', 'iac')]);

const shellServer = asset('mcp-server', 'desktop', { role: 'configured', clients: ['claude-desktop'], command: 'npx', args: ['-y', '@wonderwhy-er/desktop-commander', '--api-key', '[redacted]'], package: '@wonderwhy-er/desktop-commander', packageEcosystem: 'npm', transport: 'stdio' }, { evidence: [ev('.mcp.json', 3, '"desktop": {')] });

const pickle = asset('model-file', 'models/evil.pkl', { format: 'pickle', executesCodeOnLoad: true, riskLevel: 'critical', dangerousGlobals: ['os.system'], globals: ['os.system'] }, { evidence: [{ path: 'models/evil.pkl', snippet: 'pickle protocol 2, 1 globals (1 dangerous)', technique: 'model-header', confidence: 'declared', detector: 'model-files' }] });

const key = asset('secret', 'openai', { provider: 'openai', keyType: 'project', fingerprint: '0123456789ab', prefix: 'sk-proj-', envNames: ['OPENAI_API_KEY'], fileKinds: ['env'] }, { provider: 'openai', evidence: [ev('.env', 2, 'OPENAI_API_KEY=sk-proj-…[redacted]')] });

const hub = asset('model', 'meta-llama/Llama-3.1-8B-Instruct', { sources: ['from_pretrained'] }, { provider: 'meta', evidence: [ev('train.py', 12, 'model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")', 'call-site')] });

const ollama = asset('model-server', 'ollama', { category: 'inference', image: 'ollama/ollama:0.3.14', ports: ['11434:11434'], exposed: true, envNames: [], source: 'compose', workload: 'ollama' }, { evidence: [ev('docker-compose.yml', 4, 'image: ollama/ollama:0.3.14', 'container')] });

const codex = asset('agent', 'codex', { kind: 'coding-agent', product: 'OpenAI Codex', files: ['.codex/config.toml'], approvalPolicies: ['never'], sandboxModes: ['danger-full-access'], autonomy: ['shell: approval_policy = "never" + sandbox_mode = "danger-full-access"'] }, { provider: 'openai', evidence: [ev('.codex/config.toml', 1, 'approval_policy = "never"'), ev('.codex/config.toml', 2, 'sandbox_mode = "danger-full-access"')] });

/** Triggering samples keyed by policy id. */
export const POLICY_SAMPLES: Readonly<Record<string, PolicySample>> = {
  'coding-agent-autonomy': { inventory: inventory([codex]), config: {} },
  'unowned-ai-asset': { inventory: inventory([app.system, model, mistral, ollama], app.edges), config: {} },
  'over-permissioned-identity': { inventory: inventory([role, agent, account], [edge('RUNS_AS', agent, role), grant]), config: {} },
  'mcp-excessive-agency': { inventory: inventory([shellServer]), config: {} },
  'shadow-ai': { inventory: inventory([app.system, model, mistral], app.edges), config: { approved: { providers: ['openai'], models: ['gpt-4o*'] } } },
  'unsafe-model-format': { inventory: inventory([pickle]), config: {} },
  'exposed-ai-key': { inventory: inventory([key]), config: {} },
  'unpinned-model-revision': { inventory: inventory([hub]), config: {} },
  'unauthenticated-model-server': { inventory: inventory([ollama]), config: {} },
};
