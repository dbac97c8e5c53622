/** Keeps graph/neo4j/README.md honest: its tables are the generated ones and its Cypher lints clean. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../test/helpers/cypher-lint.ts';
import { renderLabelTable, renderRelationshipTable } from './schema-doc.ts';

const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');

describe('graph/neo4j/README.md', () => {
  it('shows the label and relationship tables generated from the schema', () => {
    expect(readme, `README label table is stale; replace it with:\n${renderLabelTable()}`).toContain(renderLabelTable());
    expect(readme, `README relationship table is stale; replace it with:\n${renderRelationshipTable()}`).toContain(renderRelationshipTable());
  });

  it('has Cypher examples that all lint clean', { timeout: 120_000 }, () => {
    const blocks = [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    // The shadow-ai example reads the keys of the `$findings` maps, which are no graph properties.
    const findingKeys = ['policyId', 'assetId', 'severity', 'title', 'status'];
    for (const block of blocks) expect(lintCypher(block, { propertyKeys: findingKeys }), block).toEqual([]);
  });
});
