/**
 * MCP configs a workflow's `run:` step writes with a heredoc (`cat > .mcp.json <<'EOF'`,
 * `cat <<EOF > ~/.gemini/settings.json`, `tee /tmp/mcp.json <<EOF`): the body is read as the file it
 * writes, when that file is one an MCP client reads (the mcp-config detector's JSON rows:
 * `.mcp.json`, `.gemini/settings.json`, `.cursor/mcp.json`, ...), or as Claude Code's `.mcp.json`
 * when an agent step of the same job passes it to `--mcp-config`. Each server is the same
 * `config:<name>` asset as inline configs give (`workflow-mcp.ts`), on its line in the workflow, and
 * an agent step of the client's agent in the same job (another job runs on another machine)
 * `CONNECTS_TO` it.
 *
 * Read only in a literal block (`run: |`, where lines map one to one); `${{ ... }}` outside JSON
 * strings stands for a value; a shell expansion outside a string (`$X`, in an unquoted heredoc) does
 * not parse and, like any body that does not parse, is a `parse-failed` diagnostic with the line,
 * quoting no source. A body that does not name its shape's servers (`mcpServers`) is not parsed.
 * Bounded: at most `MAX_HEREDOCS` heredocs per step; a heredoc never closed ends the step's reading
 * (the shell reads the rest as its body), so every line is looked at once.
 */
import type { Document } from 'yaml';
import type { Asset } from '../../model/index.ts';
import { parseFailed, type ResultBuilder } from '../shared/build.ts';
import { LineIndex } from '../shared/line-index.ts';
import { PRECHECK, type ConfigFileRow } from '../mcp-config/catalog.ts';
import { emitServer } from '../mcp-config/emit.ts';
import { parseJsonc } from '../mcp-config/jsonc.ts';
import { configFileFor } from '../mcp-config/precheck.ts';
import { readShape } from '../mcp-config/shapes.ts';
import { ConfigSyntaxError } from '../mcp-config/tree.ts';
import type { SourceFile } from '../types.ts';
import { mcpConfigRow, placeOf, substituteExpressions } from './workflow-mcp.ts';

/** Heredocs read per `run:` step. */
const MAX_HEREDOCS = 16;
/** Characters of one line looked at for a heredoc opener. */
const MAX_OPENER = 500;

/** `<<` or `<<-` (not a `<<<` here-string) and its delimiter, quoted or not. */
const OPENER = /(?<!<)<<-?(?!<)\s*(?:'([A-Za-z_][\w.-]*)'|"([A-Za-z_][\w.-]*)"|\\?([A-Za-z_][\w.-]*))/;
/** The file a command line writes: after `>`, `>>`, `>|` (not `2>&1`), or `tee` (after its flags). */
const REDIRECT = /(?:^|[\s;&|(])\d?>[>|]?\s*("[^"]*"|'[^']*'|[^\s;&|<>()'"]+)/;
const TEE = /(?:^|[\s;&|(])tee\s+(?:-[a-z]+\s+|--[a-z-]+\s+)*("[^"]*"|'[^']*'|[^\s;&|<>()'"-][^\s;&|<>()'"]*)/;

/** A heredoc of a `run:` script: the file it writes, its body, and the body's first line (1-based). */
export interface Heredoc {
  readonly target: string;
  readonly body: string;
  readonly line: number;
}

/** The heredocs of a script that write a file, in order; at most `MAX_HEREDOCS`. */
export function heredocs(run: string): Heredoc[] {
  const lines = run.split('\n');
  const out: Heredoc[] = [];
  for (let i = 0; i < lines.length && out.length < MAX_HEREDOCS; i++) {
    const text = (lines[i] as string).slice(0, MAX_OPENER);
    const open = OPENER.exec(text);
    if (open === null) continue;
    const delimiter = (open[1] ?? open[2] ?? open[3]) as string;
    let end = i + 1;
    while (end < lines.length && (lines[end] as string).trim() !== delimiter) end++;
    // Never closed: the shell reads the rest as the body, so nothing after it is a command.
    if (end >= lines.length) break;
    const command = text.slice(0, open.index) + ' ' + text.slice(open.index + open[0].length);
    // `tee FILE >/dev/null` writes FILE: tee names the file before a redirect does.
    const target = (TEE.exec(command) ?? REDIRECT.exec(command))?.[1];
    if (target !== undefined && !target.startsWith('&')) out.push({ target: unquote(target), body: lines.slice(i + 1, end).join('\n'), line: i + 2 });
    i = end;
  }
  return out;
}

const unquote = (word: string): string => (/^(["']).*\1$/s.test(word) ? word.slice(1, -1) : word);

/**
 * A path as the repository-relative or home-relative path the catalog globs match: no `~/`,
 * `$HOME/`, workspace prefix, `./` or leading `/`.
 */
export function normalTarget(path: string): string {
  return path
    .trim()
    .replace(/^(?:~|\$HOME|\$\{HOME\}|\$GITHUB_WORKSPACE|\$\{GITHUB_WORKSPACE\}|\$\{\{\s*github\.workspace\s*\}\}|\$RUNNER_TEMP|\$\{RUNNER_TEMP\}|\$\{\{\s*runner\.temp\s*\}\})(?=\/)/, '')
    .replace(/^(?:\.?\/)+/, '');
}

/** An agent step of a job: its asset, its agent id, and the files it passes to `--mcp-config`. */
export interface JobAgent {
  readonly agent: Asset;
  readonly agentId: string;
  readonly configPaths: readonly string[];
}

/** The files a step input passes to `--mcp-config` (paths, not inline JSON), normalized. */
export function mcpConfigPaths(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/--mcp-config(?:=|\s+)("[^"{]*"|'[^'{]*'|[^\s'"{][^\s'"]*)/g)) {
    out.push(normalTarget(unquote(m[1] as string)));
    if (out.length >= MAX_HEREDOCS) break;
  }
  return out;
}

/** The row a heredoc's file is read as, and the agents of the job that read it. */
function readerOf(target: string, agents: readonly JobAgent[]): { row: ConfigFileRow; readers: Asset[] } | undefined {
  const path = normalTarget(target);
  const row = configFileFor(path);
  if (row !== undefined && row.syntax === 'jsonc') return { row, readers: agents.filter((a) => a.agentId === row.client).map((a) => a.agent) };
  const passing = agents.filter((a) => a.configPaths.includes(path));
  const claude = passing.length === 0 ? undefined : mcpConfigRow('claude-code');
  return claude === undefined ? undefined : { row: claude, readers: passing.map((a) => a.agent) };
}

/** A `run:` step: where it sits in the document and its script. */
export interface RunStep {
  readonly job: string;
  readonly run: string;
  readonly path: readonly (string | number)[];
}

/** Adds the MCP servers the `run:` steps of a workflow write with heredocs; `agentsByJob` are the job's agent steps. */
export function emitHeredocMcpServers(file: SourceFile, detectorId: string, steps: readonly RunStep[], agentsByJob: ReadonlyMap<string, readonly JobAgent[]>, doc: Document, text: string, out: ResultBuilder): void {
  let lines: LineIndex | undefined;
  for (const step of steps) {
    if (!step.run.includes('<<')) continue;
    const found = heredocs(step.run);
    if (found.length === 0) continue;
    lines ??= new LineIndex(text);
    const place = placeOf(doc, [...step.path, 'run'], lines);
    if (place === undefined || !place.literalBlock) continue;
    for (const h of found) {
      const reader = readerOf(h.target, agentsByJob.get(step.job) ?? []);
      if (reader === undefined || !PRECHECK[reader.row.shape].test(h.body)) continue;
      const at = (bodyLine: number): number => place.line + h.line + bodyLine - 1;
      let root;
      try {
        root = parseJsonc(substituteExpressions(h.body));
      } catch (error) {
        const reason = error instanceof ConfigSyntaxError ? error.message : 'invalid JSON';
        const line = error instanceof ConfigSyntaxError && error.line !== undefined ? at(error.line) : at(1);
        out.diagnostic(parseFailed(file, detectorId, `workflow: a run step of job ${step.job} writes a ${reader.row.client} MCP config: ${reason}`, line));
        continue;
      }
      if (root === undefined) continue;
      const { servers, problems } = readShape(root, reader.row);
      for (const server of servers) {
        const asset = emitServer(file, reader.row, { ...server, line: at(server.line ?? 1) }, out, detectorId);
        if (asset !== undefined) for (const agent of reader.readers) out.relate('CONNECTS_TO', agent, asset, asset.evidence);
      }
      for (const problem of problems) out.diagnostic(parseFailed(file, detectorId, `workflow: a run step of job ${step.job} writes a ${reader.row.client} MCP config: ${problem.message}`, at(problem.line ?? 1)));
    }
  }
}
