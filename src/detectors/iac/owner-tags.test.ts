import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assetNamed, detectFile } from './test-helpers.ts';

const fixture = (path: string): string => readFileSync(new URL(`../../../test/fixtures/owners/${path}`, import.meta.url), 'utf8');

describe('owner tags on IaC resources', () => {
  it('keeps owner tags of a Terraform resource (literal or variable default), drops the others', () => {
    const r = detectFile('infra/main.tf', fixture('infra/main.tf'));
    expect(assetNamed(r, 'agent', 'support-agent')?.tags).toEqual({ Owner: 'support-lead@example.com', team: 'customer-support' });
    const tf = 'variable "team" {\n  default = "ml"\n}\nresource "google_vertex_ai_endpoint" "ep" {\n  name = "ep"\n  labels = { owner = var.team, env = "prod" }\n}\n';
    expect(assetNamed(detectFile('main.tf', tf), 'endpoint', 'ep')?.tags).toEqual({ owner: 'ml' });
  });

  it('reads CloudFormation tag maps and [{Key, Value}] lists', () => {
    const cfn = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Agent:',
      '    Type: AWS::Bedrock::Agent',
      '    Properties:',
      '      AgentName: a',
      '      Tags:',
      '        owner-team: "@acme/payments"',
      '  Ep:',
      '    Type: AWS::SageMaker::Endpoint',
      '    Properties:',
      '      EndpointConfigName: c',
      '      Tags:',
      '        - Key: Owner',
      '          Value: bob@example.com',
      '        - Key: CostCenter',
      '          Value: "42"',
    ].join('\n');
    const r = detectFile('stack.yaml', cfn);
    expect(assetNamed(r, 'agent', 'a')?.tags).toEqual({ 'owner-team': '@acme/payments' });
    expect(assetNamed(r, 'endpoint', 'Ep')?.tags).toEqual({ Owner: 'bob@example.com' });
  });

  it('no owner tags, or tags that are expressions: empty tags', () => {
    const tf = 'resource "aws_sagemaker_endpoint" "e" {\n  name = "e"\n  tags = merge(local.common, { Owner = "x" })\n}\nresource "aws_sagemaker_endpoint" "f" {\n  name = "f"\n  tags = { Owner = var.unknown, Environment = "prod" }\n}\n';
    const r = detectFile('main.tf', tf);
    expect(assetNamed(r, 'endpoint', 'e')?.tags).toEqual({});
    expect(assetNamed(r, 'endpoint', 'f')?.tags).toEqual({});
  });
});
