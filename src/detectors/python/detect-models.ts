/**
 * `model` assets in files that import an AI package (elsewhere only model settings, `detectModels`):
 * - model positions: `model=`-style keywords (MODEL_KEYWORDS), catalog calls (MODEL_CALLS:
 *   `from_pretrained("x")`, `SentenceTransformer("x")`, ...), `{"model": "x"}` dict entries;
 *   the value may be a literal or reached through a constant, a constant list/dict member or an
 *   `os.getenv` default (then `inferred`);
 * - other string constants (assignments of literals, lists, dicts, environment lookups' defaults) and
 *   the arguments of a helper named for models (`get_model("gpt-4o")`) only when `matchKnownModel` hits
 *   (on the id, or on a `provider:model` id's part after the colon).
 * How strict a model position is depends on the callee: into an AI package any id-shaped string
 * counts; into another import (`migrations.AddField(model_name="user")`) only known ids; an
 * unresolved receiver needs a known id or an id-like shape (a digit and a `-`, `/`, `:` or `.`).
 */
import {
  isBareName, isListedPrefixedModel, isModelHelper, isModelRegistry, isSampleHolder, knownPrefixedModel, looksLikeModelId, MODEL_HOLDER, modelProvider, namesModel,
  PROVIDER_PREFIXED,
} from '../shared/model-ids.ts';
import { namesModelsNotInUse, namesPredicate } from '../shared/model-holders.ts';
import { findPythonModule } from '../shared/python-modules.ts';
import { hostProvider } from './base-url.ts';
import { ENV_DEFAULT_CALLS, MODEL_CALLS, MODEL_KEYWORDS, type ModelCall } from './catalog.ts';
import type { Context } from './context.ts';
import type { CallExpr, Expr } from './expressions.ts';
import { inPackage, lastName } from './scope.ts';
import type { Statement } from './statements.ts';
import { constantStrings, statementExprs, walk } from './visit.ts';

type Policy = 'ai' | 'foreign' | 'unknown';


const KEYWORDS = new Map(MODEL_KEYWORDS.map((k) => [k.keyword, k]));
const DICT_KEYS = new Set(MODEL_KEYWORDS.filter((k) => k.aiOnly !== true).map((k) => k.keyword));

/** A model position: any `<known org>/<name>` is an id there (`matchKnownModel` `model-named`). */
function accepts(value: string, policy: Policy): boolean {
  if (knownPrefixedModel(value, 'model-named')) return true;
  if (policy === 'foreign' || !looksLikeModelId(value)) return false;
  return policy === 'ai' || (/\d/.test(value) && /[-/:.]/.test(value));
}

/**
 * Provider of an id; `provider:model` ids (init_chat_model, pydantic-ai, LangGraph) name it before the
 * colon. `host`: the vendor of the API host the id is sent to (`hostProvider`), for an id the catalog
 * does not know; it goes before the text before a colon, which may be an Ollama tag's model (`house-coder:7b`).
 */
function providerOf(id: string, host?: string): string | undefined {
  const prefixed = PROVIDER_PREFIXED.exec(id);
  const known = modelProvider(id) ?? (prefixed?.[2] === undefined ? undefined : modelProvider(prefixed[2]));
  return known ?? host ?? prefixed?.[1];
}


/** `fallbackProvider`: the provider of an id the catalog does not know (the vendor of the client's API host, `hostProvider`). */
function record(ctx: Context, value: string, source: string, line: number, inferred: boolean, fallbackProvider?: string): void {
  const id = value.trim();
  ctx.out.add({
    kind: 'model',
    key: id.toLowerCase(),
    name: id,
    provider: providerOf(id, fallbackProvider),
    attributes: { sources: [source] },
    evidence: ctx.at(line, 'call-site', inferred ? 'inferred' : 'declared'),
  });
}

/** Reports every string `expr` stands for that passes `policy`; marks the literals consumed. */
function reportPosition(ctx: Context, expr: Expr, policy: Policy, source: string, fallbackProvider?: string): void {
  for (const r of ctx.scope.strings(expr)) {
    if (!accepts(r.value, policy)) continue;
    ctx.consumed.add(r.node);
    record(ctx, r.value, source, r.inferred ? expr.line : r.node.line, r.inferred, fallbackProvider);
  }
}

function catalogRow(ctx: Context, call: CallExpr): ModelCall | undefined {
  const name = lastName(call.callee);
  if (name === undefined) return undefined;
  return MODEL_CALLS.find((row) => {
    if (!row.names.includes(name)) return false;
    if (row.packages === undefined) return true;
    const q = ctx.scope.qualified(call.callee);
    return q !== undefined && row.packages.some((p) => inPackage(q, p));
  });
}

/**
 * A `model=` given to an MCP API names someone else's model: the one a sampling client answered
 * with (`CreateMessageResult(model="stub-model")`) or a preference hint. Only known ids count there.
 */
function intoMcp(ctx: Context, call: CallExpr): boolean {
  const q = ctx.scope.qualified(call.callee);
  return q !== undefined && q !== '' && !q.startsWith('.') && findPythonModule(q)?.pkg.category === 'mcp';
}

function detectCall(ctx: Context, call: CallExpr): void {
  let policy: Policy = call.callee === undefined ? 'unknown' : ctx.scope.classify(call.callee);
  if (policy === 'ai' && intoMcp(ctx, call)) policy = 'foreign';
  let host: { provider: string | undefined } | undefined;
  const fallback = (): string | undefined => (host ??= { provider: hostProvider(ctx.scope, call) }).provider;
  for (const kw of call.kwargs) {
    const row = KEYWORDS.get(kw.name);
    if (row !== undefined && (row.aiOnly !== true || policy === 'ai')) reportPosition(ctx, kw.value, policy, `keyword:${kw.name}`, policy === 'ai' ? fallback() : undefined);
  }
  const row = catalogRow(ctx, call);
  if (row === undefined) {
    reportHelperArgs(ctx, call);
    return;
  }
  const value = row.arg === undefined ? undefined : call.args[row.arg];
  if (value !== undefined) reportPosition(ctx, value, 'ai', row.label, fallback());
  const kw = row.keyword === undefined ? undefined : call.kwargs.find((k) => k.name === row.keyword);
  if (kw !== undefined) reportPosition(ctx, kw.value, 'ai', row.label, fallback());
}

/**
 * A helper whose name says model or LLM (`get_model("gpt-4o-mini", "openai")`, a wrapper around the
 * provider from another module): its positional arguments that are known ids, inferred.
 */
function reportHelperArgs(ctx: Context, call: CallExpr): void {
  const name = lastName(call.callee);
  if (name === undefined || !isModelHelper(name)) return;
  for (const arg of call.args) {
    for (const r of ctx.scope.strings(arg)) {
      if (ctx.consumed.has(r.node) || !knownPrefixedModel(r.value, 'model-named')) continue;
      ctx.consumed.add(r.node);
      record(ctx, r.value, `call:${name}`, r.inferred ? arg.line : r.node.line, true);
    }
  }
}

/** The plain names of a class-body assignment that say it holds a model (`model`, `embedding_model`, `llm`, `deployment_name`). */
function modelFields(s: Extract<Statement, { kind: 'assign' }>): string[] {
  if (s.cls === undefined) return [];
  return s.targets.filter((t) => !t.includes('.') && (namesModel(t) || DICT_KEYS.has(t)) && !namesModelsNotInUse(t));
}

/**
 * A settings or data class field named for a model whose default is given by a field specifier
 * (`model: str = Field(default="gpt-4o")`, `dataclasses.field(default=...)`): the class's constructor
 * takes the model there, as a `def`'s `model="..."` default does, so the default is a model position.
 */
function detectFieldDefaults(ctx: Context, s: Extract<Statement, { kind: 'assign' }>): void {
  if (ctx.scope.fieldDefault(s.value) === undefined) return;
  const [name] = modelFields(s);
  if (name !== undefined) reportPosition(ctx, s.value, 'unknown', `field:${name}`);
}

type Str = Extract<Expr, { t: 'str' }>;

/**
 * The literal fallbacks of an environment lookup (`os.getenv("OPENAI_MODEL", "gpt-4o")`,
 * `os.environ.get(name, default=...)`, `os.getenv("MODEL") or "gpt-4o"`) and the variable names it
 * reads; undefined when `expr` is no environment lookup.
 */
function envDefaults(ctx: Context, expr: Expr): { names: string[]; values: Str[] } | undefined {
  const names: string[] = [];
  const values: Str[] = [];
  const lookup = (e: Expr): boolean => {
    if (e.t !== 'call') return false;
    const q = ctx.scope.qualified(e.callee);
    if (q === undefined || !ENV_DEFAULT_CALLS.includes(q)) return false;
    const name = e.args[0] ?? e.kwargs.find((k) => k.name === 'key')?.value;
    if (name?.t === 'str' && name.value !== undefined) names.push(name.value);
    const fallback = e.args[1] ?? e.kwargs.find((k) => k.name === 'default')?.value;
    if (fallback?.t === 'str') values.push(fallback);
    return true;
  };
  if (lookup(expr)) return { names, values };
  if (expr.t !== 'other' || expr.ops.length === 0 || !expr.ops.every((op) => op === 'or')) return undefined;
  let found = false;
  for (const part of expr.parts) {
    if (lookup(part)) found = true;
    else if (part.t === 'str') values.push(part);
  }
  return found ? { names, values } : undefined;
}

/**
 * An assignment of an environment lookup named for a model, in any file (`EMBEDDING_MODEL =
 * os.environ.get("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small")`, `self.llm = os.getenv("LLM",
 * "gpt-4o")`): the program reads its model from the environment, and the default is the one it runs
 * with unless told otherwise. The variable assigned or the environment name must say model
 * (`namesModel`), neither a kept-out list nor a sample, and the default a catalog id with a stem.
 */
function detectEnvModelSettings(ctx: Context): void {
  for (const s of ctx.program.statements) {
    if (s.kind !== 'assign') continue;
    const env = envDefaults(ctx, s.value);
    if (env === undefined || env.values.length === 0) continue;
    const named = [...s.targets.map((t) => t.slice(t.lastIndexOf('.') + 1)), ...env.names];
    if (named.some((n) => namesModelsNotInUse(n) || isSampleHolder(n)) || !named.some(namesModel)) continue;
    for (const str of env.values) {
      if (str.value === undefined || ctx.consumed.has(str) || !isListedPrefixedModel(str.value)) continue;
      ctx.consumed.add(str);
      record(ctx, str.value, 'constant', str.line, true);
    }
  }
}

/**
 * A file that imports no AI package: only a settings class's model field counts (`class LLMConfig(BaseModel):
 * model: str = Field(default="claude-sonnet-4-20250514")`, `DEFAULT_MODEL = "gpt-4o-mini"` in a class body),
 * with a catalog id that has a stem (`isListedModel`), written as the value or the field's default. Module
 * constants, dicts and `def` defaults stay out here, as do sample classes (`FakeModelSettings`, `test_model`).
 */
function detectModelSettings(ctx: Context): void {
  for (const s of ctx.program.statements) {
    if (s.kind !== 'assign' || s.cls === undefined || isSampleHolder(s.cls)) continue;
    const [name] = modelFields(s).filter((t) => !isSampleHolder(t));
    if (name === undefined) continue;
    const value = ctx.scope.fieldDefault(s.value) ?? s.value;
    if (value.t !== 'str' || value.value === undefined || !isListedPrefixedModel(value.value)) continue;
    ctx.consumed.add(value);
    record(ctx, value.value, `field:${name}`, value.line, false);
  }
}

/**
 * Records model assets for one analyzed file. Without an AI import only settings classes' model fields
 * and model-named environment defaults count (`detectModelSettings`, `detectEnvModelSettings`).
 */
export function detectModels(ctx: Context): void {
  if (!ctx.aiImported) {
    detectModelSettings(ctx);
    detectEnvModelSettings(ctx);
    return;
  }
  for (const call of ctx.calls) detectCall(ctx, call);
  const exprs = statementExprs(ctx.program.statements);
  for (const e of exprs) {
    walk(e, (x) => {
      if (x.t !== 'dict') return;
      for (const entry of x.entries) {
        if (entry.key.t === 'str' && entry.key.value !== undefined && DICT_KEYS.has(entry.key.value)) {
          reportPosition(ctx, entry.value, 'unknown', `dict-key:${entry.key.value}`);
        }
      }
    });
  }
  // Functions that ask a yes/no question of a model (`_is_reasoning_model`): their constants are what they compare against.
  const predicates = new Set<number>();
  for (const s of ctx.program.statements) if (s.kind === 'def' && s.id !== undefined && namesPredicate(s.name)) predicates.add(s.id);
  for (const s of ctx.program.statements) {
    if (s.kind !== 'assign') continue;
    if (s.fn !== undefined && predicates.has(s.fn)) continue;
    // A list of models kept out (`MODEL_BLACKLIST`, `unsupported_models`) names models the program avoids;
    // a price or context-window table (`MODEL_COSTS`, `CONTEXT_WINDOWS`) models it can price or size.
    if (s.targets.some(namesModelsNotInUse)) continue;
    detectFieldDefaults(ctx, s);
    // A bare family name (`MISTRALAI = "mistral"`, `PHI4 = "phi4"`) is an enum or a template name
    // as often as a model: it counts when the name it is assigned to says model; `"facebook/react"` (a
    // repository) only when the name says so word for word (`DEFAULT_MODEL`, not `_TYPE_TO_MODEL_TYPE`).
    const holdsModel = s.targets.some((t) => MODEL_HOLDER.test(t));
    const namesModelWords = s.targets.some(namesModel);
    // An environment lookup's default (`MODEL = os.getenv("MODEL", "gpt-4o")`) is a constant the environment may override.
    const strings = envDefaults(ctx, s.value)?.values ?? constantStrings(ctx.scope.fieldDefault(s.value) ?? s.value);
    // A registry (a context-window or price table of the whole market) is what the code knows, not what it uses.
    if (isModelRegistry(strings.map((x) => x.value))) continue;
    for (const str of strings) {
      if (str.value === undefined || ctx.consumed.has(str) || !knownPrefixedModel(str.value, namesModelWords ? 'model-named' : 'anywhere')) continue;
      if (!holdsModel && isBareName(str.value)) continue;
      record(ctx, str.value, 'constant', str.line, true);
    }
  }
}
