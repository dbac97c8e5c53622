import { describe, expect, it } from 'vitest';
import { harmlessOnAnyResource, significantActions } from './iam-actions.ts';

describe('iam-actions', () => {
  it('sets aside actions that accept only "*" and the role\'s own log writes, whatever their case', () => {
    expect(['cloudwatch:PutMetricData', 'XRay:PutTraceSegments', 'logs:putlogevents', 'ecr:GetAuthorizationToken'].every(harmlessOnAnyResource)).toBe(true);
  });

  it('keeps everything else, reads included (near misses: log reads, S3 writes, model calls)', () => {
    expect(significantActions(['logs:CreateLogStream', 'logs:GetLogEvents', 's3:PutObject', 'bedrock:InvokeModel', 'logs:PutLogEvents'])).toEqual(['logs:GetLogEvents', 's3:PutObject', 'bedrock:InvokeModel']);
  });
});
