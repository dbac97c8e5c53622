import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../test/helpers/cypher-lint.ts';
import { assistantInventory, UPDATE_TAG } from '../neo4j/__fixtures__/inventory.ts';
import { schemaStatements } from '../neo4j/statements.ts';
import { cypherLiteral, cypherString } from './cypher-literal.ts';
import { scriptStatements } from './cypher-script.ts';
import { xmlEscape } from './graphml.ts';
import { exportGraph, graphView } from './index.ts';

const AWKWARD = "it's \"quoted\" \\ back\\slash\nnew line\ttab ünïcödé ✓ 🚀";

interface JsonGraph {
  nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
  relationships: { id: string; type: string; from: string; to: string; properties: Record<string, unknown> }[];
}

describe('exportGraph json', () => {
  it('round-trips: every asset and relationship comes back with its labels, properties and ends', () => {
    const inv = assistantInventory();
    const doc = JSON.parse(exportGraph(inv, 'json')) as JsonGraph;
    expect(doc.nodes.map((n) => n.id)).toEqual(inv.assets.map((a) => a.id));
    expect(doc.relationships.map((r) => [r.id, r.type, r.from, r.to])).toEqual(inv.relationships.map((r) => [r.id, r.type, r.from, r.to]));
    const tool = doc.nodes.find((n) => n.properties['kind'] === 'tool')!;
    expect(tool.labels).toEqual(['Tool', 'AIMapAsset']);
    expect(tool.properties['attr_description']).toBe(inv.assets.find((a) => a.kind === 'tool')!.attributes['description']);
    expect(tool.properties['lastupdated']).toBe(UPDATE_TAG);
    expect(doc).toEqual(JSON.parse(JSON.stringify({ nodes: graphView(inv).nodes, relationships: graphView(inv).relationships })));
  });

  it('is deterministic whatever order the inventory lists come in', () => {
    const inv = assistantInventory();
    const shuffled = { ...inv, assets: [...inv.assets].reverse(), relationships: [...inv.relationships].reverse() };
    for (const format of ['json', 'graphml', 'cypher'] as const) expect(exportGraph(shuffled, format)).toBe(exportGraph(inv, format));
  });
});

describe('exportGraph graphml', () => {
  it('is well-formed XML (checked by libxml2) with every data key declared for its element kind', async () => {
    const xml = exportGraph(assistantInventory(), 'graphml');
    const result = await validateXML({ xml: { fileName: 'aimap.graphml', contents: xml }, normalization: 'c14n' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    const declared = new Map([...xml.matchAll(/<key id="([^"]+)" for="(node|edge)"/g)].map((m) => [m[1]!, m[2]!]));
    for (const m of xml.matchAll(/<(node|edge) [^>]*>(.*?)<\/\1>/g)) {
      for (const d of m[2]!.matchAll(/<data key="([^"]+)">/g)) expect(declared.get(d[1]!), d[1]).toBe(m[1]);
    }
    expect(xml).toContain('labels=":Tool:AIMapAsset"');
    expect(xml).toMatch(/<edge id="e\d+" source="owner:[0-9a-f]{16}" target="system:[0-9a-f]{16}" label="OWNS">/);
  });

  it('declares types like APOC: integers long, lists as JSON strings with attr.list', () => {
    const xml = exportGraph(assistantInventory(), 'graphml');
    expect(xml).toMatch(/<key id="dn\d+" for="node" attr.name="attr_contextWindow" attr.type="long"\/>/);
    expect(xml).toMatch(/<key id="dn\d+" for="node" attr.name="attr_temperature" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="dn\d+" for="node" attr.name="attr_versions" attr.type="string" attr.list="string"\/>/);
    expect(xml).toContain('&quot;4.52.0&quot;,&quot;4.53.1&quot;');
  });

  it('escapes markup, quotes, line breaks and characters XML cannot hold', async () => {
    expect(xmlEscape('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\nb\u0001c')).toBe('a&#10;b\uFFFDc');
    const inv = assistantInventory();
    const evil = { ...inv, assets: inv.assets.map((a) => (a.kind === 'tool' ? { ...a, name: `</data><x a="1">${AWKWARD}\u0000` } : a)) };
    const result = await validateXML({ xml: { fileName: 'evil.graphml', contents: exportGraph(evil, 'graphml') }, normalization: 'c14n' });
    expect(result.valid).toBe(true);
    // Canonical XML writes element text back with the line break and tab as they were read.
    expect(result.normalized).toContain(`&lt;/data&gt;&lt;x a="1"&gt;${AWKWARD}\uFFFD</data>`);
  });
});

describe('exportGraph cypher', () => {
  const script = exportGraph(assistantInventory(), 'cypher');

  it('starts with the schema statements, then one MERGE per node and per relationship', () => {
    const statements = scriptStatements(script);
    const inv = assistantInventory();
    expect(statements.slice(0, schemaStatements().length)).toEqual(schemaStatements());
    expect(statements.filter((s) => s.startsWith('MERGE (n:'))).toHaveLength(inv.assets.length);
    expect(statements.filter((s) => s.includes('MERGE (a)-[e:'))).toHaveLength(inv.relationships.length);
    expect(script).toMatch(/^\/\/ aimap 0\.1\.0 graph export of scan scan-fixture: 8 nodes/);
    expect(script).toContain(`ON CREATE SET n.firstseen = ${UPDATE_TAG}`);
    expect(/^[\x20-\x7E\n]*$/.test(script)).toBe(true);
  });

  it('lints clean statement by statement', { timeout: 300_000 }, () => {
    for (const statement of scriptStatements(script)) expect(lintCypher(statement), statement).toEqual([]);
  });

  it('escapes strings so Cypher reads back exactly the original text', () => {
    expect(cypherString(AWKWARD)).toBe("'it\\'s \"quoted\" \\\\ back\\\\slash\\nnew line\\ttab \\u00FCn\\u00EFc\\u00F6d\\u00E9 \\u2713 \\uD83D\\uDE80'");
    expect(cypherLiteral({ 'odd key': [1, 2.5], b: true, n: null })).toBe('{`odd key`: [1, 2.5], b: true, n: null}');
    // The linter parses the literal back: a broken escape would be a syntax error.
    expect(lintCypher(`RETURN ${cypherString(AWKWARD)} AS s, ${cypherLiteral({ 'a`b': 'x' })} AS m`)).toEqual([]);
    expect(script).toContain(cypherString(assistantInventory().assets.find((a) => a.kind === 'tool')!.attributes['description'] as string));
  });
});
