import { describe, expect, it } from 'vitest';
import { configFileFor } from '../../src/detectors/mcp-config/index.ts';
import { HOST_CONFIG_PATHS, pathsFor, PLATFORMS } from './paths.ts';

describe('host config paths', () => {
  it('every row has a source and applies somewhere', () => {
    for (const row of HOST_CONFIG_PATHS) {
      expect(row.source, row.path).not.toBe('');
      expect(PLATFORMS.some((p) => pathsFor(p).some((r) => r.path === row.path && r.base === row.base)), row.path).toBe(true);
    }
  });

  it('every shown path (wildcards filled in) is read by the mcp-config detector as its client', () => {
    for (const platform of PLATFORMS) {
      for (const row of pathsFor(platform)) {
        const shown = row.shown.replace(/\*/g, 'x');
        expect({ shown, client: configFileFor(shown)?.client }).toEqual({ shown, client: row.client });
      }
    }
  });

  it('shows paths the way users know them on each OS', () => {
    const claude = (p: (typeof PLATFORMS)[number]) => pathsFor(p).find((r) => r.client === 'claude-desktop')?.shown;
    expect(claude('darwin')).toBe('~/Library/Application Support/Claude/claude_desktop_config.json');
    expect(claude('linux')).toBe('~/.config/Claude/claude_desktop_config.json');
    expect(claude('win32')).toBe('%APPDATA%/Claude/claude_desktop_config.json');
    expect(pathsFor('linux').map((r) => r.shown)).toContain('/etc/codex/config.toml');
    expect(pathsFor('win32').map((r) => r.shown)).toContain('%APPDATA%/Block/goose/config/config.yaml');
    expect(pathsFor('win32').map((r) => r.shown)).not.toContain('~/.config/zed/settings.json');
    expect(pathsFor('darwin').map((r) => r.shown)).not.toContain('/etc/codex/config.toml');
  });
});
