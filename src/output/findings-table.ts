/**
 * Human-readable findings report: a count line by severity, the findings to act on (new and
 * open), then short sections for suppressed (with reason, owner, expiry) and resolved ones.
 */
import type { Suppression } from '../findings/suppressions.ts';
import { SEVERITIES, type Asset, type Finding, type Inventory, type Severity } from '../model/index.ts';
import { columns, createStyle, type Style } from './style.ts';
import { formatLocation } from './table.ts';

export interface FindingsTableOptions {
  readonly color: boolean;
  /** The suppression that applies to a suppressed finding, to show its reason. */
  readonly suppressionOf?: (finding: Finding) => Suppression | undefined;
  /** Extra dim lines under the header (filters in force, the scan compared with). */
  readonly notes?: readonly string[];
}

function paintSeverity(severity: Severity, style: Style): string {
  if (severity === 'critical') return style.bold(style.red(severity));
  if (severity === 'high') return style.red(severity);
  if (severity === 'medium') return style.yellow(severity);
  return style.dim(severity);
}

function assetLabel(assetId: string, assets: ReadonlyMap<string, Asset>): string {
  const asset = assets.get(assetId);
  return asset === undefined ? assetId : `${asset.name} (${asset.kind})`;
}

/** Where to look: the finding's first evidence, else the asset's, else its nativeId. */
function locationOf(finding: Finding, assets: ReadonlyMap<string, Asset>): string {
  const asset = assets.get(finding.assetId);
  const e = finding.evidence.find((x) => x.path !== undefined || x.url !== undefined) ?? asset?.evidence.find((x) => x.path !== undefined && x.path !== '.');
  if (e !== undefined) return formatLocation(e);
  return asset?.nativeId ?? '';
}

/** `2 critical · 1 high · 0 medium · 0 low · 3 info`, counting the given findings. */
export function severityCounts(findings: readonly Finding[]): string {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return [...SEVERITIES].reverse().map((s) => `${count(s)} ${s}`).join(' · ');
}

function mainRows(findings: readonly Finding[], assets: ReadonlyMap<string, Asset>, style: Style): string[] {
  const header = ['  SEVERITY', 'POLICY', 'ASSET', 'LOCATION', 'STATUS'].map((h) => style.bold(h));
  const rows = findings.map((f) => [
    `  ${paintSeverity(f.severity, style)}`,
    f.policyId,
    assetLabel(f.assetId, assets),
    locationOf(f, assets),
    f.status === 'new' ? style.cyan('new') : f.status,
  ]);
  return columns([header, ...rows]);
}

function suppressedRows(findings: readonly Finding[], assets: ReadonlyMap<string, Asset>, style: Style, of: FindingsTableOptions['suppressionOf']): string[] {
  return columns(
    findings.map((f) => {
      const s = of?.(f);
      const why = s === undefined ? '' : `${s.reason} (${s.owner}, expires ${s.expires})`;
      return [`  ${paintSeverity(f.severity, style)}`, f.policyId, assetLabel(f.assetId, assets), style.dim(why)];
    }),
  );
}

function resolvedRows(findings: readonly Finding[], assets: ReadonlyMap<string, Asset>, style: Style): string[] {
  return columns(findings.map((f) => [`  ${style.dim(f.severity)}`, f.policyId, assetLabel(f.assetId, assets), style.dim(`first seen ${f.firstSeen.slice(0, 10)}`)]));
}

/**
 * Renders `findings` (already filtered and sorted) of the scan `inventory` as text with a
 * trailing newline.
 */
export function renderFindingsTable(inventory: Inventory, findings: readonly Finding[], options: FindingsTableOptions): string {
  const style = createStyle(options.color);
  const assets = new Map(inventory.assets.map((a) => [a.id, a]));
  const active = findings.filter((f) => f.status === 'new' || f.status === 'open');
  const suppressed = findings.filter((f) => f.status === 'suppressed');
  const resolved = findings.filter((f) => f.status === 'resolved');
  const out: string[] = [style.bold(`aimap findings · scan ${inventory.scan.id}`)];
  for (const note of options.notes ?? []) out.push(style.dim(note));
  out.push('');
  if (findings.length === 0) return `${[...out, 'No findings.'].join('\n')}\n`;
  const newCount = active.filter((f) => f.status === 'new').length;
  out.push(`${style.bold('Open findings')}: ${severityCounts(active)} (${newCount} new)`);
  if (active.length > 0) out.push(...mainRows(active, assets, style));
  if (suppressed.length > 0) out.push('', style.bold(`Suppressed (${suppressed.length})`), ...suppressedRows(suppressed, assets, style, options.suppressionOf));
  if (resolved.length > 0) out.push('', style.bold(`Resolved since the previous scan (${resolved.length})`), ...resolvedRows(resolved, assets, style));
  return `${out.join('\n')}\n`;
}
