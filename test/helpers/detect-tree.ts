/**
 * Test helper: runs one detector over every matching file of a fixture folder, the way the
 * local connector would (repo-relative POSIX paths, sorted), and concatenates the results.
 * It does not merge duplicate assets: tests that care use `byKind` / `names`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Asset, AssetKind, Diagnostic, Relationship } from '../../src/model/index.ts';
import { bytesOf, type Detector } from '../../src/detectors/types.ts';
import { folderSiblings, FolderMemo } from '../../connectors/local/detect-file.ts';

export interface TreeResult {
  assets: Asset[];
  relationships: Relationship[];
  diagnostics: Diagnostic[];
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function detectTree(root: string, detector: Detector, scope = 'fixture'): TreeResult {
  const isMatch = picomatch(detector.patterns as string[], { dot: true });
  const files: string[] = [];
  walk(root, files);
  const result: TreeResult = { assets: [], relationships: [], diagnostics: [] };
  // Sibling files as the local connector offers them (same helper, same per-folder memo).
  const memo = new FolderMemo();
  for (const full of files) {
    const path = relative(root, full).split(sep).join('/');
    if (!isMatch(path)) continue;
    const found = detector.binary
      ? detector.detect({ scope, path, content: '', bytes: bytesOf(readFileSync(full)) })
      : detector.detect({ scope, path, content: readFileSync(full, 'utf8'), siblings: folderSiblings({ path, absolute: full }, Number.MAX_SAFE_INTEGER, memo) });
    if (!found) continue;
    result.assets.push(...found.assets);
    result.relationships.push(...found.relationships);
    result.diagnostics.push(...found.diagnostics);
  }
  return result;
}

/** Sorted unique names of assets of one kind. */
export function names(assets: readonly Asset[], kind: AssetKind): string[] {
  return [...new Set(assets.filter((a) => a.kind === kind).map((a) => a.name))].sort();
}
