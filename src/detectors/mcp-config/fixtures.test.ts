import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { mergeResults } from '../../pipeline/merge.ts';
import { mcpConfigDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('mcp-config detector on fixtures', () => {
  const raw = detectTree(fixture('mcp-configs'), mcpConfigDetector);
  const merged = mergeResults([raw]);
  const byName = (name: string) => merged.assets.find((a) => a.name === name);

  it('mcp-configs: every client format, exact server names, no diagnostics', () => {
    expect(names(merged.assets, 'mcp-server')).toEqual([
      'brave-search', 'context7', 'docs-search', 'fetch', 'filesystem', 'github', 'jira', 'linear', 'mcp-server-context7',
      'memory', 'perplexity', 'postgres', 'puppeteer', 'remote-tools', 'sentry', 'sqlite', 'stripe', 'weather',
    ]);
    expect(merged.assets.filter((a) => a.kind === 'mcp-server').every((a) => a.attributes['role'] === 'configured')).toBe(true);
    // Besides servers, only the model the Codex config names (client settings: settings.test.ts).
    expect(merged.assets.filter((a) => a.kind !== 'mcp-server').map((a) => `${a.kind}:${a.name}`)).toEqual(['model:o4-mini']);
    expect(merged.diagnostics).toEqual([]);
  });

  it('one server configured for two clients is one asset with both clients and both files as evidence', () => {
    const fs = byName('filesystem');
    expect(fs?.attributes).toEqual({
      role: 'configured',
      clients: ['cursor', 'claude-code'],
      transport: 'stdio',
      command: 'npx',
      // Merged in path order: arrays are unions (the evidence says which file holds which line).
      args: ['-y', '@modelcontextprotocol/server-filesystem@2025.7.1', '/srv/shared', '~/notes', '@modelcontextprotocol/server-filesystem'],
      package: '@modelcontextprotocol/server-filesystem',
      packageEcosystem: 'npm',
      packageVersions: ['2025.7.1'],
      filesystemRoots: ['/srv/shared', '~/notes'],
    });
    expect(fs?.evidence.map((e) => [e.path, e.line, e.snippet])).toEqual([
      ['.cursor/mcp.json', 3, '"filesystem": {'],
      ['.mcp.json', 3, '"filesystem": {'],
    ]);
  });

  it('reads each format into the same attributes', () => {
    expect(byName('github')?.attributes).toMatchObject({ clients: ['cursor'], package: 'ghcr.io/github/github-mcp-server', packageEcosystem: 'oci', packageVersions: ['v0.9.0'], envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'] });
    expect(byName('perplexity')?.attributes).toMatchObject({ clients: ['vscode'], transport: 'stdio', package: 'mcp-server-perplexity', packageEcosystem: 'pypi', packageVersions: ['==0.4.1'], envNames: ['PERPLEXITY_API_KEY'] });
    expect(byName('remote-tools')?.attributes).toEqual({ role: 'configured', clients: ['vscode'], transport: 'sse', url: 'https://tools.example.com/sse', headerNames: ['Authorization'] });
    expect(byName('memory')?.attributes).toMatchObject({ clients: ['vscode'], package: '@modelcontextprotocol/server-memory' });
    expect(byName('linear')?.attributes).toEqual({
      role: 'configured', clients: ['codex'], transport: 'streamable-http', url: 'https://mcp.linear.app/mcp', envNames: ['LINEAR_TOKEN'], headerNames: ['Authorization'], disabled: true,
    });
    expect(byName('context7')?.evidence[0]).toMatchObject({ path: '.codex/config.toml', line: 3, snippet: '[mcp_servers.context7]' });
    expect(byName('sentry')?.attributes).toMatchObject({ clients: ['opencode'], command: 'bunx', args: ['@sentry/mcp-server@latest'], package: '@sentry/mcp-server', packageVersions: ['latest'], envNames: ['SENTRY_ACCESS_TOKEN'] });
    expect(byName('jira')?.attributes).toEqual({ role: 'configured', clients: ['opencode'], transport: 'streamable-http', url: 'https://jira.example.com/mcp' });
    expect(byName('sqlite')?.attributes).toMatchObject({ clients: ['continue'], package: 'mcp-server-sqlite', args: ['mcp-server-sqlite', '--db-path', './data/app.db'] });
    expect(byName('sqlite')?.evidence[0]).toMatchObject({ path: '.continue/mcpServers/sqlite.yaml', line: 5, snippet: '- name: sqlite' });
    expect(byName('postgres')?.attributes).toEqual({ role: 'configured', clients: ['zed'], transport: 'stdio', command: '/usr/local/bin/postgres-mcp', args: ['--read-only'], envNames: ['PGPASSWORD'] });
    expect(byName('mcp-server-context7')?.attributes).toEqual({ role: 'configured', clients: ['zed'], launchedBy: 'extension' });
    expect(byName('weather')?.attributes).toEqual({ role: 'configured', clients: ['gemini-cli'], transport: 'streamable-http', url: 'https://weather.example.com/mcp', trusted: true });
    expect(byName('fetch')?.attributes).toMatchObject({ clients: ['goose'], package: 'mcp-server-fetch', envNames: ['FETCH_USER_AGENT'] });
    expect(byName('stripe')?.attributes).toEqual({
      role: 'configured', clients: ['claude-code'], transport: 'streamable-http', url: 'https://mcp.stripe.com/', headerNames: ['Authorization'], projects: ['/home/dev/shop'],
    });
    expect(byName('puppeteer')?.evidence[0]).toMatchObject({ path: 'dotfiles/.claude.json', line: 4 });
  });

  it('never stores env or header values, query strings or credentials', () => {
    const text = JSON.stringify(merged);
    expect(text).not.toMatch(/fixture-value/);
  });

  it('negative-controls/mcp-configs: nothing, not even a diagnostic', () => {
    expect(detectTree(fixture('negative-controls/mcp-configs'), mcpConfigDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });

  it('negative-controls (all areas): nothing', () => {
    expect(detectTree(fixture('negative-controls'), mcpConfigDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});

describe('mcp-config detector on a dotfiles repository', () => {
  const merged = mergeResults([detectTree(fixture('dotfiles-layouts'), mcpConfigDetector)]);
  const rows = (kind: string): string[] => merged.assets.filter((a) => a.kind === kind).map((a) => `${a.name} ${a.evidence.map((e) => `${e.path}:${e.line ?? '-'}`).join(' ')}`);

  it('reads stow, chezmoi and XDG folders with their client; other tools\' config.toml and settings.json stay unread', () => {
    expect(rows('mcp-server')).toEqual(['docs config/codex/config.toml:5', 'issues dot_gemini/settings.json:4']);
    expect(rows('model')).toEqual(['opus dot_claude/settings.json:2', 'gpt-5-codex config/codex/config.toml:1', 'gemini-2.5-pro dot_gemini/settings.json:2']);
    expect(merged.diagnostics).toEqual([]);
  });

  it('judges each Claude Code folder\'s two settings files together: only the Codex file grants', () => {
    const autonomy = merged.assets.filter((a) => a.kind === 'agent').map((a) => `${a.name} ${JSON.stringify(a.attributes['autonomy'] ?? [])} ${JSON.stringify(a.attributes['files'])}`);
    expect(autonomy).toEqual([
      'claude-code [] ["claude/.claude/settings.json","claude/.claude/settings.local.json","dot_claude/settings.json","dot_claude/settings.local.json"]',
      'codex ["shell: approval_policy = \\"never\\" + sandbox_mode = \\"danger-full-access\\""] ["config/codex/config.toml"]',
    ]);
    // The rules and modes as written are still recorded; only the judgement merges the files.
    const claude = merged.assets.find((a) => a.name === 'claude-code');
    expect([claude?.attributes['permissionModes'], claude?.attributes['bypassPermissions'], claude?.attributes['unrestrictedShell']]).toEqual([['bypassPermissions', 'acceptEdits'], undefined, undefined]);
  });
});
