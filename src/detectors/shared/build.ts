import {
  assetId,
  redactAttributeValue,
  redactSnippet,
  relationshipId,
  type Asset,
  type AssetKind,
  type Attributes,
  type Confidence,
  type DetectionResult,
  type Diagnostic,
  type Evidence,
  type Relationship,
  type RelationshipType,
  type Technique,
} from '../../model/index.ts';
import type { SourceFile } from '../types.ts';

/** Input for `makeAsset`: identity key inside the file's scope plus the public fields. */
export interface AssetDraft {
  readonly kind: AssetKind;
  /** Identity inside the scope; two drafts with the same kind+key become one asset. */
  readonly key: string;
  readonly name: string;
  readonly provider?: string;
  readonly nativeId?: string;
  readonly attributes?: Attributes;
  readonly tags?: Record<string, string>;
  readonly evidence: readonly Evidence[];
}

/** Builds an asset whose id is derived from kind + the file's scope + key. */
export function makeAsset(file: Pick<SourceFile, 'scope'>, draft: AssetDraft): Asset {
  return {
    id: assetId(draft.kind, file.scope, draft.key),
    kind: draft.kind,
    name: draft.name,
    ...(draft.provider === undefined ? {} : { provider: draft.provider }),
    ...(draft.nativeId === undefined ? {} : { nativeId: draft.nativeId }),
    // Detectors copy values from files; a key among them is scrubbed here, whatever the detector.
    attributes: redactAttributeValue(draft.attributes ?? {}),
    evidence: draft.evidence,
    tags: draft.tags ?? {},
  };
}

/** Builds one evidence entry at a line of a file; the snippet is redacted and trimmed. */
export function evidenceAt(
  file: Pick<SourceFile, 'path'>,
  detector: string,
  technique: Technique,
  confidence: Confidence,
  line: number | undefined,
  snippet: string | undefined,
  cell?: number,
): Evidence {
  return {
    path: file.path,
    ...(line === undefined ? {} : { line }),
    ...(cell === undefined ? {} : { cell }),
    ...(snippet === undefined || snippet.trim() === '' ? {} : { snippet: redactSnippet(snippet) }),
    technique,
    confidence,
    detector,
  };
}

/** Builds a relationship between two assets. */
export function makeRelationship(
  type: RelationshipType,
  from: Asset,
  to: Asset,
  evidence: readonly Evidence[] = [],
  properties: Attributes = {},
): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties, evidence };
}

/** Returns the 1-based line of a character offset. */
export function lineOf(content: string, offset: number): number {
  let line = 1;
  for (let i = content.indexOf('\n'); i !== -1 && i < offset; i = content.indexOf('\n', i + 1)) line++;
  return line;
}

/** Returns the text of a 1-based line. */
export function lineText(content: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = content.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = content.indexOf('\n', start);
  return content.slice(start, end === -1 ? undefined : end);
}

/** A parse failure as a diagnostic, located at the file (and line when known). */
export function parseFailed(file: Pick<SourceFile, 'path'>, detector: string, message: string, line?: number): Diagnostic {
  return {
    connector: detector,
    level: 'warn',
    code: 'parse-failed',
    message,
    location: { path: file.path, ...(line === undefined ? {} : { line }) },
  };
}

/** Collects results; keeps detectors free of array bookkeeping. */
export class ResultBuilder {
  readonly assets: Asset[] = [];
  readonly relationships: Relationship[] = [];
  readonly diagnostics: Diagnostic[] = [];

  asset(file: Pick<SourceFile, 'scope'>, draft: AssetDraft): Asset {
    const asset = makeAsset(file, draft);
    this.assets.push(asset);
    return asset;
  }

  relate(type: RelationshipType, from: Asset, to: Asset, evidence: readonly Evidence[] = [], properties: Attributes = {}): void {
    this.relationships.push(makeRelationship(type, from, to, evidence, properties));
  }

  diagnostic(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** The result, or null when nothing at all was found (the detector had nothing to say). */
  result(): DetectionResult | null {
    if (this.assets.length === 0 && this.relationships.length === 0 && this.diagnostics.length === 0) return null;
    return { assets: this.assets, relationships: this.relationships, diagnostics: this.diagnostics };
  }
}
