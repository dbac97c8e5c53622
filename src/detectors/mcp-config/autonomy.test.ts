import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { mcpConfigDetector } from './index.ts';

function agent(path: string, content: string): Asset | undefined {
  const r = mcpConfigDetector.detect({ scope: 'repo', path, content });
  expect(r?.diagnostics ?? []).toEqual([]);
  return r?.assets.find((a) => a.kind === 'agent');
}

const lines = (a: Asset | undefined): string[] => (a?.evidence ?? []).map((e) => `${e.line ?? '-'} ${e.snippet ?? ''}`);

describe('coding-agent autonomy settings', () => {
  it('reads a Codex file that holds only autonomy settings, per profile, with each granting line as evidence', () => {
    const codex = agent('.codex/config.toml', 'approval_policy = "untrusted"\n\n[profiles.auto]\napproval_policy = "never"\nsandbox_mode = "danger-full-access"\n');
    expect(codex?.name).toBe('codex');
    expect(codex?.provider).toBe('openai');
    expect(codex?.attributes).toMatchObject({ kind: 'coding-agent', product: 'OpenAI Codex', files: ['.codex/config.toml'], approvalPolicies: ['never', 'untrusted'], sandboxModes: ['danger-full-access'] });
    expect(codex?.attributes['autonomy']).toEqual(['shell: [profiles.auto] approval_policy = "never" + sandbox_mode = "danger-full-access"']);
    expect(lines(codex)).toEqual(['4 approval_policy = "never"', '5 sandbox_mode = "danger-full-access"']);
  });

  it('records the granular Codex policy without judging it, and quotes the first setting when nothing is granted', () => {
    const codex = agent('.codex/config.toml', 'sandbox_mode = "workspace-write"\n\n[approval_policy.granular]\nsandbox_approval = true\n');
    expect(codex?.attributes['approvalPolicies']).toEqual(['granular']);
    expect(codex?.attributes['autonomy']).toBeUndefined();
    expect(lines(codex)).toEqual(['3 approval_policy']);
  });

  it('emits no agent for a file without autonomy settings', () => {
    expect(agent('.codex/config.toml', 'model = "gpt-5-codex"\n')).toBeUndefined();
    expect(agent('.config/zed/settings.json', '{"agent": {"default_model": {"provider": "openai", "model": "gpt-4o"}}}')).toBeUndefined();
  });

  it('records Gemini CLI approval mode, autoAccept and allowed tools; v1 excludeTools cancels the shell grant', () => {
    const gemini = agent('.gemini/settings.json', '{"general": {"defaultApprovalMode": "auto_edit"}, "tools": {"autoAccept": true, "allowed": ["run_shell_command"]}, "excludeTools": ["run_shell_command"]}');
    expect(gemini?.attributes).toMatchObject({ approvalModes: ['auto_edit'], autoAccept: true, toolsAllowed: ['run_shell_command'] });
    expect(gemini?.attributes['autonomy']).toBeUndefined();
  });

  it('quotes Gemini autoAccept when it is the only setting (every asset has evidence)', () => {
    const gemini = agent('.gemini/settings.json', '{\n  "autoAccept": true\n}');
    expect(gemini?.attributes['autoAccept']).toBe(true);
    expect(lines(gemini)).toEqual(['2 "autoAccept": true']);
  });

  it('reads opencode permissions per agent, and the bash default of a pattern map', () => {
    const oc = agent('opencode.json', '{"permission": {"bash": {"*": "ask"}}, "agent": {"yolo": {"permission": "allow"}, "ops": {"permission": {"bash": {"*": "allow", "rm *": "deny"}}}}}');
    expect(oc?.attributes['permissionDefaults']).toEqual(['agent.ops.bash=allow', 'agent.yolo=allow', 'permission.bash=ask']);
    expect(oc?.attributes['autonomy']).toEqual(['all-tools: agent.yolo "permission": "allow"', 'shell: agent.ops "bash": {"*": "allow"}']);
  });

  it('quotes YAML and JSON settings in their own syntax', () => {
    expect(lines(agent('.config/goose/config.yaml', 'GOOSE_MODEL: gpt-4o\nGOOSE_MODE: auto\n'))).toEqual(['2 GOOSE_MODE: auto']);
    expect(lines(agent('.config/zed/settings.json', '{\n  "agent": {\n    "tool_permissions": {"default": "allow"}\n  }\n}'))).toEqual(['3 "default": "allow"']);
  });

  it('never stores a key or password written into an allowed shell rule', () => {
    const key = ['sk', 'proj', 'A1b2C3d4E5f6G7h8I9j0K1l2'].join('-');
    const rules = [`run_shell_command(OPENAI_API_KEY=${key} python x.py)`, 'run_shell_command(sshpass -p hunter22 ssh host)', 'run_shell_command(git)'];
    const content = JSON.stringify({ tools: { allowed: rules } });
    const r = mcpConfigDetector.detect({ scope: 'repo', path: '.gemini/settings.json', content });
    for (const secret of [key, 'hunter22']) expect(JSON.stringify(r)).not.toContain(secret);
    const gemini = r?.assets.find((a) => a.kind === 'agent');
    expect(gemini?.attributes['toolsAllowed']).toEqual(['run_shell_command(OPENAI_API_KEY=[redacted] …)', 'run_shell_command(git)', 'run_shell_command(sshpass …)']);
  });
});

