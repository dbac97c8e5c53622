import { describe, expect, it } from 'vitest';
import { assetId, relationshipId, type Asset, type Attributes, type Evidence, type Relationship } from '../model/index.ts';
import { mergeResults, type Merged } from './merge.ts';
import { joinSpringMcpServers } from './spring-mcp.ts';

const SDK = 'org.springframework.ai:spring-ai-mcp';
const API = 'McpServerAutoConfiguration';
const SCOPE = 'repo';
const base = { role: 'implemented', sdk: SDK, api: API };
const ev = (path: string, line: number, confidence: Evidence['confidence'] = 'declared'): Evidence => ({ path, line, technique: 'config', confidence, detector: 'test' });

function asset(kind: Asset['kind'], key: string, name: string, evidence: Evidence[], attributes: Attributes = {}): Asset {
  return { id: assetId(kind, SCOPE, key), kind, name, attributes, evidence, tags: {} };
}

const starter = (buildFile: string, attributes: Attributes = {}): Asset =>
  asset('mcp-server', `spring-starter:${buildFile}`, 'mcp-server', [ev(buildFile, 12, 'inferred')], { ...base, springAi: 'starter', starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'], starterTransport: 'web', ...attributes });
const properties = (file: string, name: string | undefined, attributes: Attributes = {}): Asset =>
  asset('mcp-server', `spring-properties:${file}`, name ?? 'mcp-server', [ev(file, 3)], { ...base, springAi: 'properties', ...(name === undefined ? { defaultName: true } : {}), ...attributes });

/** A `tools` part for a module with one tool per name, and its PROVIDES edges. */
function tools(module: string, names: string[]): { part: Asset; tools: Asset[]; provides: Relationship[] } {
  const file = `${module}/src/main/java/a/Tools.java`;
  const part = asset('mcp-server', `spring-tools:${module}`, module.split('/').pop() as string, [ev(file, 5, 'inferred')], { ...base, inferredFrom: 'folder', springAi: 'tools' });
  const list = names.map((n, i) => asset('tool', `spring-tools:${module}/${n}`, n, [ev(file, 5 + i)]));
  return { part, tools: list, provides: list.map((t) => ({ id: relationshipId(part.id, 'PROVIDES', t.id), type: 'PROVIDES', from: part.id, to: t.id, properties: {}, evidence: t.evidence })) };
}

function scan(projectFiles: string[], members: Asset[], relationships: Relationship[] = []): Merged {
  const repository = asset('repository', SCOPE, SCOPE, [{ path: '.', technique: 'config', confidence: 'declared', detector: 'local' }], { vcs: 'none', projectFiles });
  const resource = members.map((m): Relationship => ({ id: relationshipId(repository.id, 'RESOURCE', m.id), type: 'RESOURCE', from: repository.id, to: m.id, properties: {}, evidence: [] }));
  return mergeResults([{ assets: [repository, ...members], relationships: [...resource, ...relationships], diagnostics: [] }]);
}

const servers = (m: Merged): Array<[string, Attributes, string[]]> => {
  const byId = new Map(m.assets.map((a) => [a.id, a]));
  return m.assets.filter((a) => a.kind === 'mcp-server').map((s): [string, Attributes, string[]] => [
    s.name, s.attributes, m.relationships.filter((r) => r.type === 'PROVIDES' && r.from === s.id).map((r) => byId.get(r.to)?.name ?? '?').sort(),
  ]).sort((a, b) => a[0].localeCompare(b[0]));
};

describe('joinSpringMcpServers', () => {
  it('joins a module\'s starter, properties and @Tool methods into one server named by the properties, keyed as constructed servers are', () => {
    const t = tools('svc', ['getForecast', 'alerts']);
    const before = scan(['svc/pom.xml'], [starter('svc/pom.xml', { transports: ['sse'], springAiVersion: '1.1.0' }), properties('svc/src/main/resources/application.properties', 'weather', { protocol: 'STREAMABLE', serverVersion: '0.1.0' }), t.part, ...t.tools], t.provides);
    const after = joinSpringMcpServers(before);
    expect(servers(after)).toEqual([[
      'weather',
      { ...base, transports: ['streamable-http'], protocol: 'STREAMABLE', serverVersion: '0.1.0', starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'], springAiVersion: '1.1.0' },
      ['alerts', 'getForecast'],
    ]]);
    const server = after.assets.find((a) => a.name === 'weather') as Asset;
    expect(server.id).toBe(assetId('mcp-server', SCOPE, 'code:weather'));
    expect(server.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['svc/pom.xml:12', 'svc/src/main/java/a/Tools.java:5', 'svc/src/main/resources/application.properties:3']);
    // Tools are keyed under the server; every edge points at assets that exist; RESOURCE reaches the server once.
    expect(after.assets.filter((a) => a.kind === 'tool').map((a) => a.id).sort()).toEqual(['alerts', 'getForecast'].map((n) => assetId('tool', SCOPE, `code:weather/${n}`)).sort());
    const ids = new Set(after.assets.map((a) => a.id));
    expect(after.relationships.every((r) => ids.has(r.from) && ids.has(r.to))).toBe(true);
    expect(after.relationships.filter((r) => r.type === 'RESOURCE' && r.to === server.id)).toHaveLength(1);
    expect(after.diagnostics).toEqual([]);
  });

  it('drops @Tool methods of a module with neither starter nor server properties: chat-client function calling, not MCP', () => {
    const chat = tools('chat', ['now']);
    const served = tools('svc', ['lookup']);
    const before = scan(['chat/pom.xml', 'svc/pom.xml'], [starter('svc/pom.xml', { starterTransport: 'stdio', transports: ['stdio'] }), served.part, ...served.tools, chat.part, ...chat.tools], [...chat.provides, ...served.provides]);
    const after = joinSpringMcpServers(before);
    expect(servers(after)).toEqual([['mcp-server', { ...base, transports: ['stdio'], starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'] }, ['lookup']]]);
    expect(after.assets.some((a) => a.name === 'now' || a.evidence.some((e) => e.path?.startsWith('chat/')))).toBe(false);
    expect(after.relationships.some((r) => r.to === chat.part.id || r.from === chat.part.id)).toBe(false);
  });

  it('decides the transport as Spring does: stdio=true wins, the plain starter serves stdio only, protocol picks the web one, else the starter\'s default', () => {
    const transport = (starterAttrs: Attributes | undefined, props: Attributes | undefined): unknown => {
      const members = [...(starterAttrs === undefined ? [] : [starter('m/pom.xml', starterAttrs)]), ...(props === undefined ? [] : [properties('m/application.yml', 'x', props)])];
      return servers(joinSpringMcpServers(scan(['m/pom.xml'], members)))[0]?.[1]['transports'];
    };
    expect(transport({ transports: ['sse'] }, { stdio: true, protocol: 'STREAMABLE' })).toEqual(['stdio']);
    expect(transport({ starterTransport: 'stdio', transports: ['stdio'] }, { protocol: 'STREAMABLE' })).toEqual(['stdio']);
    expect(transport({ transports: ['sse'] }, { protocol: 'STATELESS' })).toEqual(['streamable-http']);
    expect(transport({ transports: ['sse'] }, { protocol: 'SSE' })).toEqual(['sse']);
    expect(transport({ transports: ['sse'] }, {})).toEqual(['sse']);
    expect(transport({}, { stdio: false })).toBeUndefined();
    // Properties alone (a starter inherited from a parent pom): the protocol, else unknown.
    expect(transport(undefined, { protocol: 'SSE' })).toEqual(['sse']);
    expect(transport(undefined, {})).toBeUndefined();
  });

  it('names the server from the main application file before its profile variants; a profile may name it when the main file does not', () => {
    const named = (...parts: Asset[]): string[] => servers(joinSpringMcpServers(scan(['m/pom.xml'], parts))).map((s) => s[0]);
    expect(named(properties('m/src/main/resources/application-dev.yml', 'dev-name'), properties('m/src/main/resources/application.yml', 'main-name'))).toEqual(['main-name']);
    expect(named(properties('m/src/main/resources/application-dev.yml', 'dev-name'), properties('m/src/main/resources/application.yml', undefined, { protocol: 'SSE' }))).toEqual(['dev-name']);
    expect(named(properties('m/src/main/resources/application.yml', undefined, { protocol: 'SSE' }))).toEqual(['mcp-server']);
  });

  it('needs code beside a starter: a pom copied without its sources makes no server, one with Spring AI code in the module does', () => {
    const lone = joinSpringMcpServers(scan(['backup/m/pom.xml'], [starter('backup/m/pom.xml')]));
    expect(lone.assets.filter((a) => a.kind === 'mcp-server')).toEqual([]);
    const sdk = asset('sdk', 'maven:org.springframework.ai:spring-ai-model', 'org.springframework.ai:spring-ai-model', [{ path: 'm/src/main/java/a/App.java', line: 3, technique: 'import', confidence: 'inferred', detector: 'languages' }]);
    expect(servers(joinSpringMcpServers(scan(['m/pom.xml'], [starter('m/pom.xml', { transports: ['sse'] }), sdk]))).map((s) => [s[0], s[1]['transports']])).toEqual([['mcp-server', ['sse']]]);
  });

  it('takes the transport of a module without a starter from the parent pom above it; the parent makes no server', () => {
    const parent = starter('pom.xml', { inherited: true, transports: ['sse'], springAiVersion: '1.0.0' });
    const t = tools('server1', ['book']);
    const after = joinSpringMcpServers(scan(['pom.xml', 'server1/pom.xml', 'client/pom.xml'], [parent, properties('server1/src/main/resources/application.yml', 'server1'), t.part, ...t.tools, ...tools('client', ['suggest']).tools], t.provides));
    expect(servers(after)).toEqual([['server1', { ...base, transports: ['sse'], starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'], springAiVersion: '1.0.0' }, ['book']]]);
    // The parent's line is no evidence of the module's server (it would put the server in the parent's system).
    expect(after.assets.find((a) => a.name === 'server1')?.evidence.map((e) => e.path)).not.toContain('pom.xml');
    expect(servers(joinSpringMcpServers(scan(['pom.xml', 'client/pom.xml'], [parent, ...tools('client', ['suggest']).tools])))).toEqual([]);
  });

  it('keys a tool written in two files of one module once under the server', () => {
    const mk = (file: string, name: string): Asset => asset('tool', `spring-tools:m/${name}`, name, [ev(file, 5)]);
    const part = asset('mcp-server', 'spring-tools:m', 'm', [ev('m/src/main/java/a/A.java', 5, 'inferred')], { ...base, inferredFrom: 'folder', springAi: 'tools' });
    const guess = asset('mcp-server', 'code:m', 'm', [ev('m/src/main/java/a/B.java', 5, 'inferred')], { ...base, inferredFrom: 'folder' });
    const one = mk('m/src/main/java/a/A.java', 'lookup');
    const two = { ...asset('tool', 'code:m/lookup', 'lookup', [ev('m/src/main/java/a/B.java', 7)]) };
    const edge = (from: Asset, to: Asset): Relationship => ({ id: relationshipId(from.id, 'PROVIDES', to.id), type: 'PROVIDES', from: from.id, to: to.id, properties: {}, evidence: [] });
    const after = joinSpringMcpServers(scan(['m/pom.xml'], [properties('m/application.yml', 'srv'), part, guess, one, two], [edge(part, one), edge(guess, two)]));
    const tool = after.assets.filter((a) => a.kind === 'tool');
    expect(tool.map((a) => [a.id, a.evidence.map((e) => e.path)])).toEqual([[assetId('tool', SCOPE, 'code:srv/lookup'), ['m/src/main/java/a/A.java', 'm/src/main/java/a/B.java']]]);
    expect(servers(after).map((s) => [s[0], s[2]])).toEqual([['srv', ['lookup']]]);
  });

  it('marks the server disabled when every properties file sets enabled: false, and drops its @Tool methods', () => {
    const t = tools('m', ['now']);
    const after = joinSpringMcpServers(scan(['m/pom.xml'], [starter('m/pom.xml'), properties('m/application.properties', 'x', { disabled: true }), t.part, ...t.tools], t.provides));
    expect(servers(after)).toEqual([['x', { ...base, starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'], disabled: true }, []]]);
    expect(after.assets.some((a) => a.kind === 'tool')).toBe(false);
    const enabledInProd = joinSpringMcpServers(scan(['m/pom.xml'], [properties('m/application.properties', 'x', { disabled: true }), properties('m/application-prod.properties', 'x')]));
    expect(servers(enabledInProd)[0]?.[1]['disabled']).toBeUndefined();
  });

  it('keeps modules apart: each root gets its own server; two modules naming theirs alike share one asset, as constructed servers do', () => {
    const a = tools('a', ['one']);
    const b = tools('b', ['two']);
    const after = joinSpringMcpServers(scan(['a/pom.xml', 'b/build.gradle'], [
      starter('a/pom.xml', { transports: ['sse'] }), properties('a/application.yml', 'shared'),
      starter('b/build.gradle', { starterTransport: 'stdio', transports: ['stdio'] }), properties('b/application.yml', 'shared'),
      a.part, ...a.tools, b.part, ...b.tools,
    ], [...a.provides, ...b.provides]));
    expect(servers(after)).toEqual([['shared', { ...base, transports: ['sse', 'stdio'], starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'] }, ['one', 'two']]]);
  });

  it('drops a tools part whose files span two project roots, and one no repository claims', () => {
    const file = (m: string): string => `${m}/src/main/java/a/T.java`;
    const spanning = asset('mcp-server', 'spring-tools:x', 'x', [ev(file('a'), 1, 'inferred'), ev(file('b'), 1, 'inferred')], { ...base, inferredFrom: 'folder', springAi: 'tools' });
    const after = joinSpringMcpServers(scan(['a/pom.xml', 'b/pom.xml'], [properties('a/src/main/resources/application.yml', 'a-srv'), spanning]));
    expect(servers(after).map((s) => [s[0], s[2]])).toEqual([['a-srv', []]]);
    const orphan = asset('mcp-server', 'spring-tools:y', 'y', [ev(file('c'), 1, 'inferred')], { ...base, inferredFrom: 'folder', springAi: 'tools' });
    const none = joinSpringMcpServers(mergeResults([{ assets: [orphan], relationships: [], diagnostics: [] }]));
    expect(none.assets).toEqual([]);
  });

  it('joins the servers inferred for the module\'s other Spring AI tools; one named like it becomes it; others stay', () => {
    const inferred = (name: string, path: string): Asset => asset('mcp-server', `code:${name}`, name, [ev(path, 9, 'inferred')], { ...base, inferredFrom: 'folder' });
    const tool = asset('tool', 'code:svc/shout', 'shout', [ev('svc/src/main/java/a/App.java', 9)]);
    const guess = inferred('svc', 'svc/src/main/java/a/App.java');
    const provides: Relationship = { id: relationshipId(guess.id, 'PROVIDES', tool.id), type: 'PROVIDES', from: guess.id, to: tool.id, properties: {}, evidence: [] };
    const other = inferred('chat', 'chat/src/main/java/a/Tools.java');
    const after = joinSpringMcpServers(scan(['svc/pom.xml', 'chat/pom.xml'], [starter('svc/pom.xml'), properties('svc/application.yml', 'weather'), guess, tool, other], [provides]));
    expect(servers(after).map((s) => [s[0], s[2]])).toEqual([['chat', []], ['weather', ['shout']]]);
    expect(after.assets.find((a) => a.name === 'shout')?.id).toBe(assetId('tool', SCOPE, 'code:weather/shout'));
    expect(after.assets.find((a) => a.name === 'chat')?.attributes['inferredFrom']).toBe('folder');
    // The module folder `weather` guessed the name the properties give: one asset, no longer inferred.
    const same = inferred('weather', 'weather/src/main/java/a/App.java');
    const joined = joinSpringMcpServers(scan(['weather/pom.xml'], [starter('weather/pom.xml'), properties('weather/application.yml', 'weather'), same]));
    expect(servers(joined).map((s) => [s[0], s[1]['inferredFrom']])).toEqual([['weather', undefined]]);
  });

  it('returns its input untouched when no Spring AI part was found', () => {
    const plain = scan(['package.json'], [asset('mcp-server', 'code:x', 'x', [ev('src/index.ts', 1)], { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'McpServer' })]);
    expect(joinSpringMcpServers(plain)).toBe(plain);
  });
});
