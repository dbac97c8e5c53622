import { describe, expect, it } from 'vitest';
import type { Asset, Attributes } from '../../model/index.ts';
import { configFileFor, mcpConfigDetector } from './index.ts';

function detect(path: string, content: string) {
  return mcpConfigDetector.detect({ scope: 'repo', path, content });
}

/** name → attributes of every server found. */
function servers(path: string, content: string): Record<string, Attributes> {
  const r = detect(path, content);
  expect(r?.diagnostics ?? []).toEqual([]);
  return Object.fromEntries((r?.assets ?? []).map((a: Asset) => [a.name, a.attributes]));
}

const line = (path: string, content: string, name: string): number | undefined => detect(path, content)?.assets.find((a) => a.name === name)?.evidence[0]?.line;

describe('mcpServers files (Claude Desktop, Cursor, Windsurf, Cline, Roo, Gemini, Kiro, Amazon Q, Copilot CLI, Junie)', () => {
  const content = '{"mcpServers": {"git": {"command": "uvx", "args": ["mcp-server-git", "--repository", "."]}}}';

  it('names the client from the path, including home-folder layouts', () => {
    const cases: Array<[string, string]> = [
      ['~/Library/Application Support/Claude/claude_desktop_config.json', 'claude-desktop'],
      ['%APPDATA%/Claude/claude_desktop_config.json', 'claude-desktop'],
      ['.cursor/mcp.json', 'cursor'],
      ['~/.codeium/windsurf/mcp_config.json', 'windsurf'],
      ['.windsurf/mcp.json', 'windsurf'],
      ['~/.gemini/antigravity/mcp_config.json', 'antigravity'],
      ['examples/mcp_config.json', 'unknown'],
      ['~/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json', 'cline'],
      ['~/.cline/data/settings/cline_mcp_settings.json', 'cline'],
      ['~/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json', 'roo-code'],
      ['.roo/mcp.json', 'roo-code'],
      ['.gemini/settings.json', 'gemini-cli'],
      ['.kiro/settings/mcp.json', 'kiro'],
      ['~/.kiro/agents/reviewer.json', 'kiro'],
      ['~/.aws/amazonq/mcp.json', 'amazon-q'],
      ['.amazonq/mcp.json', 'amazon-q'],
      ['~/.copilot/mcp-config.json', 'copilot-cli'],
      ['~/.junie/mcp/mcp.json', 'junie'],
      ['.claude/settings.local.json', 'claude-code'],
      ['packages/api/.mcp.json', 'claude-code'],
    ];
    for (const [path, client] of cases) expect({ path, clients: servers(path, content)['git']?.['clients'] }).toEqual({ path, clients: [client] });
  });

  it('reads transports: explicit type spellings, httpUrl, serverUrl, /sse URLs; Gemini url means SSE', () => {
    const found = servers(
      '.cursor/mcp.json',
      JSON.stringify({
        mcpServers: {
          a: { type: 'streamableHttp', url: 'https://a.dev/mcp' },
          b: { url: 'https://b.dev/sse' },
          c: { serverUrl: 'https://c.dev/mcp' },
          d: { httpUrl: 'https://d.dev/mcp' },
          e: { transport: 'sse', url: 'https://e.dev/events' },
          f: { type: 'http', url: 'https://f.dev/' },
        },
      }),
    );
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v['transport']]))).toEqual({
      a: 'streamable-http', b: 'sse', c: 'streamable-http', d: 'streamable-http', e: 'sse', f: 'streamable-http',
    });
    expect(servers('.gemini/settings.json', '{"mcpServers": {"g": {"url": "https://g.dev/events"}}}')['g']?.['transport']).toBe('sse');
  });

  it('records disabled, auto-approved tools and Gemini trust; env and header names only', () => {
    const found = servers(
      '~/.cline/data/settings/cline_mcp_settings.json',
      JSON.stringify({ mcpServers: { s: { command: 'node', args: ['/opt/s/build/index.js'], env: { S_TOKEN: 'v1' }, disabled: true, autoApprove: ['read', 'list'], alwaysAllow: ['read'] } } }),
    );
    expect(found['s']).toEqual({
      role: 'configured', clients: ['cline'], transport: 'stdio', command: 'node', args: ['/opt/s/build/index.js'], envNames: ['S_TOKEN'], disabled: true, autoApprove: ['list', 'read'],
    });
  });

  it('cites the line of each server key', () => {
    const text = '{\n  "mcpServers": {\n    "one": {"command": "a"},\n    "two": {\n      "command": "b"\n    }\n  }\n}\n';
    expect([line('.mcp.json', text, 'one'), line('.mcp.json', text, 'two')]).toEqual([3, 4]);
  });

  it('stores no inline code: python -c "..." becomes <code>', () => {
    expect(servers('.mcp.json', '{"mcpServers": {"x": {"command": "python3", "args": ["-c", "import os; print(1)"]}}}')['x']?.['args']).toEqual(['-c', '<code>']);
  });

  it('ignores entries that name nothing to run or reach, quietly', () => {
    expect(detect('.mcp.json', '{"mcpServers": {"x": {"disabled": true}, "y": {"args": ["a"]}}}')).toBeNull();
  });
});

describe('VS Code', () => {
  it('mcp.json: servers (JSONC), inputs ignored; mcpServers is not VS Code’s key', () => {
    const text = '{\n  "inputs": [{"type": "promptString", "id": "k", "password": true}],\n  // comment\n  "servers": {\n    "fetch": {"type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"], "env": {"K": "${input:k}"}},\n  },\n}';
    expect(servers('.vscode/mcp.json', text)['fetch']).toEqual({
      role: 'configured', clients: ['vscode'], transport: 'stdio', command: 'uvx', args: ['mcp-server-fetch'], package: 'mcp-server-fetch', packageEcosystem: 'pypi', envNames: ['K'],
    });
    expect(detect('.vscode/mcp.json', '{"mcpServers": {"x": {"command": "a"}}}')).toBeNull();
  });

  it('settings.json `mcp.servers`, user settings under Code/User, and .code-workspace `settings.mcp.servers`', () => {
    const nested = '{"mcp": {"servers": {"m": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"]}}}}';
    expect(Object.keys(servers('.vscode/settings.json', nested))).toEqual(['m']);
    expect(Object.keys(servers('~/Library/Application Support/Code/User/settings.json', nested))).toEqual(['m']);
    expect(Object.keys(servers('~/.config/Code - Insiders/User/mcp.json', '{"servers": {"i": {"url": "https://i.dev/mcp"}}}'))).toEqual(['i']);
    expect(Object.keys(servers('team.code-workspace', `{"folders": [], "settings": ${nested}}`))).toEqual(['m']);
    expect(detect('.vscode/settings.json', '{"editor.tabSize": 2}')).toBeNull();
  });
});

describe('Claude Code ~/.claude.json', () => {
  it('reads top-level and per-project servers, recording the project', () => {
    const text = JSON.stringify({ mcpServers: { top: { command: 'a' } }, projects: { '/p/one': { mcpServers: { local: { command: 'b' } } }, '/p/two': { allowedTools: [] } } });
    const found = servers('~/.claude.json', text);
    expect(found['top']?.['projects']).toBeUndefined();
    expect(found['local']?.['projects']).toEqual(['/p/one']);
  });
});

describe('Codex config.toml', () => {
  it('reads [mcp_servers.<name>] tables with env names, env_vars, headers and bearer env', () => {
    const text = [
      'model = "o3"',
      '[mcp_servers.docs]',
      'command = "npx"',
      'args = ["-y", "docs-mcp"]',
      'env = { DOCS_KEY = "v" }',
      'env_vars = ["HOME_DIR"]',
      '',
      '[mcp_servers."my.remote"]',
      'url = "https://r.dev/mcp"',
      'http_headers = { "X-Team" = "t" }',
      'env_http_headers = { "X-Key" = "R_KEY" }',
      'bearer_token_env_var = "R_TOKEN"',
    ].join('\n');
    const found = servers('.codex/config.toml', text);
    expect(found['docs']).toMatchObject({ clients: ['codex'], transport: 'stdio', package: 'docs-mcp', envNames: ['DOCS_KEY', 'HOME_DIR'] });
    expect(found['my.remote']).toEqual({
      role: 'configured', clients: ['codex'], transport: 'streamable-http', url: 'https://r.dev/mcp', envNames: ['R_TOKEN'], headerNames: ['Authorization', 'X-Key', 'X-Team'],
    });
    expect([line('.codex/config.toml', text, 'docs'), line('.codex/config.toml', text, 'my.remote')]).toEqual([2, 8]);
    expect(detect('.codex/config.toml', text)?.assets.find((a) => a.name === 'my.remote')?.evidence[0]?.snippet).toBe('[mcp_servers."my.remote"]');
  });

  it('reads inline tables and dotted keys, citing the nearest written key', () => {
    const text = 'mcp_servers = { a = { command = "x" } }\nmcp_servers_note = 1\n';
    expect(line('~/.codex/config.toml', text, 'a')).toBe(1);
    const dotted = 'model = "m"\n[mcp_servers]\nb.command = "y"\n';
    expect(line('/etc/codex/config.toml', dotted, 'b')).toBe(3);
  });
});

describe('Zed, Goose, Continue, opencode', () => {
  it('Zed: old command object, flat command, remote url, extension-provided', () => {
    const text = JSON.stringify({
      context_servers: {
        old: { command: { path: '/bin/srv', args: ['--x'], env: { A: '1' } } },
        flat: { source: 'custom', command: 'npx', args: ['-y', 'flat-mcp'], env: { B: '2' } },
        remote: { url: 'https://z.dev/mcp', headers: { Authorization: 'x' } },
        ext: { source: 'extension', settings: {} },
      },
    });
    const found = servers('~/.config/zed/settings.json', text);
    expect(found['old']).toMatchObject({ command: '/bin/srv', args: ['--x'], envNames: ['A'] });
    expect(found['flat']).toMatchObject({ package: 'flat-mcp', envNames: ['B'] });
    expect(found['remote']).toMatchObject({ transport: 'streamable-http', headerNames: ['Authorization'] });
    expect(found['ext']).toEqual({ role: 'configured', clients: ['zed'], launchedBy: 'extension' });
    expect(Object.keys(servers('%APPDATA%/Zed/settings.json', text))).toHaveLength(4);
  });

  it('Goose: stdio, sse and streamable_http extensions; built-ins skipped; env_keys are names', () => {
    const text = [
      'extensions:',
      '  developer: {type: builtin, enabled: true}',
      '  gh:',
      '    type: stdio',
      '    cmd: npx',
      '    args: ["-y", "@modelcontextprotocol/server-github"]',
      '    env_keys: [GITHUB_TOKEN]',
      '    enabled: false',
      '  remote:',
      '    type: streamable_http',
      '    uri: https://g.dev/mcp',
      '    headers: {X-Key: v}',
      '  events: {type: sse, uri: "https://g.dev/sse"}',
    ].join('\n');
    const found = servers('~/.config/goose/config.yaml', text);
    expect(Object.keys(found).sort()).toEqual(['events', 'gh', 'remote']);
    expect(found['gh']).toMatchObject({ transport: 'stdio', package: '@modelcontextprotocol/server-github', envNames: ['GITHUB_TOKEN'], disabled: true });
    expect(found['remote']).toMatchObject({ transport: 'streamable-http', url: 'https://g.dev/mcp', headerNames: ['X-Key'] });
    expect(found['events']?.['transport']).toBe('sse');
    expect(line('%APPDATA%/Block/goose/config/config.yaml', text, 'gh')).toBe(3);
  });

  it('Continue: config.yaml list, config.json experimental servers named by their package', () => {
    const yaml = 'name: a\nmcpServers:\n  - name: Browser\n    type: sse\n    url: https://c.dev/sse\n  - name: Local\n    command: npx\n    args: [-y, local-mcp]\n';
    expect(Object.keys(servers('~/.continue/config.yaml', yaml))).toEqual(['Browser', 'Local']);
    expect(line('~/.continue/config.yaml', yaml, 'Local')).toBe(6);
    const json = JSON.stringify({ experimental: { modelContextProtocolServers: [{ transport: { type: 'stdio', command: 'uvx', args: ['mcp-server-sqlite', '--db-path', 'x.db'] } }] } });
    expect(servers('~/.continue/config.json', json)['mcp-server-sqlite']).toMatchObject({ transport: 'stdio', package: 'mcp-server-sqlite', clients: ['continue'] });
    expect(Object.keys(servers('.continue/mcpServers/claude-style.json', '{"mcpServers": {"x": {"command": "a"}}}'))).toEqual(['x']);
  });

  it('opencode: local command arrays, remote urls; an enable-only override names nothing', () => {
    const text = '{\n "mcp": {\n  "loc": {"type": "local", "command": ["npx", "-y", "loc-mcp@1.0.0"], "environment": {"E": "v"}},\n  "rem": {"type": "remote", "url": "https://o.dev/mcp", "headers": {"H": "v"}},\n  "org": {"enabled": true},\n },\n}';
    const found = servers('opencode.jsonc', text);
    expect(found['loc']).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', 'loc-mcp@1.0.0'], package: 'loc-mcp', packageVersions: ['1.0.0'], envNames: ['E'] });
    expect(found['rem']).toMatchObject({ transport: 'streamable-http', headerNames: ['H'] });
    expect(found['org']).toBeUndefined();
  });
});

describe('which files are read', () => {
  it('owns client config paths only; first matching row wins', () => {
    expect(configFileFor('.gemini/antigravity/mcp_config.json')?.client).toBe('antigravity');
    expect(configFileFor('package.json')).toBeUndefined();
    expect(configFileFor('mcp.json')).toBeUndefined();
    expect(configFileFor('schemas/mcp-config.schema.json')).toBeUndefined();
  });

  it('skips matching files without the shape’s key word before parsing', () => {
    expect(detect('.cursor/mcp.json', '{ this is not even json')).toBeNull();
  });
});
