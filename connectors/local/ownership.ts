/**
 * Gathers what a scanned root says about ownership, for the pure owner resolver (`src/owners`):
 * the CODEOWNERS file GitHub would use (`.github/CODEOWNERS`, then `CODEOWNERS`, then
 * `docs/CODEOWNERS`, at the repository top, the first found) and, when the root is inside a git
 * checkout, who committed to which file recently.
 *
 * Git history is read with ONE `git log` per root: newest first, at most `maxCommits` commits
 * (default 2000) from the last `months` (default 12) before the scan clock, merges left out, paths
 * relative to the root (`--relative`), authors through `.mailmap`. It is bounded (timeout, output
 * cap) and hardened for untrusted checkouts: no pager, no external diff or textconv drivers, no
 * signature checks, no fsmonitor. A root outside any checkout is skipped without a word; a missing
 * git binary is one info diagnostic per scan; a failing `git log` (an unsafe-ownership refusal, a
 * timeout) is an info diagnostic for that root.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../../src/model/index.ts';
import type { GitAuthorCount, OwnershipFacts } from '../../src/owners/types.ts';

/** Where GitHub looks for CODEOWNERS, in the order it looks. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;
/** GitHub ignores CODEOWNERS files of 3 MB or more. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

export interface OwnershipOptions {
  /** The scan clock: the history window ends here. */
  readonly now: Date;
  /** Read git history (default true); CODEOWNERS is read either way. */
  readonly gitHistory?: boolean;
  readonly months?: number;
  readonly maxCommits?: number;
  readonly timeoutMs?: number;
  /** The git executable (tests point it at a missing one). */
  readonly git?: string;
  readonly signal?: AbortSignal;
}

/** Gathers ownership facts root by root, and reports a missing git binary once. */
export interface OwnershipGatherer {
  gather(root: string, scope: string): Promise<OwnershipFacts>;
  diagnostics(): Diagnostic[];
}

/** Parses `git log -z --name-only --format=%x1e%aE%x1f%aN` output into per-file author counts. */
export function parseGitLog(output: string): Record<string, GitAuthorCount[]> {
  const perFile = new Map<string, Map<string, { name: string; commits: number }>>();
  for (const record of output.split('\x1e')) {
    const headerEnd = record.indexOf('\0');
    if (headerEnd === -1) continue;
    const [rawEmail = '', name = ''] = record.slice(0, headerEnd).split('\x1f');
    const author = rawEmail.trim().toLowerCase();
    if (author === '') continue;
    const files = new Set(record.slice(headerEnd + 1).split('\0').map((f) => f.replace(/^\n/, '')).filter((f) => f !== ''));
    for (const file of files) {
      const counts = perFile.get(file) ?? new Map<string, { name: string; commits: number }>();
      const entry = counts.get(author) ?? { name: name.trim(), commits: 0 };
      entry.commits++;
      counts.set(author, entry);
      perFile.set(file, counts);
    }
  }
  const out: Record<string, GitAuthorCount[]> = {};
  for (const file of [...perFile.keys()].sort()) {
    const counts = [...(perFile.get(file) ?? new Map<string, { name: string; commits: number }>())];
    out[file] = counts
      .map(([author, c]) => ({ author, ...(c.name === '' ? {} : { name: c.name }), commits: c.commits }))
      .sort((a, b) => b.commits - a.commits || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
  }
  return out;
}

/** The folder holding `.git` (a folder, or a file in worktrees and submodules) at or above `start`. */
export async function findRepositoryTop(start: string): Promise<string | undefined> {
  let dir = start;
  for (let depth = 0; depth < 64; depth++) {
    if (await stat(join(dir, '.git')).catch(() => undefined)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

async function readCodeowners(top: string): Promise<{ path: string; text: string } | undefined> {
  for (const path of CODEOWNERS_LOCATIONS) {
    const info = await stat(join(top, path)).catch(() => undefined);
    if (!info?.isFile() || info.size >= MAX_CODEOWNERS_BYTES) continue;
    const text = await readFile(join(top, path), 'utf8').catch(() => undefined);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

function sinceDate(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

type GitRun = { kind: 'ok'; stdout: string } | { kind: 'missing' } | { kind: 'failed'; message: string };

function runGit(git: string, root: string, args: readonly string[], options: OwnershipOptions): Promise<GitRun> {
  const hardening = ['-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false', '--no-pager'];
  return new Promise((resolve) => {
    execFile(
      git,
      ['-C', root, ...hardening, ...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 20_000, windowsHide: true, ...(options.signal === undefined ? {} : { signal: options.signal }) },
      (error, stdout, stderr) => {
        if (error === null) resolve({ kind: 'ok', stdout });
        else if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ kind: 'missing' });
        else if (/does not have any commits yet/.test(stderr)) resolve({ kind: 'ok', stdout: '' });
        else resolve({ kind: 'failed', message: error.killed ? 'timed out' : (stderr.split('\n').find((l) => l.trim() !== '') ?? error.message).slice(0, 200) });
      },
    );
  });
}

/** Newest commits read when the window holds none (a dormant repository). */
const STALE_COMMITS = 200;

/** Creates a gatherer for one scan. */
export function createOwnershipGatherer(options: OwnershipOptions): OwnershipGatherer {
  const notes: Diagnostic[] = [];
  let gitMissing = false;
  const months = options.months ?? 12;
  const maxCommits = options.maxCommits ?? 2000;
  const since = sinceDate(options.now, months);
  return {
    async gather(root, scope) {
      const top = await findRepositoryTop(root);
      const base = top ?? root;
      const rootInRepo = relative(base, root).split(sep).join('/');
      const codeowners = await readCodeowners(base);
      const facts: OwnershipFacts = { scope, root: rootInRepo, ...(codeowners === undefined ? {} : { codeowners }) };
      if (top === undefined || options.gitHistory === false || gitMissing) return facts;
      const args = ['log', `--since=${since}`, '-n', String(maxCommits), '--no-merges', '--no-renames', '--no-ext-diff', '--no-textconv', '--relative', '--name-only', '-z', '--format=%x1e%aE%x1f%aN'];
      const run = await runGit(options.git ?? 'git', root, args, options);
      if (run.kind === 'missing') {
        gitMissing = true;
        notes.push({ connector: 'local', level: 'info', code: 'not-supported', message: 'git is not installed: owners were not inferred from git history' });
        return facts;
      }
      if (run.kind === 'failed') {
        notes.push({ connector: 'local', level: 'info', code: 'unreadable', message: `git log failed in ${scope} (${run.message}): owners were not inferred from git history` });
        return facts;
      }
      const commits = run.stdout.split('\x1e').length - 1;
      const inWindow: OwnershipFacts = { ...facts, gitAuthors: parseGitLog(run.stdout), gitWindow: { since, maxCommits, commits } };
      if (commits > 0) return inWindow;
      // A repository nobody touched in the window still has authors: fall back to its newest commits.
      const older = await runGit(options.git ?? 'git', root, args.filter((a) => !a.startsWith('--since=')).map((a) => (a === String(maxCommits) ? String(STALE_COMMITS) : a)), options);
      if (older.kind !== 'ok') return inWindow;
      const found = older.stdout.split('\x1e').length - 1;
      return found === 0 ? inWindow : { ...facts, gitAuthors: parseGitLog(older.stdout), gitWindow: { since: 'any time', maxCommits: STALE_COMMITS, commits: found } };
    },
    diagnostics: () => [...notes],
  };
}
