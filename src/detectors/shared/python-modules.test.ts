import { describe, expect, it } from 'vitest';
import { findPythonModule } from './python-modules.ts';

describe('findPythonModule', () => {
  it('maps import names to the distribution that ships them', () => {
    const cases: Record<string, string | undefined> = {
      'google.generativeai': 'google-generativeai',
      'google.genai.types': 'google-genai',
      'langchain_openai.chat_models': 'langchain-openai',
      'llama_index.core.query_engine': 'llama-index-core',
      'llama_index.llms.openai': 'llama-index-llms-openai',
      'llama_index.llms.openai.base': 'llama-index-llms-openai',
      'llama_index.vector_stores.qdrant': 'llama-index-vector-stores-qdrant',
      'llama_index.storage.index_store.postgres': 'llama-index-storage-index-store-postgres',
      llama_index: 'llama-index',
      'mcp.server.fastmcp': 'mcp',
      'autogen_ext.models.openai': 'autogen-ext',
      'azure.ai.inference.models': 'azure-ai-inference',
      'azure.ai.projects': 'azure-ai-projects',
      'azure.ai.agents.models': 'azure-ai-agents',
      'azure.search.documents.indexes': 'azure-search-documents',
      'azure.storage.blob': undefined,
      azure: undefined,
      bedrock_agentcore: 'bedrock-agentcore',
      llama_cpp: 'llama-cpp-python',
      mem0: 'mem0ai',
      requests: undefined,
      openai_helpers: undefined,
    };
    const got = Object.fromEntries(Object.keys(cases).map((m) => [m, findPythonModule(m)?.packageName]));
    expect(got).toEqual(cases);
  });
});
