/**
 * Human-readable scan report: counts by kind, then each kind's assets with where they were seen
 * (file:line), then a diagnostics summary. Meant for a terminal; JSON is for machines.
 */
import { ASSET_KINDS, type Asset, type Evidence, type Inventory } from '../model/index.ts';
import { seenOnlyInTests } from '../model/test-paths.ts';
import { columns, createStyle, type Style } from './style.ts';

export interface TableOptions {
  readonly color: boolean;
  /** Diagnostics listed one by one before "and N more". */
  readonly maxDiagnostics?: number;
}

const KIND_TITLES: Record<string, string> = {
  sdk: 'AI SDKs', model: 'Models', 'vector-store': 'Vector stores', 'mcp-server': 'MCP servers', tool: 'Tools',
  repository: 'Repositories', system: 'Systems', endpoint: 'Endpoints', agent: 'Agents', 'model-server': 'Model servers',
  'model-file': 'Model files', 'data-source': 'Data sources', 'saas-app': 'SaaS apps', secret: 'Secrets',
  identity: 'Identities', owner: 'Owners', 'cloud-account': 'Cloud accounts',
};

/** `src/app.ts:12` or `notebook.ipynb[cell 3]:2`. */
export function formatLocation(e: Evidence): string {
  const where = e.path ?? e.url ?? '';
  const cell = e.cell === undefined ? '' : `[cell ${e.cell}]`;
  return e.line === undefined ? `${where}${cell}` : `${where}${cell}:${e.line}`;
}

/** Attributes worth a glance per kind, in order; arrays are joined, booleans shown by name when true. */
const SHOWN: Partial<Record<string, readonly string[]>> = {
  sdk: ['ecosystem', 'versions'],
  'mcp-server': ['role', 'clients', 'package', 'transport', 'url'],
  'model-server': ['workload', 'ports', 'exposed', 'gpu'],
  'model-file': ['format', 'riskLevel', 'dangerousGlobals'],
  secret: ['keyType', 'prefix', 'envNames'],
  endpoint: ['kind', 'region'],
  identity: ['roleName'],
  agent: ['kind', 'skills'],
  'vector-store': ['collections'],
};

function show(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return key;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.slice(0, 4).join(' ') + (value.length > 4 ? ' …' : '');
  return typeof value === 'object' ? undefined : String(value);
}

/** A system: how it was found, what it is made of, and whether it faces outside. */
function describeSystem(a: Asset['attributes']): string {
  // A declared system says what it is (`model-ui`, `agent-platform`); a derived one how it was grouped.
  const parts: string[] = [String(a['category'] ?? a['derivedFrom'] ?? 'workload')];
  const components = a['components'];
  if (components !== null && typeof components === 'object' && !Array.isArray(components)) {
    const total = Object.values(components).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
    parts.push(`${total} component${total === 1 ? '' : 's'}`);
  }
  if (a['externalFacing'] === true || a['exposed'] === true) parts.push('external-facing');
  if (typeof a['riskTier'] === 'string') parts.push(`${a['riskTier']} risk`);
  return parts.join(', ');
}

function describe(asset: Asset): string {
  const a = asset.attributes;
  if (asset.kind === 'system') return describeSystem(a);
  const bits = (SHOWN[asset.kind] ?? []).map((key) => show(key, a[key]));
  if (asset.kind === 'sdk' && a['declared'] === false) bits.splice(1, 0, 'undeclared');
  if (asset.provider) bits.push(asset.provider);
  return bits.filter((b): b is string => b !== undefined && b !== '').join(', ');
}

function assetRows(assets: readonly Asset[], style: Style, rootOf: ReadonlyMap<string, string>): string[] {
  const rows = assets.map((asset) => {
    const [first] = asset.evidence;
    const more = asset.evidence.length > 1 ? style.dim(` (+${asset.evidence.length - 1} more)`) : '';
    const root = rootOf.get(asset.id);
    const where = first ? `${root === undefined ? '' : `${root}: `}${formatLocation(first)}` : '';
    return [`  ${asset.name}`, style.dim(describe(asset)), `${where}${more}`];
  });
  return columns(rows);
}

/**
 * Kinds whose assets seen only in test files (`src/model/test-paths.ts`) fold into one line: stub
 * models, mocked servers and SDK imports of test suites. Keys stay listed (a key in a test is
 * still exposed), and so do systems, owners and identities.
 */
const FOLDED_KINDS: ReadonlySet<string> = new Set(['sdk', 'model', 'endpoint', 'mcp-server', 'tool', 'vector-store', 'data-source', 'model-server', 'model-file', 'agent', 'saas-app']);
/** Names shown on the folded line at most. */
const MAX_TEST_NAMES = 5;

function testNames(assets: readonly Asset[]): string {
  const names = assets.slice(0, MAX_TEST_NAMES).map((a) => a.name).join(', ');
  return assets.length > MAX_TEST_NAMES ? `${names}, … (all in --format json)` : names;
}

/** With several roots, which one each asset was found in (by the repository's RESOURCE edges). */
function rootsOf(inventory: Inventory): Map<string, string> {
  const repos = new Map(inventory.assets.filter((a) => a.kind === 'repository').map((a) => [a.id, a.name]));
  const out = new Map<string, string>();
  if (inventory.scan.targets.length < 2) return out;
  for (const r of inventory.relationships) {
    const repo = r.type === 'RESOURCE' ? repos.get(r.from) : undefined;
    if (repo !== undefined && !out.has(r.to)) out.set(r.to, repo);
  }
  return out;
}

/** Renders the report as text lines joined by newlines (with a trailing newline). */
export function renderTable(inventory: Inventory, options: TableOptions): string {
  const style = createStyle(options.color);
  const out: string[] = [];
  const { scan } = inventory;
  out.push(style.bold(`aimap scan ${scan.id}`), style.dim(`${scan.targets.map((t) => t.target).join(', ')} · ${scan.stats.filesSeen} files seen, ${scan.stats.filesRead} read`), '');
  const present = ASSET_KINDS.filter((k) => k !== 'repository' && (scan.counts[k] ?? 0) > 0);
  if (present.length === 0) out.push('No AI assets found.', '');
  else {
    const roots = rootsOf(inventory);
    out.push(style.bold('Assets by kind'));
    out.push(...columns(present.map((k) => [`  ${KIND_TITLES[k] ?? k}`, String(scan.counts[k])])), '');
    for (const kind of present) {
      const assets = inventory.assets.filter((a) => a.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
      const tested: Asset[] = [];
      const shown: Asset[] = [];
      for (const a of assets) (FOLDED_KINDS.has(kind) && seenOnlyInTests(a) ? tested : shown).push(a);
      out.push(style.bold(`${KIND_TITLES[kind] ?? kind} (${assets.length})`), ...assetRows(shown, style, roots));
      if (tested.length > 0) out.push(style.dim(`  + ${tested.length} seen only in tests: ${testNames(tested)}`));
      out.push('');
    }
  }
  out.push(...renderFindingsSummary(inventory, style, 10));
  out.push(...renderDiagnostics(inventory, style, options.maxDiagnostics ?? 10));
  return `${out.join('\n').trimEnd()}\n`;
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'] as const;

/** Counts by severity and the first findings to act on; `aimap findings` has the whole list. */
function renderFindingsSummary(inventory: Inventory, style: Style, max: number): string[] {
  const open = inventory.findings.filter((f) => f.status === 'new' || f.status === 'open');
  if (inventory.findings.length === 0) return [];
  const counts = SEVERITY_ORDER.map((s) => `${open.filter((f) => f.severity === s).length} ${s}`).join(' · ');
  const suppressed = inventory.findings.filter((f) => f.status === 'suppressed').length;
  const out = [style.bold(`Findings (${open.length} open${suppressed ? `, ${suppressed} suppressed` : ''})`), `  ${counts}`];
  const byId = new Map(inventory.assets.map((a) => [a.id, a]));
  const rank = (s: string): number => SEVERITY_ORDER.indexOf(s as (typeof SEVERITY_ORDER)[number]);
  const shown = [...open].sort((a, b) => rank(a.severity) - rank(b.severity) || (a.id < b.id ? -1 : 1)).slice(0, max);
  const rows = shown.map((f) => {
    const asset = byId.get(f.assetId);
    const where = f.evidence[0] ?? asset?.evidence[0];
    const severity = f.severity === 'critical' || f.severity === 'high' ? style.red(f.severity) : f.severity === 'medium' ? style.yellow(f.severity) : style.dim(f.severity);
    return [`  ${severity}`, f.policyId, asset === undefined ? f.assetId : `${asset.name} (${asset.kind})`, where ? formatLocation(where) : (asset?.nativeId ?? '')];
  });
  out.push(...columns(rows));
  if (open.length > max) out.push(style.dim(`  … and ${open.length - max} more: aimap findings`));
  out.push('');
  return out;
}

function renderDiagnostics(inventory: Inventory, style: Style, max: number): string[] {
  const list = inventory.diagnostics.filter((d) => d.level !== 'info');
  const infos = inventory.diagnostics.length - list.length;
  if (inventory.diagnostics.length === 0) return [];
  const out = [style.bold(`Diagnostics (${list.length} warnings/errors${infos ? `, ${infos} info` : ''})`)];
  const rows = list.slice(0, max).map((d) => {
    const level = d.level === 'error' ? style.red('error') : style.yellow('warn');
    const where = d.location?.path ? `${d.location.path}${d.location.line ? `:${d.location.line}` : ''}` : '';
    return [`  ${level}`, d.code, where, d.message];
  });
  out.push(...columns(rows));
  if (list.length > max) out.push(style.dim(`  … and ${list.length - max} more (see --format json)`));
  return out;
}
