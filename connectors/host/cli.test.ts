import { hostname } from 'node:os';
/** `aimap scan --host` end to end: a real child process over a fake home folder. */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.ts';
import { inventorySchemaErrors } from '../../test/helpers/inventory-schema.ts';
import { runCli } from '../../test/helpers/run-cli.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';

// Planted values are assembled at test time: none is written whole in the repo.
const ENV_VALUE = ['cli', 'env', 'value', '5150'].join('-');
const HEADER_VALUE = ['cli', 'header', 'value', '6061'].join('-');
const KEY = ['sk', 'ant', 'api03', 'Mn8Bv6Cx4Zl2Kj0Hg8Fd6Sa4'].join('-');

const HOME = {
  '.cursor/mcp.json': JSON.stringify({ mcpServers: { github: { command: 'docker', args: ['run', '-i', '--rm', '-e', `GITHUB_TOKEN=${KEY}`, 'ghcr.io/github/github-mcp-server'] } } }),
  '.config/Claude/claude_desktop_config.json': JSON.stringify({
    mcpServers: {
      github: { command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server'], env: { GITHUB_TOKEN: ENV_VALUE } },
      filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/'] },
    },
  }),
  '.codex/config.toml': `[mcp_servers.linear]\nurl = "https://mcp.linear.app/mcp"\nhttp_headers = { Authorization = "Bearer ${HEADER_VALUE}" }\n`,
};

const APP = { 'app/requirements.txt': 'openai==1.82.0\n' };

describe('aimap scan --host', () => {
  it('--host --host-home X --format json: schema-valid JSON listing the configured servers, no values', () => {
    const cwd = tempTree({ ...Object.fromEntries(Object.entries(HOME).map(([p, c]) => [`home/${p}`, c])) });
    const run = runCli(['scan', '--host', '--host-home', 'home', '--host-platform', 'linux', '--format', 'json', '--no-store'], cwd);
    expect(run.code).toBe(0);
    const inv = JSON.parse(run.stdout) as Inventory;
    expect(inventorySchemaErrors(inv)).toEqual([]);
    expect(inv.scan.targets).toEqual([{ connector: 'host', target: 'home', scope: expect.stringMatching(/^host:.+:.*\/home$/) as unknown as string }]);
    expect(inv.assets.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(['mcp-server:filesystem', 'mcp-server:github', 'mcp-server:linear', 'system:claude-desktop on vm', 'system:codex on vm', 'system:cursor on vm'].map((n) => n.replace(' vm', ` ${hostname()}`)).sort());
    const github = inv.assets.find((a) => a.name === 'github');
    expect(github?.attributes['clients']).toEqual(['claude-desktop', 'cursor']);
    expect(github?.evidence.map((e) => e.path)).toEqual(['~/.config/Claude/claude_desktop_config.json', '~/.cursor/mcp.json']);
    expect(inv.assets.find((a) => a.name === 'filesystem')?.attributes['filesystemRoots']).toEqual(['/']);
    expect(inv.diagnostics).toEqual([]);
    for (const planted of [ENV_VALUE, HEADER_VALUE, KEY.slice(12)]) expect(run.stdout).not.toContain(planted);
    expect(run.stderr).toMatch(/^aimap: scan \S+: 3 AI assets in 3 systems, 0 diagnostics\n$/);
  });

  it('--host with PATHs scans both; --host-home alone implies --host; the table names the home as ~ or as typed', () => {
    const cwd = tempTree({ ...APP, ...Object.fromEntries(Object.entries(HOME).map(([p, c]) => [`home/${p}`, c])) });
    const both = JSON.parse(runCli(['scan', 'app', '--host-home', 'home', '--host-platform', 'linux', '-f', 'json', '--no-store', '-q'], cwd).stdout) as Inventory;
    expect(both.scan.targets.map((t) => [t.connector, t.target])).toEqual([['local', 'app'], ['host', 'home']]);
    expect(both.assets.map((a) => `${a.kind}:${a.name}`).sort()).toEqual(['mcp-server:filesystem', 'mcp-server:github', 'mcp-server:linear', 'repository:app', 'sdk:openai', 'system:app', 'system:claude-desktop on vm', 'system:codex on vm', 'system:cursor on vm'].map((n) => n.replace(' vm', ` ${hostname()}`)).sort());
    // The host's servers are not resources of the repository: only the app's SDK and system are.
    const resources = both.relationships.filter((r) => r.type === 'RESOURCE');
    expect(resources.map((r) => both.assets.find((a) => a.id === r.to)?.name).sort()).toEqual(['app', 'openai']);
    // Each client's system connects to the servers that client has configured.
    const claude = both.assets.find((a) => a.name === `claude-desktop on ${hostname()}`);
    const connected = both.relationships.filter((r) => r.from === claude?.id && r.type === 'CONNECTS_TO').map((r) => both.assets.find((a) => a.id === r.to)?.name);
    expect(connected.sort()).toEqual(['filesystem', 'github']);
    const table = runCli(['scan', '--host-home', 'home', '--host-platform', 'linux', '--no-store'], cwd);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/MCP servers \(3\)/);
    expect(table.stdout).toContain('~/.codex/config.toml:1');
  });

  it('exits 2 for a missing --host-home and an unknown --host-platform', () => {
    const cwd = tempTree();
    expect(runCli(['scan', '--host-home', 'nope'], cwd)).toMatchObject({ code: 2, stderr: 'aimap: --host-home nope: no such folder\n' });
    expect(runCli(['scan', '--host', '--host-platform', 'beos'], cwd).code).toBe(2);
  });

  it('reports an unreadable config as an error: other configs still read, --strict exits 3', () => {
    const cwd = tempTree(Object.fromEntries(Object.entries(HOME).map(([p, c]) => [`home/${p}`, c])));
    chmodSync(join(cwd, 'home/.codex/config.toml'), 0o000);
    chmodSync(cwd, 0o777);
    // root ignores file modes: run as an unprivileged user so the permission bits apply.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const dir of ['home', 'home/.codex', 'home/.cursor', 'home/.config', 'home/.config/Claude']) chmodSync(join(cwd, dir), 0o755);
    const run = runCli(['scan', '--host-home', 'home', '--host-platform', 'linux', '-f', 'json', '--no-store', '-q', '--strict'], cwd, asUser);
    const inv = JSON.parse(run.stdout) as Inventory;
    expect(inv.diagnostics.map((d) => [d.code, d.level, d.location?.path])).toEqual([['unreadable', 'error', '~/.codex/config.toml']]);
    expect(inv.assets.filter((a) => a.kind !== 'system').map((a) => a.name).sort()).toEqual(['filesystem', 'github']);
    expect(run.code).toBe(3);
  });
});
