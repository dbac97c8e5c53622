/**
 * The Python detector: AI SDK imports, model ids in model positions, vector stores, MCP servers
 * implemented (FastMCP / low-level Server, their tools and transports) and MCP servers connected
 * to as a client, read from `.py` files with a small tokenizer (no Python interpreter).
 * Files that import nothing AI are dismissed by a regex pre-check before tokenizing, unless they
 * name an AI API host (`endpoints/find.ts`): code calling a model over HTTP reads its model positions;
 * or run SQL creating a vector or AI extension (`detect-sql.ts`: `cur.execute("CREATE EXTENSION vector")`).
 */
import type { DetectionResult, Diagnostic } from '../../model/index.ts';
import { evidenceAt, parseFailed } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { analyzePython } from './analyze.ts';
import { unnamedServerName } from '../shared/mcp-server-name.ts';
import type { EvidenceAt } from './context.ts';
import { EXTENSION_LITERALS, IMPORT_LITERALS, mayCreateExtension, mayFindPython, mayHoldModelSetting, mayImportAi } from './prefilter.ts';
import { detectSqlExtensions } from './detect-sql.ts';
import { ENDPOINT_LITERALS, namesAiHost } from '../endpoints/find.ts';
import { tokenize, type TokenizeIssue } from './tokenizer.ts';
import { MODEL_STEMS } from '../shared/model-ids.ts';

export const PYTHON_DETECTOR_ID = 'python';
const MAX_DIAGNOSTICS = 3;

/** Turns tokenizer issues and reader give-ups into (a few) `parse-failed` diagnostics. */
export function readDiagnostics(issues: readonly TokenizeIssue[], gaveUp: readonly number[], report: (message: string, line: number) => Diagnostic): Diagnostic[] {
  const all = [...issues, ...gaveUp.map((line) => ({ line, message: 'nesting too deep; skipped' }))];
  return all.slice(0, MAX_DIAGNOSTICS).map((i) => report(`python: ${i.message}`, i.line));
}

/** Analyzes one Python file; null when it imports nothing AI. */
export function detectPython(file: SourceFile): DetectionResult | null {
  // A file that imports no AI package but calls an AI API over HTTP (httpx, aiohttp, requests) still chooses models.
  if (!mayFindPython(file.content)) return null;
  const importsAi = mayImportAi(file.content);
  const callsAiHost = !importsAi && namesAiHost(file.content);
  // Without either, only a settings class's model field or a model-named env default can count
  // (`detect-models.ts` `detectModelSettings`, `detectEnvModelSettings`), or SQL creating a vector or AI extension (`detect-sql.ts`).
  const createsExtension = mayCreateExtension(file.content);
  if (!importsAi && !callsAiHost && !createsExtension && !mayHoldModelSetting(file.content)) return null;
  let lines: string[] | undefined;
  const at: EvidenceAt = (line, technique, confidence, quote) => () => {
    lines ??= file.content.split(/\r\n|\r|\n/);
    const text = lines[line - 1];
    return evidenceAt(file, PYTHON_DETECTOR_ID, technique, confidence, line, text === undefined || quote === undefined ? text : quote(text));
  };
  const { tokens, issues } = tokenize(file.content);
  const { out, gaveUp } = analyzePython({ tokens, stem: unnamedServerName(file.path, file.scope), at, callsAiHost });
  if (createsExtension) detectSqlExtensions(tokens, file.content, out, at);
  const { assets, relationships } = out.finish(file);
  const diagnostics = readDiagnostics(issues, gaveUp, (message, line) => parseFailed(file, PYTHON_DETECTOR_ID, message, line));
  if (assets.length === 0 && relationships.length === 0 && diagnostics.length === 0) return null;
  return { assets, relationships, diagnostics };
}

/** Registered detector for `.py` files. */
export const pythonDetector: Detector = {
  id: PYTHON_DETECTOR_ID,
  displayName: 'Python source',
  patterns: ['**/*.py'],
  literals: [...IMPORT_LITERALS, ...ENDPOINT_LITERALS, ...MODEL_STEMS, ...EXTENSION_LITERALS],
  detect: detectPython,
};
