/**
 * Pipfile (TOML): `[packages]` → `runtime`, `[dev-packages]` → `dev`, any other table of packages
 * (Pipenv's custom categories) → `group:<name>`. Values are `"*"`, `"==1.0"` or tables
 * (`{version = "...", extras = [...]}`, `{git = "..."}`); `*` is kept as the spec written.
 */
import { asTable, headerLine, parseToml } from './toml.ts';
import { TomlEntries } from './toml-entries.ts';
import type { ParseOutcome } from './types.ts';

/** Tables of a Pipfile that are not package lists. */
const NOT_PACKAGES = new Set(['source', 'requires', 'scripts', 'pipenv']);

/** Parses a Pipfile; invalid TOML is one problem. */
export function parsePipfile(content: string): ParseOutcome {
  const parsed = parseToml(content);
  if (parsed.data === undefined) return { entries: [], problems: parsed.problem ? [parsed.problem] : [] };
  const out = new TomlEntries(content, 'pypi');
  for (const [section, value] of Object.entries(parsed.data)) {
    if (NOT_PACKAGES.has(section) || asTable(value) === undefined) continue;
    const scope = section === 'packages' ? 'runtime' : section === 'dev-packages' ? 'dev' : `group:${section}`;
    out.keyed(value, () => [scope], [headerLine([section])]);
  }
  return { entries: out.entries, problems: [] };
}
