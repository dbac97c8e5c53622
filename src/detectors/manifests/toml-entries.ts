/**
 * Collects entries from parsed TOML manifests in the two shapes they use: PEP 508 string lists
 * (`dependencies = ["openai>=1"]`) and keyed tables (`openai = "^1"`, `x = { version = "1" }`),
 * locating each one's line after the anchors (table header, key) that lead to it.
 */
import type { Ecosystem } from '../shared/ai-packages.ts';
import { LineIndex } from './lines.ts';
import { parseRequirement } from './pep508.ts';
import { asString, asTable, keyEntry, stringEntry, stringItems, type TomlRecord } from './toml.ts';
import type { ManifestEntry } from './types.ts';

/** One dependency of a keyed table, before scoping. */
export interface KeyedDependency {
  /** The key as written (the alias for renamed Cargo packages). */
  readonly key: string;
  /** The package: `package = "..."` when renamed, else the key. */
  readonly name: string;
  readonly version?: string;
  /** `optional = true` (Poetry, Cargo). */
  readonly optional: boolean;
}

/** Accumulates entries of one TOML manifest. */
export class TomlEntries {
  readonly entries: ManifestEntry[] = [];
  private readonly index: LineIndex;
  private readonly ecosystem: Ecosystem;

  constructor(content: string, ecosystem: Ecosystem) {
    this.index = new LineIndex(content);
    this.ecosystem = ecosystem;
  }

  /** Adds a PEP 508 list (non-string items such as `{include-group = "x"}` are skipped). */
  requirements(value: unknown, scope: string, anchors: readonly RegExp[]): void {
    for (const item of stringItems(value)) {
      const req = parseRequirement(item);
      if (req === undefined) continue;
      const line = this.index.locate(anchors, stringEntry(req.name));
      this.push(req.name, req.spec, scope, line);
    }
  }

  /** Adds a keyed table; `scopes` picks the scope(s) of each dependency; `skip` keys are not packages. */
  keyed(
    value: unknown,
    scopes: (dep: KeyedDependency) => readonly string[],
    anchors: readonly RegExp[],
    skip: readonly string[] = [],
  ): void {
    for (const [key, spec] of Object.entries(asTable(value) ?? {})) {
      if (skip.includes(key.toLowerCase())) continue;
      const line = this.index.locate(anchors, keyEntry(key));
      for (const dep of readKeyed(key, spec)) {
        for (const scope of scopes(dep)) this.push(dep.name, dep.version, scope, line);
      }
    }
  }

  private push(name: string, version: string | undefined, scope: string, line: number | undefined): void {
    this.entries.push({
      ecosystem: this.ecosystem,
      name,
      scope,
      ...(version === undefined || version === '' ? {} : { version }),
      ...(line === undefined ? {} : { line }),
    });
  }
}

/** Reads `"^1.0"`, `{ version, package, git, optional }` and Poetry's list of constraint tables. */
export function readKeyed(key: string, spec: unknown): KeyedDependency[] {
  if (typeof spec === 'string') return [{ key, name: key, version: spec.trim(), optional: false }];
  if (Array.isArray(spec)) return spec.flatMap((item) => (asTable(item) ? readKeyed(key, item) : []));
  const table: TomlRecord | undefined = asTable(spec);
  if (table === undefined) return [{ key, name: key, optional: false }];
  const git = asString(table['git']);
  const version = asString(table['version']) ?? (git === undefined ? asString(table['url']) : `git+${git}`);
  return [
    {
      key,
      name: asString(table['package']) ?? key,
      ...(version === undefined ? {} : { version: version.trim() }),
      optional: table['optional'] === true,
    },
  ];
}
