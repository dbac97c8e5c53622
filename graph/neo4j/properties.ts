/**
 * Flat property maps for relationships, the twin of `nodeProperties` in graph/schema.ts: Neo4j
 * properties hold only primitives and arrays of one primitive type, so anything nested travels as
 * a JSON string and null/empty values are left out.
 */
import type { Relationship } from '../../src/model/index.ts';
import type { GraphScalar, GraphValue } from '../schema.ts';

/** One attribute value as a Neo4j-storable value, or undefined to leave it out. */
export function flattenValue(value: unknown): GraphValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const first = typeof value[0];
    const uniform = (first === 'string' || first === 'number' || first === 'boolean') && value.every((v) => typeof v === first);
    return uniform ? (value as GraphScalar[]) : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

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
