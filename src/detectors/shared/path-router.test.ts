import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../api.ts';
import { compilePatterns, compileRouter } from './path-router.ts';

/** Paths chosen to hit name-only globs, folder globs, brace lists with slashes and near misses. */
const PATHS = [
  'package.json', 'apps/web/package.json', 'src/index.ts', 'src/types.d.ts', 'lib/x.min.js', 'lib/x.js', 'a/b/app.py', 'n/book.ipynb',
  'requirements.txt', 'requirements/dev.txt', 'x/requirements/dev.in', 'notrequirements/dev.txt', 'svc/requirements-dev.txt', 'go.mod',
  'x/pom.xml', 'build.gradle.kts', 'Cargo.toml', 'Gemfile', 'App/App.csproj', 'environment.yml', '.hidden/app.ts', 'README.md', 'logo.png',
  'styles/site.css', 'gradle/libs.versions.toml', 'a.tsx', 'b.mts', '.env', 'config/.env.local', 'deploy/compose.yaml', 'Dockerfile.dev',
  'main.tf', 'stack.template', 'model.safetensors', 'm/Modelfile', 'AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md',
  'x/.github/copilot-instructions.md', 'github/copilot-instructions.md', '.github/prompts/a/b.prompt.md', '.github/prompts/b.md',
  '.cursor/rules/x.mdc', 'svc/.cursor/rules/deep/y.md', '.cursor/mcp.json', '.vscode/settings.json', 'vscode/settings.json',
  '.vscode/mcp.json', '.claude/settings.json', 'User/profiles/abc/settings.json', 'User/profiles/settings.json', '.codex/config.toml',
  '.continue/mcpServers/a.yaml', '.roo/rules/a.md', '.roo/rules-code/b.txt', 'x/.roo/rules/deep/c', '.roo/ruleset/a.md',
  '.claude/skills/pdf/SKILL.md', '.claude/commands/a/b.md', '.junie/guidelines.md', 'junie/guidelines.md', '.kiro/agents/a.json',
  'etc/codex/config.toml', 'goose/config/config.yaml', 'mcp.json', '.mcp.json', 'settings.json',
];

describe('compilePatterns and compileRouter', () => {
  it('agree with picomatch on every registered detector pattern', () => {
    const route = compileRouter(DETECTORS.map((d) => d.patterns));
    for (const path of PATHS) {
      const expected = DETECTORS.flatMap((d, i) => (picomatch(d.patterns as string[], { dot: true })(path) ? [i] : []));
      expect({ path, routed: [...route(path)] }).toEqual({ path, routed: expected });
      DETECTORS.forEach((d, i) => expect({ path, detector: d.id, match: compilePatterns(d.patterns)(path) }).toEqual({ path, detector: d.id, match: expected.includes(i) }));
    }
  });

  it('returns the same array for the same answer, so callers can cache on it', () => {
    const route = compileRouter([['**/*.py'], ['**/.github/**/*.md']]);
    expect(route('a/x.py')).toBe(route('b/y.py'));
    expect(route('.github/a/x.md')).toBe(route('q/.github/b.md'));
    expect(route('.github/a/x.md')).toEqual([1]);
    expect(route('x.txt')).toEqual([]);
  });

  it('keeps picomatch semantics where pre-filters give up: ranges and patterns without literal folders', () => {
    const route = compileRouter([['**/v{1..3}/*.txt'], ['*/x/*.md'], ['**/a{b/c,d}/*.md']]);
    expect(route('v2/a.txt')).toEqual([0]);
    expect(route('v4/a.txt')).toEqual([]);
    expect(route('q/x/r.md')).toEqual([1]);
    expect(route('x/r.md')).toEqual([]);
    expect(route('ab/c/z.md')).toEqual([2]);
    expect(route('ad/z.md')).toEqual([2]);
    expect(route('ab/z.md')).toEqual([]);
  });
});
