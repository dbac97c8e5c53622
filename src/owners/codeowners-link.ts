/**
 * Link 3 of the owner chain: CODEOWNERS. Each target of the asset (evidence file, or a system's
 * root folder) is resolved with GitHub's last-match-wins rule; every owner of a matching line claims
 * the asset. An owner is `declared` when its lines cover every target of the asset and `inferred`
 * when only some (an SDK used in two projects owned by two teams gives each team an inferred claim).
 */
import { posix } from 'node:path';
import { redactSnippet, type Evidence } from '../model/index.ts';
import { coverage, OWNERS_DETECTOR, repoPath, type Claim, type Target } from './claims.ts';
import { lastMatch, lastMatchForFolder, parseCodeowners, type CodeownersProblem, type CodeownersRule } from './codeowners.ts';

/** A parsed CODEOWNERS file of one scanned root. */
export interface CodeownersIndex {
  /** The scanned root relative to the repository top. */
  readonly root: string;
  /** The file as evidence shows it: relative to the scanned root (`../.github/CODEOWNERS` when above). */
  readonly evidencePath: string;
  readonly rules: readonly CodeownersRule[];
  readonly lines: readonly string[];
  readonly problems: readonly CodeownersProblem[];
}

/** Parses the CODEOWNERS text of one root. */
export function indexCodeowners(root: string, file: { readonly path: string; readonly text: string }): CodeownersIndex {
  const parsed = parseCodeowners(file.text);
  const base = root === '.' ? '' : root;
  return {
    root: base,
    evidencePath: base === '' ? file.path : posix.relative(base, file.path),
    rules: parsed.rules,
    lines: file.text.split(/\r?\n/),
    problems: parsed.problems,
  };
}

interface OwnerTally {
  readonly targets: Set<number>;
  readonly rules: Map<number, CodeownersRule>;
}

/** Claims CODEOWNERS makes on an asset, owners in file order. */
export function codeownersClaims(targets: readonly Target[], index: CodeownersIndex): Claim[] {
  const tallies = new Map<string, OwnerTally>();
  targets.forEach((target, i) => {
    const path = repoPath(index.root, target.path);
    const rule = target.kind === 'folder' ? lastMatchForFolder(index.rules, path) : lastMatch(index.rules, path);
    for (const owner of rule?.owners ?? []) {
      const tally = tallies.get(owner) ?? { targets: new Set<number>(), rules: new Map<number, CodeownersRule>() };
      tally.targets.add(i);
      tally.rules.set((rule as CodeownersRule).line, rule as CodeownersRule);
      tallies.set(owner, tally);
    }
  });
  const claims: Claim[] = [];
  for (const [owner, tally] of tallies) {
    const confidence = coverage(tally.targets.size, targets.length);
    const rules = [...tally.rules.values()].sort((a, b) => a.line - b.line);
    const evidence: Evidence[] = rules.map((r) => ({
      path: index.evidencePath,
      line: r.line,
      snippet: redactSnippet(index.lines[r.line - 1] ?? r.pattern),
      technique: 'config',
      confidence,
      detector: OWNERS_DETECTOR,
    }));
    claims.push({ owner, source: 'codeowners', confidence, rule: rules.map((r) => r.pattern).join(' '), evidence });
  }
  return claims;
}

