/**
 * Works out the scope that asset ids are derived in: the repository's identity. A git checkout is
 * named by its `origin` remote (credentials stripped), so two checkouts of one repo share ids;
 * anything else by its folder name.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export interface RepoScope {
  /** The scope string: `github.com/org/repo`, `github.com/org/repo//sub/dir`, or the folder name. */
  readonly scope: string;
  /** Remote URL without credentials, when the root is in a git checkout with an origin. */
  readonly remote?: string;
}

/** Normalizes a git remote to `host/path` with no credentials, scheme or `.git` suffix. */
export function normalizeRemote(url: string): string {
  let u = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(u);
  if (scp && !/^[a-z]+:\/\//i.test(u)) u = `${scp[1]}/${scp[2]}`;
  u = u.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]*@/, '');
  return u.replace(/\.git$/, '').replace(/\/+$/, '');
}

async function findGitDir(start: string): Promise<string | undefined> {
  let dir = start;
  for (let depth = 0; depth < 40; depth++) {
    const candidate = join(dir, '.git');
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

function originUrl(gitConfig: string): string | undefined {
  const section = /\[remote\s+"origin"\]([^[]*)/.exec(gitConfig);
  return section?.[1] ? /^\s*url\s*=\s*(.+)$/m.exec(section[1])?.[1]?.trim() : undefined;
}

/** Resolves the scope of an absolute root folder. */
export async function resolveScope(root: string): Promise<RepoScope> {
  const gitDir = await findGitDir(root);
  if (gitDir) {
    const config = await readFile(join(gitDir, 'config'), 'utf8').catch(() => '');
    const url = originUrl(config);
    if (url) {
      const remote = normalizeRemote(url);
      const sub = relative(dirname(gitDir), root).split(sep).join('/');
      return { scope: sub === '' ? remote : `${remote}//${sub}`, remote };
    }
  }
  return { scope: basename(root) || 'root' };
}
