/**
 * `--fail-on SEVERITY`: the exit code a CI job keys on. Only findings someone still has to act on
 * count: `new` and `open`. Suppressed findings are accepted risk and resolved ones are gone.
 */
import type { Finding, Severity } from '../model/index.ts';
import { parseSeverity, severityRank } from './severity.ts';

/** A `--fail-on` value: a severity, or `none` (never fail). */
export type FailOnThreshold = Severity | 'none';

/** Parses `--fail-on`; throws ConfigError for anything but a severity or `none`. */
export function parseFailOn(value: string): FailOnThreshold {
  return parseSeverity(value, '--fail-on', true);
}

/** True when the finding is still to be acted on (new or open). */
export function isActionable(finding: Finding): boolean {
  return finding.status === 'new' || finding.status === 'open';
}

/** 1 when an actionable finding is at or above `threshold`, else 0 (always 0 for `none`). */
export function failOnExit(findings: readonly Finding[], threshold: FailOnThreshold | undefined): 0 | 1 {
  if (threshold === undefined || threshold === 'none') return 0;
  const min = severityRank(threshold);
  return findings.some((f) => isActionable(f) && severityRank(f.severity) >= min) ? 1 : 0;
}
