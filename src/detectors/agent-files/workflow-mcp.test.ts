import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { mcpConfigDetector } from '../mcp-config/index.ts';
import { detectAgentFile } from './index.ts';
import { substituteExpressions } from './workflow-mcp.ts';

const detect = (content: string, path = '.github/workflows/agent.yml'): DetectionResult | null => detectAgentFile({ scope: 'repo', path, content });
const servers = (r: DetectionResult | null): Array<[string, unknown, string]> =>
  (r?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.line} ${e.snippet} ${e.detector}`).join('; ')]);
const connects = (r: DetectionResult | null): string[] => {
  const byId = new Map((r?.assets ?? []).map((a) => [a.id, a]));
  return (r?.relationships ?? []).filter((rel) => rel.type === 'CONNECTS_TO').map((rel) => `${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}`);
};

const GEMINI = [
  'on:',
  '  pull_request:',
  'jobs:',
  '  review:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  "      - uses: 'google-github-actions/run-gemini-cli@v0'",
  '        with:',
  "          gemini_api_key: '${{ secrets.GEMINI_API_KEY }}'",
  '          settings: |-',
  '            {',
  '              "telemetry": { "enabled": ${{ vars.GOOGLE_CLOUD_PROJECT != \'\' }}, "target": "gcp" },',
  '              "mcpServers": {',
  '                "github": {',
  '                  "command": "docker",',
  '                  "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:v0.27.0"],',
  '                  "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${{ steps.token.outputs.token }}" }',
  '                },',
  '                "docs": { "url": "https://docs.example.com/sse" },',
  '                "search": { "httpUrl": "https://search.example.com/mcp", "trust": true }',
  '              }',
  '            }',
].join('\n');

describe('agent-files: MCP servers configured inline in CI agent steps', () => {
  it('run-gemini-cli settings: the servers of Gemini CLI\'s settings.json, on their workflow lines, and the agent connects to them', () => {
    const r = detect(GEMINI);
    expect(servers(r)).toEqual([
      ['github', {
        role: 'configured', clients: ['gemini-cli'], transport: 'stdio', command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:v0.27.0'],
        package: 'ghcr.io/github/github-mcp-server', packageEcosystem: 'oci', packageVersions: ['v0.27.0'], envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      }, '14 "github": { agent-files'],
      ['docs', { role: 'configured', clients: ['gemini-cli'], transport: 'sse', url: 'https://docs.example.com/sse' }, '19 "docs": { agent-files'],
      ['search', { role: 'configured', clients: ['gemini-cli'], transport: 'streamable-http', url: 'https://search.example.com/mcp', trusted: true }, '20 "search": { agent-files'],
    ]);
    expect(connects(r)).toEqual(['gemini-cli -> github', 'gemini-cli -> docs', 'gemini-cli -> search']);
    expect(r?.diagnostics).toEqual([]);
  });

  it('the same asset as a .gemini/settings.json entry of that name (config:<name>), so the two merge', () => {
    const inline = detect(GEMINI)?.assets.find((a) => a.name === 'github');
    const file = mcpConfigDetector.detect({ scope: 'repo', path: '.gemini/settings.json', content: '{"mcpServers": {"github": {"command": "docker", "args": ["run", "ghcr.io/github/github-mcp-server"]}}}' });
    expect(file?.assets.map((a) => a.id)).toEqual([inline?.id]);
  });

  it('claude-code-action: the v0 mcp_config input and each inline --mcp-config of claude_args; paths and expressions are skipped', () => {
    const src = [
      'on: issue_comment',
      'jobs:',
      '  claude:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: anthropics/claude-code-action@beta',
      '        with:',
      '          mcp_config: |',
      '            {"mcpServers": {"playwright": {"command": "npx", "args": ["@playwright/mcp@latest"]}}}',
      '      - uses: anthropics/claude-code-action@v1',
      '        with:',
      '          claude_args: |',
      '            --max-turns 5',
      '            --mcp-config /tmp/mcp-config.json',
      '            --mcp-config \'{"mcpServers": {',
      '              "thinking": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-sequential-thinking"]}}}\'',
      '      - uses: anthropics/claude-code-base-action@v0',
      '        with:',
      '          mcp_config: ${{ steps.prepare.outputs.mcp_config }}',
    ].join('\n');
    const r = detect(src);
    expect(servers(r).map(([name, a, at]) => `${name} ${String((a as Record<string, unknown>)['package'])} ${at}`)).toEqual([
      'playwright @playwright/mcp 9 "playwright": { agent-files',
      'thinking @modelcontextprotocol/server-sequential-thinking 16 "thinking": { agent-files',
    ]);
    expect(connects(r)).toEqual(['claude-code -> playwright', 'claude-code -> thinking']);
  });

  it('claude_args: a double-quoted --mcp-config "{...}" is read as the shell passes it (escapes undone, lines kept)', () => {
    const src = [
      'on: issue_comment', //                                                                                                  1
      'jobs:', //                                                                                                              2
      '  claude:', //                                                                                                          3
      '    steps:', //                                                                                                         4
      '      - uses: anthropics/claude-code-action@v1', //                                                                     5
      '        with:', //                                                                                                      6
      '          claude_args: |', //                                                                                           7
      String.raw`            --mcp-config "{\"mcpServers\": {\"fs\": {\"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/srv\"]}}}"`, // 8
      String.raw`            --mcp-config="{\"mcpServers\": {`, //                                                              9
      String.raw`              \"git\": {\"command\": \"uvx\", \"args\": [\"mcp-server-git\", \"--repository\", \"C:\\\\repo\"]}}}"`, // 10
      '            --mcp-config "/tmp/mcp.json"', //                                                                            11
    ].join('\n');
    const r = detect(src);
    expect(servers(r).map(([name, a, at]) => `${name} ${JSON.stringify((a as Record<string, unknown>)['args'])} ${at}`)).toEqual([
      'fs ["-y","@modelcontextprotocol/server-filesystem","/srv"] 8 "fs": { agent-files',
      String.raw`git ["mcp-server-git","--repository","C:\\repo"] 10 "git": { agent-files`,
    ]);
    expect(connects(r)).toEqual(['claude-code -> fs', 'claude-code -> git']);
    expect(r?.diagnostics).toEqual([]);
  });

  it('a scalar other than a literal block puts every server on the input\'s line, quoting that line', () => {
    const src = [
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: google-github-actions/run-gemini-cli@v0',
      '        with:',
      '          settings: >',
      '            {"mcpServers":',
      '            {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]}}}',
    ].join('\n');
    expect(servers(detect(src)).map(([name, , at]) => `${name} ${at}`)).toEqual(['fs 7 settings: > agent-files']);
    const args = [
      'on: issue_comment', //                                                                          1
      'jobs:', //                                                                                      2
      '  claude:', //                                                                                  3
      '    steps:', //                                                                                 4
      '      - uses: anthropics/claude-code-action@v1', //                                             5
      '        with:', //                                                                              6
      "          claude_args: --max-turns 5 --mcp-config '{\"mcpServers\":{\"acme\":{\"url\":\"https://mcp.acme.example/mcp\",\"headers\":{\"Authorization\":\"Bearer sk-proj-abcdefghijklmnopqrstuvwxyz012345\"}}}}'", // 7
    ].join('\n');
    const r = detect(args);
    expect(servers(r).map(([name, , at]) => `${name} ${at.replace(/\s+agent-files$/, '')}`)).toEqual([expect.stringMatching(/^acme 7 claude_args: --max-turns 5 --mcp-config '\{"mcpServers":\{"acme":\{"url":"https:\/\/mcp\.acme\.example\/mcp",/)]);
    // The quoted line is redacted as every snippet is: the token in it is not evidence.
    expect(JSON.stringify(r)).not.toContain('sk-proj-abcdefghijklmnopqrstuvwxyz012345');
  });

  it('JSON that does not parse is a diagnostic with its line that quotes no source; the agent stays', () => {
    const src = GEMINI.replace('"target": "gcp" },', '"target": "gcp", "token": "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" ');
    const r = detect(src);
    expect(r?.assets.filter((a) => a.kind === 'agent').map((a) => a.name)).toEqual(['gemini-cli']);
    expect(servers(r)).toEqual([]);
    expect(r?.diagnostics.map((d) => `${d.code} ${d.location?.line} ${d.message}`)).toEqual([`parse-failed 13 workflow: settings of gemini-cli: invalid JSON: expected , or }`]);
    expect(JSON.stringify(r?.diagnostics)).not.toContain('ghp_');
  });

  it('substitutes expressions outside JSON strings only, keeping lines; an unclosed one ends the pass', () => {
    expect(substituteExpressions('{"a": ${{ x }}, "b": "${{ y }}"}')).toBe('{"a": 0       , "b": "${{ y }}"}');
    expect(substituteExpressions('{"a": ${{ x\n }}}')).toBe('{"a": 0    \n   }');
    expect(substituteExpressions('{"a": ${{ never')).toBe('{"a": ${{ never');
    // Comments are copied through, and end where they end: a block comment's closing `/` opens nothing.
    expect(substituteExpressions('/* a *//* b */ ${{ x }}')).toBe('/* a *//* b */ 0       ');
    expect(substituteExpressions('/**/${{ x }} // ${{ y }}\n${{ z }}')).toBe('/**/0        // ${{ y }}\n0       ');
    const many = '${{ '.repeat(50_000);
    expect(cpuTimed(() => substituteExpressions(many + '}}'.repeat(10))).ms).toBeLessThan(500);
  });

  it('hostile: a nesting bomb in settings and thousands of --mcp-config flags stay bounded', () => {
    const head = 'on: push\njobs:\n  a:\n    steps:\n      - uses: google-github-actions/run-gemini-cli@v0\n        with:\n          settings: |\n            ';
    const bomb = cpuTimed(() => detect(head + '['.repeat(40_000)));
    // The workflow's own nesting guard stops it before the JSON is read.
    expect(bomb.value?.diagnostics.map((d) => d.message)).toEqual(['workflow: nested deeper than 64 levels (line 8)']);
    const flags = `on: push\njobs:\n  a:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: |\n${'            --mcp-config \'{"mcpServers": {"s": {"command": "npx", "args": ["pkg"]}}}\'\n'.repeat(600)}`;
    const { value: r, ms } = cpuTimed(() => detect(flags));
    expect(bomb.ms + ms).toBeLessThan(2000);
    // Eight inline configs are read per input; all name the same server, one asset.
    expect(servers(r).map(([name, , at]) => `${name} ${at}`)).toEqual(Array.from({ length: 8 }, (_, i) => `s ${8 + i} "s": { agent-files`));
  });
});
