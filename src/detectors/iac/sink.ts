/**
 * Collects one file's assets and relationships, folding repeats (the same model named by an agent
 * and by a policy ARN, two statements granting the same edge) so a file reports each once. Edges
 * may point at an asset another file of the same module declares: only its id is needed.
 */
import { assetId, redactSnippet, relationshipId, type Asset, type AssetKind, type Attributes, type AttributeValue, type DetectionResult, type Diagnostic, type Evidence, type Relationship, type RelationshipType } from '../../model/index.ts';
import { evidenceAt, makeAsset, type AssetDraft } from '../shared/build.ts';
import type { SourceFile } from '../types.ts';

export const DETECTOR_ID = 'iac';

/** An asset end of an edge: an asset of this file or one known only by kind + key. */
export interface AssetRef {
  readonly id: string;
}

export class Sink {
  private readonly assets = new Map<string, Asset>();
  private readonly edges = new Map<string, Relationship>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly file: SourceFile;
  private lineStarts: number[] | undefined;

  constructor(file: SourceFile) {
    this.file = file;
  }

  /** Adds an asset, or folds it into the one with the same kind and key. */
  asset(draft: AssetDraft): Asset {
    // Names and attributes come from the file as written: hide anything key-shaped, like snippets.
    const made = makeAsset(this.file, { ...draft, name: redactSnippet(draft.name), attributes: redactDeep(draft.attributes ?? {}) as Attributes });
    const prev = this.assets.get(made.id);
    const asset = prev === undefined ? made : { ...prev, attributes: mergeAttributes(prev.attributes, made.attributes), evidence: mergeEvidence(prev.evidence, made.evidence), tags: { ...made.tags, ...prev.tags } };
    this.assets.set(made.id, asset);
    return asset;
  }

  /** The id an asset of this kind and key has (in this file or another of the same scope). */
  refOf(kind: AssetKind, key: string): AssetRef {
    return { id: assetId(kind, this.file.scope, key) };
  }

  relate(type: RelationshipType, from: AssetRef, to: AssetRef, evidence: readonly Evidence[], properties: Attributes = {}): void {
    if (from.id === to.id) return;
    const id = relationshipId(from.id, type, to.id);
    properties = redactDeep(properties) as Attributes;
    const prev = this.edges.get(id);
    this.edges.set(id, prev === undefined
      ? { id, type, from: from.id, to: to.id, properties, evidence }
      : { ...prev, properties: mergeAttributes(prev.properties, properties), evidence: mergeEvidence(prev.evidence, evidence) });
  }

  /** Evidence at a line of this file, the line's text as snippet. */
  evidence(line: number, confidence: 'declared' | 'inferred' = 'declared'): Evidence {
    return evidenceAt(this.file, DETECTOR_ID, 'iac', confidence, line, this.lineText(line));
  }

  /** Evidence at a line of another file of the same unit (a variable default in `variables.tf`). */
  evidenceIn(path: string, line: number, snippet: string, confidence: 'declared' | 'inferred'): Evidence {
    return path === this.file.path ? this.evidence(line, confidence) : evidenceAt({ path }, DETECTOR_ID, 'iac', confidence, line, snippet);
  }

  private lineText(line: number): string {
    const content = this.file.content;
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const end = this.lineStarts[line] ?? content.length + 1;
    return content.slice(start, Math.min(end - 1, start + 1000));
  }

  result(): DetectionResult | null {
    if (this.assets.size === 0 && this.edges.size === 0 && this.diagnostics.length === 0) return null;
    return { assets: [...this.assets.values()], relationships: [...this.edges.values()], diagnostics: this.diagnostics };
  }
}

/** Redacts key-shaped text in every string of a JSON value (depth-bounded). */
function redactDeep(v: AttributeValue, depth = 0): AttributeValue {
  if (typeof v === 'string') return v.length > 12 ? redactSnippet(v) : v;
  if (v === null || typeof v !== 'object' || depth > 20) return v;
  if (Array.isArray(v)) return v.map((x: AttributeValue) => redactDeep(x, depth + 1));
  const out: Record<string, AttributeValue> = {};
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: redactDeep(x, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Arrays union (first-seen order), booleans OR, other values keep the first. */
export function mergeAttributes(a: Attributes, b: Attributes): Attributes {
  const out: Record<string, AttributeValue> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    if (prev === undefined || prev === null) out[key] = value;
    else if (Array.isArray(prev) && Array.isArray(value)) {
      const seen = new Set(prev.map((v) => JSON.stringify(v)));
      out[key] = [...prev, ...value.filter((v) => !seen.has(JSON.stringify(v)))];
    } else if (typeof prev === 'boolean' && typeof value === 'boolean') out[key] = prev || value;
  }
  return out;
}

function mergeEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence): string => `${e.line ?? 0}\u0000${e.confidence}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((e) => !seen.has(key(e)))];
}
