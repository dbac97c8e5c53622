/**
 * Runs every enabled policy over one inventory and ranks systems by risk.
 *
 * Severity of a finding, in order:
 * 1. the policy's own severity for that finding (e.g. critical for a pickle with dangerous globals);
 * 2. `policies.severity.<id>` from the config replaces it, for every finding of that policy;
 * 3. a finding on a high-tier system, or on a component of one, is raised one step
 *    (low → medium, medium → high); info stays info (it is inventory), and nothing is raised to
 *    critical (critical means "act now" whatever the system). The detail says when this happened.
 * Findings are sorted by severity (critical first), then id; systems come back with
 * `attributes.riskTier` and `attributes.riskFactors`, sorted by id.
 */
import type { ConfigFile } from '../config/schema.ts';
import type { Asset, Finding, Inventory, Severity } from '../model/index.ts';
import { POLICIES } from './api.ts';
import { buildIndexes, severityRank } from './helpers.ts';
import { systemsOf } from './membership.ts';
import { assessSystems, compareTiers, type RiskTier, type SystemRisk } from './risk-tier.ts';
import type { PolicyConfig, PolicyContext } from './types.ts';

/** What `evaluatePolicies` returns. */
export interface PolicyEvaluation {
  readonly findings: Finding[];
  /** Every system asset of the inventory, with `riskTier` and `riskFactors` attributes. */
  readonly systems: Asset[];
}

const RAISE: Partial<Record<Severity, Severity>> = { low: 'medium', medium: 'high' };

/** The policy view of a parsed config file (`approved:`, `dataSources:`, `policies.disable/severity`). */
export function policyConfigOf(file: Pick<ConfigFile, 'approved' | 'dataSources' | 'policies'>): PolicyConfig {
  return {
    ...(file.approved === undefined ? {} : { approved: file.approved }),
    ...(file.dataSources === undefined ? {} : { dataSources: file.dataSources }),
    ...(file.policies?.disable === undefined ? {} : { disable: file.policies.disable }),
    ...(file.policies?.severity === undefined ? {} : { severity: file.policies.severity }),
  };
}

/** Ids named in `policies.disable` / `policies.severity` that no registered policy has (for a warning). */
export function unknownPolicyIds(config: PolicyConfig): string[] {
  const known = new Set(POLICIES.map((p) => p.id));
  const named = [...(config.disable ?? []), ...Object.keys(config.severity ?? {})];
  return [...new Set(named.filter((id) => !known.has(id)))].sort();
}

function highestTier(ctx: PolicyContext, risks: ReadonlyMap<string, SystemRisk>, assetId: string): { tier: RiskTier; system?: Asset } {
  let best: { tier: RiskTier; system?: Asset } = { tier: 'low' };
  for (const id of systemsOf(ctx, assetId)) {
    const risk = risks.get(id);
    if (risk !== undefined && compareTiers(risk.tier, best.tier) < 0) best = { tier: risk.tier, system: ctx.index.assetsById.get(id) };
  }
  return best;
}

function adjust(ctx: PolicyContext, risks: ReadonlyMap<string, SystemRisk>, finding: Finding): Finding {
  const base = ctx.config.severity?.[finding.policyId] ?? finding.severity;
  const { tier, system } = highestTier(ctx, risks, finding.assetId);
  const raised = tier === 'high' ? RAISE[base] : undefined;
  if (raised === undefined) return base === finding.severity ? finding : { ...finding, severity: base };
  const where = system === undefined || system.id === finding.assetId ? 'a high-risk system' : `part of the high-risk system "${system.name}"`;
  return { ...finding, severity: raised, detail: `${finding.detail} Raised from ${base}: ${where}.` };
}

/** Evaluates every enabled policy; pure (the clock is `now`, an ISO timestamp). */
export function evaluatePolicies(inventory: Inventory, config: PolicyConfig, now: string): PolicyEvaluation {
  const ctx: PolicyContext = { inventory, config, now, index: buildIndexes(inventory) };
  const riskList = assessSystems(ctx);
  const risks = new Map(riskList.map((r) => [r.systemId, r]));
  const disabled = new Set(config.disable ?? []);
  const byId = new Map<string, Finding>();
  for (const policy of POLICIES) {
    if (disabled.has(policy.id)) continue;
    for (const finding of policy.evaluate(ctx)) {
      if (!byId.has(finding.id)) byId.set(finding.id, adjust(ctx, risks, finding));
    }
  }
  const findings = [...byId.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const systems = inventory.assets
    .filter((a) => a.kind === 'system')
    .map((s) => {
      const risk = risks.get(s.id);
      return risk === undefined ? s : { ...s, attributes: { ...s.attributes, riskTier: risk.tier, riskFactors: [...risk.factors] } };
    });
  return { findings, systems };
}
