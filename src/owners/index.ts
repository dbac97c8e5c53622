/**
 * Owner resolution (DESIGN.md §1, after systems): `resolveOwners` turns the connectors' ownership
 * facts, owner tags on assets and the config `owners:` map into `owner` assets and `OWNS` edges.
 * See README.md for the chain, its sources and confidences.
 */
export { resolveOwners, type ResolvedOwners } from './resolve.ts';
export { isOwnerTagKey, normalizeTagKey, OWNER_TAG_NAMES } from './tag-keys.ts';
export { lastMatch, lastMatchForFolder, parseCodeowners, patternRegex, type CodeownersRule, type ParsedCodeowners } from './codeowners.ts';
export { ownerId, ownerType } from './handles.ts';
export {
  OWNER_SOURCES,
  type GitAuthorCount,
  type GitWindow,
  type OwnerRule,
  type OwnersConfig,
  type OwnersInput,
  type OwnershipFacts,
  type OwnersResult,
  type OwnerSource,
  type OwnerType,
} from './types.ts';
