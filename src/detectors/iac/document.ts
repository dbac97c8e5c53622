/**
 * One IaC file read into format-neutral resources, whatever the syntax: Terraform (HCL or JSON)
 * or CloudFormation (YAML or JSON). The mapping code (`emit.ts`, `iam-*.ts`) only sees this.
 */
import { isExpr, type IacMap, type IacValue } from './value.ts';

export type IacFormat = 'terraform' | 'cloudformation';

export interface IacResource {
  /** Terraform `type.name` / `data.type.name`; CloudFormation logical id. */
  readonly address: string;
  /** Terraform resource type (`aws_bedrockagent_agent`) or CloudFormation type (`AWS::Bedrock::Agent`). */
  readonly type: string;
  readonly mode: 'managed' | 'data';
  /** Terraform block body; CloudFormation `Properties`. */
  readonly body: IacMap;
  /** Line of the block header / logical id. */
  readonly line: number;
}

export interface IacDocument {
  readonly format: IacFormat;
  /**
   * Prefix of asset keys for things that only exist inside this unit: the module folder for
   * Terraform (addresses are unique per module, across its files), the template path for
   * CloudFormation.
   */
  readonly keyPrefix: string;
  readonly resources: readonly IacResource[];
  readonly byAddress: ReadonlyMap<string, IacResource>;
  /** Variable defaults / locals (Terraform) and parameter defaults (CloudFormation) by reference. */
  readonly constants: ReadonlyMap<string, IacValue>;
}

/**
 * Follows a bare reference to a variable, local or parameter with a literal value in the same file
 * (`var.model_id` with a default, `!Ref ModelId` with a `Default`); otherwise returns the value.
 */
export function resolveValue(doc: IacDocument, value: IacValue, depth = 0): IacValue {
  if (!isExpr(value) || depth > 8 || value.refs.length !== 1) return value;
  const ref = value.refs[0] as string;
  if (value.text !== ref && value.text !== `!Ref ${ref}`) return value;
  const target = doc.constants.get(ref);
  return target === undefined ? value : resolveValue(doc, target, depth + 1);
}

/** References of an expression, plus those of the locals/variables it names (`local.cfg.name` → what `local.cfg` references). */
export function expandedRefs(doc: IacDocument, refs: readonly string[], depth = 0): string[] {
  const out = new Set(refs);
  if (depth < 3) {
    for (const ref of refs) {
      const constant = doc.constants.get(ref);
      if (isExpr(constant)) for (const r of expandedRefs(doc, constant.refs, depth + 1)) out.add(r);
    }
  }
  return [...out];
}

/** A literal string for a value (numbers count), after resolving constants; undefined otherwise. */
export function literalString(doc: IacDocument, value: IacValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = resolveValue(doc, value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Replaces `${var.x}` / `${local.x}` / `${Param}` in a template's text by literal constants of the file. */
export function substituteConstants(doc: IacDocument, text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{([^{}]{1,200})\}/g, (whole, inner: string) => {
    const value = doc.constants.get(inner.trim());
    return (value === undefined ? undefined : literalString(doc, value)) ?? whole;
  });
}

/** The Terraform resource type of an address (`aws_iam_role.x` → `aws_iam_role`; `data.t.n` → `t`). */
export function typeOfAddress(address: string): string | undefined {
  const parts = address.split('.');
  if (parts[0] === 'data') return parts[1];
  if (parts[0] === 'var' || parts[0] === 'local' || parts[0] === 'module') return undefined;
  return parts.length >= 2 ? parts[0] : undefined;
}
