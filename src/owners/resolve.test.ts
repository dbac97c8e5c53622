import { describe, expect, it } from 'vitest';
import type { Asset, Relationship } from '../model/index.ts';
import { ownerId } from './handles.ts';
import { resolveOwners } from './resolve.ts';
import { inRepository, joinInputs, testAsset, testSystem } from './test-inventory.ts';
import type { OwnersConfig, OwnersInput, OwnershipFacts } from './types.ts';

const SCOPE = 'github.com/acme/app';

function facts(extra: Partial<OwnershipFacts> = {}): OwnershipFacts {
  return { scope: SCOPE, root: '', ...extra };
}

function codeowners(text: string, extra: Partial<OwnershipFacts> = {}): OwnershipFacts {
  return facts({ codeowners: { path: '.github/CODEOWNERS', text }, ...extra });
}

/** `handle → {source, confidence, rule}` of the OWNS edges into one asset. */
function ownersOf(result: { assets: Asset[]; relationships: Relationship[] }, asset: Asset): Record<string, Record<string, unknown>> {
  const names = new Map(result.assets.map((a) => [a.id, a.name]));
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of result.relationships) if (r.to === asset.id) out[names.get(r.from) ?? r.from] = r.properties;
  return out;
}

function input(members: readonly Asset[]): OwnersInput {
  return inRepository(SCOPE, members);
}

describe('link 1: config owners map', () => {
  const search = testSystem('search', 'services/search');
  const sdk = testAsset('sdk', 'openai', { paths: ['services/chat/package.json', 'services/chat/app.ts'] });
  const shared = testAsset('sdk', 'anthropic', { paths: ['services/chat/a.py', 'tools/b.py'] });
  const model = testAsset('model', 'gpt-4o', { paths: ['lib/x.ts'] });
  const config: OwnersConfig = {
    source: 'aimap.config.yaml',
    owners: [
      { owner: '@acme/search', systems: ['Search'] },
      { owner: 'chat@example.com', paths: ['services/chat'] },
      { owner: 'ML Platform', assets: [model.id] },
    ],
  };
  const result = resolveOwners(input([search, sdk, shared, model]), [], config);

  it('names systems (case-insensitively), asset ids and path globs; all declared when every path matches', () => {
    expect(ownersOf(result, search)).toEqual({ '@acme/search': { source: 'config', confidence: 'declared', rule: 'owners[0].systems' } });
    expect(ownersOf(result, sdk)).toEqual({ 'chat@example.com': { source: 'config', confidence: 'declared', rule: 'owners[1].paths' } });
    expect(ownersOf(result, model)).toEqual({ 'ML Platform': { source: 'config', confidence: 'declared', rule: 'owners[2].assets' } });
  });

  it('a path glob covering only some of an asset\'s files gives an inferred claim', () => {
    expect(ownersOf(result, shared)['chat@example.com']?.['confidence']).toBe('inferred');
  });

  it('evidence points at the config file', () => {
    const edge = result.relationships.find((r) => r.to === search.id);
    expect(edge?.evidence).toEqual([{ path: 'aimap.config.yaml', snippet: 'owner: @acme/search (systems)', technique: 'config', confidence: 'declared', detector: 'owners' }]);
  });

  it('matches nothing it does not name', () => {
    const other = testAsset('sdk', 'cohere', { paths: ['services/chatbot/x.py'] });
    expect(resolveOwners(input([other]), [], config).relationships).toEqual([]);
  });
});

describe('link 2: owner tags and labels', () => {
  const agent = testAsset('agent', 'support', { paths: ['infra/main.tf'], technique: 'iac', tags: { Owner: 'alice@example.com, bob@example.com', Environment: 'prod', 'app.kubernetes.io/managed-by': 'Helm' } });

  it('every owner tag value becomes a declared owner; other tags are ignored', () => {
    const result = resolveOwners(input([agent]), []);
    expect(ownersOf(result, agent)).toEqual({
      'alice@example.com': { source: 'tag', confidence: 'declared', rule: 'Owner' },
      'bob@example.com': { source: 'tag', confidence: 'declared', rule: 'Owner' },
    });
    expect(result.relationships[0]?.evidence[0]).toMatchObject({ path: 'infra/main.tf', line: 1, technique: 'iac', snippet: 'Owner: alice@example.com, bob@example.com' });
  });

  it('no owner tag, no claim', () => {
    const untagged = testAsset('agent', 'x', { paths: ['infra/main.tf'], tags: { 'app.kubernetes.io/managed-by': 'Helm', 'cost-center': '42' } });
    expect(resolveOwners(input([untagged]), []).relationships).toEqual([]);
  });
});

describe('link 3: CODEOWNERS', () => {
  const text = ['*            @acme/platform', '/services/chat/   @acme/chat', '**/ml/       @acme/ml', '/services/legacy/'].join('\n');

  it('resolves each evidence path; declared when one owner covers every path, inferred when only some', () => {
    const chat = testAsset('sdk', 'openai', { paths: ['services/chat/package.json', 'services/chat/a.ts'] });
    const mixed = testAsset('sdk', 'anthropic', { paths: ['services/search/ml/rank.py', 'services/search/pyproject.toml'] });
    const result = resolveOwners(input([chat, mixed]), [codeowners(text)]);
    expect(ownersOf(result, chat)).toEqual({ '@acme/chat': { source: 'codeowners', confidence: 'declared', rule: '/services/chat/' } });
    expect(ownersOf(result, mixed)).toEqual({
      '@acme/ml': { source: 'codeowners', confidence: 'inferred', rule: '**/ml/' },
      '@acme/platform': { source: 'codeowners', confidence: 'inferred', rule: '*' },
    });
    const edge = result.relationships.find((r) => r.to === chat.id);
    expect(edge?.evidence).toEqual([{ path: '.github/CODEOWNERS', line: 2, snippet: '/services/chat/   @acme/chat', technique: 'config', confidence: 'declared', detector: 'owners' }]);
  });

  it('a line with no owners un-owns: no edge even though the catch-all matches', () => {
    const legacy = testAsset('sdk', 'cohere', { paths: ['services/legacy/requirements.txt'] });
    expect(ownersOf(resolveOwners(input([legacy]), [codeowners(text)]), legacy)).toEqual({});
  });

  it('systems match by their root folder (or their file), not by their components', () => {
    const chat = testSystem('chat', 'services/chat');
    const stack = testSystem('stack', '.', 'docker-compose.yml');
    const legacy = testSystem('legacy', 'services/legacy');
    const result = resolveOwners(input([chat, stack, legacy]), [codeowners(text)]);
    expect(Object.keys(ownersOf(result, chat))).toEqual(['@acme/chat']);
    expect(Object.keys(ownersOf(result, stack))).toEqual(['@acme/platform']);
    expect(ownersOf(result, legacy)).toEqual({});
    const repository = inRepository(SCOPE, []).assets[0] as Asset;
    expect(Object.keys(ownersOf(resolveOwners(input([chat]), [codeowners(text)]), repository))).toEqual(['@acme/platform']);
  });

  it('a scanned sub-folder is matched at its place in the repository', () => {
    const sdk = testAsset('sdk', 'openai', { paths: ['package.json'] });
    const result = resolveOwners(input([sdk]), [codeowners(text, { root: 'services/chat' })]);
    expect(Object.keys(ownersOf(result, sdk))).toEqual(['@acme/chat']);
    expect(result.relationships.find((r) => r.to === sdk.id)?.evidence[0]?.path).toBe('../../.github/CODEOWNERS');
  });

  it('applies only to assets of its own repository', () => {
    const elsewhere = inRepository('github.com/acme/other', [testAsset('sdk', 'openai', { paths: ['a.ts'], scope: 'other' })]);
    expect(resolveOwners(elsewhere, [codeowners(text)]).relationships).toEqual([]);
  });

  it('reports lines GitHub would skip as diagnostics', () => {
    const result = resolveOwners(input([]), [codeowners('!/x @a\n* @b\n')]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ connector: 'owners', level: 'warn', code: 'parse-failed', location: { path: '.github/CODEOWNERS', line: 1 } })]);
  });
});

describe('link 4: git history', () => {
  const gitAuthors = {
    'app/main.py': [{ author: 'alice@example.com', name: 'Alice', commits: 5 }, { author: 'bob@example.com', commits: 2 }],
    'app/requirements.txt': [{ author: '49699333+dependabot[bot]@users.noreply.github.com', name: 'dependabot[bot]', commits: 30 }, { author: 'bob@example.com', commits: 4 }],
    'lib/x.py': [{ author: '1234+carol@users.noreply.github.com', commits: 3 }, { author: 'dave@example.com', commits: 3 }],
  };
  const git = facts({ gitAuthors, gitWindow: { since: '2024-06-01', maxCommits: 2000, commits: 44 } });

  it('the most frequent human committer to the asset\'s files, inferred; bots never own', () => {
    const sdk = testAsset('sdk', 'openai', { paths: ['app/main.py', 'app/requirements.txt'] });
    const result = resolveOwners(input([sdk]), [git]);
    expect(ownersOf(result, sdk)).toEqual({ 'bob@example.com': { source: 'git-history', confidence: 'inferred', rule: '6 of 11 file changes in 2 files' } });
    expect(result.relationships.find((r) => r.to === sdk.id)?.evidence).toEqual([
      { path: 'app/main.py', snippet: 'git log: 2 commits by bob@example.com since 2024-06-01', technique: 'audit-log', confidence: 'inferred', detector: 'owners' },
      { path: 'app/requirements.txt', snippet: 'git log: 4 commits by bob@example.com since 2024-06-01', technique: 'audit-log', confidence: 'inferred', detector: 'owners' },
    ]);
  });

  it('ties go to the first author alphabetically; GitHub no-reply emails become @login', () => {
    const model = testAsset('model', 'm', { paths: ['lib/x.py'] });
    const result = resolveOwners(input([model]), [git]);
    expect(Object.keys(ownersOf(result, model))).toEqual(['@carol']);
    expect(result.assets.find((a) => a.name === '@carol')).toMatchObject({ provider: 'github', attributes: { type: 'user', sources: ['git-history'] } });
  });

  it('a system counts every file under its root', () => {
    const system = testSystem('app', 'app');
    expect(Object.keys(ownersOf(resolveOwners(input([system]), [git]), system))).toEqual(['bob@example.com']);
  });

  it('files git does not know, or no history at all: no claim', () => {
    const sdk = testAsset('sdk', 'x', { paths: ['new/file.py'] });
    expect(ownersOf(resolveOwners(input([sdk]), [git]), sdk)).toEqual({});
    expect(resolveOwners(input([sdk]), [facts()]).relationships).toEqual([]);
  });
});

describe('the chain', () => {
  const path = 'services/chat/app.ts';
  const text = '/services/chat/ @acme/chat\n';
  const gitAuthors = { [path]: [{ author: 'alice@example.com', commits: 9 }] };

  it('config beats tags beats CODEOWNERS beats git history; only the winner is recorded', () => {
    const tagged = testAsset('sdk', 'tagged', { paths: [path], tags: { team: 'tag-team' } });
    const plain = testAsset('sdk', 'plain', { paths: [path] });
    const configured = testAsset('sdk', 'configured', { paths: [path], tags: { team: 'tag-team' } });
    const config: OwnersConfig = { owners: [{ owner: 'cfg@example.com', assets: [configured.id] }] };
    const all = [codeowners(text, { gitAuthors })];
    const result = resolveOwners(input([tagged, plain, configured]), all, config);
    expect(ownersOf(result, configured)).toEqual({ 'cfg@example.com': { source: 'config', confidence: 'declared', rule: 'owners[0].assets' } });
    expect(Object.keys(ownersOf(result, tagged))).toEqual(['tag-team']);
    expect(ownersOf(result, plain)).toEqual({ '@acme/chat': { source: 'codeowners', confidence: 'declared', rule: '/services/chat/' } });
    const gitOnly = resolveOwners(input([plain]), [facts({ gitAuthors })]);
    expect(ownersOf(gitOnly, plain)['alice@example.com']?.['source']).toBe('git-history');
  });

  it('a CODEOWNERS line with no owners yields no owner, so the chain goes on to git history', () => {
    const plain = testAsset('sdk', 'plain', { paths: [path] });
    const result = resolveOwners(input([plain]), [codeowners('/services/chat/\n', { gitAuthors })]);
    expect(ownersOf(result, plain)).toEqual({ 'alice@example.com': { source: 'git-history', confidence: 'inferred', rule: '9 of 9 commits' } });
  });

  it('one owner node per handle across repositories (case-insensitive), typed and sourced', () => {
    const a = inRepository('github.com/acme/a', [testAsset('sdk', 'x', { paths: ['a.ts'], scope: 'a' })]);
    const b = inRepository('github.com/acme/b', [testAsset('sdk', 'y', { paths: ['b.ts'], scope: 'b' })]);
    const result = resolveOwners(joinInputs(a, b), [
      { scope: 'github.com/acme/a', root: '', codeowners: { path: 'CODEOWNERS', text: '* @Acme/Payments' } },
      { scope: 'github.com/acme/b', root: '', codeowners: { path: 'CODEOWNERS', text: '* @acme/payments' } },
    ]);
    const owners = result.assets;
    expect(owners.map((o) => o.id)).toEqual([ownerId('@acme/payments')]);
    expect(owners[0]).toMatchObject({ kind: 'owner', provider: 'github', attributes: { type: 'team', sources: ['codeowners'] } });
    expect(result.relationships.filter((r) => r.type === 'OWNS')).toHaveLength(4);
  });

  it('never owns owner nodes or cloud-account wildcards; output is sorted and stable', () => {
    const wildcard = testAsset('cloud-account', 'aws:*', { paths: ['infra/main.tf'] });
    const owner = testAsset('owner', '@x', { paths: ['CODEOWNERS'] });
    const sdk = testAsset('sdk', 's', { paths: ['a.ts'] });
    const inv = input([wildcard, owner, sdk]);
    const one = resolveOwners(inv, [codeowners('* @all')]);
    expect(one.relationships.map((r) => r.to)).not.toContain(wildcard.id);
    expect(one.relationships.map((r) => r.to)).not.toContain(owner.id);
    const reversed = resolveOwners({ assets: [...inv.assets].reverse(), relationships: [...inv.relationships].reverse() }, codeowners('* @all'));
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(one));
    expect(one.relationships.map((r) => r.id)).toEqual([...one.relationships.map((r) => r.id)].sort());
  });

  it('no facts and no config: nothing owned', () => {
    expect(resolveOwners(input([testAsset('sdk', 's', { paths: ['a.ts'] })]), undefined)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
