import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { mayFindAgentFiles } from './precheck.ts';
import { detectAgentFile } from './index.ts';
import { heredocs } from './workflow-heredoc.ts';

const detect = (content: string, path = '.github/workflows/agent.yml'): DetectionResult | null => detectAgentFile({ scope: 'repo', path, content });
const servers = (r: DetectionResult | null): string[] =>
  (r?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => `${a.name} ${JSON.stringify(a.attributes.clients)} ${a.evidence.map((e) => `${e.line} ${e.snippet}`).join('; ')}`);
const connects = (r: DetectionResult | null): string[] => {
  const byId = new Map((r?.assets ?? []).map((a) => [a.id, a]));
  return (r?.relationships ?? []).filter((rel) => rel.type === 'CONNECTS_TO').map((rel) => `${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}`);
};

const WORKFLOW = [
  'on: issue_comment', //                                                                    1
  'jobs:', //                                                                                2
  '  claude:', //                                                                            3
  '    runs-on: ubuntu-latest', //                                                           4
  '    steps:', //                                                                           5
  '      - name: MCP config', //                                                             6
  '        run: |', //                                                                       7
  '          mkdir -p ~/.gemini', //                                                         8
  "          cat > .mcp.json <<'EOF'", //                                                    9
  '          {', //                                                                          10
  '            "mcpServers": {', //                                                          11
  '              "sentry": { "type": "http", "url": "https://mcp.sentry.dev/mcp", "headers": { "Authorization": "Bearer ${{ secrets.SENTRY_TOKEN }}" } }', // 12
  '            }', //                                                                        13
  '          }', //                                                                          14
  '          EOF', //                                                                        15
  '          cat <<EOF > "$HOME/.gemini/settings.json"', //                                  16
  '          {"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/srv"]}}}', // 17
  '          EOF', //                                                                        18
  "          tee /tmp/claude-mcp.json <<-'JSON' >/dev/null", //                              19
  '          {"mcpServers": {"linear": {"command": "npx", "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse"]}}}', // 20
  '          JSON', //                                                                       21
  "          cat > /tmp/unrelated.json <<'EOF'", //                                          22
  '          {"mcpServers": {"not-read": {"command": "x"}}}', //                             23
  '          EOF', //                                                                        24
  '      - uses: anthropics/claude-code-action@v1', //                                       25
  '        with:', //                                                                        26
  '          claude_args: --mcp-config /tmp/claude-mcp.json', //                             27
  '  other:', //                                                                             28
  '    runs-on: ubuntu-latest', //                                                           29
  '    steps:', //                                                                           30
  '      - uses: google-github-actions/run-gemini-cli@v0', //                                31
].join('\n');

describe('agent-files: MCP configs a run step writes with a heredoc', () => {
  it('reads the body as the config file it writes, or as the --mcp-config file an agent step of the job reads', () => {
    const r = detect(WORKFLOW);
    expect(servers(r)).toEqual([
      'sentry ["claude-code"] 12 "sentry": {',
      'fs ["gemini-cli"] 17 "fs": {',
      'linear ["claude-code"] 20 "linear": {',
    ]);
    // Only an agent run in the same job reads the file (another job runs on another machine).
    expect(connects(r)).toEqual(['claude-code -> sentry', 'claude-code -> linear']);
    expect(r?.diagnostics).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('SENTRY_TOKEN }}');
  });

  it('a body that does not parse is a diagnostic with its line that quotes no source; a body naming no servers is not read', () => {
    const src = [
      'on: push', //                                                      1
      'jobs:', //                                                         2
      '  a:', //                                                          3
      '    steps:', //                                                    4
      '      - run: |', //                                                5
      '          cat > .mcp.json <<EOF', //                               6
      '          {"mcpServers": {"x": {"command": "npx", "env": {"T": "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} $EXTRA }}}', // 7
      '          EOF', //                                                 8
      '          cat > ~/.gemini/settings.json <<EOF', //                 9
      '          {"autoAccept": $AUTO_ACCEPT}', //                        10
      '          EOF', //                                                 11
    ].join('\n');
    const r = detect(src);
    expect(servers(r)).toEqual([]);
    expect(r?.diagnostics.map((d) => `${d.code} ${d.location?.line} ${d.message}`)).toEqual(['parse-failed 7 workflow: a run step of job a writes a claude-code MCP config: invalid JSON: expected , or }']);
    expect(JSON.stringify(r?.diagnostics)).not.toContain('ghp_');
  });

  it('a workflow that runs no agent action is read when a heredoc writes MCP servers', () => {
    const src = 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          cat > .mcp.json <<\'EOF\'\n          {"mcpServers": {"pw": {"command": "npx", "args": ["@playwright/mcp@0.0.41"]}}}\n          EOF\n          npx @anthropic-ai/claude-code -p "test"\n';
    expect(mayFindAgentFiles('.github/workflows/a.yml', src)).toBe(true);
    expect(servers(detect(src))).toEqual(['pw ["claude-code"] 7 "pw": {']);
    expect(mayFindAgentFiles('.github/workflows/b.yml', 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          cat > notes.txt <<EOF\n          hi\n          EOF\n')).toBe(false);
  });

  it('finds heredocs and their targets in either order, not here-strings or unterminated ones', () => {
    const run = ['cat > a.json <<EOF', '{}', 'EOF', 'cat <<"X" >>b.json', '1', '  X  ', 'grep x <<< "$y"', 'tee -a c.json << EOF2 2>&1', 'never closed'].join('\n');
    expect(heredocs(run)).toEqual([
      { target: 'a.json', body: '{}', line: 2 },
      { target: 'b.json', body: '1', line: 5 },
    ]);
  });

  it('hostile: thousands of heredocs and an unterminated one stay bounded', () => {
    const many = Array.from({ length: 5000 }, () => 'cat > .mcp.json <<EOF\n{"mcpServers": {"s": {"command": "npx", "args": ["pkg"]}}}\nEOF').join('\n');
    const { ms } = cpuTimed(() => {
      expect(heredocs(many).length).toBe(16);
      expect(heredocs(`cat > .mcp.json <<EOF\n${'x\n'.repeat(100_000)}`)).toEqual([]);
      expect(heredocs('cat <<EOF > x\n'.repeat(20_000))).toEqual([]);
    });
    expect(ms).toBeLessThan(1000);
  });
});
