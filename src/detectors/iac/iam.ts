/**
 * IAM roles → `identity` assets and `CAN_READ` / `CAN_WRITE` / `CAN_INVOKE` / `CAN_ADMIN` edges.
 * A role is reported when an AI resource of the file runs as it, when it trusts an AI service
 * principal (bedrock, bedrock-agentcore, sagemaker), or when its policies grant AI actions
 * (`bedrock:*`, `sagemaker:CreateEndpoint`, AmazonBedrockFullAccess...). Every Allow statement's
 * actions are classified (`iam-catalog.ts`) and aimed at what its resources name (`targets.ts`);
 * the edge keeps `{actions, notActions?, resources, notResources?, effect, conditions, policies}` as
 * written, so policies can flag `*`, `bedrock:*`, `NotAction` or `Resource: "*"`. Deny statements
 * grant nothing and make no edge; resources that are neither AI assets, S3 buckets, model ARNs nor
 * wildcards are not followed.
 */
import type { AttributeValue, Attributes, RelationshipType } from '../../model/index.ts';
import { classifyAction, isAiAction, isAiPrincipal, managedPolicyOf, type PermissionClass } from './iam-catalog.ts';
import { collectRoles, type PolicySource, type RoleFacts } from './iam-collect.ts';
import { literalString } from './document.ts';
import type { Statement } from './policy-doc.ts';
import { addressKey, permissionTargets, wildcard, type EmitContext, type TargetRef } from './targets.ts';
import { getFirst } from './value.ts';

const EDGE: Readonly<Record<PermissionClass, RelationshipType>> = { read: 'CAN_READ', write: 'CAN_WRITE', invoke: 'CAN_INVOKE', admin: 'CAN_ADMIN' };

/** Emits the identities and permission edges of the document's AI-relevant roles. */
export function emitIam(ctx: EmitContext): void {
  for (const [address, facts] of collectRoles(ctx.doc)) {
    const referencedAt = ctx.roleRefs.get(address);
    if (referencedAt === undefined && !isAiRole(facts)) continue;
    const identity = roleIdentity(ctx, facts, referencedAt);
    for (const policy of facts.policies) for (const st of policy.statements) emitStatement(ctx, identity, policy, st);
  }
}

function isAiRole(f: RoleFacts): boolean {
  if (f.trust.some((s) => s.effect === 'Allow' && s.principals.some(isAiPrincipal))) return true;
  if (f.managedArns.some((arn) => managedPolicyOf(arn)?.ai === true)) return true;
  return f.policies.some((p) => p.statements.some((s) => s.effect === 'Allow' && s.actions.some(isAiAction)));
}

function roleIdentity(ctx: EmitContext, f: RoleFacts, referencedAt: number | undefined): TargetRef {
  const r = f.declared;
  const roleName = r === undefined ? undefined : literalString(ctx.doc, getFirst(r.body, ctx.doc.format === 'terraform' ? 'name' : 'role_name')?.value);
  const trusted = [...new Set(f.trust.filter((s) => s.effect === 'Allow').flatMap((s) => s.principals))].sort();
  const unread = f.policies.flatMap((p) => (p.unread === undefined ? [] : [`${p.label}: ${p.unread}`])).sort();
  const attributes: Attributes = {
    ...(r === undefined ? {} : { iacType: r.type }),
    ...(roleName === undefined ? {} : { roleName }),
    ...(trusted.length === 0 ? {} : { trustedPrincipals: trusted }),
    ...(f.managedArns.length === 0 ? {} : { managedPolicies: [...f.managedArns].sort() }),
    // Grants that exist but are not known here: no edge must not read as "may do nothing".
    ...(unread.length === 0 ? {} : { policyRefs: unread }),
  };
  const evidence = r !== undefined ? ctx.sink.evidence(r.line) : ctx.sink.evidence(referencedAt ?? f.firstLine ?? 1, 'inferred');
  return ctx.sink.asset({ kind: 'identity', key: addressKey(ctx.doc, f.address), name: f.address, provider: 'aws', nativeId: f.address, attributes, evidence: [evidence] });
}

function emitStatement(ctx: EmitContext, identity: TargetRef, policy: PolicySource, st: Statement): void {
  if (st.effect !== 'Allow') return;
  const byClass = new Map<PermissionClass, string[]>();
  for (const action of st.actions) {
    const c = classifyAction(action);
    byClass.set(c, [...(byClass.get(c) ?? []), action]);
  }
  // Allow + NotAction grants everything but the listed actions: treated as admin.
  if (st.notActions.length > 0) byClass.set('admin', byClass.get('admin') ?? []);
  const targets = new Map<string, { target: TargetRef; resources: string[] }>();
  const add = (target: TargetRef | undefined, text?: string): void => {
    if (target === undefined) return;
    const entry = targets.get(target.id) ?? { target, resources: [] };
    if (text !== undefined) entry.resources.push(text);
    targets.set(target.id, entry);
  };
  for (const item of st.resources) for (const t of permissionTargets(ctx, item, policy.line)) add(t, item.text);
  if (st.notResources.length > 0) add(wildcard(ctx, policy.line));
  for (const [cls, actions] of byClass) {
    for (const { target, resources } of targets.values()) {
      const properties: Record<string, AttributeValue> = {
        actions,
        ...(st.notActions.length > 0 && cls === 'admin' ? { notActions: [...st.notActions] } : {}),
        resources,
        ...(st.notResources.length > 0 ? { notResources: st.notResources.map((r) => r.text) } : {}),
        effect: 'Allow',
        conditions: st.conditions === undefined ? [] : [st.conditions],
        policies: [policy.label],
      };
      ctx.sink.relate(EDGE[cls], identity, target, [ctx.sink.evidence(policy.line)], properties);
    }
  }
}
