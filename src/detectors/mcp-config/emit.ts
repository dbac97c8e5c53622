/**
 * A configured server → an `mcp-server` asset keyed `config:<name>`, so one server configured for
 * several clients (or in several files of one repository) becomes one asset whose `clients` list
 * them all. Everything stored is safe: args and URL redacted, env/header names without values.
 */
import type { Asset, Attributes } from '../../model/index.ts';
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import { hostOf } from '../../model/hosts.ts';
import { commandName, launchName, type LaunchedPackage } from '../shared/mcp-launch.ts';
import { launchAttributes, storedLaunch, type StoredLaunch } from '../shared/mcp-redact.ts';
import type { SourceFile } from '../types.ts';
import { FILESYSTEM_SERVERS, type ConfigFileRow } from './catalog.ts';
import type { RawModel } from './models.ts';
import type { RawServer } from './server.ts';

const ID = 'mcp-config';
const PATH_LIKE = /^(?:[/~.]|[A-Za-z]:[\\/]|\$\{|%[A-Za-z]+%)/;

const sortedUnique = (list: readonly string[]): string[] => [...new Set(list)].sort();

/** Host folders a server is given: filesystem-server arguments, bind mounts of a container. */
function filesystemRoots(args: readonly string[], pkg: LaunchedPackage | undefined): string[] {
  if (pkg === undefined) return [];
  if (FILESYSTEM_SERVERS.some((s) => s.ecosystem === pkg.ecosystem && s.name === pkg.name)) {
    return args.slice(pkg.index + 1).filter((a) => !a.startsWith('-'));
  }
  if (pkg.ecosystem !== 'oci') return [];
  const roots: string[] = [];
  args.slice(0, pkg.index).forEach((arg, i) => {
    const prev = i > 0 ? args[i - 1] : '';
    const value = prev === '-v' || prev === '--volume' ? arg : /^(?:-v|--volume)=(.*)$/.exec(arg)?.[1];
    if (value !== undefined) roots.push(value.replace(/^([A-Za-z]:)?([^:]*).*$/, '$1$2'));
    const mount = prev === '--mount' ? arg : /^--mount=(.*)$/.exec(arg)?.[1];
    const src = mount === undefined ? undefined : /(?:^|,)(?:src|source)=([^,]+)/.exec(mount)?.[1];
    if (src !== undefined && /(?:^|,)type=bind(?:,|$)/.test(mount ?? '')) roots.push(src);
  });
  return roots.filter((r) => PATH_LIKE.test(r));
}

function nameOf(server: RawServer, launch: StoredLaunch): string | undefined {
  if (server.name !== undefined && server.name.trim() !== '') return server.name;
  if (launch.pkg !== undefined) return launch.pkg.name;
  if (launch.command !== undefined) return launchName(launch.command, launch.args ?? []) ?? commandName(launch.command);
  return launch.url === undefined ? undefined : hostOf(launch.url);
}

/**
 * Adds the asset for one configured server. In an application's config (`row.app`: Spring AI) the
 * server is one the app connects to: `role: client-connection`, key `client:<name>` as the code
 * detectors record client connections, and no `clients`. `detectorId` names the detector in the
 * evidence (the agent-files detector reads configs inlined in CI workflows with it).
 */
export function emitServer(file: SourceFile, row: Pick<ConfigFileRow, 'client' | 'app'>, server: RawServer, out: ResultBuilder, detectorId: string = ID): Asset | undefined {
  const app = row.app === true;
  // Args, URL, env and header names as client connections in code store them (shared/mcp-redact.ts).
  const launch = storedLaunch(server);
  const name = nameOf(server, launch);
  if (name === undefined) return undefined;
  const attributes: Attributes = app ? { role: 'client-connection' } : { role: 'configured', clients: [row.client] };
  if (server.transport !== undefined) attributes.transport = server.transport;
  Object.assign(attributes, launchAttributes(launch));
  const roots = filesystemRoots(launch.args ?? [], launch.pkg);
  if (roots.length > 0) attributes.filesystemRoots = sortedUnique(roots);
  if (server.disabled === true) attributes.disabled = true;
  if (server.autoApprove !== undefined) attributes.autoApprove = sortedUnique(server.autoApprove);
  if (server.trusted === true) attributes.trusted = true;
  if (server.project !== undefined) attributes.projects = [server.project];
  if (server.viaExtension === true) attributes.launchedBy = 'extension';
  return out.asset(file, {
    kind: 'mcp-server',
    key: `${app ? 'client' : 'config'}:${name}`,
    name,
    attributes,
    evidence: [evidenceAt(file, detectorId, 'config', 'declared', server.line, server.snippet)],
  });
}

/**
 * Adds the `model` asset of one model a config file sets (`models.ts` for client configs, the
 * endpoints detector's `config-models.ts` for app configs): keyed by the lower-cased id, evidence
 * the setting's line (technique `config`, confidence `declared`).
 */
export function emitModel(file: SourceFile, model: RawModel, attributes: Attributes, out: ResultBuilder, detectorId: string = ID): Asset | undefined {
  return out.asset(file, {
    kind: 'model',
    key: model.id.toLowerCase(),
    name: model.id,
    ...(model.provider === undefined ? {} : { provider: model.provider }),
    attributes,
    evidence: [evidenceAt(file, detectorId, 'config', 'declared', model.line, model.snippet)],
  });
}
