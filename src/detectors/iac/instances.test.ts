import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import type { DetectionResult } from '../../model/index.ts';
import { siblingsOf } from '../types.ts';
import { iacDetector } from './index.ts';
import { MAX_INSTANCES } from './instances.ts';
import { assetNamed, edgeNames, EMPTY } from './test-helpers.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/iac-instances', import.meta.url));

describe('iac detector: count / for_each instances and tfvars values', () => {
  const r = detectTree(fixture, iacDetector);

  it('makes one asset per element of a literal collection, addressed as Terraform does', () => {
    expect(r.assets.filter((a) => a.kind === 'endpoint' || a.kind === 'agent').map((a) => a.nativeId).sort()).toEqual([
      'aws_bedrockagent_agent.fallback', 'aws_bedrockagent_agent.pool[0]', 'aws_bedrockagent_agent.pool[1]', 'aws_bedrockagent_agent_alias.live',
      'azurerm_cognitive_account.openai', 'azurerm_cognitive_deployment.extra["embed"]', 'azurerm_cognitive_deployment.filtered',
      'azurerm_cognitive_deployment.this["chat"]', 'azurerm_cognitive_deployment.this["omni"]',
      'google_vertex_ai_endpoint_with_model_garden_deployment.garden["gemini-1.5-pro-002"]', 'google_vertex_ai_endpoint_with_model_garden_deployment.garden["text-bison@002"]',
    ]);
    expect(names(r.assets, 'model')).toEqual([
      'amazon.nova-pro-v1:0', 'amazon.titan-text-express-v1', 'gemini-1.5-pro-002', 'gpt-35-turbo', 'gpt-4o', 'text-bison@002', 'text-embedding-3-small',
    ]);
    expect(edgeNames(r).filter((e) => !e.includes('RUNS_AS'))).toEqual([
      'agent:aws_bedrockagent_agent.fallback USES_MODEL model:amazon.titan-text-express-v1',
      'agent:pool-0 USES_MODEL model:amazon.nova-pro-v1:0',
      'agent:pool-1 USES_MODEL model:amazon.nova-pro-v1:0',
      'endpoint:chat SERVES model:gpt-35-turbo',
      'endpoint:extra-embed SERVES model:text-embedding-3-small',
      'endpoint:garden-gemini-1.5-pro-002 SERVES model:gemini-1.5-pro-002',
      'endpoint:garden-text-bison@002 SERVES model:text-bison@002',
      'endpoint:omni SERVES model:gpt-4o',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('substitutes each.key / each.value / count.index and says the values came from the collection', () => {
    const chat = assetNamed(r, 'endpoint', 'chat');
    expect(chat?.id).not.toBe(assetNamed(r, 'endpoint', 'omni')?.id);
    expect(chat?.attributes).toMatchObject({ modelVersion: '0125', sku: 'Standard' });
    expect(chat?.attributes['valueFrom']).toContain('model.name: var.deployments (variable default, variables.tf:3)');
    expect(assetNamed(r, 'model', 'gpt-35-turbo')?.evidence.map((e) => `${e.path ?? ''}:${e.line ?? 0} ${e.confidence}`)).toEqual(['main.tf:15 inferred', 'variables.tf:3 inferred']);
    expect(assetNamed(r, 'endpoint', 'extra-embed')?.attributes['valueFrom']).toEqual(['name: local.extra (local, variables.tf:37)', 'model.name: local.extra (local, variables.tf:37)']);
    expect(assetNamed(r, 'agent', 'pool-1')?.attributes['valueFrom']).toEqual([
      'agent_name: var.agent_count (tfvars, terraform.tfvars:1)', 'foundation_model: var.model_id (tfvars, z.auto.tfvars.json:2)',
    ]);
  });

  it('keeps one asset as written when the collection is not literal', () => {
    expect(assetNamed(r, 'endpoint', 'azurerm_cognitive_deployment.filtered')?.attributes).toEqual({
      iacType: 'azurerm_cognitive_deployment', modelFormat: 'OpenAI', account: 'azurerm_cognitive_account.openai.id', modelRefs: ['each.value.model_name'],
    });
  });

  it('reads tfvars in Terraform\'s order, literal values only; -var-file candidates only where they agree', () => {
    // z.auto.tfvars.json over a.auto.tfvars over terraform.tfvars over the default.
    expect(names(r.assets, 'model')).not.toContain('amazon.nova-lite-v1:0');
    // `garden_models = concat(...)` is an expression, `sku = null` no value: the defaults stay.
    expect(names(r.assets, 'model')).not.toContain('chat-bison@002');
    // prod.tfvars and dev.tfvars agree on fallback_model, not on agent_suffix.
    expect(assetNamed(r, 'agent', 'aws_bedrockagent_agent.fallback')?.attributes['valueFrom']).toEqual(['foundation_model: var.fallback_model (var file, dev.tfvars:1)']);
  });

  it('through a scan, never reads a tfvars file the user excluded', async () => {
    const { runScan } = await import('../../pipeline/run-scan.ts');
    const models = async (exclude: string[]): Promise<string[]> => {
      const inv = await runScan({ paths: [fixture], exclude, gitHistory: false });
      return inv.assets.filter((a) => a.kind === 'model').map((a) => a.name).sort();
    };
    expect(await models([])).toContain('amazon.nova-pro-v1:0');
    const excluded = await models(['z.auto.tfvars.json']);
    expect(excluded).toContain('amazon.nova-lite-v1:0');
    expect(excluded).not.toContain('amazon.nova-pro-v1:0');
  });

  const detect = (files: Record<string, string>): DetectionResult => {
    const others = new Map(Object.entries(files).filter(([name]) => name !== 'main.tf'));
    return iacDetector.detect({ scope: 'repo', path: 'mod/main.tf', content: files['main.tf'] ?? '', siblings: siblingsOf(others) }) ?? EMPTY;
  };

  it('keys a list by an attribute through a for-expression, with the list from terraform.tfvars', () => {
    const out = detect({
      'main.tf': [
        'resource "azurerm_cognitive_deployment" "d" {\n  for_each = { for each in var.deployments : each.deployment_id => each }',
        '  name = each.value.deployment_id\n  model {\n    name = each.value.model_name\n  }\n}\nvariable "deployments" {\n  default = []\n}\n',
      ].join('\n'),
      'terraform.tfvars': 'deployments = [\n  { deployment_id = "chat", model_name = "gpt-35-turbo" },\n  { deployment_id = "vision", model_name = "gpt-4" },\n]\n',
    });
    expect(edgeNames(out)).toEqual(['endpoint:chat SERVES model:gpt-35-turbo', 'endpoint:vision SERVES model:gpt-4']);
    expect(assetNamed(out, 'endpoint', 'vision')?.nativeId).toBe('azurerm_cognitive_deployment.d["vision"]');
    expect(assetNamed(out, 'model', 'gpt-4')?.attributes['valueFrom']).toEqual(['model.name: var.deployments (tfvars, mod/terraform.tfvars:1)']);
  });

  it('a sole instance keeps the id of the address as written, so another file of the module reaches it', () => {
    const files = new Map([
      ['main.tf', 'resource "aws_bedrockagent_agent" "a" {\n  count = var.n\n  agent_name = "solo"\n}\nvariable "n" {\n  default = 1\n}\n'],
      ['iam.tf', 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "bedrock.amazonaws.com" } }] })\n}\nresource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.r.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:InvokeAgent", Resource = aws_bedrockagent_agent.a[0].agent_arn }] })\n}\n'],
    ]);
    const run = (name: string): DetectionResult => iacDetector.detect({ scope: 'repo', path: `mod/${name}`, content: files.get(name) ?? '', siblings: siblingsOf(new Map([...files].filter(([n]) => n !== name))) }) ?? EMPTY;
    const agent = assetNamed(run('main.tf'), 'agent', 'solo');
    expect(agent?.nativeId).toBe('aws_bedrockagent_agent.a[0]');
    expect(run('iam.tf').relationships.filter((e) => e.type === 'CAN_INVOKE').map((e) => e.to)).toEqual([agent?.id]);
  });

  it(`stops at ${MAX_INSTANCES} instances and says how many were left out`, () => {
    const out = detect({ 'main.tf': 'resource "aws_bedrockagent_agent" "a" {\n  count = 150\n  agent_name = "a-${count.index}"\n}\n' });
    const agents = out.assets.filter((a) => a.kind === 'agent');
    expect(agents).toHaveLength(MAX_INSTANCES);
    expect(agents[0]?.attributes['instancesOmitted']).toBe(50);
    expect(assetNamed(out, 'agent', 'a-99')?.nativeId).toBe('aws_bedrockagent_agent.a[99]');
  });

  it('links an instance to the instance it indexes, and an empty or unresolved collection stays one asset', () => {
    const out = detect({
      'main.tf': [
        'resource "aws_bedrockagent_agent" "a" {\n  for_each = var.teams\n  agent_name = "agent-${each.key}"\n}',
        'resource "aws_bedrockagent_agent_action_group" "g" {\n  for_each = var.teams\n  action_group_name = "tools-${each.key}"\n  agent_id = aws_bedrockagent_agent.a[each.key].agent_id\n}',
        'resource "aws_bedrockagent_agent_action_group" "all" {\n  action_group_name = "shared"\n  agent_id = aws_bedrockagent_agent.a["blue"].agent_id\n}',
        'resource "aws_bedrockagent_agent" "none" {\n  for_each = var.empty\n  agent_name = each.key\n}',
        'resource "aws_bedrockagent_agent" "later" {\n  count = var.enabled ? 1 : 0\n  agent_name = "later-${count.index}"\n}',
        'resource "aws_iam_role" "caller" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })\n}',
        'resource "aws_iam_role_policy" "invoke" {\n  role = aws_iam_role.caller.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:InvokeAgent", Resource = aws_bedrockagent_agent.a[*].agent_arn }] })\n}',
      ].join('\n'),
      'variables.tf': 'variable "teams" {\n  default = { blue = {}, red = {} }\n}\nvariable "empty" {\n  default = {}\n}\nvariable "enabled" {\n  default = true\n}\n',
    });
    expect(edgeNames(out)).toEqual([
      'agent:agent-blue USES_TOOL tool:shared',
      'agent:agent-blue USES_TOOL tool:tools-blue',
      'agent:agent-red USES_TOOL tool:tools-red',
      // A grant on `[*]` reaches every instance.
      'identity:aws_iam_role.caller CAN_INVOKE agent:agent-blue',
      'identity:aws_iam_role.caller CAN_INVOKE agent:agent-red',
    ]);
    expect(edgeNames(out).filter((e) => !e.startsWith('identity:'))).toEqual([
      'agent:agent-blue USES_TOOL tool:shared',
      'agent:agent-blue USES_TOOL tool:tools-blue',
      'agent:agent-red USES_TOOL tool:tools-red',
    ]);
    expect(names(out.assets, 'agent')).toEqual(['agent-blue', 'agent-red', 'aws_bedrockagent_agent.later', 'aws_bedrockagent_agent.none']);
  });
});
