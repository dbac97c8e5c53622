/**
 * The MCP client config detector: servers configured for Claude Desktop/Code, Cursor, VS Code,
 * Windsurf, Gemini CLI, Cline/Roo, Kiro, Amazon Q, Codex, Zed, Goose, Continue, opencode (catalog.ts
 * lists every file and format) become `mcp-server` assets with `role: "configured"`.
 *
 * The same detector reads a repository's files (`.mcp.json`, `.cursor/mcp.json`, `.vscode/mcp.json`,
 * a dotfiles repo's `.config/zed/settings.json`) and, through the `host` connector, a home folder's
 * (`~/.cursor/mcp.json`): patterns are matched against the path, so `~/`-relative paths work too.
 *
 * The same files' client settings are read too (`settings.ts`): configured models become `model`
 * assets, Claude Code permission settings and other agents' autonomy settings (`autonomy.ts`)
 * attributes of their coding-agent asset.
 *
 * A file is parsed only when it holds its shape's key word (`mcpServers`, `context_servers`, ...)
 * or, for files with client settings, a settings word (`model`, `permissions`, ...).
 * JSON is read as JSONC (comments, trailing commas), YAML without expanding aliases, TOML with
 * smol-toml, Java properties by `properties-tree.ts`; invalid syntax is one `parse-failed`
 * diagnostic with the line. Nesting is bounded. Spring AI `application.{yml,properties}` files
 * configure an application, not a client (`catalog.ts` `app`, `spring.ts`); their
 * `spring.ai.mcp.server.*` settings are a part of the app's own MCP server (`spring-server.ts`).
 */
import type { DetectionResult } from '../../model/index.ts';
import { parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { READ_PATTERNS, type Syntax } from './catalog.ts';
import { whatToRead } from './precheck.ts';
import { emitServer } from './emit.ts';
import { parseJsonc } from './jsonc.ts';
import { emitAutonomy, emitClaudePermissions, emitModels } from './settings.ts';
import { readShape } from './shapes.ts';
import { emitSpringServer } from './spring-server.ts';
import { parsePropertiesTree } from './properties-tree.ts';
import { parseTomlTree } from './toml-tree.ts';
import { ConfigSyntaxError, type CValue } from './tree.ts';
import { parseYamlTree } from './yaml-tree.ts';

const ID = 'mcp-config';

export { configFileFor } from './precheck.ts';

function parse(syntax: Syntax, text: string): CValue | undefined {
  if (syntax === 'yaml') return parseYamlTree(text);
  if (syntax === 'toml') return parseTomlTree(text);
  if (syntax === 'properties') return parsePropertiesTree(text);
  return parseJsonc(text);
}

/** Finds MCP servers configured in MCP client config files. */
export const mcpConfigDetector: Detector = {
  id: ID,
  displayName: 'MCP client configs',
  patterns: READ_PATTERNS,
  detect(file: SourceFile): DetectionResult | null {
    const wanted = whatToRead(file.path, file.content);
    if (wanted === undefined) return null;
    const { row, hasServers, settings } = wanted;
    const out = new ResultBuilder();
    let root: CValue | undefined;
    try {
      root = parse(row.syntax, file.content);
    } catch (error) {
      const located = error instanceof ConfigSyntaxError ? error : new ConfigSyntaxError(`invalid ${row.syntax.toUpperCase()}`);
      out.diagnostic(parseFailed(file, ID, located.message, located.line));
      return out.result();
    }
    if (root === undefined) return null;
    if (hasServers) {
      const { servers, problems } = readShape(root, row);
      for (const server of servers) emitServer(file, row, server, out);
      for (const problem of problems) out.diagnostic(parseFailed(file, ID, problem.message, problem.line));
      // An application's own MCP server, beside the connections it makes as a client.
      if (row.shape === 'spring-ai') emitSpringServer(file, row.syntax, root, out);
    }
    if (settings !== undefined) emitModels(file, row, settings, root, out);
    if (settings === 'claude-code') emitClaudePermissions(file, root, out);
    else if (settings !== undefined) emitAutonomy(file, row.client, settings, row.syntax, root, out);
    return out.result();
  },
};
