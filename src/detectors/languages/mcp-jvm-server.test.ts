import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectTree } from '../../../test/helpers/detect-tree.ts';
import { assetId } from '../../model/index.ts';
import { mergeResults } from '../../pipeline/merge.ts';
import { detectLanguages, languagesDetector } from './index.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/polyglot/jvm-mcp-server', import.meta.url));

describe('Java/Kotlin MCP servers and tools', () => {
  const r = mergeResults([detectTree(fixture, languagesDetector)]);
  const byId = new Map(r.assets.map((a) => [a.id, a]));

  it('MCP Java SDK, Spring AI and the Kotlin SDK: servers, tools and PROVIDES, as Go servers are emitted', () => {
    expect(r.assets.filter((a) => a.kind === 'mcp-server').sort((a, b) => a.name.localeCompare(b.name)).map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.confidence}`)])).toEqual([
      ['acme-files', { role: 'implemented', sdk: 'io.modelcontextprotocol.sdk:mcp', api: 'McpServer', transports: ['stdio'] }, ['files-server/src/main/java/com/acme/files/FileServer.java:15 declared']],
      ['acme-users', { role: 'implemented', sdk: 'io.modelcontextprotocol:kotlin-sdk', api: 'Server', transports: ['stdio'] }, ['users-server/src/main/kotlin/com/acme/users/Main.kt:10 declared', 'users-server/src/main/kotlin/com/acme/users/Main.kt:22 declared']],
      // `@Tool` in a file showing no MCP server: only its module's `tools` part, which the pipeline drops there (no starter, no server properties).
      ['chat-app', { role: 'implemented', sdk: 'org.springframework.ai:spring-ai-mcp', api: 'McpServerAutoConfiguration', inferredFrom: 'folder', springAi: 'tools' }, ['chat-app/src/main/java/com/acme/chat/ClockTools.java:11 inferred']],
      [
        'notes-server', { role: 'implemented', sdk: 'org.springframework.ai:spring-ai-mcp', api: 'McpServerAutoConfiguration', inferredFrom: 'folder' },
        ['notes-server/src/main/java/com/acme/notes/AdminTools.java:10 inferred', 'notes-server/src/main/java/com/acme/notes/NotesTools.java:19 inferred'],
      ],
    ]);
    expect(r.relationships.map((rel) => `${rel.type} ${byId.get(rel.from)?.name} -> ${byId.get(rel.to)?.name}: ${String(byId.get(rel.to)?.attributes['description'])} (${byId.get(rel.to)?.evidence[0]?.line})`).sort()).toEqual([
      // 0.x constructor (name, description, schema); a later one (name, title, description, ...); the builder, with `+`.
      'PROVIDES acme-files -> delete_file: Delete a file from the workspace (19)',
      'PROVIDES acme-files -> list_files: Lists the files of a folder (35)',
      'PROVIDES acme-files -> write_file: Write text to a file, replacing its content (23)',
      'PROVIDES acme-users -> lookup_user: Find a user by email (21)',
      'PROVIDES acme-users -> remove_user: Remove a user account (18)',
      'PROVIDES chat-app -> now: Get the current date and time (11)',
      // @McpTool in any file; @Tool beside a ToolCallbackProvider bean, named by `name =` or the method.
      'PROVIDES notes-server -> purge_notes: Delete every note of a user (10)',
      'PROVIDES notes-server -> searchNotes: Search the notes for a phrase (19)',
      'PROVIDES notes-server -> update_note: Update the text of a note (24)',
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('traps: @Tool for a chat client, a Tool class of another library, commented-out and quoted tools', () => {
    const tools = r.assets.filter((a) => a.kind === 'tool').map((a) => a.name);
    expect(tools).not.toContain('get_weather');
    expect(tools).not.toContain('old_tool');
    expect(tools).not.toContain('fake_tool');
    expect(tools).not.toContain('notATool');
    // The chat client's `@Tool` is no server's here: only the `tools` part of its module.
    const chat = r.assets.filter((a) => a.evidence.some((e) => e.path?.startsWith('chat-app/')) && (a.kind === 'tool' || a.kind === 'mcp-server'));
    expect(chat.map((a) => `${a.kind} ${a.name}`).sort()).toEqual(['mcp-server chat-app', 'tool now']);
    expect(chat.find((a) => a.kind === 'mcp-server')?.id).toBe(assetId('mcp-server', 'fixture', 'spring-tools:chat-app'));
  });

  it('a @Tool file with an MCP server import gives a server\'s tools; the same file without one, its module\'s tools part', () => {
    const body = 'public class T {\n  @Tool(description = "Drop a table")\n  public void dropTable(String name) {}\n}\n';
    const found = (path: string, imports: string) => {
      const assets = detectLanguages({ scope: 'repo', path, content: `${imports}import org.springframework.ai.tool.annotation.Tool;\n${body}` })?.assets ?? [];
      return assets.filter((a) => a.kind === 'tool' || a.kind === 'mcp-server').map((a) => `${a.kind} ${a.name} ${String(a.attributes['springAi'] ?? '')} ${a.attributes['description'] ?? ''}`.trim());
    };
    expect(found('svc/src/main/java/a/T.java', 'import io.modelcontextprotocol.server.McpSyncServer;\n')).toEqual(['mcp-server svc', 'tool dropTable  Drop a table']);
    expect(found('svc/src/main/java/a/T.java', '')).toEqual(['mcp-server svc tools', 'tool dropTable  Drop a table']);
    const part = (path: string) => detectLanguages({ scope: 'repo', path, content: `import org.springframework.ai.tool.annotation.Tool;\n${body}` })?.assets.find((a) => a.kind === 'mcp-server')?.id;
    // Keyed by the module folder (above `src/main/java`, else the file's folder), so files of one module share it.
    expect(part('svc/src/main/java/a/T.java')).toBe(assetId('mcp-server', 'repo', 'spring-tools:svc'));
    expect(part('svc/src/main/java/b/c/U.java')).toBe(assetId('mcp-server', 'repo', 'spring-tools:svc'));
    expect(part('T.java')).toBe(assetId('mcp-server', 'repo', 'spring-tools:.'));
    expect(part('lib/tools/T.java')).toBe(assetId('mcp-server', 'repo', 'spring-tools:lib/tools'));
    // Test classes are not in the app Spring Boot runs.
    expect(part('svc/src/test/java/a/T.java')).toBeUndefined();
    expect(found('svc/src/test/java/a/T.java', 'import io.modelcontextprotocol.server.McpSyncServer;\n')).toEqual(['mcp-server svc', 'tool dropTable  Drop a table']);
  });

  it('takes a nested @McpTool.McpAnnotations(...) for hints of the tool, not for another tool', () => {
    const content = [
      'import org.springaicommunity.mcp.annotation.McpTool;',
      'public class AnalyzeFileTool {',
      '  @McpTool(name = "analyze_file", description = "Analyze a file",',
      '      annotations = @McpTool.McpAnnotations(readOnlyHint = true))',
      '  public String analyze(String path) { return ""; }',
      '}',
    ].join('\n');
    const tools = (detectLanguages({ scope: 'repo', path: 'svc/src/main/java/a/AnalyzeFileTool.java', content })?.assets ?? []).filter((a) => a.kind === 'tool');
    expect(tools.map((a) => a.name)).toEqual(['analyze_file']);
  });

  it('stays linear on hostile input (unclosed builders, long identifiers, many annotations)', () => {
    const head = 'import io.modelcontextprotocol.server.McpServer;\nimport io.modelcontextprotocol.spec.McpSchema;\nimport org.springaicommunity.mcp.annotation.McpTool;\n';
    const inputs = [
      head + 'McpServer.sync(t).serverInfo('.repeat(20_000),
      head + 'new McpSchema.Tool('.repeat(20_000),
      head + `${'a'.repeat(100_000)}ServerTransport(`,
      head + '@McpTool @McpTool('.repeat(20_000),
      head + 'McpSchema.Tool.builder().name("x")'.repeat(5_000),
    ];
    for (const content of inputs) {
      expect(cpuTimed(() => detectLanguages({ scope: 'repo', path: 'A.java', content })).ms).toBeLessThan(3000);
    }
  });
});
