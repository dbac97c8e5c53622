import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDetectors } from '../../src/detectors/run.ts';
import { selectDetectors } from '../../src/detectors/select.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import type { ScanContext } from '../types.ts';
import { createOwnershipGatherer, parseGitLog } from './ownership.ts';
import { scanLocal } from './scan.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

/** Runs git in `dir` with a fixed identity and date, isolated from the machine's git config. */
function git(dir: string, args: readonly string[], who?: { email: string; name: string; date: string }): void {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...(who === undefined ? {} : { GIT_AUTHOR_DATE: who.date, GIT_COMMITTER_DATE: who.date }) };
  const identity = who === undefined ? [] : ['-c', `user.email=${who.email}`, '-c', `user.name=${who.name}`];
  execFileSync('git', ['-C', dir, '-c', 'commit.gpgsign=false', ...identity, ...args], { env, stdio: 'pipe' });
}

function commit(dir: string, who: { email: string; name: string; date: string }, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'change'], who);
}

const carol = { email: 'carol@example.com', name: 'Carol', date: '2023-01-01T00:00:00Z' };
const alice = { email: 'Alice@Example.com', name: 'Alice', date: '2025-03-01T00:00:00Z' };
const bob = { email: 'bob@example.com', name: 'Bob', date: '2025-04-01T00:00:00Z' };

/** A real repository: carol long ago (outside the window), then alice, then bob twice. Shared by the tests of one block. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aimap-owners-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  git(dir, ['init', '-q']);
  commit(dir, carol, { '.github/CODEOWNERS': '* @acme/top\n', CODEOWNERS: '* @acme/ignored\n', 'lib/x.py': 'v0' });
  commit(dir, alice, { 'app/main.py': 'import openai\n', 'app/requirements.txt': 'openai\n', 'lib/x.py': 'v1', 'docs/naïve file.md': 'x' });
  commit(dir, bob, { 'app/main.py': 'import openai\n# 2\n' });
  commit(dir, { ...bob, date: '2025-05-01T00:00:00Z' }, { 'app/main.py': 'import openai\n# 3\n', 'lib/x.py': 'v2' });
  return dir;
}

describe('createOwnershipGatherer on a real git repository', () => {
  const dir = repository();

  it('counts commits per file and author in the window (newest first), and reads .github/CODEOWNERS first', async () => {
    const gatherer = createOwnershipGatherer({ now: NOW });
    const facts = await gatherer.gather(dir, 'repo');
    expect(facts.scope).toBe('repo');
    expect(facts.root).toBe('');
    expect(facts.codeowners).toEqual({ path: '.github/CODEOWNERS', text: '* @acme/top\n' });
    expect(facts.gitWindow).toEqual({ since: '2024-06-01', maxCommits: 2000, commits: 3 });
    expect(facts.gitAuthors).toEqual({
      'app/main.py': [{ author: 'bob@example.com', name: 'Bob', commits: 2 }, { author: 'alice@example.com', name: 'Alice', commits: 1 }],
      'app/requirements.txt': [{ author: 'alice@example.com', name: 'Alice', commits: 1 }],
      'docs/naïve file.md': [{ author: 'alice@example.com', name: 'Alice', commits: 1 }],
      'lib/x.py': [{ author: 'alice@example.com', name: 'Alice', commits: 1 }, { author: 'bob@example.com', name: 'Bob', commits: 1 }],
    });
    expect(gatherer.diagnostics()).toEqual([]);
  });

  it('falls back to the newest commits when none is in the window (a dormant repository)', async () => {
    const facts = await createOwnershipGatherer({ now: new Date('2030-01-01T00:00:00Z') }).gather(dir, 'repo');
    expect(facts.gitWindow).toEqual({ since: 'any time', maxCommits: 200, commits: 4 });
    expect(facts.gitAuthors?.['app/main.py']?.[0]).toEqual({ author: 'bob@example.com', name: 'Bob', commits: 2 });
  });

  it('caps the commits read', async () => {
    const facts = await createOwnershipGatherer({ now: NOW, maxCommits: 1 }).gather(dir, 'repo');
    expect(facts.gitWindow?.commits).toBe(1);
    expect(Object.keys(facts.gitAuthors ?? {})).toEqual(['app/main.py', 'lib/x.py']);
  });

  it('a scanned sub-folder gets paths relative to itself and its place in the repository', async () => {
    const facts = await createOwnershipGatherer({ now: NOW }).gather(join(dir, 'app'), 'repo//app');
    expect(facts.root).toBe('app');
    expect(facts.codeowners?.path).toBe('.github/CODEOWNERS');
    expect(Object.keys(facts.gitAuthors ?? {})).toEqual(['main.py', 'requirements.txt']);
  });

  it('gitHistory: false reads CODEOWNERS only', async () => {
    const facts = await createOwnershipGatherer({ now: NOW, gitHistory: false }).gather(dir, 'repo');
    expect(facts.gitAuthors).toBeUndefined();
    expect(facts.codeowners?.path).toBe('.github/CODEOWNERS');
  });

  it('a missing git binary is one info diagnostic per scan, not one per root', async () => {
    const gatherer = createOwnershipGatherer({ now: NOW, git: join(dir, 'no-such-git') });
    const first = await gatherer.gather(dir, 'repo');
    await gatherer.gather(join(dir, 'app'), 'repo//app');
    expect(first.gitAuthors).toBeUndefined();
    expect(first.codeowners).toBeDefined();
    expect(gatherer.diagnostics()).toEqual([{ connector: 'local', level: 'info', code: 'not-supported', message: 'git is not installed: owners were not inferred from git history' }]);
  });
});

describe('createOwnershipGatherer outside git', () => {
  it('a folder with no .git is skipped without a diagnostic; CODEOWNERS is found in GitHub\'s order', async () => {
    const dir = tempTree({ CODEOWNERS: '* @root\n', 'docs/CODEOWNERS': '* @docs\n', 'a.py': 'import openai\n' });
    const gatherer = createOwnershipGatherer({ now: NOW });
    expect(await gatherer.gather(dir, 'plain')).toEqual({ scope: 'plain', root: '', codeowners: { path: 'CODEOWNERS', text: '* @root\n' } });
    expect(gatherer.diagnostics()).toEqual([]);
  });

  it('a repository with no commits yet gives empty history, not an error', async () => {
    const dir = tempTree({ 'a.py': 'x' });
    git(dir, ['init', '-q']);
    const gatherer = createOwnershipGatherer({ now: NOW });
    expect((await gatherer.gather(dir, 'r')).gitAuthors).toEqual({});
    expect(gatherer.diagnostics()).toEqual([]);
  });
});

describe('parseGitLog', () => {
  it('reads -z records: author header, then NUL-separated paths; commits without files count nothing', () => {
    const out = '\x1eA@x.io\x1fA\0\napp.py\0lib/b.py\0\x1eb@x.io\x1fB\0\x1eA@x.io\x1fA\0\napp.py\0';
    expect(parseGitLog(out)).toEqual({
      'app.py': [{ author: 'a@x.io', name: 'A', commits: 2 }],
      'lib/b.py': [{ author: 'a@x.io', name: 'A', commits: 1 }],
    });
    expect(parseGitLog('')).toEqual({});
  });
});

describe('scanLocal gathers ownership facts', () => {
  const ctx: ScanContext = {
    scanId: 't', now: () => NOW, log: { debug: () => undefined, warn: () => undefined },
    signal: new AbortController().signal, limit: (task) => task(), progress: { addTotal: () => undefined, advance: () => undefined },
  };

  it('one entry per root where something was found, none for an empty root', async () => {
    const found = tempTree({ 'app.py': 'import openai\n', '.github/CODEOWNERS': '* @acme/ai\n' });
    const empty = tempTree({ 'README.md': 'nothing\n' });
    const result = await scanLocal(ctx, { paths: [found, empty], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1 << 20, concurrency: 1, detectors: compileDetectors(selectDetectors(undefined)) });
    expect(result.ownership?.map((f) => [f.root, f.codeowners?.path])).toEqual([['', '.github/CODEOWNERS']]);
    expect(result.ownership?.[0]?.scope).toBe(result.targets[0]?.scope);
  });
});
