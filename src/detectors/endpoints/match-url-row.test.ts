import { describe, expect, it } from 'vitest';
import { matchUrlRow } from './find.ts';

const rows = (urls: string[]): (string | null)[] =>
  urls.map((u) => {
    const row = matchUrlRow(u);
    return row === undefined ? null : `${row.provider} ${row.kind}`;
  });

describe("endpoints: the catalog row of a whole URL (a client's base URL)", () => {
  it('matches host, port and path as the text search does', () => {
    expect(rows(['https://api.deepseek.com', 'https://API.DeepSeek.com./v1', 'http://localhost:11434/v1', 'https://openrouter.ai/api/v1', 'https://acme.openai.azure.com/openai'])).toEqual([
      'deepseek provider-api', 'deepseek provider-api', 'ollama self-hosted', 'openrouter gateway', 'azure-openai provider-api']);
  });

  it('matches no unknown, look-alike or unparsable URL', () => {
    expect(rows(['https://openrouter.ai/docs', 'http://localhost:8000/v1', 'https://api.deepseek.com.example.org/v1', 'api.deepseek.com', 'not a url', ''])).toEqual([null, null, null, null, null, null]);
  });
});
