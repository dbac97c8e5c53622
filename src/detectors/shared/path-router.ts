/**
 * Which detectors want a path, decided once per file instead of once per detector and call.
 *
 * - A pattern `**\/<name glob>` only looks at the file name: each detector's such patterns become one
 *   regex over the base name, and the answer is remembered per base name (`index.ts`, `__init__.py`
 *   and `package.json` repeat thousands of times in a monorepo).
 * - Other patterns (`**\/.github/prompts/**\/*.prompt.md`) go through picomatch, but only after two
 *   exact pre-filters: the base name must match the pattern's last segment, and each literal folder
 *   of the pattern must occur in the path. On a 50,000-file tree that leaves a handful of picomatch
 *   calls instead of one per file and detector.
 */
import picomatch from 'picomatch';

export type Matcher = (path: string) => boolean;

/** Characters that make a path segment a glob rather than a literal folder name. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;
/** Base names remembered before the memo starts over (bounds memory on huge trees). */
const MEMO_LIMIT = 200_000;

/** A pattern's braces expanded (`{a/b,c}` → `a/b`, `c`); only to derive pre-filters, never to match. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      if (commas.length === 0) return [pattern]; // `{a}` or a range: leave it, the pre-filter gives up
      const bounds = [open, ...commas, i];
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return bounds.slice(1).flatMap((end, k) => expandBraces(head + pattern.slice((bounds[k] as number) + 1, end) + tail));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

/** A necessary condition for a full-path pattern: what its last segment and its folders require. */
interface Prefilter {
  /** The base name must match this (undefined: the last segment is `**`, any name). */
  readonly name: RegExp | undefined;
  /** Each must occur in the path as a folder: `.github/` at the start or `/.github/` below, in pairs. */
  readonly folders: readonly string[];
}

/**
 * Pre-filters of a pattern, one per brace expansion (the pattern can only match where one of them
 * passes); undefined when braces or nesting leave the segments uncertain, so picomatch alone decides.
 */
function prefilters(pattern: string): Prefilter[] | undefined {
  const out: Prefilter[] = [];
  for (const p of expandBraces(pattern)) {
    if (p.includes('{') || p.includes('}')) return undefined;
    const segments = p.split('/');
    const last = segments.pop() as string;
    const name = last === '**' ? undefined : picomatch.makeRe(last, { dot: true });
    out.push({ name, folders: segments.filter((s) => s !== '' && !GLOB_CHARS.test(s)).flatMap((s) => [`${s}/`, `/${s}/`]) });
  }
  return out;
}

function hasFolders(path: string, folders: readonly string[]): boolean {
  // `folders` holds `.github/` and `/.github/` in turn: at the start of the path, or anywhere below.
  for (let i = 0; i < folders.length; i += 2) {
    if (!path.startsWith(folders[i] as string) && !path.includes(folders[i + 1] as string)) return false;
  }
  return true;
}

interface PathPattern {
  readonly match: Matcher;
  /** Undefined: no pre-filter, always ask picomatch. */
  readonly filters: readonly Prefilter[] | undefined;
}

/** A full-path pattern worth asking about a base name, with the pre-filters that name passes. */
interface Candidate {
  readonly index: number;
  readonly pattern: PathPattern;
  /** Undefined: no pre-filter. */
  readonly filters: readonly Prefilter[] | undefined;
}

interface Compiled {
  readonly index: number;
  /** Base-name regex of the `**\/<name>` patterns. */
  readonly byName: RegExp | undefined;
  /** Full-path patterns. */
  readonly byPath: readonly PathPattern[];
  /** Any base name a full-path pattern's last segment accepts; one test rules most names out. */
  readonly lastSegments: RegExp | undefined;
  /** Candidates for a name no last segment accepts: patterns ending in `**` or without pre-filter. */
  readonly anyName: readonly Candidate[];
}

function anyOf(res: readonly RegExp[]): RegExp | undefined {
  return res.length > 0 ? new RegExp(res.map((r) => `(?:${r.source})`).join('|')) : undefined;
}

function compile(patterns: readonly string[], index: number): Compiled {
  const names: RegExp[] = [];
  const byPath: PathPattern[] = [];
  for (const p of patterns) {
    const name = p.startsWith('**/') ? p.slice(3) : undefined;
    if (name !== undefined && !name.includes('/')) names.push(picomatch.makeRe(name, { dot: true }));
    else byPath.push({ match: picomatch(p, { dot: true }), filters: prefilters(p) });
  }
  const lastSegments = anyOf(byPath.flatMap((p) => p.filters ?? []).flatMap((f) => (f.name === undefined ? [] : [f.name])));
  const anyName = byPath.flatMap((pattern): Candidate[] => {
    if (pattern.filters === undefined) return [{ index, pattern, filters: undefined }];
    const filters = pattern.filters.filter((f) => f.name === undefined);
    return filters.length > 0 ? [{ index, pattern, filters }] : [];
  });
  return { index, byName: anyOf(names), byPath, lastSegments, anyName };
}

/** The full-path patterns that a base name may match. */
function candidates(c: Compiled, base: string): readonly Candidate[] {
  if (c.lastSegments === undefined || !c.lastSegments.test(base)) return c.anyName;
  return c.byPath.flatMap((pattern): Candidate[] => {
    if (pattern.filters === undefined) return [{ index: c.index, pattern, filters: undefined }];
    const filters = pattern.filters.filter((f) => f.name === undefined || f.name.test(base));
    return filters.length > 0 ? [{ index: c.index, pattern, filters }] : [];
  });
}

function candidateMatches(c: Candidate, path: string): boolean {
  return (c.filters === undefined || c.filters.some((f) => hasFolders(path, f.folders))) && c.pattern.match(path);
}

/** Compiles globs (picomatch, `dot: true`) into one matcher; same answers as picomatch, faster. */
export function compilePatterns(patterns: readonly string[]): Matcher {
  const c = compile(patterns, 0);
  return (path) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return (c.byName?.test(base) ?? false) || candidates(c, base).some((k) => candidateMatches(k, path));
  };
}

/** Per base name: lists matched by name alone, and full-path patterns of the others that may match. */
interface ByName {
  readonly named: readonly number[];
  readonly maybe: readonly Candidate[];
}

/**
 * Compiles one glob list per detector. The router returns the indices of the lists that match a
 * path, ascending; equal answers are the same (frozen) array, so callers can key caches on it.
 */
export function compileRouter(lists: readonly (readonly string[])[]): (path: string) => readonly number[] {
  const compiled = lists.map(compile);
  const interned = new Map<string, readonly number[]>();
  const intern = (indices: number[]): readonly number[] => {
    const key = indices.join(',');
    let found = interned.get(key);
    if (found === undefined) interned.set(key, (found = Object.freeze(indices)));
    return found;
  };
  const memo = new Map<string, ByName>();
  const byName = (base: string): ByName => {
    let entry = memo.get(base);
    if (entry === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const named = compiled.flatMap((c) => (c.byName?.test(base) ? [c.index] : []));
      entry = { named: intern(named), maybe: compiled.flatMap((c) => (named.includes(c.index) ? [] : candidates(c, base))) };
      memo.set(base, entry);
    }
    return entry;
  };
  return (path) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const { named, maybe } = byName(base);
    let extra: number[] | undefined;
    for (const k of maybe) {
      if (!extra?.includes(k.index) && candidateMatches(k, path)) (extra ??= []).push(k.index);
    }
    return extra === undefined ? named : intern([...named, ...extra].sort((a, b) => a - b));
  };
}
