import { describe, expect, it } from 'vitest';
import type { DetectionResult } from '../../model/index.ts';
import { detectLanguages } from './index.ts';
import { fastMcpToolName, mcpToolName } from './mcp-ruby.ts';

const detect = (path: string, content: string): DetectionResult | null => detectLanguages({ scope: 'repo', path, content });
const servers = (r: DetectionResult | null): string[] =>
  (r?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => `${a.name} ${String(a.attributes['sdk'])} ${String(a.attributes['transports'] ?? '-')} ${a.evidence[0]?.confidence}`);
const tools = (r: DetectionResult | null): string[] => (r?.assets ?? []).filter((a) => a.kind === 'tool').map((a) => `${a.name}: ${String(a.attributes['description'])}`);

describe('Ruby tool names as each gem derives them', () => {
  it('the official SDK: modules dropped, then underscored (StringUtils.handle_from_class_name)', () => {
    expect(['Test', 'TestClass', 'Module::Submodule::TestClass', 'HTTPGetTool', 'ABC', 'Get2FACode', 'V2Tool'].map(mcpToolName)).toEqual([
      'test', 'test_class', 'test_class', 'http_get_tool', 'abc', 'get2_fa_code', 'v2_tool',
    ]);
  });

  it('fast-mcp: the class name with its modules, only letters, digits, _ and -, 64 at most', () => {
    expect(fastMcpToolName('Tools::AddLabels')).toBe('ToolsAddLabels');
    expect(fastMcpToolName('search.files v2')).toBe('searchfilesv2');
    expect(fastMcpToolName('A'.repeat(80))).toHaveLength(64);
  });
});

describe('Ruby MCP servers and tools', () => {
  it('reads heredoc, %q and overridden names and descriptions; drops a tool whose tool_name is not a literal', () => {
    const content = [
      'require "mcp"',
      'class Archive < MCP::Tool',
      '  description <<-TEXT',
      '    Archives a project',
      '    TEXT',
      'end',
      'class Lookup < MCP::Tool',
      '  def self.tool_name',
      '    "lookup_v2"',
      '  end',
      '  def self.description = %q(Looks a record up)',
      'end',
      'class Dynamic < MCP::Tool',
      '  tool_name NAMES[:dynamic]',
      '  description "Deletes whatever it is told"',
      'end',
      'class Translated < MCP::Tool',
      '  description I18n.t("tools.translated")',
      'end',
      'server = MCP::Server.new',
      '',
    ].join('\n');
    const r = detect('srv/app.rb', content);
    // `<<-` keeps the body's indentation (trimmed at both ends).
    expect(tools(r)).toEqual(['archive: Archives a project', 'lookup_v2: Looks a record up', 'translated: undefined']);
    // No `name:`: the SDK's default name, not written in the file.
    expect(servers(r)).toEqual(['model_context_protocol mcp - inferred']);
  });

  it('tells tools on a base class from another file by their DSL: the SDK\'s, fast-mcp\'s, or neither (RubyLLM)', () => {
    const sdk = detect('app/tools/a.rb', 'class SearchTool < BaseTool\n  description "Searches"\n  input_schema(properties: {})\n  def self.call(server_context:) = nil\nend\n');
    expect(tools(sdk)).toEqual(['search_tool: Searches']);
    expect(servers(sdk)).toEqual(['repo mcp - inferred']);
    const fast = detect('app/tools/b.rb', 'module Tools\n  class Refund < ApplicationTool\n    tool_name "refund"\n    def call(id:) = id\n  end\nend\n');
    expect(tools(fast)).toEqual(['refund: undefined']);
    expect(servers(fast)).toEqual(['repo fast-mcp - inferred']);
    // fast-mcp's `arguments do` decides, whatever else the class holds (rails-mcp-server's tools keep helpers in `class << self`).
    const helpers = detect('lib/gem/tools/e.rb', 'module Gem\n  class ExecuteTool < BaseTool\n    tool_name "execute"\n    arguments do\n      required(:name).filled(:string)\n    end\n    def call(name:) = name\n    class << self\n      def registry = {}\n    end\n  end\nend\n');
    expect(servers(helpers)).toEqual(['gem fast-mcp - inferred']);
    const llm = detect('app/tools/c.rb', 'class WeatherTool < ApplicationTool\n  description "Updates nothing"\n  param :city\n  def execute(city:) = city\nend\n');
    expect(llm).toBeNull();
    // A description alone says nothing of which framework the base belongs to.
    expect(detect('app/tools/d.rb', 'class EchoTool < ApplicationTool\n  description "Echoes"\nend\n')).toBeNull();
  });

  it('a base class subclassed in the file is not a tool; a class registered on a server is one whatever its superclass', () => {
    const content = [
      'require "fast_mcp"',
      'class McpTool < FastMcp::Tool',
      '  def helper = 1',
      'end',
      'class Ping < McpTool',
      '  description "Answers pong"',
      'end',
      'class Lookup < Struct.new(:id)',
      'end',
      'server = FastMcp::Server.new(name: "svc", version: "1")',
      'server.register_tools(Ping, Lookup)',
      'server.start_rack(app)',
      '',
    ].join('\n');
    const r = detect('svc.rb', content);
    expect(tools(r)).toEqual(['Lookup: undefined', 'Ping: Answers pong']);
    expect(servers(r)).toEqual(['svc fast-mcp sse declared']);
  });

  it('fast-mcp 0.1.0 named its classes MCP::, so MCP:: in a file that requires only fast_mcp is fast-mcp', () => {
    const r = detect('old.rb', "require 'fast_mcp'\nserver = MCP::Server.new(name: 'old', version: '1')\nclass Hello < MCP::Tool\n  description 'Says hello'\nend\nserver.register_tool(Hello)\nserver.start\n");
    expect(servers(r)).toEqual(['old fast-mcp stdio declared']);
    expect(r?.assets.find((a) => a.kind === 'mcp-server')?.attributes['api']).toBe('MCP::Server');
    expect(tools(r)).toEqual(['Hello: Says hello']);
  });

  it('Rack middleware without a name is mcp-server; a client, define_tool without the gem, and Tool look-alikes are nothing', () => {
    // A rackup file is Ruby.
    expect(servers(detect('config.ru', "require 'fast_mcp'\nuse FastMcp.rack_middleware(app, version: '1') { |s| s.register_tool(X) }\n"))).toEqual(['mcp-server fast-mcp sse inferred']);
    const client = detect('c.rb', 'require "mcp"\nclient = MCP::Client.new(transport: MCP::Client::Stdio.new(command: "ruby", args: ["s.rb"]))\nclient.call_tool(tool: client.tools.first, arguments: {})\n');
    expect(client?.assets.map((a) => a.kind)).toEqual(['sdk']);
    expect(detect('d.rb', 'require "openai"\nregistry.define_tool(name: "delete_all", description: "Deletes") { }\n')?.assets.map((a) => a.kind)).toEqual(['sdk']);
    expect(detect('e.rb', 'class Saw < Tool\n  tool_name "saw"\n  def call = 1\nend\nclass Drill < Langchain::Tool::Base\n  input_schema(x: 1)\nend\n')).toBeNull();
  });
});
