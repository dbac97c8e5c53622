/**
 * Pure: decides which system(s) each piece of evidence belongs to. A system is keyed by how it was
 * derived and its root: `project:<dir>` (the deepest project root above the file), `compose:<file>`
 * (a compose stack), `iac:<dir>` (a Terraform module) or `iac:<file>` (a CloudFormation stack),
 * `deploy:<dir>` (a folder of Kubernetes manifests or a Helm chart), `client:<id>` (a developer's
 * AI client: a coding agent or an MCP client config) and `config:<name>` (named in the config file).
 */
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { Asset, Evidence } from '../model/index.ts';

/** How a system was found. */
export type DerivedFrom = 'project' | 'compose' | 'iac' | 'deploy' | 'client' | 'config';

/** A system named in the config file (`systems:`). */
export interface ConfiguredSystem {
  readonly name: string;
  readonly paths: readonly string[];
  readonly description?: string | undefined;
}

/** One group key: how the system was derived and its root (folder, file, client id or name). */
export interface GroupKey {
  readonly from: DerivedFrom;
  readonly root: string;
}

/** `compose.yaml`, `docker-compose.override.yml`, `docker-compose-queue-prebuilt.yml`. */
const COMPOSE_FILE = /(^|\/)([\w.-]*[.-])?(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;
/** A Terraform module file; its `.tfvars` files belong to the same module (values read from them are evidence too). */
const TERRAFORM_FILE = /\.(?:tf|tfvars)(\.json)?$/i;

/** Matches evidence paths against the configured systems; the first system listed wins. */
export function configMatcher(systems: readonly ConfiguredSystem[]): (path: string) => string | undefined {
  const compiled = systems.map((s) => ({
    name: s.name,
    // A plain folder also claims everything below it.
    tests: s.paths.map((p) => picomatch(/[*?[\]{}]/.test(p) ? p : [p, `${p.replace(/\/+$/, '')}/**`], { dot: true })),
  }));
  return (path) => compiled.find((c) => c.tests.some((t) => t(path)))?.name;
}

/** Finds the deepest project root (folder of a marker file) above a path; '.' when there is none. */
export function projectRootFinder(projectFiles: readonly string[]): (path: string) => string {
  const roots = new Set(projectFiles.map((f) => posix.dirname(f)));
  return (path) => {
    let dir = posix.dirname(path);
    while (dir !== '.' && dir !== '/' && dir !== '') {
      if (roots.has(dir)) return dir;
      dir = posix.dirname(dir);
    }
    return '.';
  };
}

/** The project files (`package.json`, `go.mod`, ...) a repository asset lists; none without one. */
export function projectFilesOf(repository: Asset | undefined): string[] {
  const files = repository?.attributes['projectFiles'];
  return Array.isArray(files) ? files.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The developer clients an asset (seen at `evidence`) belongs to, or none: coding agents, MCP
 * servers of client configs, and models named in a client config. A model belongs to a client only
 * through the config's evidence: code naming the same model stays in its project.
 */
export function clientsOf(asset: Asset, evidence?: Evidence): string[] {
  if (asset.kind === 'agent' && asset.attributes['kind'] === 'coding-agent') return [asset.name];
  const configuredModel = asset.kind === 'model' && evidence?.detector === 'mcp-config';
  if ((asset.kind === 'mcp-server' && asset.attributes['role'] === 'configured') || configuredModel) {
    const clients = asset.attributes['clients'];
    return Array.isArray(clients) ? clients.filter((c): c is string => typeof c === 'string') : [];
  }
  return [];
}

/** Where one evidence entry puts its asset, config systems first. */
export function groupOfEvidence(
  evidence: Evidence,
  projectRoot: (path: string) => string,
  configured: (path: string) => string | undefined,
): GroupKey | undefined {
  const path = evidence.path;
  if (path === undefined || path === '.') return undefined;
  const named = configured(path);
  if (named !== undefined) return { from: 'config', root: named };
  // A compose file or a Terraform module is its own system whichever detector saw the line.
  if (COMPOSE_FILE.test(path)) return { from: 'compose', root: path };
  if (TERRAFORM_FILE.test(path)) return { from: 'iac', root: posix.dirname(path) };
  if (evidence.technique === 'iac') return { from: 'iac', root: path };
  if (evidence.technique === 'container' && !/(^|\/)([^/]*\.)?(Dockerfile|Containerfile)[^/]*$/i.test(path)) return { from: 'deploy', root: chartRoot(path) };
  return { from: 'project', root: projectRoot(path) };
}

/** A Helm chart's folder for a file under it (`chart/templates/x.yaml` → `chart`), else the file's folder. */
function chartRoot(path: string): string {
  const parts = path.split('/');
  const templates = parts.lastIndexOf('templates');
  if (templates > 0) return parts.slice(0, templates).join('/');
  return posix.dirname(path);
}

/** The string form of a key, for maps. */
export function keyString(key: GroupKey): string {
  return `${key.from}:${key.root}`;
}
