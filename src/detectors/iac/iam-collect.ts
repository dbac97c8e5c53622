/**
 * IAM roles of a document and every policy attached to them in the same file: inline policies on
 * the role, role-policy resources, policy attachments (customer policies of the file or AWS
 * managed policies by ARN), `managed_policy_arns`. Terraform and CloudFormation differ only in
 * type names and property paths, so both are described by the tables below.
 * Sources: terraform-provider-aws docs (iam_role, iam_role_policy, iam_role_policy_attachment,
 * iam_policy_attachment, iam_role_policy_attachments_exclusive); CloudFormation AWS::IAM::Role,
 * AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::RolePolicy.
 */
import { managedPolicyOf } from './iam-catalog.ts';
import { literalString, lookupResource, resolveValue, shownValue, typeOfAddress, type IacDocument, type IacResource } from './document.ts';
import { readStatements, statementsOf, type Statement } from './policy-doc.ts';
import { getAll, getFirst, isExpr, textOf, type Found, type IacValue } from './value.ts';

export interface PolicySource {
  /** Where the grant comes from: a policy address, `<role>.inline_policy[name]`, a managed policy ARN. */
  readonly label: string;
  readonly line: number;
  readonly statements: readonly Statement[];
  /** The document as written when it cannot be read here (`file("policy.json")`, `var.policy`): its grants are unknown, not absent. */
  readonly unread?: string;
}

export interface RoleFacts {
  readonly address: string;
  declared?: IacResource;
  trust: Statement[];
  readonly policies: PolicySource[];
  /** Managed policy ARNs attached, as written (known or not). */
  readonly managedArns: string[];
  /** Line of the first attachment, for roles declared in another file. */
  firstLine?: number;
}

interface RoleShape { readonly type: string; readonly name: string; readonly trust: string; readonly inline: string; readonly inlineName: string; readonly inlineDoc: string; readonly managed: string }
interface AttachShape { readonly type: string; readonly roles: string; readonly doc?: string; readonly arns?: string }

const ROLE_SHAPES: readonly RoleShape[] = [
  { type: 'aws_iam_role', name: 'name', trust: 'assume_role_policy', inline: 'inline_policy', inlineName: 'name', inlineDoc: 'policy', managed: 'managed_policy_arns' },
  { type: 'AWS::IAM::Role', name: 'role_name', trust: 'assume_role_policy_document', inline: 'policies', inlineName: 'policy_name', inlineDoc: 'policy_document', managed: 'managed_policy_arns' },
];

const ATTACH_SHAPES: readonly AttachShape[] = [
  { type: 'aws_iam_role_policy', roles: 'role', doc: 'policy' },
  { type: 'aws_iam_role_policy_attachment', roles: 'role', arns: 'policy_arn' },
  { type: 'aws_iam_policy_attachment', roles: 'roles', arns: 'policy_arn' },
  { type: 'aws_iam_role_policy_attachments_exclusive', roles: 'role_name', arns: 'policy_arns' },
  { type: 'AWS::IAM::Policy', roles: 'roles', doc: 'policy_document' },
  { type: 'AWS::IAM::ManagedPolicy', roles: 'roles', doc: 'policy_document' },
  { type: 'AWS::IAM::RolePolicy', roles: 'role_name', doc: 'policy_document' },
];

const ROLE_TYPES = new Set(ROLE_SHAPES.map((s) => s.type));

/** Roles declared in or attached to by this document, with their policies. */
export function collectRoles(doc: IacDocument): Map<string, RoleFacts> {
  const roles = new Map<string, RoleFacts>();
  const facts = (address: string): RoleFacts => {
    let f = roles.get(address);
    if (f === undefined) roles.set(address, (f = { address, trust: [], policies: [], managedArns: [] }));
    return f;
  };
  for (const r of doc.resources) {
    const role = ROLE_SHAPES.find((s) => s.type === r.type);
    if (role !== undefined) readRole(doc, r, role, facts(r.address));
    const attach = ATTACH_SHAPES.find((s) => s.type === r.type);
    if (attach === undefined) continue;
    for (const target of getAll(r.body, attach.roles).flatMap((f) => roleAddresses(doc, f))) {
      const f = facts(target);
      f.firstLine ??= r.line;
      if (attach.doc !== undefined) addPolicy(f, policySource(doc, r.address, r.line, getFirst(r.body, attach.doc)?.value));
      if (attach.arns !== undefined) for (const arn of getAll(r.body, attach.arns)) attachArn(doc, f, arn);
    }
  }
  return roles;
}

function readRole(doc: IacDocument, r: IacResource, shape: RoleShape, f: RoleFacts): void {
  f.declared = r;
  f.trust = statementsOf(doc, getFirst(r.body, shape.trust)?.value);
  for (const inline of getAll(r.body, shape.inline)) {
    const name = literalString(doc, getFirst(inline.value, shape.inlineName)?.value) ?? String(inline.line);
    addPolicy(f, policySource(doc, `${r.address}.${shape.inline}[${name}]`, inline.line, getFirst(inline.value, shape.inlineDoc)?.value));
  }
  for (const arn of getAll(r.body, shape.managed)) attachArn(doc, f, arn);
}

/** Longest document text kept as written for an unread policy (a heredoc with `%{}` directives can be long). */
const MAX_UNREAD = 200;

/** A policy document attached as `label`: its statements, or the value as written when it cannot be read here. */
function policySource(doc: IacDocument, label: string, line: number, value: IacValue | undefined): PolicySource {
  const statements = readStatements(doc, value);
  if (statements !== undefined || value === undefined) return { label, line, statements: statements ?? [] };
  const text = textOf(shownValue(doc, value));
  return { label, line, statements: [], unread: text.length > MAX_UNREAD ? `${text.slice(0, MAX_UNREAD - 1)}…` : text };
}

function addPolicy(f: RoleFacts, p: PolicySource): void {
  if (!f.policies.some((x) => x.label === p.label)) f.policies.push(p);
}

/** A policy ARN: a customer policy of this file (by reference), or an AWS managed policy (also through a `data "aws_iam_policy"`). */
function attachArn(doc: IacDocument, f: RoleFacts, found: Found): void {
  const v = resolveValue(doc, found.value);
  const declared = isExpr(v) ? v.refs.map((ref) => lookupResource(doc, ref)).filter((res) => res !== undefined) : [];
  const own = declared.find((res) => (res.type === 'aws_iam_policy' && res.mode === 'managed') || res.type === 'AWS::IAM::ManagedPolicy');
  if (own !== undefined) {
    const docPath = own.type === 'aws_iam_policy' ? 'policy' : 'policy_document';
    addPolicy(f, policySource(doc, own.address, own.line, getFirst(own.body, docPath)?.value));
    return;
  }
  const lookup = declared.find((res) => res.type === 'aws_iam_policy' && res.mode === 'data');
  const raw = (lookup === undefined ? undefined : lookedUpArn(doc, lookup)) ?? literalString(doc, v) ?? textOf(v);
  const arn = raw.startsWith('!Sub ') ? raw.slice(5) : raw;
  if (!f.managedArns.includes(arn)) f.managedArns.push(arn);
  const managed = managedPolicyOf(arn);
  if (managed === undefined) return;
  const statements: Statement[] = managed.statements.map((s) => ({
    effect: 'Allow', actions: s.actions ?? [], notActions: s.notActions ?? [], resources: s.resources.map((text) => ({ text, refs: [] })), notResources: [], principals: [],
  }));
  addPolicy(f, { label: arn, line: found.line, statements });
}

/**
 * The ARN a `data "aws_iam_policy"` looks up: its `arn` as written, or the AWS managed policy its
 * `name` names. The data source searches customer and AWS managed policies alike, so only a name the
 * catalog knows as AWS managed is taken for one (in the `aws` partition); any other stays the reference.
 */
function lookedUpArn(doc: IacDocument, lookup: IacResource): string | undefined {
  const arn = getFirst(lookup.body, 'arn')?.value;
  if (arn !== undefined) return literalString(doc, arn) ?? textOf(resolveValue(doc, arn));
  const name = literalString(doc, getFirst(lookup.body, 'name')?.value);
  const managed = name === undefined ? undefined : `arn:aws:iam::aws:policy/${name}`;
  return managed !== undefined && managedPolicyOf(managed) !== undefined ? managed : undefined;
}

/** Role addresses a `role`/`roles`/`RoleName` value names: references, or a declared role's literal name. */
function roleAddresses(doc: IacDocument, found: Found): string[] {
  const v = resolveValue(doc, found.value);
  if (isExpr(v)) {
    return v.refs.filter((ref) => {
      const declared = doc.byAddress.get(ref);
      return declared !== undefined ? ROLE_TYPES.has(declared.type) : doc.format === 'terraform' && typeOfAddress(ref) === 'aws_iam_role' && !ref.startsWith('data.');
    });
  }
  const name = literalString(doc, v);
  if (name === undefined) return [];
  return doc.resources.filter((r) => ROLE_SHAPES.some((s) => s.type === r.type && literalString(doc, getFirst(r.body, s.name)?.value) === name)).map((r) => r.address);
}
