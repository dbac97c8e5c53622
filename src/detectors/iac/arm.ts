/**
 * ARM templates (JSON deployment templates: `azuredeploy.json`, `mainTemplate.json`, a compiled
 * Bicep `main.json`) → format-neutral documents. Each resource is read with its ARM type (API
 * version dropped, catalog casing) and the ARM object as its body, as a Bicep resource is
 * (`bicep.ts`), so the catalog's ARM rows map both. A file is a template when its root `$schema` is
 * a deployment template schema (`deploymentTemplate.json`, `subscriptionDeploymentTemplate.json`,
 * ...); comments are allowed, as the Azure CLI allows them. Read:
 *
 * - `resources` as an array (`languageVersion` 1) or an object keyed by symbolic name (2.0);
 *   children nested in a parent's `resources` (type relative to the parent's) and children written at
 *   the top level with the full type and a `parent/child` name (the parent found wherever it is
 *   listed); `"existing": true`.
 * - Template expressions (`"[parameters('chatModel')]"`): a parameter or variable reference (with
 *   `.key`, `['key']` or `[0]` after it) stays a reference, resolved from the parameter's
 *   `defaultValue` or the variable's value with the constant as `valueFrom`; `concat`, `format`,
 *   `toLower` and `toUpper` of literals and such references are computed; anything else keeps its
 *   text and the parameters and variables it names. A name that is not all literal shows its
 *   unknown parts as written (`oai-[uniqueString(resourceGroup().id)]`).
 * - Nested deployments (`Microsoft.Resources/deployments` with an inline `properties.template`,
 *   how a compiled Bicep module is written): the inner template is a document of its own (key
 *   prefix `arm:<path>#<deployment name>`); with `expressionEvaluationOptions.scope` `inner` its
 *   parameters are the values the deployment passes (unknown where they cannot be computed), their
 *   defaults where nothing is passed; otherwise its expressions read the outer template's parameters
 *   and variables.
 *
 * A compiled Bicep file (`metadata._generator.name` `bicep`) with `.bicep` files in its folder is not
 * read: its source is one of them (`main.bicep` beside `main.json` or `azuredeploy.json`), which is
 * read, and would otherwise be reported twice.
 * `nativeId` is the symbolic name (2.0), else the resource's name as written (a child's is
 * `<parent>/<child>`; a name another resource holds already gets its type, `<type>:<name>`, AI
 * resources claiming their names first). Parameter values from the template's parameter files: `param-files.ts`.
 */
import { armType, rulesFor } from './catalog.ts';
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
 * Reads a template: `doc` is its document, `more` one per nested inline template; undefined when the
 * file's root is no template, `compiled` for a compiled Bicep file beside its sources (not read).
 */
export function readArm(path: string, content: string, siblings?: SiblingFiles): (ReadOutcome & { readonly more: readonly IacDocument[] }) | 'compiled' | undefined {
  let root: IacValue;
  try {
    // ARM templates may hold comments (Azure CLI, PowerShell and the portal accept them).
    root = parseJsonWithLines(content, 1, true);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { doc: emptyDoc(path), problems: [{ message: `invalid JSON: ${error.message}`, line: error.line }], more: [] };
  }
  if (!isMap(root) || typeof entry(root, '$schema') !== 'string' || !SCHEMA.test(entry(root, '$schema') as string)) return undefined;
  if (compiledBeside(root, siblings)) return 'compiled';
  const params = entry(root, 'parameters');
  const reader = new ArmReader(path, new LineIndex(content), parameterFileValues(path, siblings, isMap(params) ? [...params.entries.values()].map((p) => p.key) : []));
  const doc = reader.template(root, `arm:${path}`, undefined, 0);
  return { doc, problems: reader.problems, more: reader.docs.filter((d) => d !== doc) };
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
  private readonly evaluators = new Map<Scope, Evaluator>();

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
    const ev = this.evaluator(own);
    /**
     * Addresses taken (with the next number to try for a base taken already), and each resource's
     * address and full name by its type and rendered full name, lower case (ARM names are case-insensitive).
     */
    const taken = new Set<string>();
    const next = new Map<string, number>();
    const byName = new Map<string, { readonly address: string; readonly fullName: string }>();
    const claim = (base: string, type: string, fullName: string): string => {
      let address = base;
      if (taken.has(address)) {
        const key = `${type}:${base}`;
        let k = next.get(key) ?? 2;
        for (address = k === 2 ? key : `${key}#${k}`; taken.has(address); address = `${key}#${++k}`);
        next.set(key, k + 1);
      }
      taken.add(address);
      const key = `${type.toLowerCase()}\0${fullName.toLowerCase()}`;
      if (!byName.has(key)) byName.set(key, { address, fullName });
      return address;
    };
    /** A resource with its type, rendered name (its own: the last segment), address and full name, before it is read. */
    interface Placed {
      readonly r: IacMap;
      readonly type: string;
      readonly name: Rendered;
      readonly own: Rendered['segments'][number];
      readonly address: string;
      readonly fullName: string;
    }
    const place = (r: IacMap, symbol: string | undefined, parent: Placed | undefined): Placed | undefined => {
      const written = entry(r, 'type');
      if (typeof written !== 'string' || written.startsWith('[')) return undefined;
      const type = armType(written, parent?.type);
      const name = ev.name(entry(r, 'name'));
      const own = name.segments[name.segments.length - 1] as Rendered['segments'][number];
      const fullName = parent === undefined ? name.text : `${parent.fullName}/${own.text}`;
      return { r, type, name, own, fullName, address: claim(symbol ?? (parent !== undefined ? `${parent.address}/${own.text}` : name.text), type, fullName) };
    };
    const read = (placed: Placed, parent: Placed | undefined): void => {
      const { r, type, name, own: ownName, address } = placed;
      // A child: nested in its parent, or written at the top level with the full type and `parent/child`.
      const parentName = parent === undefined && name.segments.length > 1 ? name.segments.slice(0, -1).map((x) => x.text).join('/') : undefined;
      const parentType = type.includes('/') ? type.slice(0, type.lastIndexOf('/')).toLowerCase() : undefined;
      const found = parent ?? (parentName === undefined ? undefined : byName.get(`${parentType}\0${parentName.toLowerCase()}`));
      const line = r.entries.get('type')?.line ?? r.line;
      // The parent by its name (what Azure shows), referencing its resource.
      const parentRef = found !== undefined ? makeExpr(found.fullName, [found.address], line) : parentName;
      const entries: IacEntry[] = [];
      for (const e of r.entries.values()) {
        const key = e.key.toLowerCase();
        if (key === 'resources' || key === 'name') continue;
        entries.push({ ...e, value: ev.value(e.value, e.line) });
      }
      const nameLine = r.entries.get('name')?.line ?? line;
      entries.push({ key: 'name', value: ownName.literal ? ownName.text : makeExpr(ownName.text, ownName.refs, nameLine), line: nameLine });
      if (parentRef !== undefined) entries.push({ key: 'parent', value: parentRef, line });
      const resource: IacResource = { address, type, mode: entry(r, 'existing') === true ? 'data' : 'managed', body: makeMap(entries, r.line), line };
      resources.push(resource);
      byAddress.set(address, resource);
      if (type.toLowerCase() === DEPLOYMENTS) {
        const props = entry(r, 'properties');
        const inner = isMap(props) ? entry(props, 'template') : undefined;
        if (isMap(props) && isMap(inner)) nested.push([inner, props, name.text]);
      }
      const children = entry(r, 'resources');
      if (!isList(children)) return;
      for (const c of children.items) {
        const child = isMap(c) ? place(c, undefined, placed) : undefined;
        if (child !== undefined) read(child, placed);
      }
    };
    // Every top-level resource is placed before any is read: a child may be listed before its parent.
    // AI resources first, so one that shares its name with another resource keeps the name as its address whatever the order.
    const byCatalog = [...top.filter(([r]) => isCatalogType(r)), ...top.filter(([r]) => !isCatalogType(r))];
    const placedAt = new Map(byCatalog.flatMap(([r, symbol]) => { const p = place(r, symbol, undefined); return p === undefined ? [] : [[r, p] as const]; }));
    for (const [r] of top) {
      const p = placedAt.get(r);
      if (p !== undefined) read(p, undefined);
    }
    for (const [inner, props, name] of nested) {
      if (nesting + 1 > MAX_NESTING) {
        this.problems.push({ message: `nested deployments deeper than ${MAX_NESTING} levels; not read`, line: inner.line });
        break;
      }
      const options = entry(props, 'expressionEvaluationOptions');
      const innerScope = isMap(options) && String(entry(options, 'scope')).toLowerCase() === 'inner';
      const scope = innerScope ? this.scope(inner, entry(props, 'parameters'), ev) : own;
      // An outer-scope template reads the same constants: they stay computed once.
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
        if (given !== undefined && outer !== undefined) {
          // A value passed (or a Key Vault reference) always wins over the default: one this cannot compute leaves the parameter unknown.
          const givenValue = isMap(given.value) ? given.value.entries.get('value') : undefined;
          const computed = givenValue === undefined ? undefined : outer.literal(givenValue.value);
          if (givenValue !== undefined && computed !== undefined) this.set(scope, ref, computed, 'deployment parameter', givenValue.line);
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
    // Values are read once every raw value is known (a variable may name a parameter declared after
    // it), in declaration order, before any resource: each is computed once, the same whatever reads it.
    const ev = this.evaluator(scope);
    for (const [ref, raw] of scope.raw) scope.constants.set(ref, ev.value(raw, scope.origins.get(ref)?.line ?? 0));
    return scope;
  }

  /** The one evaluator of a scope: the templates that read it share its computed constants. */
  private evaluator(scope: Scope): Evaluator {
    let ev = this.evaluators.get(scope);
    if (ev === undefined) this.evaluators.set(scope, (ev = new Evaluator(scope)));
    return ev;
  }

  /** A constant written in this template. */
  private set(scope: Scope, ref: string, value: IacValue, kind: ConstantOrigin['kind'], line: number): void {
    put(scope, ref, value, { ref, kind, path: this.path, line, snippet: this.lines.lineText(line).slice(0, 1000) });
  }
}

/** A resource whose written type the catalog maps (an AI resource). */
function isCatalogType(r: IacMap): boolean {
  const written = entry(r, 'type');
  return typeof written === 'string' && rulesFor(armType(written, undefined)).length > 0;
}

function put(scope: Scope, ref: string, value: IacValue, origin: ConstantOrigin): void {
  scope.raw.set(ref, value);
  scope.declared.set(ref.toLowerCase(), ref);
  scope.origins.set(ref, origin);
}

