/**
 * Pure: wraps the detector results of one scan root into the repository asset it was found in,
 * with a `RESOURCE` edge to every asset found there (the scope later stale-cleanup works on), and
 * the project marker files of the root on it.
 */
import { evidenceAt, makeAsset, makeRelationship } from '../../src/detectors/shared/build.ts';
import type { Asset, DetectionResult, Relationship } from '../../src/model/index.ts';
import type { RepoScope } from './scope.ts';

/** Builds the repository asset for a root and links every found asset to it. */
export function normalizeRoot(scope: RepoScope, results: readonly DetectionResult[], projectFiles: readonly string[] = []): DetectionResult {
  const found = results.flatMap((r) => r.assets);
  const repository = makeAsset(
    { scope: scope.scope },
    {
      kind: 'repository',
      key: scope.scope,
      name: scope.scope,
      attributes: {
        ...(scope.remote === undefined ? { vcs: 'none' } : { vcs: 'git', remote: scope.remote }),
        // Manifests and build files: where the projects are, for deriving one system per project.
        ...(projectFiles.length === 0 ? {} : { projectFiles: [...projectFiles] }),
      },
      evidence: [{ ...evidenceAt({ path: '.' }, 'local', 'config', 'declared', undefined, undefined) }],
    },
  );
  const seen = new Set<string>();
  const edges: Relationship[] = [];
  for (const asset of found) {
    if (seen.has(asset.id)) continue;
    seen.add(asset.id);
    edges.push(makeRelationship('RESOURCE', repository, asset));
  }
  const assets: Asset[] = found.length === 0 ? [] : [repository];
  return {
    assets: [...assets, ...found],
    relationships: [...edges, ...results.flatMap((r) => r.relationships)],
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}
