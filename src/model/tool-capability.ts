/**
 * What a tool can do, decided once for the whole project: the mcp-excessive-agency policy, the risk
 * tiers and the saved queries (graph/queries/fragments.ts turns these tables into SQL and Cypher)
 * all read a tool's capability from here, so a tool one of them calls harmless is never called
 * dangerous by another. The decision reads only a tool's name and attributes (its description).
 */

/** Tool capabilities, most dangerous first; the rank orders the `mcp-tools` query. */
export const CAPABILITIES = ['shell', 'exec', 'filesystem-write', 'network-write', 'write', 'invoke', 'read'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Capabilities that make a tool dangerous (command or code execution, writes outside the app). */
export const DANGEROUS_CAPABILITIES: readonly Capability[] = ['shell', 'exec', 'filesystem-write', 'network-write'];

/** Capabilities that let a tool change something: these end exposure paths and make a system able to act. */
export const WRITE_CAPABILITIES: readonly Capability[] = ['shell', 'exec', 'filesystem-write', 'network-write', 'write', 'invoke'];

/** Capabilities that run commands or code on the host (the policy's `shell` reason). */
export const COMMAND_CAPABILITIES: readonly Capability[] = ['shell', 'exec'];

/**
 * Keyword syntax: lower-case letters and spaces. A keyword matches a text (lower case, padded with
 * one space) as a substring, where every space stands for one non-alphanumeric character: a
 * leading space means "at a word start" (` edit` is not `credit`), an inner one any separator
 * (`run code` matches `run_code` and `run-code`).
 *
 * Two texts are read. The **lead** is the tool's name and the first word of its description, where
 * a tool says what it does (`create_issue`, "Deletes a file ..."); verbs count only there, since a
 * description mentions writes it does not make ("Shows the commit logs", "the client executes
 * it"). The **full** text is the name and the whole description; only words that name a command
 * runner or code interpreter outright (`bash`, `subprocess`, `run python`) count anywhere in it.
 */
const WRITE_VERBS = [
  'write', 'delete', 'remove', 'update', 'create', 'insert', ' drop', 'modify', 'rename', ' move', 'upload', 'close',
  'rebuild', 'reindex', 'deploy', ' edit', ' set ', ' put ', 'patch', 'merge', ' push', 'commit', 'purge', 'truncate',
  ' kill', 'restart', 'cancel', 'approve', ' pay ', 'charge', 'refund', 'transfer', ' book', 'save', 'append', 'overwrite',
];

/** Nouns that put a write on the file system (anywhere in the full text, beside a verb in the lead). */
const FILE_NOUNS = ['file', 'director', 'folder', ' path', ' disk'];

/** Keywords of one group: any of `lead` in the lead text, or any of `full` in the full text. */
export interface KeywordGroup {
  readonly lead?: readonly string[];
  readonly full?: readonly string[];
}

/** One keyword rule: the tool has `capability` when every group matches. */
export interface CapabilityRule {
  readonly capability: Capability;
  readonly allOf: readonly KeywordGroup[];
}

/** Keyword rules, first match wins (after the explicit attributes, see {@link toolCapability}). */
export const CAPABILITY_RULES: readonly CapabilityRule[] = [
  { capability: 'shell', allOf: [{ lead: ['command', ' cmd '], full: ['shell', 'bash', 'terminal', 'subprocess', 'powershell'] }] },
  {
    capability: 'exec',
    // `exec` alone, or executing *code*: "Execute a task", `execute_query`, `ExecuteRangeQuery` and
    // `get_execution_plan` run nothing on the host. camelCase names have no separator to match.
    allOf: [{ lead: [' exec ', 'execcode', 'executecode', 'execute code', 'execute python', 'executepython', 'execute script', 'executescript', 'execute js', 'runcode', 'run code', 'runpython', 'run python', 'runscript', 'run script', 'sandbox', ' eval '], full: ['run code', 'run python', 'execute code', 'execute python', 'interpreter'] }],
  },
  { capability: 'filesystem-write', allOf: [{ lead: WRITE_VERBS }, { full: FILE_NOUNS }] },
  { capability: 'network-write', allOf: [{ lead: ['send', 'email', 'webhook', 'publish', 'notify', ' sms ', 'tweet'], full: ['http post', 'post request'] }] },
  { capability: 'write', allOf: [{ lead: WRITE_VERBS }] },
];

/** A non-alphanumeric character: the meaning of a space in a keyword (GLOB and regex syntax alike). */
export const KEYWORD_BOUNDARY = '[^a-z0-9]';

/** The pattern body of a keyword; throws on anything but lower-case letters and spaces. */
export function keywordPattern(keyword: string): string {
  if (!/^[a-z ]+$/.test(keyword)) throw new Error(`keyword "${keyword}": only lower-case letters and spaces`);
  return keyword.replaceAll(' ', KEYWORD_BOUNDARY);
}

const KEYWORD_REGEX = new Map<string, RegExp>();

function matches(text: string, keyword: string): boolean {
  let re = KEYWORD_REGEX.get(keyword);
  // `u`: one boundary is one code point, as in SQLite's GLOB.
  if (re === undefined) KEYWORD_REGEX.set(keyword, (re = new RegExp(keywordPattern(keyword), 'u')));
  return re.test(text);
}

/** ASCII letters lower-cased (what SQLite's `lower()` does; a Unicode lower-casing could turn `K` (Kelvin) into a `k` SQL never sees). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

function descriptionOf(attributes: Readonly<Record<string, unknown>>): string {
  const description = attributes['description'];
  return typeof description === 'string' || typeof description === 'number' ? String(description) : '';
}

/** The full text keywords are matched in: ` name description `, ASCII lower case. */
export function toolText(name: string, attributes: Readonly<Record<string, unknown>>): string {
  return ` ${asciiLower(`${name} ${descriptionOf(attributes)}`)} `;
}

/**
 * The first word of a description: tabs and line breaks read as spaces, leading spaces dropped,
 * then everything up to the next space (the SQL and Cypher forms do exactly this).
 */
export function firstWord(description: string): string {
  return description.replace(/[\t\n\r]/g, ' ').replace(/^ +/, '').split(' ')[0] ?? '';
}

/** The lead text: ` name first-word-of-description `, ASCII lower case. */
export function toolLead(name: string, attributes: Readonly<Record<string, unknown>>): string {
  return ` ${asciiLower(`${name} ${firstWord(descriptionOf(attributes))}`)} `;
}

function groupMatches(group: KeywordGroup, lead: string, full: string): boolean {
  return (group.lead ?? []).some((k) => matches(lead, k)) || (group.full ?? []).some((k) => matches(full, k));
}

/** The tool facts the decision reads (an `Asset` of kind `tool` fits). */
export interface ToolFacts {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * A tool's capability: an explicit `capability` attribute wins; `readOnlyHint: true` (MCP
 * annotation) means read; then the keyword rules; then `destructiveHint: true` means write; then a
 * tool backed by custom code (`executor`, e.g. a Bedrock action group Lambda) is `invoke`; anything
 * else reads. An explicit capability outside {@link CAPABILITIES} is returned as written.
 */
export function toolCapability(tool: ToolFacts): string {
  const a = tool.attributes;
  const explicit = a['capability'];
  if (explicit !== undefined && explicit !== null) return String(explicit);
  if (a['readOnlyHint'] === true) return 'read';
  const lead = toolLead(tool.name, a);
  const full = toolText(tool.name, a);
  const rule = CAPABILITY_RULES.find((r) => r.allOf.every((group) => groupMatches(group, lead, full)));
  if (rule !== undefined) return rule.capability;
  if (a['destructiveHint'] === true) return 'write';
  return a['executor'] !== undefined && a['executor'] !== null ? 'invoke' : 'read';
}

/** Dangerous: an explicit boolean `dangerous` attribute wins, else the capability decides. */
export function toolDangerous(tool: ToolFacts): boolean {
  const flag = tool.attributes['dangerous'];
  if (typeof flag === 'boolean') return flag;
  return (DANGEROUS_CAPABILITIES as readonly string[]).includes(toolCapability(tool));
}

/** True when the capability runs commands or code ({@link COMMAND_CAPABILITIES}). */
export function runsCommands(capability: string): boolean {
  return (COMMAND_CAPABILITIES as readonly string[]).includes(capability);
}

/** True when the capability changes something ({@link WRITE_CAPABILITIES}). */
export function changesThings(capability: string): boolean {
  return (WRITE_CAPABILITIES as readonly string[]).includes(capability);
}
