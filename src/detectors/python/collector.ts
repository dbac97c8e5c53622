/**
 * Per-file accumulator: one asset per kind+key, however often a file mentions it. Attributes
 * merge the way the pipeline merges across files (arrays → sorted union, booleans OR, other
 * scalars keep the first value), evidence is de-duplicated and capped.
 */
import type { AssetKind, AttributeValue, Attributes, DetectionResult, Evidence, RelationshipType } from '../../model/index.ts';
import { evidenceKey } from '../../model/index.ts';
import { makeAsset, makeRelationship } from '../shared/build.ts';
import type { SourceFile } from '../types.ts';

const MAX_EVIDENCE = 20;

/** Evidence built only when kept (an asset keeps at most MAX_EVIDENCE per file). */
export type LazyEvidence = () => Evidence;

/** What a pattern reports: one sighting of an asset. */
export interface Sighting {
  readonly kind: AssetKind;
  readonly key: string;
  readonly name: string;
  readonly provider?: string | undefined;
  readonly attributes: Attributes;
  readonly evidence: LazyEvidence;
}

/** Identity of an asset inside the file (kind + key). */
export interface AssetRef {
  readonly kind: AssetKind;
  readonly key: string;
}

interface Entry {
  name: string;
  provider: string | undefined;
  attributes: Attributes;
  evidence: Evidence[];
  seen: Set<string>;
}

interface Link {
  readonly type: RelationshipType;
  readonly from: AssetRef;
  readonly to: AssetRef;
  readonly evidence: LazyEvidence;
}

function id(ref: AssetRef): string {
  return `${ref.kind}\u0000${ref.key}`;
}

/** Arrays keep their order until a different array merges in (then: sorted union); `args` stays ordered. */
function mergeValue(a: AttributeValue | undefined, b: AttributeValue): AttributeValue {
  if (a === undefined) return Array.isArray(b) ? [...(b as AttributeValue[])] : b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (JSON.stringify(a) === JSON.stringify(b)) return a;
    return [...new Set([...(a as AttributeValue[]), ...(b as AttributeValue[])])].sort();
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a || b;
  return a;
}

/** Collects sightings and relationships for one file. */
export class Collector {
  private readonly entries = new Map<string, Entry>();
  private readonly order: AssetRef[] = [];
  private readonly links: Link[] = [];

  /** Records a sighting; returns the asset's reference. */
  add(s: Sighting): AssetRef {
    const ref = { kind: s.kind, key: s.key };
    let entry = this.entries.get(id(ref));
    if (entry === undefined) {
      entry = { name: s.name, provider: s.provider, attributes: {}, evidence: [], seen: new Set() };
      this.entries.set(id(ref), entry);
      this.order.push(ref);
    }
    entry.provider ??= s.provider;
    for (const [k, v] of Object.entries(s.attributes)) entry.attributes[k] = mergeValue(entry.attributes[k], v);
    if (entry.evidence.length < MAX_EVIDENCE) {
      const evidence = s.evidence();
      const ek = evidenceKey(evidence);
      if (!entry.seen.has(ek)) {
        entry.seen.add(ek);
        entry.evidence.push(evidence);
      }
    }
    return ref;
  }

  has(ref: AssetRef): boolean {
    return this.entries.has(id(ref));
  }

  /** Links two recorded assets. */
  relate(type: RelationshipType, from: AssetRef, to: AssetRef, evidence: LazyEvidence): void {
    this.links.push({ type, from, to, evidence });
  }

  /** Builds the assets (ids from the file's scope) and relationships. */
  finish(file: Pick<SourceFile, 'scope'>): Pick<DetectionResult, 'assets' | 'relationships'> {
    const assets = new Map(
      this.order.map((ref) => {
        const e = this.entries.get(id(ref)) as Entry;
        const asset = makeAsset(file, { kind: ref.kind, key: ref.key, name: e.name, provider: e.provider, attributes: e.attributes, evidence: e.evidence });
        return [id(ref), asset] as const;
      }),
    );
    const relationships = [];
    const seen = new Set<string>();
    for (const link of this.links) {
      const from = assets.get(id(link.from));
      const to = assets.get(id(link.to));
      if (from === undefined || to === undefined) continue;
      const relId = `${from.id}|${link.type}|${to.id}`;
      if (seen.has(relId)) continue;
      seen.add(relId);
      relationships.push(makeRelationship(link.type, from, to, [link.evidence()]));
    }
    return { assets: [...assets.values()], relationships };
  }
}
