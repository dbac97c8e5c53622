import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { iacDetector } from './index.ts';
import { assetNamed, edgeNames, edgeProps } from './test-helpers.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/iac-module-shapes', import.meta.url));

describe('iac detector on module shapes met in public repositories', () => {
  const r = detectTree(fixture, iacDetector);

  it('reads a role\'s documents and managed-policy lookups from data.tf, not from another folder', () => {
    expect(names(r.assets, 'identity').filter((n) => n.startsWith('aws_'))).toEqual(['aws_iam_role.agent', 'aws_iam_role.endpoint']);
    expect(edgeNames(r).filter((e) => e.startsWith('identity:aws_'))).toEqual([
      'identity:aws_iam_role.agent CAN_INVOKE model:anthropic.claude-3-5-haiku-20241022-v1:0',
      'identity:aws_iam_role.agent CAN_READ cloud-account:aws:*',
      'identity:aws_iam_role.endpoint CAN_ADMIN cloud-account:aws:*',
    ]);
    // The example folder's `agent_permissions` (`*`) and `guardrails` are another module's documents.
    expect(edgeProps(r, 'identity:aws_iam_role.agent CAN_INVOKE model:anthropic.claude-3-5-haiku-20241022-v1:0')).toMatchObject({
      actions: ['bedrock:InvokeModel'], policies: ['aws_iam_role_policy.agent'],
    });
    // A document no file of the module declares is named as written: its grants are unknown, not absent.
    expect(assetNamed(r, 'identity', 'aws_iam_role.agent')?.attributes).toEqual({
      iacType: 'aws_iam_role', trustedPrincipals: ['bedrock.amazonaws.com'], policyRefs: ['aws_iam_role_policy.guardrails: data.aws_iam_policy_document.guardrails.json'],
    });
    expect(assetNamed(r, 'identity', 'aws_iam_role.endpoint')?.attributes).toEqual({
      iacType: 'aws_iam_role', trustedPrincipals: ['sagemaker.${local.dns_suffix}'], managedPolicies: ['arn:${local.partition}:iam::aws:policy/AmazonSageMakerFullAccess'],
    });
    expect(edgeProps(r, 'identity:aws_iam_role.endpoint CAN_ADMIN cloud-account:aws:*')).toMatchObject({
      actions: ['sagemaker:*'], policies: ['arn:${local.partition}:iam::aws:policy/AmazonSageMakerFullAccess'],
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads the models of a CDK-synthesized template whose ARNs are Fn::Join of literals and pseudo parameters', () => {
    expect(edgeNames(r).filter((e) => e.includes('support-') || e.includes('AgentRole9D587F56'))).toEqual([
      'agent:support-claude37 RUNS_AS identity:AgentRole9D587F56',
      'agent:support-claude37 USES_MODEL model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole9D587F56 CAN_INVOKE model:anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole9D587F56 CAN_INVOKE model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole9D587F56 CAN_READ model:anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole9D587F56 CAN_READ model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    ]);
    // The prompt's model is reported (prompts have no asset of their own).
    expect(assetNamed(r, 'model', 'anthropic.claude-3-5-sonnet-20240620-v1:0')?.attributes['sources']).toEqual(['iac:AWS::Bedrock::Prompt.variants.model_id']);
    // Trap: a join over Fn::Select / Fn::Split names no model; it stays as written.
    const fallback = assetNamed(r, 'agent', 'support-fallback');
    expect(String((fallback?.attributes['modelRefs'] as string[] | undefined)?.[0])).toMatch(/^!Join \[":",\["!Select /);
  });

  it('names an inline action group by its !Sub template when the stack parameter has no default', () => {
    expect(edgeNames(r).filter((e) => e.startsWith('agent:AssistantAgent'))).toEqual([
      'agent:AssistantAgent RUNS_AS identity:AgentRole',
      'agent:AssistantAgent USES_MODEL model:anthropic.claude-3-haiku-20240307-v1:0',
      'agent:AssistantAgent USES_TOOL tool:project-assistant-actions-${StackVersion}',
    ]);
    expect(assetNamed(r, 'tool', 'project-assistant-actions-${StackVersion}')?.attributes).toEqual({ executor: '!GetAtt AllocateFunction.Arn' });
    expect(names(r.assets, 'tool')).toEqual(['project-assistant-actions-${StackVersion}']);
  });

  it('tells each knowledge base\'s store by its configuration block when the storage type is a variable', () => {
    const stores = r.assets.filter((a) => a.kind === 'vector-store').map((a) => `${String(a.attributes['knowledgeBase'])}: ${a.name} ${String(a.attributes['storageType'])}`).sort();
    expect(stores).toEqual([
      'helpdesk-mongo: mongodb-atlas MONGO_DB_ATLAS',
      // Two blocks, either of which may be null at apply time: no store named.
      'helpdesk-opensearch: bedrock-knowledge-base undefined',
      'helpdesk-pinecone: pinecone PINECONE',
      'helpdesk-rds: pgvector RDS',
    ]);
  });
});
