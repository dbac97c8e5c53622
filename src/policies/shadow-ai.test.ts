import { describe, expect, it } from 'vitest';
import { asset, context, inventory } from './__fixtures__/build.ts';
import { shadowAi } from './shadow-ai.ts';
import type { ApprovedLists } from './types.ts';

const gpt4oMini = asset('model', 'gpt-4o-mini', {}, { provider: 'openai' });
const gpt41 = asset('model', 'gpt-4.1', {}, { provider: 'openai' });
const claude = asset('model', 'claude-3-5-sonnet-latest', {}, { provider: 'anthropic' });
const llama = asset('model', 'meta-llama/Llama-3.1-8B-Instruct', {}, { provider: 'meta' });
const sdk = asset('sdk', 'langchain', {}, { provider: 'langchain' });
const mcpSdk = asset('sdk', '@modelcontextprotocol/sdk', {}, { provider: 'mcp' });
const saas = asset('saas-app', 'ChatGPT');
const server = asset('mcp-server', 'fs', { package: '@modelcontextprotocol/server-filesystem' });
const all = [gpt4oMini, gpt41, claude, llama, sdk, mcpSdk, saas, server];

const flagged = (approved?: ApprovedLists) =>
  shadowAi
    .evaluate(context(inventory(all), approved === undefined ? {} : { approved }))
    .map((f) => all.find((a) => a.id === f.assetId)?.name)
    .sort();

describe('shadow-ai', () => {
  it('reports nothing without approved lists: the inventory is inventory only', () => {
    expect(flagged()).toEqual([]);
  });

  it('matches model globs (gpt-4o* approves gpt-4o-mini, not gpt-4.1; * crosses "/"), case-insensitively', () => {
    expect(flagged({ models: ['GPT-4o*', 'meta-llama/*'] })).toEqual(['claude-3-5-sonnet-latest', 'gpt-4.1']);
  });

  it('checks providers of models, endpoints and SaaS apps (not SDK families)', () => {
    expect(flagged({ providers: ['openai'] })).toEqual(['claude-3-5-sonnet-latest', 'meta-llama/Llama-3.1-8B-Instruct']);
  });

  it('checks SDKs, SaaS apps and MCP servers (by name or package); an empty list approves nothing', () => {
    expect(flagged({ sdks: ['@modelcontextprotocol/*'] })).toEqual(['langchain']);
    expect(flagged({ saas: [] })).toEqual(['ChatGPT']);
    expect(flagged({ mcpServers: ['@modelcontextprotocol/server-*'] })).toEqual([]);
    expect(flagged({ mcpServers: ['github'] })).toEqual(['fs']);
  });

  it('gives one finding per asset listing every list it misses', () => {
    const findings = shadowAi.evaluate(context(inventory([claude]), { approved: { providers: ['openai'], models: ['gpt-*'] } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.detail).toBe('provider "anthropic" is not in approved.providers; model "claude-3-5-sonnet-latest" is not in approved.models.');
    expect(findings[0]?.evidence).toHaveLength(1);
  });
});
