/**
 * Model ids from IaC values: literal ids (`anthropic.claude-3-haiku-20240307-v1:0`, `gpt-4o`),
 * Bedrock ARNs (`…:foundation-model/<id>`, `…:inference-profile/<id>`, also inside `!Sub` or
 * `${var.region}` templates), Vertex publisher names (`publishers/google/models/<id>`). Ids are
 * checked with the shared catalog (`shared/model-ids.ts`); ARNs of custom or provisioned models
 * are not public ids and are left to references.
 */
import { looksLikeModelId } from '../shared/model-ids.ts';
import { literalString, resolveValue, substituteConstants, type IacDocument } from './document.ts';
import { isExpr, type IacValue } from './value.ts';

const ARN_MODEL = /:(?:foundation-model|inference-profile)\/([^/\s"'${}]+)$/;
const VERTEX_PUBLISHER = /^(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/[^/]+\/models\/([^/\s]+)$/;

/** The public model id a string names, if any. */
export function modelIdOf(text: string): string | undefined {
  const s = text.trim();
  const arn = ARN_MODEL.exec(s);
  if (arn?.[1] !== undefined) return looksLikeModelId(arn[1]) ? arn[1] : undefined;
  if (s.startsWith('arn:')) return undefined;
  const vertex = VERTEX_PUBLISHER.exec(s);
  if (vertex?.[1] !== undefined) return vertex[1];
  return looksLikeModelId(s) ? s : undefined;
}

/** Model ids a value names: a literal (after resolving constants) or an ARN template's fixed tail. */
export function modelIdsIn(doc: IacDocument, value: IacValue): string[] {
  const literal = literalString(doc, value);
  if (literal !== undefined) {
    const id = modelIdOf(literal);
    return id === undefined ? [] : [id];
  }
  const v = resolveValue(doc, value);
  if (!isExpr(v)) return [];
  const text = substituteConstants(doc, v.text.startsWith('!Sub ') ? v.text.slice(5) : v.text);
  const arn = ARN_MODEL.exec(text.trim());
  return arn?.[1] !== undefined && looksLikeModelId(arn[1]) ? [arn[1]] : [];
}
