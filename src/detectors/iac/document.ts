/**
 * One IaC file read into format-neutral resources, whatever the syntax: Terraform (HCL or JSON)
 * or CloudFormation (YAML or JSON). The mapping code (`emit.ts`, `iam-*.ts`) only sees this.
 */
import { isExpr, isList, isMap, makeExpr, normKey, type IacExpr, type IacMap, type IacValue } from './value.ts';

export type IacFormat = 'terraform' | 'cloudformation' | 'bicep' | 'arm';

export interface IacResource {
  /** Terraform `type.name` / `data.type.name`; CloudFormation logical id; Bicep symbolic name (`parent::child` when nested, `module.x`). */
  readonly address: string;
  /** Terraform resource type (`aws_bedrockagent_agent`), CloudFormation type (`AWS::Bedrock::Agent`) or ARM type of a Bicep resource (`Microsoft.CognitiveServices/accounts`). */
  readonly type: string;
  readonly mode: 'managed' | 'data';
  /** Terraform block body; CloudFormation `Properties`. */
  readonly body: IacMap;
  /** Line of the block header / logical id. */
  readonly line: number;
  /**
   * One instance of a `count` / `for_each` resource (`instances.ts`): the address as written
   * (`address` is then Terraform's instance address, `type.name["key"]` / `type.name[0]`), what
   * `each.key` / `each.value` / `count.index` stand for in it, how many elements were left out, and
   * whether it is the only one (it then keeps the key of the address as written).
   */
  readonly instance?: { readonly of: string; readonly bindings: ConstantSetView; readonly omitted: number; readonly sole: boolean };
}

/** Constants with where each is written (a module's variables and locals, an instance's bindings). */
export interface ConstantSetView {
  readonly constants: ReadonlyMap<string, IacValue>;
  readonly origins: ReadonlyMap<string, ConstantOrigin>;
}

export interface IacDocument {
  readonly format: IacFormat;
  /**
   * Prefix of asset keys for things that only exist inside this unit: the module folder for
   * Terraform (addresses are unique per module, across its files), the template path for
   * CloudFormation, the file path for Bicep (symbolic names are unique per file).
   */
  readonly keyPrefix: string;
  readonly resources: readonly IacResource[];
  readonly byAddress: ReadonlyMap<string, IacResource>;
  /**
   * Variable defaults / locals (Terraform: of the whole module, this file's first) and parameter
   * defaults (CloudFormation) by reference.
   */
  readonly constants: ReadonlyMap<string, IacValue>;
  /** Where each constant is written, for evidence and `valueFrom`. */
  readonly origins: ReadonlyMap<string, ConstantOrigin>;
  /**
   * Terraform: policy data sources (`data "aws_iam_policy_document"`, `data "aws_iam_policy"`) that
   * other files of the module declare and this file references, by address. Read for their values
   * only (their lines are in their own file); they are not resources of this document.
   */
  readonly moduleData?: ReadonlyMap<string, IacResource>;
}

/** The resource an address names: one of this document, else a policy data source of another file of the module. */
export function lookupResource(doc: IacDocument, address: string): IacResource | undefined {
  return doc.byAddress.get(address) ?? doc.moduleData?.get(address);
}

/**
 * Where a constant's value is written: `variable "x" { default = ... }`, `locals { x = ... }`, a
 * parameter `Default` (CloudFormation; a Bicep `param x string = ...`), a Bicep `var x = ...`, an auto-loaded `.tfvars` file (`x = ...` in `terraform.tfvars`), another
 * `.tfvars` file (`var file`: Terraform reads it only with `-var-file`; see `tfvars.ts`), the value an ARM
 * nested deployment passes to its template's parameter (`deployment parameter`, `arm.ts`), a Bicep or ARM
 * parameter file's value (`parameters file`, `param-files.ts`).
 */
export interface ConstantOrigin {
  /** The reference it answers (`var.model_id`, `local.name`, `ModelId`). */
  readonly ref: string;
  readonly kind: 'variable default' | 'local' | 'parameter default' | 'tfvars' | 'var file' | 'var' | 'deployment parameter' | 'parameters file';
  /** Repo-relative path of the file that declares it (this file or another file of the module). */
  readonly path: string;
  readonly line: number;
  /** The declaring line as written (evidence snippet when the file is not the one being read). */
  readonly snippet: string;
}

/** A value after following constants, with the constants it went through (empty when written in place). */
export interface Traced {
  readonly value: IacValue;
  readonly origins: readonly ConstantOrigin[];
}

/**
 * Follows a bare reference to a variable, local or parameter with a literal value in the module
 * (`var.model_id` with a default, `!Ref ModelId` with a `Default`), and renders a template whose
 * every interpolation is such a literal (`"${var.prefix}-agent"`); otherwise returns the value.
 */
export function resolveValue(doc: IacDocument, value: IacValue): IacValue {
  return traceValue(doc, value).value;
}

/** `resolveValue`, with the constants the value came from. */
export function traceValue(doc: IacDocument, value: IacValue, depth = 0): Traced {
  if (!isExpr(value) || depth > 8) return { value, origins: [] };
  if (value.template === true) return renderTemplate(doc, value, depth);
  if (value.refs.length !== 1) return { value, origins: [] };
  const ref = value.refs[0] as string;
  const steps = value.text === `!Ref ${ref}` ? [] : stepsAfter(value.text, ref);
  const target = steps === undefined ? undefined : doc.constants.get(ref);
  if (target === undefined || steps === undefined) return { value, origins: [] };
  const inner = traceValue(doc, target, depth + 1);
  const reached = steps.length === 0 ? inner.value : walk(inner.value, steps);
  // `default = null` says "no value": the reference stays as written.
  if (reached === undefined || reached === null) return { value, origins: [] };
  const origin = doc.origins.get(ref);
  return { value: reached, origins: origin === undefined ? inner.origins : [origin, ...inner.origins] };
}

/** `var.cfg.name`, `local.models["chat"]`, `var.list[0]` after `ref`: the keys and indexes; undefined for anything else. */
function stepsAfter(text: string, ref: string): (string | number)[] | undefined {
  if (!text.startsWith(ref)) return undefined;
  const steps: (string | number)[] = [];
  const step = /\.([A-Za-z_][\w-]*)|\["([^"\\$%]*)"\]|\[(\d+)\]/y;
  for (let at = ref.length; at < text.length; at = step.lastIndex) {
    step.lastIndex = at;
    const m = step.exec(text);
    if (m === null) return undefined;
    steps.push(m[3] !== undefined ? Number(m[3]) : ((m[1] ?? m[2]) as string));
  }
  return steps;
}

/** Follows keys and indexes into a literal map or list. */
function walk(v: IacValue, steps: readonly (string | number)[]): IacValue | undefined {
  let current: IacValue | undefined = v;
  for (const s of steps) {
    if (isMap(current) && typeof s === 'string') current = current.entries.get(normKey(s))?.value;
    else if (isList(current) && typeof s === 'number') current = current.items[s];
    else return undefined;
  }
  return current;
}

/** True for a literal: a non-null scalar, or a list/map of literals. */
export function isLiteral(v: IacValue, depth = 0): boolean {
  if (v === null || depth > 20) return false;
  if (typeof v !== 'object') return true;
  if (v.kind === 'expr') return false;
  const children = v.kind === 'list' ? v.items : [...v.entries.values()].map((e) => e.value);
  return children.every((c) => isLiteral(c, depth + 1));
}

/** What to show for a value: its resolved literal, else the value as written (`var.x`, not what a local computes). */
export function shownValue(doc: IacDocument, value: IacValue): IacValue {
  const v = resolveValue(doc, value);
  return isLiteral(v) ? v : value;
}

/** What `${inner}` holds: `var.x`, `local.m["k"]`, a CloudFormation parameter name. */
function traceInterpolation(doc: IacDocument, inner: string, depth: number): Traced {
  const text = inner.trim();
  const ref = /^(?:(?:var|local)\.[A-Za-z_][\w-]*|each\.(?:key|value)\b|count\.index\b)/.exec(text)?.[0] ?? text;
  return traceValue(doc, makeExpr(text, [ref], 0), depth);
}

const INTERPOLATION = /\$\{([^{}]{1,200})\}/g;

/**
 * Replaces each `${inner}` of `text` whose value traces to a literal (strings and numbers; booleans
 * too when `booleans`) by that literal; `complete` says whether every interpolation was replaced.
 */
function substituteLiterals(doc: IacDocument, text: string, depth: number, booleans: boolean): { text: string; origins: ConstantOrigin[]; complete: boolean } {
  const origins: ConstantOrigin[] = [];
  let complete = true;
  const out = text.replace(INTERPOLATION, (whole, inner: string) => {
    const traced = traceInterpolation(doc, inner, depth);
    const v = traced.value;
    if (typeof v !== 'string' && typeof v !== 'number' && !(booleans && typeof v === 'boolean')) {
      complete = false;
      return whole;
    }
    origins.push(...traced.origins);
    return String(v);
  });
  return { text: out, origins, complete };
}

/** A template of literal text and `${ref}`s: a string when every ref is a literal constant. */
function renderTemplate(doc: IacDocument, value: IacExpr, depth: number): Traced {
  const sub = value.text.startsWith('!Sub ');
  const template = sub ? value.text.slice(5) : value.text;
  // Escapes (`$${`, `\n`; `${!Literal}` in a `!Sub`) would need unescaping first: such templates stay as written.
  if (/%\{|\$\$\{|\\/.test(template) || (sub && template.includes('${!'))) return { value, origins: [] };
  const { text, origins, complete } = substituteLiterals(doc, template, depth + 1, true);
  // An interpolation the pattern cannot take (`${f({...})}`) is left in the text: not rendered then.
  return complete && !text.includes('${') ? { value: text, origins } : { value, origins: [] };
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

/** Replaces `${var.x}` / `${local.x}` / `${Param}` in a template's text by literal constants of the module. */
export function substituteConstants(doc: IacDocument, text: string): string {
  return substituteTraced(doc, text).value as string;
}

/** `substituteConstants`, with the constants it used. */
export function substituteTraced(doc: IacDocument, text: string): Traced {
  if (!text.includes('${')) return { value: text, origins: [] };
  const { text: value, origins } = substituteLiterals(doc, text, 0, false);
  return { value, origins };
}

/** The Terraform resource type of an address (`aws_iam_role.x` → `aws_iam_role`; `data.t.n` → `t`). */
export function typeOfAddress(address: string): string | undefined {
  const parts = address.split('.');
  if (parts[0] === 'data') return parts[1];
  if (parts[0] === 'var' || parts[0] === 'local' || parts[0] === 'module') return undefined;
  return parts.length >= 2 ? parts[0] : undefined;
}
