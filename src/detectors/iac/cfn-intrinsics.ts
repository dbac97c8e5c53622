/**
 * CloudFormation intrinsic functions, in both spellings: the YAML short tags (`!Ref`, `!GetAtt`,
 * `!Sub`, ...) registered as custom tags so parsing never fails on them, and the JSON/long form
 * (`{"Ref": X}`, `{"Fn::GetAtt": [X, Arn]}`). Each becomes an `IacExpr` whose text is a compact
 * rendering (`!GetAtt Role.Arn`, `!Sub arn:aws:s3:::${Bucket}/*`) and whose refs are the logical
 * ids or parameters it names (pseudo parameters `AWS::*` excluded). Nothing is evaluated; a `!Join`
 * of literals and references is rewritten as the `!Sub` it equals.
 * Source: AWS CloudFormation User Guide, "Intrinsic function reference".
 */
import type { CollectionTag, ScalarTag } from 'yaml';
import { isExpr, isList, isMap, makeExpr, makeMap, normKey, refsIn, textOf, type IacValue } from './value.ts';

/** Short-form function names (`!Name`); `Ref` and `Condition` have no `Fn::` prefix. */
export const CFN_FUNCTIONS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'FindInMap', 'ImportValue', 'Base64', 'Equals', 'Not', 'And', 'Or',
  'Split', 'GetAZs', 'Cidr', 'Length', 'ToJsonString', 'Transform', 'ForEach',
] as const;

/** Long-form key of a short tag name (`GetAtt` → `Fn::GetAtt`). */
export function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** Custom YAML tags for every short form, as scalar, sequence and mapping. */
export const CFN_YAML_TAGS: readonly (ScalarTag | CollectionTag)[] = CFN_FUNCTIONS.flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s } satisfies ScalarTag,
  { tag: `!${n}`, collection: 'seq' } as CollectionTag,
  { tag: `!${n}`, collection: 'map' } as CollectionTag,
]);

const PSEUDO = /^AWS::/;

/** Converts intrinsic-function maps anywhere in a value into expressions (depth-bounded). */
export function intrinsics(v: IacValue, depth = 0): IacValue {
  if (typeof v !== 'object' || v === null || v.kind === 'expr' || depth > 100) return v;
  if (v.kind === 'list') return { kind: 'list', items: v.items.map((i) => intrinsics(i, depth + 1)), line: v.line };
  const only = v.entries.size === 1 ? [...v.entries.values()][0] : undefined;
  if (only !== undefined && (only.key === 'Ref' || only.key.startsWith('Fn::'))) return fn(only.key, intrinsics(only.value, depth + 1), v.line);
  return makeMap([...v.entries.values()].map((e) => ({ ...e, value: intrinsics(e.value, depth + 1) })), v.line);
}

function fn(key: string, arg: IacValue, line: number): IacValue {
  const name = key === 'Ref' ? 'Ref' : key.slice(4);
  if (name === 'Ref' && typeof arg === 'string') return makeExpr(`!Ref ${arg}`, PSEUDO.test(arg) ? [] : [arg], line);
  if (name === 'GetAtt') {
    const parts = typeof arg === 'string' ? arg.split('.') : isList(arg) ? arg.items.map((i) => textOf(i)) : [textOf(arg)];
    const target = parts[0] ?? '';
    return makeExpr(`!GetAtt ${parts.join('.')}`, target === '' ? [] : [target], line);
  }
  if (name === 'Sub') return sub(arg, line);
  if (name === 'Join') return join(arg, line) ?? makeExpr(`!Join ${render(arg)}`, refsIn(arg), line);
  if (name === 'If' && isList(arg)) return makeExpr(`!If ${render(arg)}`, arg.items.slice(1).flatMap((i) => refsIn(i)), line);
  return makeExpr(`!${name} ${render(arg)}`, refsIn(arg), line);
}

/** `!Sub "text ${Name} ${Res.Attr} ${!Literal}"`, or `[text, {Var: value}]`. */
function sub(arg: IacValue, line: number): IacValue {
  const template = typeof arg === 'string' ? arg : isList(arg) && typeof arg.items[0] === 'string' ? arg.items[0] : undefined;
  if (template === undefined) return makeExpr(`!Sub ${render(arg)}`, refsIn(arg), line);
  const vars = isList(arg) && isMap(arg.items[1]) ? arg.items[1] : undefined;
  const refs = new Set<string>(vars === undefined ? [] : refsIn(vars));
  for (const m of template.matchAll(/\$\{([^!}][^}]*)\}/g)) {
    const name = (m[1] as string).trim().split('.')[0] as string;
    if (!PSEUDO.test(name) && !vars?.entries.has(normKey(name))) refs.add(name);
  }
  // Without a variables map it is a template of parameters `resolveValue` may render; with one, the
  // names stand for the map's values, which the text no longer holds.
  return makeExpr(`!Sub ${template}`, refs, line, vars === undefined);
}

/**
 * `!Join [delimiter, [parts]]` whose parts are literals, `Ref`s and `GetAtt`s (what CDK writes for
 * every ARN: `["arn:", {"Ref": "AWS::Partition"}, ":bedrock:", ...]`) is the `!Sub` with `${Name}` /
 * `${Res.Attr}` in their place, and reads as one: model ids, ARN targets and pseudo parameters are
 * then found as in any `!Sub`. Anything else (a nested function, a literal holding `${`, which `!Sub`
 * would read as a placeholder) stays a `!Join` as written.
 */
function join(arg: IacValue, line: number): IacValue | undefined {
  if (!isList(arg) || arg.items.length !== 2) return undefined;
  const [delimiter, parts] = arg.items;
  if (typeof delimiter !== 'string' || !isList(parts)) return undefined;
  const texts: string[] = [];
  for (const part of parts.items) {
    if (typeof part === 'string' || typeof part === 'number') {
      if (String(part).includes('${')) return undefined;
      texts.push(String(part));
      continue;
    }
    const m = isExpr(part) ? /^!(?:Ref|GetAtt) ([\w:.-]+)$/.exec(part.text) : null;
    if (m === null) return undefined;
    texts.push(`\${${m[1] as string}}`);
  }
  if (delimiter.includes('${')) return undefined;
  return sub(texts.join(delimiter), line);
}

function render(v: IacValue): string {
  const text = textOf(v);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
