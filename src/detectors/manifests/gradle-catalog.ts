/**
 * Gradle version catalogs (`gradle/libs.versions.toml`): each `[libraries]` entry, in any of its
 * forms (`"g:a:v"`, `{ module = "g:a", version = "v" }`, `{ group = "g", name = "a" }`), with
 * `version.ref` resolved from `[versions]`. Scope `managed`: a catalog entry makes a dependency
 * available to build scripts, it does not prove a project uses it (the build script does).
 */
import { asString, asTable, at, headerLine, keyEntry, parseToml, type TomlRecord } from './toml.ts';
import { LineIndex } from './lines.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

/** Parses a Gradle version catalog; invalid TOML is one problem. */
export function parseGradleCatalog(content: string): ParseOutcome {
  const parsed = parseToml(content);
  if (parsed.data === undefined) return { entries: [], problems: parsed.problem ? [parsed.problem] : [] };
  const versions = asTable(parsed.data['versions']) ?? {};
  const index = new LineIndex(content);
  const entries: ManifestEntry[] = [];
  for (const [alias, value] of Object.entries(asTable(parsed.data['libraries']) ?? {})) {
    const library = readLibrary(value, versions);
    if (library === undefined) continue;
    const line = index.locate([headerLine(['libraries'])], keyEntry(alias));
    entries.push({
      ecosystem: 'maven',
      name: library.name,
      scope: 'managed',
      ...(library.version === undefined ? {} : { version: library.version }),
      ...(line === undefined ? {} : { line }),
    });
  }
  return { entries, problems: [] };
}

function readLibrary(value: unknown, versions: TomlRecord): { name: string; version?: string } | undefined {
  const text = asString(value);
  if (text !== undefined) {
    const [group, artifact, version] = text.split(':');
    return group && artifact ? { name: `${group}:${artifact}`, ...(version ? { version } : {}) } : undefined;
  }
  const table = asTable(value);
  if (table === undefined) return undefined;
  const module = asString(table['module']);
  const group = asString(table['group']);
  const artifact = asString(table['name']);
  const name = module ?? (group && artifact ? `${group}:${artifact}` : undefined);
  if (name === undefined) return undefined;
  const ref = asString(at(table, 'version', 'ref'));
  const version = asString(table['version']) ?? (ref === undefined ? undefined : versionOf(versions[ref]));
  return { name, ...(version === undefined ? {} : { version }) };
}

/** A `[versions]` value: a plain string or a rich version (`{ strictly | require | prefer = ... }`). */
function versionOf(value: unknown): string | undefined {
  const table = asTable(value);
  return asString(value) ?? asString(table?.['strictly']) ?? asString(table?.['require']) ?? asString(table?.['prefer']);
}
