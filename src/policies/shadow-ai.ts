/**
 * shadow-ai: AI in use that is not on the approved lists of the config (`approved:` providers,
 * models, sdks, saas, mcpServers; globs such as `gpt-4o*`, case-insensitive, `*` crosses `/`).
 *
 * Without an `approved:` section this policy reports nothing: everything found is inventory, and
 * aimap cannot know what was sanctioned. A list that is absent approves everything of its kind; an
 * empty list approves nothing. One finding per asset, listing every list it misses.
 */
import type { Asset, Finding } from '../model/index.ts';
import { globMatcher, makeFinding, pickEvidence, quoted, str } from './helpers.ts';
import type { ApprovedLists, Policy, PolicyContext } from './types.ts';

/** Kinds whose `provider` is a vendor (an SDK's provider is its family, e.g. `mcp`, so SDKs are judged by `approved.sdks` only). */
const PROVIDER_KINDS: readonly string[] = ['model', 'endpoint', 'saas-app'];

interface Check {
  readonly list: keyof ApprovedLists;
  readonly applies: (a: Asset) => boolean;
  /** The names matched against the list (any match approves). */
  readonly names: (a: Asset) => readonly string[];
  readonly label: string;
}

const CHECKS: readonly Check[] = [
  { list: 'providers', applies: (a) => PROVIDER_KINDS.includes(a.kind) && a.provider !== undefined, names: (a) => [a.provider ?? ''], label: 'provider' },
  { list: 'models', applies: (a) => a.kind === 'model', names: (a) => [a.name], label: 'model' },
  { list: 'sdks', applies: (a) => a.kind === 'sdk', names: (a) => [a.name], label: 'SDK' },
  { list: 'saas', applies: (a) => a.kind === 'saas-app', names: (a) => [a.name], label: 'SaaS app' },
  { list: 'mcpServers', applies: (a) => a.kind === 'mcp-server', names: (a) => [a.name, str(a.attributes, 'package') ?? '', str(a.attributes, 'url') ?? ''].filter((n) => n !== ''), label: 'MCP server' },
];

export const shadowAi: Policy = {
  id: 'shadow-ai',
  version: '1.0.0',
  severity: 'medium',
  title: 'AI provider, model, SDK, SaaS app or MCP server not on the approved lists',
  rationale:
    'AI nobody vetted sends data to third parties nobody assessed (contracts, retention, training on inputs, residency) and runs code nobody reviewed. An approved list turns the inventory into a control.',
  remediation:
    'Move the use onto an approved provider/model, or have it reviewed and add it to `approved:` in aimap.config.yaml (globs allowed).',
  frameworks: ['nist-ai-rmf:GOVERN-1.6', 'nist-ai-rmf:GOVERN-6.1', 'nist-ai-rmf:MAP-4.1', 'owasp-llm:LLM03', 'mitre-atlas:AML.T0010'],
  evaluate(ctx: PolicyContext): Finding[] {
    const approved = ctx.config.approved;
    if (approved === undefined) return [];
    const active = CHECKS.flatMap((c) => {
      const list = approved[c.list];
      return list === undefined ? [] : [{ check: c, matches: globMatcher(list) }];
    });
    const out: Finding[] = [];
    for (const asset of ctx.inventory.assets) {
      const misses = active.filter(({ check, matches }) => check.applies(asset) && !check.names(asset).some(matches));
      if (misses.length === 0) continue;
      const what = misses.map(({ check }) => `${check.label} ${check.list === 'providers' ? `"${asset.provider ?? ''}"` : quoted(asset)} is not in approved.${check.list}`);
      out.push(
        makeFinding(shadowAi, ctx, {
          asset,
          title: `Unapproved AI: ${asset.kind} ${quoted(asset)}`,
          detail: `${what.join('; ')}.`,
          evidence: pickEvidence([asset.evidence], 5),
        }),
      );
    }
    return out;
  },
};
