import { describe, expect, it } from 'vitest';
import { mulberry32 as prng } from '../../../test/helpers/prng.ts';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { detectLanguages } from './index.ts';

/** Runs the detector, asserting it neither throws nor takes long. */
function timed(path: string, content: string): { r: DetectionResult | null; ms: number } {
  const { value: r, ms } = cpuTimed(() => detectLanguages({ scope: 't', path, content }));
  return { r, ms };
}
const messages = (r: DetectionResult | null): string[] => (r?.diagnostics ?? []).map((d) => `${d.code} ${d.location?.line ?? '-'} ${d.message}`);
const sdkNames = (r: DetectionResult | null): string[] => (r?.assets ?? []).filter((a) => a.kind === 'sdk').map((a) => a.name);


describe('languages detector: hostile input', () => {
  it('hostile: thousands of unclosed MCP tool literals and calls in a Go file are read in linear time', () => {
    const head = 'package main\nimport "github.com/mark3labs/mcp-go/mcp"\nimport "github.com/mark3labs/mcp-go/server"\nvar s = server.NewMCPServer("big", "1")\nvar ok = mcp.NewTool("fine", mcp.WithDescription("d"))\n';
    const content = head + 'var t = mcp.Tool{Name: "x", Description: f(\n'.repeat(4000) + 'var u = mcp.NewTool("y", mcp.WithDescription(\n'.repeat(4000);
    const { r, ms } = timed('main.go', content);
    expect(ms).toBeLessThan(2000);
    expect((r?.assets ?? []).filter((a) => a.kind === 'tool').map((a) => a.name)).toEqual(['fine']);
  });

  it('hostile: thousands of nested, unclosed and long-chained MCP transport builders in a Java file stay linear', () => {
    const head = 'import io.modelcontextprotocol.client.transport.*;\nclass A {\n  Object ok = ServerParameters.builder("uvx").args("mcp-server-time").build();\n';
    // Lines stay short: an overlong line skips everything but imports.
    const nested = `  Object n = ${'new HttpClientSseClientTransport(\n'.repeat(20_000)}"http://x"${')\n'.repeat(20_000)};\n`;
    const first = timed('A.java', head + nested);
    expect(first.ms).toBeLessThan(2000);
    expect((first.r?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => a.name)).toEqual(['mcp-server-time']);
    const chain = `  Object c = ServerParameters.builder("npx")${'\n.args("-y")'.repeat(20_000)}.build();\n`;
    const unclosed = '  Object u = ServerParameters.builder("npx").args(\n'.repeat(20_000);
    const { r, ms } = timed('A.java', head + chain + unclosed);
    expect(ms).toBeLessThan(2000);
    // The chain is read 20 calls deep; an unclosed `.args(` leaves the command alone.
    expect((r?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => `${a.name} ${(a.attributes['args'] as string[] | undefined)?.length ?? '-'}`).sort()).toEqual(['mcp-server-time 1', 'npx -', 'npx 20']);
  });

  it('hostile: C# with thousands of distinct names in model positions, declarations and model-named calls stays linear', () => {
    const head = 'using OpenAI.Chat;\nclass A {\n  const string Chosen = "gpt-4o";\n  void M() { var c = client.GetChatClient(Chosen); }\n';
    const uses = Array.from({ length: 20_000 }, (_, i) => `  void U${i}() { var c = client.GetChatClient(name${i}); var d = GetModel(other${i}); }\n`).join('');
    const declarations = Array.from({ length: 20_000 }, (_, i) => `  static string other${i} = Read(${i});\n`).join('');
    const unclosed = '  var x = GetModel(\n'.repeat(5_000);
    const { r, ms } = timed('A.cs', `${head + uses + declarations + unclosed}}\n`);
    expect(ms).toBeLessThan(2000);
    expect((r?.assets ?? []).filter((a) => a.kind === 'model').map((a) => a.name)).toEqual(['gpt-4o']);
  });

  it('hostile: a Go file with an unterminated raw string keeps the imports before it', () => {
    const { r, ms } = timed('main.go', `package main\nimport "github.com/openai/openai-go"\nvar s = \`never closed\n${'x := 1\n'.repeat(50_000)}`);
    expect(ms).toBeLessThan(2000);
    expect(sdkNames(r)).toEqual(['github.com/openai/openai-go']);
    expect(messages(r)).toEqual(['parse-failed 3 go: unterminated raw string']);
  });

  it('hostile: Java with an unterminated block comment', () => {
    const { r, ms } = timed('A.java', `import com.openai.client.OpenAIClient;\n/* open\n${'import com.anthropic.client.AnthropicClient;\n'.repeat(20_000)}`);
    expect(ms).toBeLessThan(2000);
    expect(sdkNames(r)).toEqual(['com.openai:openai-java']);
    expect(messages(r)).toEqual(['parse-failed 2 java: unterminated block comment']);
  });

  it('hostile: a Ruby file with an endless heredoc', () => {
    const { r, ms } = timed('a.rb', `require "openai"\nT = <<~EOS\n${'require "anthropic"\n  EOS2\n'.repeat(50_000)}`);
    expect(ms).toBeLessThan(2000);
    expect(sdkNames(r)).toEqual(['ruby-openai']);
    expect(messages(r)).toEqual(['parse-failed 2 ruby: unterminated heredoc <<EOS']);
  });

  it('hostile: 20k Ruby MCP tool classes never closed, unclosed server and define_tool calls stay linear', () => {
    const head = 'require "mcp"\nserver = MCP::Server.new(name: "big")\n';
    const classes = 'class X < MCP::Tool\n'.repeat(20_000);
    const unclosed = 'MCP::Server.new(name: "u",\n'.repeat(5_000) + 'server.define_tool(name: "d",\n'.repeat(5_000);
    const { r, ms } = timed('big.rb', head + classes + unclosed);
    expect(ms).toBeLessThan(2000);
    const kinds = (kind: string): string[] => (r?.assets ?? []).filter((a) => a.kind === kind).map((a) => a.name);
    expect(kinds('tool')).toEqual(['x']);
    // An unclosed construction's name is not read: the repository names it (the scope `t`), not the SDK default.
    expect(kinds('mcp-server')).toEqual(['big', 't']);
  });

  it('hostile: a Ruby staircase of 2k nested tool classes, then an endless heredoc description', () => {
    const stairs = Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}class S${i} < MCP::Tool\n${' '.repeat(i + 1)}description "d"\n`).join('');
    const endless = `class Last < MCP::Tool\n  description <<~D\n${'  never closed\n'.repeat(20_000)}`;
    const { r, ms } = timed('a.rb', `require 'mcp'\n${stairs}${endless}`);
    expect(ms).toBeLessThan(2000);
    const tools = (r?.assets ?? []).filter((a) => a.kind === 'tool');
    // The cap on tools read per file leaves `Last` out.
    expect(tools).toHaveLength(2_000);
    expect(tools.map((a) => a.name)).toContain('s1999');
    expect(messages(r)).toEqual(['parse-failed 4003 ruby: unterminated heredoc <<D']);
    const last = timed('b.rb', `require 'mcp'\n${endless}`);
    expect(last.r?.assets.filter((a) => a.kind === 'tool').map((a) => `${a.name} ${String(a.attributes['description'])}`)).toEqual(['last undefined']);
  });

  it('hostile: Rust with 10k nested block comments (closed, then unclosed)', () => {
    const deep = `${'/*'.repeat(10_000)} use rig::x; ${'*/'.repeat(10_000)}`;
    const closed = timed('lib.rs', `use async_openai::Client;\n${deep}\nuse rmcp::ServiceExt;\n`);
    expect(closed.ms).toBeLessThan(2000);
    expect(sdkNames(closed.r)).toEqual(['async-openai', 'rmcp']);
    expect(messages(closed.r)).toEqual(['parse-failed 2 rust: block comments nested 10000 levels deep']);
    const open = timed('lib.rs', `use async_openai::Client;\n${'/*'.repeat(10_000)}\nuse rmcp::ServiceExt;\n`);
    expect(sdkNames(open.r)).toEqual(['async-openai']);
    expect(messages(open.r)).toEqual(['parse-failed 2 rust: block comments nested 10000 levels deep', 'parse-failed 2 rust: unterminated block comment']);
  });

  it('hostile: a 1 MB single-line C# file (imports read, model positions skipped, limit reported)', () => {
    const line = `using OpenAI.Chat; ${'var a = client.GetChatClient("gpt-4o"); /* x */ '.repeat(22_000)}`;
    expect(line.length).toBeGreaterThan(1_000_000);
    const { r, ms } = timed('Gen.cs', line);
    expect(ms).toBeLessThan(2000);
    expect(sdkNames(r)).toEqual(['OpenAI']);
    expect(r?.assets.filter((a) => a.kind === 'model')).toEqual([]);
    expect(messages(r)).toEqual([`limit-reached 1 csharp: line 1 has ${line.length} characters (generated or minified?); imports read, model ids not`]);
  });

  it('hostile: binary garbage named main.go', () => {
    const rand = prng(7);
    const bytes = Uint8Array.from({ length: 65_536 }, () => Math.floor(rand() * 256));
    const text = new TextDecoder().decode(bytes);
    const { r, ms } = timed('main.go', `import "github.com/openai/openai-go"\n${text}`);
    expect(ms).toBeLessThan(2000);
    expect(r?.assets).toEqual([]);
    expect(messages(r)).toEqual(['binary-file - binary content in a source file; not scanned']);
  });

  it('hostile: unterminated constructs in every language end in a diagnostic, never a throw', () => {
    const cases: [string, string, string][] = [
      ['a.kt', 'import dev.langchain4j.service.AiServices\nval s = """never', 'parse-failed 2 kotlin: unterminated text block'],
      ['a.cs', 'using OpenAI;\nvar s = @"never', 'parse-failed 2 csharp: unterminated string literal'],
      ['a.rs', 'use rig::x;\nlet s = r##"never"#;', 'parse-failed 2 rust: unterminated raw string'],
      ['a.rb', 'require "openai"\n=begin\nnever', 'parse-failed 2 ruby: unterminated =begin block'],
      ['a.go', 'import (\n\t"github.com/openai/openai-go"\n', 'parse-failed 1 go: unterminated import ( block'],
    ];
    for (const [path, src, message] of cases) expect(messages(timed(path, src).r), path).toEqual([message]);
  });

  it('never throws on 300 random token soups per language', () => {
    const pieces = ['"', "'", '`', '"""', '/*', '*/', '//', '#', '\n', '{', '}', '(', ')', '<<~E', 'E', '%q(', 'r#"', '"#', '@"', '$"', '=begin', '=end', '\\', 'model: "gpt-4o"', '.model("o1-mini")', ' ', 'class T < MCP::Tool', 'MCP::Server.new(', 'tool_name ', 'description ', '  '];
    const heads: Record<string, string> = {
      'a.go': 'import "github.com/openai/openai-go"\n', 'A.java': 'import com.openai.client.OpenAIClient;\n', 'A.kt': 'import com.openai.client.OpenAIClient\n',
      'A.cs': 'using OpenAI;\n', 'a.rb': 'require "openai"\n', 'a.rs': 'use async_openai::Client;\n',
    };
    const rand = prng(42);
    for (const [path, head] of Object.entries(heads)) {
      for (let i = 0; i < 300; i++) {
        const soup = Array.from({ length: 5 + Math.floor(rand() * 60) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
        expect(() => detectLanguages({ scope: 't', path, content: head + soup }), soup).not.toThrow();
      }
    }
  });

  it('dismisses a large file that imports nothing AI with one regex pass', () => {
    const big = `package main\nimport "fmt"\n${'func f() { fmt.Println("model: gpt-4o") } // openai\n'.repeat(40_000)}`;
    const { r, ms } = timed('big.go', big);
    expect(r).toBeNull();
    expect(ms).toBeLessThan(200);
  });
});
