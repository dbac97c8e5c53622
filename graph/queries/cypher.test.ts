import { describe, expect, it } from 'vitest';
import { lintCypher } from '../../test/helpers/cypher-lint.ts';
import { SAVED_QUERIES } from './index.ts';

/** Keys of the maps inside the parameters (`$findings` rows): property keys to the linter. */
function mapKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) mapKeys(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      mapKeys(v, out);
    }
  }
  return out;
}

describe('Cypher twins', () => {
  it.each(SAVED_QUERIES.map((q) => [q.name, q] as const))('%s passes Neo4j parsing and semantic analysis with no diagnostic', (_name, query) => {
    const propertyKeys = Object.values(query.cypherParams).flatMap((v) => [...mapKeys(v)]);
    expect(lintCypher(query.cypher, { params: query.cypherParams, propertyKeys })).toEqual([]);
  }, 120_000); // the Neo4j parser is slow on long CASE expressions, slower still on a busy machine

  it('declares every $parameter it uses, and uses every one it declares', () => {
    for (const query of SAVED_QUERIES) {
      const used = [...new Set([...query.cypher.matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort();
      expect(used, query.name).toEqual(Object.keys(query.cypherParams).sort());
    }
  });

  it('returns the columns of the SQL, in the same order', () => {
    for (const query of SAVED_QUERIES) {
      const returned = /\nRETURN ([^]*?)\nORDER BY/.exec(query.cypher)?.[1] ?? '';
      // Top-level commas only: the path text and CASE expressions hold their own.
      const names = splitTopLevel(returned).map((item) => /(?:\bAS\s+)?(\w+)\s*$/.exec(item.trim())?.[1]);
      expect(names, query.name).toEqual([...query.columns]);
    }
  });

  it('is caught by the linter when it goes wrong (a misspelt label)', () => {
    const broken = SAVED_QUERIES.find((q) => q.name === 'unowned')?.cypher.replace(':AISystem', ':AISystems') ?? '';
    expect(lintCypher(broken)).toEqual([expect.stringMatching(/^warning: Label AISystems is not present/)]);
  }, 120_000);
});

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quote = !quote;
    if (!quote && '([{'.includes(ch)) depth += 1;
    if (!quote && ')]}'.includes(ch)) depth -= 1;
    if (!quote && ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  return [...parts, current].filter((p) => p.trim() !== '');
}
