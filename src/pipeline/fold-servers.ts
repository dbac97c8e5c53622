/**
 * Pure: folds an inferred MCP server into the server its project constructs. A file that registers
 * tools on an injected server (`registerSearchTool(server: McpServer)`) constructs none, so the
 * JavaScript and Go detectors attach its tools to a server inferred from the folder or repository
 * name (`inferredFrom`, `shared/mcp-server-name.ts`); when the project constructs its server under
 * another name, that guess is a second server carrying the tools. Here, after the merge, the guess
 * is folded into the constructed one when the match is unambiguous: same repository (the `RESOURCE`
 * edges), same project root (the deepest folder above every one of its evidence paths holding a
 * project file, the repository's `projectFiles`; `.` when none), same `sdk`, and exactly one
 * server constructed there. Zero or several constructed servers leave both listed.
 *
 * Folding moves the inferred server's evidence to the constructed one, points every relationship
 * from or to it (`PROVIDES` tools, `RESOURCE`, …) at the constructed one (deduplicated: evidence
 * unioned, properties merged), and drops it. Tools keep their ids. Spring AI servers, which no
 * file constructs, are joined before this step (`spring-mcp.ts`, with the same helpers).
 */
import { relationshipId, type Asset, type Evidence, type Relationship } from '../model/index.ts';
import { canonical, mergeAttributes, uniqueEvidence, type Merged } from './merge.ts';
import { projectFilesOf, projectRootFinder } from './systems-group.ts';
import type { AttributeValue, Attributes } from '../model/index.ts';

/** Folds inferred implemented servers into their project's one constructed server; returns the input when none folds. */
export function foldInferredServers(merged: Merged): Merged {
  const byId = new Map(merged.assets.map((a) => [a.id, a]));
  const into = new Map<string, string>();
  for (const [repository, members] of membersByRepository(merged, byId)) {
    const projectRoot = projectRootFinder(projectFilesOf(repository));
    const servers = members.filter((a) => a.kind === 'mcp-server' && a.attributes['role'] === 'implemented');
    const constructed = servers.filter((s) => !isInferred(s));
    for (const server of servers.filter(isInferred)) {
      const roots = rootsOf(server, projectRoot);
      if (roots.size !== 1) continue;
      const [root] = roots;
      const candidates = constructed.filter((c) => c.attributes['sdk'] === server.attributes['sdk'] && rootsOf(c, projectRoot).has(root as string));
      if (candidates.length === 1) into.set(server.id, (candidates[0] as Asset).id);
    }
  }
  if (into.size === 0) return merged;
  return { assets: foldAssets(merged.assets, into, byId), relationships: foldRelationships(merged.relationships, into), diagnostics: merged.diagnostics };
}

/**
 * An inferred server: named by `inferredFrom` and seen only as `inferred`. A server also constructed
 * under the inferred name (the merge joined them, keeping `inferredFrom`) has declared evidence
 * from its constructor and counts as constructed.
 */
function isInferred(server: Asset): boolean {
  return server.attributes['inferredFrom'] !== undefined && server.evidence.every((e) => e.confidence === 'inferred');
}

/** The project roots of an asset's evidence paths. */
export function rootsOf(asset: Asset, projectRoot: (path: string) => string): Set<string> {
  const roots = new Set<string>();
  for (const e of asset.evidence) if (e.path !== undefined && e.path !== '.') roots.add(projectRoot(e.path));
  return roots;
}

/** Each repository with the MCP servers its `RESOURCE` edges claim, in relationship (id) order. */
export function membersByRepository(merged: Merged, byId: ReadonlyMap<string, Asset>): Map<Asset, Asset[]> {
  const out = new Map<Asset, Asset[]>();
  for (const rel of merged.relationships) {
    if (rel.type !== 'RESOURCE') continue;
    const repository = byId.get(rel.from);
    const member = byId.get(rel.to);
    if (repository?.kind !== 'repository' || member?.kind !== 'mcp-server') continue;
    const list = out.get(repository);
    if (list) list.push(member);
    else out.set(repository, [member]);
  }
  return out;
}

function foldAssets(assets: readonly Asset[], into: ReadonlyMap<string, string>, byId: ReadonlyMap<string, Asset>): Asset[] {
  const gained = new Map<string, Evidence[]>();
  for (const [from, to] of into) gained.set(to, [...(gained.get(to) ?? []), ...(byId.get(from) as Asset).evidence]);
  const out: Asset[] = [];
  for (const a of assets) {
    if (into.has(a.id)) continue;
    const extra = gained.get(a.id);
    out.push(extra === undefined ? a : { ...a, evidence: uniqueEvidence([...a.evidence, ...extra]) });
  }
  return out;
}

/** Relationships with ends in `into` moved to their target (a folded server to the constructed one); two that become one merge. */
export function foldRelationships(relationships: readonly Relationship[], into: ReadonlyMap<string, string>): Relationship[] {
  const out = new Map<string, Relationship>();
  for (const rel of relationships) {
    const from = into.get(rel.from) ?? rel.from;
    const to = into.get(rel.to) ?? rel.to;
    const id = from === rel.from && to === rel.to ? rel.id : relationshipId(from, rel.type, to);
    const moved: Relationship = id === rel.id ? rel : { ...rel, id, from, to };
    const prev = out.get(id);
    out.set(id, prev === undefined ? moved : {
      ...prev,
      properties: canonical(mergeAttributes(prev.properties, moved.properties) as AttributeValue) as Attributes,
      evidence: uniqueEvidence([...prev.evidence, ...moved.evidence]),
    });
  }
  return [...out.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
