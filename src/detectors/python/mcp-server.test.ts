import { describe, expect, it } from 'vitest';
import type { DetectionResult } from '../../model/index.ts';
import { detectPython } from './index.ts';

const run = (content: string, path = 'srv/server.py'): DetectionResult => detectPython({ scope: 't', path, content }) ?? { assets: [], relationships: [], diagnostics: [] };
const of = (r: DetectionResult, kind: string): Array<[string, unknown]> => r.assets.filter((a) => a.kind === kind).map((a) => [a.name, a.attributes]);

describe('python detector: MCP servers implemented', () => {
  it('reads FastMCP servers and their tools (decorator with/without parens, name= and description=)', () => {
    const src = [
      'from mcp.server.fastmcp import FastMCP',
      'mcp = FastMCP("notes")',
      '@mcp.tool()',
      'def add_note(text: str) -> str:',
      '    """Add a note.',
      '',
      '    Details here."""',
      '@mcp.tool(name="search", description="Search notes")',
      'async def find(q): ...',
      '@mcp.tool',
      'def delete_note(id: int):',
      '    return id',
      '@mcp.resource("notes://all")',
      'def all_notes(): ...',
      'mcp.run(transport="sse")',
    ].join('\n');
    const r = run(src);
    expect(of(r, 'mcp-server')).toEqual([['notes', { role: 'implemented', sdk: 'mcp', api: 'FastMCP', transports: ['sse'] }]]);
    expect(of(r, 'tool')).toEqual([['add_note', { description: 'Add a note.' }], ['search', { description: 'Search notes' }], ['delete_note', {}]]);
    const server = r.assets.find((a) => a.kind === 'mcp-server');
    expect(r.relationships.map((x) => [x.type, x.from === server?.id, r.assets.find((a) => a.id === x.to)?.name])).toEqual([
      ['PROVIDES', true, 'add_note'], ['PROVIDES', true, 'search'], ['PROVIDES', true, 'delete_note'],
    ]);
    expect(r.assets.find((a) => a.name === 'search')?.evidence[0]).toMatchObject({ line: 8, snippet: '@mcp.tool(name="search", description="Search notes")', technique: 'call-site' });
  });

  it('uses the same ids as the README keys: code:<server> and code:<server>/<tool>', async () => {
    const { assetId } = await import('../../model/index.ts');
    const r = run('from fastmcp import FastMCP\napp = FastMCP(name="kb")\n@app.tool\ndef lookup(): ...\n');
    expect(r.assets.map((a) => a.id)).toEqual([assetId('sdk', 't', 'pypi:fastmcp'), assetId('mcp-server', 't', 'code:kb'), assetId('tool', 't', 'code:kb/lookup')]);
    expect(of(r, 'mcp-server')).toEqual([['kb', { role: 'implemented', sdk: 'fastmcp', api: 'FastMCP' }]]);
  });

  it('names an unnamed server after the file stem and records default and http transports', () => {
    const r = run('from fastmcp import FastMCP\nserver = FastMCP()\nserver.run()\nhttp = server.streamable_http_app()\n', 'tools/billing_server.py');
    expect(of(r, 'mcp-server')).toEqual([['billing_server', { role: 'implemented', sdk: 'fastmcp', api: 'FastMCP', transports: ['stdio', 'streamable-http'] }]]);
  });

  it('names an unnamed server in an entry file (server.py, main.py) after its folder', () => {
    const r = run('from fastmcp import FastMCP\nmcp = FastMCP()\n', 'billing/src/server.py');
    expect(of(r, 'mcp-server').map(([name]) => name)).toEqual(['billing']);
  });

  it('reads low-level Server with Tool(...) objects (types.Tool and Tool) and stdio_server', () => {
    const src = [
      'from mcp.server import Server',
      'from mcp import types',
      'from mcp.types import Tool',
      'from mcp.server.stdio import stdio_server',
      'app = Server("calc")',
      '@app.list_tools()',
      'async def list_tools():',
      '    return [types.Tool(name="add", description="Add two numbers", inputSchema={}), Tool(name="mul", inputSchema={})]',
      'async def main():',
      '    async with stdio_server() as (r, w):',
      '        await app.run(r, w, app.create_initialization_options())',
    ].join('\n');
    const r = run(src);
    expect(of(r, 'mcp-server')).toEqual([['calc', { role: 'implemented', sdk: 'mcp', api: 'Server', transports: ['stdio'] }]]);
    expect(of(r, 'tool')).toEqual([['add', { description: 'Add two numbers' }], ['mul', {}]]);
    expect(r.relationships).toHaveLength(2);
  });

  it('names Tool(...) objects after same-file Enum members (Cls.X and Cls.X.value), as inferred', () => {
    const src = [
      'from enum import Enum',
      'from mcp.server import Server',
      'from mcp.types import Tool',
      'class GitTools(str, Enum):',
      '    STATUS = "git_status"',
      '',
      '    LOG = "git_log"',
      'class Plain:',
      '    NOW = "get_time"',
      'server = Server("git")',
      '@server.list_tools()',
      'async def list_tools():',
      '    return [',
      '        Tool(name=GitTools.STATUS, inputSchema={}),',
      '        Tool(name=GitTools.LOG.value, inputSchema={}),',
      '        Tool(name=Plain.NOW, inputSchema={}),',
      '        Tool(name=Unknown.X.value, inputSchema={}),',
      '        Tool(name=GitTools.MISSING, inputSchema={}),',
      '    ]',
    ].join('\n');
    const r = run(src);
    expect(r.assets.filter((a) => a.kind === 'tool').map((a) => [a.name, a.evidence[0]?.line, a.evidence[0]?.confidence])).toEqual([
      ['git_status', 14, 'inferred'], ['git_log', 15, 'inferred'], ['get_time', 16, 'inferred'],
    ]);
    expect(r.relationships).toHaveLength(3);
  });

  it('names decorated tools after class constants', () => {
    const r = run('from fastmcp import FastMCP\nclass Names:\n    SEARCH = "search_docs"\nmcp = FastMCP("kb")\n@mcp.tool(name=Names.SEARCH)\ndef search(q): ...\n');
    expect(of(r, 'tool')).toEqual([['search_docs', {}]]);
  });

  it('reads mcp 2.x MCPServer like FastMCP', () => {
    const r = run('from mcp.server import MCPServer\nmcp = MCPServer("Bookshop")\n@mcp.tool()\ndef find_book(title: str): ...\nmcp.run()\n');
    expect(of(r, 'mcp-server')).toEqual([['Bookshop', { role: 'implemented', sdk: 'mcp', api: 'MCPServer', transports: ['stdio'] }]]);
    expect(of(r, 'tool')).toEqual([['find_book', {}]]);
  });

  it('reads add_tool registrations', () => {
    const r = run('from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\ndef ping(): ...\nmcp.add_tool(ping)\nmcp.add_tool(other.fn, name="pong")\n');
    expect(of(r, 'tool').map(([n]) => n)).toEqual(['ping', 'pong']);
  });

  it('does not take http.server or an unbound .tool decorator for MCP', () => {
    const src = 'import openai\nfrom http.server import HTTPServer as Server\nsrv = Server(("", 80), H)\n@srv.tool()\ndef f(): ...\n@registry.tool()\ndef g(): ...\nsrv.run()\n';
    const r = run(src);
    expect(r.assets.map((a) => a.kind)).toEqual(['sdk']);
    expect(r.relationships).toEqual([]);
  });
});
