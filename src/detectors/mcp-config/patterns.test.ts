import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../run.ts';
import { CONFIG_FILES } from './catalog.ts';
import { configFileFor, mcpConfigDetector } from './index.ts';

/** Concrete paths a row pattern stands for: in a repo subfolder, at the root, under ~/ and %APPDATA%/. */
const examples = (pattern: string): string[] => {
  const rest = pattern.replace(/^\*\*\//, '').replace(/\*/g, 'x');
  return [`pkg/sub/${rest}`, rest, `~/${rest}`, `%APPDATA%/${rest}`];
};

describe('mcp-config read patterns', () => {
  const wants = compilePatterns(mcpConfigDetector.patterns);

  it('cover every path a catalog row owns, and the row that owns it is found', () => {
    for (const row of CONFIG_FILES) {
      for (const pattern of row.patterns) {
        for (const path of examples(pattern)) {
          expect({ path, wanted: wants(path) }).toEqual({ path, wanted: true });
          expect(configFileFor(path)).toBeDefined();
        }
      }
    }
  });

  it('leave ordinary files of a repository alone', () => {
    for (const path of ['package.json', 'src/settings.json', 'config.yaml', 'config/config.toml', 'app/config.json', '.kiro/agents/sub/x.json', 'schema/mcp.schema.json', 'docs/mcp.md']) {
      expect({ path, wanted: wants(path) }).toEqual({ path, wanted: false });
    }
  });

  it('read client configs in dotfiles layouts (stow packages, chezmoi sources, XDG folders) with their client', () => {
    const rows = [
      'config/codex/config.toml', '.config/codex/config.toml', 'dot_codex/config.toml', 'private_dot_codex/config.toml', 'codex/.codex/config.toml', 'dot_config/codex/fast.config.toml',
      'config/claude/settings.json', 'claude/.claude/settings.json', 'dot_claude/settings.json', 'dot_claude/settings.local.json', 'dot_claude.json',
      'dot_gemini/settings.json', 'dot_gemini/antigravity/mcp_config.json', 'dot_cursor/mcp.json', 'dot_continue/config.yaml',
      '.config/opencode/opencode.json', 'dot_config/opencode/opencode.jsonc', '.config/zed/settings.json', 'zed/.config/zed/settings.json', 'dot_config/goose/config.yaml',
    ].map((path) => `${path} ${String(wants(path))} ${configFileFor(path)?.client ?? '-'} ${configFileFor(path)?.shape ?? '-'}`);
    expect(rows).toEqual([
      'config/codex/config.toml true codex codex', '.config/codex/config.toml true codex codex', 'dot_codex/config.toml true codex codex',
      'private_dot_codex/config.toml true codex codex', 'codex/.codex/config.toml true codex codex', 'dot_config/codex/fast.config.toml true codex codex',
      'config/claude/settings.json true claude-code mcp-servers', 'claude/.claude/settings.json true claude-code mcp-servers', 'dot_claude/settings.json true claude-code mcp-servers',
      'dot_claude/settings.local.json true claude-code mcp-servers', 'dot_claude.json true claude-code claude-json',
      'dot_gemini/settings.json true gemini-cli mcp-servers', 'dot_gemini/antigravity/mcp_config.json true antigravity mcp-servers', 'dot_cursor/mcp.json true cursor mcp-servers',
      'dot_continue/config.yaml true continue continue', '.config/opencode/opencode.json true opencode opencode', 'dot_config/opencode/opencode.jsonc true opencode opencode',
      '.config/zed/settings.json true zed zed', 'zed/.config/zed/settings.json true zed zed', 'dot_config/goose/config.yaml true goose goose',
    ]);
  });

  it('near misses in dotfiles: other tools\' config.toml and settings.json, folders only resembling a client\'s', () => {
    const paths = [
      'config/alacritty/config.toml', '.config/starship/config.toml', 'dot_config/helix/config.toml', 'codex/config.toml', 'config/codex-cli/config.toml', 'dot_codex/settings.json',
      '.config/Code/settings.json', 'config/karabiner/settings.json', 'dot_config/wezterm/settings.json', 'claude/settings.json', 'config/claude-desktop/settings.json', 'dot_claude/config.toml',
      '.config/gemini/settings.json', 'dot_geminiX/settings.json',
    ];
    for (const path of paths) expect({ path, wanted: wants(path), row: configFileFor(path)?.client }).toEqual({ path, wanted: false, row: undefined });
  });

  it('dismiss files read by name that no client keeps there', () => {
    expect(mcpConfigDetector.detect({ scope: 's', path: 'docs/examples/mcp.json', content: '{"mcpServers": {"a": {"command": "x"}}}' })).toBeNull();
    expect(mcpConfigDetector.detect({ scope: 's', path: 'Cursor/User/settings.json', content: '{"mcp": {"servers": {"a": {"command": "x"}}}}' })).toBeNull();
  });
});
