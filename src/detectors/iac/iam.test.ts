import { describe, expect, it } from 'vitest';
import { assetId } from '../../model/index.ts';
import { classifyAction, managedPolicyOf } from './iam-catalog.ts';
import { assetNamed, assetNames, detectFile, edgeNames, edgeProps, EMPTY } from './test-helpers.ts';

const role = (extra = ''): string => `resource "aws_iam_role" "r" {\n  name = "ai-role"\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "bedrock.amazonaws.com" } }] })\n${extra}}\n`;
const policy = (statements: string): string => `resource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.r.id\n  policy = jsonencode({ Statement = [${statements}] })\n}\n`;

describe('IAM action classification', () => {
  it.each([
    ['*', 'admin'], ['*:*', 'admin'], ['bedrock:*', 'admin'], ['iam:PassRole', 'admin'], ['iam:GetRole', 'read'], ['sts:AssumeRole', 'admin'],
    ['bedrock:InvokeModel', 'invoke'], ['bedrock:Invoke*', 'invoke'], ['bedrock:InvokeAgent', 'invoke'], ['bedrock:Converse', 'invoke'], ['bedrock:RetrieveAndGenerate', 'invoke'],
    ['bedrock:Retrieve', 'read'], ['sagemaker:InvokeEndpoint', 'invoke'], ['lambda:InvokeFunction', 'invoke'], ['bedrock-agentcore:InvokeAgentRuntime', 'invoke'],
    ['s3:GetObject', 'read'], ['s3:Get*', 'read'], ['s3:ListBucket', 'read'], ['aoss:DescribeIndex', 'read'], ['es:ESHttpGet', 'read'],
    ['s3:PutObject', 'write'], ['s3:*Object', 'write'], ['bedrock:CreateAgent', 'write'], ['aoss:APIAccessAll', 'write'], ['bogus', 'write'],
    // Verbs the generic rows do not know, checked against the Service Authorization Reference.
    ['bedrock:AgenticRetrieveStream', 'invoke'], ['bedrock:GenerateQuery', 'invoke'], ['bedrock:InvokeFlow', 'invoke'], ['bedrock:InvokeInlineAgent', 'invoke'],
    ['bedrock:StartFlowExecution', 'invoke'], ['bedrock:RetrieveAndGenerateStream', 'invoke'], ['bedrock:CountTokens', 'read'], ['bedrock:RenderPrompt', 'read'],
    ['bedrock-agentcore:RetrieveMemoryRecords', 'read'], ['bedrock-agentcore:ConnectBrowserLiveViewStream', 'read'], ['bedrock-agentcore:ConnectBrowserAutomationStream', 'invoke'],
    ['sagemaker:BatchDescribeModelPackage', 'read'], ['ecr:BatchCheckLayerAvailability', 'read'], ['dynamodb:ConditionCheckItem', 'read'], ['logs:StartQuery', 'read'], ['cloudwatch:GenerateQuery', 'read'],
    // Near misses: genuinely write actions next to them stay write.
    ['bedrock:StartIngestionJob', 'write'], ['bedrock:CreateSession', 'write'], ['bedrock:PutInvocationStep', 'write'], ['bedrock:DeleteAgentMemory', 'write'], ['bedrock:RenderPromptX', 'write'],
    ['bedrock-agentcore:StartCodeInterpreterSession', 'write'], ['bedrock-agentcore:CreateEvent', 'write'], ['sagemaker:CreateModelPackage', 'write'], ['logs:PutLogEvents', 'write'], ['dynamodb:BatchWriteItem', 'write'],
    // Get-verbs that mint credentials are Write in the reference.
    ['bedrock-agentcore:GetWorkloadAccessToken', 'write'], ['bedrock-agentcore:GetWorkloadAccessTokenForJWT', 'write'], ['redshift:GetClusterCredentialsWithIAM', 'write'], ['bedrock-agentcore:GetMemory', 'read'],
    // A wildcard is as strong as the strongest action it covers.
    ['bedrock:Retrieve*', 'invoke'], ['bedrock-agentcore:Get*', 'write'], ['bedrock:Get*', 'read'], ['bedrock:InvokeModel*', 'invoke'], ['bedrock:Start*', 'write'],
  ])('%s is %s', (action, expected) => {
    expect(classifyAction(action === 'bogus' ? 'x:Frobnicate' : action)).toBe(expected);
  });

  it('knows AWS managed policies by ARN in any partition or path', () => {
    expect(managedPolicyOf('arn:aws:iam::aws:policy/AmazonBedrockFullAccess')?.ai).toBe(true);
    expect(managedPolicyOf('arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess')?.name).toBe('AdministratorAccess');
    expect(managedPolicyOf('arn:aws-us-gov:iam::aws:policy/service-role/AmazonSageMakerFullAccess')?.name).toBe('AmazonSageMakerFullAccess');
    expect(managedPolicyOf('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBeUndefined();
    expect(managedPolicyOf('arn:aws:iam::aws:policy/IAMFullAccess')?.statements).toEqual([{ actions: ['iam:*'], resources: ['*'] }]);
  });
});

describe('iac detector: IAM roles and grants', () => {
  it('reports a role that trusts an AI service, with Allow grants as edges and no edge for Deny', () => {
    const r = detectFile('iam.tf', role() + policy('{ Effect = "Allow", Action = ["bedrock:InvokeModel", "s3:PutObject"], Resource = ["arn:aws:bedrock:*::foundation-model/anthropic.*", "arn:aws:s3:::out/*"] }, { Effect = "Deny", Action = "*", Resource = "*" }'));
    expect(edgeNames(r)).toEqual([
      'identity:aws_iam_role.r CAN_INVOKE cloud-account:aws:*',
      'identity:aws_iam_role.r CAN_INVOKE data-source:out',
      'identity:aws_iam_role.r CAN_WRITE cloud-account:aws:*',
      'identity:aws_iam_role.r CAN_WRITE data-source:out',
    ]);
    expect(edgeProps(r, 'identity:aws_iam_role.r CAN_INVOKE cloud-account:aws:*')).toEqual({
      actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:*::foundation-model/anthropic.*'], effect: 'Allow', conditions: [], policies: ['aws_iam_role_policy.p'],
    });
  });

  it('treats Allow + NotAction as admin and NotResource as the wildcard, keeping both as written', () => {
    const r = detectFile('iam.tf', role() + policy('{ Effect = "Allow", NotAction = ["iam:*"], NotResource = ["arn:aws:s3:::secrets/*"] }'));
    expect(edgeNames(r)).toEqual(['identity:aws_iam_role.r CAN_ADMIN cloud-account:aws:*']);
    expect(edgeProps(r, 'identity:aws_iam_role.r CAN_ADMIN cloud-account:aws:*')).toEqual({
      actions: [], notActions: ['iam:*'], resources: [], notResources: ['arn:aws:s3:::secrets/*'], effect: 'Allow', conditions: [], policies: ['aws_iam_role_policy.p'],
    });
  });

  it('does not report roles unrelated to AI (trust and grants outside AI services)', () => {
    const lambda = 'resource "aws_iam_role" "l" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" } }] })\n  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]\n}\n# bedrock comes later\n';
    expect(detectFile('iam.tf', lambda)).toEqual(EMPTY);
  });

  it('reports a role by its AI grants alone, and one attached an AI managed policy', () => {
    const byGrant = detectFile('iam.tf', 'resource "aws_iam_role" "ci" {\n  name = "ci"\n}\nresource "aws_iam_role_policy" "p" {\n  role = "ci"\n  policy = jsonencode({ Statement = { Effect = "Allow", Action = "bedrock:ListFoundationModels", Resource = "*" } })\n}\n');
    expect(edgeNames(byGrant)).toEqual(['identity:aws_iam_role.ci CAN_READ cloud-account:aws:*']);
    const byManaged = detectFile('iam.tf', 'resource "aws_iam_role_policy_attachment" "a" {\n  role = aws_iam_role.elsewhere.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"\n}\n');
    expect(edgeNames(byManaged)).toEqual(['identity:aws_iam_role.elsewhere CAN_ADMIN cloud-account:aws:*']);
    expect(assetNamed(byManaged, 'identity', 'aws_iam_role.elsewhere')?.evidence[0]).toMatchObject({ line: 1, confidence: 'inferred' });
  });

  it('reads a managed policy a data "aws_iam_policy" looks up, by its arn or an AWS managed name, not a customer name', () => {
    const attach = (name: string): string => `resource "aws_iam_role_policy_attachment" "${name}" {\n  role = aws_iam_role.r.name\n  policy_arn = data.aws_iam_policy.${name}.arn\n}\n`;
    const r = detectFile('iam.tf', role() + ['by_arn', 'by_name', 'custom', 'missing'].map(attach).join('') + [
      'data "aws_iam_policy" "by_arn" {\n  arn = "arn:${local.partition}:iam::aws:policy/AmazonSageMakerFullAccess"\n}',
      'data "aws_iam_policy" "by_name" {\n  name = "AmazonBedrockFullAccess"\n}',
      // A name the catalog does not know may be a customer policy: kept as the reference.
      'data "aws_iam_policy" "custom" {\n  name = "team-bedrock-access"\n}',
    ].join('\n'));
    expect(assetNamed(r, 'identity', 'aws_iam_role.r')?.attributes['managedPolicies']).toEqual([
      'arn:${local.partition}:iam::aws:policy/AmazonSageMakerFullAccess', 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', 'data.aws_iam_policy.custom.arn', 'data.aws_iam_policy.missing.arn',
    ]);
    expect(edgeNames(r)).toEqual(['identity:aws_iam_role.r CAN_ADMIN cloud-account:aws:*']);
    expect(edgeProps(r, 'identity:aws_iam_role.r CAN_ADMIN cloud-account:aws:*')).toMatchObject({
      actions: ['sagemaker:*', 'bedrock:*'], policies: ['arn:${local.partition}:iam::aws:policy/AmazonSageMakerFullAccess', 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess'],
    });
  });

  it('reads aws_iam_policy_document data sources with conditions and merged source documents', () => {
    const r = detectFile('iam.tf', role() + [
      'data "aws_iam_policy_document" "base" {\n  statement {\n    actions = ["bedrock:InvokeModel"]\n    resources = ["arn:aws:bedrock:us-east-1::foundation-model/mistral.mistral-large-2407-v1:0"]\n  }\n}',
      'data "aws_iam_policy_document" "all" {\n  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    effect = "Allow"\n    actions = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::kb/*"]\n    condition {\n      test = "Bool"\n      variable = "aws:SecureTransport"\n      values = ["true"]\n    }\n  }\n}',
      'resource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.r.name\n  policy = data.aws_iam_policy_document.all.json\n}',
    ].join('\n'));
    expect(edgeNames(r)).toEqual([
      'identity:aws_iam_role.r CAN_INVOKE model:mistral.mistral-large-2407-v1:0',
      'identity:aws_iam_role.r CAN_READ data-source:kb',
    ]);
    expect(edgeProps(r, 'identity:aws_iam_role.r CAN_READ data-source:kb')).toMatchObject({ conditions: [{ Bool: { 'aws:SecureTransport': ['true'] } }] });
  });

  it('reads inline_policy blocks and managed_policy_arns on the role itself', () => {
    const r = detectFile('iam.tf', role('  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::123456789012:policy/custom"]\n  inline_policy {\n    name = "kb"\n    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:Retrieve", Resource = aws_bedrockagent_knowledge_base.kb.arn }] })\n  }\n'));
    const kb = assetId('vector-store', 'repo', 'terraform:.:aws_bedrockagent_knowledge_base.kb');
    expect(edgeNames(r)).toEqual(['identity:aws_iam_role.r CAN_READ cloud-account:aws:*', `identity:aws_iam_role.r CAN_READ ${kb}`]);
    expect(edgeProps(r, `identity:aws_iam_role.r CAN_READ ${kb}`)).toMatchObject({ actions: ['bedrock:Retrieve'], policies: ['aws_iam_role.r.inline_policy[kb]'] });
    expect(assetNamed(r, 'identity', 'aws_iam_role.r')?.attributes).toEqual({
      iacType: 'aws_iam_role', roleName: 'ai-role', trustedPrincipals: ['bedrock.amazonaws.com'],
      managedPolicies: ['arn:aws:iam::123456789012:policy/custom', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
    });
  });

  it('says which policies it could not read, as written, instead of showing no grants', () => {
    const r = detectFile('iam.tf', role('  inline_policy {\n    name = "tpl"\n    policy = templatefile("${path.module}/kb.json.tpl", {})\n  }\n') + [
      'resource "aws_iam_role_policy" "missing" {\n  role = aws_iam_role.r.id\n  policy = data.aws_iam_policy_document.declared_nowhere.json\n}',
      'resource "aws_iam_role_policy" "input" {\n  role = aws_iam_role.r.id\n  policy = var.policy_json\n}',
      'resource "aws_iam_role_policy" "read" {\n  role = aws_iam_role.r.id\n  policy = jsonencode({ Statement = [] })\n}',
      'resource "aws_iam_policy" "custom" {\n  policy = file("custom.json")\n}',
      'resource "aws_iam_role_policy_attachment" "custom" {\n  role = aws_iam_role.r.name\n  policy_arn = aws_iam_policy.custom.arn\n}',
    ].join('\n'));
    expect(assetNamed(r, 'identity', 'aws_iam_role.r')?.attributes['policyRefs']).toEqual([
      'aws_iam_policy.custom: file("custom.json")',
      'aws_iam_role.r.inline_policy[tpl]: templatefile("${path.module}/kb.json.tpl", {})',
      'aws_iam_role_policy.input: var.policy_json',
      'aws_iam_role_policy.missing: data.aws_iam_policy_document.declared_nowhere.json',
    ]);
    expect(edgeNames(r)).toEqual([]);
  });

  it('keeps a role read from file() without statements, and names literal role ARNs', () => {
    const r = detectFile('main.tf', 'resource "aws_bedrockagent_agent" "a" {\n  agent_name = "a"\n  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"\n}\n' + role() + 'resource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.r.id\n  policy = file("policy.json")\n}\n');
    expect(assetNames(r)).toEqual(['agent:a', 'identity:arn:aws:iam::123456789012:role/agent', 'identity:aws_iam_role.r']);
    expect(edgeNames(r)).toEqual(['agent:a RUNS_AS identity:arn:aws:iam::123456789012:role/agent']);
  });
});
