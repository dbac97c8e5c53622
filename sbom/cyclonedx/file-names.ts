/** File names for `aimap bom --all`: one per system, safe on every filesystem and unique. */
import type { SystemSummary } from './select.ts';
import type { CdxFormat } from './types.ts';

/** A system name as a file-name stem: letters, digits, `.`, `_`, `-`; never empty, never a dot file. */
export function sanitizeFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return stem === '' ? 'system' : stem;
}

/**
 * `<system>.cdx.json` / `.cdx.xml` per system id. Systems come sorted by name then id, so when two
 * names sanitize to the same stem (case-insensitively, for macOS and Windows) the later ones get
 * `-2`, `-3`, ... in a stable order.
 */
export function bomFileNames(systems: readonly SystemSummary[], format: CdxFormat): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const system of systems) {
    const stem = sanitizeFileStem(system.name);
    let candidate = stem;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}`;
    used.add(candidate.toLowerCase());
    names.set(system.id, `${candidate}.cdx.${format}`);
  }
  return names;
}
