/**
 * Model ids in AI code. Two tiers keep false alarms out:
 * - **model positions** (an argument of a provider function such as `openai('…')`, or a `model`
 *   property of an object passed to an AI SDK call): any string that `looksLikeModelId`;
 * - **anywhere else** in a file that imports an AI package (constants, arrays, maps, `model:`
 *   properties of objects not seen reaching an AI call, arguments of a helper named for models such
 *   as `getModel('gpt-4o', 'openai')`): only `matchKnownModel` hits, inferred (a `<known org>/<name>`
 *   that does not look like a model, `'facebook/react'`, only under a `model` key, a constant named for
 *   models or in a model helper's arguments); never a constant whose
 *   name says its models are kept out (`VSCODE_LM_STATIC_BLACKLIST`, `unsupportedModelIds`)
 *   or priced and sized (`MODEL_PRICING`, `contextWindows`: a price or size table of any length).
 * Files without an AI import get only a model catalog (`detectModelCatalog`) and model settings read
 * from the environment with a catalog id as fallback (`detectEnvModels`), so `model: 'User'` in
 * an ORM file yields nothing; files importing only MCP SDKs only constants named for models (unless they name an AI API host themselves).
 */
import type { Node, ObjectExpression } from '@babel/types';
import { packageProvider } from '../shared/ai-packages.ts';
import { isBareName, isListedModel, isModelHelper, isModelRegistry, isSampleHolder, looksLikeModelId, matchKnownModel, MAX_REGISTRY_IDS, MODEL_HOLDER, modelProvider, namesModel, prefixedProvider, type IdPosition } from '../shared/model-ids.ts';
import { namesModelsNotInUse } from '../shared/model-holders.ts';
import { matchUrlRow } from '../endpoints/find.ts';
import { BASE_URL_OPTIONS, MODEL_FUNCTIONS, MODEL_METHODS, MODEL_PROPERTIES } from './catalog.ts';
import type { ResolvedString } from './constants.ts';
import { envFallback, isEnvObject } from './env.ts';
import { isObjectFreeze, literalLeaves, literalString, unwrap } from './literals.ts';
import type { Context } from './context.ts';
import type { Origin } from './origins.ts';
import { keyName } from './walk.ts';

/** How a model id was referenced (`sources` attribute). */
type ModelSource = 'call-argument' | 'model-property' | 'constant' | 'from-pretrained';

interface Position {
  readonly arg: Node;
  readonly source: ModelSource;
  /** The argument was reached through a constant (a request object held in a variable). */
  readonly indirect?: boolean;
  /** Provider to assume when the id itself does not tell (the provider package called). */
  readonly fallbackProvider?: string;
}

/**
 * Detects model ids; see the module comment for the two tiers. `mcpOnly`: the file's only AI
 * imports are MCP SDKs, which call no model; there only constants whose name says model or LLM
 * word for word (`DEFAULT_MODEL`, not `WithModelHints`, not sample data) hold ids a program uses.
 */
export function detectModels(ctx: Context, mcpOnly = false): void {
  const reported = new Set<Node>();
  if (mcpOnly) {
    for (const decl of ctx.facts.declarations) {
      if (!decl.init || !namesModel(decl.name) || isSampleHolder(decl.name)) continue;
      for (const leaf of literalLeaves(decl.init)) reportKnown(ctx, leaf, 'constant', reported, { position: 'model-named' });
    }
    detectEnvModels(ctx, true, reported);
    return;
  }
  for (const call of ctx.facts.calls) {
    for (const position of modelPositions(ctx, call)) {
      for (const s of ctx.resolver.strings(position.arg)) {
        const indirect = s.indirect || position.indirect === true;
        if (looksLikeModelId(s.value)) report(ctx, { ...s, indirect }, position.source, reported, position.fallbackProvider);
      }
    }
  }
  for (const prop of ctx.facts.modelProperties) {
    // `{ model = 'gpt-4o' }` in a destructuring pattern: the default is the id.
    reportKnown(ctx, prop.value.type === 'AssignmentPattern' ? prop.value.right : prop.value, 'model-property', reported, { position: 'model-named' });
  }
  for (const decl of ctx.facts.declarations) {
    // A list of models kept out (`VSCODE_LM_STATIC_BLACKLIST`, `unsupportedModels`) names models the program avoids;
    // a price or context-window table (`MODEL_COSTS`, `CONTEXT_WINDOWS`) models it can price or size.
    if (!decl.init || namesModelsNotInUse(decl.name)) continue;
    // A bare family name (`const MISTRAL = 'mistral'`) counts when the constant's name says model.
    const holdsModel = MODEL_HOLDER.test(decl.name);
    const leaves = literalLeaves(decl.init);
    // A registry (a context-window or price table of the whole market) is what the code knows, not what it uses.
    if (isModelRegistry(leaves.map(literalString))) continue;
    // Any `<known org>/<name>` only under a name that says it holds models word for word (`DEFAULT_MODEL`, not `MODEL_ROUTES`).
    for (const leaf of leaves) reportKnown(ctx, leaf, 'constant', reported, { bareOk: holdsModel, position: namesModel(decl.name) ? 'model-named' : 'anywhere' });
  }
  detectEnvModels(ctx, false, reported);
  for (const call of ctx.facts.calls) {
    // A helper whose name says model or LLM (`getModel('gpt-4o-mini', 'openai')`, a wrapper around the
    // provider from another file): its literal arguments that are known ids.
    if ((call.type === 'CallExpression' || call.type === 'OptionalCallExpression' || call.type === 'NewExpression') && isModelHelper(calleeName(call.callee) ?? '')) {
      for (const arg of call.arguments) reportKnown(ctx, arg, 'call-argument', reported, { position: 'model-named' });
    }
  }
}

/** The name a call goes by: `f` in `f(...)`, `m` in `a.b.m(...)`. */
function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/**
 * The fallbacks of environment lookups given to a name (`env.ts`: `const model = <env>.MODEL ||
 * 'gpt-4o'`, `chatModel: import.meta.env.VITE_MODEL ?? '…'`, `this.llm = Deno.env.get('LLM') ?? '…'`,
 * `const { OPENAI_MODEL = '…' } = <env>`), as the Python detector reads `os.getenv("M", "gpt-4o")`.
 * In AI code (`strict` false) a fallback counts like any constant's value: a known id, any
 * `<known org>/<name>` when the name or the variable says model. Elsewhere (`strict`: a file importing
 * no AI package, or only MCP SDKs) only when the name assigned or the variable read says model
 * (`namesModel`; neither a kept-out list nor a sample) and the fallback is a catalog id with a stem
 * (`isListedModel`, which the pre-check's `quotesListedModel` sees): a settings module holding the
 * app's default model. Reported as `constant`, inferred.
 */
export function detectEnvModels(ctx: Context, strict: boolean, reported: Set<Node> = new Set()): void {
  const found: Array<{ names: readonly string[]; values: readonly Node[] }> = [];
  for (const { name, value } of ctx.facts.fallbacks) {
    const env = envFallback(value);
    if (env !== undefined && env.values.length > 0) found.push({ names: [name, ...env.names], values: env.values });
  }
  for (const { pattern, init } of ctx.facts.destructures) {
    if (!isEnvObject(init)) continue;
    for (const prop of pattern.properties) {
      const variable = prop.type === 'ObjectProperty' && !prop.computed ? keyName(prop.key) : undefined;
      if (variable === undefined || prop.type !== 'ObjectProperty' || prop.value.type !== 'AssignmentPattern') continue;
      const local = prop.value.left.type === 'Identifier' ? [prop.value.left.name] : [];
      if (literalString(prop.value.right) !== undefined) found.push({ names: [...local, variable], values: [prop.value.right] });
    }
  }
  for (const { names, values } of found) {
    if (names.some((n) => namesModelsNotInUse(n) || (strict && isSampleHolder(n)))) continue;
    const modelNamed = names.some(namesModel);
    if (strict && !modelNamed) continue;
    for (const leaf of values) {
      const value = literalString(leaf) ?? '';
      if (strict) {
        if (!reported.has(leaf) && isListedModel(value)) report(ctx, { value, node: leaf, indirect: true }, 'constant', reported);
      } else {
        reportKnown(ctx, leaf, 'constant', reported, { bareOk: names.some((n) => MODEL_HOLDER.test(n)), position: modelNamed ? 'model-named' : 'anywhere' });
      }
    }
  }
}

/** Generated files (`catalog.generated.ts`, `// @generated`, "DO NOT EDIT") are registries, not choices. */
const GENERATED_PATH = /(?:^|[/._-])generated(?:[/._-]|$)/i;
const GENERATED_HEAD = /@generated|auto-?generated|do not edit/i;

/**
 * A model catalog in a file that imports no AI package (`chatModels = [{ id: 'anthropic/claude-…' }]`
 * with `DEFAULT_CHAT_MODEL`; `const GPT4o: LLM = { modelId: 'gpt-4o' }` beside `GPT4Turbo`): ids
 * `isListedModel` takes, in constants whose name or type says model or LLM (not sample data). The
 * file must hold a model descriptor (such a constant that is an object, or a list of objects,
 * holding an id), and then its plain model constants count too (`DEFAULT_CHAT_MODEL`); and two or
 * more different ids: one `DEFAULT_MODEL = 'gpt-4'` or a plain `LEGACY_MODELS` list next to no AI
 * code may be a label or data about models, and objects passed to calls are some other API's arguments.
 * Generated files and files with more than MAX_REGISTRY_IDS ids are registries and left out.
 */
export function detectModelCatalog(ctx: Context, reported: Set<Node> = new Set()): void {
  if (GENERATED_PATH.test(ctx.file.path) || GENERATED_HEAD.test(ctx.file.content.slice(0, 1024))) return;
  const leaves: Node[] = [];
  let descriptors = false;
  for (const decl of ctx.facts.declarations) {
    if (decl.init === undefined || isSampleHolder(decl.name) || namesModelsNotInUse(decl.name) || !(MODEL_HOLDER.test(decl.name) || MODEL_HOLDER.test(decl.typeName ?? ''))) continue;
    const ids = literalLeaves(decl.init).filter((leaf) => isListedModel(literalString(leaf) ?? ''));
    leaves.push(...ids);
    if (ids.length > 0 && describesModels(decl.init)) descriptors = true;
  }
  const distinct = new Set(leaves.map((leaf) => literalString(leaf)?.trim().toLowerCase())).size;
  if (!descriptors || distinct < 2 || distinct > MAX_REGISTRY_IDS) return;
  for (const leaf of leaves) reportKnown(ctx, leaf, 'constant', reported, { bareOk: false });
}

/** An object, a list of objects, or either frozen: the shape of a model descriptor (catalog entry). */
function describesModels(init: Node): boolean {
  const n = unwrap(init);
  if (isObjectFreeze(n) && n.arguments[0] !== undefined) return describesModels(n.arguments[0]);
  return n.type === 'ObjectExpression' || (n.type === 'ArrayExpression' && n.elements.some((e) => e !== null && unwrap(e).type === 'ObjectExpression'));
}

/** The argument nodes of a call that hold a model id. */
function modelPositions(ctx: Context, call: Node): Position[] {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression') return [];
  const callee = ctx.origins.of(call.callee);
  if (!callee) return [];
  const args = call.arguments;
  const positions: Position[] = [];
  const at = (index: number, source: ModelSource, origin: Origin) => {
    const arg = args[index];
    if (arg && arg.type !== 'SpreadElement' && arg.type !== 'ArgumentPlaceholder') positions.push({ arg, source, ...fallback(ctx, origin) });
  };
  if (call.type !== 'NewExpression') {
    if (callee.role === 'provider') at(0, 'call-argument', callee);
    const fn = callee.role === 'module' ? MODEL_FUNCTIONS.find((row) => row.packages.includes(callee.binding.import.packageName) && row.names.some((n) => callee.names.includes(n))) : undefined;
    if (fn) at(fn.argIndex, 'call-argument', callee);
    const method = methodPosition(ctx, call.callee);
    if (method) at(0, method.source, method.receiver);
  }
  for (const arg of args) {
    if (arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') continue;
    const obj = ctx.resolver.object(arg);
    if (obj) positions.push(...propertyPositions(ctx, obj.node, obj.indirect, callee, 0));
  }
  return positions;
}

const MODEL_PROPERTY_NAMES = MODEL_PROPERTIES.map((p) => p.name);
/** How deep inline option objects are searched (`config.audio.input.transcription.model`). */
const MAX_NESTING = 4;

/** `model`-like properties of an object passed to an AI call, and of option objects nested inline in it. */
function propertyPositions(ctx: Context, obj: ObjectExpression, indirect: boolean, callee: Origin, depth: number): Position[] {
  const positions: Position[] = [];
  for (const name of MODEL_PROPERTY_NAMES) {
    const value = ctx.resolver.propertyTarget(obj, name);
    if (value) positions.push({ arg: value.node, source: 'model-property', indirect: indirect || value.indirect, ...fallback(ctx, callee) });
  }
  if (depth >= MAX_NESTING) return positions;
  for (const prop of obj.properties) {
    if (prop.type !== 'ObjectProperty' || MODEL_PROPERTY_NAMES.includes(keyName(prop.key) ?? '')) continue;
    const value = unwrap(prop.value);
    const nested = value.type === 'ArrayExpression' ? value.elements.map((el) => (el ? unwrap(el) : undefined)) : [value];
    for (const inner of nested) {
      if (inner?.type === 'ObjectExpression') positions.push(...propertyPositions(ctx, inner, indirect, callee, depth + 1));
    }
  }
  return positions;
}

/** `provider.chat('id')`, `AutoModel.from_pretrained('id')`, `replicate.run('id')`. */
function methodPosition(ctx: Context, callee: Node): { source: ModelSource; receiver: Origin } | undefined {
  if ((callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') || callee.computed) return undefined;
  const method = keyName(callee.property);
  const receiver = method === undefined ? undefined : ctx.origins.of(callee.object);
  if (!receiver || method === undefined) return undefined;
  const row = MODEL_METHODS.find((r) => r.methods.includes(method)
    && (r.on === 'provider' ? receiver.role === 'provider' : r.packages.includes(receiver.binding.import.packageName)));
  if (!row) return undefined;
  return { source: method === 'from_pretrained' ? 'from-pretrained' : 'call-argument', receiver };
}

/**
 * The provider of ids the catalog does not know, called through `origin`: the vendor of the API host
 * its client was given (`new OpenAI({ baseURL: 'https://api.deepseek.com' })` → `deepseek`; a
 * gateway host its gateway, `openrouter`, as a gateway's own provider package gives), else the
 * provider package's vendor when the package is a provider SDK (not a framework like `ai`). A
 * client given the hosts of two vendors (`fast ? groqUrl : deepseekUrl`) names none; a base URL
 * read at run time or an unknown host leaves the package's.
 */
function fallback(ctx: Context, origin: Origin): { fallbackProvider?: string } {
  const { pkg, packageName } = origin.binding.import;
  const own = pkg.category !== 'llm-provider' && !packageName.startsWith('@ai-sdk/') ? undefined : packageProvider(pkg, packageName);
  const urls = origin.made === undefined ? [] : baseUrls(ctx, origin.made);
  const providers = new Set(urls.map((url) => matchUrlRow(url)?.provider ?? own));
  const provider = providers.size === 0 ? own : providers.size === 1 ? [...providers][0] : undefined;
  return provider === undefined ? {} : { fallbackProvider: provider };
}

/** The literal base URLs a client's options give (`BASE_URL_OPTIONS`), read once per constructor call. */
const madeUrls = new WeakMap<Node, readonly string[]>();

function baseUrls(ctx: Context, made: Node): readonly string[] {
  const known = madeUrls.get(made);
  if (known !== undefined) return known;
  const urls: string[] = [];
  const first = (made.type === 'CallExpression' || made.type === 'OptionalCallExpression' || made.type === 'NewExpression') ? made.arguments[0] : undefined;
  const options = first === undefined || first.type === 'SpreadElement' || first.type === 'ArgumentPlaceholder' ? undefined : ctx.resolver.object(first)?.node;
  for (const { path } of options === undefined ? [] : BASE_URL_OPTIONS) {
    let at: Node | undefined = options;
    for (const key of path) {
      const obj: ObjectExpression | undefined = at === undefined ? undefined : ctx.resolver.object(at)?.node;
      at = obj === undefined ? undefined : ctx.resolver.property(obj, key);
    }
    if (at !== undefined) urls.push(...ctx.resolver.strings(at).map((s) => s.value));
  }
  madeUrls.set(made, urls);
  return urls;
}


/**
 * Reports a literal the catalog knows. `bareOk`: a bare family name (`mistral`) counts; `position`:
 * `model-named` where the code names a model, so any `<known org>/<name>` counts (`matchKnownModel`).
 */
function reportKnown(ctx: Context, node: Node, source: ModelSource, reported: Set<Node>, opts: { bareOk?: boolean; position?: IdPosition } = {}): void {
  const value = literalString(node);
  if (value === undefined || reported.has(node) || !matchKnownModel(value, opts.position)) return;
  if (opts.bareOk === false && isBareName(value)) return;
  report(ctx, { value, node, indirect: true }, source, reported);
}

function report(ctx: Context, s: ResolvedString, source: ModelSource, reported: Set<Node>, fallbackProvider?: string): void {
  reported.add(s.node);
  const id = s.value.trim();
  const provider = modelProvider(id) ?? prefixedProvider(id) ?? fallbackProvider;
  ctx.found.add({
    kind: 'model',
    key: id.toLowerCase(),
    name: id,
    ...(provider === undefined ? {} : { provider }),
    attributes: { sources: [source] },
    evidence: ctx.evidence(s.node, 'call-site', s.indirect ? 'inferred' : 'declared'),
  });
}
