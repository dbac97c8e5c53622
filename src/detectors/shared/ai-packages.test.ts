import { describe, expect, it } from 'vitest';
import { findAiPackage } from './ai-packages.ts';
import { findPythonModule } from './python-modules.ts';

describe('findAiPackage', () => {
  it('finds scoped packages by prefix, exact rows first', () => {
    expect(findAiPackage('npm', '@modelcontextprotocol/sdk')?.name).toBe('@modelcontextprotocol/sdk');
    expect(findAiPackage('npm', '@modelcontextprotocol/server')?.category).toBe('mcp');
    expect(findAiPackage('npm', '@modelcontextprotocol/server-filesystem')?.category).toBe('mcp');
    expect(findAiPackage('npm', '@langchain/openai')?.category).toBe('framework');
  });

  it('does not take a vendor scope\'s own build tooling for an SDK', () => {
    for (const name of ['@modelcontextprotocol/eslint-config', '@modelcontextprotocol/tsconfig', '@modelcontextprotocol/vitest-config', '@modelcontextprotocol/test-helpers', '@langchain/eslint-config', '@langchain/tsconfig-base']) {
      expect(findAiPackage('npm', name), name).toBeUndefined();
    }
    // Only the part after the prefix is judged: a package merely containing the words stays.
    expect(findAiPackage('npm', '@modelcontextprotocol/server-eslint')?.category).toBe('mcp');
  });

  it('knows the Azure AI Search client in every ecosystem that has one', () => {
    const rows = [['npm', '@azure/search-documents'], ['pypi', 'azure-search-documents'], ['maven', 'com.azure:azure-search-documents'], ['nuget', 'Azure.Search.Documents']] as const;
    const found = rows.map(([eco, name]) => [findAiPackage(eco, name)?.category, findAiPackage(eco, name)?.provider]);
    expect(found).toEqual(Array(4).fill(['vector-store', 'azure-ai-search']));
    // Other Azure data-plane clients are no AI assets.
    expect(['@azure/storage-blob', '@azure/search', '@azure/identity'].map((n) => findAiPackage('npm', n))).toEqual([undefined, undefined, undefined]);
    expect(findAiPackage('nuget', 'Azure.Storage.Blobs')).toBeUndefined();
  });

  it('knows the provider SDKs of multi-provider RAG stacks, by package and by module', () => {
    expect(['dashscope', 'zai-sdk', 'qianfan', 'voyageai', 'volcengine-python-sdk', 'browser-use'].map((n) => findAiPackage('pypi', n)?.category)).toEqual(['llm-provider', 'llm-provider', 'llm-provider', 'llm-provider', 'llm-provider', 'agent']);
    expect(['dashscope', 'zai', 'qianfan.resources', 'voyageai', 'volcenginesdkarkruntime', 'browser_use'].map((m) => findPythonModule(m)?.packageName)).toEqual(['dashscope', 'zai-sdk', 'qianfan', 'voyageai', 'volcengine-python-sdk', 'browser-use']);
  });
});
