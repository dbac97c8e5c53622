/**
 * .NET project files (`*.csproj`, `*.fsproj`, `*.vbproj`), `Directory.Packages.props`,
 * `Directory.Build.props` and legacy `packages.config`.
 * - `<PackageReference Include="X" Version="1.0" />`, or with a `<Version>` child element
 *   (`VersionOverride` too) → `runtime`; `PrivateAssets="all"` (analyzers, build tools) → `build`
 * - `<GlobalPackageReference Include="X" />` → `build` (central analyzers)
 * - `<PackageVersion Include="X" Version="1.0" />` (central package management) → `managed`
 * - `packages.config` `<package id="X" version="1.0" />` → `runtime`
 * `Update=` items modify a reference declared elsewhere and are not read.
 */
import { childText, descendants, scanXml, type XmlElement } from './xml-scan.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

const ITEMS = [
  ['PackageReference', 'runtime'],
  ['GlobalPackageReference', 'build'],
  ['PackageVersion', 'managed'],
] as const;

/** Parses an MSBuild project/props file or packages.config; malformed XML is one problem. */
export function parseMsbuild(content: string): ParseOutcome {
  const { root, problem } = scanXml(content);
  const entries: ManifestEntry[] = [];
  for (const [element, scope] of ITEMS) {
    for (const item of descendants(root, element)) {
      const name = item.attrs['Include']?.trim();
      if (!name) continue;
      push(entries, name, property(item, 'Version') ?? property(item, 'VersionOverride'), itemScope(item, scope), item.line);
    }
  }
  for (const item of descendants(root, 'package')) {
    const name = item.attrs['id']?.trim();
    if (name) push(entries, name, item.attrs['version'], item.attrs['developmentDependency'] === 'true' ? 'dev' : 'runtime', item.line);
  }
  entries.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { entries, problems: problem ? [problem] : [] };
}

/** An item metadata value: attribute form or child element form. */
function property(item: XmlElement, name: string): string | undefined {
  const value = item.attrs[name]?.trim() ?? childText(item, name);
  return value === '' ? undefined : value;
}

function itemScope(item: XmlElement, scope: string): string {
  if (scope !== 'runtime') return scope;
  return property(item, 'PrivateAssets')?.toLowerCase() === 'all' ? 'build' : scope;
}

function push(entries: ManifestEntry[], name: string, version: string | undefined, scope: string, line: number): void {
  entries.push({ ecosystem: 'nuget', name, scope, line, ...(version ? { version: version.trim() } : {}) });
}
