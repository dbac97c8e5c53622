/**
 * Pure: GitHub CODEOWNERS parsing and matching. Each line is a gitignore-style pattern followed by
 * owners (`@user`, `@org/team`, an email); the LAST line whose pattern matches a path decides its
 * owners, and a matching line with no owners leaves the path unowned. Paths are case-sensitive.
 *
 * Pattern rules (GitHub docs "About code owners", and the gitignore rules it follows):
 * - a pattern with a slash at the start or in the middle is anchored at the repository top;
 *   otherwise it matches at any depth (`*.js`, `apps/`, `logs`);
 * - a trailing slash matches only inside that folder, at any depth below (`apps/`, `/docs/`);
 * - a pattern naming a folder also owns everything below it (`/apps/github`; `logs` at any depth);
 * - `*` and `?` never cross a `/`; a lone `*` as the last segment matches only direct children
 *   (`docs/*` owns `docs/a.md`, not `docs/build/b.md`); `**` spans any number of folders.
 * Not supported by GitHub, so lines using them are skipped with a problem: `!` negation, `[ ]`
 * character ranges, and `\#` escapes of a leading `#`. GitLab section headers (`[Section]`) are
 * skipped the same way.
 */

/** One usable CODEOWNERS line. */
export interface CodeownersRule {
  readonly pattern: string;
  /** Empty when the line un-owns what it matches. */
  readonly owners: readonly string[];
  /** 1-based line in the file. */
  readonly line: number;
  readonly regex: RegExp;
}

/** A line that was skipped, and why. */
export interface CodeownersProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedCodeowners {
  readonly rules: readonly CodeownersRule[];
  readonly problems: readonly CodeownersProblem[];
}

const USER = /^@[A-Za-z0-9][\w.-]*$/;
const TEAM = /^@[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;
const EMAIL = /^[^\s@]+@[^\s@/]+\.[^\s@/]+$/;
/** Lines above this many are not read: real files hold hundreds, not hundreds of thousands. */
const MAX_LINES = 20_000;

/** True for a valid CODEOWNERS owner token. */
export function isOwnerToken(token: string): boolean {
  return USER.test(token) || TEAM.test(token) || EMAIL.test(token);
}

/** Splits a line on unescaped whitespace; `\ ` keeps a space inside a pattern. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '\\' && i + 1 < line.length && /\s/.test(line[i + 1] as string)) {
      current += `\\${line[++i] as string}`;
    } else if (/\s/.test(c)) {
      if (current !== '') out.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '') out.push(current);
  return out;
}

/** Parses CODEOWNERS text into rules, in file order. */
export function parseCodeowners(text: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  const lines = text.split(/\r?\n/, MAX_LINES);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = tokens(trimmed);
    const comment = parts.findIndex((t, i) => i > 0 && t.startsWith('#'));
    const [pattern, ...owners] = comment === -1 ? parts : parts.slice(0, comment);
    if (pattern === undefined) return;
    const unsupported = unsupportedReason(pattern);
    if (unsupported !== undefined) {
      problems.push({ line, message: `CODEOWNERS line ${line}: ${unsupported}; line skipped` });
      return;
    }
    const invalid = owners.find((o) => !isOwnerToken(o));
    if (invalid !== undefined) {
      problems.push({ line, message: `CODEOWNERS line ${line}: "${invalid.slice(0, 80)}" is not an @user, @org/team or email; line skipped` });
      return;
    }
    rules.push({ pattern, owners, line, regex: patternRegex(pattern) });
  });
  return { rules, problems };
}

function unsupportedReason(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return 'negation (!) is not supported by GitHub';
  if (pattern.startsWith('[') || pattern.startsWith('^[')) return 'section headers are GitLab syntax';
  if (/(?<!\\)[[\]]/.test(pattern)) return 'character ranges ([ ]) are not supported by GitHub';
  if (pattern.includes('***')) return 'three consecutive asterisks are not a pattern';
  return undefined;
}

/** Compiles one pattern into an anchored regular expression over repository-relative paths. */
export function patternRegex(pattern: string): RegExp {
  if (pattern === '/') return /^(?!)/;
  let segs = pattern.split('/');
  if (segs[0] === '') segs = segs.slice(1);
  else if ((segs.length === 1 || (segs.length === 2 && segs[1] === '')) && segs[0] !== '**') segs = ['**', ...segs];
  if (segs.length > 1 && segs[segs.length - 1] === '') segs[segs.length - 1] = '**';
  const last = segs.length - 1;
  let re = '^';
  let needSlash = false;
  segs.forEach((seg, i) => {
    if (seg === '**') {
      if (i === 0 && i === last) re += '.+';
      else if (i === 0) re += '(?:.+/)?';
      else if (i === last) re += '/.*';
      else re += '(?:/.+)?';
      needSlash = i !== 0 && i !== last;
      return;
    }
    if (needSlash) re += '/';
    if (seg === '*') re += '[^/]+';
    else re += segmentRegex(seg) + (i === last ? '(?:/.*)?' : '');
    needSlash = true;
  });
  return new RegExp(`${re}$`, 's');
}

function segmentRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '\\' && i + 1 < seg.length) out += escapeChar(seg[++i] as string);
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += escapeChar(c);
  }
  return out;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}

/** The last rule matching a repository-relative file path (possibly one with no owners). */
export function lastMatch(rules: readonly CodeownersRule[], path: string): CodeownersRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as CodeownersRule;
    if (rule.regex.test(path)) return rule;
  }
  return undefined;
}

/** A name no real file has, standing for "any file directly in the folder". */
const FOLDER_PROBE = '\u0000';

/**
 * The last rule matching a folder, read as "a file directly inside it": `*`, `/dir/` and `dir/*`
 * apply, extension patterns (`*.py`) do not. `''` or `.` is the repository top.
 */
export function lastMatchForFolder(rules: readonly CodeownersRule[], folder: string): CodeownersRule | undefined {
  const dir = folder === '.' ? '' : folder.replace(/^(?:\.\/)+|^\/+|\/+$/g, '');
  return lastMatch(rules, dir === '' ? FOLDER_PROBE : `${dir}/${FOLDER_PROBE}`);
}
