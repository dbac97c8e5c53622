import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../run.ts';
import { fakeKey } from '../../../test/helpers/fake-keys.ts';
import { detectSecrets, fingerprint, secretsDetector } from './index.ts';

// Keys are generated at run time (fake-keys.ts); none is written in this file.
const detect = (path: string, content: string) => detectSecrets({ scope: 'repo', path, content });

describe('secrets detector', () => {
  it('turns a key into a secret asset named by its provider, with a fingerprint and no value', () => {
    const key = fakeKey('openai:project');
    const r = detect('.env', `# dev\nOPENAI_API_KEY=${key}\n`);
    expect(r?.assets).toHaveLength(1);
    const asset = r?.assets[0];
    expect(asset?.kind).toBe('secret');
    expect(asset?.name).toBe('openai');
    expect(asset?.provider).toBe('openai');
    expect(asset?.attributes).toEqual({
      provider: 'openai', keyType: 'project', fingerprint: fingerprint(key), prefix: 'sk-proj-', envNames: ['OPENAI_API_KEY'], fileKinds: ['env'],
    });
    expect(asset?.evidence).toEqual([
      { path: '.env', line: 2, snippet: 'OPENAI_API_KEY=sk-proj-…[redacted]', technique: 'config', confidence: 'declared', detector: 'secrets' },
    ]);
    expect(JSON.stringify(r)).not.toContain(key.slice(8, 20));
    expect(fingerprint(key)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives the same key in two files the same asset id, and different keys different ids', () => {
    const key = fakeKey('anthropic:api');
    const a = detect('.env', `ANTHROPIC_API_KEY=${key}\n`)?.assets[0];
    const b = detect('src/client.ts', `const client = new Anthropic({ apiKey: '${key}' });\n`)?.assets[0];
    const c = detect('src/other.ts', `const client = new Anthropic({ apiKey: '${fakeKey('anthropic:api', 2)}' });\n`)?.assets[0];
    expect(a?.id).toBe(b?.id);
    expect(c?.id).not.toBe(a?.id);
    expect(b?.evidence[0]).toMatchObject({ technique: 'call-site', confidence: 'declared', snippet: "const client = new Anthropic({ apiKey: 'sk-ant-api03-…[redacted]' });" });
    expect(b?.attributes).toMatchObject({ fileKinds: ['code'] });
    expect(b?.attributes['envNames']).toBeUndefined();
  });

  it('marks context-attributed keys as inferred and masks prefix-less keys entirely', () => {
    const key = fakeKey('cohere:api');
    const r = detect('app/rank.py', `co = cohere.ClientV2("${key}")\n`);
    expect(r?.assets[0]?.attributes).toEqual({ provider: 'cohere', keyType: 'api', fingerprint: fingerprint(key), fileKinds: ['code'] });
    expect(r?.assets[0]?.evidence[0]).toMatchObject({ confidence: 'inferred', snippet: 'co = cohere.ClientV2("…[redacted]")' });
  });

  it('masks every key on a line, never cuts one at a window edge, and keeps one evidence per key and line', () => {
    const a = fakeKey('groq:api');
    const b = fakeKey('xai:api');
    const r = detect('keys.ts', `const keys = ['${a}', '${b}', '${a}'];\n`);
    expect(r?.assets.map((x) => x.name)).toEqual(['groq', 'xai']);
    expect(r?.assets.map((x) => x.evidence[0]?.snippet)).toEqual([
      "const keys = ['gsk_…[redacted]', 'xai-…[redacted]…",
      "…gsk_…[redacted]', 'xai-…[redacted]', 'gsk_…[redacted]…",
    ]);
  });

  it('keeps snippets short on minified lines without cutting a key in half', () => {
    const key = fakeKey('openai:project');
    const filler = Array.from({ length: 2000 }, (_, i) => `v${i}=${i * 31}`).join(';');
    const r = detect('bundle.js', `${filler};var k="${key}";${filler}`);
    const snippet = r?.assets[0]?.evidence[0]?.snippet ?? '';
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(snippet).toContain('var k="sk-proj-…[redacted]"');
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
  });

  it('searches notebook cells and text outputs, with the cell index, and says when it was an output', () => {
    const hf = fakeKey('huggingface:user-access');
    const pplx = fakeKey('perplexity:api');
    const nb = {
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', source: ['Token goes here: `hf_...`\n'] },
        { cell_type: 'code', source: ['from huggingface_hub import login\n', `login(token="${hf}")\n`], outputs: [] },
        { cell_type: 'code', source: 'print(os.environ)', outputs: [{ output_type: 'stream', text: ['HOME=/root\n', `PERPLEXITY_API_KEY=${pplx}\n`] }, { output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo=' } }] },
      ],
    };
    const r = detect('explore.ipynb', JSON.stringify(nb));
    expect(r?.assets.map((a) => [a.name, a.attributes['notebookOutput'] ?? false, a.evidence[0]?.cell, a.evidence[0]?.line, a.evidence[0]?.snippet])).toEqual([
      ['huggingface', false, 1, 2, 'login(token="hf_…[redacted]")'],
      ['perplexity', true, 2, 2, 'PERPLEXITY_API_KEY=pplx-…[redacted]'],
    ]);
    expect(r?.diagnostics).toEqual([]);
  });

  it('still finds keys in a broken notebook, with a parse-failed diagnostic that quotes nothing', () => {
    const key = fakeKey('openai:project');
    const r = detect('broken.ipynb', `{"cells": [{"source": "x = 1", "outputs": [ ${key} ]`);
    expect(r?.assets.map((a) => a.name)).toEqual(['openai']);
    expect(r?.diagnostics).toEqual([{ connector: 'secrets', level: 'warn', code: 'parse-failed', message: 'invalid notebook JSON (unexpected token); searched as plain text', location: { path: 'broken.ipynb' } }]);
    expect(JSON.stringify(r)).not.toContain(key.slice(8, 20));
  });

  it('returns null for files without keys', () => {
    expect(detect('main.py', 'print("hello")\n')).toBeNull();
    expect(detect('main.py', 'task_runner = "disk-usage"\n')).toBeNull();
  });

  it('reads env, code, config and notebooks, never markdown, text docs or lock files', () => {
    const wants = compilePatterns(secretsDetector.patterns);
    const read = ['.env', '.env.local', 'prod.env', 'app/.env.example', 'src/a.py', 'src/a.ts', 'web/a.tsx', 'cmd/main.go', 'App.java', 'lib/a.rb', 'run.sh',
      'config.yaml', 'k8s/deploy.yml', 'pyproject.toml', 'setup.cfg', 'app.properties', 'main.tf', 'Dockerfile', 'config.json', '.vscode/settings.json',
      'appsettings.Development.json', 'nb/x.ipynb'];
    const skipped = ['README.md', 'docs/guide.mdx', 'notes.txt', 'package-lock.json', 'pnpm-lock.yaml', 'data/records.json', 'types.d.ts', 'logo.png'];
    expect(read.filter((p) => !wants(p))).toEqual([]);
    expect(skipped.filter((p) => wants(p))).toEqual([]);
  });
});
