/**
 * Shapes of owner resolution: the facts a connector gathers per scanned root (I/O), the owners part
 * of the config file, and what the pure resolver returns.
 */
import type { Asset, Relationship } from '../model/index.ts';

/** Commits one author made to one file inside the git-history window. */
export interface GitAuthorCount {
  /** Author email as recorded by git (lower-cased). */
  readonly author: string;
  /** Author name as recorded by git, for display. */
  readonly name?: string;
  readonly commits: number;
}

/** The git-history window the counts cover. */
export interface GitWindow {
  /** ISO date (YYYY-MM-DD): commits before it were not read. */
  readonly since: string;
  /** Most commits read (newest first). */
  readonly maxCommits: number;
  /** Commits actually read. */
  readonly commits: number;
}

/** What the local connector gathered about ownership in one scanned root. */
export interface OwnershipFacts {
  /** The scope of the root (equals the `repository` asset's name). */
  readonly scope: string;
  /**
   * The scanned root relative to the repository top (POSIX, '' when the root is the top). Evidence
   * paths are relative to the scanned root; CODEOWNERS patterns to the repository top.
   */
  readonly root: string;
  /** The CODEOWNERS file GitHub would use, `path` relative to the repository top. */
  readonly codeowners?: { readonly path: string; readonly text: string };
  /** Per file (relative to the scanned root): authors in the window, most commits first. */
  readonly gitAuthors?: Readonly<Record<string, readonly GitAuthorCount[]>>;
  readonly gitWindow?: GitWindow;
}

/** One `owners:` entry of the config file. */
export interface OwnerRule {
  readonly owner: string;
  /** System asset names (compared case-insensitively). */
  readonly systems?: readonly string[] | undefined;
  /** Globs matched against evidence paths (relative to the scanned root); a plain folder claims what is below it. */
  readonly paths?: readonly string[] | undefined;
  /** Asset ids. */
  readonly assets?: readonly string[] | undefined;
}

/** The owners part of the config. */
export interface OwnersConfig {
  readonly owners?: readonly OwnerRule[] | undefined;
  /** The config file as the user named it, shown as the evidence path of config ownership. */
  readonly source?: string | undefined;
}

/** Input of `resolveOwners`: the merged inventory after systems were derived. */
export interface OwnersInput {
  readonly assets: readonly Asset[];
  readonly relationships: readonly Relationship[];
}

/** What `resolveOwners` adds: `owner` assets and `OWNS` edges (owner → asset). */
export interface OwnersResult {
  readonly assets: Asset[];
  readonly relationships: Relationship[];
}

/** The links of the chain, highest priority first. */
export const OWNER_SOURCES = ['config', 'tag', 'codeowners', 'git-history'] as const;
export type OwnerSource = (typeof OWNER_SOURCES)[number];

/** Kinds of owner handle. */
export type OwnerType = 'team' | 'user' | 'email' | 'name';
