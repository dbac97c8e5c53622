import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { siblingsOf, type SiblingFiles } from '../types.ts';
import { detectLanguages } from './index.ts';
import { deriveToolName, snakeCaseLower } from './mcp-csharp.ts';

function timed(path: string, content: string): { r: DetectionResult | null; ms: number } {
  const { value: r, ms } = cpuTimed(() => detectLanguages({ scope: 'repo', path, content }));
  return { r, ms };
}
const kinds = (r: DetectionResult | null, kind: string): string[] => (r?.assets ?? []).filter((a) => a.kind === kind).map((a) => a.name);
const tools = (r: DetectionResult | null): string[] => (r?.assets ?? []).filter((a) => a.kind === 'tool').map((a) => `${a.name}: ${String(a.attributes['description'])}`);

describe('C# tool names as the MCP C# SDK derives them', () => {
  it('snake_case_lower as System.Text.Json writes it', () => {
    expect(['GetAlerts', 'XMLReader', 'SHA512Hash', 'getHTML', 'Echo', 'already_snake', 'ABC', 'A1B2'].map(snakeCaseLower)).toEqual([
      'get_alerts', 'xml_reader', 'sha512_hash', 'get_html', 'echo', 'already_snake', 'abc', 'a1_b2',
    ]);
  });

  it('drops Async only from task-returning methods, and turns other characters into _', () => {
    expect(deriveToolName('GetForecastAsync', true)).toBe('get_forecast');
    expect(deriveToolName('GetForecastAsync', false)).toBe('get_forecast_async');
    expect(deriveToolName('Async', true)).toBe('async');
    expect(deriveToolName('_Private__Name_', false)).toBe('private_name');
  });
});

describe('C# MCP servers', () => {
  const usings = 'using ModelContextProtocol.Server;\nusing System.ComponentModel;\n';

  it('names a server by the ServerInfo in its options, else the one of the file, and reads Implementation initializers', () => {
    const r = detectLanguages({ scope: 'repo', path: 'src/Api/Program.cs', content: 'builder.Services.AddMcpServer(o => o.ServerInfo = new Implementation { Version = "1", Name = "api" + "-server" });\n' });
    expect(kinds(r, 'mcp-server')).toEqual(['api-server']);
    const configured = detectLanguages({ scope: 'repo', path: 'src/Api/Program.cs', content: `${usings}services.AddMcpServer();\nservices.Configure<McpServerOptions>(o => { o.ServerInfo = new() { Name = "configured" }; });\n` });
    expect(kinds(configured, 'mcp-server')).toEqual(['configured']);
    // A name from configuration: the project folder (`src` is layout).
    const variable = detectLanguages({ scope: 'repo', path: 'src/Api/Program.cs', content: `${usings}services.AddMcpServer(o => o.ServerInfo = new() { Name = config.Name });\n` });
    expect(kinds(variable, 'mcp-server')).toEqual(['Api']);
  });

  it('names an unnamed server after the nearest enclosing .csproj: its literal <AssemblyName>, else its stem; else the folder', () => {
    const csproj = (assembly?: string): string => `<Project><PropertyGroup>${assembly === undefined ? '' : `<AssemblyName>${assembly}</AssemblyName>`}</PropertyGroup></Project>`;
    const content = 'services.AddMcpServer().WithStdioServerTransport();\n';
    // Folders from the outermost (the scanned root) down to the file's.
    const chain = (...folders: Array<Record<string, string>>): SiblingFiles | undefined =>
      folders.reduce<SiblingFiles | undefined>((parent, files) => siblingsOf(new Map(Object.entries(files)), parent), undefined);
    const name = (siblings: SiblingFiles | undefined): string[] => kinds(detectLanguages({ scope: 'repo', path: 'src/Api/Hosting/Setup.cs', content, siblings }), 'mcp-server');
    expect(name(chain({}, { 'Api.csproj': csproj('api-host') }, { 'Other.cs': '' }))).toEqual(['api-host']);
    // Set more than once, or to a property the project does not set: the stem, MSBuild's default.
    expect(name(chain({}, { 'Api.csproj': csproj('$(RootNamespace).Host') }, {}))).toEqual(['Api']);
    // Properties the project sets once to a literal, and $(MSBuildProjectName), are expanded.
    const withProps = (props: string, assembly: string): string => `<Project><PropertyGroup>${props}<AssemblyName>${assembly}</AssemblyName></PropertyGroup></Project>`;
    expect(name(chain({}, { 'Api.csproj': withProps('<CliName>azmcp</CliName>', '$(CliName)') }, {}))).toEqual(['azmcp']);
    expect(name(chain({}, { 'Api.csproj': withProps('<cliname>azmcp</cliname>', '$(CliName)-$(MSBuildProjectName)') }, {}))).toEqual(['azmcp-Api']);
    expect(name(chain({}, { 'Api.csproj': withProps('', 'Contoso.$(MSBuildProjectName)') }, {}))).toEqual(['Contoso.Api']);
    // Set twice, set to another property, or commented out: not expanded, the stem.
    expect(name(chain({}, { 'Api.csproj': withProps('<CliName>a</CliName><CliName>b</CliName>', '$(CliName)') }, {}))).toEqual(['Api']);
    expect(name(chain({}, { 'Api.csproj': withProps('<CliName>$(Other)</CliName><Other>x</Other>', '$(CliName)') }, {}))).toEqual(['Api']);
    expect(name(chain({}, { 'Api.csproj': withProps('<!-- <CliName>azmcp</CliName> -->', '$(CliName)') }, {}))).toEqual(['Api']);
    expect(name(chain({}, { 'Api.csproj': `${csproj('one')}${csproj('two')}` }, {}))).toEqual(['Api']);
    // The nearest folder with a project wins over the repository-wide one above it.
    expect(name(chain({ 'Root.csproj': csproj() }, { 'Api.csproj': csproj() }, {}))).toEqual(['Api']);
    // Two projects in the nearest folder: which one builds the file is not told; the folder rule (`Hosting`).
    expect(name(chain({ 'Root.csproj': csproj() }, { 'A.csproj': csproj(), 'B.csproj': csproj() }, {}))).toEqual(['Hosting']);
    // No project up to the root, or no folders from the connector: the folder rule.
    expect(name(chain({ 'App.sln': '' }, {}, {}))).toEqual(['Hosting']);
    expect(name(undefined)).toEqual(['Hosting']);
    // A name in the code still wins over the project.
    expect(kinds(detectLanguages({ scope: 'repo', path: 'src/Api/Setup.cs', content: 'services.AddMcpServer(o => o.ServerInfo = new() { Name = "named" });\n', siblings: chain({ 'Api.csproj': csproj() }) }), 'mcp-server')).toEqual(['named']);
  });

  it('reads a server name held in a const string of the file, not in a field, nor in a constant declared twice with two values', () => {
    const named = (decl: string, ref = 'ServerName'): string[] =>
      kinds(detectLanguages({ scope: 'repo', path: 'src/Api/Program.cs', content: `services.AddMcpServer(o => o.ServerInfo = new() { Name = ${ref}, Version = "1" });\nclass C {\n${decl}\n}\n` }), 'mcp-server');
    expect(named('const string ServerName = "api-mcp";')).toEqual(['api-mcp']);
    expect(named('public const string ServerName = "api" + "-mcp";', 'C.ServerName')).toEqual(['api-mcp']);
    expect(named('static readonly string ServerName = "field";')).toEqual(['Api']);
    expect(named('const string ServerName = "one";\nclass D { const string ServerName = "two"; }')).toEqual(['Api']);
    // A call on the constant is not the constant.
    expect(named('const string ServerName = "api";', 'ServerName.ToUpper()')).toEqual(['Api']);
  });

  it('reads tools on methods after attribute lists in any order, expression-bodied, generic and tuple-returning', () => {
    const content = `${usings}[McpServerToolType]\npublic class T {\n  [Description("first")] [McpServerTool]\n  public async Task<(int, string)> PairAsync() => default;\n  [McpServerTool(Name = "gen"), Description("generic")]\n  public static IAsyncEnumerable<string> Stream<TItem>(TItem x) => null!;\n  [method: McpServerToolAttribute]\n  public (int a, int b) Tuple() => (1, 2);\n  [McpServerTool] public int Count { get; }\n}\n`;
    const r = detectLanguages({ scope: 'repo', path: 'Tools/T.cs', content });
    expect(tools(r)).toEqual(['gen: generic', 'pair: first', 'tuple: undefined']);
    // No server in the file and no folder but layout: the repository names the inferred server.
    expect(kinds(r, 'mcp-server')).toEqual(['repo']);
  });

  it('reads no tools in a file that uses no ModelContextProtocol namespace', () => {
    const r = detectLanguages({ scope: 'repo', path: 'T.cs', content: 'using OpenAI;\npublic class T {\n  [McpServerTool, Description("d")]\n  public static void Delete() {}\n}\n' });
    expect(kinds(r, 'tool')).toEqual([]);
  });

  it('hostile: thousands of attribute lists, unclosed attributes and AddMcpServer calls stay linear', () => {
    const sections = '[McpServerTool, Description("d")]\n'.repeat(20_000);
    const unclosed = '[McpServerTool(Name = "x",\n'.repeat(20_000);
    const calls = 'services.AddMcpServer(o => o.ServerInfo = new() { Name = "n"\n'.repeat(5_000);
    const { r, ms } = timed('A.cs', `${usings}${sections}public static void Ok() {}\n${unclosed}${calls}`);
    expect(ms).toBeLessThan(2000);
    expect(kinds(r, 'tool')).toEqual(['ok']);
    expect(kinds(r, 'mcp-server').length).toBeLessThanOrEqual(2);
  });
});

describe('Rust MCP servers (rmcp)', () => {
  it('reads Implementation { name: ... } literals, old ServerInfo shapes, and #[tool] after other attributes', () => {
    const content = 'use rmcp::{tool, tool_router, ServerHandler, model::*};\nstruct S;\n#[tool_router]\nimpl S {\n    #[tool(description = "Run a shell command")]\n    #[allow(dead_code)]\n    pub(crate) async fn exec(&self) {}\n    #[rmcp::tool]\n    /// Lists things\n    fn r#list(&self) {}\n}\nimpl rmcp::ServerHandler for S {\n    fn get_info(&self) -> ServerInfo {\n        ServerInfo { server_info: Implementation { name: "ops".into(), version: "1".into() }, ..Default::default() }\n    }\n}\n';
    const r = detectLanguages({ scope: 'repo', path: 'crates/ops/src/lib.rs', content });
    expect(kinds(r, 'mcp-server')).toEqual(['ops']);
    expect(tools(r)).toEqual(['exec: Run a shell command', 'r#list: Lists things']);
  });

  it('reads nothing in a file that does not use rmcp', () => {
    const r = detectLanguages({ scope: 'repo', path: 'src/lib.rs', content: 'use async_openai::Client;\nuse other::{tool, tool_router};\n#[tool_router]\nimpl S {\n    #[tool(description = "Delete")]\n    fn delete(&self) {}\n}\nimpl ServerHandler for S {}\n' });
    expect(kinds(r, 'mcp-server')).toEqual([]);
    expect(kinds(r, 'tool')).toEqual([]);
  });

  it('hostile: thousands of tool attributes, router blocks and unclosed impls stay linear', () => {
    const head = 'use rmcp::{tool, tool_router};\n#[tool_router(server_handler)]\nimpl S {\n';
    const body = '    /// doc\n    #[tool(description = "d")]\n    fn t(&self) {}\n'.repeat(5_000);
    const unclosed = '#[tool_router]\nimpl X {\n    #[tool(name = "x",\n'.repeat(5_000);
    const { r, ms } = timed('src/lib.rs', `${head}${body}}\n${unclosed}`);
    expect(ms).toBeLessThan(2000);
    expect(kinds(r, 'tool')).toEqual(['t']);
  });
});

describe('Rust MCP server names', () => {
  it('takes no name from a client Implementation outside the ServerHandler impl', () => {
    const content = 'use rmcp::{ServerHandler, model::*};\nstruct S;\nimpl ServerHandler for S {}\nfn client() -> ClientInfo { ClientInfo::new(ClientCapabilities::default(), Implementation::new("my-client", "1")) }\n';
    expect(kinds(detectLanguages({ scope: 'repo', path: 'crates/srv/src/lib.rs', content }), 'mcp-server')).toEqual(['srv']);
  });
});

describe('Rust MCP tools built by hand (rmcp Tool values)', () => {
  const server = [
    'use std::{borrow::Cow, sync::Arc};',
    'use rmcp::{ServerHandler, model::*};',
    'const DESCRIPTION: &str = "held in a constant";',
    'struct Hand { tools: Vec<Tool> }',
    'impl Hand {',
    '    fn echo() -> Tool {',
    '        Tool::new(Cow::Borrowed("echo"), Cow::Borrowed("Echo back the message"), Arc::new(JsonObject::new()))',
    '    }',
    '    fn add() -> Tool { Tool::new("add", "Adds two numbers".to_string(), JsonObject::new()) }',
    '    fn legacy() -> Tool {',
    '        Tool { name: "legacy".into(), description: Some("Old style".into()), input_schema: Arc::new(JsonObject::new()), annotations: None }',
    '    }',
    '    fn raw() -> Tool { rmcp::model::Tool::new_with_raw(r#"raw"#, None, JsonObject::new()) }',
    '    fn constant() -> Tool { Tool::new("constant", DESCRIPTION, JsonObject::new()) }',
    '    fn built(name: &\'static str) -> Tool { Tool::new(Cow::Borrowed(name), "Built from a parameter", JsonObject::new()) }',
    '    fn formatted() -> Tool { Tool::new(format!("t{}", 1), "Formatted", JsonObject::new()) }',
    '    fn with_desc(d: String) -> Tool { Tool::new("described_late", d, JsonObject::new()) }',
    '    // Tool::new("commented", "Not code", JsonObject::new())',
    '    fn text() -> &\'static str { "Tool::new(\\"in_string\\", \\"Not code\\", s)" }',
    '}',
    'impl ServerHandler for Hand {',
    '    fn get_info(&self) -> ServerInfo {',
    '        ServerInfo { server_info: Implementation { name: "hand".into(), version: "1".into() }, ..Default::default() }',
    '    }',
    '    async fn list_tools(&self, _r: Option<PaginatedRequestParam>, _c: RequestContext<RoleServer>) -> Result<ListToolsResult, ErrorData> {',
    '        Ok(ListToolsResult { tools: vec![Tool::new("inline", String::from("Listed inline"), Arc::new(JsonObject::new()))], next_cursor: None })',
    '    }',
    '}',
    '',
  ].join('\n');

  it('reads Tool::new, Tool::new_with_raw and Tool { ... } with literal names in a file implementing ServerHandler', () => {
    const r = detectLanguages({ scope: 'repo', path: 'crates/hand/src/main.rs', content: server });
    expect(kinds(r, 'mcp-server')).toEqual(['hand']);
    expect(tools(r)).toEqual([
      'add: Adds two numbers',
      'constant: undefined',
      'described_late: undefined',
      'echo: Echo back the message',
      'inline: Listed inline',
      'legacy: Old style',
      'raw: undefined',
    ]);
    // Every tool is the file's server's.
    const hand = r?.assets.find((a) => a.kind === 'mcp-server')?.id;
    const provides = (r?.relationships ?? []).filter((l) => l.type === 'PROVIDES');
    expect(provides.map((l) => l.from)).toEqual(Array.from({ length: 7 }, () => hand));
  });

  it('reads no tools from files that only handle Tool values: clients, tests without a server', () => {
    const client = [
      'use rmcp::{ServiceExt, model::{Tool, CallToolRequestParam}};',
      'async fn run() {',
      '    let client = ().serve(transport).await?;',
      '    for tool in client.list_all_tools().await? {',
      '        match tool { Tool { name, description, .. } => println!("{name}: {description:?}") }',
      '    }',
      '    let expected = Tool::new("echo", "Echo back", JsonObject::new());',
      '    let other = Tool { name: "add".into(), description: Some("Adds".into()), input_schema: Default::default() };',
      '}',
      '',
    ].join('\n');
    const r = detectLanguages({ scope: 'repo', path: 'crates/client/src/main.rs', content: client });
    expect(kinds(r, 'tool')).toEqual([]);
    expect(kinds(r, 'mcp-server')).toEqual([]);
  });

  it('reads no unqualified Tool of another type: declared in the file or imported from another crate', () => {
    const own = 'use rmcp::{ServerHandler, model::*};\nstruct Tool { name: String }\nfn f() -> Tool { Tool { name: "own_fn".into() } }\nstruct S;\nimpl ServerHandler for S {}\nfn g() -> rmcp::model::Tool { rmcp::model::Tool::new("qualified", "Qualified", JsonObject::new()) }\n';
    expect(tools(detectLanguages({ scope: 'repo', path: 'crates/own/src/lib.rs', content: own }))).toEqual(['qualified: Qualified']);
    const imported = 'use rmcp::ServerHandler;\nuse other_llm::{Client, tool::Tool};\nfn f() -> Tool { Tool::new("llm_fn", "Function for a model", schema()) }\nstruct S;\nimpl ServerHandler for S {}\n';
    expect(kinds(detectLanguages({ scope: 'repo', path: 'crates/imp/src/lib.rs', content: imported }), 'tool')).toEqual([]);
  });

  it('hostile: thousands of unclosed Tool::new calls and Tool literals stay linear', () => {
    const head = 'use rmcp::{ServerHandler, model::*};\nstruct S;\nimpl ServerHandler for S {}\nfn t() -> Tool { Tool::new("ok", "Fine", JsonObject::new()) }\n';
    const calls = 'Tool::new("x", "y",\n'.repeat(10_000);
    const literals = 'Tool { name: "x".into(), description: Some("y".into()),\n'.repeat(10_000);
    const { r, ms } = timed('src/lib.rs', `${head}${calls}${literals}`);
    expect(ms).toBeLessThan(2000);
    expect(tools(r)).toEqual(['ok: Fine']);
  });
});
