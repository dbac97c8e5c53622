import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree } from '../../../test/helpers/detect-tree.ts';
import { mergeResults } from '../../pipeline/merge.ts';
import { mcpConfigDetector } from './index.ts';
import { claudePermissions, unrestrictedShellRule } from './settings.ts';
import { parseJsonc } from './jsonc.ts';
import { siblingsOf } from '../types.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
// Key-shaped values are built from pieces at test time, never written whole in the repo.
const KEY = ['sk', 'ant', 'api03', 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0'].join('-');

function detect(path: string, content: string) {
  return mcpConfigDetector.detect({ scope: 'repo', path, content });
}

/** `name provider source line` of every model a file names. */
function models(path: string, content: string): string[] {
  const r = detect(path, content);
  expect(r?.diagnostics ?? []).toEqual([]);
  return (r?.assets ?? []).filter((a) => a.kind === 'model').map((a) => `${a.name} ${a.provider ?? '-'} ${String(a.attributes['sources'])} ${a.evidence[0]?.line ?? '-'}`);
}

describe('client settings on the client-settings fixture', () => {
  const merged = mergeResults([detectTree(fixture('client-settings'), mcpConfigDetector)]);

  it('inventories every configured model with its provider, client and line', () => {
    const rows = merged.assets.filter((a) => a.kind === 'model').map((a) => [a.name, a.provider, a.attributes['clients'], a.evidence.map((e) => `${e.path}:${e.line ?? '-'}`)]);
    expect(rows).toEqual([
      ['opus', 'anthropic', ['claude-code'], ['.claude/settings.json:2']],
      ['gpt-5-codex', 'openai', ['codex'], ['.codex/config.toml:1']],
      ['llama3.1:8b', 'ollama', ['codex'], ['.codex/config.toml:5']],
      ['claude-sonnet-4-5', 'anthropic', ['opencode'], ['.config/opencode/opencode.json:3']],
      ['claude-haiku-4-5', 'anthropic', ['opencode'], ['.config/opencode/opencode.json:4']],
      // Zed's hosted provider passes Anthropic's model through: the vendor is the provider.
      ['claude-sonnet-4', 'anthropic', ['zed'], ['.config/zed/settings.json:4']],
      ['claude-3-7-sonnet-latest', 'anthropic', ['continue'], ['.continue/config.yaml:7']],
      ['codestral-latest', 'mistral', ['continue'], ['.continue/config.yaml:14']],
      ['gemini-2.5-pro', 'google', ['goose'], ['.config/goose/config.yaml:2']],
      ['qwen2.5-coder:7b', 'ollama', ['opencode'], ['.config/opencode/opencode.json:13']],
      ['gpt-4.1-mini', 'openai', ['zed'], ['.config/zed/settings.json:5']],
      ['gpt-5', 'openai', ['opencode'], ['.config/opencode/opencode.json:6']],
      ['o4-mini', 'openai', ['codex'], ['.codex/config.toml:9']],
    ]);
    expect(merged.diagnostics).toEqual([]);
  });

  it('records Claude Code permissions on its agent asset, merged across settings files', () => {
    const agent = merged.assets.find((a) => a.kind === 'agent' && a.name === 'claude-code');
    expect(agent?.name).toBe('claude-code');
    expect(agent?.attributes).toMatchObject({
      kind: 'coding-agent',
      files: ['.claude/settings.json', 'project/.claude/settings.local.json'],
      permissionModes: ['bypassPermissions', 'acceptEdits'],
      bypassPermissions: true,
      unrestrictedShell: true,
      enableAllProjectMcpServers: true,
      permissionsDeny: ['Read(~/.ssh/**)'],
    });
    // A shell rule is stored with its command's first word only (approved command lines carry secrets).
    expect(agent?.attributes['permissionsAllow']).toContain('Bash(npm …)');
    // The lines of what runs without asking are evidence too (the coding-agent-autonomy policy quotes them).
    expect(agent?.attributes['autonomy']).toEqual(['all-tools: "defaultMode": "bypassPermissions"', 'shell: "allow": ["Bash(*)"]']);
    expect(agent?.evidence.map((e) => `${e.path}:${e.line} ${e.snippet}`)).toEqual([
      '.claude/settings.json:3 "permissions": {',
      '.claude/settings.json:4 "allow": ["Bash(*)"]',
      '.claude/settings.json:6 "defaultMode": "bypassPermissions"',
      'project/.claude/settings.local.json:2 "permissions": {',
    ]);
  });

  it('keeps harmless docker env values and hides the token value', () => {
    const github = merged.assets.find((a) => a.kind === 'mcp-server' && a.name === 'github');
    expect(github?.attributes['args']).toEqual(['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN=[redacted]', '-e', 'GITHUB_TOOLSETS=repos,issues', 'ghcr.io/github/github-mcp-server:v0.9.0']);
    expect(JSON.stringify(merged)).not.toContain('fixture-value-gh');
  });
});

describe('models per client', () => {
  it('opencode: provider/model split at the first slash, gateways keep the rest of the id', () => {
    expect(models('opencode.json', '{"model": "openrouter/anthropic/claude-sonnet-4.5", "small_model": "{env:SMALL}"}')).toEqual(['anthropic/claude-sonnet-4.5 openrouter opencode:model 1']);
  });

  it('Codex: the top-level model_provider applies to profiles without their own', () => {
    const toml = 'model_provider = "azure"\nmodel = "gpt-4.1"\n[profiles.x]\nmodel = "o3"\n';
    expect(models('.codex/config.toml', toml)).toEqual(['gpt-4.1 azure-openai codex:model 2', 'o3 azure-openai codex:profiles.x.model 4']);
  });

  it('Continue config.json: models, tabAutocompleteModel and embeddingsProvider; AUTODETECT is no model', () => {
    const json = JSON.stringify({
      models: [{ title: 'GPT', provider: 'openai', model: 'gpt-4o' }, { title: 'Auto', provider: 'ollama', model: 'AUTODETECT' }],
      tabAutocompleteModel: { provider: 'ollama', model: 'qwen2.5-coder:1.5b' },
      embeddingsProvider: { provider: 'gemini', model: 'text-embedding-004' },
    });
    expect(models('.continue/config.json', json)).toEqual([
      'gpt-4o openai continue:models 1',
      'qwen2.5-coder:1.5b ollama continue:tabAutocompleteModel 1',
      'text-embedding-004 google continue:embeddingsProvider 1',
    ]);
  });

  it('Claude Code: model and ANTHROPIC_*MODEL env settings; Bedrock ids keep their provider; "default" is no model', () => {
    const json = '{\n"model": "default",\n"env": {"ANTHROPIC_MODEL": "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "API_TIMEOUT_MS": "600000"}\n}';
    expect(models('.claude/settings.json', json)).toEqual(['us.anthropic.claude-sonnet-4-5-20250929-v1:0 aws-bedrock claude-code:env.ANTHROPIC_MODEL 3']);
    // A file whose only setting is one of the per-family model variables is read too.
    expect(models('.claude/settings.json', '{"env": {"ANTHROPIC_DEFAULT_OPUS_MODEL": "claude-opus-4-1"}}')).toEqual([
      'claude-opus-4-1 anthropic claude-code:env.ANTHROPIC_DEFAULT_OPUS_MODEL 1',
    ]);
  });

  it('Gemini CLI: model.name (settings v2) or a plain model', () => {
    expect(models('.gemini/settings.json', '{\n"model": {"name": "gemini-2.5-flash"}\n}')).toEqual(['gemini-2.5-flash google gemini-cli:model.name 2']);
    expect(models('.gemini/settings.json', '{"model": "gemini-2.5-pro"}')).toEqual(['gemini-2.5-pro google gemini-cli:model 1']);
  });

  it('Goose lead and planner models fall back to GOOSE_PROVIDER', () => {
    expect(models('.config/goose/config.yaml', 'GOOSE_PROVIDER: anthropic\nGOOSE_LEAD_MODEL: claude-opus-4-1\n')).toEqual(['claude-opus-4-1 anthropic goose:GOOSE_LEAD_MODEL 2']);
  });

  it('a settings file is read without any MCP server in it; other clients\' files are not read for models', () => {
    expect(models('.zed/settings.json', '{"assistant": {"default_model": {"provider": "openai", "model": "gpt-4o"}}}')).toEqual(['gpt-4o openai zed:assistant.default_model 1']);
    expect(detect('.cursor/mcp.json', '{"model": "gpt-4o"}')).toBeNull();
  });
});

describe('Claude Code permissions', () => {
  it('only the whole shell is unrestricted: scoped Bash rules are near misses', () => {
    expect(['Bash', 'Bash(*)', 'Bash(:*)', 'Bash(*:*)', ' Bash( * ) '].map(unrestrictedShellRule)).toEqual([true, true, true, true, true]);
    expect(['Bash(npm test)', 'Bash(git *)', 'Bash(npm run *:*)', 'BashOutput', 'Read(*)', 'mcp__shell'].map(unrestrictedShellRule)).toEqual([false, false, false, false, false, false]);
  });

  it('a deny rule for the whole shell wins over an allow rule', () => {
    const root = parseJsonc('{"permissions": {"allow": ["Bash"], "deny": ["Bash(*)"]}}');
    expect(root && claudePermissions(root)?.attributes['unrestrictedShell']).toBeUndefined();
  });

  it('a file with neither permissions nor enableAllProjectMcpServers adds no agent', () => {
    const r = detect('.claude/settings.json', '{"model": "sonnet", "enabledMcpjsonServers": ["github"]}');
    expect(r?.assets.map((a) => `${a.kind}:${a.name}`)).toEqual(['model:sonnet']);
  });

  it('never stores a key an approved command carried (settings.local.json keeps command lines as approved)', () => {
    const content = JSON.stringify({ permissions: { allow: [`Bash(curl -H "x-api-key: ${KEY}" https://api.anthropic.com/v1/models)`, `Bash(export ANTHROPIC_API_KEY=${KEY})`] } });
    const r = detect('.claude/settings.local.json', content);
    const out = JSON.stringify(r);
    expect(out).not.toContain(KEY.slice(10));
    expect(r?.assets[0]?.attributes['permissionsAllow']).toHaveLength(2);
  });

  it('hides plain secrets in approved command lines: a shell rule keeps its first word only', () => {
    const PLAIN = ['plain', 'hunter', '4242'].join('-');
    const allow = [`Bash(mysql --password ${PLAIN} -e 'select 1')`, `Bash(curl -H "Authorization: Bearer ${PLAIN}" https://x.dev)`, `Bash(DB_PASS=${PLAIN} LOG_LEVEL=debug ./run.sh)`];
    const r = detect('.claude/settings.local.json', JSON.stringify({ permissions: { allow } }));
    expect(JSON.stringify(r)).not.toContain(PLAIN);
    expect(r?.assets[0]?.attributes['permissionsAllow']).toEqual(['Bash(DB_PASS=[redacted] …)', 'Bash(curl …)', 'Bash(mysql …)']);
    // Password forms no pattern could know: never stored, since only the command word is kept.
    const forms = ['Bash(curl -u admin:Passw0rd https://x.dev)', 'Bash(sshpass -p hunter22 ssh host)', 'Bash(mysql -pSummer2024)', 'Bash(redis-cli -a Winter2023)'];
    const r2 = detect('.claude/settings.local.json', JSON.stringify({ permissions: { allow: forms, deny: ['Bash(*)'] } }));
    for (const secret of ['Passw0rd', 'hunter22', 'Summer2024', 'Winter2023']) expect(JSON.stringify(r2)).not.toContain(secret);
    expect(r2?.assets[0]?.attributes['permissionsDeny']).toEqual(['Bash(*)']);
  });
});

describe('Claude Code settings merged with the other settings file of their folder', () => {
  const SHARED = '.claude/settings.json';
  const LOCAL = '.claude/settings.local.json';
  /** The Claude Code agent's `autonomy` and evidence when `path` is scanned with `other` beside it (undefined: no siblings given). */
  function judge(path: string, content: string, other?: Record<string, string>) {
    const siblings = other === undefined ? undefined : siblingsOf(new Map(Object.entries(other)));
    const r = mcpConfigDetector.detect({ scope: 'repo', path, content, ...(siblings === undefined ? {} : { siblings }) });
    expect(r?.diagnostics ?? []).toEqual([]);
    const agent = r?.assets.find((a) => a.kind === 'agent');
    return { autonomy: agent?.attributes['autonomy'], shell: agent?.attributes['unrestrictedShell'], bypass: agent?.attributes['bypassPermissions'], evidence: agent?.evidence.map((e) => `${e.line} ${e.snippet}`) };
  }
  const allowBash = '{\n"permissions": {\n"allow": ["Bash", "Read(*)"]\n}\n}';
  const denyBash = '{"permissions": {"deny": ["Bash(*)"]}}';

  it('a Bash allowed in settings.json and denied in settings.local.json is no grant, and the other way round', () => {
    expect(judge(SHARED, allowBash, { 'settings.local.json': denyBash })).toMatchObject({ autonomy: undefined, shell: undefined });
    expect(judge(LOCAL, allowBash, { 'settings.json': denyBash })).toMatchObject({ autonomy: undefined, shell: undefined });
  });

  it('near misses: a scoped deny in the sibling, a deny in an unrelated file, or a sibling that does not parse leave the grant on its line', () => {
    const granted = { autonomy: ['shell: "allow": ["Bash"]'], shell: true, evidence: ['2 "permissions": {', '3 "allow": ["Bash"]'] };
    expect(judge(SHARED, allowBash, { 'settings.local.json': '{"permissions": {"deny": ["Bash(rm *)"], "defaultMode": "default"}}' })).toMatchObject(granted);
    expect(judge(SHARED, allowBash, { 'other.json': denyBash, 'settings.json.bak': denyBash })).toMatchObject(granted);
    expect(judge(SHARED, allowBash, { 'settings.local.json': '{"permissions": {"deny": ["Bash"' })).toMatchObject(granted);
  });

  it('the local defaultMode overrides the shared one; the shared one never overrides the local one', () => {
    const bypass = '{\n"permissions": {\n"defaultMode": "bypassPermissions"\n}\n}';
    expect(judge(SHARED, bypass, { 'settings.local.json': '{"permissions": {"defaultMode": "default"}}' })).toMatchObject({ autonomy: undefined, bypass: undefined });
    expect(judge(LOCAL, bypass, { 'settings.json': '{"permissions": {"defaultMode": "default"}}' })).toMatchObject({
      autonomy: ['all-tools: "defaultMode": "bypassPermissions"'],
      bypass: true,
      evidence: ['2 "permissions": {', '3 "defaultMode": "bypassPermissions"'],
    });
  });

  it('a file handed alone is judged as before, and so is a chezmoi source folder with its own sibling', () => {
    expect(judge(SHARED, allowBash)).toMatchObject({ autonomy: ['shell: "allow": ["Bash"]'], shell: true });
    expect(judge('dot_claude/settings.json', allowBash, { 'settings.local.json': denyBash })).toMatchObject({ autonomy: undefined, shell: undefined });
  });
});
