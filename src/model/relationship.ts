import type { Attributes } from './asset.ts';
import type { Evidence } from './evidence.ts';
import type { AssetId } from './ids.ts';

/** Relationship types of DESIGN.md §3; verbs point the way data, control or attack flows. */
export const RELATIONSHIP_TYPES = [
  'INCLUDES',
  'USES_SDK',
  'USES_MODEL',
  'SERVES',
  'EXPOSES',
  'CALLS',
  'CONNECTS_TO',
  'PROVIDES',
  'USES_TOOL',
  'READS_FROM',
  'WRITES_TO',
  'INDEXES',
  'RUNS_AS',
  'CAN_READ',
  'CAN_WRITE',
  'CAN_INVOKE',
  'CAN_ADMIN',
  'USES_SECRET',
  'AUTHORIZED',
  'OWNS',
  'RESOURCE',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Types that path queries may traverse (marked ▸ in DESIGN.md §3). */
export const TRAVERSABLE: ReadonlySet<RelationshipType> = new Set([
  'USES_MODEL',
  'SERVES',
  'EXPOSES',
  'CALLS',
  'CONNECTS_TO',
  'PROVIDES',
  'USES_TOOL',
  'READS_FROM',
  'RUNS_AS',
  'CAN_READ',
  'CAN_WRITE',
  'CAN_INVOKE',
  'CAN_ADMIN',
  'USES_SECRET',
]);

export interface Relationship {
  /** `from|TYPE|to`, see `relationshipId`. */
  readonly id: string;
  readonly type: RelationshipType;
  readonly from: AssetId;
  readonly to: AssetId;
  readonly properties: Attributes;
  readonly evidence: readonly Evidence[];
}
