/**
 * `aimap findings`: the findings of a recorded scan with their lifecycle (new, open, resolved since
 * the previous scan of the same targets, suppressed), as a table, JSON or SARIF, and `--fail-on`
 * for CI. Also the helpers `aimap scan` uses for `--fail-on`, suppressions and `--format sarif`.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { GraphStore } from '../../graph/store.ts';
import { ConfigError, loadConfigFile } from '../config/index.ts';
import { failOnExit, parseFailOn, type FailOnThreshold } from '../findings/fail-on.ts';
import { applySuppressions, trackLifecycle } from '../findings/lifecycle.ts';
import { previousScan } from '../findings/previous.ts';
import { compareFindings, parseSeverity, severityRank } from '../findings/severity.ts';
import {
  activeSuppressionFor,
  loadSuppressionsFor,
  reviewSuppressions,
  suppressionMatcher,
  suppressionMessages,
  type Suppression,
  type SuppressionReview,
} from '../findings/suppressions.ts';
import { FINDING_STATUSES, type Finding, type FindingStatus, type Inventory } from '../model/index.ts';
import { renderFindingsTable } from '../output/findings-table.ts';
import { renderSarif } from '../output/sarif.ts';
import { POLICIES } from '../policies/api.ts';
import { writeFileAtomic, type CommandIo } from './io.ts';
import { openStore } from './store.ts';

export const FINDINGS_FORMATS = ['table', 'json', 'sarif'] as const;

export interface FindingsFlags {
  readonly format: string;
  readonly output?: string;
  readonly store?: string;
  readonly config?: string;
  /** Scan id; default the newest recorded scan. */
  readonly scan?: string;
  readonly failOn?: string;
  /** Minimum severity shown. */
  readonly severity?: string;
  /** Policy ids to show (repeatable, or comma-separated). */
  readonly policy?: readonly string[];
  /** Statuses to show, comma-separated. */
  readonly status?: string;
  readonly suppressions?: string;
}

/** The findings of one recorded scan, judged against the previous scan and the suppressions. */
export interface FindingsView {
  /** The scan, its `findings` replaced by the lifecycle-applied ones (sorted, severity first). */
  readonly inventory: Inventory;
  /** Id of the scan it was compared with, if any. */
  readonly previousScanId?: string;
  readonly suppressions: readonly Suppression[];
  readonly review: SuppressionReview;
}

/**
 * Recomputes the lifecycle of `inventory`'s findings against `previous`: firstSeen and new/open
 * follow the scan's own start time, suppressions are judged at `now` (today, for a stored scan).
 */
export function findingsView(inventory: Inventory, previous: Inventory | undefined, suppressions: readonly Suppression[], now: string): FindingsView {
  const tracked = trackLifecycle(previous?.findings, inventory.findings, inventory.scan.startedAt);
  const findings = applySuppressions(tracked, suppressions, inventory.assets, now);
  return {
    inventory: { ...inventory, findings },
    ...(previous === undefined ? {} : { previousScanId: previous.scan.id }),
    suppressions,
    review: reviewSuppressions(findings, suppressions, inventory.assets, now),
  };
}

/** What `aimap scan` needs before scanning: flags checked early, so a typo fails before a long scan. */
export interface ScanFindingsSetup {
  readonly threshold?: FailOnThreshold;
  readonly suppressions: readonly Suppression[];
}

/** Parses `--fail-on` and loads the suppressions (`--suppressions` or the default file). Throws ConfigError. */
export function prepareScanFindings(flags: { readonly failOn?: string; readonly suppressions?: string }, cwd: string): ScanFindingsSetup {
  const threshold = flags.failOn === undefined ? undefined : parseFailOn(flags.failOn);
  return { ...(threshold === undefined ? {} : { threshold }), suppressions: loadSuppressionsFor(cwd, flags.suppressions) };
}

/** The outcome of findings for `aimap scan`. */
export interface ScanFindingsOutcome {
  /** The inventory to store and render, findings with their lifecycle status. */
  readonly inventory: Inventory;
  /** 1 when `--fail-on` is met, else 0. */
  readonly exitCode: 0 | 1;
  /** Lines for stderr: expired suppressions (warning) and unused ones (note). */
  readonly messages: readonly string[];
  /** `--format sarif` output for this inventory. */
  renderSarif(): string;
}

/**
 * For `aimap scan`, after policies and before the store write: applies the lifecycle against
 * `previous` (use `previousScan(store, inventory)` before writing), the suppressions, and
 * `--fail-on`. New findings get the scan's start time as firstSeen; `now` is the instant
 * suppressions are judged at (pass the scan's start time too, so output stays deterministic).
 */
export function finishScanFindings(inventory: Inventory, previous: Inventory | undefined, setup: ScanFindingsSetup, now: string): ScanFindingsOutcome {
  const view = findingsView(inventory, previous, setup.suppressions, now);
  return {
    inventory: view.inventory,
    exitCode: failOnExit(view.inventory.findings, setup.threshold),
    messages: suppressionMessages(view.review),
    renderSarif: () => renderSarif(view.inventory, { suppressions: setup.suppressions, now }),
  };
}

const list = (values: readonly string[] | string | undefined): string[] =>
  (typeof values === 'string' ? [values] : (values ?? [])).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** The findings to show, after --severity, --policy and --status. */
function filterFindings(findings: readonly Finding[], flags: FindingsFlags): Finding[] {
  const min = flags.severity === undefined ? 0 : severityRank(parseSeverity(flags.severity, '--severity') as Finding['severity']);
  const policies = list(flags.policy);
  const known = new Set([...POLICIES.map((p) => p.id), ...findings.map((f) => f.policyId)]);
  const unknown = policies.filter((p) => !known.has(p));
  if (unknown.length > 0) throw new ConfigError(`unknown --policy ${unknown.join(', ')}; known: ${[...known].sort().join(', ') || '(none)'}`);
  const statuses = list(flags.status);
  const bad = statuses.filter((s) => !(FINDING_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0) throw new ConfigError(`unknown --status ${bad.join(', ')}; use: ${FINDING_STATUSES.join(', ')}`);
  return findings
    .filter((f) => severityRank(f.severity) >= min)
    .filter((f) => policies.length === 0 || policies.includes(f.policyId))
    .filter((f) => statuses.length === 0 || statuses.includes(f.status as FindingStatus))
    .sort(compareFindings);
}

function readScan(store: GraphStore, scanId: string | undefined): Inventory {
  const inventory = store.inventory(scanId);
  if (inventory !== undefined) return inventory;
  throw new ConfigError(scanId === undefined ? 'no scans recorded yet; run aimap scan first' : `no scan ${scanId} in the store (aimap scans lists them)`);
}

function renderJsonReport(view: FindingsView, shown: readonly Finding[]): string {
  const count = (s: FindingStatus): number => shown.filter((f) => f.status === s).length;
  const report = {
    scan: { id: view.inventory.scan.id, startedAt: view.inventory.scan.startedAt },
    previousScan: view.previousScanId ?? null,
    counts: Object.fromEntries(FINDING_STATUSES.map((s) => [s, count(s)])),
    findings: shown,
    suppressions: { expired: view.review.expired.map((e) => ({ ...e.suppression, findings: e.findings })), unused: view.review.unused },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function render(view: FindingsView, shown: readonly Finding[], flags: FindingsFlags, io: CommandIo, now: string): string {
  if (flags.format === 'json') return renderJsonReport(view, shown);
  if (flags.format === 'sarif') return renderSarif({ ...view.inventory, findings: shown }, { suppressions: view.suppressions, now });
  const matches = suppressionMatcher(view.inventory.assets);
  const notes = [`started ${view.inventory.scan.startedAt}${view.previousScanId === undefined ? ', no earlier scan of these targets' : `, compared with scan ${view.previousScanId}`}`];
  return renderFindingsTable(view.inventory, shown, {
    color: flags.output === undefined && io.stdout.isTTY === true && !io.noColor,
    suppressionOf: (f) => activeSuppressionFor(f, view.suppressions, matches, now),
    notes,
  });
}

/** Runs `aimap findings`; returns the exit code (0, or 1 when --fail-on is met). */
export function findingsCommand(flags: FindingsFlags, io: CommandIo, now: string): number {
  if (!(FINDINGS_FORMATS as readonly string[]).includes(flags.format)) throw new ConfigError(`unknown --format ${flags.format}; use one of: ${FINDINGS_FORMATS.join(', ')}`);
  const threshold = flags.failOn === undefined ? undefined : parseFailOn(flags.failOn);
  const { config } = loadConfigFile(io.cwd, flags.config);
  const suppressions = loadSuppressionsFor(io.cwd, flags.suppressions);
  // create: false: reading findings never leaves an empty store behind.
  const store = openStore(flags.store, config.store, io.cwd, false);
  if (store === undefined) throw new ConfigError('aimap findings reads a recorded scan; it needs a store');
  try {
    const inventory = readScan(store, flags.scan);
    const view = findingsView(inventory, previousScan(store, inventory), suppressions, now);
    const shown = filterFindings(view.inventory.findings, flags);
    const text = render(view, shown, flags, io, now);
    if (flags.output === undefined) io.stdout.write(text);
    else writeFileAtomic(resolve(io.cwd, flags.output), text);
    for (const line of suppressionMessages(view.review)) io.stderr.write(`aimap: ${line}\n`);
    return failOnExit(shown, threshold);
  } finally {
    store.close();
  }
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds `aimap findings` to the program; `clock` gives the time suppressions are judged at. */
export function registerFindingsCommand(program: Command, io: CommandIo, setExit: (code: number) => void, clock: () => string = () => new Date().toISOString()): void {
  program
    .command('findings')
    .description('show the findings of a recorded scan: new, open, resolved since the previous scan, and suppressed')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FINDINGS_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--scan <id>', 'scan to read (default: the newest; aimap scans lists them)')
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('-c, --config <file>', 'config file')
    .option('--fail-on <severity>', 'exit 1 when a new or open finding is at or above: info, low, medium, high, critical, none')
    .option('--severity <severity>', 'show findings at or above this severity')
    .option('--policy <id>', 'show only this policy (repeatable, or comma-separated)', collect)
    .option('--status <statuses>', 'show only these statuses (comma-separated: new, open, resolved, suppressed)')
    .option('--suppressions <file>', `suppressions file (default: aimap.suppressions.yaml in the current folder, if present)`)
    .addHelpText('after', '\nExamples:\n  aimap findings\n  aimap findings --format sarif --output aimap.sarif\n  aimap findings --severity high --fail-on high\n\nExit codes: 0 ok · 1 a new/open finding at or above --fail-on · 2 usage, config or store error')
    .action((opts: FindingsFlags) => setExit(findingsCommand(opts, io, clock())));
}
