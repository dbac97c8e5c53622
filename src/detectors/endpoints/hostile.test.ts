/**
 * Hostile input for the endpoints detector: each case must finish quickly, never throw, and either
 * report nothing or say (with a diagnostic) where it stopped.
 */
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { detectEndpoints } from './index.ts';

const FAST_MS = 2000;

function timed(path: string, content: string): { r: DetectionResult | null; ms: number } {
  const { value: r, ms } = cpuTimed(() => detectEndpoints({ scope: 'repo', path, content }));
  return { r, ms };
}

const codes = (r: DetectionResult | null): string[] => (r?.diagnostics ?? []).map((d) => `${d.level}:${d.code}`);

describe('endpoints detector on hostile input', () => {
  it('hostile: a 1 MB line repeating a provider URL is capped with a limit-reached diagnostic', () => {
    const { r, ms } = timed('bundle.js', '"https://api.openai.com/v1",'.repeat(40_000));
    expect(ms).toBeLessThan(FAST_MS);
    expect(r?.assets.length).toBeLessThanOrEqual(500);
    expect(codes(r)).toEqual(['warn:limit-reached']);
  });

  it('hostile: a 1 MB host (a.a.a...openai.azure.com) and 300,000 {placeholders} are bounded', () => {
    for (const [path, content] of [
      ['a.ts', `"https://${'a.'.repeat(500_000)}openai.azure.com"`],
      ['b.ts', `"https://${'{a}'.repeat(300_000)}.openai.azure.com"`],
      ['c.ts', `"https://${'${'.repeat(300_000)}.openai.azure.com"`],
    ]) {
      const { r, ms } = timed(path as string, content as string);
      expect(ms, path).toBeLessThan(FAST_MS);
      expect(r?.assets.every((a) => a.name.length <= 260) ?? true, path).toBe(true);
    }
  });

  it('hostile: 60,000 repetitions of OPENAI_BASE_URL= and of :11434 stop at the candidate cap', () => {
    for (const [path, content] of [['x.env', 'OPENAI_BASE_URL='.repeat(60_000)], ['y.yaml', ':11434'.repeat(150_000)]]) {
      const { r, ms } = timed(path as string, content as string);
      expect(ms, path).toBeLessThan(FAST_MS);
      expect(r?.assets ?? [], path).toEqual([]);
      expect(codes(r), path).toEqual(['warn:limit-reached']);
    }
  });

  it('hostile: 1 MB of base-URL name fragments (a separator and a second word after every first word) is linear', () => {
    for (const [path, content] of [
      ['a.env', `api.openai.com\n${'ollama_url-'.repeat(100_000)}`],
      ['b.env', `api.openai.com\n${'xAZURE-OPENAI-API-BASE-'.repeat(50_000)}`],
      ['c.env', `api.openai.com\n${`OPENAI_BASE_URL${' '.repeat(1000)}`.repeat(1000)}`],
    ]) {
      const { r, ms } = timed(path as string, content as string);
      expect(ms, path).toBeLessThan(FAST_MS);
      expect(r?.assets.map((a) => a.name) ?? [], path).toEqual(['api.openai.com']);
    }
  });

  it('hostile: an endless path, userinfo bait and a 100,000-line .env finish fast and keep URLs short', () => {
    const cases: Array<[string, string]> = [
      ['p.py', `u = "https://api.openai.com/${'v1/'.repeat(300_000)}"`],
      ['q.py', `u = "https://${'@'.repeat(200_000)}api.openai.com"`],
      ['r.py', `u = "${'://'.repeat(200_000)}api.openai.com"`],
      ['s.js', '"@api.openai.com",}api.openai.com,>api.openai.com '.repeat(20_000)],
      ['.env', `${Array.from({ length: 100_000 }, (_, i) => `V${i}=https://host${i}.example.org`).join('\n')}\nOPENAI_BASE_URL=https://api.groq.com/openai/v1\n`],
    ];
    for (const [path, content] of cases) {
      const { r, ms } = timed(path, content);
      expect(ms, path).toBeLessThan(FAST_MS);
      for (const a of r?.assets ?? []) expect((a.attributes['urls'] as string[]).every((u) => u.length < 500), path).toBe(true);
    }
    expect(timed('.env', cases[4]?.[1] ?? '').r?.assets.map((a) => [a.name, a.evidence[0]?.line])).toEqual([['api.groq.com', 100_001]]);
  });

  it('hostile: 4 MB of random base64 mentioning no host yields nothing', () => {
    const blob = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => Math.imul(i, 2654435761) >>> 24)).toString('base64');
    const { r, ms } = timed('blob.yaml', `data: ${blob}\n`);
    expect(ms).toBeLessThan(FAST_MS);
    expect(r).toBeNull();
  });
});
