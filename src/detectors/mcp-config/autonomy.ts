/**
 * Autonomy settings of coding agents: what a client config lets the agent do without asking a
 * human. Each reader turns one client's keys into `autonomy` entries (`<grant>: <settings as
 * written>`) and the raw values, so the `coding-agent-autonomy` policy judges every client the
 * same way. Only keys confirmed in each client's own documentation are read (sources per reader).
 *
 * Grants, from the most to the least reach:
 * - `all-tools`        every tool call, shell and file writes included, runs without confirmation
 * - `shell`            any shell command runs without confirmation, outside any sandbox
 * - `sandboxed-shell`  any command runs without confirmation, inside the client's sandbox
 * - `model-asks`       no sandbox; the client asks only when the model decides to
 *
 * Deliberately not a grant: Claude Code `acceptEdits`/`auto`, Gemini `auto_edit` and `autoAccept`
 * (edits or read-only tools only, or a classifier in the loop), Codex `untrusted`, scoped rules
 * (`Bash(npm test)`, `run_shell_command(git)`, opencode `"git *": "allow"`).
 */
import type { Attributes } from '../../model/index.ts';
import type { ClientSettings, Syntax } from './catalog.ts';
import { permissionRule } from './redact.ts';
import { asObject, bool, entry, get, keysOf, str, strings, type CEntry, type CValue } from './tree.ts';

/** What a setting lets the agent do without asking (see the file comment). */
export type AutonomyGrant = 'all-tools' | 'shell' | 'sandboxed-shell' | 'model-asks';

/** A setting line quoted as evidence (enum values and booleans: never secrets). */
export interface SettingLine {
  readonly line?: number;
  readonly snippet: string;
}

/** One file's autonomy settings: attributes for the agent asset and the lines to quote. */
export interface Autonomy {
  readonly attributes: Attributes;
  /** The lines of the settings that grant something (evidence of the policy's finding), else of the first setting read. */
  readonly lines: readonly SettingLine[];
}

/** A setting and its text as quoted in the `autonomy` entry and the evidence. */
interface Quoted {
  readonly e: { readonly line?: number } | undefined;
  readonly text: string;
}

class Collector {
  readonly attributes: Record<string, string[] | boolean> = {};
  readonly lines: SettingLine[] = [];
  private readonly entries: string[] = [];
  private readonly syntax: Syntax;

  constructor(syntax: Syntax) {
    this.syntax = syntax;
  }

  /** The setting as written in the file's syntax: `key = "v"`, `"key": "v"`, `key: v`. */
  quote(key: string, value: string | boolean): string {
    const v = typeof value === 'boolean' ? String(value) : this.syntax === 'yaml' ? value : JSON.stringify(value);
    if (this.syntax === 'toml') return `${key} = ${v}`;
    return this.syntax === 'yaml' ? `${key}: ${v}` : `"${key}": ${v}`;
  }

  private anchor: SettingLine | undefined;

  private anchorAt(at: Quoted): void {
    if (this.anchor === undefined) this.anchor = { ...(at.e?.line === undefined ? {} : { line: at.e.line }), snippet: at.text };
  }

  /** Records a `true` setting; `at` is its line, the evidence when nothing is granted. */
  flag(name: string, at: Quoted): void {
    this.anchorAt(at);
    this.attributes[name] = true;
  }

  /** Records a raw value; `at` is the setting's line, the evidence when nothing is granted. */
  value(name: string, value: string, at: Quoted): void {
    this.anchorAt(at);
    const list = (this.attributes[name] as string[] | undefined) ?? [];
    if (!list.includes(value)) list.push(value);
    this.attributes[name] = list.sort();
  }

  grant(grant: AutonomyGrant, scope: string | undefined, settings: readonly Quoted[]): void {
    this.entries.push(`${grant}: ${scope === undefined ? '' : `${scope} `}${settings.map((s) => s.text).join(' + ')}`);
    for (const s of settings) {
      const line = s.e?.line;
      if (!this.lines.some((l) => l.snippet === s.text && l.line === line)) this.lines.push({ ...(line === undefined ? {} : { line }), snippet: s.text });
    }
  }

  result(): Autonomy | undefined {
    if (this.entries.length > 0) this.attributes['autonomy'] = [...new Set(this.entries)].sort();
    if (Object.keys(this.attributes).length === 0) return undefined;
    return { attributes: this.attributes, lines: this.lines.length > 0 ? this.lines : this.anchor === undefined ? [] : [this.anchor] };
  }
}

/** A setting quoted with its value; a table or list (Codex granular policy) by its key alone. */
function setting(c: Collector, e: CEntry | undefined, key: string): Quoted {
  const v = str(e?.value) ?? bool(e?.value);
  return { e, text: v === undefined ? key : c.quote(key, v) };
}

/**
 * Codex `config.toml`: `approval_policy` (`untrusted`, `on-failure`, `on-request`, `never`) and
 * `sandbox_mode` (`read-only`, `workspace-write`, `danger-full-access`), top level and under
 * `[profiles.<name>]` (a profile's own value wins, else the top-level one).
 * Source: developers.openai.com/codex/config-reference; openai/codex docs/sandbox.md.
 */
function codex(root: CValue, c: Collector): void {
  const top = { approval: entry(root, 'approval_policy'), sandbox: entry(root, 'sandbox_mode') };
  const scopes: { scope?: string; approval?: CEntry; sandbox?: CEntry }[] = [top];
  for (const name of keysOf(get(root, 'profiles'))) {
    const p = get(get(root, 'profiles'), name);
    const approval = entry(p, 'approval_policy');
    const sandbox = entry(p, 'sandbox_mode');
    if (approval !== undefined || sandbox !== undefined) scopes.push({ scope: `[profiles.${name}]`, approval: approval ?? top.approval, sandbox: sandbox ?? top.sandbox });
  }
  for (const { scope, approval, sandbox } of scopes) {
    // A table is the granular policy (per-kind approvals): recorded, not judged.
    const a = approval === undefined ? undefined : (str(approval.value) ?? (asObject(approval.value) ? 'granular' : undefined));
    const s = str(sandbox?.value);
    if (a !== undefined) c.value('approvalPolicies', a, setting(c, approval, 'approval_policy'));
    if (s !== undefined) c.value('sandboxModes', s, setting(c, sandbox, 'sandbox_mode'));
    // Only the settings that are written: an unset key is the client's default.
    const both = [...(a === undefined ? [] : [setting(c, approval, 'approval_policy')]), ...(s === undefined ? [] : [setting(c, sandbox, 'sandbox_mode')])];
    // on-failure asks only when a sandboxed command fails: with no sandbox nothing fails.
    if ((a === 'never' || a === 'on-failure') && s === 'danger-full-access') c.grant('shell', scope, both);
    else if (a === 'never') c.grant('sandboxed-shell', scope, both);
    else if (s === 'danger-full-access' && (a === undefined || a === 'on-request')) c.grant('model-asks', scope, both);
  }
}

const SHELL_TOOL = 'run_shell_command';

/**
 * Gemini CLI `settings.json`: `tools.allowed` ("tool names that bypass the confirmation dialog";
 * the bare `run_shell_command` allows every command), cancelled by `tools.exclude` /
 * `excludeTools`, `tools.confirmationRequired` naming the shell tool, or a `tools.core` /
 * `coreTools` allowlist without it. `general.defaultApprovalMode` (`default`, `auto_edit`, `plan`;
 * YOLO cannot be set in settings) and `autoAccept` / `tools.autoAccept` (read-only tools) are recorded.
 * Source: geminicli.com/docs/reference/configuration; google-gemini/gemini-cli docs/tools/shell.md.
 */
function gemini(root: CValue, c: Collector): void {
  const tools = get(root, 'tools');
  const modeAt = entry(get(root, 'general'), 'defaultApprovalMode');
  const mode = str(modeAt?.value);
  if (mode !== undefined) c.value('approvalModes', mode, setting(c, modeAt, 'defaultApprovalMode'));
  const autoAccept = [entry(tools, 'autoAccept'), entry(root, 'autoAccept')].find((e) => bool(e?.value) === true);
  if (autoAccept !== undefined) c.flag('autoAccept', { e: autoAccept, text: c.quote('autoAccept', true) });
  const allowedAt = entry(tools, 'allowed');
  const allowed = strings(allowedAt?.value) ?? [];
  for (const t of allowed) c.value('toolsAllowed', permissionRule(t), { e: allowedAt, text: '"allowed": [' });
  const named = (list: CValue | undefined): boolean => (strings(list) ?? []).some((t) => t.trim() === SHELL_TOOL || t.trim() === 'ShellTool');
  const core = strings(get(tools, 'core')) ?? strings(get(root, 'coreTools'));
  const coreWithout = core !== undefined && !core.some((t) => t.trim().startsWith(SHELL_TOOL) || t.trim().startsWith('ShellTool'));
  const cancelled = named(get(tools, 'exclude')) || named(get(root, 'excludeTools')) || named(get(tools, 'confirmationRequired')) || coreWithout;
  if (allowed.some((t) => t.trim() === SHELL_TOOL || t.trim() === `${SHELL_TOOL}()`) && !cancelled) {
    const line = (allowedAt?.value.t === 'arr' ? allowedAt.value.items.find((i) => str(i)?.trim().startsWith(SHELL_TOOL))?.line : undefined) ?? allowedAt?.line;
    c.grant('shell', undefined, [{ e: line === undefined ? undefined : { line }, text: `"allowed": ["${SHELL_TOOL}"]` }]);
  }
}

/** opencode permission value of one tool: a string, or a pattern map whose `"*"` is the default. */
function opencodeAction(value: CValue | undefined): string | undefined {
  return str(value) ?? str(get(value, '*'));
}

/**
 * opencode `permission` (top level and `agent.<name>.permission`): `"allow"` for everything, or per
 * tool (`"*"`, `bash`, `edit`, ...) an action or a pattern map (`{"*": "ask", "git *": "allow"}`).
 * Source: opencode.ai/docs/permissions ("allow" runs without approval).
 */
function opencode(root: CValue, c: Collector): void {
  const scopes: { scope?: string; e: CEntry | undefined }[] = [{ e: entry(root, 'permission') }];
  for (const name of keysOf(get(root, 'agent'))) scopes.push({ scope: `agent.${name}`, e: entry(get(get(root, 'agent'), name), 'permission') });
  for (const { scope, e } of scopes) {
    if (e === undefined) continue;
    if (str(e.value) !== undefined) {
      c.value('permissionDefaults', `${scope ?? 'permission'}=${str(e.value) ?? ''}`, { e, text: c.quote('permission', str(e.value) ?? '') });
      if (str(e.value) === 'allow') c.grant('all-tools', scope, [{ e, text: c.quote('permission', 'allow') }]);
      continue;
    }
    const star = entry(e.value, '*');
    const bash = entry(e.value, 'bash');
    const bashAction = bash === undefined ? opencodeAction(star?.value) : opencodeAction(bash.value);
    if (bashAction !== undefined) c.value('permissionDefaults', `${scope ?? 'permission'}.bash=${bashAction}`, { e: bash ?? star, text: '"permission": {' });
    if (opencodeAction(star?.value) === 'allow' && bashAction === 'allow') c.grant('all-tools', scope, [{ e: star, text: c.quote('*', 'allow') }]);
    else if (bashAction === 'allow') c.grant('shell', scope, [{ e: bash, text: str(bash?.value) === undefined ? '"bash": {"*": "allow"}' : c.quote('bash', 'allow') }]);
  }
}

/**
 * Zed `agent.always_allow_tool_actions` (before v0.224) and `agent.tool_permissions` (`default`,
 * `tools.terminal.default`: `allow`, `confirm`, `deny`).
 * Source: zed.dev/docs/ai/tool-permissions.
 */
function zed(root: CValue, c: Collector): void {
  const agent = get(root, 'agent');
  const always = entry(agent, 'always_allow_tool_actions');
  if (bool(always?.value) === true) c.grant('all-tools', undefined, [{ e: always, text: c.quote('always_allow_tool_actions', true) }]);
  const perms = get(agent, 'tool_permissions');
  const def = entry(perms, 'default');
  const terminal = entry(get(get(perms, 'tools'), 'terminal'), 'default');
  const d = str(def?.value);
  const t = str(terminal?.value);
  if (d !== undefined) c.value('toolPermissionDefaults', `default=${d}`, { e: def, text: c.quote('default', d) });
  if (t !== undefined) c.value('toolPermissionDefaults', `terminal=${t}`, { e: terminal, text: `"terminal": {"default": ${JSON.stringify(t)}}` });
  if (d === 'allow' && (t === undefined || t === 'allow')) c.grant('all-tools', undefined, [{ e: def, text: c.quote('default', 'allow') }]);
  else if (t === 'allow') c.grant('shell', undefined, [{ e: terminal, text: '"terminal": {"default": "allow"}' }]);
}

/**
 * Goose `GOOSE_MODE` (`auto`, `approve`, `smart_approve`, `chat`): `auto` runs every tool
 * without approval. Source: block.github.io/goose/docs/guides/config-files, goose-permissions.
 */
function goose(root: CValue, c: Collector): void {
  const mode = entry(root, 'GOOSE_MODE');
  const m = str(mode?.value);
  if (m === undefined) return;
  c.value('gooseModes', m, { e: mode, text: c.quote('GOOSE_MODE', m) });
  if (m === 'auto') c.grant('all-tools', undefined, [{ e: mode, text: c.quote('GOOSE_MODE', 'auto') }]);
}

const READERS: Partial<Record<ClientSettings, (root: CValue, c: Collector) => void>> = { codex, 'gemini-cli': gemini, opencode, zed, goose };

/** The autonomy settings of a client config (not Claude Code: `settings.ts` reads its permissions). */
export function readAutonomy(settings: ClientSettings, syntax: Syntax, root: CValue): Autonomy | undefined {
  const read = READERS[settings];
  if (read === undefined) return undefined;
  const c = new Collector(syntax);
  read(root, c);
  return c.result();
}

/** Builds Claude Code's `autonomy` entries from the grants `settings.ts` found. */
export function claudeAutonomy(bypass: SettingLine | undefined, shellRule: SettingLine | undefined): Autonomy | undefined {
  const entries: string[] = [];
  if (bypass !== undefined) entries.push(`all-tools: ${bypass.snippet}`);
  if (shellRule !== undefined) entries.push(`shell: ${shellRule.snippet}`);
  if (entries.length === 0) return undefined;
  return { attributes: { autonomy: entries.sort() }, lines: [bypass, shellRule].filter((l): l is SettingLine => l !== undefined) };
}
