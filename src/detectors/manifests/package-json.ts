/**
 * package.json: `dependencies` (runtime), `devDependencies` (dev), `peerDependencies` (peer) and
 * `optionalDependencies` (optional). npm aliases (`"oai": "npm:openai@^4"`) resolve to the real
 * package. `workspaces` is deliberately ignored: each workspace's own package.json is matched itself.
 */
import { lineOf } from '../shared/build.ts';
import { escapeRegExp } from './lines.ts';
import type { ManifestEntry, ParseOutcome, ParseProblem } from './types.ts';

const SECTIONS = [
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
] as const;

/** Parses a package.json; invalid JSON is one problem (with its line when the engine reports one). */
export function parsePackageJson(content: string): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { entries: [], problems: [jsonProblem(content, error)] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { entries: [], problems: [{ message: 'package.json is not a JSON object', line: 1 }] };
  }
  const entries: ManifestEntry[] = [];
  for (const [section, scope] of SECTIONS) {
    const deps = (data as Record<string, unknown>)[section];
    if (deps === null || typeof deps !== 'object' || Array.isArray(deps)) continue;
    for (const [key, value] of Object.entries(deps as Record<string, unknown>)) {
      const spec = typeof value === 'string' ? value.trim() : undefined;
      const { name, version } = resolveAlias(key, spec);
      const line = memberLine(content, section, key);
      entries.push({ ecosystem: 'npm', name, scope, ...(version ? { version } : {}), ...(line ? { line } : {}) });
    }
  }
  return { entries, problems: [] };
}

/** `npm:<name>@<spec>` installs `<name>` under another key; the package is the real name. */
function resolveAlias(key: string, spec: string | undefined): { name: string; version?: string } {
  const alias = spec === undefined ? null : /^npm:((?:@[^/@]+\/)?[^@]+)(?:@(.*))?$/.exec(spec);
  if (alias?.[1] === undefined) return { name: key, ...(spec === undefined ? {} : { version: spec }) };
  return { name: alias[1], ...(alias[2] ? { version: alias[2] } : {}) };
}

/** Line of `"key":` inside the section's object, else of its first occurrence anywhere. */
function memberLine(content: string, section: string, key: string): number | undefined {
  const member = new RegExp(`"${escapeRegExp(key)}"\\s*:`, 'g');
  const open = new RegExp(`"${section}"\\s*:\\s*\\{`).exec(content);
  if (open) {
    member.lastIndex = open.index + open[0].length;
    const hit = member.exec(content);
    if (hit && hit.index < objectEnd(content, open.index + open[0].length)) return lineOf(content, hit.index);
  }
  member.lastIndex = 0;
  const any = member.exec(content);
  return any ? lineOf(content, any.index) : undefined;
}

/** Offset of the `}` closing the object whose body starts at `from` (strings skipped). */
function objectEnd(content: string, from: number): number {
  let depth = 1;
  for (let i = from; i < content.length; i++) {
    const c = content[i];
    if (c === '"') {
      for (i++; i < content.length && content[i] !== '"'; i++) if (content[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return content.length;
}

function jsonProblem(content: string, error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /\(line (\d+) column \d+\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  const line = lineCol?.[1] ? Number(lineCol[1]) : position?.[1] ? lineOf(content, Number(position[1])) : undefined;
  return { message: `invalid JSON: ${message}`, ...(line === undefined ? {} : { line }) };
}
