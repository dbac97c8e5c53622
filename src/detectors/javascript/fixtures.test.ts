import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTree, names, type TreeResult } from '../../../test/helpers/detect-tree.ts';
import { javascriptDetector } from './index.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');

/** `server → [tools]` from the PROVIDES relationships. */
function provided(result: TreeResult): Record<string, string[]> {
  const byId = new Map(result.assets.map((a) => [a.id, a.name]));
  const out: Record<string, string[]> = {};
  for (const r of result.relationships) {
    expect(r.type).toBe('PROVIDES');
    const server = byId.get(r.from) ?? '?';
    (out[server] ??= []).push(byId.get(r.to) ?? '?');
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('fixture ai-sdk-app', () => {
  const root = join(fixtures, 'ai-sdk-app');
  const result = detectTree(root, javascriptDetector);

  it('finds the AI SDKs, one of them missing from package.json', () => {
    const sdks = names(result.assets, 'sdk');
    expect(sdks).toEqual(['@ai-sdk/anthropic', '@ai-sdk/openai', '@pinecone-database/pinecone', 'ai', 'openai']);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(sdks.filter((name) => !(name in manifest.dependencies))).toEqual(['@ai-sdk/anthropic']);
  });

  it('finds exactly the models referenced in code', () => {
    expect(names(result.assets, 'model')).toEqual([
      'claude-3-5-haiku-latest', 'claude-3-5-sonnet-latest', 'gpt-4.1-mini', 'gpt-4o', 'gpt-4o-mini', 'openai/gpt-4.1-nano', 'text-embedding-3-small',
    ]);
  });

  it('finds the Pinecone store with its index and no MCP', () => {
    const stores = result.assets.filter((a) => a.kind === 'vector-store');
    expect(stores.map((a) => [a.name, a.attributes])).toEqual([['pinecone', { clients: ['Pinecone'], collections: ['support-docs'] }]]);
    expect(names(result.assets, 'mcp-server')).toEqual([]);
    expect(names(result.assets, 'tool')).toEqual([]);
  });

  it('reads only files that import AI, and reports no diagnostics', () => {
    const paths = new Set(result.assets.flatMap((a) => a.evidence.map((e) => e.path)));
    expect([...paths].sort()).toEqual(['src/app/api/chat/route.ts', 'src/app/api/title/route.ts', 'src/lib/models.ts', 'src/server/retrieval.ts', 'src/server/summarize.ts']);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('fixture mcp-server-ts', () => {
  const result = detectTree(join(fixtures, 'mcp-server-ts'), javascriptDetector);

  it('finds both servers with their APIs and transports', () => {
    const servers = result.assets.filter((a) => a.kind === 'mcp-server').map((a) => [a.name, a.attributes]);
    expect(servers).toEqual([
      ['notes-mcp', { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'McpServer', transports: ['stdio'] }],
      ['tickets', { role: 'implemented', sdk: '@modelcontextprotocol/sdk', api: 'Server', transports: ['streamable-http'] }],
    ]);
  });

  it('finds every tool with its description, linked to its server', () => {
    expect(provided(result)).toEqual({
      'notes-mcp': ['read_note', 'reindex', 'search_notes', 'stats'],
      tickets: ['close_ticket', 'get_ticket', 'search_tickets'],
    });
    const descriptions = Object.fromEntries(result.assets.filter((a) => a.kind === 'tool').map((a) => [a.name, a.attributes.description]));
    expect(descriptions).toEqual({
      search_notes: 'Full-text search over the team notes',
      read_note: 'Read one note by id',
      reindex: 'Rebuild the search index',
      stats: 'Count notes per folder',
      search_tickets: 'Search tickets by text and status',
      get_ticket: 'Fetch one ticket with its comments',
      close_ticket: 'Close a ticket with a resolution note',
    });
  });

  it('finds the MCP SDK and nothing else', () => {
    expect(names(result.assets, 'sdk')).toEqual(['@modelcontextprotocol/sdk']);
    expect(result.assets.filter((a) => !['sdk', 'mcp-server', 'tool'].includes(a.kind))).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('fixture negative-controls/js', () => {
  it('yields no assets and no diagnostics', () => {
    const result = detectTree(join(fixtures, 'negative-controls', 'js'), javascriptDetector);
    expect(result).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});

describe('fixture rag-postgres (Drizzle schema)', () => {
  const result = detectTree(join(fixtures, 'rag-postgres'), javascriptDetector);

  it('finds the pgvector column of the schema, and not the schema without vectors nor the local helper', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.assets.map((a) => ({ kind: a.kind, name: a.name, attributes: a.attributes, at: a.evidence.map((e) => `${e.path}:${e.line}`) }))).toEqual([
      { kind: 'vector-store', name: 'pgvector', attributes: { clients: ['vector'], dimensions: [1536] }, at: ['lib/db/schema.ts:9'] },
    ]);
  });
});
