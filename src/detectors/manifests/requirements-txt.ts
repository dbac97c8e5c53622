/**
 * pip requirements files (`requirements*.txt`, `requirements/*.txt`, `*.in`). Follows pip's own
 * preprocessing: `\` joins lines (a line with a comment never continues), `#` at the start or after
 * a blank starts a comment. Read: PEP 508 lines (extras, markers, `name @ url`), per-requirement
 * options (`--hash=...`) dropped, `-e`/URL lines named by `#egg=` or a wheel file name. Options such
 * as `-r`/`-c` includes and index URLs declare nothing and are skipped (the included file is matched
 * on its own). Scope: `dev` when the file name says dev/test/lint/docs, else `runtime`.
 */
import { parseRequirement } from './pep508.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

const DEV_WORDS = new Set(['dev', 'develop', 'development', 'test', 'tests', 'testing', 'lint', 'docs', 'doc', 'ci', 'typing']);
const COMMENT = /(^|\s+)#.*$/;
/** pip's `COMMENT_RE.match`: only a line that starts as a comment stops a continuation. */
const COMMENT_LINE = /^\s*#/;

interface LogicalLine {
  readonly text: string;
  /** 1-based line the logical line starts on. */
  readonly line: number;
}

/** Parses a requirements file; it has no syntax errors worth reporting, unreadable lines are skipped. */
export function parseRequirementsTxt(content: string, path: string): ParseOutcome {
  const scope = requirementsScope(path);
  const entries: ManifestEntry[] = [];
  for (const logical of logicalLines(content)) {
    const found = readLine(logical.text.replace(COMMENT, '').trim());
    if (found === undefined) continue;
    entries.push({ ecosystem: 'pypi', scope, line: logical.line, ...found });
  }
  return { entries, problems: [] };
}

/** `dev` for files such as `requirements-dev.txt`, `dev-requirements.txt`, `requirements/test.txt`. */
export function requirementsScope(path: string): string {
  const parts = path.split('/');
  const base = (parts.at(-1) ?? '').replace(/\.(txt|in)$/, '');
  const dir = parts.at(-2) === 'requirements' ? base : base.replace(/requirements?/g, '');
  const words = dir.toLowerCase().split(/[-_.\s]+/);
  return words.some((w) => DEV_WORDS.has(w)) ? 'dev' : 'runtime';
}

function logicalLines(content: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let pending: { parts: string[]; line: number } | undefined;
  content.split(/\r?\n/).forEach((raw, index) => {
    const continues = raw.endsWith('\\') && !COMMENT_LINE.test(raw);
    if (continues) {
      pending ??= { parts: [], line: index + 1 };
      pending.parts.push(raw.slice(0, -1));
      return;
    }
    if (pending) {
      out.push({ text: [...pending.parts, COMMENT_LINE.test(raw) ? ` ${raw}` : raw].join(''), line: pending.line });
      pending = undefined;
    } else {
      out.push({ text: raw, line: index + 1 });
    }
  });
  if (pending) out.push({ text: pending.parts.join(''), line: pending.line });
  return out;
}

/** Name and version of one requirement line, or undefined for options, paths and blanks. */
function readLine(text: string): { name: string; version?: string } | undefined {
  if (text === '') return undefined;
  const editable = /^(?:-e|--editable)(?:\s+|=)(\S+)/.exec(text);
  if (editable?.[1]) return fromUrl(editable[1]);
  if (text.startsWith('-')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^git\+/.test(text)) return fromUrl(text.split(/\s+/)[0] ?? '');
  // Per-requirement options (`--hash=sha256:...`, `--config-settings ...`) follow the requirement.
  const requirement = parseRequirement(text.replace(/\s+--?[A-Za-z][\s\S]*$/, ''));
  if (requirement === undefined) return undefined;
  return { name: requirement.name, ...(requirement.spec === undefined ? {} : { version: requirement.spec }) };
}

/** A direct URL names its package by `#egg=<name>` or by a wheel file name; the URL (as written) is the spec. */
function fromUrl(url: string): { name: string; version: string } | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url);
  const wheel = /\/([A-Za-z0-9_.]+)-[^-/]+-[^/]*\.whl(?:[#?].*)?$/.exec(url);
  const name = egg?.[1] ?? wheel?.[1];
  if (name === undefined) return undefined;
  return { name, version: url };
}
