/**
 * Link 4 of the owner chain, the low-confidence fallback: the author with the most commits to the
 * asset's files in the git-history window the connector read (see `OwnershipFacts.gitWindow`). A
 * folder target (a system's root) counts every file below it. Automation accounts (`[bot]`) are
 * left out, so dependency bots never "own" a manifest. One owner per asset, always `inferred`;
 * ties go to the alphabetically first author so the result is stable.
 */
import type { Evidence } from '../model/index.ts';
import { OWNERS_DETECTOR, type Claim, type Target } from './claims.ts';
import { gitAuthorHandle, isBotAuthor } from './handles.ts';
import type { GitAuthorCount, OwnershipFacts } from './types.ts';

/** Files of a target that git history knows. */
function filesOf(target: Target, authors: Readonly<Record<string, readonly GitAuthorCount[]>>): string[] {
  if (target.kind === 'file') return Object.hasOwn(authors, target.path) ? [target.path] : [];
  const dir = target.path === '.' ? '' : `${target.path.replace(/\/+$/, '')}/`;
  return Object.keys(authors).filter((f) => f.startsWith(dir));
}

interface AuthorTally {
  commits: number;
  readonly files: Map<string, number>;
}

/** How many files of the winning author are shown as evidence. */
const EVIDENCE_FILES = 3;

/** The claim git history makes on an asset's targets, if any human committed to them. */
export function gitClaims(targets: readonly Target[], facts: OwnershipFacts): Claim[] {
  const authors = facts.gitAuthors;
  if (authors === undefined) return [];
  const tallies = new Map<string, AuthorTally>();
  let total = 0;
  const files = new Set(targets.flatMap((t) => filesOf(t, authors)));
  const touched = new Set<string>();
  for (const file of files) {
    for (const count of authors[file] ?? []) {
      if (isBotAuthor(count.author, count.name)) continue;
      touched.add(file);
      const tally = tallies.get(count.author) ?? { commits: 0, files: new Map<string, number>() };
      tally.commits += count.commits;
      tally.files.set(file, count.commits);
      tallies.set(count.author, tally);
      total += count.commits;
    }
  }
  const ranked = [...tallies.entries()].sort(([a, x], [b, y]) => y.commits - x.commits || (a < b ? -1 : a > b ? 1 : 0));
  const top = ranked[0];
  if (top === undefined) return [];
  const [author, tally] = top;
  const owner = gitAuthorHandle(author);
  if (owner === undefined) return [];
  const since = facts.gitWindow?.since;
  const shown = [...tally.files.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, EVIDENCE_FILES);
  const evidence: Evidence[] = shown.map(([path, commits]) => ({
    path,
    snippet: `git log: ${commits} commit${commits === 1 ? '' : 's'} by ${owner}${since === undefined ? '' : since === 'any time' ? ` in the newest ${facts.gitWindow?.maxCommits ?? ''} commits (none in the last year)` : ` since ${since}`}`,
    technique: 'audit-log',
    confidence: 'inferred',
    detector: OWNERS_DETECTOR,
  }));
  // Counts are per file: over several files a commit touching ten of them counts ten times.
  const rule = touched.size === 1 ? `${tally.commits} of ${total} commits` : `${tally.commits} of ${total} file changes in ${touched.size} files`;
  return [{ owner, source: 'git-history', confidence: 'inferred', rule, evidence }];
}
