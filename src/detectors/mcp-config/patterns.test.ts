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

  it('dismiss files read by name that no client keeps there', () => {
    expect(mcpConfigDetector.detect({ scope: 's', path: 'docs/examples/mcp.json', content: '{"mcpServers": {"a": {"command": "x"}}}' })).toBeNull();
    expect(mcpConfigDetector.detect({ scope: 's', path: 'Cursor/User/settings.json', content: '{"mcp": {"servers": {"a": {"command": "x"}}}}' })).toBeNull();
  });
});
