/**
 * Maps what an import names (Go import path, Java/Kotlin package, C# namespace, Ruby require,
 * Rust crate identifier) to the package a manifest would declare, via `catalog.ts` and the shared
 * package catalog. The result's key is built exactly like the manifest detector's
 * (`sdkKey` in shared/ai-packages.ts), so both sightings of one package are one asset.
 */
import { AI_PACKAGES, findAiPackage, type AiPackage, type Ecosystem } from '../shared/ai-packages.ts';
import { CRATE_LIBRARY_NAMES, GEMS, JVM_PACKAGES, NUGET_NAMESPACES, type Certainty, type GemRow, type PrefixRow } from './catalog.ts';

/** A catalog package an import resolved to. */
export interface ResolvedPackage {
  readonly ecosystem: Ecosystem;
  /** Package as published (Go module path, `group:artifact`, NuGet id, gem, crate). */
  readonly name: string;
  readonly pkg: AiPackage;
  readonly certainty: Certainty;
}

/** The asset key of a package: the manifest detector's formula, so the two sightings merge. */

function resolved(ecosystem: Ecosystem, name: string, certainty: Certainty): ResolvedPackage | undefined {
  const pkg = findAiPackage(ecosystem, name);
  return pkg === undefined ? undefined : { ecosystem, name, pkg, certainty };
}

/** Go module rows, longest first (a nested module wins over its repository's root). */
const GO_MODULES = AI_PACKAGES.filter((p) => p.ecosystem === 'go')
  .map((p) => p.name)
  .sort((a, b) => b.length - a.length);

/**
 * Go import path → module: the catalog module it lies in, plus the `/vN` major-version suffix when
 * the path has one (`github.com/openai/openai-go/v3/option` → `github.com/openai/openai-go/v3`),
 * which is how go.mod names the module.
 */
export function resolveGo(path: string): ResolvedPackage | undefined {
  for (const module of GO_MODULES) {
    if (path !== module && !path.startsWith(`${module}/`)) continue;
    const major = /^\/(v\d+)(?:\/|$)/.exec(path.slice(module.length));
    return resolved('go', major ? `${module}/${major[1] ?? ''}` : module, 'exact');
  }
  return undefined;
}

function prefixIndex(rows: readonly PrefixRow[]): Map<string, PrefixRow> {
  return new Map(rows.map((r) => [r.prefix, r]));
}

const JVM_INDEX = prefixIndex(JVM_PACKAGES);
const NUGET_INDEX = prefixIndex(NUGET_NAMESPACES);

/** Longest whole-segment prefix of `dotted` in `index`, with `{n}` targets expanded. */
function longestPrefix(index: Map<string, PrefixRow>, dotted: string): { row: PrefixRow; pkg: string } | undefined {
  const segments = dotted.split('.');
  for (let k = segments.length; k > 0; k--) {
    const row = index.get(segments.slice(0, k).join('.'));
    if (row === undefined) continue;
    const take = /^\{(\d+)\}$/.exec(row.pkg);
    if (!take) return { row, pkg: row.pkg };
    const n = Number(take[1]);
    if (segments.length >= n) return { row, pkg: segments.slice(0, n).join('.') };
  }
  return undefined;
}

/** Java/Kotlin import (`dev.langchain4j.model.openai.OpenAiChatModel`, `com.openai.*`) → artifact. */
export function resolveJvm(qualified: string): ResolvedPackage | undefined {
  const hit = longestPrefix(JVM_INDEX, qualified.replace(/\.\*$/, ''));
  return hit === undefined ? undefined : resolved('maven', hit.pkg, hit.row.certainty);
}

/** C# `using` namespace (`Azure.AI.OpenAI`, `Microsoft.SemanticKernel.Connectors.OpenAI`) → NuGet id. */
export function resolveNuget(namespace: string): ResolvedPackage | undefined {
  const hit = longestPrefix(NUGET_INDEX, namespace);
  return hit === undefined ? undefined : resolved('nuget', hit.pkg, hit.row.certainty);
}

const GEM_INDEX = new Map<string, GemRow>(GEMS.map((g) => [g.require, g]));

/** Ruby `require "x/y"` → gem, using `code` (the file, comments blanked) to choose between look-alikes. */
export function resolveGem(required: string, code: string): ResolvedPackage | undefined {
  const row = GEM_INDEX.get(required.split('/')[0] ?? '');
  if (row === undefined) return undefined;
  if (row.alternative === undefined) return resolved('gem', row.gem, 'exact');
  if (row.alternative.pattern.test(code)) return resolved('gem', row.alternative.gem, 'exact');
  return resolved('gem', row.gem, /\baccess_token:|\bparameters:/.test(code) ? 'exact' : 'inferred');
}

const CRATES = new Map<string, string>([
  ...AI_PACKAGES.filter((p) => p.ecosystem === 'cargo' && !p.prefix).map((p) => [p.name.replace(/-/g, '_'), p.name] as const),
  ...CRATE_LIBRARY_NAMES.map(([library, crate]) => [library, crate] as const),
]);

/** Rust library identifier (`async_openai`, `rig`) → crate as published (`async-openai`, `rig-core`). */
export function resolveCrate(library: string): ResolvedPackage | undefined {
  const crate = CRATES.get(library);
  return crate === undefined ? undefined : resolved('cargo', crate, 'exact');
}

/** Every mapping target of the tables, for the catalog consistency test. */
export function catalogTargets(): { ecosystem: Ecosystem; name: string }[] {
  return [
    ...JVM_PACKAGES.map((r) => ({ ecosystem: 'maven' as const, name: r.pkg })),
    ...NUGET_NAMESPACES.filter((r) => !r.pkg.startsWith('{')).map((r) => ({ ecosystem: 'nuget' as const, name: r.pkg })),
    ...GEMS.flatMap((g) => [{ ecosystem: 'gem' as const, name: g.gem }, ...(g.alternative ? [{ ecosystem: 'gem' as const, name: g.alternative.gem }] : [])]),
    ...CRATE_LIBRARY_NAMES.map(([, crate]) => ({ ecosystem: 'cargo' as const, name: crate })),
  ];
}
