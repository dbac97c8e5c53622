import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { iacDetector } from './index.ts';
import { assetNamed, edgeNames, edgeProps } from './test-helpers.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/iac-module-shapes', import.meta.url));

describe('iac detector on module shapes met in public repositories', () => {
  const r = detectTree(fixture, iacDetector);

  it('reads a role\'s documents and managed-policy lookups from data.tf, not from another folder', () => {
    expect(names(r.assets, 'identity')).toEqual(['aws_iam_role.agent', 'aws_iam_role.endpoint']);
    expect(edgeNames(r).filter((e) => e.startsWith('identity:'))).toEqual([
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
});
