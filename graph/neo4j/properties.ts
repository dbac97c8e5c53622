/**
 * Flat property maps for relationships, the twin of `nodeProperties` in graph/schema.ts: Neo4j
 * properties hold only primitives and arrays of one primitive type, so anything nested travels as
 * a JSON string and null/empty values are left out.
 */
import type { Relationship } from '../../src/model/index.ts';
import { flattenValue, type GraphValue } from '../schema.ts';

export { flattenValue };

/**
 * The properties a relationship gets: its `id`, each property flattened as for nodes (keys kept
 * as they are: `source`, `confidence`, `actions`, ...), and the evidence count. Keys are sorted
 * so the same relationship always yields the same map.
 */
export function relationshipProperties(rel: Relationship): Record<string, GraphValue> {
  const props: Record<string, GraphValue> = { id: rel.id };
  for (const key of Object.keys(rel.properties).sort()) {
    // The bookkeeping keys belong to the adapter; a relationship property may not overwrite them.
    if (key === 'id' || key === 'firstseen' || key === 'lastupdated' || key.startsWith('_module_')) continue;
    const flat = flattenValue(rel.properties[key]);
    if (flat !== undefined) props[key] = flat;
  }
  props.evidenceCount = rel.evidence.length;
  return props;
}
