/**
 * Gemfile and *.gemspec (Ruby). Gemfile: `gem 'name', '~> 1.0', '>= 1.0.2', group: :test` (parens
 * optional); several version strings join into one spec (`~> 1.0, >= 1.0.2`). Groups come from
 * `group :a, :b do ... end` blocks and `group:`/`groups:` options: `development` and `test` → `dev`,
 * others → `group:<name>`, none → `runtime`. Blocks are tracked by `do`/`end` and block keywords so
 * `platforms`/`source`/`if` blocks nest correctly. gemspec: `add_dependency` and
 * `add_runtime_dependency` → `runtime`, `add_development_dependency` → `dev`. Comments are blanked.
 */
import { blankComments } from './lines.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

const GEM = /^\s*gem\s*\(?\s*(["'])([^"']+)\1(.*)$/;
const GEMSPEC = /\.add_(runtime_|development_)?dependency\s*\(?\s*(["'])([^"']+)\2(.*)$/;
const GROUP_BLOCK = /^\s*group\s*\(?(.+?)\)?\s+do\b/;
const OPENS_BLOCK = /(?:\bdo\s*(?:\|[^|]*\|)?\s*$)|^\s*(?:if|unless|case|begin|while|until|def|class|module)\b/;
const DEV_GROUPS = new Set(['development', 'test']);

/** Parses a Gemfile or gemspec; Ruby is not evaluated, lines that do not match are skipped. */
export function parseGemfile(content: string, path: string): ParseOutcome {
  const lines = blankComments(content, '#', false).split(/\r?\n/);
  const entries: ManifestEntry[] = [];
  const gemspec = path.endsWith('.gemspec');
  const blocks: (readonly string[])[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (gemspec) {
      const m = GEMSPEC.exec(text);
      if (m?.[3]) push(entries, m[3], versionsOf(m[4] ?? ''), [m[1] === 'development_' ? 'dev' : 'runtime'], line);
      return;
    }
    const group = GROUP_BLOCK.exec(text);
    if (group?.[1]) blocks.push(symbols(group[1]));
    else if (/^\s*end\b/.test(text)) blocks.pop();
    else if (OPENS_BLOCK.test(text)) blocks.push([]);
    const gem = GEM.exec(text);
    if (!gem?.[2]) return;
    const rest = gem[3] ?? '';
    const inline = /(?:\bgroups?:|:groups?\s*=>)\s*(\[[^\]]*\]|:\w+|["'][^"']+["'])/.exec(rest);
    const groups = [...blocks.flat(), ...(inline?.[1] ? symbols(inline[1]) : [])];
    push(entries, gem[2], versionsOf(rest), scopesOf(groups), line);
  });
  return { entries, problems: [] };
}

/** Version strings that directly follow the name (stops at the first `key:` option). */
function versionsOf(rest: string): string | undefined {
  const versions: string[] = [];
  const arg = /^\s*,\s*(["'])([^"']*)\1/;
  let remaining = rest;
  for (let m = arg.exec(remaining); m; m = arg.exec(remaining)) {
    if (m[2]) versions.push(m[2].trim());
    remaining = remaining.slice(m[0].length);
  }
  return versions.length === 0 ? undefined : versions.join(', ');
}

/** Names in `:a, :b`, `[:a, "b"]`, `'a'`. */
function symbols(text: string): string[] {
  return [...text.matchAll(/:(\w+)|["'](\w+)["']/g)].map((m) => m[1] ?? m[2] ?? '').filter((s) => s !== '');
}

function scopesOf(groups: readonly string[]): string[] {
  if (groups.length === 0) return ['runtime'];
  return [...new Set(groups.map((g) => (DEV_GROUPS.has(g) ? 'dev' : `group:${g}`)))];
}

function push(entries: ManifestEntry[], name: string, version: string | undefined, scopes: readonly string[], line: number): void {
  for (const scope of scopes) entries.push({ ecosystem: 'gem', name, scope, line, ...(version ? { version } : {}) });
}
