/**
 * Reads one candidate file (I/O only): enforces the size cap before reading, sniffs binary content,
 * and decodes UTF-8 (UTF-16 with a byte-order mark too), reporting invalid sequences instead of failing.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { constants as bufferConstants, isUtf8 } from 'node:buffer';
import type { ByteSource } from '../../src/detectors/types.ts';
import type { Diagnostic } from '../../src/model/index.ts';
import type { ListedFile } from './walk.ts';

/** A file left unread or unscanned, and why (nothing to say for a file that is not a regular file). */
export interface Skipped {
  readonly kind: 'skipped';
  readonly bytes: number;
  readonly diagnostics: readonly Diagnostic[];
}

export type ReadOutcome = { readonly kind: 'text'; readonly content: string; readonly bytes: number; readonly diagnostics: readonly Diagnostic[] } | Skipped;

/** How many leading bytes are sniffed for NUL, as git and ripgrep do. */
const SNIFF_BYTES = 8000;

function diag(file: ListedFile, level: Diagnostic['level'], code: Diagnostic['code'], message: string): Diagnostic {
  return { connector: 'local', level, code, message, location: { path: file.path } };
}

// O_NONBLOCK: opening a FIFO or device swapped in after listing must not block the scan.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function tooLarge(file: ListedFile, size: number, maxBytes: number): Skipped {
  return { kind: 'skipped', bytes: 0, diagnostics: [diag(file, 'warn', 'file-too-large', `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} cap (--max-file-size); not scanned`)] };
}

/** Longest string V8 can make, in UTF-16 units: a longer text cannot be decoded at all. */
export const MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;

/** A file that could not be read or decoded: an `unreadable` error with the system's code. */
export function unreadable(file: ListedFile, error: unknown): Skipped {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { kind: 'skipped', bytes: 0, diagnostics: [diag(file, 'error', 'unreadable', `cannot read file (${code}); not scanned`)] };
}

const NOT_REGULAR: Skipped = { kind: 'skipped', bytes: 0, diagnostics: [] };

/** Reads a file as text, or explains why it was skipped. Never throws. */
export async function readCandidate(file: ListedFile, maxBytes: number): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(file.absolute, OPEN_FLAGS);
    const stat = await handle.stat();
    if (!stat.isFile()) return NOT_REGULAR;
    if (stat.size > maxBytes) return tooLarge(file, stat.size, maxBytes);
    return decoded(file, inspect(file, await handle.readFile(), (size) => Buffer.allocUnsafe(size)));
  } catch (error) {
    return unreadable(file, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The same as `readCandidate`, with synchronous calls: on a local disk or the page cache this is
 * several times cheaper than four thread-pool round trips per file (test/bench measures both).
 */
export function readCandidateSync(file: ListedFile, maxBytes: number): ReadOutcome {
  return decoded(file, readRawSync(file, maxBytes, (size) => Buffer.allocUnsafe(size)));
}

/** Checked bytes as text; a text longer than V8's longest string is `unreadable`. */
function decoded(file: ListedFile, raw: RawOutcome): ReadOutcome {
  if (raw.kind !== 'bytes') return raw;
  try {
    return { kind: 'text', content: toText(raw.bytes), bytes: raw.bytes.length, diagnostics: raw.diagnostics };
  } catch (error) {
    return unreadable(file, error);
  }
}

/** A candidate's bytes, checked as text (not binary; an invalid-UTF-8 note) but not decoded yet. */
export type RawOutcome = { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly diagnostics: readonly Diagnostic[] } | Skipped;

/**
 * Reads a candidate into `into(size)` (a buffer the caller owns and may reuse: the reading path
 * reads straight into the literal gate's memory) and checks it as text, without decoding.
 * Never throws. `toText` decodes the bytes as `readCandidateSync` would.
 */
export function readRawSync(file: ListedFile, maxBytes: number, into: (size: number) => Uint8Array): RawOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file.absolute, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return NOT_REGULAR;
    if (stat.size > maxBytes) return tooLarge(file, stat.size, maxBytes);
    const buffer = into(stat.size);
    let offset = 0;
    while (offset < buffer.length) {
      const n = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return inspect(file, offset === buffer.length ? buffer : buffer.subarray(0, offset), into);
  } catch (error) {
    return unreadable(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * UTF-16 text with a byte-order mark (Windows editors and PowerShell's `>` write it: a
 * `requirements.txt` pip reads fine) re-encoded as UTF-8 into `into(size)`; undefined for any
 * other file. Without a BOM, UTF-16 is indistinguishable from binary and stays so.
 */
function fromUtf16(bytes: Uint8Array, into: (size: number) => Uint8Array): Uint8Array | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!le && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  // The decoder drops the BOM; unpaired surrogates and an odd last byte become U+FFFD.
  const utf8 = Buffer.from(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes), 'utf8');
  const out = into(utf8.length);
  out.set(utf8);
  return out;
}

function inspect(file: ListedFile, raw: Uint8Array, into: (size: number) => Uint8Array): RawOutcome {
  const bytes = fromUtf16(raw, into) ?? raw;
  // Buffer#indexOf is memchr: about 20× cheaper than TypedArray#includes over the 8,000 bytes.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).indexOf(0) !== -1) {
    return { kind: 'skipped', bytes: bytes.length, diagnostics: [diag(file, 'warn', 'binary-file', 'binary content in a file named like text; not scanned')] };
  }
  const diagnostics: Diagnostic[] = [];
  if (!isUtf8(bytes)) {
    diagnostics.push(diag(file, 'warn', 'invalid-encoding', 'invalid UTF-8; scanned with invalid bytes replaced'));
  }
  return { kind: 'bytes', bytes, diagnostics };
}

/** The text of checked bytes: UTF-8 with invalid sequences replaced, a leading BOM dropped. */
export function toText(bytes: Uint8Array): string {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** 5242880 → "5 MB"; used in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** An open binary file: a ByteSource over its descriptor, closed by the caller. */
export interface OpenBinary {
  readonly kind: 'open';
  readonly source: ByteSource;
  /** Bytes detectors actually read (a header, not the whole weights file). */
  bytesRead(): number;
  close(): void;
}

/**
 * Opens a file for a binary detector: no size cap (model weights are gigabytes; detectors read
 * headers and bounded regions through the ByteSource), no text checks. Never throws: a file that
 * cannot be opened is an `unreadable` outcome.
 */
export function openBinary(file: ListedFile): OpenBinary | ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file.absolute, OPEN_FLAGS);
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      return NOT_REGULAR;
    }
    const handle = fd;
    let total = 0;
    const bytes: ByteSource = {
      size: stat.size,
      read(offset, length) {
        const start = Math.max(0, Math.floor(offset));
        const want = Math.max(0, Math.min(Math.floor(length), stat.size - start));
        const buffer = Buffer.allocUnsafe(want);
        let got = 0;
        while (got < want) {
          const n = readSync(handle, buffer, got, want - got, start + got);
          if (n === 0) break;
          got += n;
        }
        total += got;
        return got === want ? buffer : buffer.subarray(0, got);
      },
    };
    return { kind: 'open', source: bytes, bytesRead: () => total, close: () => closeSync(handle) };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return unreadable(file, error);
  }
}
