/**
 * A forward reader over a ByteSource window, buffered in chunks so parsers can read byte by byte
 * without one `read` call per byte, and so a multi-gigabyte file is never loaded whole. Every read
 * past the window's end throws `Truncated`; every structural lie (a length beyond what the file
 * holds, a varint that never ends) throws `Malformed`. Both are caught at the format's entry point
 * and become diagnostics: nothing here escapes `detect`.
 */
import type { ByteSource } from '../types.ts';

/** The bytes ended before the structure did. */
export class Truncated extends Error {}

/** The bytes contradict the format (impossible length, bad tag, runaway varint). */
export class Malformed extends Error {}

/** A parser stopped at one of the caps in `catalog.ts` LIMITS. */
export class LimitReached extends Error {}

const CHUNK = 64 * 1024;
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

/** Short ASCII runs (module names, dict keys) decode without a TextDecoder call: pickles hold millions. */
function shortAscii(bytes: Uint8Array): string | undefined {
  if (bytes.length > 64) return undefined;
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return undefined;
    s += String.fromCharCode(b);
  }
  return s;
}

/** Decodes bytes as UTF-8 (invalid sequences replaced). */
export function utf8(bytes: Uint8Array): string {
  return shortAscii(bytes) ?? UTF8.decode(bytes);
}

/** Decodes bytes one char per byte (for searching binary regions with regexes). */
export function latin1(bytes: Uint8Array): string {
  return shortAscii(bytes) ?? LATIN1.decode(bytes);
}

/** A ByteSource over a region of another (a zip member stored uncompressed, a pickle inside). */
export function sliceSource(src: ByteSource, start: number, length: number): ByteSource {
  const size = Math.max(0, Math.min(length, src.size - start));
  return { size, read: (offset, n) => src.read(start + Math.max(0, offset), Math.max(0, Math.min(n, size - Math.max(0, offset)))) };
}

/** Sequential reader over `[start, end)` of a source. */
export class Cursor {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  pos: number;
  readonly end: number;
  private readonly src: ByteSource;

  constructor(src: ByteSource, start = 0, end = src.size) {
    this.src = src;
    this.pos = start;
    this.end = Math.min(end, src.size);
  }

  /** Bytes left before the window's end. */
  get remaining(): number {
    return this.end - this.pos;
  }

  private fill(n: number): void {
    if (this.pos + n > this.end) throw new Truncated(`needs ${n} bytes at offset ${this.pos}, file ends at ${this.end}`);
    const off = this.pos - this.bufStart;
    if (off >= 0 && off + n <= this.buf.length) return;
    this.bufStart = this.pos;
    this.buf = this.src.read(this.pos, Math.min(Math.max(n, CHUNK), this.end - this.pos));
    if (this.buf.length < n) throw new Truncated(`short read at offset ${this.pos}`);
  }

  u8(): number {
    this.fill(1);
    return this.buf[this.pos++ - this.bufStart] as number;
  }

  /** `n` bytes as a copy-free view; callers cap `n` themselves. */
  bytes(n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0);
    this.fill(n);
    const off = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(off, off + n);
  }

  skip(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new Truncated(`cannot skip ${n} bytes at offset ${this.pos}, file ends at ${this.end}`);
    this.pos += n;
  }

  u16(): number {
    const b = this.bytes(2);
    return (b[0] as number) | ((b[1] as number) << 8);
  }

  u32(): number {
    const b = this.bytes(4);
    return ((b[0] as number) | ((b[1] as number) << 8) | ((b[2] as number) << 16)) + (b[3] as number) * 0x1000000;
  }

  i32(): number {
    const v = this.u32();
    return v >= 0x80000000 ? v - 0x100000000 : v;
  }

  /** An unsigned 64-bit little-endian integer; values past 2^53 are `Malformed` (no file is that big). */
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    if (hi >= 0x200000) throw new Malformed(`64-bit value too large at offset ${this.pos - 8}`);
    return hi * 0x100000000 + lo;
  }

  /** Reads up to and excluding `\n`; a line longer than `max` is `Malformed`. */
  line(max: number): Uint8Array {
    const start = this.pos;
    this.fill(1);
    const off = start - this.bufStart;
    const nl = this.buf.subarray(off, off + max + 1).indexOf(0x0a);
    if (nl !== -1) {
      this.pos = start + nl + 1;
      return this.buf.subarray(off, off + nl);
    }
    for (let i = 0; i <= max; i++) {
      if (this.u8() === 0x0a) {
        this.pos = start;
        const out = this.bytes(i);
        this.pos++;
        return out;
      }
    }
    throw new Malformed(`line longer than ${max} bytes at offset ${start}`);
  }
}
