import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { fixturePath as fixture, plantedFixture as planted } from '../../../test/helpers/planted-fixture.ts';
import { endpointsDetector } from './index.ts';

describe('endpoints detector on fixtures', () => {
  it('secrets fixture: provider APIs, a gateway, self-hosted servers; nothing from comments, prose or markdown', () => {
    const r = detectTree(planted('secrets'), endpointsDetector);
    expect(names(r.assets, 'endpoint')).toEqual([
      'api.anthropic.com', 'api.deepseek.com', 'api.openai.com', 'api.x.ai', 'bedrock-runtime.eu-central-1.amazonaws.com',
      'contoso-support.openai.azure.com', 'integrate.api.nvidia.com', 'litellm.internal:4000', 'ollama:11434', 'openrouter.ai/api',
    ]);
    const attrs = (name: string): unknown => r.assets.find((a) => a.name === name)?.attributes;
    expect(attrs('openrouter.ai/api')).toEqual({ kind: 'gateway', urls: ['https://openrouter.ai/api/v1'], envNames: ['OPENAI_BASE_URL'] });
    expect(attrs('bedrock-runtime.eu-central-1.amazonaws.com')).toEqual({ kind: 'provider-api', urls: ['https://bedrock-runtime.eu-central-1.amazonaws.com'], region: 'eu-central-1' });
    expect(attrs('litellm.internal:4000')).toEqual({ api: 'openai', kind: 'self-hosted', urls: ['http://litellm.internal:4000/v1'], envNames: ['OPENAI_API_BASE'] });
    expect(r.assets.find((a) => a.name === 'api.openai.com')?.evidence).toEqual([
      { path: 'app/llm.py', line: 7, snippet: '…", base_url="https://api.openai.com/v1")', technique: 'call-site', confidence: 'declared', detector: 'endpoints' },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('negative-controls (all areas, secrets/ traps included): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), endpointsDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });

  it('other fixture projects: no endpoint written as a URL', () => {
    for (const name of ['ai-sdk-app', 'manifests', 'mcp-server-py', 'mcp-server-ts', 'notebook', 'rag-python']) {
      expect(detectTree(fixture(name), endpointsDetector).assets, name).toEqual([]);
    }
  });
});
