/**
 * Format-valid fake keys for tests and benchmarks, built at run time from a seed so that no
 * key-shaped literal is ever committed. Each format follows the catalog row of the same
 * `provider:keyType` (see src/detectors/secrets/catalog.ts for the sources). The keys are random, never real.
 */

import { mulberry32 } from './prng.ts';

const HEX = '0123456789abcdef';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LETTERS}0123456789`;
const URLSAFE = `${ALNUM}_-`;

type Random = () => number;


const pick = (rnd: Random, alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');

// The OpenAI marker, base64 of "OpenAI", spelled in pieces like every prefix below.
const MARK = ['T3Bl', 'bkFJ'].join('');

const FORMATS: Readonly<Record<string, (r: Random) => string>> = {
  'anthropic:api': (r) => ['sk', 'ant', 'api03', `${pick(r, URLSAFE, 93)}AA`].join('-'),
  'anthropic:admin': (r) => ['sk', 'ant', 'admin01', `${pick(r, URLSAFE, 93)}AA`].join('-'),
  'anthropic:oauth': (r) => ['sk', 'ant', 'oat01', pick(r, URLSAFE, 95)].join('-'),
  'anthropic:oauth-refresh': (r) => ['sk', 'ant', 'ort01', pick(r, URLSAFE, 95)].join('-'),
  'openrouter:api': (r) => ['sk', 'or', 'v1', pick(r, HEX, 64)].join('-'),
  'langfuse:secret': (r) => ['sk', 'lf', pick(r, HEX, 8), pick(r, HEX, 4), pick(r, HEX, 4), pick(r, HEX, 4), pick(r, HEX, 12)].join('-'),
  'openai:project': (r) => ['sk', 'proj', pick(r, URLSAFE, 74) + MARK + pick(r, URLSAFE, 74)].join('-'),
  'openai:service-account': (r) => ['sk', 'svcacct', pick(r, URLSAFE, 74) + MARK + pick(r, URLSAFE, 74)].join('-'),
  'openai:admin': (r) => ['sk', 'admin', pick(r, URLSAFE, 58) + MARK + pick(r, URLSAFE, 58)].join('-'),
  'openai:user': (r) => ['sk', pick(r, ALNUM, 20) + MARK + pick(r, ALNUM, 20)].join('-'),
  'deepseek:api': (r) => ['sk', pick(r, HEX, 32)].join('-'),
  'elevenlabs:api': (r) => ['sk', pick(r, HEX, 48)].join('_'),
  'huggingface:user-access': (r) => ['hf', pick(r, LETTERS, 34)].join('_'),
  'huggingface:organization': (r) => ['api', 'org', pick(r, LETTERS, 34)].join('_'),
  'groq:api': (r) => ['gsk', pick(r, ALNUM, 52)].join('_'),
  'perplexity:api': (r) => ['pplx', pick(r, ALNUM, 48)].join('-'),
  'xai:api': (r) => ['xai', pick(r, ALNUM, 80)].join('-'),
  'replicate:api': (r) => ['r8', pick(r, ALNUM, 37)].join('_'),
  'nvidia:api': (r) => ['nvapi', pick(r, URLSAFE, 64)].join('-'),
  'fireworks:api': (r) => ['fw', pick(r, ALNUM, 24)].join('_'),
  'langchain:langsmith-personal': (r) => ['lsv2', 'pt', pick(r, HEX, 32), pick(r, HEX, 10)].join('_'),
  'langchain:langsmith-service': (r) => ['lsv2', 'sk', pick(r, HEX, 32), pick(r, HEX, 10)].join('_'),
  'google:gemini-api': (r) => ['AI', 'za', 'Sy', pick(r, URLSAFE, 33)].join(''),
  'azure-openai:api': (r) => pick(r, HEX, 32),
  'cohere:api': (r) => pick(r, ALNUM, 40),
  'mistral:api': (r) => pick(r, ALNUM, 32),
};

/** Every `provider:keyType` a fake key can be made for. */
export const FAKE_KEY_FORMATS: readonly string[] = Object.keys(FORMATS);

/** A random key in the format `provider:keyType`, the same for the same seed. */
export function fakeKey(format: string, seed = 1): string {
  const make = FORMATS[format];
  if (!make) throw new Error(`no fake key format ${format}`);
  let h = seed >>> 0;
  for (let i = 0; i < format.length; i++) h = (Math.imul(h, 31) + format.charCodeAt(i)) >>> 0;
  return make(mulberry32(h));
}

/** Replaces every `{{provider:keyType}}` / `{{provider:keyType#n}}` marker with `fakeKey(format, n)`. */
export function fillKeyMarkers(text: string): string {
  return text.replace(/\{\{([a-z0-9-]+:[a-z0-9-]+)(?:#(\d+))?\}\}/g, (_m, format: string, n?: string) => fakeKey(format, n === undefined ? 1 : Number(n)));
}
