/**
 * ARM templates (JSON deployment templates: `azuredeploy.json`, `mainTemplate.json`, a compiled
 * Bicep `main.json`) → format-neutral documents. Each resource is read with its ARM type (API
 * version dropped, catalog casing) and the ARM object as its body, as a Bicep resource is
 * (`bicep.ts`), so the catalog's ARM rows map both. A file is a template when its root `$schema` is
 * a deployment template schema (`deploymentTemplate.json`, `subscriptionDeploymentTemplate.json`,
 * ...). Read:
 *
 * - `resources` as an array (`languageVersion` 1) or an object keyed by symbolic name (2.0);
 *   children nested in a parent's `resources` (type relative to the parent's) and children written at
 *   the top level with the full type and a `parent/child` name; `"existing": true`.
 * - Template expressions (`"[parameters('chatModel')]"`): a parameter or variable reference (with
 *   `.key`, `['key']` or `[0]` after it) stays a reference, resolved from the parameter's
 *   `defaultValue` or the variable's value with the constant as `valueFrom`; `concat`, `format`,
 *   `toLower` and `toUpper` of literals and such references are computed; anything else keeps its
 *   text and the parameters and variables it names. A name that is not all literal shows its
 *   unknown parts as written (`oai-[uniqueString(resourceGroup().id)]`).
 * - Nested deployments (`Microsoft.Resources/deployments` with an inline `properties.template`,
 *   how a compiled Bicep module is written): the inner template is a document of its own (key
 *   prefix `arm:<path>#<deployment name>`); with `expressionEvaluationOptions.scope` `inner` its
 *   parameters are the values the deployment passes where they are literal, else their defaults;
 *   otherwise its expressions read the outer template's parameters and variables.
 *
 * A compiled Bicep file (`metadata._generator.name` `bicep`) with `.bicep` files in its folder is not
 * read: its source is one of them (`main.bicep` beside `main.json` or `azuredeploy.json`), which is
 * read, and would otherwise be reported twice.
 * `nativeId` is the symbolic name (2.0), else the resource's name as written (a child's is
 * `<parent>/<child>`).
 */
import { armType } from './catalog.ts';
import type { ConstantOrigin, IacDocument, IacResource } from './document.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import { LineIndex } from '../shared/line-index.ts';
import type { SiblingFiles } from '../types.ts';
import type { Problem, ReadOutcome } from './terraform.ts';
import { Evaluator, type Rendered, type Scope } from './arm-expressions.ts';
import { parameterFileValues, type ParamValue } from './param-files.ts';
import { isList, isMap, makeExpr, makeMap, normKey, type IacEntry, type IacMap, type IacValue } from './value.ts';

/** A deployment template's `$schema` (resource group, subscription, management group or tenant scope). */
const SCHEMA = /DeploymentTemplate\.json#?$/i;
/** Nested deployments read at most this deep. */
const MAX_NESTING = 8;
const DEPLOYMENTS = 'microsoft.resources/deployments';

/**
 * Reads a template: null when the file is not one (or is a compiled Bicep file beside its source).
 * `doc` is the template's document, `more` one per nested inline template.
 */
export function readArm(path: string, content: string, siblings?: SiblingFiles): (ReadOutcome & { readonly more: readonly IacDocument[] }) | null {
  let root: IacValue;
  try {
    root = parseJsonWithLines(content);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { doc: emptyDoc(path), problems: [{ message: `invalid JSON: ${error.message}`, line: error.line }], more: [] };
  }
  if (!isMap(root) || typeof entry(root, '$schema') !== 'string' || !SCHEMA.test(entry(root, '$schema') as string)) return null;
  if (compiledBeside(root, siblings)) return null;
  const params = entry(root, 'parameters');
  const reader = new ArmReader(path, new LineIndex(content), parameterFileValues(path, siblings, isMap(params) ? [...params.entries.values()].map((p) => p.key) : []));
  const outer = reader.template(root, `arm:${path}`, undefined, 0);
  const [first, ...more] = reader.docs;
  return { doc: first ?? outer, problems: reader.problems, more };
}

function emptyDoc(path: string): IacDocument {
  return { format: 'arm', keyPrefix: `arm:${path}`, resources: [], byAddress: new Map(), constants: new Map(), origins: new Map() };
}

function entry(map: IacMap, key: string): IacValue | undefined {
  return map.entries.get(normKey(key))?.value;
}

/**
 * A compiled Bicep template with Bicep files beside it: its source is one of them (`main.bicep` →
 * `main.json` in azd templates, `main.bicep` → `azuredeploy.json` in Azure quickstarts).
 */
function compiledBeside(root: IacMap, siblings: SiblingFiles | undefined): boolean {
  const metadata = entry(root, 'metadata');
  const generator = isMap(metadata) ? entry(metadata, '_generator') : undefined;
  if (!isMap(generator) || entry(generator, 'name') !== 'bicep' || siblings === undefined) return false;
  return siblings.names().some((n) => n.toLowerCase().endsWith('.bicep'));
}

class ArmReader {
  readonly docs: IacDocument[] = [];
  readonly problems: Problem[] = [];
  private readonly path: string;
  private readonly lines: LineIndex;
  /** What the template's parameter file gives its parameters (the top-level template's only). */
  private readonly fileValues: ReadonlyMap<string, ParamValue>;

  constructor(path: string, lines: LineIndex, fileValues: ReadonlyMap<string, ParamValue>) {
    this.path = path;
    this.lines = lines;
    this.fileValues = fileValues;
  }

  /**
   * One template into a document (pushed to `docs` before its nested templates'); `scope`: the
   * parameters and variables its expressions read when not its own (a nested template in the outer scope).
   */
  template(root: IacMap, keyPrefix: string, scope: Scope | undefined, nesting: number): IacDocument {
    const own = scope ?? this.scope(root, undefined, undefined);
    const resources: IacResource[] = [];
    const byAddress = new Map<string, IacResource>();
    const doc: IacDocument = { format: 'arm', keyPrefix, resources, byAddress, constants: own.constants, origins: own.origins };
    this.docs.push(doc);
    const nested: [IacMap, IacMap, string][] = [];
    const list = entry(root, 'resources');
    const top: [IacMap, string | undefined][] = isList(list)
      ? list.items.flatMap((item): [IacMap, string | undefined][] => (isMap(item) ? [[item, undefined]] : []))
      : isMap(list)
        ? [...list.entries.values()].flatMap((e): [IacMap, string | undefined][] => (isMap(e.value) ? [[e.value, e.key]] : []))
        : [];
    const ev = new Evaluator(own);
    /** Each resource's name as rendered, a child's with its parent's (`account/deployment`), and resources by type and that name. */
    const fullNames = new Map<IacResource, string>();
    const byName = new Map<string, IacResource>();
    const read = (r: IacMap, symbol: string | undefined, parent: IacResource | undefined): void => {
      const written = entry(r, 'type');
      if (typeof written !== 'string' || written.startsWith('[')) return;
      const type = armType(written, parent?.type);
      const name = ev.name(entry(r, 'name'));
      // A child: nested in its parent, or written at the top level with the full type and `parent/child`.
      const ownName = name.segments[name.segments.length - 1] as Rendered['segments'][number];
      const parentName = parent === undefined && name.segments.length > 1 ? name.segments.slice(0, -1).map((s) => s.text).join('/') : undefined;
      const parentType = type.includes('/') ? type.slice(0, type.lastIndexOf('/')).toLowerCase() : undefined;
      const parentOf = parent ?? (parentName === undefined ? undefined : byName.get(`${parentType}\0${parentName}`));
      const base = symbol ?? (parent !== undefined ? `${parent.address}/${ownName.text}` : name.text);
      const address = byAddress.has(base) ? `${type}:${base}` : base;
      const line = r.entries.get('type')?.line ?? r.line;
      const parentRef = parentOf !== undefined ? makeExpr(parentOf.address, [parentOf.address], line) : parentName;
      const entries: IacEntry[] = [];
      for (const e of r.entries.values()) {
        const key = e.key.toLowerCase();
        if (key === 'resources' || key === 'name') continue;
        entries.push({ ...e, value: ev.value(e.value, e.line) });
      }
      entries.push({ key: 'name', value: ownName.literal ? ownName.text : makeExpr(ownName.text, ownName.refs, r.entries.get('name')?.line ?? line), line: r.entries.get('name')?.line ?? line });
      if (parentRef !== undefined) entries.push({ key: 'parent', value: parentRef, line });
      const resource: IacResource = { address, type, mode: entry(r, 'existing') === true ? 'data' : 'managed', body: makeMap(entries, r.line), line };
      resources.push(resource);
      const fullName = parent === undefined ? name.text : `${fullNames.get(parent) ?? parent.address}/${ownName.text}`;
      fullNames.set(resource, fullName);
      if (!byName.has(`${type.toLowerCase()}\0${fullName}`)) byName.set(`${type.toLowerCase()}\0${fullName}`, resource);
      byAddress.set(address, resource);
      if (type.toLowerCase() === DEPLOYMENTS) {
        const props = entry(r, 'properties');
        const inner = isMap(props) ? entry(props, 'template') : undefined;
        if (isMap(props) && isMap(inner)) nested.push([inner, props, name.text]);
      }
      const children = entry(r, 'resources');
      if (isList(children)) for (const c of children.items) if (isMap(c)) read(c, undefined, resource);
    };
    for (const [r, symbol] of top) read(r, symbol, undefined);
    for (const [inner, props, name] of nested) {
      if (nesting + 1 > MAX_NESTING) {
        this.problems.push({ message: `nested deployments deeper than ${MAX_NESTING} levels; not read`, line: inner.line });
        break;
      }
      const options = entry(props, 'expressionEvaluationOptions');
      const innerScope = isMap(options) && String(entry(options, 'scope')).toLowerCase() === 'inner';
      const scope = innerScope ? this.scope(inner, entry(props, 'parameters'), ev) : own;
      this.template(inner, `${keyPrefix}#${name}`, scope, nesting + 1);
    }
    return doc;
  }

  /**
   * A template's parameters (their `defaultValue`, or, for a nested template, the literal value the
   * deployment passes) and variables, keyed by reference text.
   */
  private scope(root: IacMap, passed: IacValue | undefined, outer: Evaluator | undefined): Scope {
    const scope: Scope = { raw: new Map(), declared: new Map(), constants: new Map(), origins: new Map() };
    const params = entry(root, 'parameters');
    if (isMap(params)) {
      for (const p of params.entries.values()) {
        const ref = `parameters('${p.key}')`;
        scope.declared.set(ref.toLowerCase(), ref);
        const given = isMap(passed) ? passed.entries.get(normKey(p.key)) : undefined;
        const givenValue = given !== undefined && isMap(given.value) ? given.value.entries.get('value') : undefined;
        const computed = givenValue !== undefined && outer !== undefined ? outer.literal(givenValue.value) : undefined;
        if (givenValue !== undefined && computed !== undefined) {
          this.set(scope, ref, computed, 'deployment parameter', givenValue.line);
          continue;
        }
        const fromFile = passed === undefined && outer === undefined ? this.fileValues.get(p.key) : undefined;
        if (fromFile !== undefined) {
          put(scope, ref, fromFile.value, { ...fromFile.origin, ref });
          continue;
        }
        const def = isMap(p.value) ? p.value.entries.get('defaultvalue') : undefined;
        if (def !== undefined) this.set(scope, ref, def.value, 'parameter default', def.line);
      }
    }
    const vars = entry(root, 'variables');
    if (isMap(vars)) for (const v of vars.entries.values()) this.set(scope, `variables('${v.key}')`, v.value, 'var', v.line);
    // Values are read once every raw value is known: a variable may name a parameter declared after it.
    const ev = new Evaluator(scope);
    for (const [ref, raw] of scope.raw) scope.constants.set(ref, ev.value(raw, scope.origins.get(ref)?.line ?? 0));
    return scope;
  }

  /** A constant written in this template. */
  private set(scope: Scope, ref: string, value: IacValue, kind: ConstantOrigin['kind'], line: number): void {
    put(scope, ref, value, { ref, kind, path: this.path, line, snippet: this.lines.lineText(line).slice(0, 1000) });
  }
}

function put(scope: Scope, ref: string, value: IacValue, origin: ConstantOrigin): void {
  scope.raw.set(ref, value);
  scope.declared.set(ref.toLowerCase(), ref);
  scope.origins.set(ref, origin);
}

