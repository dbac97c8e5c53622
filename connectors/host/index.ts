/**
 * Host connector: the MCP servers configured for the AI clients of one user on this machine
 * (Claude Desktop/Code, Cursor, VS Code, Windsurf, Gemini CLI, Cline/Roo, Kiro, Amazon Q, Codex,
 * Zed, Goose, Continue, opencode), read from the per-OS config paths in `paths.ts` by the same
 * `mcp-config` detector that reads repositories. Read-only: it opens files, never writes them.
 */
import { z } from 'zod';
import type { Connector } from '../types.ts';
import { PLATFORMS } from './paths.ts';
import { scanHost } from './scan.ts';

export const hostConfigSchema = z.strictObject({
  /** The home folder to read (the CLI passes the user's own unless --host-home says otherwise). */
  home: z.string().min(1),
  platform: z.enum(PLATFORMS),
  /** Machine name; with `home` it forms the scope `host:<hostname>:<home>`. */
  hostname: z.string().min(1),
  appData: z.string().min(1).optional(),
  systemRoot: z.string().min(1).optional(),
  maxFileSize: z.number().int().positive().default(32 * 1024 * 1024),
});
export type HostConfig = z.infer<typeof hostConfigSchema>;

export const hostConnector = {
  id: 'host',
  displayName: 'MCP client configs on this machine',
  emits: ['mcp-server'],
  permissions: ['read access to the home folder scanned (and %APPDATA% on Windows, /etc/codex on Linux)'],
  configSchema: hostConfigSchema,
  scan: (ctx, config) => scanHost(ctx, config),
} satisfies Connector<HostConfig>;
