/** Severity order and threshold parsing shared by the lifecycle, `--fail-on` and `--severity`. */
import { ConfigError } from '../config/load.ts';
import { SEVERITIES, type Finding, type Severity } from '../model/index.ts';

/** info < low < medium < high < critical, as 0..4. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Sort order of findings everywhere: severity descending, then id ascending. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = severityRank(b.severity) - severityRank(a.severity);
  if (bySeverity !== 0) return bySeverity;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Parses a severity given on the command line (case-insensitive). `none` is accepted only when
 * `allowNone` (for `--fail-on none`, which never fails). Unknown values are a ConfigError that
 * lists the accepted ones.
 */
export function parseSeverity(value: string, flag: string, allowNone = false): Severity | 'none' {
  const v = value.trim().toLowerCase();
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  if (allowNone && v === 'none') return 'none';
  const accepted = [...SEVERITIES, ...(allowNone ? ['none'] : [])].join(', ');
  throw new ConfigError(`unknown ${flag} ${value}; use one of: ${accepted}`);
}
