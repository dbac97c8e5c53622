import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { agentFilesDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('agent-files detector on fixtures', () => {
  it('agent-files: every convention present, named entries, the prose file ignored', () => {
    const r = detectTree(fixture('agent-files'), agentFilesDetector);
    expect(names(r.assets, 'agent')).toEqual(['agents-md', 'claude-code', 'cline', 'cursor', 'gemini-cli', 'github-copilot']);
    const files = (agent: string): unknown[] => r.assets.filter((a) => a.name === agent).flatMap((a) => a.attributes['files'] as unknown[]);
    expect(files('claude-code')).toEqual(['.claude/agents/reviewer.md', '.claude/commands/release/notes.md', '.claude/skills/foo/SKILL.md', '.github/workflows/claude.yml', '.github/workflows/nightly-digest.yml', 'CLAUDE.md']);
    expect(files('github-copilot')).toEqual(['.github/copilot-instructions.md', '.github/prompts/triage.prompt.md']);
    const named = (attr: string): unknown[] => r.assets.flatMap((a) => (a.attributes[attr] as unknown[] | undefined) ?? []);
    expect([named('skills'), named('subagents'), named('commands')]).toEqual([['foo'], ['code-reviewer'], ['release:notes', 'triage']]);
    expect(r.assets.map((a) => `${a.evidence[0]?.path}:${a.evidence[0]?.line} ${a.evidence[0]?.snippet ?? '(empty)'}`)).toEqual([
      '.claude/agents/reviewer.md:2 name: code-reviewer',
      '.claude/commands/release/notes.md:1 Draft release notes for $ARGUMENTS.',
      '.claude/skills/foo/SKILL.md:2 name: foo',
      '.clinerules:1 (empty)',
      '.cursor/rules/x.mdc:7 Use named exports only.',
      '.github/copilot-instructions.md:1 # Copilot instructions',
      '.github/prompts/triage.prompt.md:5 Label the issue and ask for a reproduction.',
      '.github/workflows/claude.yml:16 - uses: anthropics/claude-code-action@v1',
      '.github/workflows/claude.yml:16 - uses: anthropics/claude-code-action@v1',
      '.github/workflows/gemini-review.yml:13 - uses: google-github-actions/run-gemini-cli@v0',
      '.github/workflows/gemini-review.yml:23 "github": {',
      '.github/workflows/nightly-digest.yml:25 - uses: anthropics/claude-code-action@v1',
      '.github/workflows/nightly-digest.yml:31 "time": {',
      '.github/workflows/nightly-digest.yml:17 "changelog": {',
      'AGENTS.md:1 # Working on this repository',
      'CLAUDE.md:2 @AGENTS.md',
    ]);
    expect(new Set(r.assets.filter((a) => a.name === 'claude-code').map((a) => a.id)).size).toBe(1);
    // The workflow: Claude Code on issues and comments with a token that can write, and its model (ci.yml, a comment only, adds nothing).
    const ci = r.assets.find((a) => a.name === 'claude-code' && a.attributes['ciWorkflows'] !== undefined);
    expect([ci?.attributes['ciWorkflows'], ci?.attributes['ciTriggers'], ci?.attributes['autonomy']]).toEqual([['.github/workflows/claude.yml'], ['issue_comment', 'issues'], ['ci-untrusted-write: issue_comment: + - uses: anthropics/claude-code-action@v1 (the Claude GitHub App token: contents, pull requests and issues write)']]);
    expect(names(r.assets, 'model')).toEqual(['claude-sonnet-4-5-20250929']);
    expect(r.diagnostics).toEqual([]);
  });

  it('agent-files: the MCP server run-gemini-cli\'s settings input configures is Gemini CLI\'s, and the CI agent connects to it', () => {
    const r = detectTree(fixture('agent-files'), agentFilesDetector);
    const server = r.assets.find((a) => a.kind === 'mcp-server' && a.name === 'github');
    expect([server?.name, server?.attributes, server?.evidence.map((e) => `${e.path}:${e.line} ${e.technique} ${e.confidence}`)]).toEqual(['github', {
      role: 'configured', clients: ['gemini-cli'], transport: 'stdio', command: 'docker', args: ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:v0.27.0'],
      package: 'ghcr.io/github/github-mcp-server', packageEcosystem: 'oci', packageVersions: ['v0.27.0'], envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
    }, ['.github/workflows/gemini-review.yml:23 config declared']]);
    const gemini = r.assets.find((a) => a.kind === 'agent' && a.name === 'gemini-cli');
    expect([gemini?.attributes['ciWorkflows'], gemini?.attributes['ciTriggers'], gemini?.attributes['autonomy']]).toEqual([['.github/workflows/gemini-review.yml'], ['pull_request'], undefined]);
    expect(r.relationships.filter((rel) => rel.type === 'CONNECTS_TO' && rel.from === gemini?.id).map((rel) => [rel.from, rel.to])).toEqual([[gemini?.id, server?.id]]);
  });

  it('agent-files: a config a run step writes with a heredoc and passes to --mcp-config, and a double-quoted inline one, are Claude Code\'s', () => {
    const r = detectTree(fixture('agent-files'), agentFilesDetector);
    const byId = new Map(r.assets.map((a) => [a.id, a]));
    const nightly = r.assets.filter((a) => a.kind === 'mcp-server' && a.evidence.some((e) => e.path === '.github/workflows/nightly-digest.yml'));
    expect(nightly.map((a) => [a.name, a.attributes])).toEqual([
      ['time', { role: 'configured', clients: ['claude-code'], transport: 'stdio', command: 'uvx', args: ['mcp-server-time'], package: 'mcp-server-time', packageEcosystem: 'pypi' }],
      ['changelog', { role: 'configured', clients: ['claude-code'], transport: 'stdio', command: 'npx', args: ['-y', 'changelog-mcp@2.1.0'], package: 'changelog-mcp', packageEcosystem: 'npm', packageVersions: ['2.1.0'], envNames: ['CHANGELOG_TOKEN'] }],
    ]);
    expect(r.relationships.filter((rel) => rel.type === 'CONNECTS_TO' && rel.evidence[0]?.path === '.github/workflows/nightly-digest.yml').map((rel) => `${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}`)).toEqual(['claude-code -> time', 'claude-code -> changelog']);
  });

  it('negative-controls (all areas): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), agentFilesDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });

  it('other fixtures hold no agent files', () => {
    for (const name of ['polyglot', 'rag-python', 'ai-sdk-app', 'mcp-server-ts']) {
      expect(detectTree(fixture(name), agentFilesDetector).assets, name).toEqual([]);
    }
  });
});
