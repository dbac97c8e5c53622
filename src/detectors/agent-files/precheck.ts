/**
 * The agent-files pre-check (no parser imported: reading threads load it): instruction files count
 * by name alone, a GitHub Actions workflow only when it names an agent or model action, a GitHub
 * Models prompt file only when it has a top-level `model:`.
 */
import picomatch from 'picomatch';

export const WORKFLOW_PATTERNS: readonly string[] = ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'];

/**
 * A step input that may hold an MCP config inline (`workflow-mcp.ts`): JSON as the `client` reads
 * its own config file (`json`), or `--mcp-config '<json>'` arguments in a command line (`flag`).
 */
export interface McpInput {
  readonly input: string;
  readonly form: 'json' | 'flag';
  /** The mcp-config client whose JSON file of `mcpServers` the config is read as. */
  readonly client: string;
}

const CLAUDE_MCP_INPUTS: readonly McpInput[] = [
  { input: 'mcp_config', form: 'json', client: 'claude-code' },
  { input: 'claude_args', form: 'flag', client: 'claude-code' },
];

/** Agent actions by repository (`owner/name`, before `@ref`). Sources: each action's README. */
export const AGENT_ACTIONS: readonly {
  readonly action: string;
  readonly agent: string;
  readonly appToken?: string;
  /** Inputs that may configure MCP servers inline. */
  readonly mcpInputs?: readonly McpInput[];
  readonly source: string;
}[] = [
  {
    action: 'anthropics/claude-code-action',
    agent: 'claude-code',
    // Without a `github_token` input it acts with the Claude GitHub App's token, not the job's.
    appToken: 'the Claude GitHub App token: contents, pull requests and issues write',
    mcpInputs: CLAUDE_MCP_INPUTS,
    source: 'github.com/anthropics/claude-code-action (docs/security.md "GitHub App Permissions"; v0 `mcp_config` input, v1 `claude_args: --mcp-config`, docs/configuration.md)',
  },
  { action: 'anthropics/claude-code-base-action', agent: 'claude-code', mcpInputs: CLAUDE_MCP_INPUTS, source: 'github.com/anthropics/claude-code-base-action (`mcp_config`, `claude_args`)' },
  { action: 'openai/codex-action', agent: 'codex', source: 'github.com/openai/codex-action' },
  {
    action: 'google-github-actions/run-gemini-cli',
    agent: 'gemini-cli',
    mcpInputs: [{ input: 'settings', form: 'json', client: 'gemini-cli' }],
    source: 'github.com/google-github-actions/run-gemini-cli (action.yml `settings`: written to .gemini/settings.json)',
  },
];

/** Actions that call a model named by an input, with no agent of their own. */
export const MODEL_ACTIONS: readonly { readonly action: string; readonly source: string }[] = [
  { action: 'actions/ai-inference', source: 'github.com/actions/ai-inference (GitHub Models)' },
];

/** How much of any agent file, workflow or prompt file is read. */
const HEAD = 65_536;

/** The part of a file the detector reads. */
export function headOf(content: string): string {
  return content.length > HEAD ? content.slice(0, HEAD) : content;
}

const LITERALS: readonly string[] = [...AGENT_ACTIONS, ...MODEL_ACTIONS].map((a) => a.action);

export const isWorkflow = picomatch([...WORKFLOW_PATTERNS], { dot: true });

/** GitHub Models prompt files (`summarize.prompt.yml`: `model`, `messages`, `modelParameters`), anywhere. */
export const PROMPT_FILE_PATTERNS: readonly string[] = ['**/*.prompt.yml', '**/*.prompt.yaml'];

export const isPromptFile = picomatch([...PROMPT_FILE_PATTERNS], { dot: true });

/** True when a workflow's head names an agent or model action (case as GitHub resolves it: any). */
export function mayRunAgent(content: string): boolean {
  const head = headOf(content).toLowerCase();
  return LITERALS.some((l) => head.includes(l));
}

/** True when a workflow's head may write an MCP config with a heredoc (`workflow-heredoc.ts`): a `<<` and the word `mcp`. */
export function mayWriteMcpConfig(content: string): boolean {
  const head = headOf(content);
  return head.includes('<<') && /mcp/i.test(head);
}

/** False when the agent-files detector would return null for this file. */
export function mayFindAgentFiles(path: string, content: string): boolean {
  if (isWorkflow(path)) return mayRunAgent(content) || mayWriteMcpConfig(content);
  return !isPromptFile(path) || /^model\s*:/m.test(headOf(content));
}
