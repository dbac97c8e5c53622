/**
 * AI coding-agent instruction and configuration files: where each agent reads them in a repository.
 * A file's presence configures the agent for everyone who opens the repo with it, so it is evidence
 * the agent is in use (not prose about AI). MCP configuration files (`.mcp.json`,
 * `.claude/settings.json`, `.cursor/mcp.json`...) are the MCP-config detector's, not listed here.
 * Sources per row: the agent's own documentation.
 */

/** What a file is to its agent; decides which attribute collects its name. */
export type AgentFileRole = 'instructions' | 'skill' | 'subagent' | 'command' | 'config';

export interface CodingAgent {
  readonly id: string;
  /** Product name for people. */
  readonly product: string;
  readonly provider?: string;
  /** Agents that read the files (for a shared convention such as AGENTS.md). */
  readonly readBy?: readonly string[];
  readonly source: string;
}

export interface AgentFileRule {
  readonly agent: string;
  readonly role: AgentFileRole;
  /** picomatch globs against the repo-relative path (`dot: true`). */
  readonly patterns: readonly string[];
  readonly source: string;
}

/**
 * The agents. `agents-md` is the agent-neutral convention (AGENTS.md, `.agents/skills`) that many
 * agents read: one asset for it, with `readBy`, rather than one guess per agent.
 */
export const CODING_AGENTS: readonly CodingAgent[] = [
  {
    id: 'agents-md',
    product: 'AGENTS.md (agent-neutral instructions)',
    readBy: ['amp', 'codex', 'cursor', 'devin', 'factory', 'gemini-cli', 'github-copilot', 'jules', 'junie', 'opencode', 'roo-code', 'warp', 'windsurf', 'zed'],
    source: 'agents.md (supporting agents); developers.openai.com/codex/skills (.agents/skills)',
  },
  { id: 'codex', product: 'OpenAI Codex', provider: 'openai', source: 'developers.openai.com/codex (AGENTS.override.md)' },
  { id: 'claude-code', product: 'Claude Code', provider: 'anthropic', source: 'docs.anthropic.com/claude-code (memory, slash commands, subagents, skills)' },
  { id: 'cursor', product: 'Cursor', provider: 'cursor', source: 'docs.cursor.com/context/rules' },
  { id: 'github-copilot', product: 'GitHub Copilot', provider: 'github', source: 'docs.github.com copilot custom instructions, prompt files, custom agents; code.visualstudio.com agent skills' },
  { id: 'windsurf', product: 'Windsurf', provider: 'windsurf', source: 'docs.windsurf.com memories & rules' },
  { id: 'cline', product: 'Cline', provider: 'cline', source: 'docs.cline.bot rules (.clinerules file or folder)' },
  { id: 'roo-code', product: 'Roo Code', provider: 'roo-code', source: 'docs.roocode.com custom instructions (.roo/rules, .roorules)' },
  { id: 'gemini-cli', product: 'Gemini CLI', provider: 'google', source: 'github.com/google-gemini/gemini-cli docs (GEMINI.md context files)' },
  { id: 'gemini-code-assist', product: 'Gemini Code Assist (GitHub)', provider: 'google', source: 'developers.google.com/gemini-code-assist (.gemini/styleguide.md)' },
  { id: 'junie', product: 'JetBrains Junie', provider: 'jetbrains', source: 'jetbrains.com/help/junie (.junie/guidelines.md)' },
  { id: 'aider', product: 'Aider', provider: 'aider', source: 'aider.chat/docs/config/aider_conf.html' },
  { id: 'kiro', product: 'Kiro', provider: 'aws', source: 'kiro.dev/docs/steering' },
  { id: 'amazon-q', product: 'Amazon Q Developer', provider: 'aws', source: 'docs.aws.amazon.com amazonq project rules (.amazonq/rules)' },
  { id: 'continue', product: 'Continue', provider: 'continue', source: 'docs.continue.dev rules (.continue/rules)' },
  // No instruction files of their own (they read AGENTS.md): their assets come from the mcp-config
  // detector's autonomy settings. No provider: the agents run any vendor's model.
  { id: 'opencode', product: 'opencode', source: 'opencode.ai/docs/permissions' },
  { id: 'zed', product: 'Zed Agent', source: 'zed.dev/docs/ai/tool-permissions' },
  { id: 'goose', product: 'goose', source: 'block.github.io/goose/docs/guides/goose-permissions' },
];

type Row = readonly [agent: string, role: AgentFileRole, patterns: readonly string[], source: string];

const ROWS: readonly Row[] = [
  ['agents-md', 'instructions', ['**/AGENTS.md'], 'agents.md'],
  ['agents-md', 'skill', ['**/.agents/skills/*/SKILL.md'], 'developers.openai.com/codex/skills; agentskills.io'],
  ['codex', 'instructions', ['**/AGENTS.override.md'], 'Codex AGENTS.md discovery'],
  ['claude-code', 'instructions', ['**/CLAUDE.md', '**/CLAUDE.local.md'], 'Claude Code memory'],
  ['claude-code', 'command', ['**/.claude/commands/**/*.md'], 'Claude Code slash commands'],
  ['claude-code', 'subagent', ['**/.claude/agents/**/*.md'], 'Claude Code subagents'],
  ['claude-code', 'skill', ['**/.claude/skills/*/SKILL.md'], 'Claude Code skills'],
  ['cursor', 'instructions', ['**/.cursorrules', '**/.cursor/rules/**/*.mdc', '**/.cursor/rules/**/*.md'], 'Cursor rules'],
  ['github-copilot', 'instructions', ['**/.github/copilot-instructions.md', '**/.github/instructions/**/*.instructions.md'], 'Copilot custom instructions'],
  ['github-copilot', 'command', ['**/.github/prompts/**/*.prompt.md'], 'Copilot prompt files'],
  ['github-copilot', 'subagent', ['**/.github/agents/**/*.md', '**/.github/chatmodes/**/*.chatmode.md'], 'Copilot custom agents (`NAME.agent.md`, or `NAME.md` as GitHub agentic workflows import them); VS Code chat modes'],
  ['github-copilot', 'skill', ['**/.github/skills/*/SKILL.md'], 'VS Code / Copilot agent skills'],
  ['windsurf', 'instructions', ['**/.windsurfrules', '**/.windsurf/rules/**/*.md'], 'Windsurf rules'],
  ['cline', 'instructions', ['**/.clinerules', '**/.clinerules/**/*.md'], 'Cline rules'],
  ['roo-code', 'instructions', ['**/.roorules', '**/.roorules-*', '**/.roo/rules/**', '**/.roo/rules-*/**'], 'Roo Code custom instructions'],
  ['gemini-cli', 'instructions', ['**/GEMINI.md'], 'Gemini CLI context files'],
  ['gemini-code-assist', 'instructions', ['**/.gemini/styleguide.md'], 'Gemini Code Assist style guide'],
  ['junie', 'instructions', ['**/.junie/guidelines.md'], 'Junie guidelines'],
  ['aider', 'config', ['**/.aider.conf.yml'], 'Aider YAML config'],
  ['kiro', 'instructions', ['**/.kiro/steering/**/*.md'], 'Kiro steering files'],
  ['amazon-q', 'instructions', ['**/.amazonq/rules/**/*.md'], 'Amazon Q project rules'],
  ['continue', 'instructions', ['**/.continue/rules/**/*.md'], 'Continue rules'],
];

/** Every file rule, in match order (first match wins). */
export const AGENT_FILE_RULES: readonly AgentFileRule[] = ROWS.map(([agent, role, patterns, source]) => ({ agent, role, patterns, source }));
