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

  it('Azure AI Search clients: C# constructed under its namespaces, Java built from its builders', () => {
    const cs = 'using Azure.Search.Documents;\nusing Azure.Search.Documents.Indexes;\nvar s = new SearchClient(new Uri(e), "docs", c);\nvar i = new SearchIndexClient(new Uri(e), c);\n';
    expect(stores('Rag.cs', cs)).toEqual(['azure-ai-search SearchClient,SearchIndexClient']);
    expect(stores('Other.cs', 'using Acme.Search;\nvar s = new SearchClient("x");\n')).toEqual([]);
    const java = [
      'import com.azure.search.documents.SearchClient;',
      'import com.azure.search.documents.SearchClientBuilder;',
      'class R {',
      '  SearchClient c = new SearchClientBuilder().endpoint(e).indexName("docs").buildClient();',
      '}',
    ].join('\n');
    expect(stores('R.java', java)).toEqual(['azure-ai-search SearchClientBuilder']);
    expect(stores('O.java', 'import org.acme.SearchClientBuilder;\nclass O { Object c = new SearchClientBuilder().build(); }\n')).toEqual([]);
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

  it('Go: constructor functions called through the import, under its alias or package name, any major version', () => {
    const src = [
      'package store',
      'import (',
      '\t"github.com/qdrant/go-client/qdrant"',
      '\twv "github.com/weaviate/weaviate-go-client/v4/weaviate"',
      '\t"github.com/pinecone-io/go-pinecone/v4/pinecone"',
      '\t"github.com/philippgille/chromem-go"',
      '\t"github.com/milvus-io/milvus-sdk-go/v2/client"',
      ')',
      'func open() {',
      '\tq, _ := qdrant.NewClient(&qdrant.Config{Host: "localhost", Port: 6334})',
      '\tw, _ := wv.NewClient(wv.Config{Host: "localhost:8080", Scheme: "http"})',
      '\tp, _ := pinecone.NewClient(pinecone.NewClientParams{ApiKey: key})',
      '\tdb := chromem.NewDB()',
      '\tclient, _ := client.NewGrpcClient(ctx, "localhost:19530")',
      '}',
    ].join('\n');
    expect(stores('store/open.go', src)).toEqual(['chromem chromem.NewDB', 'milvus client.NewGrpcClient', 'pinecone pinecone.NewClient', 'qdrant qdrant.NewClient', 'weaviate weaviate.NewClient']);
  });

  it('Go: LangChainGo stores are named after their database; a package of the same name from elsewhere, a type, a blank import, comments and strings are not clients', () => {
    const lc = 'package rag\nimport "github.com/tmc/langchaingo/vectorstores/qdrant"\nfunc f() { s, _ := qdrant.New(qdrant.WithURL(u)) }\n';
    expect(stores('rag/index.go', lc)).toEqual(['qdrant vectorstores/qdrant.New']);
    const traps = [
      'package traps',
      'import (',
      '\t"example.com/app/pinecone"',
      '\t"github.com/qdrant/go-client/qdrant"',
      '\t_ "github.com/weaviate/weaviate-go-client/v5/weaviate"',
      ')',
      '// qdrant.NewClient(cfg)',
      'type H struct { C *qdrant.Client }',
      'func f() { p := pinecone.NewClient("x"); s := "weaviate.NewClient(cfg)"; x.qdrant.NewClient(cfg) }',
    ].join('\n');
    expect(stores('traps/traps.go', traps)).toEqual([]);
  });
});
