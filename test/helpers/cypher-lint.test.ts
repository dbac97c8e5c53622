import { describe, it, expect } from 'vitest';
import { aimapDbSchema, lintCypher } from './cypher-lint.ts';

describe('lintCypher', () => {
  it('reports a syntax error with its position', () => {
    const out = lintCypher('MATCH (n:AIModel RETURN n');
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^error: Invalid input 'RETURN'.* at 1:18$/);
  });

  it('reports an unknown label', () => {
    expect(lintCypher('MATCH (n:Modle) RETURN n.id')).toEqual([
      expect.stringMatching(/^warning: Label Modle is not present in the database.* at 1:10$/),
    ]);
  });

  it('reports an unknown relationship type', () => {
    expect(lintCypher('MATCH (a:Owner)-[:OWNED_BY]->(b) RETURN a.id, b.id')).toEqual([
      expect.stringMatching(/^warning: Relationship type OWNED_BY is not present in the database/),
    ]);
  });

  it('reports an unknown property key and an unknown function', () => {
    const out = lintCypher('MATCH (n:AIModel) RETURN n.modelName, nosuchfn(n)');
    expect(out.some((m) => m.startsWith('warning: modelName is not present'))).toBe(true);
    expect(out.some((m) => m.startsWith('error: Function nosuchfn is not present'))).toBe(true);
  });

  it('passes a valid UNWIND/MERGE ingest statement', () => {
    const q = [
      'UNWIND $rows AS r',
      'MERGE (n:AIMapAsset {id: r.id}) ON CREATE SET n.firstseen = timestamp()',
      'SET n += r.props, n:AIModel, n.lastupdated = $updateTag, n._module_name = "aimap", n.attr_contextWindow = r.cw',
      'WITH n, r MATCH (o:Owner {id: r.owner}) MERGE (o)-[e:OWNS]->(n) SET e.source = r.source, e.confidence = r.confidence',
    ].join('\n');
    expect(lintCypher(q, { propertyKeys: ['owner'] })).toEqual([]);
    expect(lintCypher(q, { params: { rows: [], updateTag: 1 }, propertyKeys: ['owner'] })).toEqual([]);
    // Row-map keys read in a pattern are property keys to the linter too: declare them.
    expect(lintCypher(q)).toEqual([expect.stringMatching(/^warning: owner is not present in the database/)]);
  });

  it('reports an undeclared parameter only when params are given', () => {
    const q = 'MATCH (n:AIMapAsset {id: $id}) RETURN n.name';
    expect(lintCypher(q)).toEqual([]);
    expect(lintCypher(q, { params: { other: 'x' } })).toEqual([expect.stringMatching(/^error: Parameter \$id is not defined/)]);
  });

  it('passes the GQL shortest-path form over traversable types', () => {
    const q = 'MATCH p = SHORTEST 1 (a:Endpoint)-[:SERVES|USES_MODEL|CAN_WRITE]->{1,8}(b:Secret) RETURN [x IN nodes(p) | x.id] AS ids, length(p) AS hops';
    expect(lintCypher(q)).toEqual([]);
  });

  it('builds its schema from graph/schema.ts', () => {
    const schema = aimapDbSchema();
    expect(schema.labels).toContain('AIMapAsset');
    expect(schema.labels).toContain('MCPServer');
    expect(schema.relationshipTypes).toContain('USES_SECRET');
    expect(schema.propertyKeys).toContain('lastupdated');
  });
});
