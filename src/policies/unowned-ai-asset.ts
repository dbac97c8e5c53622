/**
 * unowned-ai-asset: AI systems, and AI assets outside any system, that no owner is accountable for.
 *
 * One finding per system rather than per component, and one per repository when several of its
 * systems are unowned (a monorepo of 70 examples without CODEOWNERS has one gap, fixed by one
 * file); high-risk systems keep a finding of their own so they stand out. A system counts as owned
 * when an OWNS edge reaches the system itself, or when every AI component in it has one. Assets
 * that belong to no system are judged on their own, but only the top-level AI kinds (agents,
 * endpoints, MCP servers, model servers, models, vector stores, model files, SaaS apps): tools sit
 * under their server, SDKs and secrets are parts of a project, identities and data sources are not
 * AI assets themselves.
 */
import type { Asset, Evidence, Finding } from '../model/index.ts';
import { edgesTo, makeFinding, pickEvidence, quoted } from './helpers.ts';
import { membersOf, systemsIn, systemsOf } from './membership.ts';
import { assessSystem } from './risk-tier.ts';
import type { Policy, PolicyContext } from './types.ts';

/** Kinds judged on their own when no system includes them. */
const TOP_LEVEL_AI_KINDS: readonly string[] = ['agent', 'endpoint', 'mcp-server', 'model-server', 'model', 'vector-store', 'model-file', 'saas-app'];
/** Kinds that count as AI components of a system when deciding whether all of them are owned. */
const AI_COMPONENT_KINDS: readonly string[] = [...TOP_LEVEL_AI_KINDS, 'tool', 'sdk'];

function owned(ctx: PolicyContext, id: string): boolean {
  return edgesTo(ctx, id, ['OWNS']).length > 0;
}

function systemOwned(ctx: PolicyContext, system: Asset): boolean {
  if (owned(ctx, system.id)) return true;
  const ai = [...membersOf(ctx, system.id)].filter((id) => AI_COMPONENT_KINDS.includes(ctx.index.assetsById.get(id)?.kind ?? ''));
  return ai.length > 0 && ai.every((id) => owned(ctx, id));
}

function systemEvidence(ctx: PolicyContext, system: Asset): Asset['evidence'] {
  if (system.evidence.length > 0) return pickEvidence([system.evidence], 5);
  const parts = [...membersOf(ctx, system.id)].map((id) => ctx.index.assetsById.get(id)?.evidence ?? []);
  return pickEvidence(parts, 5);
}

/** Systems named in a repository finding; the rest are counted. */
const MAX_NAMED = 10;

/** The one repository a system was found in, or undefined (none, or several). */
function repositoryOf(ctx: PolicyContext, system: Asset): Asset | undefined {
  const repos = edgesTo(ctx, system.id, ['RESOURCE']).map((r) => ctx.index.assetsById.get(r.from)).filter((a): a is Asset => a?.kind === 'repository');
  return repos.length === 1 ? repos[0] : undefined;
}

function systemFinding(ctx: PolicyContext, system: Asset): Finding {
  return makeFinding(unownedAiAsset, ctx, {
    asset: system,
    title: `AI system ${quoted(system)} has no owner`,
    detail: `No owner is recorded for the system ${quoted(system)} (${membersOf(ctx, system.id).size} components), and not every AI component in it has one.`,
    evidence: systemEvidence(ctx, system),
  });
}

function repositoryFinding(ctx: PolicyContext, repository: Asset, systems: readonly Asset[]): Finding {
  const names = systems.slice(0, MAX_NAMED).map(quoted);
  const more = systems.length > MAX_NAMED ? ` and ${systems.length - MAX_NAMED} more` : '';
  const evidence: Evidence[] = systems.flatMap((s) => systemEvidence(ctx, s).slice(0, 1));
  return makeFinding(unownedAiAsset, ctx, {
    asset: repository,
    discriminator: 'systems',
    title: `${systems.length} AI systems in ${quoted(repository)} have no owner`,
    detail: `No owner is recorded for ${names.join(', ')}${more}, and not every AI component in them has one. A CODEOWNERS file covering their folders (or \`owners:\` in aimap.config.yaml) names them all at once.`,
    evidence: pickEvidence([evidence], MAX_NAMED),
  });
}

/** Unowned systems: high-risk ones and lone ones on their own, the rest one finding per repository. */
function systemFindings(ctx: PolicyContext, unowned: readonly Asset[]): Finding[] {
  const out: Finding[] = [];
  const byRepository = new Map<string, Asset[]>();
  for (const system of unowned) {
    const repository = repositoryOf(ctx, system);
    if (repository === undefined || assessSystem(ctx, system).tier === 'high') out.push(systemFinding(ctx, system));
    else byRepository.set(repository.id, [...(byRepository.get(repository.id) ?? []), system]);
  }
  for (const [repositoryId, systems] of byRepository) {
    const repository = ctx.index.assetsById.get(repositoryId) as Asset;
    if (systems.length === 1) out.push(systemFinding(ctx, systems[0] as Asset));
    else out.push(repositoryFinding(ctx, repository, [...systems].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))));
  }
  return out;
}

export const unownedAiAsset: Policy = {
  id: 'unowned-ai-asset',
  version: '1.1.0',
  severity: 'medium',
  title: 'AI system or asset with no accountable owner',
  rationale:
    'An AI system nobody owns is one nobody reviews, patches, answers incidents for or switches off. Accountability is the first thing AI governance asks for.',
  remediation:
    'Name an owner: a CODEOWNERS entry covering the folder, an `owner`/`team` tag on the cloud resource, or an `owners:` entry in aimap.config.yaml.',
  frameworks: ['nist-ai-rmf:GOVERN-2.1', 'nist-ai-rmf:GOVERN-1.6'],
  evaluate(ctx: PolicyContext): Finding[] {
    // A system inside another (a stock model UI in a compose stack) is judged with its parent.
    const unowned = systemsIn(ctx).filter((system) => !systemsOf(ctx, system.id).some((id) => id !== system.id) && !systemOwned(ctx, system));
    const out: Finding[] = systemFindings(ctx, unowned);
    for (const asset of ctx.inventory.assets) {
      if (!TOP_LEVEL_AI_KINDS.includes(asset.kind) || systemsOf(ctx, asset.id).length > 0 || owned(ctx, asset.id)) continue;
      // Tools and models reached from another AI asset are that asset's parts, not top-level.
      if (edgesTo(ctx, asset.id, ['PROVIDES', 'SERVES', 'USES_MODEL']).length > 0) continue;
      out.push(
        makeFinding(unownedAiAsset, ctx, {
          asset,
          title: `${asset.kind} ${quoted(asset)} has no owner and belongs to no system`,
          detail: `The ${asset.kind} ${quoted(asset)} is not part of any AI system and no owner is recorded for it.`,
          evidence: pickEvidence([asset.evidence], 5),
        }),
      );
    }
    return out;
  },
};
