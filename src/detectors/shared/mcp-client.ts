/**
 * The asset of an MCP server that code connects to as a client (`role: client-connection`), built
 * alike by the Python and languages (Java/Kotlin) detectors: keyed `client:<dict key | command +
 * args | url>`, named by the dict key, else what the command line starts (`launchName`: the package
 * a launcher runs, the script an interpreter starts), else the URL host, else the command. Command,
 * args, URL, env and header names are stored as the MCP config detector stores a configured
 * server's (`storedLaunch`: the value after `--api-key`, docker `-e NAME=value` values, `--header`
 * values and anything key-shaped redacted; names collected), and the key is built from them; the
 * lines quoted as evidence go through a `LaunchQuoter` given the `hidden` values, so no value the
 * code passes reaches the inventory, and policies match code and config alike.
 */
import type { Attributes } from '../../model/index.ts';
import { hostOf } from '../../model/hosts.ts';
import { commandName, launchName } from './mcp-launch.ts';
import { launchAttributes, REDACTED, storedLaunch } from './mcp-redact.ts';

/** An env variable's name as code reads one: inside a value's expression it is no secret, and the quoted line keeps it. */
export { ENV_VAR_NAME } from '../../model/evidence.ts';

/** What code says about one connection; args a value could not be read for are `<expr>`. */
export interface ClientConnection {
  /** The key the code gives the server (a dict key, a `name=` argument). */
  readonly name?: string | undefined;
  readonly command?: string | undefined;
  readonly args?: readonly string[] | undefined;
  readonly url?: string | undefined;
  readonly transport?: string | undefined;
  readonly envNames?: readonly string[] | undefined;
  /** Names of the headers the code sends (`requestInit.headers`), never their values. */
  readonly headerNames?: readonly string[] | undefined;
  /** Literal env and header values as the code writes them: never stored, and hidden from the quoted line. */
  readonly secretValues?: readonly string[] | undefined;
}

/** A connection's asset. */
export interface ClientConnectionAsset {
  /** The key without `client:`. */
  readonly key: string;
  readonly name: string;
  readonly attributes: Attributes;
  /** Values as the code writes them that are stored otherwise → their stored form, for the quoted line. */
  readonly hidden: ReadonlyMap<string, string>;
}

/** The asset of a connection; undefined when nothing names it. */
export function clientConnectionAsset(c: ClientConnection): ClientConnectionAsset | undefined {
  const launch = storedLaunch(c);
  const { command, args, url } = launch;
  const name = c.name ?? (command === undefined ? undefined : launchName(command, args ?? [])) ?? (url === undefined ? undefined : hostOf(url)) ?? (command === undefined ? undefined : commandName(command));
  if (name === undefined || name === '') return undefined;
  const key = c.name !== undefined ? c.name : command !== undefined ? [command, ...(args ?? [])].join(' ') : (url ?? name);
  const attributes: Attributes = { role: 'client-connection', ...launchAttributes(launch) };
  if (c.transport !== undefined) attributes.transport = c.transport;
  return { key, name, attributes, hidden: withSecretValues(launch.hidden, c.secretValues ?? []) };
}

/**
 * The values a launch hid, plus each env or header value in the quotes code writes it in
 * (`'hunter2'` → `'[redacted]'`): quoted, so a short value does not blank the rest of the line.
 */
function withSecretValues(hidden: ReadonlyMap<string, string>, values: readonly string[]): ReadonlyMap<string, string> {
  if (values.length === 0) return hidden;
  const out = new Map(hidden);
  for (const value of values) {
    if (value === '') continue;
    for (const q of ['"', "'", '`']) out.set(`${q}${value}${q}`, `${q}${REDACTED}${q}`);
  }
  return out;
}
