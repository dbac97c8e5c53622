/**
 * AI package imports → `sdk` assets (`npm:<package>`). `declared` is false here: the pipeline sets it
 * when a manifest lists the package, so an import without a manifest entry stays visible as such.
 */
import { packageProvider, sdkKey } from '../shared/ai-packages.ts';
import type { Accumulator, Context } from './context.ts';
import type { AiImport } from './imports.ts';

/** Records one `sdk` sighting per AI import. */
export function detectSdks(imports: readonly AiImport[], found: Accumulator, evidence: Context['evidence']): void {
  for (const imp of imports) {
    const subpaths = imp.specifier === imp.packageName ? [] : [imp.specifier];
    const provider = packageProvider(imp.pkg, imp.packageName);
    found.add({
      kind: 'sdk',
      key: sdkKey('npm', imp.packageName),
      name: imp.packageName,
      ...(provider === undefined ? {} : { provider }),
      attributes: { ecosystem: 'npm', category: imp.pkg.category, declared: false, ...(subpaths.length > 0 ? { subpaths } : {}) },
      evidence: evidence(imp.line, 'import', 'declared'),
    });
  }
}
