/**
 * Classifies the globals a pickle imports against the catalog: critical (code execution or system
 * access), high (network), safe (plain tensor/weights reconstruction) or unknown (anything else,
 * which still runs whatever that callable does on load). Unresolved globals (`?`) count as critical:
 * a benign writer always pushes literal strings before STACK_GLOBAL, so indirection is an evasion
 * tell (picklescan treats "unknown" the same way).
 */
import { CRITICAL_GLOBALS, HIGH_GLOBALS, SAFE_GLOBALS, type GlobalRow, type RiskLevel } from './catalog.ts';

export interface GlobalVerdict {
  /** Every global, `module.name`, sorted. */
  readonly globals: string[];
  /** Critical and high globals, sorted. */
  readonly dangerous: string[];
  /** Globals neither known-safe nor dangerous, sorted. */
  readonly unknown: string[];
  /** `critical`/`high` from the dangerous globals, else `medium` (any pickle runs code on load). */
  readonly risk: RiskLevel;
}

/** True when a row covers `module.name`: the exact module with a listed name, or the module (or a submodule) for `*`. */
function matches(rows: readonly GlobalRow[], global: string): boolean {
  return rows.some((row) => {
    if (!global.startsWith(`${row.module}.`)) return false;
    const rest = global.slice(row.module.length + 1);
    return row.names === '*' || row.names.includes(rest);
  });
}

function isUnresolved(global: string): boolean {
  return global.startsWith('?.') || global.endsWith('.?');
}

/** Classifies a pickle's globals; `risk` is at least `medium` because loading any pickle runs code. */
export function classifyGlobals(globals: Iterable<string>): GlobalVerdict {
  const all = [...new Set(globals)].sort();
  const critical = all.filter((g) => isUnresolved(g) || matches(CRITICAL_GLOBALS, g));
  const high = all.filter((g) => !critical.includes(g) && matches(HIGH_GLOBALS, g));
  const unknown = all.filter((g) => !critical.includes(g) && !high.includes(g) && !matches(SAFE_GLOBALS, g));
  const risk: RiskLevel = critical.length > 0 ? 'critical' : high.length > 0 ? 'high' : 'medium';
  return { globals: all, dangerous: [...critical, ...high].sort(), unknown, risk };
}

const ORDER: readonly RiskLevel[] = ['none', 'medium', 'high', 'critical'];

/** The worse of two risk levels. */
export function worstRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
