import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { manifestsDetector } from './index.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../../test/fixtures/${path}`, import.meta.url));

/** Every AI package of the monorepo fixture, as `<ecosystem>:<name>`. */
const EXPECTED = [
  'cargo:async-openai',
  'cargo:candle-core',
  'cargo:qdrant-client',
  'cargo:rmcp',
  'gem:langchainrb',
  'gem:ruby-openai',
  'go:github.com/anthropics/anthropic-sdk-go',
  'go:github.com/mark3labs/mcp-go',
  'go:github.com/openai/openai-go',
  'go:github.com/pkoukk/tiktoken-go',
  'go:github.com/qdrant/go-client',
  'go:github.com/tmc/langchaingo',
  'maven:com.anthropic:anthropic-java',
  'maven:com.openai:openai-java',
  'maven:dev.langchain4j:langchain4j',
  'maven:dev.langchain4j:langchain4j-anthropic',
  'maven:dev.langchain4j:langchain4j-bom',
  'maven:org.springframework.ai:spring-ai-bom',
  'maven:org.springframework.ai:spring-ai-starter-model-openai',
  'maven:org.springframework.ai:spring-ai-starter-vector-store-pgvector',
  'npm:@ai-sdk/anthropic',
  'npm:@ai-sdk/openai',
  'npm:@anthropic-ai/sdk',
  'npm:@langchain/core',
  'npm:@langchain/langgraph',
  'npm:@modelcontextprotocol/sdk',
  'npm:@pinecone-database/pinecone',
  'npm:ai',
  'npm:langsmith',
  'npm:onnxruntime-node',
  'npm:openai',
  'nuget:Azure.AI.OpenAI',
  'nuget:Microsoft.SemanticKernel',
  'nuget:ModelContextProtocol',
  'pypi:anthropic',
  'pypi:arize-phoenix',
  'pypi:chromadb',
  'pypi:cohere',
  'pypi:datasets',
  'pypi:huggingface-hub',
  'pypi:langchain-openai',
  'pypi:langfuse',
  'pypi:llama-index-core',
  'pypi:mlflow',
  'pypi:openai',
  'pypi:pinecone-client',
  'pypi:pymilvus',
  'pypi:qdrant-client',
  'pypi:sentence-transformers',
  'pypi:tiktoken',
  'pypi:torch',
  'pypi:transformers',
];

describe('manifests fixtures', () => {
  const result = detectTree(fixture('manifests'), manifestsDetector);
  const byKey = (key: string) => result.assets.filter((a) => `${String(a.attributes['ecosystem'])}:${a.name}` === key);

  it('finds exactly the AI packages of the polyglot monorepo, without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect([...new Set(result.assets.map((a) => `${String(a.attributes['ecosystem'])}:${a.name}`))].sort()).toEqual(EXPECTED);
    expect(names(result.assets, 'sdk')).toContain('openai');
    expect(result.assets.every((a) => a.kind === 'sdk' && a.evidence.every((e) => e.technique === 'manifest' && e.line !== undefined))).toBe(true);
  });

  it('records where and how each was declared', () => {
    const scopes = (key: string) => byKey(key).map((a) => [a.evidence[0]?.path, a.attributes['scopes'], a.attributes['versions']]);
    expect(scopes('npm:openai')).toEqual([['packages/agent/package.json', ['runtime'], ['^5.1.1']]]);
    expect(scopes('pypi:openai')).toEqual([
      ['services/rag-api/pyproject.toml', ['runtime'], ['>=1.82,<2']],
      ['services/rag-api/requirements.txt', ['runtime'], ['==1.82.1']],
    ]);
    expect(scopes('pypi:langfuse')).toEqual([
      ['services/rag-api/pyproject.toml', ['group:dev'], ['>=2.60']],
      ['services/rag-api/requirements/dev.txt', ['dev'], ['==2.60.7']],
    ]);
    expect(scopes('go:github.com/qdrant/go-client')).toEqual([['services/gateway/go.mod', ['indirect'], ['v1.14.0']]]);
    expect(scopes('maven:com.openai:openai-java')).toEqual([['services/assistant-kotlin/gradle/libs.versions.toml', ['managed'], ['2.2.0']]]);
    expect(scopes('cargo:candle-core')).toEqual([['crates/embedder/Cargo.toml', ['optional'], ['0.9.1']]]);
    expect(scopes('nuget:ModelContextProtocol')).toEqual([['dotnet/Copilot/Copilot.csproj', ['runtime'], ['0.2.0-preview.3']]]);
  });

  it('finds nothing in the negative controls', () => {
    expect(detectTree(fixture('negative-controls/manifests'), manifestsDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
