/**
 * A minimal ZIP reader (APPNOTE.TXT 6.3.10): finds the end-of-central-directory record (and its
 * ZIP64 twin), walks the central directory, and hands out one member at a time. It never trusts
 * the counts a directory claims: entries are read from the directory bytes until they end or the
 * entry cap is hit; members are inflated with `maxOutputLength`, so a bomb stops at the cap.
 * Stored members are returned as a window on the file, never copied. The encryption flag is
 * ignored, as PyTorch's reader ignores it: a member that really is encrypted then fails to parse.
 */
import { constants, inflateRawSync } from 'node:zlib';
import { bytesOf, type ByteSource } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { Cursor, LimitReached, Malformed, sliceSource, utf8 } from './cursor.ts';
import { issueOf, type Issue } from './info.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

export interface ZipDirectory {
  readonly entries: ZipEntry[];
  issue?: Issue;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_TAIL = 22 + 0xffff;

/** True when the bytes start like a ZIP (local header or an empty archive). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

function u32At(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16)) + (b[i + 3] as number) * 0x1000000;
}

/** Where the central directory is: offset and size, from the EOCD (or ZIP64 EOCD). */
function locate(src: ByteSource): { offset: number; size: number } | null {
  const tailStart = Math.max(0, src.size - MAX_TAIL);
  const tail = src.read(tailStart, src.size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32At(tail, i) !== EOCD) continue;
    const at = tailStart + i;
    const c = new Cursor(src, at + 10, at + 22);
    const count = c.u16();
    const size = c.u32();
    const offset = c.u32();
    if (count !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { offset, size };
    return locate64(src, at);
  }
  return null;
}

function locate64(src: ByteSource, eocd: number): { offset: number; size: number } {
  if (eocd < 20) throw new Malformed('ZIP64 locator missing');
  const loc = new Cursor(src, eocd - 20, eocd);
  if (loc.u32() !== LOCATOR64) throw new Malformed('ZIP64 locator missing');
  loc.skip(4);
  const rec = new Cursor(src, loc.u64());
  if (rec.u32() !== EOCD64) throw new Malformed('ZIP64 end record missing');
  rec.skip(36);
  const size = rec.u64();
  return { offset: rec.u64(), size };
}

/** Applies the ZIP64 extended-information extra field (id 1) to the 0xFFFFFFFF placeholders. */
function zip64Extra(extra: Uint8Array, sizes: { size: number; compressedSize: number; offset: number }): void {
  const c = new Cursor(bytesOf(extra));
  while (c.remaining >= 4) {
    const id = c.u16();
    const len = c.u16();
    if (id !== 1) {
      c.skip(Math.min(len, c.remaining));
      continue;
    }
    const inner = new Cursor(bytesOf(c.bytes(Math.min(len, c.remaining))));
    if (sizes.size === 0xffffffff && inner.remaining >= 8) sizes.size = inner.u64();
    if (sizes.compressedSize === 0xffffffff && inner.remaining >= 8) sizes.compressedSize = inner.u64();
    if (sizes.offset === 0xffffffff && inner.remaining >= 8) sizes.offset = inner.u64();
    return;
  }
}

function readEntry(c: Cursor): ZipEntry {
  c.skip(4);
  const flags = c.u16();
  const method = c.u16();
  c.skip(8);
  const sizes = { compressedSize: c.u32(), size: c.u32(), offset: 0 };
  const nameLen = c.u16();
  const extraLen = c.u16();
  const commentLen = c.u16();
  c.skip(8);
  sizes.offset = c.u32();
  const name = utf8(c.bytes(nameLen));
  zip64Extra(c.bytes(extraLen), sizes);
  c.skip(commentLen);
  return { name, method, flags, ...sizes };
}

/** Reads the central directory; null when the file has no end-of-directory record (not a zip). */
export function readZipDirectory(src: ByteSource, what: string): ZipDirectory | null {
  const dir: ZipDirectory = { entries: [] };
  try {
    const where = locate(src);
    if (where === null) return null;
    if (where.offset + where.size > src.size) throw new Malformed('central directory beyond end of file');
    const size = Math.min(where.size, LIMITS.zipDirectoryBytes);
    const c = new Cursor(src, where.offset, where.offset + size);
    while (c.remaining >= 46) {
      if (c.u32() !== CENTRAL) break;
      if (dir.entries.length >= LIMITS.zipEntries) throw new LimitReached(`more than ${LIMITS.zipEntries} entries; the rest were not read`);
      dir.entries.push(readEntry(c));
    }
    if (size < where.size) throw new LimitReached(`central directory larger than ${LIMITS.zipDirectoryBytes} bytes; the rest was not read`);
  } catch (error) {
    dir.issue = issueOf(what, error);
  }
  return dir;
}

/** Where a member's data starts, from its local header. */
function dataStart(src: ByteSource, e: ZipEntry): number {
  const c = new Cursor(src, e.offset, e.offset + 30);
  if (c.u32() !== LOCAL) throw new Malformed(`no local header for ${e.name}`);
  c.skip(22);
  return e.offset + 30 + c.u16() + c.u16();
}

/** Inflated bytes still allowed for this file (zip-bomb budget shared by nested members). */
export interface InflateBudget {
  left: number;
}

function inflate(input: Uint8Array, cap: number, partial: boolean, name: string): Uint8Array {
  try {
    return inflateRawSync(input, { maxOutputLength: cap, ...(partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {}) });
  } catch (error) {
    if (error instanceof RangeError) throw new LimitReached(`${name} inflates past ${cap} bytes: not read`);
    throw new Malformed(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The first `head` bytes of a deflated member: inflates growing prefixes of the input, so a bomb costs little. */
function inflateHead(src: ByteSource, e: ZipEntry, start: number, head: number, budget: InflateBudget): Uint8Array {
  for (let n = 256; ; n *= 4) {
    const want = Math.min(n, e.compressedSize);
    const out = inflate(src.read(start, want), Math.min(LIMITS.zipMemberBytes, n * 1100), want < e.compressedSize, e.name);
    if (out.length >= head || want >= e.compressedSize || n >= LIMITS.zipMemberBytes) {
      budget.left -= out.length;
      return out.subarray(0, head);
    }
  }
}

/**
 * A member's bytes: stored members as a window on the file, deflated ones inflated under the
 * member and file budgets. `head` > 0 asks for the first `head` bytes only.
 */
export function readMember(src: ByteSource, e: ZipEntry, budget: InflateBudget, head = 0): ByteSource {
  const start = dataStart(src, e);
  if (start + e.compressedSize > src.size) throw new Malformed(`${e.name} runs past the end of the archive`);
  if (e.method === 0) return sliceSource(src, start, head > 0 ? Math.min(head, e.compressedSize) : e.compressedSize);
  if (e.method !== 8) throw new Malformed(`${e.name} uses compression method ${e.method} (only stored and deflate are read)`);
  if (budget.left <= 0) throw new LimitReached(`more than ${LIMITS.zipTotalBytes} bytes inflated in this file`);
  if (head > 0) return bytesOf(inflateHead(src, e, start, head, budget));
  if (e.compressedSize > LIMITS.zipMemberBytes) throw new LimitReached(`${e.name} is larger than ${LIMITS.zipMemberBytes} bytes compressed`);
  const out = inflate(src.read(start, e.compressedSize), Math.min(LIMITS.zipMemberBytes, budget.left), false, e.name);
  budget.left -= out.length;
  return bytesOf(out);
}
