/**
 * Client settings beside the server list: the models a client is configured with (`models.ts`)
 * become `model` assets, and Claude Code's permission settings become attributes of its
 * `coding-agent:claude-code` agent asset (the asset the agent-files detector makes from CLAUDE.md,
 * so both merge). Permission rules are stored redacted: Claude Code writes approved command lines
 * into `settings.local.json`, tokens included.
 */
import { redactSnippet, type Attributes, type Evidence } from '../../model/index.ts';
import { CODING_AGENTS } from '../agent-files/catalog.ts';
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import type { SiblingFiles, SourceFile } from '../types.ts';
import { emitModel } from './emit.ts';
import { claudeAutonomy, readAutonomy, type SettingLine } from './autonomy.ts';
import type { ClientSettings, ConfigFileRow, Syntax } from './catalog.ts';
import { parseJsonc } from './jsonc.ts';
import { readModels } from './models.ts';
import { permissionRule } from './redact.ts';
import { bool, entry, get, str, strings, type CValue } from './tree.ts';

const ID = 'mcp-config';
/** Rules kept per list: `settings.local.json` collects every command a user approved. */
const MAX_RULES = 200;

const sortedUnique = (list: readonly string[]): string[] => [...new Set(list)].sort();

/** Emits the `model` assets of the models a client (or application, `row.app`) config file names. */
export function emitModels(file: SourceFile, row: ConfigFileRow, settings: ClientSettings, root: CValue, out: ResultBuilder): void {
  const client = row.client;
  for (const m of readModels(root, settings, row.syntax)) {
    // `clients` puts the model in the client's system (pipeline/systems-group.ts clientsOf); an
    // application's model stays in the application's.
    emitModel(file, m, { sources: [`${client}:${m.setting}`], ...(row.app === true ? {} : { clients: [client] }) }, out);
  }
}

/**
 * True for an allow rule that lets Claude Code run any shell command without asking: the bare tool
 * (`Bash`) or a pattern that matches everything (`Bash(*)`, `Bash(:*)`, `Bash(*:*)`). `Bash(npm test)` and
 * `Bash(git *)` are scoped, not unrestricted.
 */
export function unrestrictedShellRule(rule: string): boolean {
  return /^Bash(?:\([*:\s]*\))?$/.test(rule.trim());
}

function ruleList(value: CValue | undefined): string[] {
  return sortedUnique((strings(value) ?? []).map((r) => permissionRule(r)).filter((r) => r !== '')).slice(0, MAX_RULES);
}

/** The lines of Claude Code's grants: `defaultMode: bypassPermissions` and the first unrestricted `Bash` allow rule. */
function claudeGrantLines(perms: CValue | undefined, bypass: boolean, shell: boolean): { bypass?: SettingLine; shellRule?: SettingLine } {
  const mode = entry(perms, 'defaultMode');
  const allow = get(perms, 'allow');
  const rule = shell && allow?.t === 'arr' ? allow.items.find((i) => unrestrictedShellRule(str(i) ?? '')) : undefined;
  const at = (line: number | undefined): { line?: number } => (line === undefined ? {} : { line });
  return {
    ...(bypass ? { bypass: { ...at(mode?.line), snippet: '"defaultMode": "bypassPermissions"' } } : {}),
    ...(rule === undefined ? {} : { shellRule: { ...at(rule.line), snippet: `"allow": [${JSON.stringify(str(rule))}]` } }),
  };
}

/**
 * What the other settings file of the same `.claude/` folder sets that changes this file's grants.
 * Claude Code merges `settings.json` (shared) and `settings.local.json` (personal): a deny rule of
 * either file wins over an allow rule of either, and the local `defaultMode` wins over the shared one
 * (code.claude.com/docs/en/settings, "Settings precedence" and "Permission settings").
 */
export interface ClaudeSibling {
  /** A deny rule for the whole shell (`Bash`, `Bash(*)`). */
  readonly shellDenied: boolean;
  /** Its `permissions.defaultMode`, when it is the local file (the one whose mode wins). */
  readonly overridingMode?: string;
}

/** Claude Code permission settings as attributes; undefined when the file sets none. `grants` are the lines of what runs without asking. */
export function claudePermissions(
  root: CValue,
  sibling?: ClaudeSibling,
): { attributes: Attributes; line?: number; snippet: string; grants: readonly SettingLine[] } | undefined {
  const perms = entry(root, 'permissions');
  const all = entry(root, 'enableAllProjectMcpServers');
  if (perms === undefined && all === undefined) return undefined;
  const attributes: Attributes = {};
  const allow = ruleList(get(perms?.value, 'allow'));
  const deny = ruleList(get(perms?.value, 'deny'));
  const ask = ruleList(get(perms?.value, 'ask'));
  if (allow.length > 0) attributes.permissionsAllow = allow;
  if (deny.length > 0) attributes.permissionsDeny = deny;
  if (ask.length > 0) attributes.permissionsAsk = ask;
  const mode = str(get(perms?.value, 'defaultMode'));
  // An array, so settings.json and settings.local.json merge by union instead of first-wins.
  if (mode !== undefined && mode.trim() !== '') attributes.permissionModes = [redactSnippet(mode)];
  // The local file's own mode, when it sets one, is the one in force (it grants from its own line).
  if (mode === 'bypassPermissions' && sibling?.overridingMode === undefined) attributes.bypassPermissions = true;
  // A deny rule for the whole tool, in this file or its sibling, wins over any allow rule.
  if (allow.some(unrestrictedShellRule) && !deny.some(unrestrictedShellRule) && sibling?.shellDenied !== true) attributes.unrestrictedShell = true;
  if (bool(all?.value) === true) attributes.enableAllProjectMcpServers = true;
  if (Object.keys(attributes).length === 0) return undefined;
  const grants = claudeGrantLines(perms?.value, attributes.bypassPermissions === true, attributes.unrestrictedShell === true);
  const autonomy = claudeAutonomy(grants.bypass, grants.shellRule);
  const at = perms ?? all;
  return {
    attributes: { ...attributes, ...autonomy?.attributes },
    ...(at?.line === undefined ? {} : { line: at.line }),
    snippet: perms === undefined ? '"enableAllProjectMcpServers":' : '"permissions": {',
    grants: autonomy?.lines ?? [],
  };
}

const CLAUDE_SETTINGS = ['settings.json', 'settings.local.json'];

/**
 * The other Claude Code settings file of the file's folder (`settings.json` ↔ `settings.local.json`),
 * read through `siblings`; undefined when the connector gives no siblings, the other file is absent,
 * sets no permissions or does not parse (its own scan reports that).
 */
export function claudeSibling(path: string, siblings: SiblingFiles | undefined): ClaudeSibling | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (siblings === undefined || !CLAUDE_SETTINGS.includes(base)) return undefined;
  const name = base === 'settings.json' ? 'settings.local.json' : 'settings.json';
  return siblings.memo(`mcp-config:claude-sibling:${name}`, () => {
    const text = siblings.read(name);
    if (text === undefined || !text.includes('"permissions"')) return undefined;
    let root: CValue | undefined;
    try {
      root = parseJsonc(text);
    } catch {
      return undefined;
    }
    const perms = get(root, 'permissions');
    const mode = str(get(perms, 'defaultMode'))?.trim();
    return {
      shellDenied: (strings(get(perms, 'deny')) ?? []).some(unrestrictedShellRule),
      ...(name === 'settings.local.json' && mode !== undefined && mode !== '' ? { overridingMode: mode } : {}),
    };
  });
}

/**
 * Emits a coding agent's asset (`coding-agent:<client>`, the key the agent-files detector uses, so
 * both merge) with attributes read from one settings file and the lines that back them.
 */
function emitCodingAgent(file: SourceFile, client: string, attributes: Attributes, evidence: Evidence[], out: ResultBuilder): void {
  const agent = CODING_AGENTS.find((a) => a.id === client);
  out.asset(file, {
    kind: 'agent',
    key: `coding-agent:${client}`,
    name: client,
    ...(agent?.provider === undefined ? {} : { provider: agent.provider }),
    attributes: { kind: 'coding-agent', product: agent?.product ?? client, files: [file.path], ...attributes },
    evidence,
  });
}

/** Emits Claude Code's agent asset with its permission settings, when the file sets any. */
export function emitClaudePermissions(file: SourceFile, root: CValue, out: ResultBuilder): void {
  const found = claudePermissions(root, claudeSibling(file.path, file.siblings));
  if (found === undefined) return;
  const lines = [{ line: found.line, snippet: found.snippet }, ...found.grants];
  emitCodingAgent(file, 'claude-code', found.attributes, lines.map((g) => evidenceAt(file, ID, 'config', 'declared', g.line, g.snippet)), out);
}

/**
 * Emits a coding agent's asset with the autonomy settings of its config (`autonomy.ts`), when the
 * file sets any. Evidence: each setting that lets the agent act without asking, else the first
 * autonomy setting read.
 */
export function emitAutonomy(file: SourceFile, client: string, settings: ClientSettings, syntax: Syntax, root: CValue, out: ResultBuilder): void {
  const found = readAutonomy(settings, syntax, root);
  if (found === undefined) return;
  emitCodingAgent(file, client, found.attributes, found.lines.map((l) => evidenceAt(file, ID, 'config', 'declared', l.line, l.snippet)), out);
}
