import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { agentFileRule, detectAgentFile } from './index.ts';

const detect = (path: string, content = ''): DetectionResult | null => detectAgentFile({ scope: 't', path, content });
const only = (r: DetectionResult | null) => r?.assets[0];
const diagnostics = (r: DetectionResult | null): string[] => (r?.diagnostics ?? []).map((d) => `${d.code} ${d.location?.line ?? '-'} ${d.message}`);

describe('agent-files: which files are agent files', () => {
  it('maps each convention to its agent', () => {
    const cases: [string, string][] = [
      ['AGENTS.md', 'agents-md'], ['services/api/AGENTS.md', 'agents-md'], ['.agents/skills/pdf/SKILL.md', 'agents-md'],
      ['AGENTS.override.md', 'codex'],
      ['CLAUDE.md', 'claude-code'], ['pkg/CLAUDE.local.md', 'claude-code'], ['.claude/commands/fix.md', 'claude-code'],
      ['.claude/agents/reviewer.md', 'claude-code'], ['.claude/skills/foo/SKILL.md', 'claude-code'],
      ['.cursorrules', 'cursor'], ['.cursor/rules/ts.mdc', 'cursor'], ['.cursor/rules/team/style.md', 'cursor'],
      ['.github/copilot-instructions.md', 'github-copilot'], ['.github/instructions/ts.instructions.md', 'github-copilot'],
      ['.github/prompts/triage.prompt.md', 'github-copilot'], ['.github/agents/release.agent.md', 'github-copilot'],
      ['.github/chatmodes/plan.chatmode.md', 'github-copilot'], ['.github/skills/bump/SKILL.md', 'github-copilot'],
      ['.windsurfrules', 'windsurf'], ['.windsurf/rules/a.md', 'windsurf'], ['.clinerules', 'cline'], ['.clinerules/01-style.md', 'cline'],
      ['.roorules', 'roo-code'], ['.roorules-code', 'roo-code'], ['.roo/rules/a.md', 'roo-code'], ['.roo/rules-architect/b.txt', 'roo-code'],
      ['GEMINI.md', 'gemini-cli'], ['.gemini/styleguide.md', 'gemini-code-assist'], ['.junie/guidelines.md', 'junie'],
      ['.aider.conf.yml', 'aider'], ['.kiro/steering/product.md', 'kiro'], ['.amazonq/rules/style.md', 'amazon-q'], ['.continue/rules/a.md', 'continue'],
    ];
    expect(cases.map(([path]) => [path, agentFileRule(path)?.agent])).toEqual(cases);
  });

  it('traps: documents about agents, look-alike names, MCP configs and settings are not agent files', () => {
    for (const path of ['docs/AGENTS-overview.md', 'README.md', 'agents.md', 'CLAUDE.md.bak', 'docs/claude.md', '.claude/settings.json', '.mcp.json',
      '.cursor/mcp.json', '.github/workflows/copilot.yml', '.claude/skills/SKILL.md', 'skills/foo/SKILL.md', 'CONVENTIONS.md', '.github/prompts/notes.md']) {
      expect(detect(path, '# Claude and Cursor'), path).toBeNull();
    }
  });
});

describe('agent-files: assets', () => {
  it('one agent asset keyed by agent id, with the file, the product and (for AGENTS.md) its readers', () => {
    const a = only(detect('AGENTS.md', '\n\n# Build\nnpm test\n'));
    expect([a?.kind, a?.name, a?.provider]).toEqual(['agent', 'agents-md', undefined]);
    expect(a?.attributes['files']).toEqual(['AGENTS.md']);
    expect(a?.attributes['readBy']).toContain('codex');
    expect(a?.evidence).toEqual([{ path: 'AGENTS.md', line: 3, snippet: '# Build', technique: 'config', confidence: 'declared', detector: 'agent-files' }]);
    expect(detect('CLAUDE.md')?.assets[0]?.id).toBe(detect('sub/CLAUDE.md')?.assets[0]?.id);
  });

  it('skills and subagents are named by front matter (the name line is the evidence), else by folder or file', () => {
    const skill = only(detect('.claude/skills/notes/SKILL.md', '---\ndescription: x\nname: release-notes\n---\nbody\n'));
    expect(skill?.attributes).toEqual({ kind: 'coding-agent', product: 'Claude Code', files: ['.claude/skills/notes/SKILL.md'], skills: ['release-notes'] });
    expect(skill?.evidence[0]).toMatchObject({ line: 3, snippet: 'name: release-notes' });
    expect(only(detect('.agents/skills/pdf/SKILL.md', '# no front matter'))?.attributes['skills']).toEqual(['pdf']);
    expect(only(detect('.github/agents/release.agent.md', '---\ntools: [x]\n---\n'))?.attributes['subagents']).toEqual(['release']);
    expect(only(detect('.github/agents/go-sdk-tool-migrator.md', '---\ndescription: moves tools\n---\n'))?.attributes['subagents']).toEqual(['go-sdk-tool-migrator']);
    expect(only(detect('.claude/commands/git/commit.md', 'Commit.'))?.attributes['commands']).toEqual(['git:commit']);
  });

  it('an empty file counts (presence), evidence at line 1 without a snippet', () => {
    expect(only(detect('.clinerules', ''))?.evidence).toEqual([{ path: '.clinerules', line: 1, technique: 'config', confidence: 'declared', detector: 'agent-files' }]);
  });

  it('never quotes a key: snippets are redacted, config files quote the key name only', () => {
    const key = ['sk', 'proj', 'Q'.repeat(40)].join('-');
    const md = only(detect('CLAUDE.md', `Use ${key} for tests\n`));
    expect(JSON.stringify(md)).not.toContain(key);
    const aider = only(detect('.aider.conf.yml', `# aider settings\nopenai-api-key: ${['x', 'y'.repeat(30)].join('')}\nmodel: gpt-4o\n`));
    expect(aider?.evidence[0]).toMatchObject({ line: 2, snippet: 'openai-api-key:' });
    expect(JSON.stringify(aider)).not.toContain('y'.repeat(30));
  });
});

describe('agent-files: hostile input', () => {
  it('hostile: a SKILL.md with broken YAML front matter still counts, named by its folder, with a diagnostic', () => {
    const r = detect('.claude/skills/deploy/SKILL.md', '---\nname: [unclosed\ndescription: "also: broken\n---\n# Deploy\n');
    expect(only(r)?.attributes['skills']).toEqual(['deploy']);
    expect(diagnostics(r)).toHaveLength(1);
    expect(diagnostics(r)[0]).toMatch(/^parse-failed 3 agent-files: front matter is not strict YAML \(invalid YAML front matter: [^\n]*[^:]\); read line by line$/);
    // Agents read front matter leniently: a note, not a warning.
    expect(r?.diagnostics.map((d) => d.level)).toEqual(['info']);
  });

  it('hostile: broken YAML elsewhere in the front matter keeps a plain name line', () => {
    const r = detect('.claude/skills/deploy/SKILL.md', '---\nname: "ship-it"\ndescription: Use when: deploying: now\n---\n');
    expect(only(r)?.attributes['skills']).toEqual(['ship-it']);
    expect(only(r)?.evidence[0]).toMatchObject({ line: 2, snippet: 'name: "ship-it"' });
    expect(diagnostics(r)).toHaveLength(1);
  });

  it('hostile: unclosed front matter, alias bombs, non-string names, control characters', () => {
    expect(diagnostics(detect('.claude/agents/a.md', '---\nname: x\n'.concat('y: 1\n'.repeat(500))))).toEqual(['parse-failed 1 agent-files: front matter is not strict YAML (front matter not closed (no --- line)); read line by line']);
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'name: *i', '---'].join('\n');
    const { value: r, ms } = cpuTimed(() => detect('.claude/skills/bomb/SKILL.md', bomb));
    expect(ms).toBeLessThan(500);
    expect(only(r)?.attributes['skills']).toEqual(['bomb']);
    expect(only(detect('.claude/agents/b.md', '---\nname: {a: 1}\n---\n'))?.attributes['subagents']).toEqual(['b']);
    expect(only(detect('.claude/agents/c.md', '---\nname: "evil\\u0007\\nname"\n---\n'))?.attributes['subagents']).toEqual(['evil  name']);
  });

  it('hostile: a 5 MB instruction file is read only at its head', () => {
    const content = `# Rules\n${'x'.repeat(5_000_000)}`;
    const { value: r, ms } = cpuTimed(() => detect('CLAUDE.md', content));
    expect(ms).toBeLessThan(500);
    expect(only(r)?.evidence[0]).toMatchObject({ line: 1, snippet: '# Rules' });
  });
});
