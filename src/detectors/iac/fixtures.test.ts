import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { iacDetector } from './index.ts';
import { assetNamed, edgeNames, edgeProps } from './test-helpers.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('iac detector on fixtures', () => {
  const r = detectTree(fixture('iac'), iacDetector);

  it('finds every AI resource by kind and name', () => {
    expect(names(r.assets, 'agent')).toEqual(['concierge-agent', 'support-agent', 'travel-agent']);
    expect(names(r.assets, 'tool')).toEqual(['ask-user', 'book-trip', 'order-lookup']);
    // arm/azuredeploy.json: an OpenAI account with `chat` and `embedding`, an AI Services account with `mini` nested.
    expect(names(r.assets, 'endpoint')).toEqual(['acme-foundry', 'acme-openai', 'chat', 'embedding', 'fraud-scoring', 'live', 'llama-3-8b', 'mini', 'oai-[uniqueString(resourceGroup().id)]']);
    expect(names(r.assets, 'model')).toEqual([
      'amazon.titan-embed-text-v2:0', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'cohere.embed-english-v3',
      'fraud-xgboost', 'gpt-4o', 'gpt-4o-mini', 'llama-3-8b-instruct', 'meta-llama/Meta-Llama-3-8B-Instruct',
    ]);
    expect(names(r.assets, 'vector-store')).toEqual(['opensearch-serverless', 'vertex-ai-vector-search']);
    expect(names(r.assets, 'data-source')).toEqual(['DocsBucket', 'acme-model-artifacts', 'aws_s3_bucket.docs']);
    expect(names(r.assets, 'identity')).toEqual([
      'AgentRole', 'ExecutionRole', 'KnowledgeBaseRole', 'aws_iam_role.agent', 'aws_iam_role.kb', 'aws_iam_role.sagemaker',
      'azurerm_cognitive_account.openai (system-assigned)', 'google_service_account.agent', 'oai-[uniqueString(resourceGroup().id)] (system-assigned)',
    ]);
    expect(names(r.assets, 'cloud-account')).toEqual(['aws:*']);
    expect(r.diagnostics).toEqual([]);
  });

  it('links agents, knowledge bases, endpoints and identities', () => {
    expect(edgeNames(r)).toEqual([
      'agent:concierge-agent RUNS_AS identity:google_service_account.agent',
      'agent:support-agent READS_FROM vector-store:opensearch-serverless',
      'agent:support-agent RUNS_AS identity:aws_iam_role.agent',
      'agent:support-agent USES_MODEL model:anthropic.claude-3-haiku-20240307-v1:0',
      'agent:support-agent USES_TOOL tool:order-lookup',
      'agent:travel-agent READS_FROM vector-store:opensearch-serverless',
      'agent:travel-agent RUNS_AS identity:AgentRole',
      'agent:travel-agent USES_MODEL model:anthropic.claude-3-5-sonnet-20240620-v1:0',
      'agent:travel-agent USES_TOOL tool:ask-user',
      'agent:travel-agent USES_TOOL tool:book-trip',
      'endpoint:acme-openai RUNS_AS identity:azurerm_cognitive_account.openai (system-assigned)',
      'endpoint:chat SERVES model:gpt-4o',
      'endpoint:fraud-scoring SERVES model:fraud-xgboost',
      'endpoint:llama-3-8b SERVES model:llama-3-8b-instruct',
      'endpoint:llama-3-8b SERVES model:meta-llama/Meta-Llama-3-8B-Instruct',
      'endpoint:mini SERVES model:gpt-4o-mini',
      'endpoint:oai-[uniqueString(resourceGroup().id)] RUNS_AS identity:oai-[uniqueString(resourceGroup().id)] (system-assigned)',
      'identity:AgentRole CAN_INVOKE model:anthropic.claude-3-5-sonnet-20240620-v1:0',
      'identity:AgentRole CAN_READ cloud-account:aws:*',
      'identity:AgentRole CAN_READ vector-store:opensearch-serverless',
      'identity:ExecutionRole CAN_READ data-source:acme-model-artifacts',
      'identity:KnowledgeBaseRole CAN_READ data-source:DocsBucket',
      'identity:aws_iam_role.agent CAN_ADMIN cloud-account:aws:*',
      'identity:aws_iam_role.agent CAN_READ data-source:aws_s3_bucket.docs',
      'identity:aws_iam_role.kb CAN_INVOKE model:amazon.titan-embed-text-v2:0',
      'identity:aws_iam_role.kb CAN_READ data-source:aws_s3_bucket.docs',
      'identity:aws_iam_role.sagemaker CAN_ADMIN cloud-account:aws:*',
      'model:fraud-xgboost READS_FROM data-source:acme-model-artifacts',
      'model:fraud-xgboost RUNS_AS identity:ExecutionRole',
      'model:llama-3-8b-instruct RUNS_AS identity:aws_iam_role.sagemaker',
      'vector-store:opensearch-serverless INDEXES data-source:DocsBucket',
      'vector-store:opensearch-serverless INDEXES data-source:aws_s3_bucket.docs',
      'vector-store:opensearch-serverless RUNS_AS identity:KnowledgeBaseRole',
      'vector-store:opensearch-serverless RUNS_AS identity:aws_iam_role.kb',
    ]);
  });

  it('keeps IAM grants as written on the edges', () => {
    expect(edgeProps(r, 'identity:aws_iam_role.agent CAN_ADMIN cloud-account:aws:*')).toEqual({
      actions: ['bedrock:*'], resources: ['*'], effect: 'Allow', conditions: [], policies: ['aws_iam_role_policy.agent_bedrock'],
    });
    expect(edgeProps(r, 'identity:aws_iam_role.agent CAN_READ data-source:aws_s3_bucket.docs')).toEqual({
      actions: ['s3:GetObject', 's3:ListBucket'], resources: ['aws_s3_bucket.docs.arn', '${aws_s3_bucket.docs.arn}/*'], effect: 'Allow',
      conditions: [{ StringEquals: { 'aws:ResourceAccount': ['123456789012'] } }], policies: ['aws_iam_policy.docs_read'],
    });
    expect(edgeProps(r, 'identity:AgentRole CAN_INVOKE model:anthropic.claude-3-5-sonnet-20240620-v1:0')).toEqual({
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: ['!Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/${ModelId}'], effect: 'Allow', conditions: [], policies: ['AgentRole.policies[invoke-model]'],
    });
  });

  it('names, attributes and evidence as declared', () => {
    const agent = assetNamed(r, 'agent', 'support-agent');
    expect(agent?.nativeId).toBe('aws_bedrockagent_agent.support');
    expect(agent?.attributes).toEqual({
      iacType: 'aws_bedrockagent_agent', guardrails: ['aws_bedrock_guardrail.default.guardrail_id'], idleSessionTtl: 600,
      valueFrom: ['foundation_model: local.model_id (local, terraform/bedrock-agent/main.tf:4)'],
    });
    expect(agent?.evidence).toEqual([
      { path: 'terraform/bedrock-agent/main.tf', line: 7, snippet: 'resource "aws_bedrockagent_agent" "support" {', technique: 'iac', confidence: 'declared', detector: 'iac' },
    ]);
    expect(assetNamed(r, 'vector-store', 'opensearch-serverless')?.attributes).toEqual({
      iacType: 'AWS::Bedrock::KnowledgeBase', knowledgeBase: 'destination-guides', knowledgeBaseType: 'VECTOR', storageType: 'OPENSEARCH_SERVERLESS',
      collections: ['guides-index'], storageLocation: '!Ref CollectionArn',
    });
    expect(assetNamed(r, 'endpoint', 'acme-openai')?.attributes).toEqual({
      iacType: 'azurerm_cognitive_account', accountKind: 'OpenAI', customSubdomain: 'acme-openai', localAuthEnabled: false, sku: 'S0',
    });
    expect(assetNamed(r, 'identity', 'AgentRole')?.attributes).toEqual({
      iacType: 'AWS::IAM::Role', roleName: 'travel-agent-role', trustedPrincipals: ['bedrock.amazonaws.com'],
      managedPolicies: ['arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    });
    expect(assetNamed(r, 'agent', 'travel-agent')?.evidence[0]).toMatchObject({ path: 'cloudformation/bedrock-agent.yaml', line: 60, snippet: 'Agent:' });
  });

  it('negative-controls (all areas, iac/ traps included): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), iacDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
