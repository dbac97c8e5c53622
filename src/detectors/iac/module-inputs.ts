/**
 * Models named in the inputs of a Terraform module call: `module "agent" { source = "../.."
 * foundation_model = "anthropic.claude-v2" }` (or the `params` of a Bicep module call, camelCase names read as snake_case), the way examples and root modules deploy a module of
 * AI resources. Modules are not followed, so without this the models such a call deploys would go
 * unseen. Only inputs whose name says model (`model`, `foundation_model`, `*_model_id`,
 * `embedding_model_arn`, also inside maps of deployments), or the `name` of a map so named (the
 * azurerm deployment shape `model = { format = "OpenAI", name = "gpt-4o" }`), and whose value is a
 * model id count.
 */
import { traceValue } from './document.ts';
import { ctxFor } from './instances.ts';
import { modelTargets } from './model-assets.ts';
import type { SourceValue } from './provenance.ts';
import type { EmitContext } from './targets.ts';
import { isList, isMap, type IacValue } from './value.ts';

/** Input names that hold a model (not `model_format`, `model_version`, `model_data`). */
const MODEL_INPUT = /(?:^|_)model(?:_(?:id|ids|name|arn|identifier))?$/i;
/** Map names whose `name` entry is the model (`model = { name = "gpt-4o", version = "..." }`). */
const MODEL_MAP = /(?:^|_)model$/i;
/** `*_model` names that are about something else: a data, threat or pricing model holds no AI model id. */
const NOT_AI_MODEL = /(?:^|_)(?:data|domain|object|business|threat|cost|pricing|billing|access|permission|security|licen[cs]e|licensing|consistency|network|auth|db|database|schema|entity|view|document|storage|retention|programming|operating|delivery|support|revenue|financial|risk|tenancy|consumption|capacity|commitment|purchase|payment|charge|scaling)_model/i;
const MAX_DEPTH = 6;

/** `chatGptModelName` → `chat_Gpt_Model_Name` (Bicep params are camelCase; the patterns above ignore case). */
function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
}

function namesModel(key: string): boolean {
  const k = snake(key);
  return MODEL_INPUT.test(k) && !NOT_AI_MODEL.test(k);
}

/** Emits the models module calls of the document pass as inputs. */
export function emitModuleInputs(ctx: EmitContext): void {
  for (const r of ctx.doc.resources) {
    if (r.type !== 'module') continue;
    const rctx = ctxFor(ctx, r);
    for (const e of r.body.entries.values()) {
      // An input given a variable or local (`deployments = var.deployments`) is read as its literal value (default, tfvars).
      // Its items are then written elsewhere: the input's line is their evidence, the reference their provenance.
      const traced = isMap(e.value) || isList(e.value) ? undefined : traceValue(rctx.doc, e.value);
      const via = traced !== undefined && (isMap(traced.value) || isList(traced.value)) ? { value: traced.value, from: [e.key, e.value] as const, line: e.line } : undefined;
      walk(rctx, r.instance?.of ?? r.address, e.key, via?.value ?? e.value, e.line, 0, via);
    }
  }
}

/** An input whose literal value was read through a variable or local. */
interface Via {
  readonly from: SourceValue;
  readonly line: number;
}

function walk(ctx: EmitContext, call: string, key: string, value: IacValue, line: number, depth: number, via?: Via, parent = ''): void {
  if (depth > MAX_DEPTH) return;
  if (isMap(value)) {
    for (const e of value.entries.values()) walk(ctx, call, e.key, e.value, via?.line ?? e.line, depth + 1, via, key);
  } else if (isList(value)) {
    for (const item of value.items) walk(ctx, call, key, item, via?.line ?? (typeof item === 'object' && item !== null ? item.line : line), depth + 1, via, parent);
  } else if (namesModel(key) || (key === 'name' && MODEL_MAP.test(snake(parent)) && !NOT_AI_MODEL.test(snake(parent)))) {
    modelTargets(ctx, call, key, { value, line }, via?.from);
  }
}
