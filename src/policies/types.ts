/**
 * The shapes every policy shares. A policy is a pure, registered object: given a context (the
 * inventory, the policy config, the clock and a few prebuilt indexes) it returns findings.
 */
import type { Asset, Finding, Inventory, Relationship, Severity } from '../model/index.ts';

/** One `dataSources:` entry of the config: a name glob and the data's sensitivity. */
export interface DataSourceRule {
  readonly match: string;
  readonly classification: 'public' | 'internal' | 'confidential' | 'restricted';
  readonly regulated?: boolean;
}

/** The `approved:` lists of the config (globs allowed, e.g. `gpt-4o*`). */
export interface ApprovedLists {
  readonly providers?: readonly string[];
  readonly models?: readonly string[];
  readonly sdks?: readonly string[];
  readonly saas?: readonly string[];
  readonly mcpServers?: readonly string[];
}

/** What policies read from the config file (`approved:`, `dataSources:`, `policies:`). */
export interface PolicyConfig {
  readonly approved?: ApprovedLists;
  readonly dataSources?: readonly DataSourceRule[];
  /** Policy ids to skip. */
  readonly disable?: readonly string[];
  /** Severity overrides per policy id (replace the policy's default severity). */
  readonly severity?: Readonly<Record<string, Severity>>;
}

/** Lookups built once per evaluation, so policies stay short and linear. */
export interface PolicyIndexes {
  readonly assetsById: ReadonlyMap<string, Asset>;
  /** Relationships leaving an asset, in inventory order. */
  readonly outgoing: ReadonlyMap<string, readonly Relationship[]>;
  /** Relationships entering an asset, in inventory order. */
  readonly incoming: ReadonlyMap<string, readonly Relationship[]>;
}

/** Everything a policy may look at. */
export interface PolicyContext {
  readonly inventory: Inventory;
  readonly config: PolicyConfig;
  /** ISO timestamp used as `firstSeen` of new findings. */
  readonly now: string;
  readonly index: PolicyIndexes;
}

/** A registered policy (one file per policy under src/policies/). */
export interface Policy {
  /** kebab-case, e.g. `unowned-ai-asset`. */
  readonly id: string;
  /** Semver; bump when the policy's logic changes what it reports. */
  readonly version: string;
  /** Default severity of its findings (a finding may carry a higher one, e.g. critical pickles). */
  readonly severity: Severity;
  /** When findings may differ from the default severity, how (shown in the README table). */
  readonly severityNote?: string;
  /** One line. */
  readonly title: string;
  /** Why it matters. */
  readonly rationale: string;
  /** How to fix. */
  readonly remediation: string;
  /** `nist-ai-rmf:GOVERN-6.1`, `owasp-llm:LLM06`, `mitre-atlas:AML.T0010`; every id is in frameworks.ts. */
  readonly frameworks: readonly string[];
  evaluate(ctx: PolicyContext): Finding[];
}
