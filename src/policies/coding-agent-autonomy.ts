/**
 * coding-agent-autonomy: developer coding agents configured to run commands or change files
 * without asking a human. Answers "which developer agents can run any shell command unattended?".
 *
 * Reads the `autonomy` attribute the mcp-config detector writes on `coding-agent:<client>` assets
 * (src/detectors/mcp-config/autonomy.ts), and the agent-files detector for agents GitHub Actions runs
 * (src/detectors/agent-files/workflows.ts): entries `<grant>: <settings as written>`, e.g.
 * `shell: approval_policy = "never" + sandbox_mode = "danger-full-access"`. The detector knows each
 * client's keys; this policy only weighs the grants. One finding per agent (the settings files of
 * one agent merge into one asset), at the severity of its widest grant.
 */
import type { Asset, Evidence, Finding, Severity } from '../model/index.ts';
import { makeFinding, pickEvidence, quoted, severityRank, strings } from './helpers.ts';
import type { Policy, PolicyContext } from './types.ts';

interface Grant {
  readonly severity: Severity;
  /** What the agent may do, for the title. */
  readonly title: string;
  readonly why: string;
}

/**
 * Severity per grant. Unsandboxed shell or every tool: high (one injected instruction in a file,
 * issue or web page the agent reads runs with the developer's rights, keys and network). A sandbox
 * bounds writes and network, and a model that "decides when to ask" can be told not to: medium.
 */
const GRANTS: Readonly<Record<string, Grant>> = {
  'all-tools': { severity: 'high', title: 'runs every tool without asking', why: 'every tool call, shell commands and file writes included, runs without confirmation' },
  shell: { severity: 'high', title: 'runs any shell command without asking', why: 'any shell command runs without confirmation and outside a sandbox' },
  'sandboxed-shell': { severity: 'medium', title: 'runs any command in its sandbox without asking', why: 'any command runs without confirmation, bounded only by the client sandbox' },
  'model-asks': { severity: 'medium', title: 'runs without a sandbox and asks only when the model decides', why: 'commands run without a sandbox and the client asks only when the model requests it' },
  // GitHub Actions (agent-files detector, workflows.ts): whoever opens an issue or comments writes the agent's input.
  'ci-untrusted-write': { severity: 'high', title: 'runs in CI on issues and comments anyone can write, with a token that can write', why: 'a workflow triggered by issues, comments or reviews puts text anyone can write in front of it (even where only maintainers may trigger it), and its token can write to the repository' },
  'ci-untrusted': { severity: 'medium', title: 'runs in CI on issues and comments anyone can write', why: "a workflow triggered by issues, comments or reviews puts text anyone can write in front of it, with the repository's default token (which can write on older repositories)" },
};

const FRAMEWORKS = ['owasp-llm:LLM06', 'owasp-llm:LLM01', 'nist-ai-rmf:MAP-3.5', 'nist-ai-rmf:GOVERN-3.2', 'mitre-atlas:AML.T0050', 'mitre-atlas:AML.T0053'] as const;

/** `shell: approval_policy = "never" + …` → grant and settings text; unknown grants are skipped. */
function parseEntry(entry: string): { grant: Grant; setting: string } | undefined {
  const at = entry.indexOf(': ');
  const grant = at < 0 ? undefined : GRANTS[entry.slice(0, at)];
  return grant === undefined ? undefined : { grant, setting: entry.slice(at + 2) };
}

/** The agent's evidence lines that quote one of the settings (the detector writes each granting setting as a snippet). */
function settingLines(agent: Asset, settings: readonly string[]): Evidence[] {
  return pickEvidence([agent.evidence.filter((e) => e.snippet !== undefined && e.snippet !== '' && settings.some((s) => s.includes(e.snippet as string)))]);
}

/** Evidence: the widest grant's lines first (reports show the first line), then the other grants'. */
function grantEvidence(agent: Asset, worst: readonly string[], others: readonly string[]): Evidence[] {
  const first = settingLines(agent, worst);
  const seen = new Set(first.map((e) => JSON.stringify(e)));
  const rest = settingLines(agent, others).filter((e) => !seen.has(JSON.stringify(e)));
  const all = [...first, ...rest].slice(0, 10);
  return all.length > 0 ? all : pickEvidence([agent.evidence]);
}

/** Coding agents that run commands or change files without a human approving them. */
export const codingAgentAutonomy: Policy = {
  id: 'coding-agent-autonomy',
  version: '1.0.0',
  severity: 'high',
  severityNote: 'medium when a sandbox bounds the commands or the model decides when to ask',
  title: 'Coding agent configured to run commands or change files without asking',
  rationale:
    'A coding agent reads untrusted text all day (issues, dependencies, web pages, tool results). Without a human approving its actions, one injected instruction can run any command with the developer\'s rights: read keys and tokens, push code, delete files, reach the network.',
  remediation:
    'Keep approval on for shell commands (Claude Code: drop `bypassPermissions` and bare `Bash` allow rules, allow scoped rules such as `Bash(npm test)`; Codex: `approval_policy = "on-request"` with `sandbox_mode = "workspace-write"`; Gemini CLI: scoped `run_shell_command(git)` instead of `run_shell_command`; opencode: `"bash": "ask"`; Zed: `tool_permissions.default = "confirm"`; goose: `GOOSE_MODE: smart_approve`). Run fully autonomous agents only in a disposable container or VM. In GitHub Actions, run agents on trusted triggers (or check the author\'s association first) and give the job `permissions: contents: read`.',
  frameworks: [...FRAMEWORKS].sort(),
  evaluate(ctx: PolicyContext): Finding[] {
    const out: Finding[] = [];
    for (const agent of ctx.inventory.assets) {
      if (agent.kind !== 'agent' || agent.attributes['kind'] !== 'coding-agent') continue;
      // Widest grant first (stable: the detector sorts the entries).
      const parsed = strings(agent.attributes, 'autonomy')
        .map(parseEntry)
        .filter((p) => p !== undefined)
        .sort((a, b) => severityRank(b.grant.severity) - severityRank(a.grant.severity));
      const worst = parsed[0];
      if (worst === undefined) continue;
      const reasons = [...new Set(parsed.map((p) => `${p.grant.why} (${p.setting})`))];
      const widest = parsed.filter((p) => p.grant.severity === worst.grant.severity).map((p) => p.setting);
      out.push(
        makeFinding(codingAgentAutonomy, ctx, {
          asset: agent,
          title: `Coding agent ${quoted(agent)} ${worst.grant.title}`,
          detail: `In its settings, ${reasons.join('; ')}.`,
          evidence: grantEvidence(agent, widest, parsed.map((p) => p.setting)),
          severity: worst.grant.severity,
        }),
      );
    }
    return out;
  },
};
