import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { literalsOf } from '../shared/regex-literals.ts';
import { detectSql, maskSql, sqlDetector } from './index.ts';
import { mayFindSql } from './precheck.ts';

const detect = (content: string, path = 'db/migrations/001_init.sql') => detectSql({ scope: 'repo', path, content });
const stores = (content: string) =>
  (detect(content)?.assets ?? []).map((a) => ({ name: a.name, attributes: a.attributes, lines: a.evidence.map((e) => e.line) }));

describe('sql detector', () => {
  it('reports the vector store a migration enables, in every form CREATE EXTENSION takes', () => {
    expect(stores('create extension if not exists vector with schema extensions;\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] }, lines: [1] }]);
    expect(stores('-- setup\nCREATE EXTENSION IF NOT EXISTS "vector";\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] }, lines: [2] }]);
    expect(stores('Create Extension vectorscale CASCADE;\nCREATE EXTENSION vchord;\n').map((s) => s.name)).toEqual(['pgvectorscale', 'vectorchord']);
    expect(stores('CREATE EXTENSION lantern;').map((s) => s.name)).toEqual(['lantern']);
    expect(stores('CREATE /* pgvector */ EXTENSION /* if missing */ IF NOT EXISTS vector;').map((s) => s.name)).toEqual(['pgvector']);
  });

  it('reads pgvector from its own types and index operator classes, with the dimensions of the file', () => {
    const sql = [
      'CREATE TABLE items (id bigserial PRIMARY KEY, embedding vector(1536), summary halfvec(768));',
      'CREATE INDEX ON items USING hnsw (embedding vector_cosine_ops);',
    ].join('\n');
    expect(stores(sql)).toEqual([{ name: 'pgvector', attributes: { dimensions: [768, 1536] }, lines: [1, 2] }]);
    const [asset] = detect(sql)?.assets ?? [];
    expect(asset?.evidence[0]).toMatchObject({ path: 'db/migrations/001_init.sql', technique: 'config', confidence: 'declared', detector: 'sql', snippet: expect.stringContaining('halfvec(768)') });
  });

  it('finds nothing in comments, strings, other extensions, or a bare vector(N) type other databases have too', () => {
    // Commented out, in a block comment (nested), in a string: not evidence.
    expect(detect('-- CREATE EXTENSION vector;\n/* create extension vector; /* nested */ still a comment: create extension vector; */\n')).toBeNull();
    expect(detect("SELECT 'create extension vector;' AS hint, E'it\\'s vector_cosine_ops' AS other;\n")).toBeNull();
    expect(detect('CREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE EXTENSION "uuid-ossp";\n')).toBeNull();
    // Oracle, MariaDB and SQL Server have a VECTOR(n) type: alone it is not pgvector.
    expect(detect('CREATE TABLE docs (id INT, emb VECTOR(1536));\n')).toBeNull();
    expect(detect('CREATE TABLE docs (id NUMBER, emb VECTOR(1536, FLOAT32));\n')).toBeNull();
    // Prose about vectors and extensions.
    expect(detect('-- The vector extension stores embeddings.\nCOMMENT ON TABLE docs IS \'vector search\';\n')).toBeNull();
  });

  it('keeps lines and offsets when it blanks comments and strings', () => {
    const text = "a -- b\n/* c\n d */ e 'f''g' h\n";
    const masked = maskSql(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
    expect(masked.replace(/\s+/g, ' ').trim()).toBe("a e ' ' h");
  });

  it('keeps at most five evidence lines per product and file, and stays linear on a long file', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `CREATE INDEX i${i} ON t USING ivfflat (e vector_l2_ops);`).join('\n');
    const [asset] = detect(many)?.assets ?? [];
    expect(asset?.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has a pre-check every finding passes and a gate every pre-check match holds', () => {
    const found = ['create extension vector', 'CREATE EXTENSION vector', 'x halfvec(3)', 'USING hnsw (e vector_ip_ops)', 'SPARSEVEC(30000)', "ai.ollama_embed('m', x)", 'ai.embedding_openai (m)'];
    for (const text of found) expect(mayFindSql('x.sql', text)).toBe(true);
    expect(mayFindSql('x.sql', 'select 1; create table t (id int);')).toBe(false);
    // The gate: every casing the pre-check accepts holds one of the literals.
    expect(sqlDetector.literals).toEqual(literalsOf(/[Ee]xtension|EXTENSION|[Hh]alfvec|HALFVEC|[Ss]parsevec|SPARSEVEC|[Vv]ector|VECTOR|ai\.(?:openai|ollama|anthropic|cohere|voyageai|litellm|embedding)_/));
    for (const text of found) expect(sqlDetector.literals?.some((l) => text.includes(l))).toBe(true);
  });
});

describe('sql detector: hostile input', () => {
  const timed = (content: string) => {
    const { value, ms } = cpuTimed(() => detect(content));
    expect(ms).toBeLessThan(2000);
    return value;
  };

  it('stays linear, and finds nothing, in unterminated comments and strings and deep nesting', () => {
    const big = 'create extension vector;\n'.repeat(50_000);
    expect(timed(`/* ${big}`)).toBeNull();
    expect(timed(`select '${big}`)).toBeNull();
    expect(timed(`${'/* '.repeat(100_000)}create extension vector;`)).toBeNull();
    // The pre-check's comment between CREATE and EXTENSION is bounded: no rescans of an open one.
    expect(timed(`${'CREATE /* '.repeat(100_000)}`)).toBeNull();
    // ... and a comment ends at its first `*/`: a chain of empty comments has one reading, not 2^n.
    expect(timed(`CREATE ${'/**/'.repeat(100_000)}vector;`)).toBeNull();
    expect(timed(`${'CREATE /**/ '.repeat(50_000)}x`)).toBeNull();
    expect(timed(`E'${"\\'".repeat(200_000)} create extension vector;`)).toBeNull();
    // After a long unterminated line comment's end, the statement counts.
    expect(timed(`-- ${'x'.repeat(2_000_000)}\ncreate extension vector;`)?.assets.map((a) => a.evidence[0]?.line)).toEqual([2]);
  });
});

describe('sql detector: Prisma and Rails schemas', () => {
  const found = (path: string, content: string) =>
    (detectSql({ scope: 'repo', path, content })?.assets ?? []).map((a) => ({ name: a.name, attributes: a.attributes, lines: a.evidence.map((e) => e.line) }));

  it('reads a Prisma datasource\'s extensions and the pgvector fields of a PostgreSQL schema', () => {
    const schema = [
      'generator client {',
      '  provider        = "prisma-client-js"',
      '  previewFeatures = ["postgresqlExtensions"]',
      '}',
      'datasource db {',
      '  provider   = "postgresql"',
      '  url        = env("DATABASE_URL")',
      '  extensions = [pgvector(map: "vector", schema: "extensions"), pg_trgm]',
      '}',
      'model Chunk {',
      '  id        String @id',
      '  embedding Unsupported("vector(1536)")?',
      '}',
    ].join('\n');
    expect(found('prisma/schema.prisma', schema)).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'], dimensions: [1536] }, lines: [8, 12] }]);
    expect(found('schema.prisma', 'datasource db {\n  provider = "postgres"\n  extensions = [vector]\n}\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] }, lines: [3] }]);
  });

  it('finds nothing in a Prisma comment, another extension, or a vector field of a database that is not PostgreSQL', () => {
    expect(found('schema.prisma', 'datasource db {\n  provider = "postgresql"\n  // extensions = [vector]\n  extensions = [pg_trgm, citext]\n}\n')).toEqual([]);
    expect(found('schema.prisma', 'datasource db {\n  provider = "mysql"\n}\nmodel A {\n  e Unsupported("vector(3)")\n}\n')).toEqual([]);
  });

  it('reads Rails enable_extension and pgvector columns, with dimensions from limit:', () => {
    const schema = ['ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do', '  enable_extension "plpgsql"', '  enable_extension "vector"', '', '  create_table "documents", force: :cascade do |t|', '    t.text "content"', '    t.vector "embedding", limit: 1536', '  end', 'end'].join('\n');
    expect(found('db/schema.rb', schema)).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'], dimensions: [1536] }, lines: [3] }]);
    expect(found('db/migrate/20240501_add_summary.rb', 'class AddSummary < ActiveRecord::Migration[7.1]\n  def change\n    add_column :documents, :summary_embedding, :halfvec, limit: 768\n  end\nend\n')).toEqual([
      { name: 'pgvector', attributes: { dimensions: [768] }, lines: [3] },
    ]);
  });

  it('finds nothing in Ruby comments, or in a vector column the neighbor gem also puts in SQLite and MariaDB', () => {
    expect(found('db/schema.rb', '# enable_extension "vector"\n=begin\nenable_extension "vector"\n=end\nputs "#{1}" # t.halfvec "x"\n')).toEqual([]);
    expect(found('db/migrate/1_items.rb', 'create_table :items do |t|\n  t.vector :embedding, limit: 3\nend\n')).toEqual([]);
  });
});

describe('sql detector: forms found after review', () => {
  const found = (path: string, content: string) => (detectSql({ scope: 'repo', path, content })?.assets ?? []).map((a) => ({ name: a.name, attributes: a.attributes }));

  it('reads Prisma Unsupported("vector") without a dimension, and a Rails migration that executes CREATE EXTENSION', () => {
    expect(found('schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\nmodel Doc {\n  vector Unsupported("vector")?\n}\n')).toEqual([{ name: 'pgvector', attributes: {} }]);
    expect(found('db/migrate/1_vec.rb', 'class Vec < ActiveRecord::Migration[7.1]\n  def up\n    execute "CREATE EXTENSION IF NOT EXISTS vector"\n  end\nend\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] } }]);
    expect(found('db/migrate/2_vec.rb', 'def up\n  execute <<~SQL\n    CREATE EXTENSION vector;\n  SQL\nend\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] } }]);
    // A string that is no execute argument, and a commented-out call, set nothing up.
    expect(found('db/migrate/3_x.rb', '# execute "CREATE EXTENSION vector"\nexecute "select 1"; note = "create extension vector"\n')).toEqual([]);
  });

  it('reads past dollar-quoted bodies and quoted identifiers: an apostrophe in them opens no string', () => {
    expect(found('a.sql', "COMMENT ON TABLE t IS $$Bob's$$;\nCREATE EXTENSION vector;\n")).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] } }]);
    expect(found('a.sql', 'CREATE TABLE "it\'s"(x int);\nCREATE EXTENSION vector;\n')).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] } }]);
    expect(found('a.sql', "CREATE FUNCTION f() RETURNS void AS $body$ SELECT 'x' $body$ LANGUAGE sql;\ncreate extension vector;\n")).toEqual([{ name: 'pgvector', attributes: { extensions: ['vector'] } }]);
  });

  it('stays linear on Prisma lists and parentheses left open, and on Rails lines of add_column', () => {
    for (const [path, content] of [
      ['schema.prisma', 'extensions = ['.repeat(40_000)],
      ['schema.prisma', `extensions = [${'a('.repeat(40_000)}`],
      ['db/migrate/x.rb', `t.vector :e\n${'add_column '.repeat(40_000)}`],
      ['a.sql', `${'"'.repeat(3)}${'$a$'.repeat(40_000)}`],
    ] as const) {
      const { ms } = cpuTimed(() => detectSql({ scope: 'repo', path, content }));
      expect(ms).toBeLessThan(2000);
    }
  });
});

describe('sql detector: AI extensions that call models from the database', () => {
  const assets = (content: string) => (detect(content)?.assets ?? []).map((a) => [a.kind, a.name, a.provider, a.attributes, a.evidence.map((e) => e.line)]);

  it('reports pgai and the models its functions and vectorizers call, and the other AI extensions', () => {
    const sql = [
      'CREATE EXTENSION IF NOT EXISTS ai CASCADE;',
      "SELECT ai.create_vectorizer('public.docs'::regclass, embedding => ai.embedding_openai('text-embedding-3-small', 768));",
      "SELECT ai.ollama_generate('llama3.2', 'Summarise: ' || body) FROM notes;",
      "SELECT ai.anthropic_generate(model => 'claude-3-5-sonnet-20240620', messages => jsonb_build_array());",
      "SELECT ai.openai_chat_complete_simple('which model?');",
      'CREATE EXTENSION azure_ai;',
    ].join('\n');
    expect(assets(sql)).toEqual([
      ['sdk', 'azure_ai', 'azure', { category: 'llm-provider', ecosystem: 'postgresql', extensions: ['azure_ai'] }, [6]],
      ['sdk', 'pgai', 'timescale', { category: 'framework', ecosystem: 'postgresql', extensions: ['ai'] }, [1, 2, 3, 4]],
      ['model', 'claude-3-5-sonnet-20240620', 'anthropic', { sources: ['call-argument'] }, [4]],
      ['model', 'llama3.2', 'ollama', { sources: ['call-argument'] }, [3]],
      ['model', 'text-embedding-3-small', 'openai', { sources: ['call-argument'] }, [2]],
    ]);
  });

  it('reads pgai calls in a query file without the extension, and not in comments, strings or other schemas', () => {
    expect(assets("SELECT id FROM items ORDER BY embedding <=> ai.openai_embed('text-embedding-3-small', $1) LIMIT 5;").map((a) => [a[0], a[1]])).toEqual([
      ['sdk', 'pgai'],
      ['model', 'text-embedding-3-small'],
    ]);
    expect(detect("-- SELECT ai.openai_embed('text-embedding-3-small', 'x');\nSELECT 'ai.ollama_generate(''llama3'', x)';\nSELECT myai.openai_embed('m', 'x');\n")).toBeNull();
    // Calls alone show pgai in use, not created here: no `extensions` (the pipeline then calls it undeclared).
    expect(assets("SELECT ai.ollama_embed('nomic-embed-text', body) FROM t;")[0]).toEqual(['sdk', 'pgai', 'timescale', { category: 'framework', ecosystem: 'postgresql' }, [1]]);
    // A template's placeholder is no model id; a call written over lines has its evidence on the id's line.
    expect(assets("SELECT ai.openai_embed('{{ var(\"m\") }}', body) FROM t;").map((a) => a[1])).toEqual(['pgai']);
    expect(assets("SELECT ai.openai_embed\n  ( 'text-embedding-ada-002'\n  , body) FROM t;").find((a) => a[0] === 'model')).toEqual(['model', 'text-embedding-ada-002', 'openai', { sources: ['call-argument'] }, [2]]);
    // A model argument that is not a literal gives pgai without a model.
    expect(assets('SELECT ai.openai_embed(current_setting(\'app.model\'), body) FROM t;').map((a) => a[1])).toEqual(['pgai']);
  });
});
