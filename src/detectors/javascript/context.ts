/**
 * Per-file analysis context and the accumulator that folds repeated sightings of one asset (the same
 * model used on five lines) into one asset with several evidence entries, merging attributes the
 * way the pipeline does across files (arrays → sorted union, booleans OR, scalars keep the first).
 */
import type { Node } from '@babel/types';
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import type { Asset, AssetKind, AttributeValue, Attributes, Confidence, Evidence, Technique } from '../../model/index.ts';
import type { SourceFile } from '../types.ts';
import type { Resolver } from './constants.ts';
import type { ImportTable } from './imports.ts';
import type { Origins } from './origins.ts';
import type { FileFacts } from './walk.ts';

/** Detector id used in evidence and diagnostics. */
export const DETECTOR_ID = 'javascript';

/** Everything an analysis of one file needs. */
export interface Context {
  readonly file: SourceFile;
  readonly facts: FileFacts;
  readonly imports: ImportTable;
  readonly resolver: Resolver;
  readonly origins: Origins;
  readonly found: Accumulator;
  /**
   * Evidence at a node's (or a 1-based line's) source line; `quote` turns the line into what the
   * snippet may show (undefined: no snippet): a client connection hides the values its attributes hide.
   */
  evidence(at: Node | number, technique: Technique, confidence: Confidence, quote?: (line: string) => string | undefined): Evidence;
}

/** Builds the evidence helper for a file; lines are split once, lazily. */
export function evidenceFactory(file: SourceFile): Context['evidence'] {
  let lines: string[] | undefined;
  return (at, technique, confidence, quote) => {
    const line = typeof at === 'number' ? at : (at.loc?.start.line ?? 1);
    lines ??= file.content.split('\n');
    const text = lines[line - 1];
    return evidenceAt(file, DETECTOR_ID, technique, confidence, line, text === undefined || quote === undefined ? text : quote(text));
  };
}

/** One observation of an asset. */
export interface Sighting {
  readonly kind: AssetKind;
  readonly key: string;
  readonly name: string;
  readonly provider?: string;
  readonly attributes?: Attributes;
  readonly evidence: Evidence;
}

/** Identity of an accumulated asset, for relationships. */
export interface AssetRef {
  readonly kind: AssetKind;
  readonly key: string;
}

interface Entry {
  kind: AssetKind;
  key: string;
  name: string;
  provider?: string;
  attributes: Record<string, AttributeValue>;
  evidence: Evidence[];
}

/** Collects sightings and relationships; `flush` turns them into assets on a ResultBuilder. */
export class Accumulator {
  private readonly entries = new Map<string, Entry>();
  private readonly links: Array<{ from: AssetRef; to: AssetRef; evidence: Evidence }> = [];

  /** Assets recorded so far. */
  get size(): number {
    return this.entries.size;
  }

  /** Records a sighting, merging it into an earlier one of the same kind and key. */
  add(s: Sighting): void {
    const id = `${s.kind}\u0000${s.key}`;
    const entry = this.entries.get(id);
    if (!entry) {
      this.entries.set(id, { kind: s.kind, key: s.key, name: s.name, ...(s.provider === undefined ? {} : { provider: s.provider }), attributes: normalize(s.attributes ?? {}), evidence: [s.evidence] });
      return;
    }
    entry.provider ??= s.provider;
    mergeAttributes(entry.attributes, s.attributes ?? {});
    addEvidence(entry.evidence, s.evidence);
  }

  /** Records a `PROVIDES` relationship between two accumulated assets. */
  provides(from: AssetRef, to: AssetRef, evidence: Evidence): void {
    this.links.push({ from, to, evidence });
  }

  /** Emits the accumulated assets and relationships, in the order first seen. */
  flush(file: SourceFile, builder: ResultBuilder): void {
    const built = new Map<string, Asset>();
    for (const [id, e] of this.entries) {
      built.set(id, builder.asset(file, { kind: e.kind, key: e.key, name: e.name, ...(e.provider === undefined ? {} : { provider: e.provider }), attributes: e.attributes, evidence: e.evidence }));
    }
    const seen = new Set<string>();
    for (const link of this.links) {
      const from = built.get(`${link.from.kind}\u0000${link.from.key}`);
      const to = built.get(`${link.to.kind}\u0000${link.to.key}`);
      if (!from || !to || seen.has(`${from.id}|${to.id}`)) continue;
      seen.add(`${from.id}|${to.id}`);
      builder.relate('PROVIDES', from, to, [link.evidence]);
    }
  }
}

/** Lists whose order is their meaning: a command line's `args` (one key has one command line, so no merge changes it). */
const ORDERED: ReadonlySet<string> = new Set(['args']);

function normalize(attributes: Attributes): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(attributes)) out[k] = Array.isArray(v) && !ORDERED.has(k) ? sortedUnique(v) : v;
  return out;
}

function mergeAttributes(target: Record<string, AttributeValue>, more: Attributes): void {
  for (const [k, v] of Object.entries(more)) {
    const current = target[k];
    if (current === undefined) target[k] = Array.isArray(v) && !ORDERED.has(k) ? sortedUnique(v) : v;
    else if (Array.isArray(current) && Array.isArray(v) && !ORDERED.has(k)) target[k] = sortedUnique([...current, ...v]);
    else if (typeof current === 'boolean' && typeof v === 'boolean') target[k] = current || v;
  }
}

function sortedUnique(values: readonly AttributeValue[]): AttributeValue[] {
  const seen = new Map<string, AttributeValue>();
  for (const v of values) seen.set(typeof v === 'string' ? v : JSON.stringify(v), v);
  // Numbers in numeric order (dimensions 768 before 1536), anything else by its text.
  const entries = [...seen.entries()];
  if (entries.every(([, v]) => typeof v === 'number')) return entries.map(([, v]) => v as number).sort((a, b) => a - b);
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** Adds evidence unless the same line was already recorded; a declared sighting upgrades an inferred one. */
function addEvidence(list: Evidence[], e: Evidence): void {
  const index = list.findIndex((x) => x.line === e.line && x.technique === e.technique);
  if (index === -1) list.push(e);
  else if (list[index]?.confidence === 'inferred' && e.confidence === 'declared') list[index] = e;
}
