/**
 * Renders an `InventoryDiff` (graph/diff.ts): a terminal report with one line per added, removed
 * or changed item, and stable JSON for machines.
 */
import type { Changed, FieldChange, InventoryDiff } from '../../graph/diff.ts';
import type { Asset, Evidence, Finding, Relationship } from '../model/index.ts';
import { columns, createStyle, type Style } from './style.ts';
import { formatLocation } from './table.ts';

/** Options of `renderDiffTable`. */
export interface DiffTableOptions {
  readonly color: boolean;
  /** Changed fields spelled out per line before "+N more". Default 3. */
  readonly maxFields?: number;
}

/** Totals over assets, relationships and findings (findings: new = added, resolved = removed). */
export function diffTotals(diff: InventoryDiff): { added: number; removed: number; changed: number } {
  const { assets, relationships, findings } = diff.counts;
  return {
    added: assets.added + relationships.added + findings.added,
    removed: assets.removed + relationships.removed + findings.removed,
    changed: assets.changed + relationships.changed + findings.changed,
  };
}

type Line = readonly [kind: string, name: string, where: string, detail: string];

const where = (evidence: readonly Evidence[]): string => (evidence[0] === undefined ? '' : formatLocation(evidence[0]));

function assetLine(a: Asset): Line {
  return [a.kind, a.name, where(a.evidence), ''];
}

function relationshipLine(r: Relationship, names: Readonly<Record<string, string>>): Line {
  return [r.type, `${names[r.from] ?? r.from} → ${names[r.to] ?? r.to}`, where(r.evidence), ''];
}

function findingLine(f: Finding, names: Readonly<Record<string, string>>): Line {
  return [`finding (${f.severity})`, `${f.policyId}: ${names[f.assetId] ?? f.assetId}`, where(f.evidence), ''];
}

/** A value as short JSON; `(none)` when absent. */
function shown(value: FieldChange['before']): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function fieldSummary(changes: readonly FieldChange[], max: number): string {
  const listed = changes.slice(0, max).map((c) => (c.field === 'evidence' ? 'evidence' : `${c.field}: ${shown(c.before)} → ${shown(c.after)}`));
  if (changes.length > max) listed.push(`+${changes.length - max} more`);
  return listed.join('; ');
}

function withFields<T>(changed: readonly Changed<T>[], line: (item: T) => Line, max: number): Line[] {
  return changed.map((c) => {
    const [kind, name, at] = line(c.after);
    return [kind, name, at, fieldSummary(c.changes, max)];
  });
}

function section(title: string, mark: string, lines: readonly Line[], paint: (s: string) => string, style: Style): string[] {
  if (lines.length === 0) return [];
  const rows = lines.map(([kind, name, at, detail]) => [`  ${paint(mark)} ${kind}`, name, style.dim(at), detail]);
  return [style.bold(`${title} (${lines.length})`), ...columns(rows), ''];
}

/**
 * The diff as a terminal report: a header naming both scans, sections Added, Removed and Changed
 * (kind, name, first evidence location, changed fields), then `+N −M ~K`. "No changes" when empty.
 */
export function renderDiffTable(diff: InventoryDiff, options: DiffTableOptions): string {
  const style = createStyle(options.color);
  const max = options.maxFields ?? 3;
  const names = diff.assetNames;
  const header = `aimap diff: ${diff.from.id} (${shortTime(diff.from.startedAt)}) → ${diff.to.id} (${shortTime(diff.to.startedAt)})`;
  const totals = diffTotals(diff);
  if (totals.added + totals.removed + totals.changed === 0) return `${header}\n\nNo changes.\n`;
  const added: Line[] = [...diff.assets.added.map(assetLine), ...diff.relationships.added.map((r) => relationshipLine(r, names)), ...diff.findings.new.map((f) => findingLine(f, names))];
  const removed: Line[] = [...diff.assets.removed.map(assetLine), ...diff.relationships.removed.map((r) => relationshipLine(r, names)), ...diff.findings.resolved.map((f) => findingLine(f, names))];
  const changed: Line[] = [
    ...withFields(diff.assets.changed, assetLine, max),
    ...withFields(diff.relationships.changed, (r) => relationshipLine(r, names), max),
    ...withFields(diff.findings.changed, (f) => findingLine(f, names), max),
  ];
  const { assets, relationships, findings } = diff.counts;
  const per = (label: string, c: { added: number; removed: number; changed: number }): string => `${label} +${c.added} −${c.removed} ~${c.changed}`;
  return [
    header,
    '',
    ...section('Added', '+', added, style.cyan, style),
    ...section('Removed', '−', removed, style.red, style),
    ...section('Changed', '~', changed, style.yellow, style),
    `${style.bold(`+${totals.added} −${totals.removed} ~${totals.changed}`)}  ${style.dim(`(${per('assets', assets)} · ${per('relationships', relationships)} · ${per('findings', findings)})`)}`,
    '',
  ].join('\n');
}

function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/**
 * The diff as JSON, 2-space indented with a trailing newline; key order fixed: `from`, `to`,
 * `totals`, `counts`, `assets`, `relationships`, `findings`, `assetNames`.
 */
export function renderDiffJson(diff: InventoryDiff): string {
  const { from, to, counts, assets, relationships, findings, assetNames } = diff;
  return `${JSON.stringify({ from, to, totals: diffTotals(diff), counts, assets, relationships, findings, assetNames }, null, 2)}\n`;
}
