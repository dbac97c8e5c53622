import { describe, expect, it } from 'vitest';
import type { Asset, Attributes } from '../model/index.ts';
import { asset, context, edge, ev, inventory } from './__fixtures__/build.ts';
import { overPermissionedIdentity } from './over-permissioned-identity.ts';

const agent = asset('agent', 'support-agent');
const account = asset('cloud-account', 'aws:*', { wildcard: true });
const modelArn = asset('model', 'anthropic.claude-3-haiku-20240307-v1:0');
const bucket = asset('data-source', 'acme-docs', { bucket: 'acme-docs', storage: 's3' });

function role(attrs: Attributes = {}): Asset {
  return asset('identity', 'aws_iam_role.agent', { iacType: 'aws_iam_role', ...attrs }, { evidence: [ev('iam.tf', 13, 'resource "aws_iam_role" "agent" {', 'iac')] });
}

function grant(type: 'CAN_READ' | 'CAN_WRITE' | 'CAN_INVOKE' | 'CAN_ADMIN', r: Asset, to: Asset, props: Attributes) {
  return edge(type, r, to, { effect: 'Allow', conditions: [], policies: ['aws_iam_role_policy.p'], ...props }, [ev('iam.tf', 30, 'resource "aws_iam_role_policy" "p" {', 'iac')]);
}

function evaluate(identity: Asset, grants: ReturnType<typeof grant>[], usedByAi = true) {
  const rels = [...grants, ...(usedByAi ? [edge('RUNS_AS', agent, identity)] : [])];
  return overPermissionedIdentity.evaluate(context(inventory([identity, agent, account, modelArn, bucket], rels)));
}

describe('over-permissioned-identity', () => {
  it('reports a service-wide wildcard on all resources (bedrock:* on *) as high, with the grant location', () => {
    const r = role();
    const [f, ...rest] = evaluate(r, [grant('CAN_ADMIN', r, account, { actions: ['bedrock:*'], resources: ['*'] })]);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('high');
    expect(f?.detail).toContain('service-wide bedrock:* on all resources');
    expect(f?.detail).toContain('agent "support-agent"');
    expect(f?.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['iam.tf:13', 'iam.tf:30']);
  });

  it('reports "*" on "*" and AdministratorAccess as critical', () => {
    const r = role({ managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(evaluate(r, [])[0]?.severity).toBe('critical');
    const r2 = role();
    expect(evaluate(r2, [grant('CAN_ADMIN', r2, account, { actions: ['*'], resources: ['*'] })])[0]?.severity).toBe('critical');
  });

  it('reports Allow with NotAction and Bedrock/SageMaker FullAccess managed policies', () => {
    const r = role();
    expect(evaluate(r, [grant('CAN_ADMIN', r, account, { actions: [], notActions: ['iam:*'], resources: ['*'] })])[0]?.detail).toContain('NotAction');
    const full = role({ managedPolicies: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] });
    const [f] = evaluate(full, []);
    expect(f?.severity).toBe('high');
    expect(f?.detail).toContain('AmazonBedrockFullAccess');
  });

  it('does not report a scoped bedrock:InvokeModel on one model ARN (near miss)', () => {
    const r = role();
    const scoped = grant('CAN_INVOKE', r, modelArn, { actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'] });
    expect(evaluate(r, [scoped])).toEqual([]);
    const read = grant('CAN_READ', r, bucket, { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::acme-docs/*'] });
    expect(evaluate(r, [read])).toEqual([]);
  });

  it('rates read-only actions on Resource "*" medium, write actions high, and a condition one step lower', () => {
    const r = role();
    expect(evaluate(r, [grant('CAN_READ', r, account, { actions: ['s3:Get*', 's3:List*'], resources: ['*'] })])[0]?.severity).toBe('medium');
    expect(evaluate(r, [grant('CAN_WRITE', r, account, { actions: ['s3:PutObject'], resources: ['*'] })])[0]?.severity).toBe('high');
    const narrowed = grant('CAN_WRITE', r, account, { actions: ['s3:PutObject'], resources: ['*'], conditions: [{ StringEquals: { 'aws:ResourceAccount': ['1'] } }] });
    const [f] = evaluate(r, [narrowed]);
    expect(f?.severity).toBe('medium');
    expect(f?.detail).toContain('narrowed by a condition');
  });

  it('ignores identities no AI resource runs as, unless they trust an AI service', () => {
    const r = role({ managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(evaluate(r, [], false)).toEqual([]);
    const trusting = role({ managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], trustedPrincipals: ['sagemaker.amazonaws.com'] });
    expect(evaluate(trusting, [], false)[0]?.detail).toContain('trusted service sagemaker.amazonaws.com');
  });

  it('reports GCP owner/editor/aiplatform.admin roles when recorded, not narrower roles', () => {
    const sa = asset('identity', 'google_service_account.agent', { roles: ['roles/owner'] });
    expect(evaluate(sa, [])[0]?.severity).toBe('critical');
    const narrow = asset('identity', 'google_service_account.reader', { roles: ['roles/aiplatform.user'] });
    expect(evaluate(narrow, [])).toEqual([]);
  });
  // Synthetic reproductions of the execution-role boilerplate in public Bedrock / AgentCore templates.
  it('ignores telemetry writes and actions that accept only "*", and names only the actions that matter', () => {
    const r = role({ trustedPrincipals: ['bedrock-agentcore.amazonaws.com'] });
    const boiler = [
      grant('CAN_WRITE', r, account, { actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'cloudwatch:PutMetricData', 'xray:PutTraceSegments'], resources: ['*'] }),
      grant('CAN_READ', r, account, { actions: ['ecr:GetAuthorizationToken', 'bedrock:ListFoundationModels'], resources: ['*'] }),
    ];
    expect(evaluate(r, boiler)).toEqual([]);
    const mixed = grant('CAN_WRITE', r, account, { actions: ['logs:PutLogEvents', 's3:PutObject'], resources: ['*'] });
    const [f] = evaluate(r, [...boiler, mixed]);
    expect(f?.severity).toBe('high');
    expect(f?.detail).toContain('Grants: s3:PutObject on Resource "*"');
    expect(f?.detail).not.toContain('PutLogEvents');
  });

  it('names each user once, counts repeats and caps the list', () => {
    const r = role();
    const stores = Array.from({ length: 10 }, (_, i) => asset('vector-store', i < 4 ? 'bedrock-knowledge-base' : `store-${i}`, {}, { nativeId: `kb-${i}` }));
    const distinct = stores.map((st, i) => ({ ...st, id: `vector-store:${String(i).padStart(16, '0')}` }));
    const rels = [grant('CAN_ADMIN', r, account, { actions: ['bedrock:*'], resources: ['*'] }), ...distinct.map((st) => edge('RUNS_AS', st, r))];
    const [f] = overPermissionedIdentity.evaluate(context(inventory([r, account, ...distinct], rels)));
    expect(f?.detail).toMatch(/^Used by vector-store "bedrock-knowledge-base" \(×4\), vector-store "store-4", vector-store "store-5", vector-store "store-6", vector-store "store-7", 2 more\. Grants/);
  });
});
