/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, any SARIF viewer): one run, one rule per
 * registered policy, one result per finding that still matters (new, open, or suppressed with its
 * justification). Resolved findings are left out: a SARIF consumer closes an alert when its result
 * stops appearing, which is exactly what resolved means. Output is deterministic.
 */
import { activeSuppressionFor, suppressionMatcher, type Suppression } from '../findings/suppressions.ts';
import { compareFindings } from '../findings/severity.ts';
import type { Asset, Evidence, Finding, Inventory, Severity } from '../model/index.ts';
import { POLICIES } from '../policies/api.ts';
import type { Policy } from '../policies/types.ts';

/** The schema every SARIF 2.1.0 log names (the OASIS errata 01 final schema). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** What a rule is built from: a registered policy, plus an optional documentation link. */
export type SarifRuleSource = Pick<Policy, 'id' | 'severity' | 'title' | 'rationale' | 'remediation' | 'frameworks'> & { readonly helpUri?: string };

export interface SarifOptions {
  /** The policies that become rules; default: every registered policy. */
  readonly policies?: readonly SarifRuleSource[];
  /** The suppressions in force, to give suppressed results their justification. */
  readonly suppressions?: readonly Suppression[];
  /** The clock the suppressions were judged at (which entry applied); default: any matching entry. */
  readonly now?: string;
}

type Level = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

/** critical/high → error, medium → warning, low/info → note. */
export function sarifLevel(severity: Severity): Level {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

/** GitHub's `security-severity` score (0-10, as a string); GitHub buckets ≥9 critical, ≥7 high, ≥4 medium. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

/** `unowned-ai-asset` → `UnownedAiAsset` (SARIF rule names are identifier-like). */
function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF messages are sentences. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function ruleOf(source: SarifRuleSource): Json {
  const frameworks = [...source.frameworks].sort();
  const listed = frameworks.length === 0 ? '' : `\n\nFrameworks: ${frameworks.join(', ')}`;
  const listedMd = frameworks.length === 0 ? '' : `\n\n**Frameworks**\n\n${frameworks.map((f) => `- \`${f}\``).join('\n')}`;
  return {
    id: source.id,
    name: pascal(source.id),
    shortDescription: { text: sentence(source.title) },
    fullDescription: { text: sentence(source.rationale) },
    help: { text: `${sentence(source.remediation)}${listed}`, markdown: `**Remediation**\n\n${sentence(source.remediation)}${listedMd}` },
    ...(source.helpUri === undefined ? {} : { helpUri: source.helpUri }),
    defaultConfiguration: { level: sarifLevel(source.severity) },
    properties: { tags: ['security', ...frameworks], 'security-severity': SECURITY_SEVERITY[source.severity] },
  };
}

/** A stand-in for a policy this build does not know (a finding read back from an older store, say). */
function genericSource(policyId: string, sample: Finding): SarifRuleSource {
  return {
    id: policyId,
    severity: sample.severity,
    title: sample.title,
    rationale: `Reported by the aimap policy ${policyId}, which this version of aimap does not describe`,
    remediation: 'See the finding detail for what was found and where',
    frameworks: [...new Set(sample.frameworks)],
  };
}

/** Rules sorted by id: the registered policies plus a generic rule per unknown policy id in `findings`. */
function rulesFor(findings: readonly Finding[], policies: readonly SarifRuleSource[]): SarifRuleSource[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  for (const f of findings) if (!byId.has(f.policyId)) byId.set(f.policyId, genericSource(f.policyId, f));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Paths that name a file in the scanned tree (not `~/.cursor/mcp.json`, an absolute path, or `.`). */
function isTreePath(path: string | undefined): path is string {
  if (path === undefined || path === '' || path === '.') return false;
  return !/^(?:[~%/\\]|[A-Za-z]:|\.\.(?:\/|$))/.test(path);
}

/** `a b/c#d.py` → `a%20b/c%23d.py`: a relative URI reference, one encoded segment at a time. */
function encodePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => encodeURIComponent(s).replace(/%40/g, '@'))
    .join('/');
}

/**
 * The folder each asset's evidence paths are relative to, as seen from the repository root:
 * the sub-folder of a git scope (`github.com/o/r//services/api` → `services/api`), or for a folder
 * outside git the target as typed when it is a relative path inside the current folder.
 */
function rootPrefixes(inventory: Inventory): Map<string, string> {
  const typed = new Map(inventory.scan.targets.map((t) => [t.scope, t.target]));
  const prefixOf = new Map<string, string>();
  for (const repo of inventory.assets) {
    if (repo.kind !== 'repository') continue;
    const target = typed.get(repo.name)?.replace(/\\/g, '/');
    const prefix = repo.attributes['vcs'] === 'git' ? (repo.name.split('//')[1] ?? '') : target !== undefined && isTreePath(target) ? target : '';
    prefixOf.set(repo.id, encodePath(prefix));
  }
  // A finding on the repository itself (unowned-ai-asset's per-repository summary) cites paths inside it too.
  const out = new Map<string, string>(prefixOf);
  for (const r of inventory.relationships) {
    const prefix = r.type === 'RESOURCE' ? prefixOf.get(r.from) : undefined;
    if (prefix !== undefined && !out.has(r.to)) out.set(r.to, prefix);
  }
  return out;
}

function physical(e: Evidence & { path: string }, prefix: string): Json {
  const file = encodePath(e.path.replace(/\\/g, '/'));
  const uri = prefix === '' ? file : `${prefix}/${file}`;
  // A notebook line counts from the start of its cell, not of the file: no region then.
  const region = e.line !== undefined && e.cell === undefined ? { region: { startLine: e.line } } : {};
  return {
    physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...region },
    ...(e.cell === undefined ? {} : { properties: { cell: e.cell } }),
  };
}

function locationOf(finding: Finding, asset: Asset | undefined, prefix: string): Json {
  const withPath = (list: readonly Evidence[]): (Evidence & { path: string }) | undefined =>
    list.find((e): e is Evidence & { path: string } => isTreePath(e.path));
  const e = withPath(finding.evidence) ?? withPath(asset?.evidence ?? []);
  if (e !== undefined) return physical(e, prefix);
  const logical = asset === undefined
    ? { name: finding.assetId, kind: 'resource' }
    : { name: asset.name, ...(asset.nativeId === undefined ? {} : { fullyQualifiedName: asset.nativeId }), kind: 'resource', properties: { assetKind: asset.kind } };
  return { logicalLocations: [logical] };
}

function messageOf(finding: Finding): string {
  return finding.detail.trim() === '' ? sentence(finding.title) : `${sentence(finding.title)} ${sentence(finding.detail)}`;
}

function justification(s: Suppression | undefined): string {
  if (s === undefined) return 'Suppressed in aimap.suppressions.yaml';
  return `${sentence(s.reason)} Owner: ${s.owner}. Expires: ${s.expires}.`;
}

interface ResultContext {
  readonly ruleIndex: ReadonlyMap<string, number>;
  readonly assets: ReadonlyMap<string, Asset>;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly suppressionOf: (f: Finding) => Suppression | undefined;
}

function resultOf(finding: Finding, ctx: ResultContext): Json {
  const asset = ctx.assets.get(finding.assetId);
  const suppressed = finding.status === 'suppressed';
  return {
    ruleId: finding.policyId,
    ruleIndex: ctx.ruleIndex.get(finding.policyId),
    level: sarifLevel(finding.severity),
    message: { text: messageOf(finding) },
    locations: [locationOf(finding, asset, ctx.prefixes.get(finding.assetId) ?? '')],
    partialFingerprints: { 'aimapFindingId/v1': finding.id },
    ...(suppressed ? { suppressions: [{ kind: 'external', justification: justification(ctx.suppressionOf(finding)) }] } : {}),
    properties: {
      severity: finding.severity,
      frameworks: [...finding.frameworks].sort(),
      assetId: finding.assetId,
      status: finding.status,
      firstSeen: finding.firstSeen,
    },
  };
}

/** The SARIF log object (see `renderSarif`). */
export function buildSarif(inventory: Inventory, options: SarifOptions = {}): Json {
  const findings = inventory.findings.filter((f) => f.status !== 'resolved').sort(compareFindings);
  const rules = rulesFor(findings, options.policies ?? POLICIES);
  const matches = suppressionMatcher(inventory.assets);
  const suppressions = options.suppressions ?? [];
  const ctx: ResultContext = {
    ruleIndex: new Map(rules.map((r, i) => [r.id, i])),
    assets: new Map(inventory.assets.map((a) => [a.id, a])),
    prefixes: rootPrefixes(inventory),
    suppressionOf: (f) =>
      options.now === undefined ? suppressions.find((s) => matches(s, f)) : activeSuppressionFor(f, suppressions, matches, options.now),
  };
  const { tool } = inventory;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, rules: rules.map(ruleOf) },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the scanned repository (the folder aimap scanned when it is not in git).' } } },
        results: findings.map((f) => resultOf(f, ctx)),
        properties: { scanId: inventory.scan.id, startedAt: inventory.scan.startedAt },
      },
    ],
  };
}

/** The inventory's findings as a SARIF 2.1.0 log: 2-space indented JSON with a trailing newline. */
export function renderSarif(inventory: Inventory, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(inventory, options), null, 2)}\n`;
}
