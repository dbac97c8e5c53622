/**
 * over-permissioned-identity: roles and service accounts that AI resources run as (or that trust an
 * AI service principal) holding wildcard or administrator grants.
 *
 * Reads the CAN_* edges the iac detector derives from policy statements (`actions`, `notActions`,
 * `resources`, `notResources`, `conditions`, `policies`), the `managedPolicies` ARNs on the identity,
 * and GCP `roles` when a connector records them. One finding per identity; its severity is the worst
 * reason, one step lower when every wildcard grant is narrowed by a condition.
 */
import type { Asset, Evidence, Finding, Relationship, Severity } from '../model/index.ts';
import { edgesFrom, edgesTo, makeFinding, maxSeverity, pickEvidence, quoted, severityRank, strings } from './helpers.ts';
import { significantActions } from './iam-actions.ts';
import type { Policy, PolicyContext } from './types.ts';

const CAN_EDGES = ['CAN_READ', 'CAN_WRITE', 'CAN_INVOKE', 'CAN_ADMIN'];
const AI_PRINCIPALS = ['bedrock.amazonaws.com', 'bedrock-agentcore.amazonaws.com', 'sagemaker.amazonaws.com'];

/** AWS managed policies that grant administrator or full access to a service (AWS managed policy reference). */
const BROAD_MANAGED: Readonly<Record<string, Severity>> = {
  AdministratorAccess: 'critical',
  PowerUserAccess: 'high',
  IAMFullAccess: 'critical',
  AmazonBedrockFullAccess: 'high',
  AmazonSageMakerFullAccess: 'high',
  BedrockAgentCoreFullAccess: 'high',
};
/** GCP basic and AI admin roles (cloud.google.com/iam/docs/understanding-roles). */
const BROAD_GCP_ROLES: Readonly<Record<string, Severity>> = {
  'roles/owner': 'critical',
  'roles/editor': 'high',
  'roles/aiplatform.admin': 'high',
  'roles/iam.serviceAccountAdmin': 'high',
};

interface Reason {
  readonly text: string;
  readonly severity: Severity;
  readonly evidence: readonly Evidence[];
}

const isWildAction = (a: string): boolean => a === '*' || a === '*:*';
const isServiceWild = (a: string): boolean => /^[\w-]+:\*$/.test(a);
/** `*`, or an ARN whose service is `*`. */
const isWildResource = (r: string): boolean => r.trim() === '*' || /^arn:[^:]*:\*:/.test(r.trim());

function lower(s: Severity): Severity {
  return s === 'critical' ? 'high' : s === 'high' ? 'medium' : 'low';
}

function grantReasons(edge: Relationship): Reason[] {
  const p = edge.properties;
  const actions = strings(p, 'actions');
  const notActions = strings(p, 'notActions');
  const allResources = strings(p, 'resources').some(isWildResource) || strings(p, 'notResources').length > 0;
  const where = strings(p, 'policies').join(', ') || 'an inline statement';
  const out: { text: string; severity: Severity }[] = [];
  const wild = actions.filter(isWildAction);
  if (wild.length > 0) out.push({ text: `all actions (${wild.join(', ')}) on ${allResources ? 'all resources' : 'its resources'} in ${where}`, severity: allResources ? 'critical' : 'high' });
  const service = actions.filter(isServiceWild);
  if (service.length > 0) out.push({ text: `service-wide ${service.join(', ')}${allResources ? ' on all resources' : ''} in ${where}`, severity: 'high' });
  if (notActions.length > 0) out.push({ text: `Allow with NotAction (${notActions.join(', ')}) in ${where}`, severity: 'high' });
  // Actions that only accept `*` (cloudwatch:PutMetricData) or write the role's own logs say nothing here.
  const significant = significantActions(actions);
  if (wild.length === 0 && service.length === 0 && notActions.length === 0 && allResources && (actions.length === 0 || significant.length > 0)) {
    const acting = edge.type === 'CAN_WRITE' || edge.type === 'CAN_ADMIN';
    out.push({ text: `${significant.join(', ') || 'actions'} on Resource "*" in ${where}`, severity: acting ? 'high' : 'medium' });
  }
  const conditioned = Array.isArray(p['conditions']) && p['conditions'].length > 0;
  return out.map((r) => ({
    text: conditioned ? `${r.text} (narrowed by a condition)` : r.text,
    severity: conditioned ? lower(r.severity) : r.severity,
    evidence: edge.evidence,
  }));
}

function attachedReasons(identity: Asset): Reason[] {
  const out: Reason[] = [];
  for (const arn of strings(identity.attributes, 'managedPolicies')) {
    const name = arn.split('/').pop() ?? arn;
    const severity = BROAD_MANAGED[name] ?? (name.endsWith('FullAccess') ? 'high' : undefined);
    if (severity !== undefined) out.push({ text: `AWS managed policy ${name} attached`, severity, evidence: identity.evidence });
  }
  for (const role of strings(identity.attributes, 'roles')) {
    const severity = BROAD_GCP_ROLES[role];
    if (severity !== undefined) out.push({ text: `GCP role ${role} granted`, severity, evidence: identity.evidence });
  }
  return out;
}

/** Users named in a finding's detail; the rest are counted (a knowledge-base role can serve dozens). */
const MAX_USERS = 5;

/** Why an identity is in scope: the AI resources that run as it, or the AI service it trusts. */
function aiUsers(ctx: PolicyContext, identity: Asset): string[] {
  const users = edgesTo(ctx, identity.id, ['RUNS_AS']).map((r) => ctx.index.assetsById.get(r.from)).filter((a): a is Asset => a !== undefined);
  // Systems last: the agent or endpoint says more than the folder it sits in.
  const ordered = [...users.filter((a) => a.kind !== 'system'), ...users.filter((a) => a.kind === 'system')];
  const counts = new Map<string, number>();
  for (const a of ordered) {
    const key = `${a.kind} ${quoted(a)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const names = [...counts].map(([name, n]) => (n > 1 ? `${name} (×${n})` : name));
  const shown = names.length > MAX_USERS ? [...names.slice(0, MAX_USERS), `${names.length - MAX_USERS} more`] : names;
  const trusted = strings(identity.attributes, 'trustedPrincipals').filter((p) => AI_PRINCIPALS.includes(p.toLowerCase()));
  return [...shown, ...trusted.map((p) => `trusted service ${p}`)];
}

export const overPermissionedIdentity: Policy = {
  id: 'over-permissioned-identity',
  version: '1.1.0',
  severity: 'high',
  severityNote: 'critical for admin on everything, medium for read-only wildcards',
  title: 'Identity used by AI holds wildcard or administrator permissions',
  rationale:
    'An agent or model endpoint can be steered by its input (prompt injection, poisoned documents). Whatever its role may do, an attacker may do: a wildcard grant turns a chatbot into an administrator.',
  remediation:
    'Grant the role only the actions and resources it uses: name the model ARNs in bedrock:InvokeModel, the bucket prefixes in s3:GetObject; replace AdministratorAccess / *FullAccess / roles/owner / roles/editor with scoped policies or predefined roles.',
  frameworks: ['nist-ai-rmf:MEASURE-2.7', 'nist-ai-rmf:MAP-4.2', 'owasp-llm:LLM06', 'mitre-atlas:AML.T0012', 'mitre-atlas:AML.T0053'],
  evaluate(ctx: PolicyContext): Finding[] {
    const out: Finding[] = [];
    for (const identity of ctx.inventory.assets) {
      if (identity.kind !== 'identity') continue;
      const users = aiUsers(ctx, identity);
      if (users.length === 0) continue;
      const reasons = [...edgesFrom(ctx, identity.id, CAN_EDGES).flatMap(grantReasons), ...attachedReasons(identity)];
      if (reasons.length === 0) continue;
      const severity = reasons.map((r) => r.severity).reduce(maxSeverity, 'low');
      const texts = [...new Set(reasons.map((r) => r.text))].sort();
      out.push(
        makeFinding(overPermissionedIdentity, ctx, {
          asset: identity,
          title: `Identity ${quoted(identity)} used by AI is over-permissioned`,
          detail: `Used by ${users.join(', ')}. Grants: ${texts.join('; ')}.`,
          evidence: pickEvidence([identity.evidence, ...reasons.filter((r) => severityRank(r.severity) >= severityRank('medium')).map((r) => r.evidence)]),
          severity,
        }),
      );
    }
    return out;
  },
};
