import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectPython } from './index.ts';

const stores = (content: string): Asset[] => (detectPython({ scope: 't', path: 'rag.py', content })?.assets ?? []).filter((a) => a.kind === 'vector-store');
const summary = (content: string): Array<[string, unknown]> => stores(content).map((s) => [s.name, s.attributes]);

describe('python detector: vector stores', () => {
  it('reads pgvector from Django models and migrations (pgvector.django fields and the extension; an index is not a collection)', () => {
    const models = ['from django.db import models', 'from pgvector.django import VectorField, HnswIndex', 'class Entry(models.Model):', '    embeddings = VectorField(dimensions=1536)', '    class Meta:', '        indexes = [HnswIndex(name="ix", fields=["embeddings"], opclasses=["vector_cosine_ops"])]', ''].join('\n');
    const [s] = stores(models);
    expect([s?.name, s?.attributes, s?.evidence.map((e) => e.line)]).toEqual(['pgvector', { clients: ['VectorField'] }, [4]]);
    const migration = 'from django.db import migrations\nfrom pgvector.django import VectorExtension\n\nclass Migration(migrations.Migration):\n    operations = [VectorExtension()]\n';
    expect(summary(migration)).toEqual([['pgvector', { clients: ['VectorExtension'] }]]);
    // A Django model field of another package named alike is not pgvector.
    expect(summary('from myapp.fields import VectorField\nx = VectorField(dimensions=3)\n')).toEqual([]);
  });

  it('reads chromadb clients through a module alias, with collections opened on them', () => {
    const src = 'import chromadb as c\ndb = c.PersistentClient(path="./db")\ncol = db.get_or_create_collection(name="docs")\n';
    const [s] = stores(src);
    expect(s).toMatchObject({ kind: 'vector-store', name: 'chroma', provider: 'chroma', attributes: { clients: ['PersistentClient'], collections: ['docs'] } });
    expect(s?.evidence.map((e) => [e.line, e.technique, e.confidence])).toEqual([[2, 'call-site', 'declared'], [3, 'call-site', 'declared']]);
  });

  it('reads qdrant, pinecone (with pc.Index), weaviate factories and faiss indexes', () => {
    const src = [
      'import faiss',
      'import weaviate',
      'from qdrant_client import QdrantClient',
      'from pinecone import Pinecone',
      'q = QdrantClient(url="http://localhost:6333")',
      'q.create_collection(collection_name="tickets", vectors_config=cfg)',
      'pc = Pinecone(api_key=key)',
      'index = pc.Index("kb")',
      'w = weaviate.connect_to_local()',
      'articles = w.collections.get("Article")',
      'ix = faiss.IndexFlatL2(768)',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['qdrant', { clients: ['QdrantClient'], collections: ['tickets'] }],
      ['pinecone', { clients: ['Pinecone'], collections: ['kb'] }],
      ['weaviate', { clients: ['connect_to_local'], collections: ['Article'] }],
      ['faiss', { clients: ['IndexFlatL2'] }],
    ]);
  });

  it('reads LangChain / LlamaIndex stores, factory class-methods and collection_name constants', () => {
    const src = [
      'from langchain_community.vectorstores import FAISS',
      'from langchain_postgres import PGVector',
      'from llama_index.vector_stores.qdrant import QdrantVectorStore',
      'COLLECTION = "support-kb"',
      'db = FAISS.from_documents(docs, emb)',
      'pg = PGVector(embeddings=emb, collection_name=COLLECTION, connection=url)',
      'vs = QdrantVectorStore(client=client, collection_name="faq")',
      'db.similarity_search("q")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['faiss', { clients: ['FAISS'] }],
      ['pgvector', { clients: ['PGVector'], collections: ['support-kb'] }],
      ['qdrant', { clients: ['QdrantVectorStore'], collections: ['faq'] }],
    ]);
  });

  it('reads same-file subclasses of a listed store (not the class line itself); other bases stay unknown', () => {
    const src = [
      'from llama_index.vector_stores.postgres import PGVectorStore',
      'from pydantic import BaseModel',
      'class CustomPGVectorStore(PGVectorStore):',
      '    pass',
      'class Settings(BaseModel, CustomPGVectorStore): ...',
      'class Loop(Loop, Loop): ...',
      'store = CustomPGVectorStore.from_params(table_name="docs")',
      'other = Loop()',
    ].join('\n');
    const [s] = stores(src);
    expect([s?.name, s?.attributes, s?.evidence.map((e) => e.line)]).toEqual(['pgvector', { clients: ['PGVectorStore'], collections: ['docs'] }, [7]]);
    expect(stores(src)).toHaveLength(1);
  });

  it('reads Haystack document stores with their index/collection names; not the in-memory store', () => {
    const src = [
      'from haystack import Pipeline',
      'from haystack.document_stores.in_memory import InMemoryDocumentStore',
      'from haystack_integrations.document_stores.qdrant import QdrantDocumentStore',
      'from haystack_integrations.document_stores.pgvector import PgvectorDocumentStore',
      'from haystack_integrations.document_stores.mongodb_atlas import MongoDBAtlasDocumentStore',
      'mem = InMemoryDocumentStore()',
      'q = QdrantDocumentStore(url="http://localhost:6333", index="docs", embedding_dim=384)',
      'pg = PgvectorDocumentStore(table_name="haystack_docs")',
      'm = MongoDBAtlasDocumentStore(database_name="kb", collection_name="chunks", vector_search_index="vi")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['qdrant', { clients: ['QdrantDocumentStore'], collections: ['docs'] }],
      ['pgvector', { clients: ['PgvectorDocumentStore'], collections: ['haystack_docs'] }],
      ['mongodb-atlas', { clients: ['MongoDBAtlasDocumentStore'], collections: ['chunks'] }],
    ]);
  });

  it('ignores look-alike constructors not imported from a listed package', () => {
    expect(stores('import openai\nfrom mydb import QdrantClient, Client\nq = QdrantClient()\nc = Client()\nclass Pinecone: pass\np = Pinecone()\n')).toEqual([]);
  });

  it('reads turbopuffer clients (sync and async) with their namespaces, and pinecone\'s asyncio client', () => {
    const src = [
      'from turbopuffer import AsyncTurbopuffer, Turbopuffer',
      'from pinecone import PineconeAsyncio',
      'tpuf = Turbopuffer(region="gcp-us-central1")',
      'ns = tpuf.namespace("memories")',
      'async def write(key):',
      '    client = AsyncTurbopuffer(api_key=key, region="aws-us-east-1")',
      '    async with PineconeAsyncio(api_key=key) as pc:',
      '        await pc.create_index(name="passages")',
      'def namespace(x):', // a same-named function of the file is not a turbopuffer namespace
      '    return x',
      'other = namespace("not-a-store")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['turbopuffer', { clients: ['AsyncTurbopuffer', 'Turbopuffer'], collections: ['memories'] }],
      // `with ... as pc` binds no value aimap reads (README): the index opened on it stays unnamed.
      ['pinecone', { clients: ['PineconeAsyncio'] }],
    ]);
  });

  it('reads Azure AI Search clients (sync, async, index admin) and the LangChain and LlamaIndex stores on it', () => {
    const src = [
      'from azure.search.documents import SearchClient',
      'from azure.search.documents.aio import SearchClient as AsyncSearchClient',
      'from azure.search.documents.indexes import SearchIndexClient',
      'from langchain_community.vectorstores.azuresearch import AzureSearch',
      'from llama_index.vector_stores.azureaisearch import AzureAISearchVectorStore',
      'from algoliasearch.search.client import SearchClient as Algolia',
      'c = SearchClient(endpoint=e, index_name="gptkbindex", credential=k)',
      'a = AsyncSearchClient(e, "other", k)',
      'i = SearchIndexClient(endpoint=e, credential=k)',
      'lc = AzureSearch(azure_search_endpoint=e, azure_search_key=k, index_name="lc-index", embedding_function=f)',
      'li = AzureAISearchVectorStore(search_or_index_client=i, index_name="li-index")',
      'x = Algolia("app", "key")',
    ].join('\n');
    expect(summary(src)).toEqual([
      ['azure-ai-search', { clients: ['AzureAISearchVectorStore', 'AzureSearch', 'SearchClient', 'SearchIndexClient'], collections: ['gptkbindex', 'lc-index', 'li-index'] }],
    ]);
  });

  it('does not take a turbopuffer-named class of the file or of another package for the product', () => {
    const src = [
      'from acme.search import Turbopuffer',
      'class AsyncTurbopuffer:',
      '    pass',
      't = Turbopuffer()',
      'a = AsyncTurbopuffer()',
    ].join('\n');
    expect(stores(src)).toEqual([]);
  });
});

describe('python detector: vector extensions created by SQL the program runs', () => {
  const lines = (content: string) => stores(content).map((s) => [s.name, s.attributes, s.evidence.map((e) => e.line ?? 0).sort((a, b) => a - b)]);

  it('reads psycopg, Alembic, SQLAlchemy and Django statements, with no AI import in the file', () => {
    const psycopg = ['import psycopg', 'with psycopg.connect(DSN) as conn:', '    conn.execute("CREATE EXTENSION IF NOT EXISTS vector")', "    conn.execute('CREATE TABLE items (id bigserial, embedding vector(1536))')", ''].join('\n');
    expect(lines(psycopg)).toEqual([['pgvector', { extensions: ['vector'] }, [3]]]);
    const alembic = ['from alembic import op', '', 'def upgrade():', '    op.execute(', '        """', '        -- CREATE EXTENSION lantern;', '        create extension if not exists vectorscale cascade;', '        """', '    )', ''].join('\n');
    expect(lines(alembic)).toEqual([['pgvectorscale', { extensions: ['vectorscale'] }, [7]]]);
    const sqlalchemy = 'from sqlalchemy import text\nwith engine.begin() as c:\n    c.execute(text("CREATE EXTENSION vchord CASCADE"))\n';
    expect(lines(sqlalchemy)).toEqual([['vectorchord', { extensions: ['vchord'] }, [3]]]);
    const django = 'from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RunSQL(sql="CREATE EXTENSION IF NOT EXISTS vector", reverse_sql="DROP EXTENSION vector")]\n';
    expect(lines(django)).toEqual([['pgvector', { extensions: ['vector'] }, [4]]]);
    const pgai = detectPython({ scope: 't', path: 'setup_db.py', content: 'cur.execute("CREATE EXTENSION IF NOT EXISTS ai CASCADE")\n' })?.assets ?? [];
    expect(pgai.map((a) => [a.kind, a.name, a.provider, a.attributes])).toEqual([['sdk', 'pgai', 'timescale', { category: 'framework', ecosystem: 'postgresql', extensions: ['ai'] }]]);
  });

  it('reads more forms of the argument, and gives the line the statement is on', () => {
    const forms = [
      'from sqlalchemy import Column, text\nconn.execute(text("CREATE EXTENSION vector"))\n',
      'import sqlalchemy as sa\nop.execute(sa.text("CREATE EXTENSION vector"))\n',
      'from psycopg import sql\ncur.execute(sql.SQL("CREATE EXTENSION vector"))\n',
      'migrations.RunSQL(["SELECT 1", "CREATE EXTENSION vector"])\n',
      'cur.execute(query="CREATE EXTENSION vector")\n',
      'cur.execute(\n    "CREATE EXTENSION "\n    "vector"\n)\n',
    ];
    expect(forms.map((src) => lines(src).map((s) => s[0]))).toEqual(forms.map(() => ['pgvector']));
    expect(lines('cur.execute("""SELECT 1;\n\n  CREATE EXTENSION vector;""")\nAPI_TOKEN = "x"\n')).toEqual([['pgvector', { extensions: ['vector'] }, [3]]]);
    // A written `\n` decodes to a newline the file does not have: the string's first line is kept.
    expect(lines('cur.execute("SELECT 1; \\n CREATE EXTENSION vector")\nAPI_TOKEN = "x"\n')).toEqual([['pgvector', { extensions: ['vector'] }, [1]]]);
    expect(lines('cur.execute("SET x;\\nCREATE /* c */ EXTENSION vector")\n').map((s) => s[0])).toEqual(['pgvector']);
  });

  it('stays linear on a huge statement', () => {
    const { value, ms } = cpuTimed(() => lines(`op.execute("""\n${'CREATE EXTENSION vector;\n'.repeat(40_000)}""")\n`));
    expect(ms).toBeLessThan(2000);
    expect(value).toEqual([['pgvector', { extensions: ['vector'] }, [2, 3, 4, 5, 6]]]);
  });

  it('stays linear on long lists and runs of imports in a file that names CREATE EXTENSION', () => {
    for (const content of [
      `# CREATE EXTENSION\nx = [${'"a",'.repeat(100_000)}]\n`,
      `# CREATE EXTENSION\nf(${'"a",'.repeat(100_000)})\n`,
      `# CREATE EXTENSION\n${'from sqlalchemy import a\n'.repeat(40_000)}`,
    ]) {
      const { value, ms } = cpuTimed(() => detectPython({ scope: 't', path: 'x.py', content }));
      expect(ms).toBeLessThan(2000);
      expect(value).toBeNull();
    }
    // `text` imported from another package on the next line is not SQLAlchemy's.
    expect(lines('from sqlalchemy import Column\nfrom streamlit import text\ntext("CREATE EXTENSION vector")\n')).toEqual([]);
  });

  it('follows SQL held in a name to its string assignments, once however often it runs', () => {
    const src = ['SCHEMA = """', 'CREATE EXTENSION IF NOT EXISTS vector;', 'CREATE TABLE docs (id serial, embedding vector(384));', '"""', 'PGAI = "CREATE EXTENSION IF NOT EXISTS ai CASCADE"', '', 'def setup(cur):', '    cur.execute(SCHEMA)', '    cur.execute(PGAI)', ''].join('\n');
    expect((detectPython({ scope: 't', path: 'setup_db.py', content: src })?.assets ?? []).map((a) => [a.kind, a.name, a.evidence.map((e) => e.line)])).toEqual([
      ['vector-store', 'pgvector', [2]],
      ['sdk', 'pgai', [5]],
    ]);
    // A name never run, and a name run but assigned something else, are not read.
    expect(detectPython({ scope: 't', path: 'x.py', content: 'HINT = "CREATE EXTENSION vector"\nprint(HINT)\nQ = build()\ncur.execute(Q)\n' })).toBeNull();
    const { value, ms } = cpuTimed(() => lines(`S = "${'x'.repeat(1_000_000)} CREATE EXTENSION vector"\n${'cur.execute(S)\n'.repeat(50_000)}`));
    expect(ms).toBeLessThan(3000);
    expect(value).toEqual([['pgvector', { extensions: ['vector'] }, [1]]]);
  });

  it('joins the pgvector a pgvector import shows in the same file', () => {
    const src = 'from pgvector.psycopg import register_vector\nconn.execute("CREATE EXTENSION IF NOT EXISTS vector")\nregister_vector(conn)\n';
    expect(lines(src)).toEqual([['pgvector', { clients: ['register_vector'], extensions: ['vector'] }, [2, 3]]]);
  });

  it('stays silent on statements that are not run, comments, other extensions and f-strings', () => {
    const traps = [
      '# cur.execute("CREATE EXTENSION vector")\n',
      'def setup():\n    """Run CREATE EXTENSION vector before this."""\n',
      'HINT = "CREATE EXTENSION vector"\nlog.info(HINT)\n',
      'cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")\ncur.execute("CREATE EXTENSION \\"uuid-ossp\\"")\n',
      'cur.execute("/* CREATE EXTENSION vector */ SELECT 1")\n',
      'cur.execute(f"CREATE EXTENSION {name}")\n',
      // Streamlit's text, and a bare text() not imported from SQLAlchemy.
      'import streamlit as st\nst.text("Run CREATE EXTENSION vector; in psql first")\ntext("CREATE EXTENSION vector")\n',
    ];
    for (const src of traps) expect(detectPython({ scope: 't', path: 'db.py', content: src })).toBeNull();
  });
});
