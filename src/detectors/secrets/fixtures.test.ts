import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { fixturePath as fixture, plantedFixture as planted } from '../../../test/helpers/planted-fixture.ts';
import { fakeKey } from '../../../test/helpers/fake-keys.ts';
import { fingerprint, secretsDetector } from './index.ts';

describe('secrets detector on fixtures', () => {
  it('secrets: every planted key, one asset per key, nothing from placeholders or markdown', () => {
    const r = detectTree(planted('secrets'), secretsDetector);
    expect(names(r.assets, 'secret')).toEqual([
      'anthropic', 'azure-openai', 'cohere', 'deepseek', 'google', 'groq', 'huggingface', 'langchain', 'langfuse', 'mistral', 'nvidia',
      'openai', 'openrouter', 'perplexity', 'replicate', 'xai',
    ]);
    const where = (print: string): string[] => r.assets.filter((a) => a.attributes['fingerprint'] === print).map((a) => `${a.evidence[0]?.path}:${a.evidence[0]?.line}`);
    expect(where(fingerprint(fakeKey('openai:project')))).toEqual(['.env:2', 'app/llm.py:7']);
    expect(where(fingerprint(fakeKey('cohere:api')))).toEqual(['.env:6', 'app/llm.py:8']);
    expect(where(fingerprint(fakeKey('mistral:api', 2)))).toEqual(['config/settings.yaml:6']);
    expect(where(fingerprint(fakeKey('perplexity:api')))).toEqual(['notebooks/explore.ipynb:2']);
    expect(new Set(r.assets.map((a) => a.id)).size).toBe(18);
    expect(r.assets.filter((a) => a.evidence[0]?.path?.startsWith('docs/') || a.evidence[0]?.path === '.env.example')).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('secrets: evidence never carries a planted key', () => {
    const dir = planted('secrets');
    const r = detectTree(dir, secretsDetector);
    const text = JSON.stringify(r);
    for (const marker of readFileSync(join(dir, '.env'), 'utf8').matchAll(/=["']?([A-Za-z0-9_-]{32,})/g)) {
      const key = marker[1] as string;
      expect(text.includes(key.slice(key.length >> 2, (key.length >> 2) + 12)), 'middle slice of a planted key').toBe(false);
    }
  });

  it('negative-controls (all areas, secrets/ traps included): nothing at all', () => {
    expect(detectTree(fixture('negative-controls'), secretsDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });

  it('other fixture projects hold no keys', () => {
    for (const name of ['ai-sdk-app', 'manifests', 'mcp-server-py', 'mcp-server-ts', 'notebook', 'rag-python']) {
      expect(detectTree(fixture(name), secretsDetector).assets, name).toEqual([]);
    }
  });
});
