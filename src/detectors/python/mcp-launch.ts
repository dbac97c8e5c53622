/**
 * Naming helpers for MCP client connections: the package a launcher runs
 * (`npx -y @modelcontextprotocol/server-filesystem /tmp` → `@modelcontextprotocol/server-filesystem`),
 * a URL's host, and a URL safe to store (no user info, query or fragment: they can hold tokens).
 */
import { MCP_LAUNCHERS } from './catalog.ts';

/** `pkg@1.2`, `@scope/pkg@latest`, `pkg==1.0`, `pkg[extra]>=2`, `image:tag` → the bare name. */
function stripVersion(spec: string): string {
  const scoped = /^(@[^/@\s]+\/[^@\s]+)@/.exec(spec);
  if (scoped?.[1] !== undefined) return scoped[1];
  if (!spec.startsWith('@') && spec.includes('@')) return spec.slice(0, spec.indexOf('@'));
  const pep = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:[=<>!~].*)?$/.exec(spec);
  if (pep?.[1] !== undefined) return pep[1];
  const slash = spec.lastIndexOf('/');
  const colon = spec.lastIndexOf(':');
  return colon > slash && !spec.includes('://') ? spec.slice(0, colon) : spec;
}

/** Base name of a command path, without a Windows `.cmd`/`.exe` suffix. */
export function commandName(command: string): string {
  const base = command.split(/[\\/]/).pop() ?? command;
  return base.replace(/\.(?:cmd|exe|bat)$/i, '');
}

/** The package a known launcher (npx, uvx, docker run, ...) starts, when it can be read from the args. */
export function launchedPackage(command: string, args: readonly string[]): string | undefined {
  const base = commandName(command);
  const row = MCP_LAUNCHERS.find((l) => l.command === base && (l.sub ?? []).every((s, i) => args[i] === s));
  if (row === undefined) return undefined;
  for (let i = row.sub?.length ?? 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('-')) {
      if (row.valueFlags.includes(arg)) i++;
      continue;
    }
    return arg.startsWith('<') ? undefined : stripVersion(arg);
  }
  return undefined;
}

/** Host of a URL, or undefined when it does not parse. */
export function urlHost(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const host = new URL(url).hostname;
  return host === '' ? undefined : host;
}

/** The URL without user info, query string or fragment. */
export function cleanUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/[?#].*$/s, '');
  const u = new URL(url);
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u.toString();
}
