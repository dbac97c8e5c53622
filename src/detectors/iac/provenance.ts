/**
 * Where a resolved value came from. A value written as `var.model_id` or `local.name` that the
 * module gives a literal (`variable` default, `locals`, a CloudFormation parameter `Default`) is
 * used as that literal, and the asset says so: a `valueFrom` line per resolved attribute
 * (`foundation_model: var.model_id (variable default, variables.tf:12)`) and `inferred` evidence
 * at the declaring line, which may be in another file of the module.
 */
import type { Evidence } from '../../model/index.ts';
import { isLiteral, substituteTraced, traceValue, type ConstantOrigin, type IacDocument } from './document.ts';
import type { EmitContext } from './targets.ts';
import { isExpr, type IacValue } from './value.ts';

/**
 * The constants a value went through when they made it a literal; with `templates`, also the
 * interpolations filled into an expression's text (a model ARN `…/foundation-model/${var.id}`
 * whose id was read that way).
 */
export function originsOf(doc: IacDocument, value: IacValue, templates = false): readonly ConstantOrigin[] {
  const traced = traceValue(doc, value);
  if (isLiteral(traced.value)) return traced.origins;
  if (!templates || !isExpr(traced.value)) return [];
  const text = traced.value.text;
  return [...traced.origins, ...substituteTraced(doc, text.startsWith('!Sub ') ? text.slice(5) : text).origins];
}

/** One `valueFrom` line: the attribute path, the reference and where its value is written. */
export function valueFromLine(path: string, origin: ConstantOrigin): string {
  return `${path}: ${origin.ref} (${origin.kind}, ${origin.path}:${origin.line})`;
}

/** Evidence at the line that declares a constant (`inferred`: the value is reached through it). */
export function originEvidence(ctx: EmitContext, origin: ConstantOrigin): Evidence {
  return ctx.sink.evidenceIn(origin.path, origin.line, origin.snippet, 'inferred');
}

/** What an asset built from these values says about them: `valueFrom` lines and declaring-line evidence. */
export interface Provenance {
  readonly valueFrom: string[];
  readonly evidence: Evidence[];
}

/** A value an asset was built from: its attribute path, and whether model-id templates count (`originsOf`). */
export type SourceValue = readonly [path: string, value: IacValue, templates?: boolean];

/** Provenance of several values, deduplicated, in order. */
export function provenanceOf(ctx: EmitContext, values: readonly SourceValue[]): Provenance {
  const lines = new Set<string>();
  const evidence = new Map<string, Evidence>();
  for (const [path, value, templates] of values) {
    for (const origin of originsOf(ctx.doc, value, templates)) {
      lines.add(valueFromLine(path, origin));
      const key = `${origin.path}:${origin.line}`;
      if (!evidence.has(key)) evidence.set(key, originEvidence(ctx, origin));
    }
  }
  return { valueFrom: [...lines], evidence: [...evidence.values()] };
}
