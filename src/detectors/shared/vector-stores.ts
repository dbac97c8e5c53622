/**
 * Vector-store clients by constructor or factory name, per language. A hit creates a
 * `vector-store` asset named after the product. Sources: package docs of each client;
 * Cisco/agent-bom vector package lists (research/anchors-mission.md §2a).
 */

export interface VectorClient {
  /** Product id used as the asset name (`pinecone`, `chroma`, ...). */
  readonly product: string;
  /** Constructor/factory names as called in code. */
  readonly names: readonly string[];
  /** Packages (npm or PyPI) that export them; a hit counts only when imported from one of these. */
  readonly packages: readonly string[];
  readonly source: string;
}

export const JS_VECTOR_CLIENTS: readonly VectorClient[] = [
  { product: 'pinecone', names: ['Pinecone', 'PineconeClient', 'PineconeStore'], packages: ['@pinecone-database/pinecone', '@langchain/pinecone'], source: 'pinecone-ts-client README' },
  { product: 'turbopuffer', names: ['Turbopuffer'], packages: ['@turbopuffer/turbopuffer'], source: 'turbopuffer-typescript README (new Turbopuffer({ region }))' },
  { product: 'chroma', names: ['ChromaClient', 'CloudClient', 'Chroma'], packages: ['chromadb', '@langchain/community', '@langchain/community/vectorstores/chroma'], source: 'chroma js docs' },
  { product: 'qdrant', names: ['QdrantClient', 'QdrantVectorStore'], packages: ['@qdrant/js-client-rest', '@qdrant/qdrant-js', '@langchain/qdrant'], source: 'qdrant-js README' },
  { product: 'weaviate', names: ['WeaviateClient', 'connectToWeaviateCloud', 'connectToLocal', 'connectToCustom', 'WeaviateStore'], packages: ['weaviate-client', 'weaviate-ts-client', '@langchain/weaviate'], source: 'weaviate typescript client docs' },
  { product: 'milvus', names: ['MilvusClient', 'Milvus'], packages: ['@zilliz/milvus2-sdk-node', '@langchain/community'], source: 'milvus node sdk README' },
  { product: 'lancedb', names: ['connect', 'LanceDB'], packages: ['@lancedb/lancedb', 'vectordb'], source: 'lancedb js docs' },
  { product: 'pgvector', names: ['PGVectorStore', 'pgvector'], packages: ['pgvector', '@langchain/community'], source: 'pgvector-node README' },
  { product: 'faiss', names: ['FaissStore'], packages: ['@langchain/community', 'faiss-node'], source: 'langchain js docs' },
  // LangChain JS vector store integrations (js.langchain.com integrations/vectorstores): the class names the product.
  { product: 'elasticsearch', names: ['ElasticVectorSearch'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/elasticsearch' },
  { product: 'opensearch', names: ['OpenSearchVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/opensearch' },
  { product: 'supabase', names: ['SupabaseVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/supabase' },
  { product: 'redis', names: ['RedisVectorStore'], packages: ['@langchain/redis', '@langchain/community'], source: 'langchain js integrations/vectorstores/redis' },
  { product: 'mongodb-atlas', names: ['MongoDBAtlasVectorSearch'], packages: ['@langchain/mongodb', '@langchain/community'], source: 'langchain js integrations/vectorstores/mongodb_atlas' },
  { product: 'astra', names: ['AstraDBVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/astradb' },
  { product: 'upstash', names: ['UpstashVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/upstash' },
  { product: 'singlestore', names: ['SingleStoreVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/singlestore' },
  { product: 'vectara', names: ['VectaraStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/vectara' },
  { product: 'zep', names: ['ZepVectorStore', 'ZepCloudVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/zep' },
  { product: 'couchbase', names: ['CouchbaseVectorStore', 'CouchbaseSearchVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/couchbase' },
  { product: 'azure-ai-search', names: ['SearchClient', 'SearchIndexClient'], packages: ['@azure/search-documents'], source: 'npmjs.com/package/@azure/search-documents README (new SearchClient(endpoint, indexName, credential))' },
  { product: 'azure-ai-search', names: ['AzureAISearchVectorStore'], packages: ['@langchain/community'], source: 'langchain js integrations/vectorstores/azure_aisearch' },
  // weaviate-ts-client v2: `weaviate.client({ scheme, host })`.
  { product: 'weaviate', names: ['client'], packages: ['weaviate-ts-client'], source: 'weaviate-ts-client v2 README' },
];

export const PY_VECTOR_CLIENTS: readonly VectorClient[] = [
  { product: 'pinecone', names: ['Pinecone', 'PineconeVectorStore', 'PineconeGRPC', 'PineconeAsyncio'], packages: ['pinecone', 'langchain_pinecone', 'llama_index.vector_stores.pinecone'], source: 'pinecone python README (PineconeAsyncio: asyncio client, pinecone>=6)' },
  { product: 'turbopuffer', names: ['Turbopuffer', 'AsyncTurbopuffer'], packages: ['turbopuffer'], source: 'pypi.org/project/turbopuffer README (Turbopuffer(region=...), tpuf.namespace("x"); sync and async clients)' },
  { product: 'chroma', names: ['Client', 'PersistentClient', 'HttpClient', 'EphemeralClient', 'CloudClient', 'Chroma', 'ChromaVectorStore'], packages: ['chromadb', 'langchain_chroma', 'langchain_community.vectorstores', 'llama_index.vector_stores.chroma'], source: 'chroma python docs' },
  { product: 'qdrant', names: ['QdrantClient', 'AsyncQdrantClient', 'QdrantVectorStore', 'Qdrant'], packages: ['qdrant_client', 'langchain_qdrant', 'langchain_community.vectorstores', 'llama_index.vector_stores.qdrant'], source: 'qdrant python README' },
  { product: 'weaviate', names: ['connect_to_weaviate_cloud', 'connect_to_local', 'connect_to_custom', 'WeaviateClient', 'Client', 'WeaviateVectorStore'], packages: ['weaviate', 'langchain_weaviate', 'llama_index.vector_stores.weaviate'], source: 'weaviate python client docs' },
  { product: 'milvus', names: ['MilvusClient', 'Milvus', 'MilvusVectorStore', 'connections'], packages: ['pymilvus', 'langchain_milvus', 'langchain_community.vectorstores', 'llama_index.vector_stores.milvus'], source: 'pymilvus docs' },
  { product: 'lancedb', names: ['connect', 'LanceDB', 'LanceDBVectorStore'], packages: ['lancedb', 'langchain_community.vectorstores', 'llama_index.vector_stores.lancedb'], source: 'lancedb python docs' },
  { product: 'pgvector', names: ['PGVector', 'PGVectorStore', 'register_vector', 'Vector'], packages: ['pgvector', 'pgvector.psycopg', 'pgvector.sqlalchemy', 'langchain_postgres', 'langchain_community.vectorstores', 'llama_index.vector_stores.postgres'], source: 'pgvector-python README' },
  { product: 'pgvector', names: ['VectorExtension', 'VectorField', 'HalfVectorField', 'SparseVectorField'], packages: ['pgvector.django'], source: 'pgvector-python README (Django)' },
  { product: 'faiss', names: ['IndexFlatL2', 'IndexFlatIP', 'IndexIVFFlat', 'IndexHNSWFlat', 'FAISS', 'FaissVectorStore'], packages: ['faiss', 'langchain_community.vectorstores', 'llama_index.vector_stores.faiss'], source: 'faiss wiki; langchain docs' },
  { product: 'elasticsearch', names: ['ElasticsearchStore', 'ElasticVectorSearch'], packages: ['langchain_elasticsearch', 'langchain_community.vectorstores'], source: 'langchain docs' },
  { product: 'pinecone', names: ['PineconeDocumentStore'], packages: ['haystack_integrations.document_stores.pinecone'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'chroma', names: ['ChromaDocumentStore'], packages: ['haystack_integrations.document_stores.chroma'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'qdrant', names: ['QdrantDocumentStore'], packages: ['haystack_integrations.document_stores.qdrant'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'weaviate', names: ['WeaviateDocumentStore'], packages: ['haystack_integrations.document_stores.weaviate'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'pgvector', names: ['PgvectorDocumentStore'], packages: ['haystack_integrations.document_stores.pgvector'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'elasticsearch', names: ['ElasticsearchDocumentStore'], packages: ['haystack_integrations.document_stores.elasticsearch'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'opensearch', names: ['OpenSearchDocumentStore'], packages: ['haystack_integrations.document_stores.opensearch'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'mongodb-atlas', names: ['MongoDBAtlasDocumentStore'], packages: ['haystack_integrations.document_stores.mongodb_atlas'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'azure-ai-search', names: ['SearchClient', 'SearchIndexClient'], packages: ['azure.search.documents'], source: 'pypi.org/project/azure-search-documents README (SearchClient(endpoint, index_name, credential); .aio for async, .indexes for the index client)' },
  { product: 'azure-ai-search', names: ['AzureSearch'], packages: ['langchain_community.vectorstores'], source: 'langchain docs integrations/vectorstores/azuresearch' },
  { product: 'azure-ai-search', names: ['AzureAISearchVectorStore'], packages: ['llama_index.vector_stores.azureaisearch'], source: 'llama-index-vector-stores-azureaisearch README' },
  { product: 'azure-ai-search', names: ['AzureAISearchDocumentStore'], packages: ['haystack_integrations.document_stores.azure_ai_search'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'astra', names: ['AstraDocumentStore'], packages: ['haystack_integrations.document_stores.astra'], source: 'docs.haystack.deepset.ai document stores (haystack-core-integrations)' },
  { product: 'milvus', names: ['MilvusDocumentStore'], packages: ['milvus_haystack'], source: 'milvus-haystack README' },
  { product: 'weaviate', names: ['WeaviateDocumentStore'], packages: ['haystack.document_stores'], source: 'farm-haystack 1.x document stores' },
];

/**
 * Java/Kotlin vector clients (read by the languages detector). `names` are classes, counted when
 * constructed (`new X(...)`, Kotlin `X(...)`) or built (`X.builder()`, `new X.Builder(...)`,
 * `X.newBuilder(...)`), or `Class.method` static entry points; `packages` are the Java packages
 * holding the classes (the import must name one of them).
 */
export const JVM_VECTOR_CLIENTS: readonly VectorClient[] = [
  { product: 'qdrant', names: ['QdrantClient'], packages: ['io.qdrant.client'], source: 'qdrant java-client README' },
  { product: 'azure-ai-search', names: ['SearchClientBuilder', 'SearchIndexClientBuilder'], packages: ['com.azure.search.documents'], source: 'azure-search-documents Java README (new SearchClientBuilder().endpoint(e).indexName(i).buildClient())' },
  { product: 'milvus', names: ['MilvusServiceClient', 'MilvusClientV2'], packages: ['io.milvus.client', 'io.milvus.v2.client'], source: 'milvus-sdk-java README (v1 and v2 clients)' },
  { product: 'pinecone', names: ['Pinecone', 'PineconeClient'], packages: ['io.pinecone.clients', 'io.pinecone'], source: 'pinecone-java-client README (`new Pinecone.Builder(key).build()`; 0.x PineconeClient)' },
  { product: 'pgvector', names: ['PGvector', 'PGvector.addVectorType', 'PGvector.registerTypes'], packages: ['com.pgvector'], source: 'pgvector-java README' },
  { product: 'weaviate', names: ['WeaviateClient', 'WeaviateAuthClient.apiKey', 'WeaviateAuthClient.bearerToken', 'WeaviateAuthClient.clientPassword'], packages: ['io.weaviate.client'], source: 'weaviate java-client README' },
  { product: 'chroma', names: ['Client'], packages: ['tech.amikos.chromadb'], source: 'chromadb-java-client README (`new Client(url)`)' },
  { product: 'qdrant', names: ['QdrantEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.qdrant'], source: 'langchain4j embedding stores' },
  { product: 'milvus', names: ['MilvusEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.milvus'], source: 'langchain4j embedding stores' },
  { product: 'pinecone', names: ['PineconeEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.pinecone'], source: 'langchain4j embedding stores' },
  { product: 'pgvector', names: ['PgVectorEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.pgvector'], source: 'langchain4j embedding stores' },
  { product: 'weaviate', names: ['WeaviateEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.weaviate'], source: 'langchain4j embedding stores' },
  { product: 'chroma', names: ['ChromaEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.chroma'], source: 'langchain4j embedding stores' },
  { product: 'elasticsearch', names: ['ElasticsearchEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.elasticsearch'], source: 'langchain4j embedding stores' },
  { product: 'opensearch', names: ['OpenSearchEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.opensearch'], source: 'langchain4j embedding stores' },
  { product: 'azure-ai-search', names: ['AzureAiSearchEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.azure.search'], source: 'langchain4j embedding stores' },
  { product: 'azure-cosmos-db', names: ['AzureCosmosDbMongoVCoreEmbeddingStore', 'AzureCosmosDbNoSqlEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.azure.cosmos.mongo.vcore', 'dev.langchain4j.store.embedding.azure.cosmos.nosql'], source: 'langchain4j embedding stores' },
  { product: 'redis', names: ['RedisEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.redis'], source: 'langchain4j embedding stores' },
  { product: 'mongodb-atlas', names: ['MongoDbEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.mongodb'], source: 'langchain4j embedding stores' },
  { product: 'neo4j', names: ['Neo4jEmbeddingStore'], packages: ['dev.langchain4j.store.embedding.neo4j'], source: 'langchain4j embedding stores' },
  { product: 'qdrant', names: ['QdrantVectorStore'], packages: ['org.springframework.ai.vectorstore.qdrant'], source: 'spring-ai vector stores (1.0)' },
  { product: 'milvus', names: ['MilvusVectorStore'], packages: ['org.springframework.ai.vectorstore.milvus'], source: 'spring-ai vector stores (1.0)' },
  { product: 'pinecone', names: ['PineconeVectorStore'], packages: ['org.springframework.ai.vectorstore.pinecone'], source: 'spring-ai vector stores (1.0)' },
  { product: 'pgvector', names: ['PgVectorStore'], packages: ['org.springframework.ai.vectorstore.pgvector'], source: 'spring-ai vector stores (1.0)' },
  { product: 'weaviate', names: ['WeaviateVectorStore'], packages: ['org.springframework.ai.vectorstore.weaviate'], source: 'spring-ai vector stores (1.0)' },
  { product: 'chroma', names: ['ChromaVectorStore'], packages: ['org.springframework.ai.chroma.vectorstore'], source: 'spring-ai vector stores (1.0)' },
];

/**
 * Go vector clients (read by the languages detector). `names` are `package.Func`, the package as it
 * names itself (what code calls it when the import has no alias), with folders before it where the
 * bare name would mislead (`vectorstores/qdrant.New` is LangChainGo's, `qdrant.NewClient` Qdrant's
 * own client; the part after the last `/` is the package name); `packages` are import paths
 * without the module's major-version suffix (`github.com/weaviate/weaviate-go-client/v5/weaviate`
 * is listed as `github.com/weaviate/weaviate-go-client/weaviate`). A call `local.Func(...)` counts,
 * `local` being the import's alias or the package name. LangChainGo stores are named after the
 * database they keep vectors in (AlloyDB and Cloud SQL for PostgreSQL: pgvector).
 */
const LCGO = 'github.com/tmc/langchaingo/vectorstores';
export const GO_VECTOR_CLIENTS: readonly VectorClient[] = [
  {
    product: 'qdrant',
    names: ['qdrant.NewClient', 'qdrant.NewGrpcClient', 'qdrant.NewDefaultGrpcClient', 'qdrant.NewGrpcClientFromConn', 'qdrant.NewQdrantClient', 'qdrant.NewCollectionsClient', 'qdrant.NewPointsClient', 'qdrant.NewSnapshotsClient'],
    packages: ['github.com/qdrant/go-client/qdrant'],
    source: 'qdrant/go-client qdrant/client.go, grpc_client.go; the generated gRPC clients 1.x code constructs',
  },
  { product: 'weaviate', names: ['weaviate.NewClient', 'weaviate.New'], packages: ['github.com/weaviate/weaviate-go-client/weaviate'], source: 'weaviate-go-client weaviate/weaviate_client.go (v4, v5)' },
  {
    product: 'milvus',
    names: ['client.NewClient', 'client.NewGrpcClient', 'client.NewDefaultGrpcClient', 'client.NewDefaultGrpcClientWithURI', 'client.NewDefaultGrpcClientWithAuth', 'client.NewDefaultGrpcClientWithTLSAuth'],
    packages: ['github.com/milvus-io/milvus-sdk-go/client'],
    source: 'milvus-sdk-go client/client.go (v2; NewGrpcClient in 2.0-2.2)',
  },
  { product: 'milvus', names: ['milvusclient.New'], packages: ['github.com/milvus-io/milvus/client/milvusclient'], source: 'milvus.io Go SDK docs (milvus/client/v2/milvusclient)' },
  { product: 'pinecone', names: ['pinecone.NewClient', 'pinecone.NewClientBase'], packages: ['github.com/pinecone-io/go-pinecone/pinecone'], source: 'go-pinecone pinecone/client.go' },
  { product: 'chromem', names: ['chromem.NewDB', 'chromem.NewPersistentDB'], packages: ['github.com/philippgille/chromem-go'], source: 'chromem-go db.go' },
  { product: 'pgvector', names: ['pgvector.NewVector', 'pgvector.NewHalfVector', 'pgvector.NewSparseVector', 'pgvector.NewSparseVectorFromMap'], packages: ['github.com/pgvector/pgvector-go'], source: 'pgvector-go vector.go, halfvec.go, sparsevec.go' },
  { product: 'pgvector', names: ['pgvector-go/pgx.RegisterTypes'], packages: ['github.com/pgvector/pgvector-go/pgx'], source: 'pgvector-go pgx/register.go (imported as pgxvec in its README)' },
  { product: 'chroma', names: ['chromago.NewClient'], packages: ['github.com/amikos-tech/chroma-go'], source: 'chroma-go v0.1-v0.2 chroma.go (package chromago)' },
  { product: 'chroma', names: ['api/v2.NewHTTPClient', 'api/v2.NewPersistentClient', 'api/v2.NewCloudClient', 'api/v2.NewCloudAPIClient'], packages: ['github.com/amikos-tech/chroma-go/pkg/api/v2'], source: 'chroma-go pkg/api/v2 client_http.go, client_local.go, client_cloud.go' },
  { product: 'upstash', names: ['vector.NewIndex', 'vector.NewIndexFromEnv', 'vector.NewIndexWith'], packages: ['github.com/upstash/vector-go'], source: 'upstash/vector-go README' },
  { product: 'qdrant', names: ['vectorstores/qdrant.New'], packages: [`${LCGO}/qdrant`], source: 'langchaingo vectorstores' },
  { product: 'weaviate', names: ['vectorstores/weaviate.New'], packages: [`${LCGO}/weaviate`], source: 'langchaingo vectorstores' },
  { product: 'pinecone', names: ['vectorstores/pinecone.New'], packages: [`${LCGO}/pinecone`], source: 'langchaingo vectorstores' },
  { product: 'chroma', names: ['vectorstores/chroma.New'], packages: [`${LCGO}/chroma`], source: 'langchaingo vectorstores' },
  { product: 'milvus', names: ['vectorstores/milvus.New'], packages: [`${LCGO}/milvus`], source: 'langchaingo vectorstores' },
  { product: 'milvus', names: ['vectorstores/milvus/v2.New'], packages: [`${LCGO}/milvus/v2`], source: 'langchaingo vectorstores (milvus/v2 on the milvusclient SDK)' },
  { product: 'pgvector', names: ['vectorstores/pgvector.New'], packages: [`${LCGO}/pgvector`], source: 'langchaingo vectorstores' },
  { product: 'pgvector', names: ['vectorstores/alloydb.NewVectorStore'], packages: [`${LCGO}/alloydb`], source: 'langchaingo vectorstores (AlloyDB for PostgreSQL, pgvector)' },
  { product: 'pgvector', names: ['vectorstores/cloudsql.NewVectorStore'], packages: [`${LCGO}/cloudsql`], source: 'langchaingo vectorstores (Cloud SQL for PostgreSQL, pgvector)' },
  { product: 'redis', names: ['vectorstores/redisvector.New'], packages: [`${LCGO}/redisvector`], source: 'langchaingo vectorstores' },
  { product: 'opensearch', names: ['vectorstores/opensearch.New'], packages: [`${LCGO}/opensearch`], source: 'langchaingo vectorstores' },
  { product: 'mongodb-atlas', names: ['vectorstores/mongovector.New'], packages: [`${LCGO}/mongovector`], source: 'langchaingo vectorstores' },
  { product: 'azure-ai-search', names: ['vectorstores/azureaisearch.New'], packages: [`${LCGO}/azureaisearch`], source: 'langchaingo vectorstores' },
  { product: 'mariadb', names: ['vectorstores/mariadb.New'], packages: [`${LCGO}/mariadb`], source: 'langchaingo vectorstores' },
  { product: 'dolt', names: ['vectorstores/dolt.New'], packages: [`${LCGO}/dolt`], source: 'langchaingo vectorstores' },
];

/** C# vector clients, as `JVM_VECTOR_CLIENTS`; `packages` are the namespaces a `using` names. */
export const NUGET_VECTOR_CLIENTS: readonly VectorClient[] = [
  { product: 'qdrant', names: ['QdrantClient'], packages: ['Qdrant.Client'], source: 'qdrant-dotnet README' },
  { product: 'pinecone', names: ['PineconeClient'], packages: ['Pinecone'], source: 'pinecone-dotnet-client README' },
  { product: 'azure-ai-search', names: ['SearchClient', 'SearchIndexClient'], packages: ['Azure.Search.Documents'], source: 'Azure.Search.Documents README (new SearchClient(new Uri(endpoint), indexName, credential))' },
  { product: 'pgvector', names: ['Vector', 'HalfVector', 'SparseVector'], packages: ['Pgvector'], source: 'pgvector-dotnet README (new Vector(float[]) under using Pgvector)' },
];

/** Finds the client whose name matches and whose package list contains `fromPackage`. */
export function findVectorClient(table: readonly VectorClient[], name: string, fromPackage: string): VectorClient | undefined {
  return table.find((c) => c.names.includes(name) && c.packages.some((p) => fromPackage === p || fromPackage.startsWith(`${p}/`) || fromPackage.startsWith(`${p}.`)));
}
