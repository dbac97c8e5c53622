/**
 * The identity a resource runs as, from the value of its role attribute: an IAM role of the
 * module/template (keyed by address, named by address so every file that mentions it agrees), a
 * literal role ARN, a GCP service account (resource or e-mail) or an Azure user-assigned identity.
 * A role passed in from outside (`var.role_arn`, a template parameter) is still an identity, named
 * by that reference and marked `unresolved: true`.
 */
import type { Attributes } from '../../model/index.ts';
import { literalString, resolveValue, typeOfAddress, type IacDocument } from './document.ts';
import { addressKey, type EmitContext, type TargetRef } from './targets.ts';
import { isExpr, type IacValue } from './value.ts';

export interface IdentityDraft {
  readonly key: string;
  readonly name: string;
  readonly provider?: string;
  readonly attributes: Attributes;
  /** The IAM role's address when the role is a resource of this module/template (policies attach there). */
  readonly roleAddress?: string;
  /** Line of the identity's own declaration when it is in this file. */
  readonly declaredLine?: number;
}

/** Terraform / CloudFormation types that are identities, with their provider. */
const IDENTITY_TYPES: Readonly<Record<string, string>> = {
  aws_iam_role: 'aws',
  'AWS::IAM::Role': 'aws',
  google_service_account: 'gcp',
  azurerm_user_assigned_identity: 'azure',
  'AWS::IAM::InstanceProfile': 'aws',
};

const ROLE_ARN = /^arn:[^:]*:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/;
const SERVICE_ACCOUNT = /^[\w.-]+@[\w.-]+\.iam\.gserviceaccount\.com$/;

/** The identity a role/service-account value names, if any. */
export function identityOf(doc: IacDocument, value: IacValue): IdentityDraft | undefined {
  const literal = literalString(doc, value);
  if (literal !== undefined) return literalIdentity(literal);
  const v = resolveValue(doc, value);
  if (!isExpr(v)) return undefined;
  // A concrete role wins over the variable that may override it (`var.role_arn != null ? var.role_arn : aws_iam_role.x[0].arn`).
  const drafts = v.refs.map((ref) => refIdentity(doc, ref)).filter((d): d is IdentityDraft => d !== undefined);
  const draft = drafts.find((d) => d.attributes.unresolved !== true) ?? drafts[0];
  if (draft !== undefined) return draft;
  const text = v.text.startsWith('!Sub ') ? v.text.slice(5) : v.text;
  return ROLE_ARN.test(text) ? { key: addressKey(doc, text), name: text, provider: 'aws', attributes: {} } : undefined;
}

function literalIdentity(s: string): IdentityDraft | undefined {
  const role = ROLE_ARN.exec(s);
  if (role?.[1] !== undefined) return { key: s, name: s, provider: 'aws', attributes: { roleName: role[1] } };
  if (SERVICE_ACCOUNT.test(s)) return { key: `gcp:${s}`, name: s, provider: 'gcp', attributes: {} };
  return undefined;
}

function refIdentity(doc: IacDocument, ref: string): IdentityDraft | undefined {
  const declared = doc.byAddress.get(ref);
  if (doc.format === 'cloudformation') {
    if (declared === undefined) return unresolved(doc, ref);
    const provider = IDENTITY_TYPES[declared.type];
    return provider === undefined ? undefined : { key: addressKey(doc, ref), name: ref, provider, attributes: {}, roleAddress: ref, declaredLine: declared.line };
  }
  if (ref.startsWith('var.') || ref.startsWith('local.') || ref.startsWith('module.')) return unresolved(doc, ref);
  const type = typeOfAddress(ref);
  const provider = type === undefined ? undefined : IDENTITY_TYPES[type];
  if (provider === undefined) return undefined;
  return {
    key: addressKey(doc, ref), name: ref, provider, attributes: {},
    ...(ref.startsWith('data.') ? {} : { roleAddress: ref }), ...(declared === undefined ? {} : { declaredLine: declared.line }),
  };
}

function unresolved(doc: IacDocument, ref: string): IdentityDraft {
  return { key: addressKey(doc, ref), name: ref, ...(doc.format === 'cloudformation' ? { provider: 'aws' } : {}), attributes: { unresolved: true } };
}

/** Adds the identity asset and the `RUNS_AS` edge from `from`; remembers IAM roles for policy reading. */
export function runsAs(ctx: EmitContext, from: TargetRef, draft: IdentityDraft, line: number): void {
  const identity = ctx.sink.asset({
    kind: 'identity', key: draft.key, name: draft.name, ...(draft.provider === undefined ? {} : { provider: draft.provider }), nativeId: draft.name,
    attributes: draft.attributes,
    evidence: [ctx.sink.evidence(line, 'inferred'), ...(draft.declaredLine === undefined ? [] : [ctx.sink.evidence(draft.declaredLine)])],
  });
  ctx.sink.relate('RUNS_AS', from, identity, [ctx.sink.evidence(line)]);
  if (draft.roleAddress !== undefined && !ctx.roleRefs.has(draft.roleAddress)) ctx.roleRefs.set(draft.roleAddress, line);
}
