/**
 * Turns parsed manifest entries into `sdk` assets: only catalog packages count, and every entry of
 * one package in one file folds into one asset (scopes and versions unioned, one evidence per line).
 */
import { findAiPackage, normalizePackageName, packageProvider, sdkKey, type AiPackage } from '../shared/ai-packages.ts';
import { evidenceAt, lineText, type ResultBuilder } from '../shared/build.ts';
import { redactSnippet } from '../../model/index.ts';
import type { SourceFile } from '../types.ts';
import type { ManifestEntry } from './types.ts';

interface Group {
  readonly pkg: AiPackage;
  readonly entries: ManifestEntry[];
}

/** Adds one `sdk` asset per catalog package declared in the entries; other packages are ignored. */
export function emitSdkAssets(file: SourceFile, detector: string, entries: readonly ManifestEntry[], out: ResultBuilder): void {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const pkg = findAiPackage(entry.ecosystem, entry.name);
    if (pkg === undefined) continue;
    const key = sdkKey(entry.ecosystem, entry.name);
    const group = groups.get(key) ?? { pkg, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  for (const key of [...groups.keys()].sort()) {
    const { pkg, entries: found } = groups.get(key) as Group;
    const first = found[0] as ManifestEntry;
    // PyPI names are published (and compared) in their PEP 503 form; others keep the first spelling.
    const name = first.ecosystem === 'pypi' ? normalizePackageName('pypi', first.name) : first.name.trim();
    // Direct-URL specs (`git+https://oauth2:ghp_...@github.com/...`) can carry credentials: redact like snippets.
    const versions = uniqueStrings(found.map((e) => (e.version === undefined ? undefined : redactSnippet(e.version))));
    const lines = [...new Set(found.flatMap((e) => (e.line === undefined ? [] : [e.line])))].sort((a, b) => a - b);
    const evidence = (lines.length > 0 ? lines : [undefined]).map((line) =>
      evidenceAt(file, detector, 'manifest', 'declared', line, line === undefined ? undefined : lineText(file.content, line)),
    );
    const provider = packageProvider(pkg, name);
    out.asset(file, {
      kind: 'sdk',
      key,
      name,
      ...(provider === undefined ? {} : { provider }),
      attributes: {
        ecosystem: first.ecosystem,
        category: pkg.category,
        declared: true,
        ...(versions.length === 0 ? {} : { versions }),
        scopes: uniqueStrings(found.map((e) => e.scope)),
      },
      evidence,
    });
  }
}

/** Sorted distinct non-empty strings (code-unit order, like the merge step). */
function uniqueStrings(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort();
}
