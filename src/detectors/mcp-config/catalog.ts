/**
 * MCP client configuration knowledge as data: which files each client reads (repo-relative globs
 * that also match a home folder's layout, so dotfiles repos and `aimap scan --host` use the same
 * rows), their syntax, where the servers sit in them, and the words used for transports.
 * Source of the formats and paths: research/anchors-mission.md §2(e) (snyk/agent-scan `agents/*`,
 * mcp-scan `models.py`, agent-bom `discovery/config_parsers.py`) and each client's docs.
 */

export type Syntax = 'jsonc' | 'yaml' | 'toml' | 'properties';

/**
 * Where the servers live in a file:
 * - `mcp-servers`      `{"mcpServers": {name: {command, args, env} | {url, headers}}}`
 * - `vscode-mcp`       `{"servers": {...}, "inputs": [...]}` (VS Code mcp.json)
 * - `vscode-settings`  `{"mcp": {"servers": {...}}}` (settings.json; `settings.mcp` in .code-workspace)
 * - `claude-json`      `mcpServers` plus `projects.<abs path>.mcpServers` (~/.claude.json)
 * - `codex`            TOML `[mcp_servers.<name>]`
 * - `zed`              `context_servers` (`command: {path, args, env}`, flat `command`/`args`, `url`, or `source: "extension"`)
 * - `goose`            YAML `extensions: {name: {type: stdio|sse|streamable_http, cmd, args, envs, uri}}`
 * - `continue`         `mcpServers` as a list of `{name, command, ...}` or a map; `experimental.modelContextProtocolServers`
 * - `opencode`         `{"mcp": {name: {type: local, command: [...], environment} | {type: remote, url, headers}}}`
 * - `spring-ai`        Spring Boot `spring.ai.mcp.client.{stdio,sse,streamable-http}.connections.<name>` (`command`, `args`, `env`; `url`);
 *                      the app's own `spring.ai.mcp.server.*` (`spring-server.ts`)
 */
export type Shape = 'mcp-servers' | 'vscode-mcp' | 'vscode-settings' | 'claude-json' | 'codex' | 'zed' | 'goose' | 'continue' | 'opencode' | 'spring-ai';

/** Client settings read beside the servers (models, permissions); see `settings.ts`. */
export type ClientSettings = 'claude-code' | 'codex' | 'opencode' | 'continue' | 'goose' | 'zed' | 'gemini-cli' | 'spring-ai';

export interface ConfigFileRow {
  /** Client id recorded in the `clients` attribute. */
  readonly client: string;
  /** Which client settings the file may hold besides servers. */
  readonly settings?: ClientSettings;
  readonly syntax: Syntax;
  readonly shape: Shape;
  /** picomatch globs over the repo-relative (or `~/`-relative) path; the first matching row wins. */
  readonly patterns: readonly string[];
  /** Transport a bare `url` means for this client (default: `sse` when the path ends in /sse, else streamable-http). */
  readonly urlTransport?: string;
  /**
   * The file configures an application, not a developer's client (Spring AI's `application.yml`):
   * its servers are the app's client connections (`role: client-connection`, key `client:<name>`,
   * as the code detectors record them) and neither they nor its models carry `clients`, so they
   * stay in the application's system instead of a client's.
   */
  readonly app?: true;
  readonly source: string;
}

const VSCODE_USER = ['Code', 'Code - Insiders', 'VSCodium'];

/**
 * The folders a dotfiles repository keeps a client's home folder (`~/.codex`) under, besides the
 * name itself (a stow package `codex/.codex/` ends in it already): chezmoi's source names
 * (`dot_codex`, `private_dot_codex`; chezmoi.io/reference/source-state-attributes) and, for clients
 * whose folder can be moved by an env var (`CODEX_HOME`, `CLAUDE_CONFIG_DIR`), the XDG spellings
 * `.config/<client>`, `dot_config/<client>` and `config/<client>` (a repo folder linked to
 * `~/.config`). Seen in public dotfiles repos: `config/codex/config.toml`, `config/claude/settings.json`.
 * Only folders named for the client: a `config.toml` or `settings.json` elsewhere stays unread.
 */
const dotFolders = (home: string, xdg?: string): string[] => [
  `**/.${home}`,
  `**/dot_${home}`,
  `**/private_dot_${home}`,
  ...(xdg === undefined ? [] : [`**/.config/${xdg}`, `**/config/${xdg}`, `**/dot_config/${xdg}`, `**/private_dot_config/${xdg}`]),
];
/** Every dotfiles spelling of `~/.<home>/<file>` (see `dotFolders`). */
const inHome = (home: string, files: readonly string[], xdg?: string): string[] => dotFolders(home, xdg).flatMap((d) => files.map((f) => `${d}/${f}`));
const userFiles = (name: string): string[] => VSCODE_USER.flatMap((d) => [`**/${d}/User/${name}`, `**/${d}/User/profiles/*/${name}`]);

export const CONFIG_FILES: readonly ConfigFileRow[] = [
  { client: 'claude-desktop', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/claude_desktop_config.json'], source: 'agent-scan claude_desktop.py; modelcontextprotocol.io quickstart' },
  { client: 'claude-code', syntax: 'jsonc', shape: 'claude-json', patterns: ['**/.claude.json', '**/dot_claude.json', '**/private_dot_claude.json'], source: 'agent-scan claude_code.py; chezmoi source names' },
  {
    client: 'claude-code',
    syntax: 'jsonc',
    shape: 'mcp-servers',
    settings: 'claude-code',
    patterns: inHome('claude', ['settings.json', 'settings.local.json'], 'claude'),
    source: 'agent-scan claude_code.py; vet; CLAUDE_CONFIG_DIR (code.claude.com/docs/en/settings) for the XDG folders',
  },
  {
    client: 'roo-code',
    syntax: 'jsonc',
    shape: 'mcp-servers',
    patterns: ['**/rooveterinaryinc.roo-cline/settings/mcp_settings.json', '**/rooveterinaryinc.roo-cline/settings/cline_mcp_settings.json', '**/.roo/mcp.json'],
    source: 'agent-bom config_parsers.py; Roo Code docs (project .roo/mcp.json)',
  },
  { client: 'cline', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/cline_mcp_settings.json'], source: 'agent-bom config_parsers.py; Cline docs' },
  {
    client: 'amazon-q',
    syntax: 'jsonc',
    shape: 'mcp-servers',
    patterns: ['**/amazonwebservices.amazon-q-vscode/mcp.json', '**/.aws/amazonq/mcp.json', '**/.amazonq/mcp.json'],
    source: 'agent-bom config_parsers.py; Amazon Q Developer MCP docs',
  },
  { client: 'cursor', syntax: 'jsonc', shape: 'mcp-servers', patterns: inHome('cursor', ['mcp.json']), source: 'agent-scan vscode/cursor.py' },
  { client: 'vscode', syntax: 'jsonc', shape: 'vscode-mcp', patterns: ['**/.vscode/mcp.json', ...userFiles('mcp.json')], source: 'agent-scan vscode/vscode.py; code.visualstudio.com MCP docs' },
  {
    client: 'vscode',
    syntax: 'jsonc',
    shape: 'vscode-settings',
    patterns: ['**/.vscode/settings.json', '**/*.code-workspace', ...userFiles('settings.json')],
    source: 'agent-scan vscode/vscode.py; code.visualstudio.com MCP docs',
  },
  { client: 'copilot-cli', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/.copilot/mcp-config.json'], source: 'agent-scan vscode.py' },
  { client: 'antigravity', syntax: 'jsonc', shape: 'mcp-servers', patterns: inHome('gemini', ['antigravity/mcp_config.json', 'config/mcp_config.json']), source: 'agent-scan antigravity.py' },
  { client: 'windsurf', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/.codeium/windsurf/mcp_config.json', '**/.windsurf/mcp.json'], source: 'agent-scan windsurf.py' },
  { client: 'unknown', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/mcp_config.json'], source: 'Windsurf/Antigravity file name outside their folders (client not known)' },
  { client: 'gemini-cli', syntax: 'jsonc', shape: 'mcp-servers', settings: 'gemini-cli', patterns: inHome('gemini', ['settings.json']), urlTransport: 'sse', source: 'mcp-scan, agent-bom; gemini-cli docs (url = SSE, httpUrl = streamable HTTP)' },
  { client: 'kiro', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/.kiro/settings/mcp.json', '**/.kiro/agents/*.json'], source: 'agent-scan kiro.py' },
  { client: 'junie', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/.junie/mcp/mcp.json'], source: 'agent-bom (low confidence)' },
  {
    client: 'codex',
    syntax: 'toml',
    shape: 'codex',
    settings: 'codex',
    patterns: [...inHome('codex', ['config.toml', '*.config.toml'], 'codex'), '**/etc/codex/config.toml'],
    source: 'agent-scan codex.py; Codex config docs (CODEX_HOME moves ~/.codex)',
  },
  { client: 'opencode', syntax: 'jsonc', shape: 'opencode', settings: 'opencode', patterns: ['**/opencode.json', '**/opencode.jsonc'], source: 'agent-scan opencode.py; opencode.ai/docs/mcp-servers' },
  { client: 'continue', syntax: 'jsonc', shape: 'continue', settings: 'continue', patterns: inHome('continue', ['config.json', 'mcpServers/*.json']), source: 'agent-bom; docs.continue.dev (mcpServers folder accepts JSON configs)' },
  {
    client: 'continue',
    syntax: 'yaml',
    shape: 'continue',
    settings: 'continue',
    patterns: inHome('continue', ['config.yaml', 'config.yml', 'mcpServers/*.yaml', 'mcpServers/*.yml']),
    source: 'docs.continue.dev config.yaml reference (mcpServers)',
  },
  { client: 'zed', syntax: 'jsonc', shape: 'zed', settings: 'zed', patterns: ['**/.zed/settings.json', '**/zed/settings.json', '**/Zed/settings.json'], source: 'agent-bom; zed.dev/docs context servers' },
  { client: 'goose', syntax: 'yaml', shape: 'goose', settings: 'goose', patterns: ['**/goose/config.yaml', '**/goose/config/config.yaml'], source: 'agent-bom; block.github.io/goose config-files guide' },
  { client: 'claude-code', syntax: 'jsonc', shape: 'mcp-servers', patterns: ['**/.mcp.json'], source: 'agent-scan claude_code.py (project scope .mcp.json)' },
  ...(['yaml', 'properties'] as const).map((syntax): ConfigFileRow => ({
    client: 'spring-ai',
    syntax,
    shape: 'spring-ai',
    settings: 'spring-ai',
    app: true,
    patterns: (syntax === 'yaml' ? ['yml', 'yaml'] : ['properties']).flatMap((ext) => [`**/application.${ext}`, `**/application-*.${ext}`]),
    source: 'docs.spring.io/spring-ai MCP client boot starter (spring.ai.mcp.client.*) and chat/embedding model properties; Spring Boot profile files',
  })),
  {
    client: 'spring-ai',
    syntax: 'jsonc',
    shape: 'mcp-servers',
    app: true,
    patterns: ['**/src/main/resources/mcp-servers*.json'],
    source: 'Spring AI `spring.ai.mcp.client.stdio.servers-configuration=classpath:/mcp-servers-config.json` (Claude Desktop format); spring-ai-examples',
  },
];

/** `inHome` without its leading globstar, for the brace pattern below. */
const folderBound = (home: string, files: readonly string[], xdg?: string): string[] => inHome(home, files, xdg).map((p) => p.slice(3));

/**
 * The globs handed to the scanner (which files get read), kept apart from the rows above for speed:
 * distinctive names are matched on the file name alone (the scanner's fast path), and everything
 * that needs its folder sits in ONE brace pattern, a single regex test per path. A file read here
 * that no row owns (`docs/mcp.json`) is dismissed by `configFileFor`. patterns.test.ts checks that
 * every row's paths are covered.
 */
export const READ_PATTERNS: readonly string[] = [
  '**/claude_desktop_config.json',
  '**/.claude.json',
  '**/dot_claude.json',
  '**/private_dot_claude.json',
  '**/.mcp.json',
  '**/mcp.json',
  '**/mcp_config.json',
  '**/mcp-config.json',
  '**/cline_mcp_settings.json',
  '**/mcp_settings.json',
  '**/settings.local.json',
  '**/opencode.json',
  '**/opencode.jsonc',
  '**/*.code-workspace',
  `**/{${[
    '.vscode/settings.json', '.zed/settings.json', 'zed/settings.json', 'Zed/settings.json', 'User/settings.json', 'User/profiles/*/settings.json',
    ...folderBound('claude', ['settings.json'], 'claude'), ...folderBound('gemini', ['settings.json']),
    ...folderBound('codex', ['config.toml', '*.config.toml'], 'codex'), 'etc/codex/config.toml',
    ...folderBound('continue', ['config.json', 'config.yaml', 'config.yml', 'mcpServers/*.json', 'mcpServers/*.yaml', 'mcpServers/*.yml']),
    'goose/config.yaml', 'goose/config/config.yaml', '.kiro/agents/*.json', 'src/main/resources/mcp-servers*.json',
  ].join(',')}}`,
  '**/application.{yml,yaml,properties}',
  '**/application-*.{yml,yaml,properties}',
];

/** A word each shape's files must contain before they are parsed (most matching files hold none). */
export const PRECHECK: Readonly<Record<Shape, RegExp>> = {
  'mcp-servers': /mcpServers/,
  'vscode-mcp': /servers/,
  'vscode-settings': /mcp/,
  'claude-json': /mcpServers/,
  codex: /mcp_servers/,
  zed: /context_servers/,
  goose: /extensions/,
  continue: /mcpServers|modelContextProtocolServers/,
  opencode: /"mcp"/,
  // Client connections, or the app's own server settings (`spring.ai.mcp.server`, nested as `server:`).
  'spring-ai': /connections|server/,
};

/** A word a file must contain before its client settings (models, autonomy settings) are read (when it holds no server key word). */
export const SETTINGS_PRECHECK: Readonly<Record<ClientSettings, RegExp>> = {
  'claude-code': /"model"|"permissions"|enableAllProjectMcpServers|ANTHROPIC_\w*MODEL/,
  codex: /\bmodel|approval_policy|sandbox_mode/,
  opencode: /"(?:small_)?models?"|"permission"/,
  continue: /\bmodels\b|tabAutocompleteModel|embeddingsProvider/,
  goose: /GOOSE_[A-Z_]*(?:MODEL|PROVIDER)|GOOSE_MODE/,
  zed: /_model"|always_allow_tool_actions|tool_permissions/,
  'gemini-cli': /"model"|"allowed"|defaultApprovalMode|autoAccept/,
  'spring-ai': /\bmodel\b|deployment-?name/i,
};

/**
 * Provider names clients write → the provider vocabulary of the other detectors (`model-ids.ts`).
 * Sources: opencode and Continue provider ids, Codex `model_provider`, Goose `GOOSE_PROVIDER`, Zed `provider`.
 */
export const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  gemini: 'google',
  'google-genai': 'google',
  'google-gemini': 'google',
  'google-vertex': 'google-vertex-ai',
  vertex: 'google-vertex-ai',
  vertexai: 'google-vertex-ai',
  'gcp-vertex-ai': 'google-vertex-ai',
  bedrock: 'aws-bedrock',
  'amazon-bedrock': 'aws-bedrock',
  aws_bedrock: 'aws-bedrock',
  azure: 'azure-openai',
  'azure-openai': 'azure-openai',
  azure_openai: 'azure-openai',
  mistralai: 'mistral',
  'x-ai': 'xai',
};

/** Client-run proxies that pass a vendor's model through (Zed's hosted models, Copilot Chat, OpenCode Zen): the model's own vendor is the provider. */
export const PROXY_PROVIDERS: readonly string[] = ['zed.dev', 'copilot_chat', 'copilot-chat', 'github-copilot', 'opencode'];

/** Claude Code `model` aliases (code.claude.com model-config): the client picks the current model of that family. */
export const CLAUDE_MODEL_ALIASES: readonly string[] = ['sonnet', 'opus', 'haiku', 'opusplan', 'sonnet[1m]', 'opus[1m]'];

/** Transport spellings across clients → the vocabulary of detectors/README.md. */
export const TRANSPORT_ALIASES: Readonly<Record<string, string>> = {
  stdio: 'stdio',
  local: 'stdio',
  sse: 'sse',
  http: 'streamable-http',
  'streamable-http': 'streamable-http',
  streamable_http: 'streamable-http',
  streamablehttp: 'streamable-http',
  ws: 'websocket',
  websocket: 'websocket',
};

/** Goose extension types that are not external MCP servers (built into Goose or its UI). */
export const GOOSE_INTERNAL_TYPES: readonly string[] = ['builtin', 'platform', 'frontend', 'inline_python'];

/** Servers whose positional arguments after the package are the folders they may read and write. */
export const FILESYSTEM_SERVERS: ReadonlyArray<{ readonly ecosystem: string; readonly name: string; readonly source: string }> = [
  { ecosystem: 'npm', name: '@modelcontextprotocol/server-filesystem', source: 'modelcontextprotocol/servers src/filesystem README (allowed directories as args)' },
];
