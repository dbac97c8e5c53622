/**
 * MCP servers a CI agent step configures inline (`AGENT_ACTIONS` `mcpInputs`): run-gemini-cli's
 * `settings` input (Gemini CLI's settings.json as a JSON string), claude-code-action's `mcp_config`
 * input (v0) and each `--mcp-config '<json>'` (or `"<json>"`, shell escapes undone) in its
 * `claude_args` (v1). The JSON is read as the
 * agent's own config file would be (the mcp-config detector's `readShape` and `emitServer`), so each
 * server is the same `config:<name>` asset, `clients: [<agent>]`, with the workflow's path and line
 * as evidence, and the agent `CONNECTS_TO` it.
 *
 * GitHub substitutes `${{ ... }}` before the action runs: outside JSON strings an expression stands
 * for a value (read as `0`), inside one it stays text (env values are never read anyway). An input
 * that is not inline JSON (a path, an expression) is skipped; JSON that does not parse is a
 * `parse-failed` diagnostic with the line, quoting no source. Lines map one to one in a literal
 * block (`settings: |`); any other scalar style puts every server on the input's key line, quoted
 * as the snippet (redacted as every snippet is).
 */
import { isScalar, type Document } from 'yaml';
import type { Asset } from '../../model/index.ts';
import { parseFailed, type ResultBuilder } from '../shared/build.ts';
import { LineIndex } from '../shared/line-index.ts';
import { CONFIG_FILES, type ConfigFileRow } from '../mcp-config/catalog.ts';
import { emitServer } from '../mcp-config/emit.ts';
import { parseJsonc } from '../mcp-config/jsonc.ts';
import { readShape } from '../mcp-config/shapes.ts';
import { ConfigSyntaxError } from '../mcp-config/tree.ts';
import type { SourceFile } from '../types.ts';
import type { McpInput } from './precheck.ts';

/** Inline configs read per `--mcp-config` argument list (a step passes one or two). */
const MAX_FLAGS = 8;

/** Where a step input's value sits in the workflow: its key line, and whether value lines map 1:1. */
export interface Place {
  readonly line: number;
  readonly literalBlock: boolean;
}

/**
 * `${{ ... }}` outside JSON strings replaced by `0` and blanks (line breaks kept, so lines stay);
 * comments copied through. One pass; an unclosed `${{` ends the replacing.
 */
export function substituteExpressions(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      // The loop's step moves past the comment's last character: its line break, or the `/` of `*/`.
      const block = text[i + 1] === '*';
      const end = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      if (end === -1) break;
      i = block ? end + 1 : end;
    } else if (c === '$' && text.startsWith('${{', i)) {
      const end = text.indexOf('}}', i + 3);
      if (end === -1) break;
      parts.push(text.slice(from, i), '0', text.slice(i + 1, end + 2).replace(/[^\n]/g, ' '));
      from = end + 2;
      i = end + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Inline JSON texts an input holds, each with its first line inside the value (1-based). */
function inlineConfigs(value: string, form: McpInput['form']): Array<{ readonly json: string; readonly line: number }> {
  if (form === 'json') return value.trimStart().startsWith('{') ? [{ json: value, line: 1 }] : [];
  const out: Array<{ json: string; line: number }> = [];
  for (const m of value.matchAll(/--mcp-config(?:=|\s+)(['"])/g)) {
    if (out.length >= MAX_FLAGS) break;
    const start = m.index + m[0].length;
    const quoted = m[1] === "'" ? singleQuoted(value, start) : doubleQuoted(value, start);
    if (quoted === undefined) break;
    if (quoted.trimStart().startsWith('{')) out.push({ json: quoted, line: value.slice(0, start).split('\n').length });
  }
  return out;
}

/** The text of a shell single-quoted word opened before `start` (no escapes), or undefined when it never closes. */
function singleQuoted(value: string, start: number): string | undefined {
  const end = value.indexOf("'", start);
  return end === -1 ? undefined : value.slice(start, end);
}

/**
 * The text of a shell double-quoted word opened before `start`, as the shell passes it: `\"`, `\\`,
 * `\$` and `` \` `` lose their backslash, any other backslash stays; a backslash-newline (which the
 * shell drops) is kept as a newline, so lines still map to the workflow's. Undefined when it never closes.
 */
function doubleQuoted(value: string, start: number): string | undefined {
  const parts: string[] = [];
  let from = start;
  for (let i = start; i < value.length; i++) {
    const c = value[i];
    if (c === '"') {
      parts.push(value.slice(from, i));
      return parts.join('');
    }
    if (c === '\\' && i + 1 < value.length && '"\\$`\n'.includes(value[i + 1] as string)) {
      parts.push(value.slice(from, i));
      from = i + 1;
      i++;
    }
  }
  return undefined;
}

/** The key line of a step input (or of a step's `run`) and its scalar style, from the parsed document. */
export function placeOf(doc: Document, path: readonly (string | number)[], lines: LineIndex): Place | undefined {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || node.range == null) return undefined;
  return { line: lines.lineOf(node.range[0]), literalBlock: node.type === 'BLOCK_LITERAL' };
}

/** The mcp-config row an agent's inline config is read as: its JSON file of `mcpServers`. */
export function mcpConfigRow(client: string): ConfigFileRow | undefined {
  return CONFIG_FILES.find((r) => r.client === client && r.shape === 'mcp-servers' && r.syntax === 'jsonc');
}

/**
 * Adds the MCP servers one agent step configures inline, and the agent's `CONNECTS_TO` them.
 * `stepPath` is the step's path in the document (`jobs`, id, `steps`, index).
 */
export function emitInlineMcpServers(
  file: SourceFile,
  detectorId: string,
  inputs: readonly McpInput[],
  step: { readonly inputs: Readonly<Record<string, unknown>>; readonly path: readonly (string | number)[] },
  doc: Document,
  text: string,
  agent: Asset,
  out: ResultBuilder,
): void {
  const lines = new LineIndex(text);
  for (const input of inputs) {
    const value = step.inputs[input.input];
    const row = mcpConfigRow(input.client);
    if (typeof value !== 'string' || row === undefined) continue;
    const configs = inlineConfigs(value, input.form);
    if (configs.length === 0) continue;
    const place = placeOf(doc, [...step.path, 'with', input.input], lines);
    if (place === undefined) continue;
    const lineOf = (valueLine: number): number => (place.literalBlock ? place.line + valueLine : place.line);
    for (const { json, line } of configs) {
      let root;
      try {
        root = parseJsonc(substituteExpressions(json));
      } catch (error) {
        const at = error instanceof ConfigSyntaxError && error.line !== undefined ? lineOf(line + error.line - 1) : place.line;
        const reason = error instanceof ConfigSyntaxError ? error.message : 'invalid JSON';
        out.diagnostic(parseFailed(file, detectorId, `workflow: ${input.input} of ${agent.name}: ${reason}`, at));
        continue;
      }
      if (root === undefined) continue;
      const { servers, problems } = readShape(root, row);
      for (const server of servers) {
        // Outside a literal block the cited line is the input's key line: it is quoted, not the JSON entry.
        const mapped = place.literalBlock ? { ...server, line: lineOf(line + (server.line ?? 1) - 1) } : { ...server, line: place.line, snippet: lines.lineText(place.line).trim() };
        const asset = emitServer(file, row, mapped, out, detectorId);
        if (asset !== undefined) out.relate('CONNECTS_TO', agent, asset, asset.evidence);
      }
      for (const problem of problems) out.diagnostic(parseFailed(file, detectorId, `workflow: ${input.input} of ${agent.name}: ${problem.message}`, lineOf(line + (problem.line ?? 1) - 1)));
    }
  }
}
