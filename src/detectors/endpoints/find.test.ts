/**
 * Base-URL variables are found from the separator after their first word (`find.ts` `envAnchors`)
 * instead of a case-insensitive search of the whole text: these tests hold the two equal, on
 * the case, separator and nesting variants where a shortcut could lose or add a match.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINT_ENV_NAMES } from './catalog.ts';
import { ENDPOINT_LITERALS, envAnchors, mayHoldEndpoint } from './find.ts';
import { detectEndpoints } from './index.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The plain search: every name, any case, `-`/`.`/`_` between words, then an assignment. */
const REFERENCE = new RegExp(
  `(?<![A-Za-z0-9_])(?:${ENDPOINT_ENV_NAMES.map((e) => e.name.split('_').map(escape).join('[-_.]')).join('|')})(?![A-Za-z0-9_])["'\\]]{0,3}\\s*(?::=|[:=])\\s*["'\`]?`,
  'gi',
);
const matches = (found: Iterable<RegExpMatchArray>): string[] => [...found].map((m) => `${m.index}:${m[0]}`);

describe('endpoints: base-URL variables found from their separators', () => {
  it('gives what the plain case-insensitive search gives on case, separator and nesting variants', () => {
    const tricky = [
      'openai-base-url=http://a:1',
      'OpenAI.Base_URL := "x"',
      // A name inside a longer one: AZURE… fails its lookbehind, the OPENAI… after the `-` stands.
      'xAZURE-OPENAI-API-BASE=http://c:1',
      'AZURE-OPENAI-API-BASE=1 azure_openai_api_base:2',
      'HF_INFERENCE_ENDPOINT = 1; hf.inference.endpoint: 2; xhf_INFERENCE-ENDPOINT=3',
      '["LiteLLM_Proxy_URL"]: \'v\'',
      'LLM_BASE_URLLLM_BASE_URL=1 LLM_BASE_URL_X=2 _LLM_BASE_URL=3 -LLM_BASE_URL=4',
      // Non-ASCII letters that upper- or lower-case to ASCII ones never match (no `u` flag).
      'MODEL_ENDPOIN\u0054=1 MODEL_ENDPOIN\u0422=2 \u212AODEL_ENDPOINT=3 OLLAMA_HO\u017FT=4',
      'OLLAMA_HOST\n\n  =  "x" OLLAMA_HOST==1 OLLAMA_HOST"]]]]=2 OLLAMA_HOST"]]]=3',
    ];
    for (const text of tricky) expect(matches(envAnchors(text)), text).toEqual(matches(text.matchAll(REFERENCE)));
  });

  it('gives what the plain search gives on generated runs of names in every case and spelling', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
    const spelled = (name: string): string => [...name].map((c) => (c === '_' ? pick(['_', '-', '.']) : next(2) ? c.toLowerCase() : c)).join('');
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let j = 0; j <= next(4); j++) {
        text += pick(['', '', 'x', '_', '-', '.', 'AZURE_', 'hf-', 'lite', ' ', '\n', '"']);
        text += spelled(pick(ENDPOINT_ENV_NAMES).name);
        text += pick(['', '"', "'", ']', '"]', 'x', '_', '-', '.']) + pick(['', ' ', '\n']) + pick(['=', ':', ':=', '', 'x']) + pick(['', ' ', '"', 'http://h:1']);
      }
      const expected = matches(text.matchAll(REFERENCE));
      found += expected.length;
      expect(matches(envAnchors(text)), text).toEqual(expected);
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('reads base-URL variables written in lower or mixed case with - or . between words', () => {
    const env = [
      'openai-base-url=http://a.internal:8000/v1',
      'Ollama.Host: http://b.internal:11434',
      'HF_INFERENCE_ENDPOINT = "http://d.internal:8080"',
      'my_inference_endpoint=http://e.internal:8080',
      'Azure_OpenAI_Endpoint:="http://f.internal:1234"',
    ].join('\n');
    const r = detectEndpoints({ scope: 'repo', path: 'deploy.env', content: env });
    expect(r?.assets.map((a) => [a.name, a.evidence[0]?.line]).sort()).toEqual([
      ['a.internal:8000', 1],
      ['b.internal:11434', 2],
      ['d.internal:8080', 3],
      ['f.internal:1234', 5],
    ]);
  });
});

describe('mayHoldEndpoint', () => {
  it('is true for text holding any gate literal, in any position, and false for near misses', () => {
    expect(ENDPOINT_LITERALS.filter((l) => !mayHoldEndpoint(`x ${l} y`) || !mayHoldEndpoint(l))).toEqual([]);
    for (const spelling of ['OPENAI_BASE_URL', 'openai-base-url', 'OPENAI.BASE.URL', 'https://api.openai.com/v1', 'http://localhost:11434']) {
      expect(mayHoldEndpoint(`${'a: b\n'.repeat(1000)}${spelling}`)).toBe(true);
    }
    const misses = ['api.openai.co', 'OPENAIBASEURL', 'openai_baseurl', 'api.anthropic.org', 'localhost:1143', 'https://example.com/v1'];
    expect(misses.filter(mayHoldEndpoint)).toEqual([]);
  });
});
