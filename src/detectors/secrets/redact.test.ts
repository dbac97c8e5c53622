/**
 * `redactSnippet` (src/model/evidence.ts) runs on every detector's snippets: it must hide every key
 * format the secrets detector knows, keep the public prefix, and stay cheap on long lines.
 */
import { describe, expect, it } from 'vitest';
import { redactAttributeValue, redactSnippet } from '../../model/index.ts';
import { KEY_RULES } from './catalog.ts';
import { FAKE_KEY_FORMATS, fakeKey } from '../../../test/helpers/fake-keys.ts';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';

const prefixOf = (format: string): string => KEY_RULES.find((r) => `${r.provider}:${r.keyType}` === format)?.prefix ?? '';

describe('redactSnippet', () => {
  for (const format of FAKE_KEY_FORMATS) {
    it(`hides ${format} keys and keeps only the public prefix`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const key = fakeKey(format, seed);
        const body = key.slice(prefixOf(format).length);
        for (const line of [`API_KEY=${key}`, `client = Client(api_key="${key}")`, `  "token": "${key}",`, `curl -H "Authorization: Bearer ${key}" https://x`]) {
          const out = redactSnippet(line);
          expect(out, `${format} seed ${seed}: ${out}`).toContain(`${prefixOf(format)}…[redacted]`);
          expect(out.includes(body.slice(0, 8)) || out.includes(body.slice(-8)), `${format} seed ${seed}: ${out}`).toBe(false);
        }
      }
    });
  }

  it('hides URL credentials but keeps a bare git@', () => {
    expect(redactSnippet('url = "https://bot:hunter2@api.groq.com/openai/v1"')).toBe('url = "https://…[redacted]@api.groq.com/openai/v1"');
    expect(redactSnippet('git+ssh://git@github.com/acme/x.git')).toBe('git+ssh://git@github.com/acme/x.git');
  });

  it('hides a quoted value assigned to a credential name, whatever its shape', () => {
    const cases: Array<[string, string]> = [
      ['client = OpenAI(api_key="hunter2hunter2")', 'client = OpenAI(api_key="…[redacted]")'],
      ['  "password": "s3cr3tpass",', '"password": "…[redacted]",'],
      ["const cfg = { accessToken: 'eyJhbGciOi' };", "const cfg = { accessToken: '…[redacted]' };"],
      ['client_secret => "zzzzzzzzzz"', 'client_secret => "…[redacted]"'],
      ['DB_PASSWORD=`letmein99`', 'DB_PASSWORD=`…[redacted]`'],
    ];
    for (const [line, out] of cases) expect(redactSnippet(line)).toBe(out);
  });

  it('hides a token after an HTTP auth scheme or in a URL query parameter, whatever its shape', () => {
    const cases: Array<[string, string]> = [
      ['.customHeaders(Map.of("Authorization", "Bearer abC9defGhi0jk"))', '.customHeaders(Map.of("Authorization", "Bearer …[redacted]"))'],
      ["curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZDE='", "curl -H 'Authorization: Basic …[redacted]'"],
      ['url = "https://mcp.acme.example/sse?api_key=q8Zr2LkQ7w&mode=ro"', 'url = "https://mcp.acme.example/sse?api_key=…[redacted]&mode=ro"'],
      ['fetch(`${base}/v1?key=AbCdEf123456`)', 'fetch(`${base}/v1?key=…[redacted]`)'],
    ];
    for (const [line, out] of cases) expect(redactSnippet(line)).toBe(out);
    // Prose, references and placeholders stay.
    for (const line of ['Bearer authentication is required', "headers: { Authorization: `Bearer ${token}` }", '-H "Authorization: Bearer $GITHUB_TOKEN"', 'https://x.example/a?key=your-key-here', '?page=2&sort=desc']) {
      expect(redactSnippet(line)).toBe(line);
    }
  });

  it('hides a scheme token of any length, in lower case, and a Basic token without a digit', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${'eyJzdWIiOiJ1c2VyIn0'.repeat(30)}.c2lnbmF0dXJl`;
    for (const line of [`"Authorization": "Bearer ${jwt}"`, `headers = {"authorization": "bearer ${jwt}"}`]) {
      const out = redactSnippet(line);
      expect(out, out).toContain('earer …[redacted]');
      expect(out).not.toContain('eyJzdWIi');
      expect(redactAttributeValue(line)).not.toContain('eyJzdWIi');
    }
    // Basic's token is base64 of user:password, which may hold no digit; Basic prose stays.
    expect(redactSnippet("-H 'Authorization: Basic dXNlcjpwYXNz'")).toBe("-H 'Authorization: Basic …[redacted]'");
    expect(redactAttributeValue(`https://x.example/sse?token=${jwt}`)).toBe('https://x.example/sse?token=…[redacted]');
    for (const line of ['Basic settings are shown first', 'Basic Authentication is configured', '# Basic gpt-4o-mini usage', '### Basic InferenceService Creation', '# Tutorial: Basic tracing/metrics/logs Collection', 'BEDROCK_AUTH=bearer BEDROCK_MODEL=us.anthropic.claude-3-5-haiku-20241022-v1:0 go run .']) {
      expect(redactSnippet(line)).toBe(line);
    }
  });

  it('hides query credentials whose name ends in a credential word, also after &amp; (presigned URLs, OAuth clients, Azure keys)', () => {
    const cases: Array<[string, string]> = [
      ['u = "https://login.acme.example/token?client_id=app&client_secret=q8Zr2LkQ7wXYZ"', 'u = "https://login.acme.example/token?client_id=app&client_secret=…[redacted]"'],
      ['https://b.s3.amazonaws.com/m.gguf?X-Amz-Security-Token=IQoJb3JpZ2luX2Vj&X-Amz-Signature=9f8e7d6c5b4a', 'https://b.s3.amazonaws.com/m.gguf?X-Amz-Security-Token=…[redacted]&X-Amz-Signature=…[redacted]'],
      ['https://acme.azure-api.net/openai?subscription-key=q8Zr2LkQ7wXYZ', 'https://acme.azure-api.net/openai?subscription-key=…[redacted]'],
      ['<a href="https://x.example/sse?mode=ro&amp;api_key=q8Zr2LkQ7wXYZ">', '<a href="https://x.example/sse?mode=ro&amp;api_key=…[redacted]">'],
    ];
    for (const [line, out] of cases) expect(redactSnippet(line)).toBe(out);
    // Names that only contain a credential word, or codes that are not credentials, stay.
    for (const line of ['https://x.example/a?country_code=DEUTSCHLAND&sort_order=asc', 'https://x.example/a?monkey=abcdefgh123']) expect(redactSnippet(line)).toBe(line);
  });

  it('keeps what is not a credential: env names, references, placeholders, numbers, prose, other names', () => {
    const lines = [
      'api_key_env = "OPENAI_API_KEY"',
      'OPENAI_API_KEY = "OPENAI_API_KEY"',
      'api_key=os.environ["OPENAI_API_KEY"]',
      'apiKey: process.env.OPENAI_API_KEY',
      'api_key: "${OPENAI_KEY}"',
      'api_key="your-api-key"',
      'api_key="sk-XXXXXXXX"',
      'max_tokens = "100000"',
      'tokenizer: "cl100k_base"',
      'secret_name = "prod/openai"',
      'const token = "abc def ghi"',
    ];
    for (const line of lines) expect(redactSnippet(line)).toBe(line);
  });

  it('keeps ordinary code readable: identifiers, model ids, lower-case hex away from key words', () => {
    const lines = [
      'from huggingface_hub import hf_hub_download',
      'model = "anthropic.claude-3-haiku-20240307-v1:0"',
      'uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab',
      'const task = "task-runner-nightly-batch-job-for-reports";',
    ];
    for (const line of lines) expect(redactSnippet(line)).toBe(line);
  });

  it('caps the snippet at 200 characters and stays fast on a 1 MB line', () => {
    const key = fakeKey('openai:project');
    const line = `${'x = 1; '.repeat(20)}k = "${key}"; ${'sk-'.repeat(300_000)}`;
    const { value: out, ms } = cpuTimed(() => redactSnippet(line));
    expect(ms).toBeLessThan(200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).not.toContain(key.slice(8, 20));
  });

  it('scrubs a multi-megabyte attribute value in linear time (scheme words, query separators, long runs)', () => {
    const values = [
      `Bearer ${'a1'.repeat(1_000_000)}…`,
      `${'Bearer '.repeat(300_000)}x`,
      `;${'a-'.repeat(1_000_000)}`,
      `?${'x_'.repeat(1_000_000)}token=`,
      `Basic ${'aB'.repeat(1_000_000)}-`,
    ];
    for (const value of values) {
      expect(cpuTimed(() => redactAttributeValue(value)).ms, value.slice(0, 20)).toBeLessThan(1_500);
    }
  });
});
