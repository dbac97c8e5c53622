/**
 * Test helpers: small synthetic inventories in the shapes the pipeline produces (a repository with
 * `RESOURCE` edges, components with evidence, systems with `root`/`file`), for the owner tests.
 */
import { assetId, relationshipId, type Asset, type AssetKind, type Attributes, type Evidence, type Relationship, type Technique } from '../model/index.ts';
import type { OwnersInput } from './types.ts';

export interface TestAssetOptions {
  readonly paths?: readonly string[];
  readonly technique?: Technique;
  readonly attributes?: Attributes;
  readonly tags?: Record<string, string>;
  readonly scope?: string;
}

/** An asset with one evidence entry per path (line 1), detector `test`. */
export function testAsset(kind: AssetKind, name: string, options: TestAssetOptions = {}): Asset {
  const evidence: Evidence[] = (options.paths ?? []).map((path) => ({ path, line: 1, technique: options.technique ?? 'import', confidence: 'declared', detector: 'test' }));
  return { id: assetId(kind, options.scope ?? 'repo', `${name}`), kind, name, attributes: options.attributes ?? {}, evidence, tags: options.tags ?? {} };
}

/** A system asset rooted at a folder (or a file, for compose stacks and templates). */
export function testSystem(name: string, root: string, file?: string): Asset {
  return testAsset('system', name, { paths: file === undefined ? [] : [file], attributes: { derivedFrom: 'project', root, ...(file === undefined ? {} : { file }) } });
}

/** A repository named `scope` holding `members` (RESOURCE edges), as the local connector builds it. */
export function inRepository(scope: string, members: readonly Asset[]): OwnersInput {
  const repository: Asset = { id: assetId('repository', scope, scope), kind: 'repository', name: scope, attributes: {}, evidence: [{ path: '.', technique: 'config', confidence: 'declared', detector: 'local' }], tags: {} };
  const relationships: Relationship[] = members.map((m) => ({ id: relationshipId(repository.id, 'RESOURCE', m.id), type: 'RESOURCE', from: repository.id, to: m.id, properties: {}, evidence: [] }));
  return { assets: [repository, ...members], relationships };
}

/** Joins inputs (several repositories). */
export function joinInputs(...inputs: readonly OwnersInput[]): OwnersInput {
  return { assets: inputs.flatMap((i) => i.assets), relationships: inputs.flatMap((i) => i.relationships) };
}
