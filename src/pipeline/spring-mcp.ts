/**
 * Pure: joins the parts of the MCP servers Spring Boot builds (`detectors/shared/spring-ai-mcp.ts`)
 * into one server per project root (the deepest folder above a part holding a project file: the
 * module's pom.xml or build.gradle), after the merge and before inferred servers are folded.
 *
 * - A root has a server when its application files set `spring.ai.mcp.server.*` (a `properties`
 *   part), or when its build file uses a server starter (a `starter` part) and the module shows
 *   code: a `tools` part, a server inferred for its `@McpTool`s, or any evidence of the languages
 *   detector there (a pom copied without its sources, a template, is no app).
 * - The server is named by the first `spring.ai.mcp.server.name` (main `application.*` files before
 *   profile variants, then by path), else `mcp-server` as Spring names it, and keyed `code:<name>`
 *   like every implemented server, so modules naming theirs alike share one asset as constructed
 *   servers do. Transport: `stdio` when `stdio` is true or the only starter is the plain one; else
 *   the `protocol` (`SSE` → `sse`, `STREAMABLE`/`STATELESS` → `streamable-http`); else the web
 *   starter's default for its Spring AI version; none when unknown. A module without a starter of
 *   its own takes those of the nearest parent pom above it (`<packaging>pom</packaging>`, whose
 *   starters the modules inherit) for its transport; a parent never makes a server itself.
 *   `disabled` when every properties part sets `enabled: false`.
 * - The root's `tools` parts (`@Tool` methods of files that show no server) and the servers
 *   inferred for its other Spring AI tools (`@McpTool`, `@Tool` beside a `ToolCallbackProvider`
 *   bean) join it: evidence and edges move over, and their tools are keyed under it
 *   (`code:<name>/<tool>`), so one tool written in two files of the module is one asset.
 * - Elsewhere (no properties, no corroborated starter, or a disabled server) the parts and the
 *   tools of `tools` parts are dropped: `@Tool` there is function calling for a chat client, not MCP.
 */
import { posix } from 'node:path';
import { assetId, type Asset, type Attributes, type Evidence } from '../model/index.ts';
import {
  protocolTransport, SPRING_AI_MCP_API, SPRING_AI_MCP_SDK, SPRING_DEFAULT_SERVER_NAME, SPRING_PART, type SpringPart,
} from '../detectors/shared/spring-ai-mcp.ts';
import { foldRelationships, membersByRepository, rootsOf } from './fold-servers.ts';
import { mergeResults, type Merged } from './merge.ts';
import { projectFilesOf, projectRootFinder } from './systems-group.ts';

const partOf = (a: Asset): SpringPart | undefined => {
  const part = a.kind === 'mcp-server' ? a.attributes[SPRING_PART] : undefined;
  return part === 'starter' || part === 'properties' || part === 'tools' ? part : undefined;
};
const inherited = (a: Asset): boolean => partOf(a) === 'starter' && a.attributes['inherited'] === true;
/** A server inferred for Spring AI tools of a file that showed it (`@McpTool`, a `ToolCallbackProvider` bean). */
const isGuess = (a: Asset): boolean =>
  partOf(a) === undefined && a.attributes['sdk'] === SPRING_AI_MCP_SDK && a.attributes['inferredFrom'] !== undefined && a.evidence.every((e) => e.confidence === 'inferred');

/** Attributes only a part carries: what the join reads, not what a server is. */
const PART_ONLY: readonly string[] = [SPRING_PART, 'defaultName', 'starterTransport', 'stdio', 'inherited'];

/** A profile variant (`application-dev.yml`) comes after the main `application.*` file. */
const isProfile = (a: Asset): boolean => a.evidence.some((e) => /(?:^|\/)application-[^/]*$/.test(e.path ?? ''));
const firstPath = (a: Asset): string => a.evidence[0]?.path ?? '';
const byText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** What the join decides: assets and edges moved (`into`), dropped, and the assets it builds. */
interface Plan {
  readonly into: Map<string, string>;
  readonly drop: Set<string>;
  readonly built: Asset[];
  /** PROVIDES targets of each server. */
  readonly provides: ReadonlyMap<string, readonly string[]>;
  readonly byId: ReadonlyMap<string, Asset>;
}

/** Joins Spring AI MCP server parts; returns the input when there are none. */
export function joinSpringMcpServers(merged: Merged): Merged {
  if (!merged.assets.some((a) => partOf(a) !== undefined)) return merged;
  const byId = new Map(merged.assets.map((a) => [a.id, a]));
  const provides = new Map<string, string[]>();
  for (const r of merged.relationships) if (r.type === 'PROVIDES') provides.set(r.from, [...(provides.get(r.from) ?? []), r.to]);
  const plan: Plan = { into: new Map(), drop: new Set(), built: [], provides, byId };
  const placed = new Set<string>();
  const repositories = membersByRepository(merged, byId);
  const finders = new Map([...repositories.keys()].map((r) => [r.id, projectRootFinder(projectFilesOf(r))]));
  const coded = codeRoots(merged, finders);
  for (const [repository, members] of repositories) {
    // Ids are derived from the scope, which the local connector gives the repository as its name and key.
    const scope = repository.name;
    if (repository.id !== assetId('repository', scope, scope)) continue;
    for (const m of members) if (partOf(m) !== undefined) placed.add(m.id);
    joinRepository(plan, scope, members, finders.get(repository.id) as (path: string) => string, coded.get(repository.id) ?? new Set());
  }
  // Parts outside any repository (no scope to key a server in): tools stay unconfirmed, so they go.
  for (const a of merged.assets) if (partOf(a) === 'tools' && !placed.has(a.id)) plan.drop.add(a.id);
  return apply(merged, plan);
}

/** Groups a repository's parts and Spring AI guesses by project root and joins each root. */
function joinRepository(plan: Plan, scope: string, members: readonly Asset[], projectRoot: (path: string) => string, coded: ReadonlySet<string>): void {
  const groups = new Map<string, Asset[]>();
  const parents = new Map<string, Asset[]>();
  for (const member of members) {
    if (partOf(member) === undefined && !isGuess(member)) continue;
    const roots = rootsOf(member, projectRoot);
    const [root] = roots;
    if (roots.size !== 1 || root === undefined) {
      if (partOf(member) !== undefined) plan.drop.add(member.id);
      continue;
    }
    // A parent pom's starters only tell its modules' transport; the part itself goes.
    if (inherited(member)) {
      parents.set(root, [...(parents.get(root) ?? []), member]);
      plan.drop.add(member.id);
    } else groups.set(root, [...(groups.get(root) ?? []), member]);
  }
  // Roots in path order: two joined under one name merge their attributes in that order.
  for (const [root, group] of [...groups].sort(([x], [y]) => byText(x, y))) {
    const server = joinRoot(scope, group, parentStarters(root, parents), coded.has(root));
    for (const m of group) {
      const disabled = server?.attributes['disabled'] === true;
      if (server !== undefined && !(partOf(m) === 'tools' && disabled)) {
        plan.into.set(m.id, server.id);
        rekeyTools(plan, scope, m, server);
      } else if (partOf(m) !== undefined) plan.drop.add(m.id);
    }
    if (server !== undefined) plan.built.push(server);
  }
}

/** The inherited starters of the nearest parent pom above a root. */
function parentStarters(root: string, parents: ReadonlyMap<string, readonly Asset[]>): readonly Asset[] {
  for (let dir = root === '.' ? undefined : posix.dirname(root); dir !== undefined; dir = dir === '.' ? undefined : posix.dirname(dir)) {
    const found = parents.get(dir);
    if (found !== undefined) return found;
  }
  return [];
}

/** Keys the tools a joined part or guess provides under the server: `code:<server>/<tool>`. */
function rekeyTools(plan: Plan, scope: string, from: Asset, server: Asset): void {
  for (const toolId of plan.provides.get(from.id) ?? []) {
    const tool = plan.byId.get(toolId);
    if (tool === undefined || plan.into.has(toolId)) continue;
    const id = assetId('tool', scope, `code:${server.name}/${tool.name}`);
    if (id === toolId) continue;
    plan.into.set(toolId, id);
    plan.built.push({ ...tool, id });
  }
}

/** The server of one project root, or undefined when neither properties nor a corroborated starter show one. */
function joinRoot(scope: string, group: readonly Asset[], parents: readonly Asset[], coded: boolean): Asset | undefined {
  const own = group.filter((p) => partOf(p) === 'starter');
  const properties = group.filter((p) => partOf(p) === 'properties')
    .sort((a, b) => Number(isProfile(a)) - Number(isProfile(b)) || byText(firstPath(a), firstPath(b)));
  const code = coded || group.some((p) => partOf(p) === 'tools' || isGuess(p));
  if (properties.length === 0 && (own.length === 0 || !code)) return undefined;
  const starters = own.length > 0 ? own : parents;
  const setting = <T>(read: (a: Asset) => T | undefined): T | undefined => properties.map(read).find((v) => v !== undefined);
  const name = setting((p) => (p.attributes['defaultName'] === true ? undefined : p.name)) ?? SPRING_DEFAULT_SERVER_NAME;
  const text = (a: Asset, key: string): string | undefined => (typeof a.attributes[key] === 'string' ? (a.attributes[key] as string) : undefined);
  const protocol = setting((p) => text(p, 'protocol'));
  const serverVersion = setting((p) => text(p, 'serverVersion'));
  const stdio = setting((p) => (typeof p.attributes['stdio'] === 'boolean' ? p.attributes['stdio'] : undefined));
  const transports = transportsOf(starters, stdio, protocol);
  const starterNames = [...new Set(starters.flatMap((s) => strings(s.attributes['starters'])))].sort();
  const version = starters.map((s) => text(s, 'springAiVersion')).find((v) => v !== undefined);
  const attributes: Attributes = {
    role: 'implemented',
    sdk: SPRING_AI_MCP_SDK,
    api: SPRING_AI_MCP_API,
    ...(transports.length === 0 ? {} : { transports }),
    ...(protocol === undefined ? {} : { protocol }),
    ...(serverVersion === undefined ? {} : { serverVersion }),
    ...(starterNames.length === 0 ? {} : { starters: starterNames }),
    ...(version === undefined ? {} : { springAiVersion: version }),
    ...(properties.length > 0 && properties.every((p) => p.attributes['disabled'] === true) ? { disabled: true } : {}),
  };
  const evidence: Evidence[] = group.flatMap((p) => p.evidence);
  return { id: assetId('mcp-server', scope, `code:${name}`), kind: 'mcp-server', name, attributes, evidence, tags: {} };
}

/** The transport Spring serves, from the starters and the `stdio` and `protocol` settings. */
function transportsOf(starters: readonly Asset[], stdio: boolean | undefined, protocol: string | undefined): string[] {
  const web = starters.filter((s) => s.attributes['starterTransport'] === 'web');
  if (stdio === true || (starters.length > 0 && web.length === 0)) return ['stdio'];
  const byProtocol = protocol === undefined ? undefined : protocolTransport(protocol);
  if (byProtocol !== undefined) return [byProtocol];
  return [...new Set(web.flatMap((s) => strings(s.attributes['transports'])))].sort();
}

/** Per repository, the project roots holding evidence of the languages detector (code, not only a build file). */
function codeRoots(merged: Merged, finders: ReadonlyMap<string, (path: string) => string>): Map<string, Set<string>> {
  const paths = new Map<string, string[]>();
  for (const a of merged.assets) {
    const list = a.evidence.flatMap((e) => (e.detector === 'languages' && e.path !== undefined ? [e.path] : []));
    if (list.length > 0) paths.set(a.id, list);
  }
  const out = new Map<string, Set<string>>();
  for (const r of merged.relationships) {
    const finder = r.type === 'RESOURCE' ? finders.get(r.from) : undefined;
    const list = finder === undefined ? undefined : paths.get(r.to);
    if (finder === undefined || list === undefined) continue;
    const roots = out.get(r.from) ?? new Set<string>();
    for (const path of list) roots.add(finder(path));
    out.set(r.from, roots);
  }
  return out;
}

/** Applies the plan: dropped parts and the tools only they provide go, joined ones move, what is built merges in. */
function apply(merged: Merged, plan: Plan): Merged {
  // Tools that only dropped servers provide go with them.
  const kept = new Set<string>();
  const orphaned = new Set<string>();
  for (const [server, tools] of plan.provides) for (const tool of tools) (plan.drop.has(server) ? orphaned : kept).add(tool);
  const dropped = new Set([...plan.drop, ...[...orphaned].filter((t) => !kept.has(t))]);
  // A server inferred from a module folder named like the joined server is that server: no longer a guess.
  const joined = new Set(plan.built.map((b) => b.id));
  const assets = merged.assets
    .filter((a) => !dropped.has(a.id) && !plan.into.has(a.id))
    .map((a) => (partOf(a) !== undefined ? without(a, PART_ONLY) : joined.has(a.id) && a.kind === 'mcp-server' ? without(a, ['inferredFrom']) : a));
  const relationships = foldRelationships(merged.relationships.filter((r) => !dropped.has(r.from) && !dropped.has(r.to)), plan.into);
  return mergeResults([{ assets: [...assets, ...plan.built], relationships, diagnostics: merged.diagnostics }]);
}

/** The asset without some attributes (a part left unjoined loses what only parts carry; a joined guess, `inferredFrom`). */
function without(a: Asset, keys: readonly string[]): Asset {
  return { ...a, attributes: Object.fromEntries(Object.entries(a.attributes).filter(([k]) => !keys.includes(k))) };
}

function strings(value: Attributes[string] | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
