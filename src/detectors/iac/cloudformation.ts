/**
 * CloudFormation templates (YAML or JSON) → `IacDocument`: each `Resources` entry becomes a
 * resource addressed by its logical id (body = `Properties`, intrinsics as expressions);
 * `Parameters` defaults become constants so `!Ref ModelId` can resolve. A file is a template when
 * it has `AWSTemplateFormatVersion` or a resource whose `Type` is `AWS::...`; anything else is
 * not ours (null). YAML aliases are expanded under a node budget (CloudFormation rejects them
 * anyway), so a "billion laughs" file stops early with a problem instead of exhausting memory.
 */
import { isAlias, isMap as isYamlMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { CFN_FUNCTIONS, CFN_YAML_TAGS, intrinsics, longName } from './cfn-intrinsics.ts';
import { LineIndex } from '../shared/line-index.ts';
import type { ConstantOrigin, IacDocument, IacResource } from './document.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import type { Problem, ReadOutcome } from './terraform.ts';
import { isMap, makeMap, type IacEntry, type IacMap, type IacValue } from './value.ts';

const KNOWN_TAGS = new Set(CFN_FUNCTIONS.map((n) => `!${n}`));
/** Nodes converted per file, aliases expanded; far above any real template. */
const NODE_BUDGET = 200_000;
const MAX_FLOW_DEPTH = 200;

class BudgetExceeded extends Error {}

/** Reads a template; null when the file is not CloudFormation. */
export function readCloudFormation(path: string, content: string): ReadOutcome | null {
  const json = /^\s*[{[]/.test(content);
  const problems: Problem[] = [];
  const root = json ? readJson(content, problems) : readYaml(content, problems);
  if (!isMap(root)) return problems.length > 0 ? emptyOutcome(path, problems) : null;
  const resources = root.entries.get('resources')?.value;
  const declared = root.entries.has('awstemplateformatversion');
  const list = isMap(resources) ? resourcesOf(resources) : [];
  if (!declared && !list.some((r) => r.type.startsWith('AWS::'))) return problems.length > 0 ? emptyOutcome(path, problems) : null;
  const constants = new Map<string, IacValue>();
  const origins = new Map<string, ConstantOrigin>();
  const params = root.entries.get('parameters')?.value;
  const lines = new LineIndex(content);
  if (isMap(params)) {
    for (const p of params.entries.values()) {
      const def = isMap(p.value) ? p.value.entries.get('default') : undefined;
      if (def === undefined) continue;
      constants.set(p.key, def.value);
      origins.set(p.key, { ref: p.key, kind: 'parameter default', path, line: def.line, snippet: lines.lineText(def.line).slice(0, 1000) });
    }
  }
  const doc: IacDocument = { format: 'cloudformation', keyPrefix: `cloudformation:${path}`, resources: list, byAddress: new Map(list.map((r) => [r.address, r])), constants, origins };
  return { doc, problems };
}

function emptyOutcome(path: string, problems: Problem[]): ReadOutcome {
  return { doc: { format: 'cloudformation', keyPrefix: `cloudformation:${path}`, resources: [], byAddress: new Map(), constants: new Map(), origins: new Map() }, problems };
}

function resourcesOf(resources: IacMap): IacResource[] {
  const out: IacResource[] = [];
  for (const e of resources.entries.values()) {
    if (!isMap(e.value)) continue;
    const type = e.value.entries.get('type')?.value;
    if (typeof type !== 'string') continue;
    const props = e.value.entries.get('properties')?.value;
    const body = isMap(props) ? (intrinsics(props) as IacMap) : makeMap([], e.line);
    out.push({ address: e.key, type, mode: 'managed', body, line: e.line });
  }
  return out;
}

function readJson(content: string, problems: Problem[]): IacValue | undefined {
  try {
    return parseJsonWithLines(content);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    problems.push({ message: `invalid JSON: ${error.message}`, line: error.line });
    return undefined;
  }
}

function readYaml(content: string, problems: Problem[]): IacValue | undefined {
  const depth = flowDepth(content);
  if (depth > MAX_FLOW_DEPTH) {
    problems.push({ message: `YAML nested deeper than ${MAX_FLOW_DEPTH} levels; not read` });
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lc, customTags: [...CFN_YAML_TAGS], uniqueKeys: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) problems.push({ message: `invalid YAML: ${first.message.split('\n')[0] ?? ''}`, line: lc.linePos(first.pos[0]).line });
  const unknown = new Set<string>();
  const budget = { left: NODE_BUDGET };
  // Anchors once, up front: `Alias.resolve` searches the whole document on every call.
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node(_key, node) {
      if (isNode(node) && node.anchor !== undefined) anchors.set(node.anchor, node);
    },
  });
  try {
    return toValue(doc.contents as YamlNode | null, { anchors, lc, budget, unknown });
  } catch (error) {
    if (!(error instanceof BudgetExceeded) && !(error instanceof RangeError)) throw error;
    problems.push({ message: 'YAML expands to too many nodes (aliases?); not read' });
    return undefined;
  } finally {
    for (const tag of unknown) problems.push({ message: `unknown YAML tag ${tag}; its value was read as plain data` });
  }
}

interface Ctx {
  readonly anchors: ReadonlyMap<string, YamlNode>;
  readonly lc: LineCounter;
  readonly budget: { left: number };
  readonly unknown: Set<string>;
}

function toValue(node: YamlNode | null | undefined, ctx: Ctx, depth = 0): IacValue {
  if (--ctx.budget.left < 0 || depth > MAX_FLOW_DEPTH) throw new BudgetExceeded();
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toValue(ctx.anchors.get(node.source), ctx, depth + 1);
  const line = ctx.lc.linePos(node.range?.[0] ?? 0).line;
  let value: IacValue;
  if (isScalar(node)) value = scalar(node.value);
  else if (isSeq(node)) value = { kind: 'list', items: node.items.map((i) => toValue(i as YamlNode, ctx, depth + 1)), line };
  else if (isYamlMap(node)) {
    const entries: IacEntry[] = [];
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const keyText = isScalar(key) ? String(key.value) : '';
      entries.push({ key: keyText, value: toValue(pair.value as YamlNode | null, ctx, depth + 1), line: ctx.lc.linePos(key?.range?.[0] ?? 0).line });
    }
    value = makeMap(entries, line);
  } else return null;
  const tag = node.tag;
  if (tag === undefined || !tag.startsWith('!') || tag.startsWith('!!')) return value;
  if (!KNOWN_TAGS.has(tag)) {
    ctx.unknown.add(tag.slice(0, 60));
    return value;
  }
  return makeMap([{ key: longName(tag.slice(1)), value, line }], line);
}

function scalar(v: unknown): IacValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** Deepest `[`/`{` nesting outside quotes: a cheap guard before handing text to the YAML parser. */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\n') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) while (i < text.length && text[i] !== '\n') i++;
  }
  return max;
}
