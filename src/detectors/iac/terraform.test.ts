import { describe, expect, it } from 'vitest';
import { assetId } from '../../model/index.ts';
import { assetNamed, assetNames, detectFile, edgeNames, EMPTY } from './test-helpers.ts';

describe('iac detector: Terraform', () => {
  it('resolves a model from a variable default or a local of the same file; keeps an unresolved one as written', () => {
    const r = detectFile('main.tf', [
      'variable "model" {\n  default = "amazon.nova-pro-v1:0"\n}',
      'resource "aws_bedrockagent_agent" "a" {\n  agent_name = "a"\n  foundation_model = var.model\n  agent_resource_role_arn = var.role_arn\n}',
      'resource "aws_bedrockagent_agent" "b" {\n  agent_name = "b"\n  foundation_model = var.other\n}',
    ].join('\n'));
    expect(edgeNames(r)).toEqual(['agent:a RUNS_AS identity:var.role_arn', 'agent:a USES_MODEL model:amazon.nova-pro-v1:0']);
    expect(assetNamed(r, 'agent', 'b')?.attributes).toEqual({ iacType: 'aws_bedrockagent_agent', modelRefs: ['var.other'] });
    expect(assetNamed(r, 'identity', 'var.role_arn')?.attributes).toEqual({ unresolved: true });
    // Reached through the variable: the use is inferred evidence, the default is evidence too.
    expect(assetNamed(r, 'model', 'amazon.nova-pro-v1:0')?.evidence).toMatchObject([
      { line: 6, snippet: 'foundation_model = var.model', confidence: 'inferred' },
      { path: 'main.tf', line: 2, snippet: 'default = "amazon.nova-pro-v1:0"', confidence: 'inferred' },
    ]);
    expect(assetNamed(r, 'model', 'amazon.nova-pro-v1:0')?.attributes['valueFrom']).toEqual(['foundation_model: var.model (variable default, main.tf:2)']);
  });

  it('links to resources of other files of the same module by id (address-keyed within the folder)', () => {
    const group = detectFile('modules/agent/tools.tf', 'resource "aws_bedrockagent_agent_action_group" "g" {\n  action_group_name = "lookup"\n  agent_id = aws_bedrockagent_agent.main.agent_id\n}\n');
    const agent = detectFile('modules/agent/main.tf', 'resource "aws_bedrockagent_agent" "main" {\n  agent_name = "helper"\n}\n');
    const agentId = assetId('agent', 'repo', 'terraform:modules/agent:aws_bedrockagent_agent.main');
    expect(agent.assets[0]).toMatchObject({ id: agentId, name: 'helper', nativeId: 'aws_bedrockagent_agent.main' });
    expect(group.relationships.map((e) => [e.type, e.from])).toEqual([['USES_TOOL', agentId]]);
    expect(group.assets.map((a) => a.id)).toEqual([assetId('tool', 'repo', 'terraform:modules/agent:aws_bedrockagent_agent_action_group.g')]);
  });

  it('ignores commented-out blocks and files without AI resources', () => {
    expect(detectFile('main.tf', '# resource "aws_bedrockagent_agent" "x" {\n#   agent_name = "x"\n# }\n/*\nresource "aws_sagemaker_endpoint" "e" { name = "e" }\n*/\n')).toEqual(EMPTY);
    expect(detectFile('main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "bedrock-docs"\n}\n')).toEqual(EMPTY);
    expect(iacNull('main.tf', 'resource "aws_s3_bucket" "b" {}\n')).toBe(true);
  });

  it('reports Azure cognitive accounts only when they are OpenAI or AI Services', () => {
    const src = (kind: string): string => `resource "azurerm_cognitive_account" "a" {\n  name = "acct"\n  kind = "${kind}"\n}\n`;
    expect(assetNames(detectFile('a.tf', src('OpenAI')))).toEqual(['endpoint:acct']);
    expect(detectFile('a.tf', src('AIServices')).assets[0]?.provider).toBe('azure-ai-services');
    expect(detectFile('a.tf', src('ComputerVision'))).toEqual(EMPTY);
  });

  it('reads awscc agents written with attribute syntax (inline action groups and knowledge bases)', () => {
    const r = detectFile('cc.tf', [
      'resource "awscc_bedrock_agent" "x" {',
      '  agent_name = "cc-agent"',
      '  foundation_model = "arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-70b-instruct-v1:0"',
      '  action_groups = [{',
      '    action_group_name = "weather"',
      '    action_group_executor = { lambda = aws_lambda_function.w.arn }',
      '  }]',
      '  knowledge_bases = [{ knowledge_base_id = awscc_bedrock_knowledge_base.kb.knowledge_base_id, description = "d" }]',
      '}',
      'resource "awscc_bedrock_knowledge_base" "kb" {',
      '  name = "kb"',
      '  storage_configuration = { type = "PINECONE", pinecone_configuration = { connection_string = "https://idx.svc.pinecone.io", namespace = "docs" } }',
      '}',
    ].join('\n'));
    expect(edgeNames(r)).toEqual([
      'agent:cc-agent READS_FROM vector-store:pinecone',
      'agent:cc-agent USES_MODEL model:meta.llama3-70b-instruct-v1:0',
      'agent:cc-agent USES_TOOL tool:weather',
    ]);
    expect(assetNamed(r, 'vector-store', 'pinecone')?.attributes).toMatchObject({ storageType: 'PINECONE', collections: ['docs'], storageLocation: 'https://idx.svc.pinecone.io' });
  });

  it('tells a knowledge base\'s store by its configuration block when the storage type is not a literal', () => {
    const kb = (name: string, config: string): string => `resource "aws_bedrockagent_knowledge_base" "${name}" {\n  name = "${name}"\n  role_arn = var.kb_role_arn\n  storage_configuration {\n    type = var.kb_storage_type\n${config}  }\n}\n`;
    const r = detectFile('knowledge-base.tf', [
      kb('mongo', '    mongo_db_atlas_configuration {\n      endpoint = var.endpoint\n      collection_name = "docs"\n    }\n'),
      kb('pinecone', '    pinecone_configuration {\n      connection_string = "https://kb-abc.svc.pinecone.io"\n      namespace = var.namespace\n    }\n'),
      kb('vectors', '    s3_vectors_configuration {\n      index_arn = var.index_arn\n    }\n'),
      kb('graph', '    neptune_analytics_configuration {\n      graph_arn = var.graph_arn\n    }\n'),
      // Traps: two blocks say nothing for sure; a literal type wins over the block written next to it; a null block is none.
      kb('two', '    rds_configuration {\n      table_name = "t"\n    }\n    redis_enterprise_cloud_configuration {\n      endpoint = "e"\n    }\n'),
      kb('literal', '    type = "RDS"\n    pinecone_configuration {\n      namespace = "n"\n    }\n').replace('    type = var.kb_storage_type\n', ''),
      kb('nulled', '    pinecone_configuration = null\n    opensearch_serverless_configuration = { collection_arn = var.collection_arn }\n'),
    ].join(''));
    const stores = Object.fromEntries(r.assets.filter((a) => a.kind === 'vector-store').map((a) => [a.attributes['knowledgeBase'], [a.name, a.attributes['storageType']]]));
    expect(stores).toEqual({
      mongo: ['mongodb-atlas', 'MONGO_DB_ATLAS'], pinecone: ['pinecone', 'PINECONE'], vectors: ['s3-vectors', 'S3_VECTORS'], graph: ['neptune-analytics', 'NEPTUNE_ANALYTICS'],
      two: ['bedrock-knowledge-base', undefined], literal: ['pgvector', 'RDS'], nulled: ['opensearch-serverless', 'OPENSEARCH_SERVERLESS'],
    });
    expect(assetNamed(r, 'vector-store', 'pinecone')?.attributes).toMatchObject({ collections: ['var.namespace'], storageLocation: 'https://kb-abc.svc.pinecone.io' });
  });

  it('maps AgentCore runtimes, gateways and targets, custom models and provisioned throughput', () => {
    const r = detectFile('core.tf', [
      'resource "aws_bedrockagentcore_agent_runtime" "rt" {\n  name = "runtime"\n  role_arn = "arn:aws:iam::111122223333:role/service-role/agentcore"\n  protocol_configuration {\n    server_protocol = "MCP"\n  }\n}',
      'resource "aws_bedrockagentcore_gateway" "gw" {\n  name = "tools-gw"\n  protocol_type = "MCP"\n}',
      'resource "aws_bedrockagentcore_gateway_target" "t" {\n  name = "search"\n  gateway_identifier = aws_bedrockagentcore_gateway.gw.gateway_id\n}',
      'resource "aws_bedrock_custom_model" "cm" {\n  custom_model_name = "tuned"\n  base_model_identifier = "amazon.titan-text-express-v1"\n  training_data_config {\n    s3_uri = "s3://acme-training/data.jsonl"\n  }\n}',
      'data "aws_bedrock_foundation_model" "claude" {\n  model_id = "anthropic.claude-3-5-haiku-20241022-v1:0"\n}',
      'resource "aws_bedrock_provisioned_model_throughput" "pt" {\n  provisioned_model_name = "pt"\n  model_arn = data.aws_bedrock_foundation_model.claude.model_arn\n}',
    ].join('\n'));
    expect(edgeNames(r)).toEqual([
      'agent:runtime RUNS_AS identity:arn:aws:iam::111122223333:role/service-role/agentcore',
      'endpoint:pt SERVES model:anthropic.claude-3-5-haiku-20241022-v1:0',
      'mcp-server:tools-gw PROVIDES tool:search',
      'model:tuned READS_FROM data-source:acme-training',
    ]);
    expect(assetNamed(r, 'agent', 'runtime')?.attributes).toEqual({ iacType: 'aws_bedrockagentcore_agent_runtime', protocol: 'MCP' });
    expect(assetNamed(r, 'identity', 'arn:aws:iam::111122223333:role/service-role/agentcore')?.attributes).toEqual({ roleName: 'agentcore' });
    expect(assetNamed(r, 'mcp-server', 'tools-gw')?.attributes).toEqual({ iacType: 'aws_bedrockagentcore_gateway', role: 'hosted', protocol: 'MCP' });
    expect(assetNames(r)).toContain('model:amazon.titan-text-express-v1');
  });

  it('maps Vertex AI model garden deployments to the model they serve', () => {
    const r = detectFile('v.tf', 'resource "google_vertex_ai_endpoint_with_model_garden_deployment" "g" {\n  publisher_model_name = "publishers/google/models/gemma3@gemma-3-1b-it"\n}\nresource "google_vertex_ai_endpoint_with_model_garden_deployment" "q" {\n  hugging_face_model_id = "Qwen/Qwen3-0.6B"\n}\n');
    expect(edgeNames(r)).toEqual([
      'endpoint:google_vertex_ai_endpoint_with_model_garden_deployment.g SERVES model:gemma3@gemma-3-1b-it',
      'endpoint:google_vertex_ai_endpoint_with_model_garden_deployment.q SERVES model:Qwen/Qwen3-0.6B',
    ]);
  });

  it('reads Terraform JSON (.tf.json) with ${} expressions', () => {
    const r = detectFile('cdk.tf.json', JSON.stringify({
      resource: {
        aws_bedrockagent_agent: { bot: { agent_name: 'json-bot', foundation_model: 'amazon.nova-lite-v1:0', agent_resource_role_arn: '${aws_iam_role.bot.arn}' } },
        aws_iam_role: { bot: { name: 'bot-role', assume_role_policy: '${jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "bedrock.amazonaws.com"}}]})}' } },
      },
    }, null, 2));
    expect(edgeNames(r)).toEqual(['agent:json-bot RUNS_AS identity:aws_iam_role.bot', 'agent:json-bot USES_MODEL model:amazon.nova-lite-v1:0']);
    expect(assetNamed(r, 'identity', 'aws_iam_role.bot')?.attributes).toMatchObject({ roleName: 'bot-role', trustedPrincipals: ['bedrock.amazonaws.com'] });
    expect(r.assets.find((a) => a.kind === 'agent')?.evidence[0]?.line).toBe(4);
  });

  it('links a SageMaker endpoint to its model through an endpoint configuration named by literal', () => {
    const r = detectFile('sm.tf', [
      'resource "aws_sagemaker_model" "m" {\n  name = "churn"\n  primary_container {\n    image = "x"\n  }\n}',
      'resource "aws_sagemaker_endpoint_configuration" "c" {\n  name = "churn-config"\n  production_variants {\n    model_name = "churn"\n  }\n}',
      'resource "aws_sagemaker_endpoint" "e" {\n  name = "churn-endpoint"\n  endpoint_config_name = "churn-config"\n}',
      'resource "aws_sagemaker_notebook_instance" "n" {\n  name = "lab"\n  role_arn = aws_iam_role.nb.arn\n  instance_type = "ml.t3.medium"\n}',
    ].join('\n'));
    expect(edgeNames(r)).toEqual(['endpoint:churn-endpoint SERVES model:churn', 'system:lab RUNS_AS identity:aws_iam_role.nb']);
  });

  it('finds the models a module call passes as inputs, and nothing from inputs that are not models', () => {
    const r = detectFile('examples/basic/main.tf', [
      'module "agent" {\n  source = "../.."\n  foundation_model = "anthropic.claude-3-5-sonnet-20241022-v2:0"\n  sku_name = "S0"\n  instance_type = "ml.g5.xlarge"\n}',
      'module "openai" {\n  source = "../.."\n  deployment = {\n    "chat" = {\n      model_format = "OpenAI"\n      model_name = "text-embedding-ada-002"\n      model_version = "2"\n    }\n  }\n}',
      'module "unrelated" {\n  source = "./net"\n  model = var.missing\n}',
      // Models of other things: a data model's name, a pricing model.
      'module "lake" {\n  source = "./lake"\n  data_model = { name = "customer-orders-v2" }\n  pricing_model = "tier-2.1"\n  threat_model_name = "stride-v1.0"\n}',
    ].join('\n'));
    expect(assetNames(r)).toEqual(['model:anthropic.claude-3-5-sonnet-20241022-v2:0', 'model:text-embedding-ada-002']);
    expect(assetNamed(r, 'model', 'text-embedding-ada-002')?.attributes).toEqual({ sources: ['iac:module.openai.model_name'] });
    expect(assetNamed(r, 'model', 'anthropic.claude-3-5-sonnet-20241022-v2:0')?.evidence[0]).toMatchObject({ line: 3, confidence: 'declared' });
    // The azurerm/ARM deployment shape: the model is the `name` of a map called model.
    const avm = detectFile('examples/default/main.tf', 'module "test" {\n  source = "../../"\n  kind = "OpenAI"\n  cognitive_deployments = {\n    "mini" = {\n      name = "mini-deployment"\n      model = {\n        format = "OpenAI"\n        name = "gpt-4.1-mini"\n        version = "2025-04-14"\n      }\n    }\n  }\n}\n');
    expect(assetNames(avm)).toEqual(['model:gpt-4.1-mini']);
    expect(assetNamed(avm, 'model', 'gpt-4.1-mini')?.evidence[0]).toMatchObject({ line: 9 });
    // A file with module calls but no word "model" is not read at all.
    expect(iacNull('main.tf', 'module "vpc" {\n  source = "./vpc"\n  cidr = "10.0.0.0/16"\n}\n')).toBe(true);
  });

  it('reports a Bedrock flow alias as the endpoint callers invoke', () => {
    const r = detectFile('flow.tf', 'resource "awscc_bedrock_flow_alias" "live" {\n  name = "live"\n  flow_arn = var.flow_arn\n}\n');
    expect(assetNamed(r, 'endpoint', 'live')?.attributes).toEqual({ iacType: 'awscc_bedrock_flow_alias', flow: 'var.flow_arn' });
  });
});

function iacNull(path: string, content: string): boolean {
  return detectFile(path, content) === EMPTY;
}
