/**
 * Terraform files → `IacDocument`: `resource` and `data` blocks become resources addressed like
 * Terraform does (`type.name`, `data.type.name`); `variable` defaults and `locals` become
 * constants so `var.model_id` can resolve inside the file. Native syntax (`.tf`) goes through the
 * HCL parser; JSON syntax (`.tf.json`, CDKTF output) through the JSON reader, with `${...}`
 * strings parsed as HCL templates. Modules are not followed (each module folder stands alone).
 */
import type { BodyItem } from './hcl-ast.ts';
import { bodyToMap, toValue } from './hcl-convert.ts';
import { HclSyntaxError } from './hcl-lexer.ts';
import { parseHcl } from './hcl-parser.ts';
import { parseTemplate } from './hcl-template.ts';
import type { IacDocument, IacResource } from './document.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import { isList, isMap, makeMap, type IacMap, type IacValue } from './value.ts';

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

function makeDocument(path: string, resources: IacResource[], constants: Map<string, IacValue>): IacDocument {
  return { format: 'terraform', keyPrefix: keyPrefix(path), resources, byAddress: new Map(resources.map((r) => [r.address, r])), constants };
}

/** Reads a `.tf` file. Blocks before a syntax error are kept; the error is a problem. */
export function readTerraformHcl(path: string, content: string): ReadOutcome {
  const parsed = parseHcl(content);
  const resources: IacResource[] = [];
  const constants = new Map<string, IacValue>();
  for (const item of parsed.body) {
    if (item.type !== 'block') continue;
    const [first, second] = item.labels;
    if ((item.blockType === 'resource' || item.blockType === 'data') && first !== undefined && second !== undefined) {
      const mode = item.blockType === 'resource' ? 'managed' : 'data';
      const address = mode === 'managed' ? `${first}.${second}` : `data.${first}.${second}`;
      resources.push({ address, type: first, mode, body: bodyToMap(content, item.body, item.line), line: item.line });
    } else if (item.blockType === 'variable' && first !== undefined) {
      const def = defaultOf(content, item.body);
      if (def !== undefined) constants.set(`var.${first}`, def);
    } else if (item.blockType === 'locals') {
      for (const a of item.body) if (a.type === 'attribute') constants.set(`local.${a.name}`, toValue(content, a.expr));
    }
  }
  const problems = parsed.error === undefined ? [] : [{ message: `invalid HCL: ${parsed.error.message}`, line: parsed.error.line }];
  return { doc: makeDocument(path, resources, constants), problems };
}

function defaultOf(src: string, body: readonly BodyItem[]): IacValue | undefined {
  const def = body.find((b) => b.type === 'attribute' && b.name === 'default');
  return def?.type === 'attribute' ? toValue(src, def.expr) : undefined;
}

/** Reads a `.tf.json` file (Terraform JSON configuration syntax). */
export function readTerraformJson(path: string, content: string): ReadOutcome {
  let root: IacValue;
  try {
    root = parseJsonWithLines(content);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { doc: makeDocument(path, [], new Map()), problems: [{ message: `invalid JSON: ${error.message}`, line: error.line }] };
    throw error;
  }
  const resources: IacResource[] = [];
  const constants = new Map<string, IacValue>();
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
  for (const decl of entriesOf(field(root, 'variable'))) {
    const def = field(firstMap(decl.value), 'default');
    if (def !== undefined) constants.set(`var.${decl.key}`, expr(def));
  }
  for (const l of entriesOf(firstMap(field(root, 'locals')))) constants.set(`local.${l.key}`, expr(l.value));
  return { doc: makeDocument(path, resources, constants), problems };
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
