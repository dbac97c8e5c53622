/**
 * A Cypher script that recreates the graph of one scan in any Neo4j 5+ database:
 * `cypher-shell -u neo4j -f aimap.cypher`. It holds the same schema statements as a push, then one
 * `MERGE` per node and per relationship with the values inlined as literals (a script has no
 * parameters), so running it twice changes nothing. No stale cleanup: a script is a snapshot.
 */
import { schemaStatements } from '../neo4j/statements.ts';
import { cypherLiteral, cypherString } from './cypher-literal.ts';
import type { GraphNode, GraphRelationship, GraphView } from './graph-view.ts';

/** The one place a label or type is written into the script; all of aimap's are plain identifiers. */
function name(identifier: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`not a plain Cypher identifier: ${identifier}`);
  return identifier;
}

function nodeStatement(n: GraphNode, updateTag: number): string {
  const [label, ...extra] = n.labels;
  const more = extra.map((l) => `, n:${name(l)}`).join('');
  return `MERGE (n:${name(label!)} {id: ${cypherString(n.id)}}) ON CREATE SET n.firstseen = ${updateTag} SET n += ${cypherLiteral(n.properties)}${more};`;
}

function relationshipStatement(r: GraphRelationship, labelOf: ReadonlyMap<string, string>, updateTag: number): string {
  return [
    `MATCH (a:${name(labelOf.get(r.from)!)} {id: ${cypherString(r.from)}})`,
    `MATCH (b:${name(labelOf.get(r.to)!)} {id: ${cypherString(r.to)}})`,
    `MERGE (a)-[e:${name(r.type)}]->(b) ON CREATE SET e.firstseen = ${updateTag} SET e += ${cypherLiteral(r.properties)};`,
  ].join(' ');
}

/**
 * Renders the script: a comment header, the constraints and indexes, every node, every
 * relationship; one statement a line, each ending in `;`. Pure ASCII (see `cypherString`).
 */
export function renderCypherScript(view: GraphView): string {
  const labelOf = new Map(view.nodes.map((n) => [n.id, n.labels[0]!]));
  return [
    `// aimap ${view.version} graph export of scan ${view.scanId.replace(/[^\x20-\x7E]/g, '?')}: ${view.nodes.length} nodes, ${view.relationships.length} relationships.`,
    '// Load it with: cypher-shell -a bolt://localhost:7687 -u neo4j -f this-file.cypher',
    ...schemaStatements().map((s) => `${s};`),
    ...view.nodes.map((n) => nodeStatement(n, view.updateTag)),
    ...view.relationships.map((r) => relationshipStatement(r, labelOf, view.updateTag)),
    '',
  ].join('\n');
}

/** The statements of a rendered script, without comments (for checks and tests). */
export function scriptStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => line.replace(/;$/, ''));
}
