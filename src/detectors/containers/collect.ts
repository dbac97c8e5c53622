/**
 * Folds the drafts of one file by kind + key before they become assets, with the merge step's rules
 * (arrays: sorted union; booleans: OR; other scalars: first seen; evidence: distinct), so a file
 * yields one asset per identity. Relationships are recorded between draft identities.
 */
import type { AttributeValue, Attributes, Evidence, RelationshipType } from '../../model/index.ts';
import { evidenceKey } from '../../model/index.ts';
import type { AssetDraft, ResultBuilder } from '../shared/build.ts';
import type { SourceFile } from '../types.ts';

interface Group {
  draft: AssetDraft;
  attributes: Record<string, AttributeValue>;
  /** Tags of every draft folded in; the first draft naming a key wins. */
  tags: Record<string, string>;
  readonly evidence: Map<string, Evidence>;
}

interface Edge {
  readonly type: RelationshipType;
  readonly from: string;
  readonly to: string;
  readonly evidence: Map<string, Evidence>;
}

function mergeValue(prev: AttributeValue | undefined, next: AttributeValue): AttributeValue {
  if (prev === undefined || prev === null) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const all = new Map([...prev, ...next].map((v) => [JSON.stringify(v), v]));
    return [...all.keys()].sort().map((k) => all.get(k) as AttributeValue);
  }
  if (typeof prev === 'boolean' && typeof next === 'boolean') return prev || next;
  return prev;
}

/** Collects drafts and edges of one file. */
export class DraftCollector {
  private readonly groups = new Map<string, Group>();
  private readonly edges = new Map<string, Edge>();

  /** Adds (or merges into) a draft; returns its identity for `relate`. */
  add(draft: AssetDraft): string {
    const id = `${draft.kind}\u0000${draft.key}`;
    const group = this.groups.get(id) ?? { draft, attributes: {}, tags: {}, evidence: new Map<string, Evidence>() };
    for (const [k, v] of Object.entries(draft.attributes ?? {})) group.attributes[k] = mergeValue(group.attributes[k], v);
    group.tags = { ...draft.tags, ...group.tags };
    for (const e of draft.evidence) group.evidence.set(evidenceKey(e), e);
    this.groups.set(id, group);
    return id;
  }

  relate(type: RelationshipType, from: string, to: string, evidence: readonly Evidence[]): void {
    const id = `${from}\u0001${type}\u0001${to}`;
    const edge = this.edges.get(id) ?? { type, from, to, evidence: new Map<string, Evidence>() };
    for (const e of evidence) edge.evidence.set(evidenceKey(e), e);
    this.edges.set(id, edge);
  }

  /** Emits the folded assets (in first-seen order) and their relationships. */
  flush(file: Pick<SourceFile, 'scope'>, out: ResultBuilder): void {
    const assets = new Map<string, ReturnType<ResultBuilder['asset']>>();
    for (const [id, group] of this.groups) {
      const attributes: Attributes = group.attributes;
      assets.set(id, out.asset(file, { ...group.draft, attributes, tags: group.tags, evidence: [...group.evidence.values()] }));
    }
    for (const edge of this.edges.values()) {
      const from = assets.get(edge.from);
      const to = assets.get(edge.to);
      if (from !== undefined && to !== undefined) out.relate(edge.type, from, to, [...edge.evidence.values()]);
    }
  }
}
