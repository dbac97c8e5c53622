/**
 * Terraform files → `IacDocument`: `resource` and `data` blocks become resources addressed like
 * Terraform does (`type.name`, `data.type.name`), `module` calls resources of type `module`; `variable` defaults and `locals` become
 * constants so `var.model_id` can resolve, also from another file of the module (the folder's
 * other `.tf` files, read on demand through `SourceFile.siblings`), overridden by its `.tfvars` files. Native syntax (`.tf`) goes through the
 * HCL parser; JSON syntax (`.tf.json`, CDKTF output) through the JSON reader, with `${...}`
 * strings parsed as HCL templates. Modules are not followed (each module folder stands alone).
 */
import { LineIndex } from '../shared/line-index.ts';
import type { SiblingFiles } from '../types.ts';
import type { BodyItem } from './hcl-ast.ts';
import { bodyToMap, toValue } from './hcl-convert.ts';
import { HclSyntaxError } from './hcl-lexer.ts';
import { parseHcl } from './hcl-parser.ts';
import { parseTemplate } from './hcl-template.ts';
import type { ConstantOrigin, IacDocument, IacResource } from './document.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import { moduleTfvars } from './tfvars.ts';
import { isList, isMap, makeMap, refsIn, type IacMap, type IacValue } from './value.ts';

export interface Problem {
  readonly message: string;
  readonly line?: number;
}

export interface ReadOutcome {
  readonly doc: IacDocument;
  readonly problems: readonly Problem[];
}

function keyPrefix(path: string): string {
  const slash = path.lastIndexOf('/');
  return `terraform:${slash === -1 ? '.' : path.slice(0, slash)}`;
}

/** Variable defaults and locals, with where each is written. */
interface ConstantSet {
  readonly constants: Map<string, IacValue>;
  readonly origins: Map<string, ConstantOrigin>;
}

function emptySet(): ConstantSet {
  return { constants: new Map(), origins: new Map() };
}

function makeDocument(path: string, resources: IacResource[], set: ConstantSet): IacDocument {
  return { format: 'terraform', keyPrefix: keyPrefix(path), resources, byAddress: new Map(resources.map((r) => [r.address, r])), constants: set.constants, origins: set.origins };
}

function addConstant(set: ConstantSet, origin: Omit<ConstantOrigin, 'snippet'>, value: IacValue, lines: LineIndex): void {
  if (set.constants.has(origin.ref)) return;
  set.constants.set(origin.ref, value);
  set.origins.set(origin.ref, { ...origin, snippet: lines.lineText(origin.line).slice(0, 1000) });
}

/** Reads a `.tf` file. Blocks before a syntax error are kept; the error is a problem. */
export function readTerraformHcl(path: string, content: string): ReadOutcome {
  const parsed = parseHcl(content);
  const resources: IacResource[] = [];
  const set = emptySet();
  for (const item of parsed.body) {
    if (item.type !== 'block') continue;
    const [first, second] = item.labels;
    if ((item.blockType === 'resource' || item.blockType === 'data') && first !== undefined && second !== undefined) {
      const mode = item.blockType === 'resource' ? 'managed' : 'data';
      const address = mode === 'managed' ? `${first}.${second}` : `data.${first}.${second}`;
      resources.push({ address, type: first, mode, body: bodyToMap(content, item.body, item.line), line: item.line });
    } else if (item.blockType === 'module' && first !== undefined) {
      // A module call: its inputs may name models (`foundation_model = "anthropic..."`), see module-inputs.ts.
      resources.push({ address: `module.${first}`, type: 'module', mode: 'managed', body: bodyToMap(content, item.body, item.line), line: item.line });
    }
  }
  hclConstants(path, content, parsed.body, set);
  const problems = parsed.error === undefined ? [] : [{ message: `invalid HCL: ${parsed.error.message}`, line: parsed.error.line }];
  return { doc: makeDocument(path, resources, set), problems };
}

/** `variable` defaults and `locals` of a parsed body. */
function hclConstants(path: string, content: string, body: readonly BodyItem[], set: ConstantSet): void {
  const lines = new LineIndex(content);
  for (const item of body) {
    if (item.type !== 'block') continue;
    const name = item.labels[0];
    if (item.blockType === 'variable' && name !== undefined) {
      const def = item.body.find((b) => b.type === 'attribute' && b.name === 'default');
      if (def?.type === 'attribute') addConstant(set, { ref: `var.${name}`, kind: 'variable default', path, line: def.line }, toValue(content, def.expr), lines);
    } else if (item.blockType === 'locals') {
      for (const a of item.body) if (a.type === 'attribute') addConstant(set, { ref: `local.${a.name}`, kind: 'local', path, line: a.line }, toValue(content, a.expr), lines);
    }
  }
}

/** Reads a `.tf.json` file (Terraform JSON configuration syntax). */
export function readTerraformJson(path: string, content: string): ReadOutcome {
  let root: IacValue;
  try {
    root = parseJsonWithLines(content);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { doc: makeDocument(path, [], emptySet()), problems: [{ message: `invalid JSON: ${error.message}`, line: error.line }] };
    throw error;
  }
  const resources: IacResource[] = [];
  const set = emptySet();
  const problems: Problem[] = [];
  const expr = (v: IacValue): IacValue => expandTemplates(v, problems);
  for (const [mode, key] of [['managed', 'resource'], ['data', 'data']] as const) {
    for (const type of entriesOf(field(root, key))) {
      for (const name of entriesOf(type.value)) {
        const address = mode === 'managed' ? `${type.key}.${name.key}` : `data.${type.key}.${name.key}`;
        const map = firstMap(name.value);
        if (map) resources.push({ address, type: type.key, mode, body: expr(map) as IacMap, line: name.line });
      }
    }
  }
  for (const call of entriesOf(field(root, 'module'))) {
    const map = firstMap(call.value);
    if (map) resources.push({ address: `module.${call.key}`, type: 'module', mode: 'managed', body: expr(map) as IacMap, line: call.line });
  }
  jsonConstants(path, content, root, set, expr);
  return { doc: makeDocument(path, resources, set), problems };
}

function jsonConstants(path: string, content: string, root: IacValue, set: ConstantSet, expr: (v: IacValue) => IacValue): void {
  const lines = new LineIndex(content);
  for (const decl of entriesOf(field(root, 'variable'))) {
    const def = firstMap(decl.value)?.entries.get('default');
    if (def !== undefined) addConstant(set, { ref: `var.${decl.key}`, kind: 'variable default', path, line: def.line }, expr(def.value), lines);
  }
  for (const l of entriesOf(firstMap(field(root, 'locals')))) addConstant(set, { ref: `local.${l.key}`, kind: 'local', path, line: l.line }, expr(l.value), lines);
}

const DECLARES_CONSTANTS = /\b(?:variable|locals)\b/;
/** Data sources a policy may be read from (`policy = data.aws_iam_policy_document.x.json`, `policy_arn = data.aws_iam_policy.x.arn`). */
const POLICY_DATA_TYPES = new Set(['aws_iam_policy_document', 'aws_iam_policy']);
const POLICY_DATA_REF = /^data\.aws_iam_policy(?:_document)?\./;

/** What one sibling file declares that another file of the module may need. */
interface SiblingDeclarations {
  readonly constants: ReadonlyMap<string, IacValue>;
  readonly origins: ReadonlyMap<string, ConstantOrigin>;
  /** Its policy data sources by address. */
  readonly data: ReadonlyMap<string, IacResource>;
}

const NOTHING: SiblingDeclarations = { constants: new Map(), origins: new Map(), data: new Map() };

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
}

function terraformSiblings(siblings: SiblingFiles): string[] {
  return siblings.names().filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
}

/**
 * What a sibling declares. Every file of the module asks for the same siblings: each is read and
 * parsed once per folder, and only what it declares is kept, not its text.
 */
function siblingDeclarations(folder: string, name: string, siblings: SiblingFiles): SiblingDeclarations {
  return siblings.memo(`iac:terraform-declarations:${name}`, () => readSibling(folder + name, siblings.read(name)));
}

/**
 * Adds the variable defaults and locals the other files of the module declare (Terraform reads a
 * folder as one module), when the file references one it does not declare itself, then the values
 * the folder's `.tfvars` files give (`tfvars.ts`), which win over defaults. Siblings that do not
 * parse contribute what was read before the error; their own scan reports it.
 */
export function withModuleConstants(doc: IacDocument, path: string, siblings: SiblingFiles | undefined): IacDocument {
  if (siblings === undefined) return doc;
  const folder = folderOf(path);
  const tfvars = siblings.names().some((n) => n.endsWith('.tfvars') || n.endsWith('.tfvars.json')) ? moduleTfvars(folder, siblings) : undefined;
  const set = siblingDefaults(doc, folder, siblings);
  if (tfvars === undefined) return set === undefined ? doc : { ...doc, constants: set.constants, origins: set.origins };
  // Values the variable files set override defaults; `-var-file` candidates fill only what nothing else gives.
  const out: ConstantSet = set ?? { constants: new Map(doc.constants), origins: new Map(doc.origins) };
  for (const [ref, value] of tfvars.auto.constants) out.constants.set(ref, value);
  for (const [ref, origin] of tfvars.auto.origins) out.origins.set(ref, origin);
  for (const [ref, value] of tfvars.varFiles.constants) {
    const origin = tfvars.varFiles.origins.get(ref);
    if (out.constants.has(ref) || origin === undefined) continue;
    out.constants.set(ref, value);
    out.origins.set(ref, origin);
  }
  return { ...doc, constants: out.constants, origins: out.origins };
}

/** The module's other files' defaults and locals the document needs, added to its own (undefined: none needed). */
function siblingDefaults(doc: IacDocument, folder: string, siblings: SiblingFiles): ConstantSet | undefined {
  const data = [...(doc.moduleData?.values() ?? [])].map((r) => r.body);
  let missing = missingNames([...doc.resources.map((r) => r.body), ...data, ...doc.constants.values()], doc.constants);
  if (missing.length === 0) return undefined;
  const set: ConstantSet = { constants: new Map(doc.constants), origins: new Map(doc.origins) };
  const terraform = terraformSiblings(siblings);
  // A local found in one file may name a variable of another: a few rounds reach them.
  for (let round = 0; round < 4 && missing.length > 0; round++) {
    const added: IacValue[] = [];
    for (const name of terraform) {
      const declared = siblingDeclarations(folder, name, siblings);
      if (!missing.some((m) => declared.constants.has(`var.${m}`) || declared.constants.has(`local.${m}`))) continue;
      for (const [ref, value] of declared.constants) {
        const origin = declared.origins.get(ref);
        if (set.constants.has(ref) || origin === undefined) continue;
        set.constants.set(ref, value);
        set.origins.set(ref, origin);
        added.push(value);
      }
    }
    missing = missingNames(added, set.constants);
  }
  return set;
}

/** Names (`model_id`) of the `var.`/`local.` references in the values that `constants` does not hold. */
function missingNames(values: readonly IacValue[], constants: ReadonlyMap<string, IacValue>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    for (const ref of refsIn(v)) if ((ref.startsWith('var.') || ref.startsWith('local.')) && !constants.has(ref)) out.add(ref.slice(ref.indexOf('.') + 1));
  }
  return [...out];
}

/**
 * Adds the policy data sources other files of the module declare that this file references
 * (modules keep roles in `iam.tf` and their documents in `data.tf`). A document may merge one
 * declared in yet another file (`source_policy_documents`): a few rounds reach it. Run before
 * `withModuleConstants`, so the variables those documents name are looked up too.
 */
export function withModuleData(doc: IacDocument, path: string, siblings: SiblingFiles | undefined): IacDocument {
  if (siblings === undefined) return doc;
  const found = new Map<string, IacResource>();
  let missing = missingData(doc, [...doc.resources.map((r) => r.body), ...doc.constants.values()], found);
  const folder = folderOf(path);
  const terraform = missing.length === 0 ? [] : terraformSiblings(siblings);
  for (let round = 0; round < 4 && missing.length > 0; round++) {
    const added: IacValue[] = [];
    for (const name of terraform) {
      const declared = siblingDeclarations(folder, name, siblings).data;
      for (const ref of missing) {
        const r = declared.get(ref);
        if (r === undefined || found.has(ref)) continue;
        found.set(ref, r);
        added.push(r.body);
      }
    }
    missing = missingData(doc, added, found);
  }
  return found.size === 0 ? doc : { ...doc, moduleData: found };
}

/** Policy data sources the values reference that neither the document nor `found` holds. */
function missingData(doc: IacDocument, values: readonly IacValue[], found: ReadonlyMap<string, IacResource>): string[] {
  const out = new Set<string>();
  for (const v of values) for (const ref of refsIn(v)) if (POLICY_DATA_REF.test(ref) && !doc.byAddress.has(ref) && !found.has(ref)) out.add(ref);
  return [...out];
}

/**
 * The variable defaults, locals and policy data sources one sibling declares; nothing when it
 * cannot be read or parsed, whatever the failure (too deep, invalid): a broken neighbour costs its
 * own declarations, never the results of the file being scanned (the sibling reports its own
 * problem when it is scanned).
 */
function readSibling(path: string, content: string | undefined): SiblingDeclarations {
  if (content === undefined || !(DECLARES_CONSTANTS.test(content) || content.includes('aws_iam_policy'))) return NOTHING;
  try {
    const { doc } = path.endsWith('.tf.json') ? readTerraformJson(path, content) : readTerraformHcl(path, content);
    const data = doc.resources.filter((r) => r.mode === 'data' && POLICY_DATA_TYPES.has(r.type));
    return { constants: doc.constants, origins: doc.origins, data: new Map(data.map((r) => [r.address, r])) };
  } catch {
    return NOTHING;
  }
}


function field(v: IacValue | undefined, key: string): IacValue | undefined {
  return isMap(v) ? v.entries.get(key)?.value : undefined;
}

function entriesOf(v: IacValue | undefined): { key: string; value: IacValue; line: number }[] {
  return isMap(v) ? [...v.entries.values()] : [];
}

function firstMap(v: IacValue | undefined): IacMap | undefined {
  if (isMap(v)) return v;
  return isList(v) ? v.items.find(isMap) : undefined;
}

/** Strings holding `${...}` become template expressions (Terraform JSON "expression mode", heredoc JSON policies). */
export function expandTemplates(v: IacValue, problems: Problem[], depth = 0): IacValue {
  if (typeof v === 'string') return v.includes('${') ? templateOf(v, problems) : v;
  if (typeof v !== 'object' || v === null || v.kind === 'expr' || depth > 100) return v;
  if (v.kind === 'list') return { kind: 'list', items: v.items.map((i) => expandTemplates(i, problems, depth + 1)), line: v.line };
  return makeMap([...v.entries.values()].map((e) => ({ ...e, value: expandTemplates(e.value, problems, depth + 1) })), v.line);
}

function templateOf(text: string, problems: Problem[]): IacValue {
  try {
    return toValue(text, parseTemplate(text, { type: 'heredoc', value: '', start: 0, end: text.length, line: 1 }, 0));
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    problems.push({ message: `invalid template expression: ${error.message}` });
    return text;
  }
}
