/**
 * Pure merge of detector and connector results into one consistent set: assets deduplicated by id
 * (evidence unioned, attributes merged by fixed rules), relationships deduplicated, dangling edges
 * dropped with a diagnostic, everything sorted and key-ordered so output is byte-stable.
 */
import { AttributeMerger } from '../model/attributes.ts';
import {
  compareEvidence,
  evidenceKey,
  redactSnippet,
  type Asset,
  type Attributes,
  type AttributeValue,
  type DetectionResult,
  type Diagnostic,
  type Evidence,
  type Relationship,
} from '../model/index.ts';

export { mergeAttributes } from '../model/attributes.ts';

export interface Merged {
  readonly assets: Asset[];
  readonly relationships: Relationship[];
  readonly diagnostics: Diagnostic[];
}

/** Deep-sorts object keys so JSON output does not depend on which detector wrote first. */
export function canonical<T extends AttributeValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v: AttributeValue) => canonical(v)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, AttributeValue>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)])) as T;
  }
  return value;
}

/** Evidence deduplicated (a declared copy wins), sorted and key-ordered: what a merged asset or edge holds. */
export function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const e of list) {
    const k = evidenceKey(e);
    const prev = byKey.get(k);
    // Same observation seen twice: keep the stronger confidence.
    if (!prev || (prev.confidence === 'inferred' && e.confidence === 'declared')) byKey.set(k, e);
  }
  return [...byKey.values()].sort(compareEvidence).map(orderEvidence);
}

function orderEvidence(e: Evidence): Evidence {
  return {
    ...(e.path === undefined ? {} : { path: e.path }),
    ...(e.cell === undefined ? {} : { cell: e.cell }),
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.snippet === undefined ? {} : { snippet: e.snippet }),
    ...(e.url === undefined ? {} : { url: e.url }),
    technique: e.technique,
    confidence: e.confidence,
    detector: e.detector,
  };
}

/** Merges everything but evidence and attributes, which the caller collects per id (see mergeResults). */
function mergeAsset(prev: Asset, next: Asset): Asset {
  return {
    ...prev,
    provider: prev.provider ?? next.provider,
    nativeId: prev.nativeId ?? next.nativeId,
    tags: { ...next.tags, ...prev.tags },
  };
}

/** Adds `next` to the merger kept for `id`, started from `first` on the id's second result. */
function mergeInto(mergers: Map<string, AttributeMerger>, id: string, first: Attributes, next: Attributes): void {
  let merger = mergers.get(id);
  if (merger === undefined) mergers.set(id, (merger = new AttributeMerger(first)));
  merger.add(next);
}

/** Appends to the list kept for `id`: one growing array per asset, not a copy per merge. */
function collect(lists: Map<string, Evidence[]>, id: string, evidence: readonly Evidence[]): void {
  const list = lists.get(id);
  if (list) for (const e of evidence) list.push(e);
  else lists.set(id, [...evidence]);
}

function finalizeAsset(a: Asset): Asset {
  const evidence = uniqueEvidence(a.evidence);
  let attributes = a.attributes;
  // An SDK is declared when some manifest lists it; an import alone leaves it undeclared. A
  // PostgreSQL extension is declared where a schema or migration creates it (`extensions`, sql detector).
  if (a.kind === 'sdk') {
    const created = a.attributes['ecosystem'] === 'postgresql' && Array.isArray(a.attributes['extensions']) && a.attributes['extensions'].length > 0;
    attributes = { ...attributes, declared: created || evidence.some((e) => e.technique === 'manifest') };
  }
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    ...(a.provider === undefined ? {} : { provider: a.provider }),
    ...(a.nativeId === undefined ? {} : { nativeId: a.nativeId }),
    attributes: canonical(attributes as AttributeValue) as Attributes,
    evidence,
    tags: canonical(a.tags as AttributeValue) as Record<string, string>,
  };
}

const byId = <T extends { id: string }>(x: T, y: T): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Merges results given in a deterministic order (connector, then file path). */
export function mergeResults(results: readonly DetectionResult[]): Merged {
  const assets = new Map<string, Asset>();
  const relationships = new Map<string, Relationship>();
  // An SDK imported in thousands of files merges thousands of times: evidence lists grow in place.
  const assetEvidence = new Map<string, Evidence[]>();
  const relationshipEvidence = new Map<string, Evidence[]>();
  // Attributes of ids seen more than once, merged in the same order as the pairwise rules would.
  const assetAttributes = new Map<string, AttributeMerger>();
  const relationshipProperties = new Map<string, AttributeMerger>();
  const diagnostics: Diagnostic[] = [];
  for (const r of results) {
    for (const a of r.assets) {
      const prev = assets.get(a.id);
      if (prev) mergeInto(assetAttributes, a.id, prev.attributes, a.attributes);
      assets.set(a.id, prev ? mergeAsset(prev, a) : a);
      collect(assetEvidence, a.id, a.evidence);
    }
    for (const rel of r.relationships) {
      const prev = relationships.get(rel.id);
      if (prev) mergeInto(relationshipProperties, rel.id, prev.properties, rel.properties);
      else relationships.set(rel.id, rel);
      collect(relationshipEvidence, rel.id, rel.evidence);
    }
    // Messages can quote the input (parsers echo the text around an error): redact them like snippets.
    for (const d of r.diagnostics) diagnostics.push({ ...d, message: redactSnippet(d.message) });
  }
  const finalRelationships: Relationship[] = [];
  for (const rel of relationships.values()) {
    if (assets.has(rel.from) && assets.has(rel.to)) {
      const properties = relationshipProperties.get(rel.id)?.result() ?? rel.properties;
      finalRelationships.push({ ...rel, properties: canonical(properties as AttributeValue) as Attributes, evidence: uniqueEvidence(relationshipEvidence.get(rel.id) ?? []) });
    } else {
      diagnostics.push({ connector: 'merge', level: 'warn', code: 'detector-failed', message: `dropped ${rel.type} relationship with a missing end (${rel.from} → ${rel.to})` });
    }
  }
  return {
    assets: [...assets.values()]
      .map((a) => finalizeAsset({ ...a, attributes: assetAttributes.get(a.id)?.result() ?? a.attributes, evidence: assetEvidence.get(a.id) ?? [] }))
      .sort(byId),
    relationships: finalRelationships.sort(byId),
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** Dedupes and sorts diagnostics by location, then code, connector and message. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string =>
    [d.location?.path ?? '', String(d.location?.line ?? 0).padStart(9, '0'), d.code, d.connector, d.message, d.level].join('\u0000');
  const unique = new Map(list.map((d) => [key(d), d]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}
