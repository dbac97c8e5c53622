import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';
import { parsePackageJson } from './package-json.ts';

const detect = (content: string, path = 'web/package.json') => manifestsDetector.detect({ scope: 'repo', path, content });
const attributesByName = (content: string) => Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, a.attributes]));

const PACKAGE = `{
  "name": "web",
  "description": "A chat UI on top of openai and @anthropic-ai/sdk",
  "keywords": ["openai", "langchain"],
  "scripts": { "openai": "node scripts/openai.js" },
  "workspaces": ["packages/*"],
  "dependencies": {
    "ai": "^4.3.16",
    "@ai-sdk/openai": "^1.3.22",
    "express": "^4.21.2",
    "oai": "npm:openai@^4.104.0"
  },
  "devDependencies": {
    "@langchain/core": "0.3.57",
    "typescript": "~5.8.3"
  },
  "peerDependencies": { "@modelcontextprotocol/sdk": ">=1.12.0" },
  "optionalDependencies": {
    "@pinecone-database/pinecone": "^6.1.0"
  }
}
`;

describe('package.json', () => {
  it('reads the four dependency sections with scopes, specs and npm aliases', () => {
    expect(attributesByName(PACKAGE)).toEqual({
      ai: { ecosystem: 'npm', category: 'framework', declared: true, versions: ['^4.3.16'], scopes: ['runtime'] },
      '@ai-sdk/openai': { ecosystem: 'npm', category: 'framework', declared: true, versions: ['^1.3.22'], scopes: ['runtime'] },
      openai: { ecosystem: 'npm', category: 'llm-provider', declared: true, versions: ['^4.104.0'], scopes: ['runtime'] },
      '@langchain/core': { ecosystem: 'npm', category: 'framework', declared: true, versions: ['0.3.57'], scopes: ['dev'] },
      '@modelcontextprotocol/sdk': { ecosystem: 'npm', category: 'mcp', declared: true, versions: ['>=1.12.0'], scopes: ['peer'] },
      '@pinecone-database/pinecone': { ecosystem: 'npm', category: 'vector-store', declared: true, versions: ['^6.1.0'], scopes: ['optional'] },
    });
  });

  it('locates each entry inside its own section, not in description, keywords or scripts', () => {
    const assets = detect(PACKAGE)?.assets ?? [];
    const lineOf = (name: string) => assets.find((a) => a.name === name)?.evidence.map((e) => [e.line, e.snippet]);
    expect(lineOf('openai')).toEqual([[11, '"oai": "npm:openai@^4.104.0"']]);
    expect(lineOf('@ai-sdk/openai')).toEqual([[9, '"@ai-sdk/openai": "^1.3.22",']]);
    expect(lineOf('@modelcontextprotocol/sdk')).toEqual([[17, '"peerDependencies": { "@modelcontextprotocol/sdk": ">=1.12.0" },']]);
  });

  it('gives provider and key per catalog rules', () => {
    const asset = detect(PACKAGE)?.assets.find((a) => a.name === '@ai-sdk/openai');
    expect(asset?.provider).toBe('openai');
    expect(asset?.evidence[0]).toMatchObject({ path: 'web/package.json', technique: 'manifest', confidence: 'declared', detector: 'manifests' });
  });

  it('folds one package listed in two sections into one asset with both scopes and lines', () => {
    const content = '{\n  "dependencies": { "openai": "^4" },\n  "devDependencies": { "openai": "^5" }\n}';
    const assets = detect(content)?.assets ?? [];
    expect(assets).toHaveLength(1);
    expect(assets[0]?.attributes).toMatchObject({ versions: ['^4', '^5'], scopes: ['dev', 'runtime'] });
    expect(assets[0]?.evidence.map((e) => e.line)).toEqual([2, 3]);
  });

  it('ignores non-AI packages and look-alikes, and mentions outside dependency sections', () => {
    const content = JSON.stringify({
      description: 'wraps openai',
      dependencies: { 'open-ai': '1.0.0', openapi: '^0.1', 'openai-mock': '1', langchainish: '1', 'anthropic-mock': '1', aiohttp: '1' },
      config: { openai: '^4' },
    });
    expect(detect(content)).toBeNull();
  });

  it('reports invalid JSON as one parse-failed diagnostic with its line, without throwing', () => {
    const result = detect('{\n  "dependencies": {\n    "openai": "^4",\n  }\n}');
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics).toHaveLength(1);
    expect(result?.diagnostics[0]).toMatchObject({ code: 'parse-failed', connector: 'manifests', location: { path: 'web/package.json', line: 4 } });
  });

  it('treats a non-object document as a parse failure and tolerates odd values', () => {
    expect(detect('[]')?.diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
    const odd = parsePackageJson('{"dependencies": {"openai": {"weird": true}}, "devDependencies": ["openai"]}');
    expect(odd.entries).toEqual([{ ecosystem: 'npm', name: 'openai', scope: 'runtime', line: 1 }]);
  });
});
