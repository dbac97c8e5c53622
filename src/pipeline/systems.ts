/**
 * Pure: derives `system` assets after the merge (DESIGN.md §3): one per project root that uses AI,
 * per compose stack, per IaC module or CloudFormation stack, per folder of Kubernetes manifests or
 * Helm chart, per developer AI client (coding agent, MCP client config), and one per system named
 * in the config file. Each system `INCLUDES` its components and gets the typed edge that says how
 * it uses each one (`USES_SDK`, `USES_MODEL`, `CALLS`, `CONNECTS_TO`, `USES_TOOL`, `READS_FROM`,
 * `USES_SECRET`, `RUNS_AS`).
 *
 * Systems a detector declared (IaC resources, model UIs and agent platforms in workloads) get the
 * same placement attributes (`derivedFrom`, `root`, `file`), from the path that declared them.
 *
 * Membership comes from evidence paths (relative to the scanned root), so an asset seen in two
 * projects belongs to both. Repository scope comes from the `RESOURCE` edges the local connector
 * adds; assets with no repository (a `--host` scan) belong to the host target's scope.
 */
import { posix } from 'node:path';
import { assetId, relationshipId, type Asset, type AssetKind, type Evidence, type Relationship, type RelationshipType, type ScanTarget } from '../model/index.ts';
import { clientsOf, configMatcher, groupOfEvidence, keyString, projectFilesOf, projectRootFinder, type ConfiguredSystem, type GroupKey } from './systems-group.ts';

export type { ConfiguredSystem } from './systems-group.ts';

/** Kinds a system can be made of; owners, repositories and accounts are not components. */
const COMPONENT_KINDS: ReadonlySet<AssetKind> = new Set([
  'sdk', 'model', 'endpoint', 'vector-store', 'mcp-server', 'tool', 'agent', 'model-server', 'model-file',
  'data-source', 'saas-app', 'secret', 'identity', 'system',
]);

/** Kinds that are not enough on their own to call a folder an AI system (a role or a bucket). */
const SUPPORTING_KINDS: ReadonlySet<AssetKind> = new Set(['identity', 'data-source']);

/** The edge that says how a system uses a component of each kind, besides `INCLUDES`. */
const USE_EDGE: Partial<Record<AssetKind, RelationshipType>> = {
  sdk: 'USES_SDK',
  model: 'USES_MODEL',
  endpoint: 'CALLS',
  'saas-app': 'CALLS',
  'mcp-server': 'CONNECTS_TO',
  tool: 'USES_TOOL',
  'vector-store': 'READS_FROM',
  'data-source': 'READS_FROM',
  secret: 'USES_SECRET',
  identity: 'RUNS_AS',
};

/** Evidence entries kept on each derived edge: enough to show where, not a copy of the asset's. */
const EDGE_EVIDENCE = 3;

/** Input of `deriveSystems`: the merged assets and relationships, and what was scanned. */
export interface SystemsInput {
  readonly assets: readonly Asset[];
  readonly relationships: readonly Relationship[];
  readonly targets: readonly ScanTarget[];
  readonly configured?: readonly ConfiguredSystem[];
}

interface Draft {
  readonly id: string;
  readonly scope: string;
  readonly scopeName: string;
  readonly key: GroupKey;
  readonly members: Map<string, Evidence[]>;
  readonly repositories: Set<string>;
  markerFile?: string;
}

/** One scope's members: a repository (or the host) and the assets found there. */
interface ScopeMembers {
  readonly scope: string;
  readonly repository?: Asset;
  readonly members: Asset[];
}

/** Derives systems; returns only the new assets and relationships (the caller merges them in). */
export function deriveSystems(input: SystemsInput): { assets: Asset[]; relationships: Relationship[] } {
  const byId = new Map(input.assets.map((a) => [a.id, a]));
  const configured = configMatcher(input.configured ?? []);
  const drafts = new Map<string, Draft>();
  const declared = new Map<string, Asset>();
  for (const scope of scopesOf(input, byId)) {
    const projectFiles = projectFilesOf(scope.repository);
    const projectRoot = projectRootFinder(projectFiles);
    const scopeName = shortName(scope.scope);
    for (const asset of scope.members) {
      const placed = asset.kind === 'system' && !declared.has(asset.id) ? declaredPlacement(asset, projectRoot) : undefined;
      if (placed !== undefined) declared.set(placed.id, placed);
      for (const [key, evidence] of groupsOf(asset, projectRoot, configured)) {
        const draft = draftFor(drafts, scope, scopeName, key);
        const list = draft.members.get(asset.id) ?? [];
        list.push(...evidence);
        draft.members.set(asset.id, list);
        if (key.from === 'project') draft.markerFile ??= projectFiles.find((f) => posix.dirname(f) === key.root);
      }
    }
  }
  const real = [...drafts.values()].filter((d) => [...d.members.keys()].some((id) => !SUPPORTING_KINDS.has((byId.get(id) as Asset).kind)));
  const names = systemNames(real);
  const provided = new Set(input.relationships.filter((r) => r.type === 'PROVIDES').map((r) => r.to));
  const runAs = new Set(input.relationships.filter((r) => r.type === 'RUNS_AS').map((r) => r.to));
  // Declared systems outside any repository (a host scan) are placed from their own paths.
  for (const a of input.assets) if (a.kind === 'system' && !declared.has(a.id)) declared.set(a.id, declaredPlacement(a, posix.dirname) ?? a);
  // Returned with their placement added: the merge after this step fills in the missing attributes.
  const assets: Asset[] = [...declared.values()].filter((a) => byId.get(a.id) !== a);
  const relationships: Relationship[] = [];
  for (const draft of real) {
    const system = systemAsset(draft, names.get(draft.id) as string, byId);
    assets.push(system);
    for (const repo of draft.repositories) relationships.push(edge('RESOURCE', repo, system.id, []));
    for (const [memberId, evidence] of draft.members) {
      const member = byId.get(memberId) as Asset;
      const shown = evidence.slice(0, EDGE_EVIDENCE);
      relationships.push(edge('INCLUDES', system.id, memberId, shown));
      const use = useEdge(member, provided, runAs);
      if (use !== undefined) relationships.push(edge(use, system.id, memberId, shown));
    }
  }
  return { assets, relationships };
}

/** Which typed edge a system gets to a member; undefined when `INCLUDES` says it all. */
function useEdge(member: Asset, provided: ReadonlySet<string>, runAs: ReadonlySet<string>): RelationshipType | undefined {
  // A tool an MCP server provides is reached through CONNECTS_TO → PROVIDES; a role only counts when something runs as it.
  if (member.kind === 'tool' && provided.has(member.id)) return undefined;
  if (member.kind === 'identity' && !runAs.has(member.id)) return undefined;
  return USE_EDGE[member.kind];
}

/** Groups an asset's evidence by the system(s) it puts the asset in. */
function groupsOf(asset: Asset, projectRoot: (path: string) => string, configured: (path: string) => string | undefined): [GroupKey, Evidence[]][] {
  const out = new Map<string, [GroupKey, Evidence[]]>();
  const add = (key: GroupKey, evidence: Evidence): void => {
    const k = keyString(key);
    const entry = out.get(k);
    if (entry) entry[1].push(evidence);
    else out.set(k, [key, [evidence]]);
  };
  for (const evidence of asset.evidence) {
    const key = groupOfEvidence(evidence, projectRoot, configured);
    if (key === undefined) continue;
    const clients = clientsOf(asset, evidence);
    if (key.from !== 'config' && clients.length > 0) for (const client of clients) add({ from: 'client', root: client }, evidence);
    else add(key, evidence);
  }
  return [...out.values()];
}

/** Repositories with their members, then the host scope (assets no repository claims). */
function scopesOf(input: SystemsInput, byId: ReadonlyMap<string, Asset>): ScopeMembers[] {
  const scopes = new Map<string, ScopeMembers>();
  const claimed = new Set<string>();
  for (const rel of input.relationships) {
    if (rel.type !== 'RESOURCE') continue;
    const repository = byId.get(rel.from);
    const member = byId.get(rel.to);
    if (repository?.kind !== 'repository' || member === undefined || !COMPONENT_KINDS.has(member.kind)) continue;
    let scope = scopes.get(repository.id);
    if (scope === undefined) scopes.set(repository.id, (scope = { scope: repository.name, repository, members: [] }));
    scope.members.push(member);
    claimed.add(member.id);
  }
  const host = input.targets.find((t) => t.connector === 'host');
  const rest = input.assets.filter((a) => COMPONENT_KINDS.has(a.kind) && !claimed.has(a.id) && a.kind !== 'system');
  const out = [...scopes.values()];
  if (host !== undefined && rest.length > 0) out.push({ scope: host.scope, members: rest });
  return out;
}

function draftFor(drafts: Map<string, Draft>, scope: ScopeMembers, scopeName: string, key: GroupKey): Draft {
  // Configured systems are one system across every scanned root; the others live in their scope.
  const idScope = key.from === 'config' ? 'config' : scope.scope;
  const id = assetId('system', idScope, keyString(key));
  let draft = drafts.get(id);
  if (draft === undefined) {
    draft = { id, scope: idScope, scopeName, key, members: new Map(), repositories: new Set() };
    drafts.set(id, draft);
  }
  if (scope.repository !== undefined) draft.repositories.add(scope.repository.id);
  return draft;
}

/** Display names: the folder, file or client; qualified by root or scope where two would clash. */
function systemNames(drafts: readonly Draft[]): Map<string, string> {
  const base = new Map(drafts.map((d) => [d.id, baseName(d)]));
  const clashes = new Map<string, Draft[]>();
  for (const d of drafts) {
    const name = base.get(d.id) as string;
    clashes.set(name, [...(clashes.get(name) ?? []), d]);
  }
  const unique = (group: readonly Draft[], of: (d: Draft) => string): boolean => new Set(group.map(of)).size === group.length;
  return new Map(drafts.map((d) => {
    const name = base.get(d.id) as string;
    const group = clashes.get(name) ?? [];
    if (group.length < 2 || d.key.from === 'config') return [d.id, name];
    // Qualify by what tells them apart: how each was found (a lone project keeps the plain name),
    // else the root inside one repository, else the repository.
    if (unique(group, (x) => x.key.from)) return [d.id, d.key.from === 'project' ? name : `${name} (${d.key.from})`];
    const byRoot = (x: Draft): string => (x.key.root === '.' || x.key.from === 'client' ? x.scopeName : x.key.root);
    // Last, the root in its repository; and how it was found where two share a root (a project and a
    // deploy folder at `.`).
    const full = (x: Draft): string => `${x.scopeName}/${x.key.root}`;
    const where = unique(group, byRoot) ? byRoot(d) : unique(group, (x) => x.scopeName) ? d.scopeName : unique(group, full) ? full(d) : `${full(d)}, ${d.key.from}`;
    return [d.id, `${name} (${where})`];
  }));
}

function baseName(d: Draft): string {
  const { from, root } = d.key;
  if (from === 'config') return root;
  if (from === 'client') return d.scope.startsWith('host:') ? `${root} on ${d.scopeName}` : `${root} in ${d.scopeName}`;
  if (from === 'compose') return posix.dirname(root) === '.' ? d.scopeName : posix.basename(posix.dirname(root));
  if (from === 'iac' && !/\.tf(\.json)?$/.test(root) && /\.(ya?ml|json|template)$/i.test(root)) return posix.basename(root).replace(/\.[^.]+$/, '');
  return root === '.' ? d.scopeName : posix.basename(root);
}

/** The last path segment of a scope (`github.com/org/repo` → `repo`, `host:box:/home/a` → `box`). */
function shortName(scope: string): string {
  if (scope.startsWith('host:')) return scope.split(':')[1] ?? scope;
  const trimmed = scope.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

function systemAsset(draft: Draft, name: string, byId: ReadonlyMap<string, Asset>): Asset {
  const members = [...draft.members.keys()].map((id) => byId.get(id) as Asset);
  // Exposure counts where the component is deployed (compose, Kubernetes, IaC), not where code imports its client.
  const deployed = (m: Asset): boolean => (draft.members.get(m.id) ?? []).some((e) => e.technique === 'container' || e.technique === 'iac');
  const exposed = members.filter((m) => m.attributes['exposed'] === true && deployed(m)).map((m) => m.name);
  const kinds: Record<string, number> = {};
  for (const m of members) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
  const { from, root } = draft.key;
  const attributes: Record<string, string | number | boolean | string[] | Record<string, number>> = {
    ...placement(draft.key),
    components: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => (a < b ? -1 : 1))),
    externalFacing: exposed.length > 0,
  };
  if (exposed.length > 0) attributes['exposedComponents'] = [...new Set(exposed)].sort();
  return {
    id: draft.id,
    kind: 'system',
    name,
    nativeId: from === 'project' ? root : from === 'config' || from === 'client' ? `${from}:${root}` : `${root}#${from}`,
    attributes,
    evidence: systemEvidence(draft),
    tags: {},
  };
}

/**
 * Where a system sits, from its group key: `derivedFrom`, then `client` for a developer client,
 * else `root` (the folder) and, for a system that is one file (compose, CloudFormation), `file`.
 */
function placement(key: GroupKey): Record<string, string> {
  const { from, root } = key;
  const isFile = from === 'compose' || (from === 'iac' && !/\.tf(\.json)?$/.test(root) && /\.[a-z]+$/i.test(root));
  const out: Record<string, string> = { derivedFrom: from };
  if (from === 'client') out['client'] = root;
  else if (from !== 'config') out['root'] = isFile ? posix.dirname(root) : root;
  if (isFile) out['file'] = root;
  return out;
}

/** Config systems are named in the config file; a system a detector declared is never one of them. */
const NOT_CONFIGURED = (): undefined => undefined;

/**
 * The placement attributes of a system a detector declared (an IaC resource such as a SageMaker
 * notebook or Bedrock flow, a model UI or agent platform workload), worked out from its first
 * evidence with a path the way derived systems are grouped; `cloud` when no file declared it
 * (a system a cloud connector read from an API). Undefined when it already carries `derivedFrom`.
 */
function declaredPlacement(system: Asset, projectRoot: (path: string) => string): Asset | undefined {
  if (system.attributes['derivedFrom'] !== undefined) return undefined;
  const evidence = system.evidence.find((e) => e.path !== undefined && e.path !== '.');
  const key = evidence === undefined ? undefined : groupOfEvidence(evidence, projectRoot, NOT_CONFIGURED);
  return { ...system, attributes: { ...system.attributes, ...(key === undefined ? { derivedFrom: 'cloud' } : placement(key)) } };
}

/** The project's marker file when there is one, then the first evidence of its first members. */
function systemEvidence(draft: Draft): Evidence[] {
  const out: Evidence[] = [];
  if (draft.markerFile !== undefined) out.push({ path: draft.markerFile, line: 1, technique: 'manifest', confidence: 'inferred', detector: 'systems' });
  const seen = new Set(out.map((e) => e.path));
  for (const evidence of [...draft.members.values()].flat()) {
    if (out.length >= EDGE_EVIDENCE) break;
    if (seen.has(evidence.path)) continue;
    seen.add(evidence.path);
    out.push({ ...evidence, confidence: 'inferred', detector: 'systems' });
  }
  return out;
}

function edge(type: RelationshipType, from: string, to: string, evidence: readonly Evidence[]): Relationship {
  return { id: relationshipId(from, type, to), type, from, to, properties: {}, evidence };
}
