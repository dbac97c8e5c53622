import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import type { ScanContext } from '../types.ts';
import { hostConnector } from './index.ts';

// Planted values are assembled at test time: none is written whole in the repo.
const ENV_VALUE = ['host', 'env', 'value', '7731'].join('-');
const HEADER_VALUE = ['host', 'header', 'value', '9902'].join('-');
const KEY = ['sk', 'proj', 'Qw3Er5Ty7Ui9Op1As3Df5Gh7'].join('-');

const ctx: ScanContext = {
  scanId: 'test',
  now: () => new Date(0),
  log: { debug: () => undefined, warn: () => undefined },
  signal: new AbortController().signal,
  limit: (task) => task(),
  progress: { addTotal: () => undefined, advance: () => undefined },
};

const servers = (name: string, extra: object = {}): string => JSON.stringify({ mcpServers: { [name]: { command: 'npx', args: ['-y', `${name}-mcp`], env: { TOKEN: ENV_VALUE }, ...extra } } });

/** Configs every OS keeps under the home folder itself. */
const HOME_FILES: Record<string, string> = {
  '.cursor/mcp.json': servers('cursor-server'),
  '.claude.json': JSON.stringify({ mcpServers: { 'claude-code-server': { type: 'http', url: `https://c.dev/mcp?key=${KEY}`, headers: { Authorization: `Bearer ${HEADER_VALUE}` } } }, projects: { '/w/app': { mcpServers: { 'project-server': { command: 'uvx', args: ['project-mcp'] } } } } }),
  '.codex/config.toml': `[mcp_servers.codex-server]\ncommand = "npx"\nargs = ["-y", "codex-mcp"]\nenv = { SECRET = "${ENV_VALUE}" }\n`,
  '.gemini/settings.json': JSON.stringify({ mcpServers: { 'gemini-server': { httpUrl: 'https://g.dev/mcp', headers: { 'X-Key': KEY } } } }),
  '.kiro/agents/a.json': servers('kiro-a'),
  '.kiro/agents/b.json': servers('kiro-b'),
  '.kiro/agents/notes.txt': servers('not-read'),
  '.continue/mcpServers/db.yaml': 'mcpServers:\n  - name: continue-server\n    command: uvx\n    args: [continue-mcp]\n',
};

async function scan(home: string, platform: 'darwin' | 'linux' | 'win32', extra: object = {}) {
  return hostConnector.scan(ctx, hostConnector.configSchema.parse({ home, platform, hostname: 'box', systemRoot: join(home, 'no-system'), ...extra }));
}

const names = (r: { assets: readonly { name: string }[] }): string[] => r.assets.map((a) => a.name).sort();

describe('host connector', () => {
  it('linux layout: reads ~ and ~/.config configs, skips other OS layouts, scopes ids by host and home', async () => {
    const home = tempTree({
      ...HOME_FILES,
      '.config/Claude/claude_desktop_config.json': servers('desktop-server'),
      '.config/Code/User/mcp.json': JSON.stringify({ servers: { 'vscode-server': { command: 'node', args: ['/opt/s/index.js'] } } }),
      '.config/Code/User/settings.json': '{ "editor.tabSize": 2 }',
      '.config/zed/settings.json': JSON.stringify({ context_servers: { 'zed-server': { command: { path: '/usr/bin/zs', args: [] } } } }),
      '.config/goose/config.yaml': 'extensions:\n  developer: {type: builtin}\n  goose-server: {type: stdio, cmd: uvx, args: [goose-mcp], envs: {K: v}}\n',
      '.config/opencode/opencode.json': JSON.stringify({ mcp: { 'opencode-server': { type: 'local', command: ['bunx', 'oc-mcp'] } } }),
      'Library/Application Support/Claude/claude_desktop_config.json': servers('mac-only'),
      'AppData/Roaming/Claude/claude_desktop_config.json': servers('windows-only'),
    });
    const r = await scan(home, 'linux');
    expect(names(r)).toEqual([
      'claude-code-server', 'codex-server', 'continue-server', 'cursor-server', 'desktop-server', 'gemini-server', 'goose-server', 'kiro-a', 'kiro-b',
      'opencode-server', 'project-server', 'vscode-server', 'zed-server',
    ]);
    expect(r.targets).toEqual([{ connector: 'host', target: home, scope: `host:box:${home}` }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.stats).toMatchObject({ filesSeen: 13, filesRead: 13, filesSkipped: 0 });
    const desktop = r.assets.find((a) => a.name === 'desktop-server');
    expect(desktop?.evidence).toEqual([{ path: '~/.config/Claude/claude_desktop_config.json', line: 1, snippet: '"desktop-server": {', technique: 'config', confidence: 'declared', detector: 'mcp-config' }]);
    expect(desktop?.attributes).toMatchObject({ clients: ['claude-desktop'], package: 'desktop-server-mcp', envNames: ['TOKEN'] });
    expect(r.assets.find((a) => a.name === 'kiro-b')?.evidence[0]?.path).toBe('~/.kiro/agents/b.json');
    const out = JSON.stringify(r);
    for (const planted of [ENV_VALUE, HEADER_VALUE, KEY.slice(8)]) expect(out).not.toContain(planted);
  });

  it('darwin layout: Application Support for Claude Desktop, VS Code and its extensions', async () => {
    const home = tempTree({
      '.cursor/mcp.json': servers('cursor-server'),
      'Library/Application Support/Claude/claude_desktop_config.json': servers('desktop-server'),
      'Library/Application Support/Code/User/settings.json': JSON.stringify({ mcp: { servers: { 'vscode-settings-server': { url: 'https://v.dev/sse' } } } }),
      'Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json': servers('cline-server', { disabled: true }),
      '.config/zed/settings.json': JSON.stringify({ context_servers: { 'zed-server': { source: 'custom', command: 'npx', args: ['-y', 'z'] } } }),
      '.config/Claude/claude_desktop_config.json': servers('linux-only'),
    });
    const r = await scan(home, 'darwin');
    expect(names(r)).toEqual(['cline-server', 'cursor-server', 'desktop-server', 'vscode-settings-server', 'zed-server']);
    expect(r.assets.find((a) => a.name === 'cline-server')?.attributes).toMatchObject({ clients: ['cline'], disabled: true });
    expect(r.assets.find((a) => a.name === 'vscode-settings-server')?.evidence[0]?.path).toBe('~/Library/Application Support/Code/User/settings.json');
  });

  it('win32 layout: %APPDATA% (default <home>/AppData/Roaming, or given)', async () => {
    const files = {
      'AppData/Roaming/Claude/claude_desktop_config.json': servers('desktop-server'),
      'AppData/Roaming/Zed/settings.json': JSON.stringify({ context_servers: { 'zed-server': { command: 'npx', args: ['-y', 'z'] } } }),
      'AppData/Roaming/Block/goose/config/config.yaml': 'extensions:\n  goose-server: {type: sse, uri: "https://g.dev/sse"}\n',
      '.cursor/mcp.json': servers('cursor-server'),
    };
    const home = tempTree(files);
    const r = await scan(home, 'win32');
    expect(names(r)).toEqual(['cursor-server', 'desktop-server', 'goose-server', 'zed-server']);
    expect(r.assets.find((a) => a.name === 'desktop-server')?.evidence[0]?.path).toBe('%APPDATA%/Claude/claude_desktop_config.json');
    const elsewhere = tempTree({ 'Claude/claude_desktop_config.json': servers('roaming-server') });
    expect(names(await scan(home, 'win32', { appData: elsewhere }))).toEqual(['cursor-server', 'roaming-server']);
  });

  it('system-wide Codex config on Linux under the system root', async () => {
    const home = tempTree({ 'sys/etc/codex/config.toml': '[mcp_servers.org-server]\nurl = "https://o.dev/mcp"\n' });
    const r = await scan(home, 'linux', { systemRoot: join(home, 'sys') });
    expect(r.assets.map((a) => [a.name, a.evidence[0]?.path])).toEqual([['org-server', '/etc/codex/config.toml']]);
  });

  it('an empty home is no assets and no diagnostics', async () => {
    const r = await scan(tempTree(), 'linux');
    expect(r).toMatchObject({ assets: [], relationships: [], diagnostics: [], stats: { filesSeen: 0, filesRead: 0 } });
  });

  it('follows symlinks inside the home folder only; broken links are noted', async () => {
    const home = tempTree({ 'dotfiles/cursor.json': servers('linked-server') });
    const outside = tempTree({ 'mcp.json': servers('outside-server') });
    mkdirSync(join(home, '.cursor'));
    symlinkSync(join(home, 'dotfiles/cursor.json'), join(home, '.cursor/mcp.json'));
    symlinkSync(join(outside, 'mcp.json'), join(home, '.claude.json'));
    mkdirSync(join(home, '.gemini'));
    symlinkSync(join(home, 'nowhere.json'), join(home, '.gemini/settings.json'));
    const r = await scan(home, 'linux');
    expect(names(r)).toEqual(['linked-server']);
    expect(r.diagnostics.map((d) => [d.code, d.level, d.location?.path])).toEqual([
      ['symlink-outside-root', 'warn', '~/.claude.json'],
      ['symlink-broken', 'info', '~/.gemini/settings.json'],
    ]);
  });

  it('hostile: a config over the size cap is not read and is reported', async () => {
    const home = tempTree({ '.cursor/mcp.json': `${servers('big')}${' '.repeat(4096)}` });
    const r = await scan(home, 'linux', { maxFileSize: 1024 });
    expect(r.assets).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.location?.path])).toEqual([['file-too-large', '~/.cursor/mcp.json']]);
    expect(r.stats).toMatchObject({ filesSeen: 1, filesRead: 0, filesSkipped: 1 });
  });

  it('hostile: a FIFO or a folder where a config should be is never opened; a bad entry is reported', async () => {
    const home = tempTree();
    mkdirSync(join(home, '.cursor/mcp.json'), { recursive: true });
    mkdirSync(join(home, '.gemini'));
    execFileSync('mkfifo', [join(home, '.gemini/settings.json')]);
    writeFileSync(join(home, '.claude.json'), '{ "mcpServers": { "x": "not an object" } }');
    const r = await scan(home, 'linux');
    expect(r.assets).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.location?.path])).toEqual([['parse-failed', '~/.claude.json']]);
  });
});
