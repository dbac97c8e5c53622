/**
 * IAM policy documents → statements, from every way IaC writes them: a JSON-shaped object
 * (`jsonencode({...})`, CloudFormation `PolicyDocument`), a JSON string or heredoc (with
 * `${...}` references kept), `data "aws_iam_policy_document"` blocks (statement/condition/
 * principals blocks, `source_policy_documents`; declared in this file or another `.tf` file of the
 * module), or a reference to an `aws_iam_policy` of the file. `file()`/`templatefile()` documents
 * are not read.
 */
import type { AttributeValue } from '../../model/index.ts';
import { literalString, lookupResource, resolveValue, shownValue, type IacDocument, type IacResource } from './document.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import { expandTemplates } from './terraform.ts';
import { asItems, getAll, getFirst, isExpr, isMap, refsIn, textOf, toAttribute, type IacMap, type IacValue } from './value.ts';

export interface ResourceItem {
  /** As written: a literal ARN, `${aws_s3_bucket.docs.arn}/*`, `!GetAtt Kb.KnowledgeBaseArn`. */
  readonly text: string;
  readonly refs: readonly string[];
}

export interface Statement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly ResourceItem[];
  readonly notResources: readonly ResourceItem[];
  readonly conditions?: AttributeValue;
  /** Principals as written (service principals, ARNs, `*`); for trust policies. */
  readonly principals: readonly string[];
}

const MAX_DEPTH = 4;

/** Statements of a policy value; empty when it cannot be read here (`readStatements` tells the two apart). */
export function statementsOf(doc: IacDocument, value: IacValue | undefined, depth = 0): Statement[] {
  return readStatements(doc, value, depth) ?? [];
}

/**
 * Statements of a policy value; undefined when it cannot be read here: a `file()` / `templatefile()`
 * document, a variable without a literal value, a data source the module does not declare, text
 * that is not JSON. Nothing written (no value, `null`) is an empty document.
 */
export function readStatements(doc: IacDocument, value: IacValue | undefined, depth = 0): Statement[] | undefined {
  if (value === undefined) return [];
  if (depth > MAX_DEPTH) return undefined;
  const v = resolveValue(doc, value);
  if (isMap(v)) return jsonStatements(v, doc);
  const text = literalString(doc, v) ?? (isExpr(v) && v.text.trim().startsWith('{') ? v.text : undefined);
  if (text !== undefined) return jsonText(doc, text);
  if (!isExpr(v)) return v === null ? [] : undefined;
  for (const ref of v.refs) {
    const res = lookupResource(doc, ref);
    if (res?.type === 'aws_iam_policy_document' && res.mode === 'data') return dataDocument(doc, res, depth);
    if (res?.type === 'aws_iam_policy' && res.mode === 'managed') return readStatements(doc, res.body.entries.get('policy')?.value, depth + 1);
  }
  return undefined;
}

function jsonText(doc: IacDocument, text: string): Statement[] | undefined {
  try {
    const parsed = parseJsonWithLines(text);
    const expanded = doc.format === 'terraform' ? expandTemplates(parsed, []) : parsed;
    return isMap(expanded) ? jsonStatements(expanded, doc) : undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}

/** `{"Statement": [...]}` / `{"Statement": {...}}`, keys in any case. */
export function jsonStatements(policy: IacMap, doc: IacDocument): Statement[] {
  return getAll(policy, 'Statement').filter((f) => isMap(f.value)).map((f) => jsonStatement(doc, f.value as IacMap));
}

/** A list or one value, each item through the module's constants (`Action = local.actions`, `var.arns`). */
function itemsOf(doc: IacDocument, v: IacValue | undefined): IacValue[] {
  return v === undefined ? [] : asItems(shownValue(doc, v)).map((i) => shownValue(doc, i));
}

function jsonStatement(doc: IacDocument, s: IacMap): Statement {
  const get = (k: string): IacValue | undefined => s.entries.get(k)?.value;
  const condition = get('condition');
  return {
    effect: textOf(get('effect') ?? 'Allow'),
    actions: itemsOf(doc, get('action')).map(textOf),
    notActions: itemsOf(doc, get('notaction')).map(textOf),
    resources: itemsOf(doc, get('resource')).map(resourceItem),
    notResources: itemsOf(doc, get('notresource')).map(resourceItem),
    ...(condition === undefined ? {} : { conditions: toAttribute(condition) }),
    principals: principalsOf(get('principal')),
  };
}

function principalsOf(p: IacValue | undefined): string[] {
  if (p === undefined) return [];
  if (!isMap(p)) return asItems(p).map(textOf);
  return [...p.entries.values()].flatMap((e) => asItems(e.value).map(textOf));
}

function resourceItem(v: IacValue): ResourceItem {
  return { text: textOf(v), refs: refsIn(v) };
}

/** `data "aws_iam_policy_document"`: statement blocks plus the documents it merges. */
function dataDocument(doc: IacDocument, res: IacResource, depth: number): Statement[] {
  const merged = ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json'].flatMap((p) =>
    getAll(res.body, p).flatMap((f) => statementsOf(doc, f.value, depth + 1)),
  );
  return [...getAll(res.body, 'statement').filter((f) => isMap(f.value)).map((f) => dataStatement(doc, f.value as IacMap)), ...merged];
}

function dataStatement(doc: IacDocument, s: IacMap): Statement {
  const list = (path: string): IacValue[] => getAll(s, path).flatMap((f) => itemsOf(doc, f.value));
  const conditions = getAll(s, 'condition').filter((f) => isMap(f.value)).map((f) => {
    const c = f.value as IacMap;
    const test = textOf(getFirst(c, 'test')?.value ?? '');
    const variable = textOf(getFirst(c, 'variable')?.value ?? '');
    return { [test]: { [variable]: getAll(c, 'values').map((v) => textOf(v.value)) } } as AttributeValue;
  });
  return {
    effect: textOf(getFirst(s, 'effect')?.value ?? 'Allow'),
    actions: list('actions').map(textOf),
    notActions: list('not_actions').map(textOf),
    resources: list('resources').map(resourceItem),
    notResources: list('not_resources').map(resourceItem),
    ...(conditions.length === 0 ? {} : { conditions: conditions.length === 1 ? (conditions[0] as AttributeValue) : conditions }),
    principals: list('principals.identifiers').map(textOf),
  };
}
