import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/index.ts';
import { detectTree } from '../../test/helpers/detect-tree.ts';
import { agentFilesDetector } from '../detectors/agent-files/index.ts';
import { mcpConfigDetector } from '../detectors/mcp-config/index.ts';
import { mergeResults } from '../pipeline/merge.ts';
import { asset, context, ev, inventory } from './__fixtures__/build.ts';
import { codingAgentAutonomy } from './coding-agent-autonomy.ts';

/** Agent assets as the mcp-config detector writes them for one config file. */
function agentsOf(path: string, content: string): Asset[] {
  const r = mcpConfigDetector.detect({ scope: 'repo', path, content });
  expect(r?.diagnostics ?? []).toEqual([]);
  return (r?.assets ?? []).filter((a) => a.kind === 'agent');
}

/** `severity title` of each finding on one config file, through the real detector. */
function judge(path: string, content: string): string[] {
  return codingAgentAutonomy.evaluate(context(inventory(agentsOf(path, content)))).map((f) => `${f.severity} ${f.title}`);
}

describe('coding-agent-autonomy', () => {
  it('flags Claude Code bypassPermissions and a bare Bash allow rule as high, with the setting line as evidence', () => {
    const text = '{\n  "permissions": {\n    "defaultMode": "bypassPermissions",\n    "allow": ["Bash(npm test)", "Bash(*)"]\n  }\n}\n';
    const [f, ...rest] = codingAgentAutonomy.evaluate(context(inventory(agentsOf('.claude/settings.json', text))));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('high');
    expect(f?.title).toBe('Coding agent "claude-code" runs every tool without asking');
    expect(f?.detail).toContain('"defaultMode": "bypassPermissions"');
    expect(f?.detail).toContain('"allow": ["Bash(*)"]');
    expect(f?.evidence.map((e) => `${e.path}:${e.line} ${e.snippet}`)).toEqual(['.claude/settings.json:3 "defaultMode": "bypassPermissions"', '.claude/settings.json:4 "allow": ["Bash(*)"]']);
    expect(f?.frameworks).toEqual(expect.arrayContaining(['owasp-llm:LLM06', 'nist-ai-rmf:MAP-3.5', 'mitre-atlas:AML.T0050']));
  });

  it('does not flag scoped Bash rules, acceptEdits, auto, or a bare Bash allow cancelled by a Bash deny (near misses)', () => {
    expect(judge('.claude/settings.json', '{"permissions": {"allow": ["Bash(npm test)", "Bash(git *)"], "defaultMode": "acceptEdits"}}')).toEqual([]);
    expect(judge('.claude/settings.json', '{"permissions": {"defaultMode": "auto"}}')).toEqual([]);
    expect(judge('.claude/settings.json', '{"permissions": {"allow": ["Bash"], "deny": ["Bash(*)"]}}')).toEqual([]);
  });

  it('weighs Codex approval_policy with sandbox_mode, top level and per profile', () => {
    expect(judge('.codex/config.toml', 'approval_policy = "never"\nsandbox_mode = "danger-full-access"\n')).toEqual(['high Coding agent "codex" runs any shell command without asking']);
    expect(judge('.codex/config.toml', 'approval_policy = "on-failure"\nsandbox_mode = "danger-full-access"\n')).toEqual(['high Coding agent "codex" runs any shell command without asking']);
    expect(judge('.codex/config.toml', 'approval_policy = "never"\nsandbox_mode = "workspace-write"\n')).toEqual(['medium Coding agent "codex" runs any command in its sandbox without asking']);
    expect(judge('.codex/config.toml', 'sandbox_mode = "danger-full-access"\n')).toEqual(['medium Coding agent "codex" runs without a sandbox and asks only when the model decides']);
    // A profile inherits the top-level sandbox; the finding quotes the profile.
    const [profile] = codingAgentAutonomy.evaluate(context(inventory(agentsOf('.codex/config.toml', 'sandbox_mode = "danger-full-access"\napproval_policy = "untrusted"\n\n[profiles.yolo]\napproval_policy = "never"\n'))));
    expect(profile?.severity).toBe('high');
    expect(profile?.detail).toContain('[profiles.yolo] approval_policy = "never" + sandbox_mode = "danger-full-access"');
    expect(profile?.evidence.map((e) => e.line)).toEqual([1, 5]);
  });

  it('does not flag Codex on-request, untrusted or workspace-write (near misses)', () => {
    expect(judge('.codex/config.toml', 'approval_policy = "on-request"\nsandbox_mode = "workspace-write"\n')).toEqual([]);
    expect(judge('.codex/config.toml', 'approval_policy = "untrusted"\nsandbox_mode = "danger-full-access"\n')).toEqual([]);
    expect(judge('.codex/config.toml', 'sandbox_mode = "workspace-write"\n[profiles.review]\napproval_policy = "on-failure"\n')).toEqual([]);
  });

  it('flags Gemini CLI tools.allowed run_shell_command unless excluded; scoped commands and auto_edit pass', () => {
    expect(judge('.gemini/settings.json', '{"tools": {"allowed": ["run_shell_command"]}}')).toEqual(['high Coding agent "gemini-cli" runs any shell command without asking']);
    expect(judge('.gemini/settings.json', '{"tools": {"allowed": ["run_shell_command(git)", "run_shell_command(npm test)"]}, "general": {"defaultApprovalMode": "auto_edit"}, "autoAccept": true}')).toEqual([]);
    expect(judge('.gemini/settings.json', '{"tools": {"allowed": ["run_shell_command"], "exclude": ["run_shell_command"]}}')).toEqual([]);
    expect(judge('.gemini/settings.json', '{"tools": {"allowed": ["run_shell_command"], "core": ["read_file"]}}')).toEqual([]);
  });

  it('flags opencode bash allow and permission allow, not pattern-scoped bash rules', () => {
    expect(judge('opencode.json', '{"permission": {"bash": "allow", "edit": "ask"}}')).toEqual(['high Coding agent "opencode" runs any shell command without asking']);
    expect(judge('opencode.json', '{"permission": "allow"}')).toEqual(['high Coding agent "opencode" runs every tool without asking']);
    expect(judge('opencode.json', '{"agent": {"build": {"permission": {"bash": {"*": "allow", "rm *": "deny"}}}}}')).toEqual(['high Coding agent "opencode" runs any shell command without asking']);
    expect(judge('opencode.json', '{"permission": {"bash": {"*": "ask", "git status": "allow"}}}')).toEqual([]);
    expect(judge('opencode.json', '{"permission": {"*": "allow", "bash": "ask"}}')).toEqual([]);
  });

  it('flags Zed always_allow_tool_actions and tool_permissions allow, goose GOOSE_MODE auto', () => {
    expect(judge('.config/zed/settings.json', '{"agent": {"always_allow_tool_actions": true}}')).toEqual(['high Coding agent "zed" runs every tool without asking']);
    expect(judge('.config/zed/settings.json', '{"agent": {"tool_permissions": {"tools": {"terminal": {"default": "allow"}}}}}')).toEqual(['high Coding agent "zed" runs any shell command without asking']);
    expect(judge('.config/zed/settings.json', '{"agent": {"always_allow_tool_actions": false, "tool_permissions": {"default": "allow", "tools": {"terminal": {"default": "confirm"}}}}}')).toEqual([]);
    expect(judge('.config/goose/config.yaml', 'GOOSE_MODE: auto\n')).toEqual(['high Coding agent "goose" runs every tool without asking']);
    expect(judge('.config/goose/config.yaml', 'GOOSE_MODE: smart_approve\n')).toEqual([]);
  });

  it('makes one finding per agent across its settings files, at its widest grant', () => {
    const merged = mergeResults([detectTree(new URL('../../test/fixtures/coding-agent-autonomy/unattended', import.meta.url).pathname, mcpConfigDetector)]);
    const findings = codingAgentAutonomy.evaluate(context(inventory(merged.assets)));
    const byAgent = findings.map((f) => `${merged.assets.find((a) => a.id === f.assetId)?.name ?? '?'} ${f.severity}`);
    expect(byAgent.sort()).toEqual(['claude-code high', 'codex high', 'gemini-cli high', 'goose high', 'opencode high', 'zed high']);
  });

  it('skips agents without autonomy entries and entries of unknown grants', () => {
    const plain = asset('agent', 'cursor', { kind: 'coding-agent', files: ['.cursor/rules/a.mdc'] }, { evidence: [ev('.cursor/rules/a.mdc', 1)] });
    const odd = asset('agent', 'x', { kind: 'coding-agent', autonomy: ['telepathy: whatever'] });
    expect(codingAgentAutonomy.evaluate(context(inventory([plain, odd])))).toEqual([]);
  });

  it('weighs agents GitHub Actions runs on issues and comments: high with a write token, medium with the default one', () => {
    const workflow = (permissions: string): Asset[] =>
      (agentFilesDetector.detect({ scope: 'repo', path: '.github/workflows/claude.yml', content: `on:\n  issues:\n${permissions}jobs:\n  a:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          github_token: x\n` })?.assets ?? []).filter((a) => a.kind === 'agent');
    const findings = (permissions: string) => codingAgentAutonomy.evaluate(context(inventory(workflow(permissions))));
    const [high] = findings('permissions:\n  contents: write\n');
    expect([high?.severity, high?.title]).toEqual(['high', 'Coding agent "claude-code" runs in CI on issues and comments anyone can write, with a token that can write']);
    expect(high?.detail).toContain('(issues: + contents: write)');
    expect(high?.evidence.map((e) => `${e.line} ${e.snippet}`)).toEqual(['2 issues:', '4 contents: write']);
    expect(findings('').map((f) => f.severity)).toEqual(['medium']);
    // Read-only, or only an OIDC token for the action's own login: nothing to write with.
    expect(findings('permissions:\n  contents: read\n  id-token: write\n')).toEqual([]);
  });
});
