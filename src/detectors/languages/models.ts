/**
 * Model ids written in model positions (`model-catalog.ts`) of a file that imports an AI package:
 * literal arguments and fields pass `looksLikeModelId`; Go SDK constants are reversed to their
 * ids (`go-constants.ts`). Everything else (variables, config lookups, string concatenation,
 * Java/C# enum constants) is left alone: no flow analysis.
 */
import { looksLikeModelId, matchKnownModel } from '../shared/model-ids.ts';
import { goModelConstants } from './go-constants.ts';
import type { ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import { MODEL_POSITIONS, type Language } from './model-catalog.ts';

/** A model reference: the id as written, how it was referenced, where, literal or constant. */
export interface ModelRef {
  readonly id: string;
  /** `call:<name>`, `keyword:<name>` or `constant:<pkg.Name>`. */
  readonly source: string;
  readonly offset: number;
  readonly literal: boolean;
}

/**
 * Keyword positions (`Model:`, `model:`, `Model = `) are field names any class may have, so an
 * unknown id there needs a separator too (`m1`, `gpt2` are not taken; `my-llm-v2` is); call
 * positions (`.modelName(...)`, `WithModel(...)`) name a model by their own name.
 */
function acceptable(id: string, kind: 'call' | 'keyword'): boolean {
  if (id.includes('::') || !looksLikeModelId(id)) return false;
  return kind === 'call' || matchKnownModel(id) !== undefined || (/[-/:]/.test(id) && id.length >= 4);
}

/** Model references of one masked file. */
export function findModels(language: Language, masked: Masked, imports: readonly ImportRef[]): ModelRef[] {
  const found: ModelRef[] = [];
  const seen = new Set<number>();
  // Positions are listed most specific first; a literal matched by two (a named argument of a
  // listed call) is recorded once, under the first.
  for (const position of MODEL_POSITIONS[language]) {
    for (const m of masked.code.matchAll(position.pattern)) {
      const quote = m.index + m[0].length - 1;
      if (seen.has(quote)) continue;
      const id = masked.strings.get(quote)?.trim();
      if (id === undefined || !acceptable(id, position.kind)) continue;
      let label = m[1];
      if (position.stringKeys !== undefined) {
        label = masked.strings.get(m.index);
        if (label === undefined || !position.stringKeys.has(label)) continue;
      }
      seen.add(quote);
      found.push({ id, source: `${position.kind}:${label ?? 'model'}`, offset: quote, literal: true });
    }
  }
  if (language === 'go') {
    for (const use of goModelConstants(masked.code, imports)) {
      found.push({ id: use.id, source: `constant:${use.expression}`, offset: use.offset, literal: false });
    }
  }
  return found;
}
