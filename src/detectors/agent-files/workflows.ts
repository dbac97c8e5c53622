/**
 * Coding agents run by GitHub Actions: a workflow step that `uses:` an agent's action
 * (`anthropics/claude-code-action`, `openai/codex-action`, `google-github-actions/run-gemini-cli`)
 * puts that agent on the repository with the job's token, and a step of `actions/ai-inference`
 * calls a GitHub Models model. The agent merges with the same agent's instruction files
 * (`coding-agent:<id>`), listing the workflow in `files` and `ciWorkflows`, its triggers in
 * `ciTriggers`; models named in the step's inputs (`model:`, `--model X` in `claude_args`) are
 * `model` assets the agent `USES_MODEL`; MCP servers configured inline in its inputs (run-gemini-cli
 * `settings`, claude-code-action `mcp_config` / `claude_args: --mcp-config '{...}'`) are the agent's
 * configured servers, which it `CONNECTS_TO` (`workflow-mcp.ts`), and so are the MCP configs a `run:`
 * step writes with a heredoc (`workflow-heredoc.ts`; such a workflow is read even without an agent action).
 *
 * Risk, as `autonomy` entries the coding-agent-autonomy policy weighs: a workflow that anyone can
 * trigger with text of their own (issues, comments, reviews, `pull_request_target`) puts that text in
 * front of the agent; with a token that may write (`contents: write`, `write-all`) the grant is
 * `ci-untrusted-write`, with the repository's default token (no `permissions:` anywhere) it is
 * `ci-untrusted`; read-only permissions grant nothing. Only the first 64 KB are parsed, with YAML
 * aliases capped (billion laughs); a file that does not parse is a diagnostic.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Asset, DetectionResult } from '../../model/index.ts';
import { evidenceAt, parseFailed, ResultBuilder } from '../shared/build.ts';
import { modelProvider } from '../shared/model-ids.ts';
import type { SourceFile } from '../types.ts';
import type { CodingAgent } from './catalog.ts';
import { tooDeepAt } from '../containers/yaml-guard.ts';
import { errorMessage, MAX_DEPTH } from '../containers/yaml-tree.ts';
import { looksLikeModelId } from '../shared/model-ids.ts';
import { AGENT_ACTIONS, headOf, mayFindAgentFiles, MODEL_ACTIONS, mayRunAgent, mayWriteMcpConfig } from './precheck.ts';
import { emitHeredocMcpServers, mcpConfigPaths, type JobAgent, type RunStep } from './workflow-heredoc.ts';
import { emitInlineMcpServers } from './workflow-mcp.ts';

/**
 * Events whose payload anyone who can open an issue, comment or fork can write: the text reaches
 * the agent as its task or context. (`pull_request` from a fork runs with a read-only token.)
 */
const UNTRUSTED_EVENTS = new Set(['issues', 'issue_comment', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'discussion', 'discussion_comment']);

const MAX_ALIASES = 50;
/** How GitHub's events are named (`issue_comment`): not a merge key `<<`, an expression or a number. */
const EVENT_NAME = /^[a-z_]+$/;
/** Triggers looked up in the text when only the plain data shows them (each is one scan of the lines). */
const MAX_PLAIN_TRIGGERS = 64;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed YAML document: as plain data, and as the syntax tree that knows where each node was written. */
interface Parsed {
  readonly value: unknown;
  readonly doc: Document;
  readonly counter: LineCounter;
}

/** An event the workflow runs on, with the line naming it. */
interface Trigger {
  readonly name: string;
  readonly line: number;
}

/** 1-based line where a node of the syntax tree starts; undefined for a node not found. */
function nodeLine(parsed: Parsed, node: unknown): number | undefined {
  const start = (node as Node | null | undefined)?.range?.[0];
  return start === undefined ? undefined : parsed.counter.linePos(start).line;
}

/**
 * The events of the top-level `on` key (a name, a list, or a map), each with its line, read from the
 * syntax tree: nothing else in the file (a job or step named `issue_comment`, a comment naming an
 * event above `on:`) counts. The key is known by how it is written: a `%YAML 1.1` document reads a
 * bare `on` as boolean true, the default YAML 1.2 schema as the string; GitHub reads the name.
 * Duplicate keys: the last wins, as in the plain data. The key, the value, list items and map keys may
 * be aliases (`on: [ *event ]`): the event is the anchored name, its line the alias's. When the tree
 * gives none (a shape it does not show, such as merge keys), the names of the plain data's `on` are
 * taken, their lines looked up in the text.
 */
function triggersOf(parsed: Parsed, lines: readonly string[]): Trigger[] {
  const root = parsed.doc.contents;
  const resolved = (n: unknown): unknown => (isAlias(n) ? n.resolve(parsed.doc) : n);
  const isOn = (n: unknown): boolean => isScalar(n) && (n.source === 'on' || n.value === 'on');
  const pair = isMap(root) ? root.items.findLast((p) => isOn(resolved(p.key))) : undefined;
  const on = resolved(pair?.value);
  const named = isScalar(on) ? [on] : isSeq(on) ? on.items : isMap(on) ? on.items.map((p) => p.key) : [];
  const out = new Map<string, number>();
  for (const node of named) {
    const name = resolved(node);
    const line = nodeLine(parsed, node);
    if (isScalar(name) && typeof name.value === 'string' && EVENT_NAME.test(name.value) && line !== undefined && !out.has(name.value)) out.set(name.value, line);
  }
  if (out.size === 0) for (const trigger of plainTriggers(parsed.value, lines)) out.set(trigger.name, trigger.line);
  return [...out].map(([name, line]) => ({ name, line })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The event names of the plain data's `on` (`true` in a YAML 1.1 document), each on the first line after `on:` naming it. */
function plainTriggers(value: unknown, lines: readonly string[]): Trigger[] {
  if (!isObject(value)) return [];
  const on = value['on'] ?? value['true'];
  const names = typeof on === 'string' ? [on] : Array.isArray(on) ? on.filter((n): n is string => typeof n === 'string') : isObject(on) ? Object.keys(on) : [];
  const from = lineOf(lines, /^["']?on["']?\s*:/);
  return names.filter((n) => EVENT_NAME.test(n)).slice(0, MAX_PLAIN_TRIGGERS).map((name) => ({ name, line: lineOf(lines, new RegExp(`(?:^|[^\\w-])${name}(?![\\w-])`), from) }));
}

/** Scopes a `permissions:` value lets write (`write-all` → `*`); undefined when not declared. */
function writeScopes(permissions: unknown): string[] | undefined {
  if (permissions === undefined) return undefined;
  if (permissions === 'write-all') return ['*'];
  if (!isObject(permissions)) return [];
  // `id-token: write` mints OIDC tokens for a cloud login (the agent actions authenticate with it);
  // it writes nothing in the repository.
  return Object.entries(permissions).filter(([k, v]) => v === 'write' && k !== 'id-token').map(([k]) => k);
}

/**
 * Model ids in a step's inputs: `model`, `*_model`, and `--model X` / `--model=X` in argument
 * inputs (`claude_args`, `args`, ...: not a prompt that talks about `--model`), shaped like ids.
 */
function modelsOf(inputs: Json): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value !== 'string') continue;
    if (/^(?:[a-z]+_)?model$/i.test(key)) out.push(value.trim());
    if (/(?:^|_)args$/i.test(key)) for (const m of value.matchAll(/--model[= ]\s*["']?([\w./:@-]+)/g)) out.push(m[1] as string);
  }
  // Expressions (`${{ vars.MODEL }}`) name no model.
  return [...new Set(out)].filter((id) => id !== '' && !id.includes('${{') && looksLikeModelId(id));
}

/**
 * One YAML document as plain data (aliases capped, nesting guarded as the containers detector
 * guards it); a syntax error, a nesting bomb or an alias bomb is a message that quotes no source.
 */
function parseYaml(text: string): ({ ok: true } & Parsed) | { ok: false; message: string } {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { ok: false, message: `nested deeper than ${MAX_DEPTH} levels (line ${deep})` };
  try {
    const counter = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter: counter });
    if (doc.errors.length > 0) throw doc.errors[0];
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), doc, counter };
  } catch (error) {
    return { ok: false, message: errorMessage(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * 1-based line of the first line at or after `from` matching `re`; `from` when none does. Only for
 * nodes the syntax tree cannot point at (a step reached through an alias, a job id YAML typed as a
 * number, triggers only the plain data shows).
 */
function lineOf(lines: readonly string[], re: RegExp, from = 1): number {
  for (let i = from - 1; i < lines.length; i++) if (re.test(lines[i] as string)) return i + 1;
  return from;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Step {
  /** Where the step is: `jobs.<job>.steps[<index>]`. */
  readonly job: string;
  readonly index: number;
  readonly uses: string;
  readonly inputs: Json;
  readonly env: Json;
  /** Write scopes of its job, else of the workflow; undefined: neither declares permissions. */
  readonly writes: string[] | undefined;
  /** The job whose permissions apply (undefined: the workflow's). */
  readonly permissionsOf?: string;
  /** Where the step sits in the document: `jobs`, job id, `steps`, index. */
  readonly path: readonly (string | number)[];
}

/** Every step of every job, with its job's id and value and its index. */
function jobSteps(doc: Json): Array<{ readonly id: string; readonly job: Json; readonly index: number; readonly step: Json }> {
  const out: Array<{ id: string; job: Json; index: number; step: Json }> = [];
  for (const [id, job] of Object.entries(isObject(doc['jobs']) ? doc['jobs'] : {})) {
    if (!isObject(job) || !Array.isArray(job['steps'])) continue;
    for (const [index, step] of job['steps'].entries()) if (isObject(step)) out.push({ id, job, index, step });
  }
  return out;
}

/** The `run:` steps of a workflow, where they sit and their script. */
function runStepsOf(doc: Json): RunStep[] {
  return jobSteps(doc).flatMap(({ id, index, step }) => (typeof step['run'] === 'string' ? [{ job: id, run: step['run'], path: ['jobs', id, 'steps', index] }] : []));
}

function stepsOf(doc: Json): Step[] {
  const workflowWrites = writeScopes(doc['permissions']);
  return jobSteps(doc).flatMap(({ id, job, index, step }): Step[] => {
    if (typeof step['uses'] !== 'string') return [];
    const own = job['permissions'] !== undefined;
    const writes = own ? writeScopes(job['permissions']) : workflowWrites;
    return [{ job: id, index, uses: step['uses'], inputs: isObject(step['with']) ? step['with'] : {}, env: isObject(step['env']) ? step['env'] : {}, writes, ...(own ? { permissionsOf: id } : {}), path: ['jobs', id, 'steps', index] }];
  });
}

/** Detects agent and model actions in one workflow; null when it runs none. */
export function detectWorkflow(file: SourceFile, agents: ReadonlyMap<string, CodingAgent>, detectorId: string): DetectionResult | null {
  if (!mayRunAgent(file.content) && !mayWriteMcpConfig(file.content)) return null;
  const text = headOf(file.content);
  const out = new ResultBuilder();
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    out.diagnostic(parseFailed(file, detectorId, `workflow: ${parsed.message}`));
    return out.result();
  }
  const doc = parsed.value;
  if (!isObject(doc)) return null;
  const lines = text.split(/\r?\n/);
  const events = triggersOf(parsed, lines);
  const triggers = events.map((t) => t.name);
  const untrusted = triggers.filter((t) => UNTRUSTED_EVENTS.has(t));
  const triggerLine = events.find((t) => UNTRUSTED_EVENTS.has(t.name))?.line;
  const seen = new Map<string, number>();
  const agentsByJob = new Map<string, JobAgent[]>();
  for (const step of stepsOf(doc)) {
    const action = step.uses.split('@')[0]?.toLowerCase() ?? '';
    const agentRow = AGENT_ACTIONS.find((a) => a.action === action);
    const modelAction = MODEL_ACTIONS.some((a) => a.action === action);
    if (agentRow === undefined && !modelAction) continue;
    // The step's `uses:` node; else the nth step using an action quotes the nth `uses:` line naming it.
    const line = nodeLine(parsed, parsed.doc.getIn(['jobs', step.job, 'steps', step.index, 'uses'], true)) ?? lineOf(lines, new RegExp(`uses:\\s*["']?${escape(step.uses)}`), (seen.get(step.uses) ?? 0) + 1);
    seen.set(step.uses, line);
    const snippet = (lines[line - 1] ?? '').trim();
    const evidence = evidenceAt(file, detectorId, 'config', 'declared', line, snippet);
    const agentInfo = agentRow === undefined ? undefined : agents.get(agentRow.agent);
    let agent: Asset | undefined;
    if (agentRow !== undefined && agentInfo !== undefined) {
      // Without a `github_token` input the action acts with its own GitHub App's token, whatever the job's permissions.
      const appToken = agentRow.appToken !== undefined && step.inputs['github_token'] === undefined ? `${snippet} (${agentRow.appToken})` : undefined;
      const grant = grantOf(untrusted, appToken ?? permissionWrites(parsed, step, lines), lines, triggerLine);
      const more = grant === undefined ? [] : grant.lines.map((l) => evidenceAt(file, detectorId, 'config', 'declared', l, (lines[l - 1] ?? '').trim()));
      agent = out.asset(file, {
        kind: 'agent',
        key: `coding-agent:${agentInfo.id}`,
        name: agentInfo.id,
        ...(agentInfo.provider === undefined ? {} : { provider: agentInfo.provider }),
        attributes: {
          kind: 'coding-agent',
          product: agentInfo.product,
          files: [file.path],
          ciWorkflows: [file.path],
          ...(triggers.length > 0 ? { ciTriggers: triggers } : {}),
          ...(grant === undefined ? {} : { autonomy: [grant.entry] }),
        },
        evidence: [evidence, ...more],
      });
      if (agentRow.mcpInputs !== undefined) emitInlineMcpServers(file, detectorId, agentRow.mcpInputs, step, parsed.doc, text, agent, out);
      const configPaths = (agentRow.mcpInputs ?? []).flatMap((i) => (i.form === 'flag' && typeof step.inputs[i.input] === 'string' ? mcpConfigPaths(step.inputs[i.input] as string) : []));
      agentsByJob.set(step.job, [...(agentsByJob.get(step.job) ?? []), { agent, agentId: agentInfo.id, configPaths }]);
    }
    for (const id of modelsOf({ ...step.inputs, ...modelEnv(step.env) })) {
      const provider = modelProvider(id);
      const model = out.asset(file, { kind: 'model', key: id.toLowerCase(), name: id, ...(provider === undefined ? {} : { provider }), attributes: { sources: [`workflow:${action}`] }, evidence: [evidence] });
      if (agent !== undefined) out.relate('USES_MODEL', agent, model, [evidence]);
    }
  }
  emitHeredocMcpServers(file, detectorId, runStepsOf(doc), agentsByJob, parsed.doc, text, out);
  return out.result();
}

/** `GEMINI_MODEL: x` in a step's `env` (run-gemini-cli reads its model there), as a `*_model` input. */
function modelEnv(env: Json): Json {
  return Object.fromEntries(Object.entries(env).filter(([k]) => /^[A-Z]+_MODEL$/.test(k)).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * How a step's token may write: undefined when no `permissions:` apply (the repository default),
 * none when they grant no write, else the line granting the first write scope: its node in the job's
 * `permissions` when the job declares its own, else the workflow's (`issues: 'write'` quoted or not).
 */
function permissionWrites(parsed: Parsed, step: Step, lines: readonly string[]): { line: number } | 'none' | undefined {
  if (step.writes === undefined) return undefined;
  const first = step.writes[0];
  if (first === undefined) return 'none';
  const path = [...(step.permissionsOf === undefined ? [] : ['jobs', step.permissionsOf]), 'permissions', ...(first === '*' ? [] : [first])];
  const line = nodeLine(parsed, parsed.doc.getIn(path, true));
  if (line !== undefined) return { line };
  const from = step.permissionsOf === undefined ? 1 : lineOf(lines, new RegExp(`^\\s+["']?${escape(step.permissionsOf)}["']?\\s*:`));
  const scope = first === '*' ? `permissions:\\s*["']?write-all` : `["']?${escape(first)}["']?\\s*:\\s*["']?write\\b`;
  return { line: lineOf(lines, new RegExp(`(?:^|\\s)${scope}`), from) };
}

/** The autonomy entry of an agent step run on untrusted input, and the lines that show it. */
function grantOf(untrusted: readonly string[], writes: string | { line: number } | 'none' | undefined, lines: readonly string[], triggerLine: number | undefined): { entry: string; lines: number[] } | undefined {
  if (untrusted.length === 0 || triggerLine === undefined || writes === 'none') return undefined;
  const trigger = (lines[triggerLine - 1] ?? '').trim();
  if (writes === undefined) return { entry: `ci-untrusted: ${trigger} + no permissions: block (the repository's default token)`, lines: [triggerLine] };
  if (typeof writes === 'string') return { entry: `ci-untrusted-write: ${trigger} + ${writes}`, lines: [triggerLine] };
  return { entry: `ci-untrusted-write: ${trigger} + ${(lines[writes.line - 1] ?? '').trim()}`, lines: [triggerLine, writes.line] };
}

/**
 * A GitHub Models prompt file (`*.prompt.yml`, run by `actions/ai-inference` or the Models UI): its
 * top-level `model` is a `model` asset, evidence its line. Nothing else of the file is read.
 */
export function detectPromptFile(file: SourceFile, detectorId: string): DetectionResult | null {
  if (!mayFindAgentFiles(file.path, file.content)) return null;
  const text = headOf(file.content);
  const out = new ResultBuilder();
  const doc = parseYaml(text);
  if (!doc.ok) {
    out.diagnostic(parseFailed(file, detectorId, `prompt file: ${doc.message}`));
    return out.result();
  }
  const id = isObject(doc.value) && typeof doc.value['model'] === 'string' ? doc.value['model'].trim() : '';
  if (id === '' || id.includes('{{')) return null;
  const lines = text.split(/\r?\n/);
  const line = nodeLine(doc, doc.doc.get('model', true)) ?? lineOf(lines, /^model\s*:/);
  const provider = modelProvider(id);
  out.asset(file, { kind: 'model', key: id.toLowerCase(), name: id, ...(provider === undefined ? {} : { provider }), attributes: { sources: ['github-models-prompt'] }, evidence: [evidenceAt(file, detectorId, 'config', 'declared', line, (lines[line - 1] ?? '').trim())] });
  return out.result();
}
