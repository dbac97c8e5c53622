/**
 * Reads one candidate file (I/O only): enforces the size cap before reading, sniffs binary content,
 * and decodes UTF-8, reporting invalid sequences instead of failing.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../../src/model/index.ts';
import type { ListedFile } from './walk.ts';

export type ReadOutcome =
  | { readonly kind: 'text'; readonly content: string; readonly bytes: number; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'skipped'; readonly bytes: number; readonly diagnostics: readonly Diagnostic[] };

/** How many leading bytes are sniffed for NUL, as git and ripgrep do. */
const SNIFF_BYTES = 8000;

function diag(file: ListedFile, level: Diagnostic['level'], code: Diagnostic['code'], message: string): Diagnostic {
  return { connector: 'local', level, code, message, location: { path: file.path } };
}

/** Reads a file as text, or explains why it was skipped. Never throws. */
export async function readCandidate(file: ListedFile, maxBytes: number): Promise<ReadOutcome> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO or device swapped in after listing must not block the scan.
    handle = await open(file.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'skipped', bytes: 0, diagnostics: [] };
    if (stat.size > maxBytes) {
      return { kind: 'skipped', bytes: 0, diagnostics: [diag(file, 'warn', 'file-too-large', `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} cap (--max-file-size); not scanned`)] };
    }
    const buffer = await handle.readFile();
    return decode(file, buffer);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { kind: 'skipped', bytes: 0, diagnostics: [diag(file, 'error', 'unreadable', `cannot read file (${code}); not scanned`)] };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function decode(file: ListedFile, buffer: Buffer): ReadOutcome {
  const sniff = buffer.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    return { kind: 'skipped', bytes: buffer.length, diagnostics: [diag(file, 'warn', 'binary-file', 'binary content in a file named like text; not scanned')] };
  }
  const diagnostics: Diagnostic[] = [];
  if (!isUtf8(buffer)) {
    diagnostics.push(diag(file, 'warn', 'invalid-encoding', 'invalid UTF-8; scanned with invalid bytes replaced'));
  }
  let content = buffer.toString('utf8');
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  return { kind: 'text', content, bytes: buffer.length, diagnostics };
}

/** 5242880 → "5 MB"; used in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
