/**
 * Cargo.toml: `[dependencies]` → `runtime` (`optional = true` → `optional`), `[dev-dependencies]`
 * → `dev`, `[build-dependencies]` → `build`, the same three under `[target.'<cfg>'.…]`, and
 * `[workspace.dependencies]` → `managed`. Values: `"1.0"`, `{ version = "1.0", features = [...] }`,
 * `{ workspace = true }` (no version), `{ git = "..." }` (spec `git+<url>`); a renamed dependency
 * (`oai = { package = "async-openai" }`) is the package it names. `[dependencies.x]` tables too.
 */
import { asTable, headerLine, parseToml, type TomlRecord } from './toml.ts';
import { TomlEntries, type KeyedDependency } from './toml-entries.ts';
import type { ParseOutcome } from './types.ts';

const KINDS = [
  ['dependencies', 'runtime'],
  ['dev-dependencies', 'dev'],
  ['dev_dependencies', 'dev'],
  ['build-dependencies', 'build'],
  ['build_dependencies', 'build'],
] as const;

/** Parses a Cargo.toml; invalid TOML is one problem. */
export function parseCargoToml(content: string): ParseOutcome {
  const parsed = parseToml(content);
  if (parsed.data === undefined) return { entries: [], problems: parsed.problem ? [parsed.problem] : [] };
  const out = new TomlEntries(content, 'cargo');
  readTables(parsed.data, [], out);
  for (const [cfg, table] of Object.entries(asTable(parsed.data['target']) ?? {})) {
    readTables(asTable(table) ?? {}, ['target', cfg], out);
  }
  const workspace = asTable(parsed.data['workspace'])?.['dependencies'];
  out.keyed(workspace, () => ['managed'], [headerLine(['workspace', 'dependencies'])]);
  return { entries: out.entries, problems: [] };
}

function readTables(root: TomlRecord, prefix: readonly string[], out: TomlEntries): void {
  for (const [table, scope] of KINDS) {
    const scopes = (dep: KeyedDependency): readonly string[] => [scope === 'runtime' && dep.optional ? 'optional' : scope];
    out.keyed(root[table], scopes, [headerLine([...prefix, table])]);
  }
}
