import { describe, expect, it } from 'vitest';
import { assetId, relationshipId, type Asset, type AssetKind, type Attributes, type Confidence, type Evidence, type Relationship } from '../model/index.ts';
import { foldInferredServers } from './fold-servers.ts';
import { mergeResults, type Merged } from './merge.ts';

const SDK = '@modelcontextprotocol/sdk';
const ev = (path: string, line: number, confidence: Confidence = 'declared'): Evidence => ({ path, line, technique: 'call-site', confidence, detector: 'javascript' });

function asset(scope: string, kind: AssetKind, key: string, name: string, evidence: Evidence[], attributes: Attributes = {}): Asset {
  return { id: assetId(kind, scope, key), kind, name, attributes, evidence, tags: {} };
}

function rel(type: Relationship['type'], from: Asset, to: Asset, evidence: Evidence[] = []): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties: {}, evidence };
}

/** A server constructed at `path` under `name`. */
const constructed = (scope: string, name: string, path: string, sdk = SDK): Asset =>
  asset(scope, 'mcp-server', `code:${name}`, name, [ev(path, 5)], { role: 'implemented', sdk, api: 'McpServer' });

/** A server inferred (from its folder) for tools registered in `paths`, and one tool per path. */
function inferred(scope: string, name: string, paths: string[], sdk = SDK): { server: Asset; tools: Asset[]; provides: Relationship[] } {
  const server = asset(scope, 'mcp-server', `code:${name}`, name, paths.map((p) => ev(p, 2, 'inferred')), { role: 'implemented', sdk, api: 'McpServer', inferredFrom: 'folder' });
  const tools = paths.map((p, i) => asset(scope, 'tool', `code:${name}/t${i}`, `t${i}`, [ev(p, 9)]));
  return { server, tools, provides: tools.map((t, i) => rel('PROVIDES', server, t, [ev(paths[i] as string, 9)])) };
}

/** One repository (with its project files) and RESOURCE edges to its members, merged. */
function scan(repos: Array<{ scope: string; projectFiles: string[]; members: Asset[]; relationships?: Relationship[] }>): Merged {
  return mergeResults(repos.map((r) => {
    const repository = asset(r.scope, 'repository', r.scope, r.scope, [{ path: '.', technique: 'config', confidence: 'declared', detector: 'local' }], { vcs: 'none', projectFiles: r.projectFiles });
    return { assets: [repository, ...r.members], relationships: [...r.members.map((m) => rel('RESOURCE', repository, m)), ...(r.relationships ?? [])], diagnostics: [] };
  }));
}

const names = (m: Merged): string[] => m.assets.filter((a) => a.kind === 'mcp-server').map((a) => a.name).sort();
const provided = (m: Merged, server: string): string[] => {
  const s = m.assets.find((a) => a.kind === 'mcp-server' && a.name === server) as Asset;
  const byId = new Map(m.assets.map((a) => [a.id, a]));
  return m.relationships.filter((r) => r.type === 'PROVIDES' && r.from === s.id).map((r) => (byId.get(r.to) as Asset).name).sort();
};

describe('foldInferredServers', () => {
  it('folds an inferred server into the one server constructed in its project: evidence, edges, and the asset dropped', () => {
    const real = constructed('repo', 'phoenix-mcp-server', 'js/packages/phoenix-mcp/src/index.ts');
    const guess = inferred('repo', 'phoenix-mcp', ['js/packages/phoenix-mcp/src/a.ts', 'js/packages/phoenix-mcp/src/tools/b.ts']);
    const before = scan([{ scope: 'repo', projectFiles: ['js/packages/phoenix-mcp/package.json', 'package.json'], members: [real, guess.server, ...guess.tools], relationships: guess.provides }]);
    const after = foldInferredServers(before);
    expect(names(before)).toEqual(['phoenix-mcp', 'phoenix-mcp-server']);
    expect(names(after)).toEqual(['phoenix-mcp-server']);
    expect(provided(after, 'phoenix-mcp-server')).toEqual(['t0', 't1']);
    const server = after.assets.find((a) => a.name === 'phoenix-mcp-server') as Asset;
    expect(server.evidence.map((e) => `${e.path}:${e.line}:${e.confidence}`)).toEqual([
      'js/packages/phoenix-mcp/src/a.ts:2:inferred',
      'js/packages/phoenix-mcp/src/index.ts:5:declared',
      'js/packages/phoenix-mcp/src/tools/b.ts:2:inferred',
    ]);
    expect(server.attributes['inferredFrom']).toBeUndefined();
    // No edge is left pointing at the dropped asset; the two RESOURCE edges became one.
    const ids = new Set(after.assets.map((a) => a.id));
    expect(after.relationships.every((r) => ids.has(r.from) && ids.has(r.to))).toBe(true);
    expect(after.relationships.filter((r) => r.type === 'RESOURCE' && r.to === server.id)).toHaveLength(1);
    expect(new Set(after.relationships.map((r) => r.id)).size).toBe(after.relationships.length);
  });

  it('merges an edge the inferred server shared with the constructed one into a single edge with both evidence', () => {
    const real = constructed('repo', 'srv', 'pkg/index.ts');
    const guess = inferred('repo', 'pkg', ['pkg/tools/a.ts']);
    const tool = guess.tools[0] as Asset;
    const both = scan([{ scope: 'repo', projectFiles: ['pkg/package.json'], members: [real, guess.server, tool], relationships: [...guess.provides, rel('PROVIDES', real, tool, [ev('pkg/index.ts', 7)])] }]);
    const after = foldInferredServers(both);
    const provides = after.relationships.filter((r) => r.type === 'PROVIDES');
    expect(provides).toHaveLength(1);
    expect(provides[0]?.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['pkg/index.ts:7', 'pkg/tools/a.ts:9']);
  });

  it('does not fold across project roots', () => {
    const real = constructed('repo', 'srv', 'packages/one/src/index.ts');
    const guess = inferred('repo', 'two', ['packages/two/src/tools/a.ts']);
    const before = scan([{ scope: 'repo', projectFiles: ['packages/one/package.json', 'packages/two/package.json'], members: [real, guess.server, ...guess.tools], relationships: guess.provides }]);
    expect(names(foldInferredServers(before))).toEqual(['srv', 'two']);
  });

  it('does not fold an inferred server whose evidence spans two project roots', () => {
    const real = constructed('repo', 'srv', 'packages/one/src/index.ts');
    const guess = inferred('repo', 'tools2', ['packages/one/src/x/a.ts', 'packages/two/src/x/b.ts']);
    const before = scan([{ scope: 'repo', projectFiles: ['packages/one/package.json', 'packages/two/package.json'], members: [real, guess.server, ...guess.tools], relationships: guess.provides }]);
    expect(names(foldInferredServers(before))).toEqual(['srv', 'tools2']);
  });

  it('does not fold across repositories, even under the same paths', () => {
    const real = constructed('repo-a', 'srv', 'src/index.ts');
    const guess = inferred('repo-b', 'repo-b', ['src/tools/a.ts']);
    const before = scan([
      { scope: 'repo-a', projectFiles: ['package.json'], members: [real] },
      { scope: 'repo-b', projectFiles: ['package.json'], members: [guess.server, ...guess.tools], relationships: guess.provides },
    ]);
    expect(names(foldInferredServers(before))).toEqual(['repo-b', 'srv']);
  });

  it('does not fold into a server of another SDK', () => {
    const real = constructed('repo', 'srv', 'src/index.ts', 'fastmcp');
    const guess = inferred('repo', 'repo', ['src/tools/a.ts']);
    const before = scan([{ scope: 'repo', projectFiles: ['package.json'], members: [real, guess.server, ...guess.tools], relationships: guess.provides }]);
    expect(names(foldInferredServers(before))).toEqual(['repo', 'srv']);
  });

  it('does not fold when the project constructs two servers, or none', () => {
    const one = constructed('repo', 'one', 'src/one.ts');
    const two = constructed('repo', 'two', 'src/two.ts');
    const guess = inferred('repo', 'repo', ['src/tools/a.ts']);
    const twoServers = scan([{ scope: 'repo', projectFiles: ['package.json'], members: [one, two, guess.server, ...guess.tools], relationships: guess.provides }]);
    expect(names(foldInferredServers(twoServers))).toEqual(['one', 'repo', 'two']);
    const none = scan([{ scope: 'repo', projectFiles: ['package.json'], members: [guess.server, ...guess.tools], relationships: guess.provides }]);
    expect(foldInferredServers(none)).toBe(none);
  });

  it('counts a constructed server that merged with an inferred one of its name as constructed, not as a guess', () => {
    // `new McpServer({ name: 'pkg' })` in one file and tools inferred as `pkg` in another are one asset
    // carrying `inferredFrom`; its declared evidence says it was constructed, so it is no fold candidate.
    const merged = { ...constructed('repo', 'pkg', 'pkg/src/index.ts'), attributes: { role: 'implemented', sdk: SDK, api: 'McpServer', inferredFrom: 'folder' } };
    const other = constructed('repo', 'other', 'pkg/src/other.ts');
    const guess = inferred('repo', 'tools2', ['pkg/src/x/a.ts']);
    const before = scan([{ scope: 'repo', projectFiles: ['pkg/package.json'], members: [merged, other, guess.server, ...guess.tools], relationships: guess.provides }]);
    const after = foldInferredServers(before);
    expect(names(after)).toEqual(['other', 'pkg', 'tools2']);
  });

  it('gives the same output whatever order the results were merged in', () => {
    const real = constructed('repo', 'srv', 'src/index.ts');
    const a = inferred('repo', 'repo', ['src/tools/a.ts', 'src/tools/b.ts']);
    const parts = [
      { assets: [real], relationships: [], diagnostics: [] },
      { assets: [a.server, ...a.tools], relationships: a.provides, diagnostics: [] },
    ];
    const repository = asset('repo', 'repository', 'repo', 'repo', [{ path: '.', technique: 'config', confidence: 'declared', detector: 'local' }], { vcs: 'none', projectFiles: ['package.json'] });
    const resource = { assets: [repository], relationships: [real, a.server, ...a.tools].map((m) => rel('RESOURCE', repository, m)), diagnostics: [] };
    const one = foldInferredServers(mergeResults([resource, ...parts]));
    const other = foldInferredServers(mergeResults([...parts].reverse().concat([resource])));
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
    expect(names(one)).toEqual(['srv']);
  });
});
