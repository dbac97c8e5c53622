/**
 * Hostile input for the secrets detector: each case must finish quickly, never throw, and either
 * report nothing or say (with a diagnostic) where it stopped. Keys are generated at run time.
 */
import { describe, expect, it } from 'vitest';
import type { DetectionResult } from '../../model/index.ts';
import { fakeKey } from '../../../test/helpers/fake-keys.ts';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectSecrets } from './index.ts';
import { MAX_HITS } from './scan.ts';

/** Generous bound (a hang guard, CPU time): the real cost is a few tens of milliseconds; CI machines are slow. */
const FAST_MS = 2000;

function timed(path: string, content: string): { r: DetectionResult | null; ms: number } {
  const { value: r, ms } = cpuTimed(() => detectSecrets({ scope: 'repo', path, content }));
  return { r, ms };
}

const codes = (r: DetectionResult | null): string[] => (r?.diagnostics ?? []).map((d) => `${d.level}:${d.code}`);

describe('secrets detector on hostile input', () => {
  it('hostile: a 1 MB single-line minified bundle full of sk- fragments reports nothing', () => {
    const bundle = Array.from({ length: 45_000 }, (_, i) => `var a${i}="sk-${(i * 7919).toString(36)}";`).join('');
    const { r, ms } = timed('static/app.min.js', bundle);
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r).toBeNull();
  });

  it('hostile: a bundle with tens of thousands of key-shaped tokens stops at the candidate cap and says so', () => {
    const bundle = Array.from({ length: 30_000 }, (_, i) => `f("sk-proj-${'Ab3'.repeat(6)}${i}")`).join(';');
    const { r, ms } = timed('static/vendor.js', bundle);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r?.assets).toEqual([]);
    expect(codes(r)).toEqual(['warn:limit-reached']);
  });

  it('hostile: a .env of 100,000 lines still finds the one key at its end', () => {
    const key = fakeKey('openai:project');
    const env = `${Array.from({ length: 100_000 }, (_, i) => `VAR_${i}=value-${i}`).join('\n')}\nOPENAI_API_KEY=${key}\n`;
    const { r, ms } = timed('.env', env);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r?.assets.map((a) => [a.name, a.evidence[0]?.line])).toEqual([['openai', 100_001]]);
  });

  it('hostile: a .env of 100,000 keys is capped with a limit-reached diagnostic', () => {
    const env = Array.from({ length: 100_000 }, (_, i) => `K${i}=${fakeKey('groq:api', i)}`).join('\n');
    const { r, ms } = timed('.env', env);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r?.assets).toHaveLength(MAX_HITS);
    expect(codes(r)).toEqual(['warn:limit-reached']);
  });

  it('hostile: 4 MB of random base64 yields nothing', () => {
    const blob = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => Math.imul(i, 2654435761) >>> 24)).toString('base64');
    const { r, ms } = timed('fixtures/blob.yaml', `data: ${blob}\nmodel: mistral-large\ncohere: true\n`);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r).toBeNull();
  });

  it('hostile: a notebook with a huge output full of keys is searched up to the output budget', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `step ${i}: ${fakeKey('huggingface:user-access', i)}\n`);
    const nb = { nbformat: 4, cells: [{ cell_type: 'code', source: 'train()', outputs: [{ output_type: 'stream', name: 'stdout', text }] }] };
    const { r, ms } = timed('train.ipynb', JSON.stringify(nb));
    expect(ms).toBeLessThan(FAST_MS);
    expect(r?.assets.length).toBe(MAX_HITS);
    expect(r?.assets.every((a) => a.attributes['notebookOutput'] === true && a.evidence[0]?.cell === 0)).toBe(true);
    expect(codes(r)).toEqual(['info:limit-reached', 'warn:limit-reached']);
  });

  it('hostile: a key split across lines is not reported (half a key is not a key)', () => {
    const key = fakeKey('anthropic:api');
    const { r } = timed('split.py', `API_KEY = (\n    "${key.slice(0, 50)}"\n    "${key.slice(50)}"\n)\n`);
    expect(r).toBeNull();
  });

  it('hostile: backtracking bait (long runs of a-, _, AIza, A1, NAME=, " = ") finishes fast', () => {
    const bait: Array<[string, string]> = [
      ['a.ts', 'a-'.repeat(500_000)],
      ['b.ts', `sk-${'a-'.repeat(500_000)}`],
      ['c.py', `hf_${'_'.repeat(1_000_000)}`],
      ['d.py', `gemini ${'AIza'.repeat(250_000)}`],
      ['e.py', `cohere\n${'A1'.repeat(500_000)}`],
      ['f.py', Array.from({ length: 200_000 }, () => 'cohere').join('\n')],
      ['.env', 'OPENAI_API_KEY='.repeat(70_000)],
      ['g.py', `${' = '.repeat(300_000)}"${fakeKey('openai:project')}"`],
      ['h.js', `"${'\\n'.repeat(400_000)}"`],
      // The pre-check's own bait: separators it looks behind, and context words it checks case by case.
      ['i.js', '_-'.repeat(500_000)],
      ['j.js', 'sk_'.repeat(350_000)],
      ['k.js', 'aZURE-openai cOHERE openai.AZURE.com '.repeat(30_000)],
    ];
    for (const [path, content] of bait) {
      const { r, ms } = timed(path, content);
      expect(ms, path).toBeLessThan(FAST_MS);
      expect((r?.assets ?? []).map((a) => a.name), path).toEqual(path === 'g.py' ? ['openai'] : []);
    }
  });

  it('hostile: an invalid notebook that mentions a key prefix is searched as text with a parse-failed diagnostic', () => {
    // A key-shaped placeholder passes the pre-check (so the notebook is parsed) and is then dropped as a placeholder.
    const { r } = timed('broken.ipynb', `{"cells": [ {"source": "client = OpenAI(api_key='sk-${'X'.repeat(40)}')`);
    expect(codes(r)).toEqual(['warn:parse-failed']);
    expect(r?.assets).toEqual([]);
    // Without anything key-like the notebook is not even parsed (the notebooks detector reports it).
    expect(timed('broken.ipynb', '{"cells": [ {"source": "unterminated').r).toBeNull();
  });

  it('hostile: replacement characters and control bytes around a key do not break anything', () => {
    const key = fakeKey('xai:api');
    const { r } = timed('weird.py', `\uFFFD\u0000\u0007KEY="${key}"\uFFFD\r\n\u2028`);
    expect(r?.assets.map((a) => a.name)).toEqual(['xai']);
  });
});
