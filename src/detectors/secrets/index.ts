/**
 * The secrets detector: AI API keys written in code, config, `.env` files and notebooks (cell
 * sources and text outputs). A key becomes a `secret` asset named by its provider, keyed by
 * provider + fingerprint (so one key in two files is one asset); its value is never stored:
 * attributes carry the public prefix, the key type and a 12-hex SHA-256 fingerprint, and snippets
 * show `<prefix>…[redacted]`.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Evidence } from '../../model/index.ts';
import { evidenceAt, parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { envStyleName } from './assignment.ts';
import { fileKindOf, SECRET_FILE_PATTERNS, type FileKind } from './files.ts';
import { Lines } from './lines.ts';
import { notebookParts, OUTPUT_BUDGET } from './notebook.ts';
import { findKeys, KEY_LITERALS, mayHoldKey, type KeyHit } from './scan.ts';
import { leaks, redactedLine } from './snippet.ts';

export const SECRETS_DETECTOR_ID = 'secrets';

/** First 12 hex characters of the SHA-256 of a key: identifies it across files without revealing it. */
export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

/** One searched text: a whole file, or a notebook cell's source or output. */
interface Part {
  readonly text: string;
  readonly kind: FileKind;
  readonly cell?: number;
  readonly output?: boolean;
}

function limitReached(file: SourceFile, level: Diagnostic['level'], message: string): Diagnostic {
  return { connector: SECRETS_DETECTOR_ID, level, code: 'limit-reached', message, location: { path: file.path } };
}

function evidenceOf(file: SourceFile, part: Part, lines: Lines, hit: KeyHit, sameLine: readonly KeyHit[]): Evidence {
  const technique = part.kind === 'code' || part.kind === 'notebook' ? 'call-site' : 'config';
  const at = (snippet: string | undefined): Evidence => evidenceAt(file, SECRETS_DETECTOR_ID, technique, hit.rule.confidence, hit.line, snippet, part.cell);
  const e = at(redactedLine(lines, hit, sameLine));
  // Belt and braces: the window and the mask should have hidden every key; if not, no snippet.
  return e.snippet !== undefined && leaks(e.snippet, sameLine) ? at(undefined) : e;
}

function record(file: SourceFile, part: Part, hits: readonly KeyHit[], out: ResultBuilder): void {
  const lines = new Lines(part.text);
  const seen = new Set<string>();
  for (const hit of hits) {
    const print = fingerprint(hit.value);
    if (seen.has(`${print}:${hit.line}`)) continue;
    seen.add(`${print}:${hit.line}`);
    const { rule } = hit;
    const env = envStyleName(hit.envName);
    out.asset(file, {
      kind: 'secret',
      key: `${rule.provider}:${print}`,
      name: rule.provider,
      provider: rule.provider,
      attributes: {
        provider: rule.provider,
        keyType: rule.keyType,
        fingerprint: print,
        ...(rule.prefix === '' ? {} : { prefix: rule.prefix }),
        ...(env === undefined ? {} : { envNames: [env] }),
        fileKinds: [part.kind],
        ...(part.output ? { notebookOutput: true } : {}),
      },
      evidence: [evidenceOf(file, part, lines, hit, hits.filter((h) => h.line === hit.line))],
    });
  }
}

function partsOf(file: SourceFile, kind: FileKind, out: ResultBuilder): Part[] {
  if (kind !== 'notebook') return [{ text: file.content, kind }];
  const nb = notebookParts(file.content);
  if (!nb.ok) {
    // Still search the raw text: a key in a broken notebook is still a leaked key.
    out.diagnostic(parseFailed(file, SECRETS_DETECTOR_ID, `${nb.message}; searched as plain text`, nb.line));
    return [{ text: file.content, kind: 'config' }];
  }
  if (nb.truncated) out.diagnostic(limitReached(file, 'info', `notebook outputs beyond ${OUTPUT_BUDGET} characters were not searched for keys`));
  return nb.parts.map((p) => ({ text: p.text, kind, cell: p.cell, output: p.origin === 'output' }));
}

/** Finds AI API keys in one file; null when it holds none. Never throws on bad input. */
export function detectSecrets(file: SourceFile): ReturnType<Detector['detect']> {
  if (!mayHoldKey(file.content)) return null;
  const out = new ResultBuilder();
  const kind = fileKindOf(file.path);
  for (const part of partsOf(file, kind, out)) {
    const scan = findKeys(part.text, part.kind);
    record(file, part, scan.hits, out);
    if (scan.limited) {
      const where = part.cell === undefined ? '' : ` in cell ${part.cell}`;
      out.diagnostic(limitReached(file, 'warn', `${scan.limited}${where}; the rest was not searched for keys`));
    }
  }
  return out.result();
}

/** Registered detector for AI API keys. */
export const secretsDetector: Detector = {
  id: SECRETS_DETECTOR_ID,
  displayName: 'AI API keys',
  patterns: SECRET_FILE_PATTERNS,
  literals: KEY_LITERALS,
  detect: detectSecrets,
};
