/**
 * Where MCP clients keep their user-level configs, per OS, as data (research/anchors-mission.md
 * §2(e), with a source per row). The `mcp-config` detector decides the format from the shown path,
 * so every row's shown path must match one of its patterns (paths.test.ts checks it).
 *
 * Bases:
 * - `home`        `~/<path>` on every OS
 * - `xdg`         `~/.config/<path>` (macOS and Linux; `$XDG_CONFIG_HOME` is not read, see readme)
 * - `appSupport`  macOS `~/Library/Application Support`, Linux `~/.config`, Windows `%APPDATA%`
 * - `appData`     Windows `%APPDATA%` only
 * - `system`      an absolute path under the system root (`/etc/...`)
 * A `*` in a path segment matches names in that folder (bounded, sorted).
 */

export const PLATFORMS = ['darwin', 'linux', 'win32'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type Base = 'home' | 'xdg' | 'appSupport' | 'appData' | 'system';

export interface HostConfigPath {
  readonly client: string;
  readonly base: Base;
  /** POSIX path under the base; `*` allowed inside a segment. */
  readonly path: string;
  /** Platforms the row applies to; all when absent. */
  readonly platforms?: readonly Platform[];
  readonly source: string;
}

const UNIX: readonly Platform[] = ['darwin', 'linux'];
const VSCODE_DIRS = ['Code', 'Code - Insiders'];
const vscode = (rel: string, client: string, source: string): HostConfigPath[] => VSCODE_DIRS.map((d) => ({ client, base: 'appSupport', path: `${d}/User/${rel}`, source }));

export const HOST_CONFIG_PATHS: readonly HostConfigPath[] = [
  { client: 'claude-desktop', base: 'appSupport', path: 'Claude/claude_desktop_config.json', source: 'agent-scan claude_desktop.py (Linux path: agent-bom, unofficial)' },
  { client: 'claude-code', base: 'home', path: '.claude.json', source: 'agent-scan claude_code.py' },
  { client: 'claude-code', base: 'home', path: '.claude/settings.json', source: 'agent-scan claude_code.py' },
  { client: 'cursor', base: 'home', path: '.cursor/mcp.json', source: 'agent-scan vscode/cursor.py' },
  ...vscode('mcp.json', 'vscode', 'agent-scan vscode/vscode.py'),
  ...vscode('settings.json', 'vscode', 'agent-scan vscode/vscode.py'),
  ...vscode('profiles/*/mcp.json', 'vscode', 'code.visualstudio.com profiles (per-profile mcp.json)'),
  { client: 'vscode', base: 'home', path: '.vscode/mcp.json', source: 'agent-scan vscode/vscode.py' },
  { client: 'copilot-cli', base: 'home', path: '.copilot/mcp-config.json', source: 'agent-scan vscode.py' },
  { client: 'windsurf', base: 'home', path: '.codeium/windsurf/mcp_config.json', source: 'agent-scan windsurf.py' },
  ...vscode('globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', 'cline', 'agent-bom config_parsers.py'),
  { client: 'cline', base: 'home', path: '.cline/data/settings/cline_mcp_settings.json', source: 'Cline CLI docs (community)' },
  ...vscode('globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json', 'roo-code', 'Roo Code docs (unverified per §2e)'),
  ...vscode('globalStorage/rooveterinaryinc.roo-cline/settings/cline_mcp_settings.json', 'roo-code', 'agent-bom config_parsers.py'),
  ...vscode('globalStorage/amazonwebservices.amazon-q-vscode/mcp.json', 'amazon-q', 'agent-bom config_parsers.py'),
  { client: 'amazon-q', base: 'home', path: '.aws/amazonq/mcp.json', source: 'Amazon Q Developer docs (unverified per §2e)' },
  { client: 'gemini-cli', base: 'home', path: '.gemini/settings.json', source: 'mcp-scan, agent-bom' },
  { client: 'antigravity', base: 'home', path: '.gemini/antigravity/mcp_config.json', source: 'agent-scan antigravity.py' },
  { client: 'antigravity', base: 'home', path: '.gemini/config/mcp_config.json', source: 'agent-scan antigravity.py' },
  { client: 'kiro', base: 'home', path: '.kiro/settings/mcp.json', source: 'agent-scan kiro.py' },
  { client: 'kiro', base: 'home', path: '.kiro/agents/*.json', source: 'agent-scan kiro.py' },
  { client: 'codex', base: 'home', path: '.codex/config.toml', source: 'agent-scan codex.py' },
  { client: 'codex', base: 'home', path: '.codex/*.config.toml', source: 'agent-scan codex.py (<name>.config.toml)' },
  { client: 'codex', base: 'system', path: 'etc/codex/config.toml', platforms: ['linux'], source: 'agent-scan codex.py' },
  { client: 'opencode', base: 'xdg', path: 'opencode/opencode.json', platforms: UNIX, source: 'agent-scan opencode.py' },
  { client: 'opencode', base: 'xdg', path: 'opencode/opencode.jsonc', platforms: UNIX, source: 'agent-scan opencode.py' },
  { client: 'continue', base: 'home', path: '.continue/config.json', source: 'agent-bom' },
  { client: 'continue', base: 'home', path: '.continue/config.yaml', source: 'docs.continue.dev (unverified per §2e)' },
  { client: 'continue', base: 'home', path: '.continue/mcpServers/*.yaml', source: 'docs.continue.dev (unverified per §2e)' },
  { client: 'continue', base: 'home', path: '.continue/mcpServers/*.json', source: 'docs.continue.dev (unverified per §2e)' },
  { client: 'zed', base: 'xdg', path: 'zed/settings.json', platforms: UNIX, source: 'agent-bom; zed.dev docs' },
  { client: 'zed', base: 'appData', path: 'Zed/settings.json', platforms: ['win32'], source: 'agent-bom' },
  { client: 'goose', base: 'xdg', path: 'goose/config.yaml', platforms: UNIX, source: 'agent-bom; block.github.io/goose config-files' },
  { client: 'goose', base: 'appData', path: 'Block/goose/config/config.yaml', platforms: ['win32'], source: 'block.github.io/goose config-files' },
  { client: 'junie', base: 'home', path: '.junie/mcp/mcp.json', source: 'agent-bom (low confidence)' },
];

/** The shown prefix of a base on a platform (`~`, `~/.config`, `%APPDATA%`, ...); undefined when the base does not apply. */
export function shownBase(base: Base, platform: Platform): string | undefined {
  switch (base) {
    case 'home':
      return '~';
    case 'xdg':
      return platform === 'win32' ? undefined : '~/.config';
    case 'appSupport':
      return platform === 'darwin' ? '~/Library/Application Support' : platform === 'linux' ? '~/.config' : '%APPDATA%';
    case 'appData':
      return platform === 'win32' ? '%APPDATA%' : undefined;
    case 'system':
      return platform === 'win32' ? undefined : '';
  }
}

/** Rows that apply on a platform, with their shown path (`~/.cursor/mcp.json`); `*` still unexpanded. */
export function pathsFor(platform: Platform): Array<HostConfigPath & { readonly shown: string }> {
  return HOST_CONFIG_PATHS.flatMap((row) => {
    if (row.platforms !== undefined && !row.platforms.includes(platform)) return [];
    const prefix = shownBase(row.base, platform);
    return prefix === undefined ? [] : [{ ...row, shown: `${prefix}/${row.path}` }];
  });
}
