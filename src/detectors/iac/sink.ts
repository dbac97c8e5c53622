/**
 * Collects one file's assets and relationships, folding repeats (the same model named by an agent
 * and by a policy ARN, two statements granting the same edge) so a file reports each once. Edges
 * may point at an asset another file of the same module declares: only its id is needed.
 */
import { AttributeMerger } from '../../model/attributes.ts';
import { assetId, redactSnippet, relationshipId, type Asset, type AssetKind, type Attributes, type AttributeValue, type DetectionResult, type Diagnostic, type Evidence, type Relationship, type RelationshipType } from '../../model/index.ts';
import { evidenceAt, makeAsset, type AssetDraft } from '../shared/build.ts';
import type { SourceFile } from '../types.ts';

export const DETECTOR_ID = 'iac';

/** An asset end of an edge: an asset of this file or one known only by kind + key. */
export interface AssetRef {
  readonly id: string;
}

/**
 * What repeats of one asset or edge add, kept as sets so that folding stays linear: a 5 MB file
 * naming one model in thousands of deployments re-keyed the whole evidence list on every repeat.
 */
class Folded {
  readonly attributes: AttributeMerger;
  readonly evidence: Evidence[];
  private readonly seen: Set<string>;
  tags: Record<string, string>;

  constructor(first: { readonly attributes: Attributes; readonly evidence: readonly Evidence[]; readonly tags?: Record<string, string> }) {
    this.attributes = new AttributeMerger(first.attributes);
    this.evidence = [...first.evidence];
    this.seen = new Set(first.evidence.map(evidenceKey));
    this.tags = first.tags ?? {};
  }

  /** Evidence at a line and confidence not held yet; the repeat's own list is taken as it comes. */
  add(attributes: Attributes, evidence: readonly Evidence[], tags?: Record<string, string>): void {
    this.attributes.add(attributes);
    const fresh = evidence.filter((e) => !this.seen.has(evidenceKey(e)));
    for (const e of fresh) {
      this.evidence.push(e);
      this.seen.add(evidenceKey(e));
    }
    if (tags !== undefined) this.tags = { ...tags, ...this.tags };
  }
}

const evidenceKey = (e: Evidence): string => `${e.line ?? 0}\u0000${e.confidence}`;

export class Sink {
  /** The first draft of each asset and edge; repeats fold into `folded`. */
  private readonly assets = new Map<string, Asset>();
  private readonly edges = new Map<string, Relationship>();
  private readonly folded = new Map<string, Folded>();
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
    if (prev === undefined) {
      this.assets.set(made.id, made);
      return made;
    }
    this.fold(prev.id, prev).add(made.attributes, made.evidence, made.tags);
    return prev;
  }

  private fold(id: string, first: Asset | Relationship): Folded {
    let folded = this.folded.get(id);
    if (folded === undefined) {
      folded = new Folded({ attributes: 'properties' in first ? first.properties : first.attributes, evidence: first.evidence, ...('tags' in first ? { tags: first.tags } : {}) });
      this.folded.set(id, folded);
    }
    return folded;
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
    if (prev === undefined) this.edges.set(id, { id, type, from: from.id, to: to.id, properties, evidence });
    else this.fold(id, prev).add(properties, evidence);
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
    const assets = [...this.assets.values()].map((a): Asset => {
      const f = this.folded.get(a.id);
      return f === undefined ? a : { ...a, attributes: f.attributes.result(), evidence: f.evidence, tags: f.tags };
    });
    const relationships = [...this.edges.values()].map((r): Relationship => {
      const f = this.folded.get(r.id);
      return f === undefined ? r : { ...r, properties: f.attributes.result(), evidence: f.evidence };
    });
    return { assets, relationships, diagnostics: this.diagnostics };
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
