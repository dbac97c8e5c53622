/**
 * IAM actions that say nothing about over-permission when granted on `Resource: "*"`, as data.
 *
 * Two kinds, each with its source:
 * - actions that accept no resource but `*` (the Service Authorization Reference lists no resource
 *   type for them), so `*` is the only way to grant them and asking for a narrower ARN is wrong;
 * - telemetry writes every execution role carries (its own logs, metrics and traces): writing a log
 *   line gives a steered model no data and no control.
 * Everything else on `*` is judged by the policies as before. Compared case-insensitively, as IAM does.
 */

/** Actions whose only resource is `*`. */
const STAR_ONLY: readonly { readonly actions: readonly string[]; readonly source: string }[] = [
  { actions: ['cloudwatch:PutMetricData'], source: 'Service Authorization Reference, Amazon CloudWatch (no resource type; scoped by cloudwatch:namespace)' },
  { actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], source: 'Service Authorization Reference, AWS X-Ray (no resource type)' },
  { actions: ['ecr:GetAuthorizationToken'], source: 'Service Authorization Reference, Amazon ECR (no resource type)' },
  { actions: ['sts:GetCallerIdentity'], source: 'Service Authorization Reference, AWS STS (no resource type)' },
  { actions: ['s3:ListAllMyBuckets'], source: 'Service Authorization Reference, Amazon S3 (no resource type)' },
  { actions: ['bedrock:ListFoundationModels', 'bedrock:ListCustomModels'], source: 'Service Authorization Reference, Amazon Bedrock (no resource type)' },
];

/** An execution role's own telemetry writes (CloudWatch Logs). */
const TELEMETRY: readonly { readonly actions: readonly string[]; readonly source: string }[] = [
  { actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], source: 'AWS managed policies AWSLambdaBasicExecutionRole and the Bedrock AgentCore runtime role template (log delivery of the role itself)' },
];

const IGNORED: ReadonlySet<string> = new Set([...STAR_ONLY, ...TELEMETRY].flatMap((row) => row.actions.map((a) => a.toLowerCase())));

/** True for an action that is no sign of over-permission on `Resource: "*"` (see the module comment). */
export function harmlessOnAnyResource(action: string): boolean {
  return IGNORED.has(action.trim().toLowerCase());
}

/** The actions of a grant that matter on `Resource: "*"`, in their order. */
export function significantActions(actions: readonly string[]): string[] {
  return actions.filter((a) => !harmlessOnAnyResource(a));
}
