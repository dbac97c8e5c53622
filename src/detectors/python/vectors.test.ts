import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectPython } from './index.ts';

const stores = (content: string): Asset[] => (detectPython({ scope: 't', path: 'rag.py', content })?.assets ?? []).filter((a) => a.kind === 'vector-store');
const summary = (content: string): Array<[string, unknown]> => stores(content).map((s) => [s.name, s.attributes]);

describe('python detector: vector stores', () => {
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

  it('ignores look-alike constructors not imported from a listed package', () => {
    expect(stores('import openai\nfrom mydb import QdrantClient, Client\nq = QdrantClient()\nc = Client()\nclass Pinecone: pass\np = Pinecone()\n')).toEqual([]);
  });
});
