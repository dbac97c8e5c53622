/**
 * pyproject.toml, every place Python projects declare dependencies:
 * - PEP 621 `[project] dependencies` → `runtime`; `[project.optional-dependencies] <extra>` → `optional:<extra>`
 * - PEP 735 `[dependency-groups] <group>` → `group:<group>` (`{include-group = ...}` items skipped)
 * - PEP 518 `[build-system] requires` → `build`
 * - Poetry `[tool.poetry.dependencies]` → `runtime` (`optional = true` → `optional:<extra>` per
 *   `[tool.poetry.extras]`, else `optional`), `[tool.poetry.dev-dependencies]` → `dev`,
 *   `[tool.poetry.group.<g>.dependencies]` → `group:<g>`; the `python` key is not a package
 * - uv `[tool.uv] dev-dependencies` → `dev`; PDM `[tool.pdm.dev-dependencies] <g>` → `group:<g>`
 * - Hatch `[tool.hatch.envs.<env>] dependencies` / `extra-dependencies` → `env:<env>`
 */
import { normalizePackageName } from '../shared/ai-packages.ts';
import { asTable, at, headerLine, keyLine, parseToml, stringItems, type TomlRecord } from './toml.ts';
import { TomlEntries, type KeyedDependency } from './toml-entries.ts';
import type { ParseOutcome } from './types.ts';

/** Parses a pyproject.toml; invalid TOML is one problem at the line smol-toml reports. */
export function parsePyprojectToml(content: string): ParseOutcome {
  const parsed = parseToml(content);
  if (parsed.data === undefined) return { entries: [], problems: parsed.problem ? [parsed.problem] : [] };
  const out = new TomlEntries(content, 'pypi');
  readStandard(parsed.data, out);
  readPoetry(asTable(at(parsed.data, 'tool', 'poetry')), out);
  readUvPdmHatch(asTable(parsed.data['tool']), out);
  return { entries: out.entries, problems: [] };
}

function readStandard(data: TomlRecord, out: TomlEntries): void {
  out.requirements(at(data, 'project', 'dependencies'), 'runtime', [headerLine(['project']), keyLine('dependencies')]);
  const extras = asTable(at(data, 'project', 'optional-dependencies')) ?? {};
  for (const [extra, list] of Object.entries(extras)) {
    out.requirements(list, `optional:${extra}`, [headerLine(['project', 'optional-dependencies']), keyLine(extra)]);
  }
  for (const [group, list] of Object.entries(asTable(data['dependency-groups']) ?? {})) {
    out.requirements(list, `group:${group}`, [headerLine(['dependency-groups']), keyLine(group)]);
  }
  out.requirements(at(data, 'build-system', 'requires'), 'build', [headerLine(['build-system']), keyLine('requires')]);
}

function readPoetry(poetry: TomlRecord | undefined, out: TomlEntries): void {
  if (poetry === undefined) return;
  const extras = poetryExtras(poetry['extras']);
  const main = (dep: KeyedDependency): readonly string[] => {
    if (!dep.optional) return ['runtime'];
    const named = extras.get(normalizePackageName('pypi', dep.name));
    return named === undefined ? ['optional'] : named.map((extra) => `optional:${extra}`);
  };
  const skip = ['python'];
  out.keyed(poetry['dependencies'], main, [headerLine(['tool', 'poetry', 'dependencies'])], skip);
  out.keyed(poetry['dev-dependencies'], () => ['dev'], [headerLine(['tool', 'poetry', 'dev-dependencies'])], skip);
  for (const [group, table] of Object.entries(asTable(poetry['group']) ?? {})) {
    const anchors = [headerLine(['tool', 'poetry', 'group', group, 'dependencies'])];
    out.keyed(asTable(table)?.['dependencies'], () => [`group:${group}`], anchors, skip);
  }
}

/** Normalized package name → the Poetry extras that list it. */
function poetryExtras(value: unknown): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const [extra, list] of Object.entries(asTable(value) ?? {})) {
    for (const item of stringItems(list)) {
      const name = normalizePackageName('pypi', item.split(/[\s[<>=!~;]/)[0] ?? item);
      byPackage.set(name, [...(byPackage.get(name) ?? []), extra]);
    }
  }
  return byPackage;
}

function readUvPdmHatch(tool: TomlRecord | undefined, out: TomlEntries): void {
  if (tool === undefined) return;
  out.requirements(at(tool, 'uv', 'dev-dependencies'), 'dev', [headerLine(['tool', 'uv']), keyLine('dev-dependencies')]);
  for (const [group, list] of Object.entries(asTable(at(tool, 'pdm', 'dev-dependencies')) ?? {})) {
    out.requirements(list, `group:${group}`, [headerLine(['tool', 'pdm', 'dev-dependencies']), keyLine(group)]);
  }
  for (const [env, table] of Object.entries(asTable(at(tool, 'hatch', 'envs')) ?? {})) {
    for (const key of ['dependencies', 'extra-dependencies']) {
      out.requirements(asTable(table)?.[key], `env:${env}`, [headerLine(['tool', 'hatch', 'envs', env]), keyLine(key)]);
    }
  }
}
