import { describe, expect, it } from 'vitest';
import { BARE_CONTEXT_CASED, KEY_PREFIXES, KEY_RULES } from './catalog.ts';
import { FAKE_KEY_FORMATS, fakeKey } from '../../../test/helpers/fake-keys.ts';
import { findKeys, mayHoldKey, type KeyHit } from './scan.ts';

// Every key below is generated at run time (fake-keys.ts): no key-shaped literal is committed.
const found = (text: string, kind: 'env' | 'code' | 'config' = 'code'): string[] =>
  findKeys(text, kind).hits.map((h: KeyHit) => `${h.rule.provider}:${h.rule.keyType}`);

/** A variable name that gives each context-only format its context. */
const NAME: Record<string, string> = {
  'azure-openai:api': 'AZURE_OPENAI_API_KEY',
  'cohere:api': 'COHERE_API_KEY',
  'mistral:api': 'MISTRAL_API_KEY',
  'deepseek:api': 'DEEPSEEK_API_KEY',
  'google:gemini-api': 'GEMINI_API_KEY',
};

describe('findKeys: every catalog format', () => {
  it('has a fake-key generator for each catalog row, and nothing else', () => {
    expect([...FAKE_KEY_FORMATS].sort()).toEqual([...new Set(KEY_RULES.map((r) => `${r.provider}:${r.keyType}`))].sort());
  });

  for (const format of FAKE_KEY_FORMATS) {
    it(`finds ${format} in .env, code and config`, () => {
      for (const seed of [1, 2, 3]) {
        const key = fakeKey(format, seed);
        const name = NAME[format] ?? 'API_KEY';
        expect(found(`${name}=${key}\n`, 'env'), `${format} seed ${seed} env`).toEqual([format]);
        expect(found(`os.environ["${name}"] = "${key}"\n`), `${format} seed ${seed} code`).toEqual([format]);
        expect(found(`settings:\n  ${name}: '${key}'\n`, 'config'), `${format} seed ${seed} config`).toEqual([format]);
      }
    });
  }

  it('also reads the `sk-service-` spelling of OpenAI service-account keys', () => {
    expect(found(`KEY=${fakeKey('openai:service-account').replace('svcacct', 'service')}`, 'env')).toEqual(['openai:service-account']);
  });

  it('reports line, column and the assigned name', () => {
    const key = fakeKey('anthropic:api');
    const hits = findKeys(`import os\n\nclient = Anthropic(api_key="${key}")\nexport ANTHROPIC_API_KEY=${key}\n`, 'code').hits;
    expect(hits.map((h) => [h.line, h.column, h.envName])).toEqual([[3, 28, 'api_key'], [4, 25, 'ANTHROPIC_API_KEY']]);
  });

  it('finds keys escaped inside JSON strings (`\\n` before the key)', () => {
    const key = fakeKey('groq:api');
    expect(found(`{"text": "line one\\n${key}\\n"}`, 'config')).toEqual(['groq:api']);
  });
});

describe('findKeys: context-only formats need their context', () => {
  it('Gemini: an AIza key only near gemini / generativelanguage / GOOGLE_API_KEY (Maps keys share the format)', () => {
    const key = fakeKey('google:gemini-api');
    expect(found(`MAPS_KEY = "${key}"`)).toEqual([]);
    expect(found(`<script src="https://maps.googleapis.com/maps/api/js?key=${key}"></script>`)).toEqual([]);
    expect(found(`genai.configure(api_key="${key}")`)).toEqual(['google:gemini-api']);
    expect(found(`GOOGLE_API_KEY=${key}`, 'env')).toEqual(['google:gemini-api']);
    expect(found(`url = "https://generativelanguage.googleapis.com/v1beta/models?key=${key}"`)).toEqual(['google:gemini-api']);
  });

  it('Cohere, Mistral, Azure OpenAI: a bare token only next to the provider (same line, or above a generic name)', () => {
    const cohere = fakeKey('cohere:api');
    const mistral = fakeKey('mistral:api');
    const azure = fakeKey('azure-openai:api');
    expect(found(`TOKEN=${cohere}`, 'env')).toEqual([]);
    expect(found(`co = cohere.Client("${cohere}")`)).toEqual(['cohere:api']);
    expect(found(`CO_API_KEY=${cohere}`, 'env')).toEqual(['cohere:api']);
    expect(found(`mistral:\n  api_key: ${mistral}\n`, 'config')).toEqual(['mistral:api']);
    expect(found(`azure_openai:\n  endpoint: https://contoso.openai.azure.com\n  api_key: ${azure}\n`, 'config')).toEqual(['azure-openai:api']);
    // A specific, unrelated name is not attributed to the provider named two lines up.
    expect(found(`COHERE_API_KEY=\nSTRIPE_SECRET=${cohere}\n`, 'env')).toEqual([]);
    expect(found(`mistral:\n  model: large\n  build_sha: ${mistral}\n`, 'config')).toEqual([]);
    // Azure needs a key-ish word too: a hex digest near an endpoint is not a key.
    expect(found(`endpoint: https://contoso.openai.azure.com\ndigest: ${azure}\n`, 'config')).toEqual([]);
  });

  it('DeepSeek: `sk-` + 32 characters only near "deepseek"', () => {
    const key = fakeKey('deepseek:api');
    expect(found(`OTHER_KEY=${key}`, 'env')).toEqual([]);
    expect(found(`DEEPSEEK_API_KEY=${key}`, 'env')).toEqual(['deepseek:api']);
  });
});

describe('findKeys: what is not a key', () => {
  it('skips placeholders, examples and references', () => {
    const traps = [
      'OPENAI_API_KEY=sk-...',
      'OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'OPENAI_API_KEY=sk-your-key-here',
      'OPENAI_API_KEY=<YOUR_KEY>',
      'OPENAI_API_KEY=sk-proj-abc123',
      'api_key = os.environ["OPENAI_API_KEY"]',
      'api_key = os.getenv("ANTHROPIC_API_KEY")',
      `HF_TOKEN=hf_${'x'.repeat(34)}`,
      `GROQ_API_KEY=gsk_${'a'.repeat(48)}`,
      `DEEPSEEK_API_KEY=sk-${'1234567890abcdef'.repeat(2)}`,
      `PERPLEXITY_API_KEY=pplx-${'YourPerplexityKeyGoesHere0'.repeat(2).slice(0, 48)}`,
      `ANTHROPIC_API_KEY=sk-ant-api03-${'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(2).slice(0, 93)}AA`,
      `OPENROUTER_API_KEY=sk-or-v1-${'0'.repeat(64)}`,
    ];
    for (const trap of traps) expect(found(trap, 'env'), trap).toEqual([]);
  });

  it('skips identifiers that happen to start like a key', () => {
    const traps = [
      'const runner = "task-runner-for-the-nightly-batch-job";',
      'from huggingface_hub import hf_hub_download_with_retries_and_backoff',
      '- (id)hf_requiredCharacteristicTypesForDisplayMetadata;',
      'fw_updateFirmwareVersionNumberNow()',
      'export const disk_usage_threshold_in_percent_of_total = 90;',
    ];
    for (const trap of traps) expect(found(trap), trap).toEqual([]);
  });

  it('does not report a key split across lines', () => {
    const key = fakeKey('openai:project');
    const half = key.length >> 1;
    expect(found(`OPENAI_API_KEY = ("${key.slice(0, half)}"\n  "${key.slice(half)}")\n`)).toEqual([]);
    const anthropic = fakeKey('anthropic:api');
    expect(found(`KEY = "${anthropic.slice(0, 60)}" \\\n  "${anthropic.slice(60)}"\n`)).toEqual([]);
  });

  it('does not read base64 blobs near a context word as bare keys', () => {
    const blob = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 2654435761) >>> 24)).toString('base64');
    expect(found(`model: mistral-large\naudio: ${blob}\n`, 'config')).toEqual([]);
    expect(found(`cohere_payload = "${blob}"`)).toEqual([]);
  });

  it('does not take a key glued to other key characters', () => {
    const key = fakeKey('groq:api');
    expect(found(`x${key}`)).toEqual([]);
    expect(found(`${key}x`.replace(/.$/, '_x'))).toEqual([]);
  });
});

describe('pre-check', () => {
  it('passes texts with a key-shaped token and not ordinary words that contain a prefix', () => {
    expect(mayHoldKey('const queue = "task-runner"; const disk_size_bytes = 4;')).toBe(false);
    expect(mayHoldKey(`OPENAI_API_KEY=${['sk', 'proj', 'Ab3dEf6gHi9jKl2mNo5pQr8s'].join('-')}`)).toBe(true);
    expect(mayHoldKey(`{"k": "\\n${['sk', 'proj', 'Ab3dEf6gHi9jKl2mNo5pQr8s'].join('-')}"}`)).toBe(true);
  });

  /** What the pre-check means, written plainly: a prefix at a token start with 16 key characters after it, or a context word's usual spelling. */
  const meant = (text: string): boolean => {
    if (BARE_CONTEXT_CASED.test(text)) return true;
    const keyChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
    for (let i = 0; i < text.length; i++) {
      if (keyChar(text[i - 1]) && text[i - 2] !== '\\') continue;
      if (KEY_PREFIXES.some((p) => text.startsWith(p, i) && /^[A-Za-z0-9_-]{16}/.test(text.slice(i + p.length)))) return true;
    }
    return false;
  };

  it('is true exactly when a prefix starts a token with 16 key characters, or a context word is spelled as usual', () => {
    const body = 'Ab3dEf6gHi9jKl2m';
    const tricky = [
      ...['sk-', 'sk_', 'hf_', 'api_org_', 'gsk_', 'pplx-', 'xai-', 'r8_', 'nvapi-', 'fw_', 'lsv2_pt_', 'lsv2_sk_', 'AIza'].flatMap((p) => [p + body, `x${p}${body}`, `-${p}${body}`, `\\x${p}${body}`, `\\${p}${body}`, ` ${p}${body.slice(1)}`]),
      `api_${body}`, `lsv2_${body}`, `Sk-${body}`, `aiza${body}`, `sk-${body.slice(0, 8)}.${body}`,
      'AzureOpenAI', 'azure-openai', 'AZUREOPENAI', 'AZURE_openai', 'Azure', 'https://x.openai.azure.com', 'OPENAI.AZURE.COM',
      'Cohere', 'cOhere', 'COHERE', 'CO_API_KEY', 'co_api_key', 'Mistral', 'MISTRAL', 'mIstral', 'MIstral',
      // A context word inside a rejected prefix run (`ask_` is no token start) still counts.
      'def ask_cohere_embeddings(): pass', `xsk-Mistral${body}`,
    ];
    for (const text of tricky) expect(mayHoldKey(text), text).toBe(meant(text));
  });

  it('agrees with that meaning on generated runs of prefixes, escapes and context words in every case', () => {
    const frags = ['sk', 'sk-', 'sk_', 'hf_', 'api_', 'org_', 'api_org_', 'gsk_', 'pplx-', 'xai-', 'r8_', 'nvapi-', 'fw_', 'lsv2_', 'pt_', 'AIza', 'AIZA',
      'a', 'B', '0', '_', '-', '\\', ' ', '"', '/', '=', '\n', 'AAAAAAAA', 'abcdefgh', 'Azure', 'AZURE', 'OpenAI', 'OPENAI', 'openai.', 'azure', '.com',
      'Cohere', 'cOhErE', 'COHERE', 'CO_API_KEY', 'co_api_key', 'Mistral', 'mIstral', 'MISTRAL', '\u212A'];
    let seed = 3;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let passed = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = 0; j <= next(10); j++) text += frags[next(frags.length)];
      const expected = meant(text);
      passed += expected ? 1 : 0;
      expect(mayHoldKey(text), text).toBe(expected);
    }
    expect(passed).toBeGreaterThan(5000);
  });

  it('finds a key near a context word that follows a prefix inside a word (ask_cohere)', () => {
    const key = fakeKey('cohere:api');
    expect(found(`def ask_cohere_embeddings(texts):\n    return Client("${key}").embed(texts)\n`)).toEqual(['cohere:api']);
  });
});
