import type { Evidence } from './evidence.ts';
import type { AssetId } from './ids.ts';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_STATUSES = ['new', 'open', 'resolved', 'suppressed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A judgement a policy made on an asset (policies arrive with issue [4/5]). */
export interface Finding {
  readonly id: string;
  readonly policyId: string;
  readonly policyVersion: string;
  readonly severity: Severity;
  readonly assetId: AssetId;
  readonly title: string;
  readonly detail: string;
  readonly evidence: readonly Evidence[];
  /** e.g. `nist-ai-rmf:MAP-1.1`, `owasp-llm:LLM06`, `mitre-atlas:AML.T0010`. */
  readonly frameworks: readonly string[];
  readonly firstSeen: string;
  readonly status: FindingStatus;
}
