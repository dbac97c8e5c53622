/**
 * `model` assets for the models a resource attribute names: literal ids become assets keyed by the
 * id lower-cased (the same key code detectors use, so a model named in Terraform and in Python is
 * one asset); references reach model assets of the file or module (`data.aws_bedrock_foundation_model`,
 * `aws_bedrock_custom_model`, a SageMaker model).
 */
import { modelProvider } from '../shared/model-ids.ts';
import { resolveValue } from './document.ts';
import { modelIdsIn } from './models.ts';
import { provenanceOf, type SourceValue } from './provenance.ts';
import { assetsForRef, type EmitContext, type TargetRef } from './targets.ts';
import { isExpr, type Found } from './value.ts';

/**
 * The models `found` (the value at `path` of a resource of `type`) names; `via` is the reference
 * `found` was read through when it is an item of a collection a variable or local holds.
 */
export function modelTargets(ctx: EmitContext, type: string, path: string, found: Found, via?: SourceValue): TargetRef[] {
  const ids = modelIdsIn(ctx.doc, found.value);
  // Reached through a variable default or local: the use is inferred, the declaration is evidence too.
  const prov = ids.length === 0 ? undefined : provenanceOf(ctx, [[path, found.value, true], ...(via === undefined ? [] : [via])]);
  const inferred = prov !== undefined && prov.valueFrom.length > 0;
  const out: TargetRef[] = ids.map((id) => {
    const provider = modelProvider(id);
    return ctx.sink.asset({
      kind: 'model', key: id.toLowerCase(), name: id, ...(provider === undefined ? {} : { provider }),
      attributes: { sources: [`iac:${type}.${path}`], ...(inferred ? { valueFrom: prov.valueFrom } : {}) },
      evidence: [ctx.sink.evidence(found.line, inferred ? 'inferred' : 'declared'), ...(prov?.evidence ?? [])],
    });
  });
  const v = resolveValue(ctx.doc, found.value);
  if (out.length === 0 && isExpr(v)) {
    for (const ref of v.refs) for (const t of assetsForRef(ctx, ref, v.text)) if (t.kind === 'model') out.push(t);
  }
  return out;
}
