/**
 * Every (type, from label, to label) the model allows, from `RELATIONSHIP_ENDPOINTS` in
 * graph/schema.ts. The push does not depend on it (it groups whatever the inventory holds); the
 * offline Cypher check lints the upsert of each, and the docs table is built from it.
 */
import { NODE_LABELS, RELATIONSHIP_ENDPOINTS, RELATIONSHIP_TYPES } from '../schema.ts';
import type { RelationshipGroup } from './statements.ts';

export { RELATIONSHIP_ENDPOINTS, type Endpoints } from '../schema.ts';

/** Every (type, from label, to label) the model allows, in RELATIONSHIP_TYPES then kind order. */
export function allowedRelationshipGroups(): RelationshipGroup[] {
  return RELATIONSHIP_TYPES.flatMap((type) => {
    const { from, to } = RELATIONSHIP_ENDPOINTS[type];
    return from.flatMap((f) => to.map((t) => ({ type, fromLabel: NODE_LABELS[f], toLabel: NODE_LABELS[t] })));
  });
}
