/**
 * IAM knowledge as data: how an action is classified (read / write / invoke / admin), which AWS
 * managed policies grant what, and which services and principals make a role "AI". Sources per row.
 */

export type PermissionClass = 'read' | 'write' | 'invoke' | 'admin';

export interface ActionRule {
  readonly pattern: RegExp;
  readonly class: PermissionClass;
  readonly source: string;
}

const ACCESS_LEVELS = 'AWS Service Authorization Reference, access levels (List/Read/Write/Permissions management)';
const SAR = 'AWS Service Authorization Reference (docs.aws.amazon.com/service-authorization/latest/reference/';

/**
 * First match wins; an action no row matches is `write` (the cautious reading of an unknown verb).
 * `invoke` is this project's class for calls that run a model, agent, flow or endpoint (the
 * reference files most of them under Read, some under Write). Rows naming single actions come
 * before the verb rows they contradict.
 */
export const ACTION_RULES: readonly ActionRule[] = [
  { pattern: /^\*$|^\*:\*$|^[\w-]+:\*$/, class: 'admin', source: 'IAM JSON policy reference: a bare or service-wide wildcard grants every action' },
  { pattern: /^iam:(?:Get|List|Generate|Simulate)/i, class: 'read', source: ACCESS_LEVELS },
  { pattern: /^(?:iam|sts|organizations):/i, class: 'admin', source: `${ACCESS_LEVELS}: IAM writes and PassRole escalate privileges` },
  {
    // These mint credentials although their verb reads like a lookup: Write in the reference.
    pattern: /^(?:bedrock-agentcore:GetWorkloadAccessToken|redshift:GetClusterCredentials|redshift-serverless:GetCredentials$)/i,
    class: 'write',
    source: `${SAR}list_amazonbedrockagentcore.html, list_amazonredshift.html, list_amazonredshiftserverless.html): Write`,
  },
  {
    pattern: /^bedrock:(?:Invoke|Converse|RetrieveAndGenerate|AgenticRetrieveStream|GenerateQuery|StartFlowExecution|ApplyGuardrail|CallWithBearerToken|Rerank|OptimizePrompt|StartAsyncInvoke)/i,
    class: 'invoke',
    // AgenticRetrieveStream and GenerateQuery run a foundation model over a knowledge base (Read in the
    // reference); StartFlowExecution runs a flow like InvokeFlow (Write in the reference).
    source: `${SAR}list_amazonbedrock.html); Bedrock API reference, Agents for Amazon Bedrock Runtime`,
  },
  { pattern: /^bedrock:(?:CountTokens|RenderPrompt)$/i, class: 'read', source: `${SAR}list_amazonbedrock.html): Read` },
  {
    // The automation stream drives an AgentCore browser session (a tool call); Read in the reference.
    pattern: /^bedrock-agentcore:(?:Invoke|ConnectBrowserAutomationStream$)/i,
    class: 'invoke',
    source: `${SAR}list_amazonbedrockagentcore.html)`,
  },
  {
    pattern: /^bedrock-agentcore:(?:ConnectBrowserLiveViewStream|CompleteResourceTokenAuth|GatewayGetWebACLForResource|GatewayListResourcesForWebACL)$/i,
    class: 'read',
    source: `${SAR}list_amazonbedrockagentcore.html): Read / List`,
  },
  { pattern: /^sagemaker:InvokeEndpoint/i, class: 'invoke', source: `${SAR}list_amazonsagemaker.html)` },
  {
    pattern: /^sagemaker:(?:AccessModelPackage|BatchDescribeModelPackage|RenderUiTemplate|CallWithBearerToken)$/i,
    class: 'read',
    source: `${SAR}list_amazonsagemaker.html): Read`,
  },
  { pattern: /^lambda:Invoke/i, class: 'invoke', source: 'Service Authorization Reference: AWS Lambda actions' },
  { pattern: /^es:ESHttp(?:Get|Head)$/i, class: 'read', source: 'Service Authorization Reference: Amazon OpenSearch Service' },
  {
    // Query and live-tail actions of CloudWatch Logs / CloudWatch start a read, they change nothing.
    pattern: /^(?:logs:(?:StartQuery|StopQuery|StartLiveTail|StopLiveTail)|cloudwatch:GenerateQuery\w*|cloudtrail:GenerateQueryResultsSummary)$/i,
    class: 'read',
    source: `${SAR}list_amazoncloudwatchlogs.html, list_amazoncloudwatch.html, list_awscloudtrail.html): Read`,
  },
  {
    // BatchDescribe*/BatchCheck* (ecr:BatchCheckLayerAvailability) and dynamodb:ConditionCheckItem are Read in every service.
    pattern: /^[\w-]+:(?:Get|List|Describe|Retrieve|Search|Query|Scan|BatchGet|BatchDescribe|BatchCheck|ConditionCheck|Select|Read|View|Lookup|Head|Download|Export|Check|Validate|Detect|Preview|Discover)/i,
    class: 'read',
    source: ACCESS_LEVELS,
  },
];

/**
 * Concrete actions whose class differs from what their verb suggests. A wildcard action
 * (`bedrock:Retrieve*`, `bedrock-agentcore:Get*`) is as strong as the strongest of these it covers.
 */
const WILDCARD_PROBES: readonly string[] = [
  'bedrock:RetrieveAndGenerate',
  'bedrock:RetrieveAndGenerateStream',
  'bedrock:GenerateQuery',
  'bedrock:StartFlowExecution',
  'bedrock-agentcore:GetWorkloadAccessToken',
  'bedrock-agentcore:GetWorkloadAccessTokenForJWT',
  'bedrock-agentcore:GetWorkloadAccessTokenForUserId',
  'redshift:GetClusterCredentials',
  'redshift:GetClusterCredentialsWithIAM',
];

const RANK: Readonly<Record<PermissionClass, number>> = { read: 0, invoke: 1, write: 2, admin: 3 };

function classifyOne(a: string): PermissionClass {
  for (const rule of ACTION_RULES) if (rule.pattern.test(a)) return rule.class;
  return a.includes(':') ? 'write' : 'admin';
}

/** Classifies one action as written (`s3:GetObject`, `bedrock:Invoke*`, `*`). */
export function classifyAction(action: string): PermissionClass {
  const a = action.trim();
  let cls = classifyOne(a);
  if (cls === 'admin' || !/[*?]/.test(a)) return cls;
  const glob = new RegExp(`^${a.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  for (const probe of WILDCARD_PROBES) {
    const c = classifyOne(probe);
    if (glob.test(probe) && RANK[c] > RANK[cls]) cls = c;
  }
  return cls;
}

/** Service prefixes whose actions make a role part of the AI estate. */
export const AI_ACTION_SERVICES: readonly { readonly prefix: string; readonly source: string }[] = [
  { prefix: 'bedrock', source: 'Service Authorization Reference: Amazon Bedrock' },
  { prefix: 'bedrock-agentcore', source: 'Service Authorization Reference: Amazon Bedrock AgentCore' },
  { prefix: 'sagemaker', source: 'Service Authorization Reference: Amazon SageMaker' },
];

/** Service principals an AI workload's role trusts (assume-role policy). */
export const AI_SERVICE_PRINCIPALS: readonly { readonly principal: string; readonly source: string }[] = [
  { principal: 'bedrock.amazonaws.com', source: 'Bedrock user guide: service role for agents / knowledge bases' },
  { principal: 'bedrock-agentcore.amazonaws.com', source: 'Bedrock AgentCore developer guide: runtime execution role' },
  { principal: 'sagemaker.amazonaws.com', source: 'SageMaker developer guide: execution roles' },
];

export interface ManagedPolicy {
  readonly name: string;
  /** The grants that matter, summarized from the published policy document. */
  readonly statements: readonly { readonly actions?: readonly string[]; readonly notActions?: readonly string[]; readonly resources: readonly string[] }[];
  /** Attaching it makes the role part of the AI estate. */
  readonly ai: boolean;
  readonly source: string;
}

const MANAGED_REF = 'AWS managed policy reference (docs.aws.amazon.com/aws-managed-policy/latest/reference/';

export const MANAGED_POLICIES: readonly ManagedPolicy[] = [
  { name: 'AdministratorAccess', statements: [{ actions: ['*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}AdministratorAccess.html)` },
  { name: 'IAMFullAccess', statements: [{ actions: ['iam:*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}IAMFullAccess.html) (summary)` },
  { name: 'PowerUserAccess', statements: [{ notActions: ['iam:*', 'organizations:*', 'account:*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}PowerUserAccess.html)` },
  { name: 'AmazonBedrockFullAccess', statements: [{ actions: ['bedrock:*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}AmazonBedrockFullAccess.html)` },
  { name: 'AmazonBedrockReadOnly', statements: [{ actions: ['bedrock:Get*', 'bedrock:List*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}AmazonBedrockReadOnly.html)` },
  { name: 'AmazonBedrockLimitedAccess', statements: [{ actions: ['bedrock:InvokeModel*', 'bedrock:Get*', 'bedrock:List*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}AmazonBedrockLimitedAccess.html) (summary)` },
  { name: 'BedrockAgentCoreFullAccess', statements: [{ actions: ['bedrock-agentcore:*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}BedrockAgentCoreFullAccess.html) (summary)` },
  { name: 'AmazonSageMakerFullAccess', statements: [{ actions: ['sagemaker:*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}AmazonSageMakerFullAccess.html) (summary)` },
  { name: 'AmazonSageMakerReadOnly', statements: [{ actions: ['sagemaker:Describe*', 'sagemaker:List*', 'sagemaker:Get*'], resources: ['*'] }], ai: true, source: `${MANAGED_REF}AmazonSageMakerReadOnly.html) (summary)` },
  { name: 'AmazonS3FullAccess', statements: [{ actions: ['s3:*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}AmazonS3FullAccess.html)` },
  { name: 'AmazonS3ReadOnlyAccess', statements: [{ actions: ['s3:Get*', 's3:List*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}AmazonS3ReadOnlyAccess.html)` },
  { name: 'AmazonOpenSearchServiceFullAccess', statements: [{ actions: ['es:*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}AmazonOpenSearchServiceFullAccess.html)` },
  { name: 'AWSLambda_FullAccess', statements: [{ actions: ['lambda:*'], resources: ['*'] }], ai: false, source: `${MANAGED_REF}AWSLambda_FullAccess.html) (summary)` },
];

/** The AWS managed policy an ARN names (`arn:aws:iam::aws:policy/AmazonBedrockFullAccess`, any partition/path). */
export function managedPolicyOf(arn: string): ManagedPolicy | undefined {
  const m = /^arn:[\w-]*(?:\$\{[^}]*\})?[\w-]*:iam::aws:policy\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn.trim());
  return m?.[1] === undefined ? undefined : MANAGED_POLICIES.find((p) => p.name === m[1]);
}

/** True when an action belongs to an AI service (`bedrock:*`, `sagemaker:CreateEndpoint`). */
export function isAiAction(action: string): boolean {
  const service = action.split(':')[0]?.toLowerCase() ?? '';
  return AI_ACTION_SERVICES.some((s) => s.prefix === service);
}

/** True when a principal is an AI service principal. */
export function isAiPrincipal(principal: string): boolean {
  const p = principal.trim().toLowerCase();
  return AI_SERVICE_PRINCIPALS.some((s) => s.principal === p);
}
