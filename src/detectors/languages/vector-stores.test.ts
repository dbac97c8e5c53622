import { describe, expect, it } from 'vitest';
import { detectLanguages } from './index.ts';

const stores = (path: string, content: string): string[] =>
  (detectLanguages({ scope: 't', path, content })?.assets ?? []).filter((a) => a.kind === 'vector-store').map((a) => `${a.name} ${String(a.attributes['clients'])}`);

describe('vector-store clients', () => {
  it('C#: a client of a used namespace, constructed', () => {
    expect(stores('S.cs', 'using Qdrant.Client;\nvar client = new QdrantClient("localhost");\n')).toEqual(['qdrant QdrantClient']);
    expect(stores('S.cs', 'using Pinecone;\nclass S { PineconeClient? client; }\n')).toEqual([]);
  });

  it('Java: builders of LangChain4j and Spring AI stores; a same-named class from elsewhere is not a client', () => {
    const src = [
      'import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;',
      'import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;',
      'class C {',
      '  Object a = PgVectorEmbeddingStore.builder().table("docs").build();',
      '  Object b = QdrantVectorStore.builder(client, embeddingModel).build();',
      '}',
    ].join('\n');
    expect(stores('C.java', src)).toEqual(['pgvector PgVectorEmbeddingStore', 'qdrant QdrantVectorStore']);
    expect(stores('D.java', 'import com.openai.client.OpenAIClient;\nimport com.example.QdrantClient;\nclass D { Object q = new QdrantClient(); }\n')).toEqual([]);
  });

  it('Java: LangChain4j stores on Azure AI Search, Cosmos DB and Elasticsearch', () => {
    const src = [
      'import dev.langchain4j.store.embedding.azure.search.AzureAiSearchEmbeddingStore;',
      'import dev.langchain4j.store.embedding.azure.cosmos.nosql.AzureCosmosDbNoSqlEmbeddingStore;',
      'import dev.langchain4j.store.embedding.elasticsearch.ElasticsearchEmbeddingStore;',
      'class A {',
      '  Object a = AzureAiSearchEmbeddingStore.builder().endpoint(e).build();',
      '  Object b = AzureCosmosDbNoSqlEmbeddingStore.builder().build();',
      '  Object c = ElasticsearchEmbeddingStore.builder().restClient(r).build();',
      '}',
    ].join('\n');
    expect(stores('A.java', src).sort()).toEqual(['azure-ai-search AzureAiSearchEmbeddingStore', 'azure-cosmos-db AzureCosmosDbNoSqlEmbeddingStore', 'elasticsearch ElasticsearchEmbeddingStore']);
  });
});
