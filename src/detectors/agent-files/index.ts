/**
 * The agent-files detector: AI coding-agent instruction and configuration files (`catalog.ts`)
 * as evidence that an agent is used on the repository. One `agent` asset per agent, key
 * `coding-agent:<agent id>`, merged across files (attribute `files` lists them); skills,
 * subagents and commands are named from YAML front matter, else from their file or folder.
 * Presence is the evidence: an empty file counts. Only the file's first 64 KB are looked at, and
 * only the first non-empty line (or the front-matter `name:` line) is quoted, redacted.
 * GitHub Actions workflows that run an agent's action are read by `workflows.ts`.
 */
import picomatch from 'picomatch';
import type { Attributes, DetectionResult } from '../../model/index.ts';
import { evidenceAt, parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { AGENT_FILE_RULES, CODING_AGENTS, type AgentFileRole, type AgentFileRule, type CodingAgent } from './catalog.ts';
import { readFrontMatter, type FrontMatter } from './front-matter.ts';
import { headOf, isPromptFile, isWorkflow, PROMPT_FILE_PATTERNS, WORKFLOW_PATTERNS } from './precheck.ts';
import { detectPromptFile, detectWorkflow } from './workflows.ts';

export const AGENT_FILES_DETECTOR_ID = 'agent-files';

const MATCHERS = AGENT_FILE_RULES.map((rule) => ({ rule, isMatch: picomatch([...rule.patterns], { dot: true }) }));
const AGENTS = new Map<string, CodingAgent>(CODING_AGENTS.map((a) => [a.id, a]));

/** Attribute that collects the names of a role's files. */
const NAMED: Partial<Record<AgentFileRole, string>> = { skill: 'skills', subagent: 'subagents', command: 'commands' };

/** The rule a path falls under, if any (first match wins). */
export function agentFileRule(path: string): AgentFileRule | undefined {
  return MATCHERS.find((m) => m.isMatch(path))?.rule;
}

/** Name of a skill, subagent or command: front matter first, else from the path. */
function entryName(role: AgentFileRole, path: string, front: FrontMatter): string | undefined {
  const segments = path.split('/');
  const file = segments.at(-1) ?? path;
  if (role === 'skill') return front.name?.value ?? segments.at(-2) ?? file;
  if (role === 'subagent') return front.name?.value ?? file.replace(/(?:\.agent|\.chatmode)?\.md$/, '');
  if (role !== 'command') return undefined;
  const prompt = /\.prompt\.md$/.exec(file);
  if (prompt) return file.slice(0, prompt.index);
  const at = segments.lastIndexOf('commands');
  return segments.slice(at + 1).join(':').replace(/\.md$/, '');
}

/** The line quoted as evidence: the front-matter name, else the first non-empty line of the body. */
function evidenceLine(lines: readonly string[], front: FrontMatter, role: AgentFileRole): { line: number; snippet?: string } {
  if (front.name !== undefined) return { line: front.name.line, snippet: lines[front.name.line - 1] ?? '' };
  for (let i = front.bodyLine - 1; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    if (text === '' || (role === 'config' && text.startsWith('#'))) continue;
    // Config files hold settings (possibly key values): quote the key only.
    return { line: i + 1, snippet: role === 'config' ? text.replace(/:.*$/, ':') : text };
  }
  return { line: 1 };
}

/** Detects one agent file; null when the path is not an agent file. */
export function detectAgentFile(file: SourceFile): DetectionResult | null {
  if (isWorkflow(file.path)) return detectWorkflow(file, AGENTS, AGENT_FILES_DETECTOR_ID);
  if (isPromptFile(file.path)) return detectPromptFile(file, AGENT_FILES_DETECTOR_ID);
  const rule = agentFileRule(file.path);
  const agent = rule === undefined ? undefined : AGENTS.get(rule.agent);
  if (rule === undefined || agent === undefined) return null;
  const out = new ResultBuilder();
  const lines = headOf(file.content).split(/\r?\n/);
  const front = rule.role === 'config' ? { bodyLine: 1 } : readFrontMatter(lines);
  // Agents read front matter leniently (an unquoted `description: Use when: ...` is common and works):
  // a note, not a warning; the file still counts and is named from a plain `name:` line.
  if (front.problem) out.diagnostic({ ...parseFailed(file, AGENT_FILES_DETECTOR_ID, `agent-files: front matter is not strict YAML (${front.problem.message}); read line by line`, front.problem.line), level: 'info' });
  const attribute = NAMED[rule.role];
  const name = entryName(rule.role, file.path, front);
  const attributes: Attributes = {
    kind: 'coding-agent',
    product: agent.product,
    files: [file.path],
    ...(agent.readBy === undefined ? {} : { readBy: [...agent.readBy] }),
    ...(attribute === undefined || name === undefined ? {} : { [attribute]: [name] }),
  };
  const { line, snippet } = evidenceLine(lines, front, rule.role);
  out.asset(file, {
    kind: 'agent',
    key: `coding-agent:${agent.id}`,
    name: agent.id,
    ...(agent.provider === undefined ? {} : { provider: agent.provider }),
    attributes,
    evidence: [evidenceAt(file, AGENT_FILES_DETECTOR_ID, 'config', 'declared', line, snippet)],
  });
  return out.result();
}

/** Registered detector for coding-agent instruction files. */
export const agentFilesDetector: Detector = {
  id: AGENT_FILES_DETECTOR_ID,
  displayName: 'AI coding-agent instruction files',
  patterns: [...AGENT_FILE_RULES.flatMap((r) => r.patterns), ...WORKFLOW_PATTERNS, ...PROMPT_FILE_PATTERNS],
  detect: detectAgentFile,
};
