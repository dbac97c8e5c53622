import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree } from '../../../test/helpers/detect-tree.ts';
import { sqlDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('sql detector on fixtures', () => {
  it('rag-postgres: the migration that enables pgvector, and none of the traps', () => {
    const r = detectTree(fixture('rag-postgres'), sqlDetector);
    expect(r.diagnostics).toEqual([]);
    expect(r.assets.map((a) => ({ name: a.name, attributes: a.attributes, at: a.evidence.map((e) => `${e.path}:${e.line}`) }))).toEqual([
      {
        name: 'pgvector',
        attributes: { extensions: ['vector'], dimensions: [1536] },
        at: ['supabase/migrations/20240108000000_documents.sql:2', 'supabase/migrations/20240108000000_documents.sql:10'],
      },
    ]);
  });
});
