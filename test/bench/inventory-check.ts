/**
 * Compares what aimap reported with what the generator planted: assets per kind, and which
 * planted AI files carry evidence (recall) or which evidenced files were not planted (extras).
 */
import type { TreeManifest } from './generate.ts';

/** The parts of the inventory JSON the bench reads. */
interface InventoryJson {
  readonly scan: { readonly stats?: Record<string, number> };
  readonly assets: ReadonlyArray<{ kind: string; name: string; attributes?: Record<string, unknown>; evidence: ReadonlyArray<{ path?: string }> }>;
  readonly diagnostics: ReadonlyArray<{ code: string; level: string }>;
}

/** The comparison, ready to print. */
export interface InventoryCheck {
  readonly assets: number;
  readonly byKind: Record<string, { found: number; planted: number }>;
  readonly stats: Record<string, number>;
  readonly diagnostics: Record<string, number>;
  readonly plantedFiles: number;
  readonly evidencedFiles: number;
  readonly plantedFound: number;
  /** Evidenced files the generator did not plant (traps that fired, or plants it did not record). */
  readonly extras: readonly string[];
  /** Planted files with no evidence (sample). */
  readonly missed: readonly string[];
}

/** Parses aimap's JSON output and compares it with the tree's manifest. */
export function checkInventory(json: string, manifest: TreeManifest): InventoryCheck {
  const inv = JSON.parse(json) as InventoryJson;
  const assets = inv.assets.filter((a) => a.kind !== 'repository');
  const byKind: Record<string, { found: number; planted: number }> = {};
  for (const [kind, keys] of Object.entries(manifest.expected)) byKind[kind] = { found: 0, planted: keys.length };
  for (const a of assets) (byKind[a.kind] ??= { found: 0, planted: 0 }).found++;
  const evidenced = new Set(assets.flatMap((a) => a.evidence.map((e) => e.path).filter((p): p is string => p !== undefined)));
  const planted = new Set(manifest.aiFiles.map((f) => f.path));
  const diagnostics: Record<string, number> = {};
  for (const d of inv.diagnostics) diagnostics[`${d.level}:${d.code}`] = (diagnostics[`${d.level}:${d.code}`] ?? 0) + 1;
  return {
    assets: assets.length,
    byKind,
    stats: inv.scan.stats ?? {},
    diagnostics,
    plantedFiles: planted.size,
    evidencedFiles: evidenced.size,
    plantedFound: [...planted].filter((p) => evidenced.has(p)).length,
    extras: [...evidenced].filter((p) => !planted.has(p)).sort(),
    missed: [...planted].filter((p) => !evidenced.has(p)).sort(),
  };
}
