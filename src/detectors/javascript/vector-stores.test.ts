import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectJavaScript } from './index.ts';

const stores = (content: string) =>
  Object.fromEntries((detectJavaScript({ scope: 'repo', path: 'src/rag.ts', content })?.assets ?? [])
    .filter((a) => a.kind === 'vector-store')
    .map((a) => [a.name, a.attributes]));

describe('vector stores', () => {
  it('reads Pinecone construction and literal index names', () => {
    const content = [
      "import { Pinecone } from '@pinecone-database/pinecone';",
      "const INDEX = 'support-articles';",
      'const pc = new Pinecone({ apiKey });',
      'const index = pc.index(INDEX);',
      "await pc.createIndex({ name: 'archive', dimension: 1536, metric: 'cosine', spec });",
      "await index.namespace('tenant-a').query({ vector, topK: 5 });",
    ].join('\n');
    expect(stores(content)).toEqual({ pinecone: { clients: ['Pinecone'], collections: ['archive', 'support-articles'] } });
  });

  it('reads the turbopuffer client, and not a class of that name from elsewhere', () => {
    const content = [
      "import Turbopuffer from '@turbopuffer/turbopuffer';",
      "import { Turbopuffer as Other } from './local-turbopuffer';",
      "const tpuf = new Turbopuffer({ region: 'gcp-us-central1' });",
      'const other = new Other();',
    ].join('\n');
    expect(stores(content)).toEqual({ turbopuffer: { clients: ['Turbopuffer'] } });
  });

  it('reads Azure AI Search clients and the LangChain store on it, not a SearchClient of another package', () => {
    const content = [
      "import { AzureKeyCredential, SearchClient, SearchIndexClient } from '@azure/search-documents';",
      "import { AzureAISearchVectorStore } from '@langchain/community/vectorstores/azure_aisearch';",
      "import { SearchClient as Algolia } from 'algoliasearch';",
      "import { SearchClient as Local } from './search';",
      'const search = new SearchClient(endpoint, index, new AzureKeyCredential(key));',
      'const admin = new SearchIndexClient(endpoint, credential);',
      'const store = new AzureAISearchVectorStore(embeddings, { search: { indexName: "docs" } });',
      'const a = new Algolia(appId, key);',
      'const l = new Local();',
    ].join('\n');
    expect(stores(content)).toEqual({ 'azure-ai-search': { clients: ['AzureAISearchVectorStore', 'SearchClient', 'SearchIndexClient'] } });
  });

  it('reads Chroma, Qdrant, Weaviate and LanceDB clients', () => {
    const content = [
      "import { ChromaClient } from 'chromadb';",
      "import { QdrantClient } from '@qdrant/js-client-rest';",
      "import weaviate from 'weaviate-client';",
      "import * as lancedb from '@lancedb/lancedb';",
      'const chroma = new ChromaClient();',
      "const notes = await chroma.getOrCreateCollection({ name: 'notes' });",
      "const qdrant = new QdrantClient({ url: 'http://localhost:6333' });",
      "await qdrant.search('products', { vector, limit: 3 });",
      'const wv = await weaviate.connectToWeaviateCloud(url, { authCredentials });',
      "const articles = wv.collections.get('Article');",
      "const db = await lancedb.connect('data/lancedb');",
      "const table = await db.openTable('chunks');",
    ].join('\n');
    expect(stores(content)).toEqual({
      chroma: { clients: ['ChromaClient'], collections: ['notes'] },
      qdrant: { clients: ['QdrantClient'], collections: ['products'] },
      weaviate: { clients: ['connectToWeaviateCloud'], collections: ['Article'] },
      lancedb: { clients: ['connect'], collections: ['chunks'] },
    });
  });

  it('reads LangChain vector stores and their collection options', () => {
    const content = [
      "import { PineconeStore } from '@langchain/pinecone';",
      "import { Chroma } from '@langchain/community/vectorstores/chroma';",
      'const store = await PineconeStore.fromExistingIndex(embeddings, { pineconeIndex });',
      "const chroma = new Chroma(embeddings, { collectionName: 'faq', url: 'http://chroma:8000' });",
    ].join('\n');
    expect(stores(content)).toEqual({
      pinecone: { clients: ['PineconeStore'] },
      chroma: { clients: ['Chroma'], collections: ['faq'] },
    });
  });

  it('ignores look-alike names from other packages and calls on non-vector objects', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import { Pinecone } from './fake-pinecone';",
      "import { connect } from 'mongoose';",
      'const p = new Pinecone();',
      "await connect('mongodb://localhost/app');",
      "const idx = search.index('docs');",
      "await es.indices.create({ index: 'docs', collectionName: 'x' });",
    ].join('\n');
    expect(stores(content)).toEqual({});
  });
});

describe('vector stores: LangChain JS integrations and the weaviate v2 client', () => {
  it('names the product of each LangChain store class, and reads weaviate.client()', () => {
    const content = [
      "import { OpenSearchVectorStore } from '@langchain/community/vectorstores/opensearch';",
      "import { SupabaseVectorStore } from '@langchain/community/vectorstores/supabase';",
      "import { RedisVectorStore } from '@langchain/redis';",
      "import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';",
      "import weaviate from 'weaviate-ts-client';",
      'const a = new OpenSearchVectorStore(embeddings, { client });',
      'const b = await SupabaseVectorStore.fromDocuments(docs, embeddings, { client });',
      'const c = new RedisVectorStore(embeddings, { redisClient });',
      'const d = await PGVectorStore.initialize(embeddings, config);',
      "const w = weaviate.client({ scheme: 'http', host: 'localhost:8080' });",
    ].join('\n');
    expect(Object.keys(stores(content)).sort()).toEqual(['opensearch', 'pgvector', 'redis', 'supabase', 'weaviate']);
    // A class of the same name from some other package is not a store.
    expect(stores("import { RedisVectorStore } from './local-cache';\nimport OpenAI from 'openai';\nnew RedisVectorStore();\n")).toEqual({});
  });
});

describe('vector stores: CommonJS module objects', () => {
  it('reads calls on a whole module bound by require(), at the top or inside a method', () => {
    const content = [
      "const lancedb = require('@lancedb/lancedb');",
      "const pc = require('@pinecone-database/pinecone');",
      'class Store {',
      "  async open() { this.db = await lancedb.connect('storage/lancedb'); }",
      '  index() {',
      "    const chroma = require('chromadb');",
      "    return [new pc.Pinecone({ apiKey }), new chroma.ChromaClient({ path: 'http://chroma:8000' })];",
      '  }',
      '}',
    ].join('\n');
    expect(stores(content)).toEqual({ lancedb: { clients: ['connect'] }, pinecone: { clients: ['Pinecone'] }, chroma: { clients: ['ChromaClient'] } });
  });

  it('does not take a local module, a parameter or a reassigned name for the package', () => {
    const content = [
      "const pc = require('@pinecone-database/pinecone');",
      "const lancedb = require('./lancedb-stub');",
      'lancedb.connect(uri);',
      'function build(pc) { return new pc.Pinecone(); }',
      'function other() {',
      "  const pc = require('./pinecone-mock');",
      '  return new pc.Pinecone();',
      '}',
    ].join('\n');
    expect(stores(content)).toEqual({});
  });
});

describe('pgvector columns of a Drizzle schema', () => {
  const schema = (content: string) => detectJavaScript({ scope: 'repo', path: 'lib/db/schema.ts', content });

  it('reads vector, halfvec and sparsevec columns with their dimensions, under any import name', () => {
    const content = [
      "import { index, pgTable, serial, text, vector, halfvec as half } from 'drizzle-orm/pg-core';",
      'const DIMS = 768;',
      "export const items = pgTable('items', {",
      '  id: serial().primaryKey(),',
      "  content: text('content'),",
      "  embedding: vector('embedding', { dimensions: 1536 }),",
      '  small: half({ dimensions: DIMS }),',
      "}, (table) => [index('hnsw').using('hnsw', table.embedding.op('vector_cosine_ops'))]);",
    ].join('\n');
    const found = schema(content);
    expect(found?.assets.map((a) => [a.kind, a.name, a.attributes])).toEqual([['vector-store', 'pgvector', { clients: ['halfvec', 'vector'], dimensions: [768, 1536] }]]);
    expect(found?.assets[0]?.evidence.map((e) => e.line)).toEqual([6, 7]);
  });

  it('reads a namespace import and pgvector-node\'s own Drizzle type', () => {
    const viaNamespace = ["import * as pg from 'drizzle-orm/pg-core';", "export const t = pg.pgTable('t', { e: pg.sparsevec('e', { dimensions: 1000 }) });"].join('\n');
    expect(stores(viaNamespace)).toEqual({ pgvector: { clients: ['sparsevec'], dimensions: [1000] } });
    const viaPgvector = ["import { vector } from 'pgvector/drizzle-orm';", "import { pgTable } from 'drizzle-orm/pg-core';", "export const t = pgTable('t', { e: vector('e', { dimensions: 3 }) });"].join('\n');
    expect(stores(viaPgvector)).toEqual({ pgvector: { clients: ['vector'], dimensions: [3] } });
  });

  it('reads a hand-made customType whose SQL type is pgvector\'s', () => {
    const content = [
      "import { customType, pgTable } from 'drizzle-orm/pg-core';",
      'export const vector = customType<{ data: number[]; config: { dimensions: number } }>({',
      '  dataType(config) {',
      '    return `vector(${config?.dimensions ?? 1536})`;',
      '  },',
      '});',
      "export const docs = pgTable('docs', { embedding: vector('embedding', { dimensions: 1536 }) });",
    ].join('\n');
    const found = schema(content);
    expect(found?.assets.map((a) => [a.name, a.attributes])).toEqual([['pgvector', { clients: ['customType'] }]]);
    expect(found?.assets[0]?.evidence.map((e) => e.line)).toEqual([2]);
    // A fixed type through a constant, with its dimension; an arrow's expression body.
    const fixed = ["import { customType } from 'drizzle-orm/pg-core';", "const SQL_TYPE = 'vector(1536)';", 'export const embedding = customType<{ data: number[] }>({ dataType() { return SQL_TYPE; } });', "export const small = customType<{ data: number[] }>({ dataType: () => 'halfvec(256)' });"].join('\n');
    expect(stores(fixed)).toEqual({ pgvector: { clients: ['customType'], dimensions: [256, 1536] } });
  });

  it('stays silent on look-alikes', () => {
    const traps = [
      // Another package's `vector`, and a local one.
      ["import { vector } from 'some-math-lib';", "import { pgTable } from 'drizzle-orm/pg-core';", "const t = pgTable('t', {}); vector('x', { dimensions: 3 });"],
      // A customType of another SQL type.
      ["import { customType } from 'drizzle-orm/pg-core';", "export const citext = customType<{ data: string }>({ dataType() { return 'citext'; } });", "export const oids = customType<{ data: string }>({ dataType: () => 'oidvector' });"],
      // A string that is not what dataType returns, and a nested function's return.
      ["import { customType } from 'drizzle-orm/pg-core';", "export const ts = customType<{ data: string }>({ dataType(c) { if (!c) throw new Error('vector'); const f = () => 'vector'; return 'tsvector'; } });"],
      // The import shadowed by a parameter and by a local variable.
      ["import { vector as v, pgTable } from 'drizzle-orm/pg-core';", "function add(v) { return v('x', { dimensions: 3 }); }", "function other() { const v = (a, b) => a; return v('y', { dimensions: 4 }); }"],
      // Type-only imports, MySQL's and SQLite's cores, a commented-out column.
      ["import type { vector } from 'drizzle-orm/pg-core';", "import { vector as v2 } from 'drizzle-orm/mysql-core';", "v2('e', { dimensions: 3 });", "// import { vector } from 'drizzle-orm/pg-core'; vector('e', { dimensions: 3 })"],
    ];
    for (const lines of traps) expect(schema(lines.join('\n'))).toBeNull();
  });
});

describe('pgvector columns of a Drizzle schema: hostile input', () => {
  it('looks up declarations only for calls of the imported names (50,000 calls of a name declared 50,000 times)', () => {
    const content = "import { vector, pgTable } from 'drizzle-orm/pg-core';\n" + 'var f;\n'.repeat(50_000) + 'f();\n'.repeat(50_000);
    const { value, ms } = cpuTimed(() => detectJavaScript({ scope: 'repo', path: 'schema.ts', content }));
    expect(ms).toBeLessThan(2000);
    expect(value).toBeNull();
  });
});
