/**
 * Every relationship the whole pipeline emits on the fixture tree joins the kinds DESIGN.md §3
 * allows, in its direction (graph/schema.ts RELATIONSHIP_ENDPOINTS), and the traversable set is
 * the one path queries follow.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowsRelationship, RELATIONSHIP_ENDPOINTS, TRAVERSABLE_TYPES } from '../../graph/schema.ts';
import { RELATIONSHIP_TYPES } from '../../src/model/relationship.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';

describe('relationship directions', () => {
  it('lists the kinds each of the relationship types may join', () => {
    expect(Object.keys(RELATIONSHIP_ENDPOINTS).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    expect(TRAVERSABLE_TYPES).not.toContain('INCLUDES');
    expect(TRAVERSABLE_TYPES).not.toContain('OWNS');
    expect(TRAVERSABLE_TYPES).toEqual(expect.arrayContaining(['CALLS', 'CONNECTS_TO', 'PROVIDES', 'RUNS_AS', 'CAN_WRITE', 'USES_SECRET']));
  });

  it('holds for every relationship the pipeline emits on the fixtures, systems and owners included', async () => {
    const inventory = await runScan({ paths: [join(import.meta.dirname, '..', 'fixtures')], gitHistory: false });
    const kinds = new Map(inventory.assets.map((a) => [a.id, a.kind]));
    const wrong = inventory.relationships
      .filter((r) => !allowsRelationship(r.type, kinds.get(r.from) ?? 'owner', kinds.get(r.to) ?? 'owner'))
      .map((r) => `${r.type} ${kinds.get(r.from)} → ${kinds.get(r.to)}`);
    expect([...new Set(wrong)]).toEqual([]);
    const types = new Set(inventory.relationships.map((r) => r.type));
    // The fixtures exercise the derived edges too, so a wrong direction there would show.
    for (const t of ['INCLUDES', 'USES_SDK', 'USES_MODEL', 'CALLS', 'CONNECTS_TO', 'USES_TOOL', 'READS_FROM', 'RUNS_AS', 'OWNS', 'PROVIDES', 'SERVES'] as const) expect(types).toContain(t);
  });
});
