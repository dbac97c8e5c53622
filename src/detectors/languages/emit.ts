/**
 * Turns resolved imports and model references of one file into assets: one `sdk` asset per
 * package (key shared with the manifest detector, see `resolve.ts`), one `model` asset per id,
 * one `vector-store` asset per product whose client the file constructs.
 */
import { packageProvider, sdkKey } from '../shared/ai-packages.ts';
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import { modelProvider } from '../shared/model-ids.ts';
import type { SourceFile } from '../types.ts';
import type { ImportRef } from './imports.ts';
import type { LineIndex } from './mask.ts';
import type { ModelRef } from './models.ts';
import type { ResolvedPackage } from './resolve.ts';
import type { VectorRef } from './vector-stores.ts';

export const LANGUAGES_DETECTOR_ID = 'languages';
/** Evidence lines kept per asset per file; subpaths kept per package per file. */
const MAX_LINES = 10;
const MAX_SUBPATHS = 20;

/** An import that named a catalog package. */
export interface PackageImport {
  readonly ref: ImportRef;
  readonly pkg: ResolvedPackage;
}

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function firstLines(offsets: readonly number[], lines: LineIndex): number[] {
  return [...new Set(offsets.map((o) => lines.lineOf(o)))].sort((a, b) => a - b).slice(0, MAX_LINES);
}

/** Adds one `sdk` asset per package imported in the file. */
export function emitPackages(file: SourceFile, lines: LineIndex, found: readonly PackageImport[], out: ResultBuilder): void {
  const groups = new Map<string, PackageImport[]>();
  for (const item of found) {
    const key = sdkKey(item.pkg.ecosystem, item.pkg.name);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const key of [...groups.keys()].sort()) {
    const items = groups.get(key) ?? [];
    const { pkg, ecosystem, name } = (items[0] as PackageImport).pkg;
    const inferred = items.every((i) => i.pkg.certainty === 'inferred');
    // A path naming more than the package itself (`OpenAI.Chat`, `langchain/llm`, Go sub-packages).
    const subpaths = sortedUnique(items.map((i) => i.ref.path).filter((p) => p !== name && /[./]/.test(p))).slice(0, MAX_SUBPATHS);
    const provider = packageProvider(pkg, name);
    out.asset(file, {
      kind: 'sdk',
      key,
      name,
      ...(provider === undefined ? {} : { provider }),
      attributes: {
        ecosystem,
        category: pkg.category,
        declared: false,
        ...(subpaths.length === 0 ? {} : { subpaths }),
        ...(inferred ? { inferredArtifact: true } : {}),
      },
      evidence: firstLines(items.map((i) => i.ref.offset), lines).map((line) =>
        evidenceAt(file, LANGUAGES_DETECTOR_ID, 'import', inferred ? 'inferred' : 'declared', line, lines.lineText(line)),
      ),
    });
  }
}

/** Adds one `model` asset per id referenced in the file (ids compared lower-cased). */
export function emitModels(file: SourceFile, lines: LineIndex, refs: readonly ModelRef[], out: ResultBuilder): void {
  const groups = new Map<string, ModelRef[]>();
  for (const ref of refs) groups.set(ref.id.toLowerCase(), [...(groups.get(ref.id.toLowerCase()) ?? []), ref]);
  for (const key of [...groups.keys()].sort()) {
    const items = groups.get(key) ?? [];
    const first = items[0] as ModelRef;
    const provider = modelProvider(first.id);
    const literalLines = new Set(items.filter((r) => r.literal).map((r) => lines.lineOf(r.offset)));
    out.asset(file, {
      kind: 'model',
      key,
      name: first.id,
      ...(provider === undefined ? {} : { provider }),
      attributes: { sources: sortedUnique(items.map((r) => r.source)) },
      evidence: firstLines(items.map((r) => r.offset), lines).map((line) =>
        evidenceAt(file, LANGUAGES_DETECTOR_ID, 'call-site', literalLines.has(line) ? 'declared' : 'inferred', line, lines.lineText(line)),
      ),
    });
  }
}

/** Adds one `vector-store` asset per product whose client is constructed in the file (keyed by product, as in JS/Python). */
export function emitVectorStores(file: SourceFile, lines: LineIndex, refs: readonly VectorRef[], out: ResultBuilder): void {
  const groups = new Map<string, VectorRef[]>();
  for (const ref of refs) groups.set(ref.product, [...(groups.get(ref.product) ?? []), ref]);
  for (const product of [...groups.keys()].sort()) {
    const items = groups.get(product) ?? [];
    out.asset(file, {
      kind: 'vector-store',
      key: product,
      name: product,
      provider: product,
      attributes: { clients: sortedUnique(items.map((r) => r.client)) },
      evidence: firstLines(items.map((r) => r.offset), lines).map((line) =>
        evidenceAt(file, LANGUAGES_DETECTOR_ID, 'call-site', 'declared', line, lines.lineText(line)),
      ),
    });
  }
}
