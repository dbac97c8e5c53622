/**
 * The literal gate of `literal-gate.ts` over raw bytes, with its inner loop in WebAssembly: the
 * reading path of a scan (`connectors/local/detect-file.ts` `prefilterFile`) reads each file
 * straight into this module's memory and asks which literal sets occur before decoding anything,
 * so the many files no detector wants to look at are never turned into strings. Same table, same
 * anchors, same answer as `LiteralGate.scan` on the decoded text for every literal (a test holds
 * the two equal): literals are compared as their UTF-8 bytes, and the ASCII bytes of a file are
 * decoded to the same characters whether the rest of it is valid UTF-8 or not.
 *
 * The WebAssembly module is a dozen instructions, assembled below (no toolchain, no binary file):
 * `scan(at, end, pending)` looks up the three-byte window ending at each address from `at` and
 * returns the first address whose window's table entry has a wanted bit, or -1. JavaScript checks
 * that window's literals in full and resumes after it; table hits are rare, so nearly all the time
 * is the loop (about 1 ns a byte, a third of the same loop over a string in JavaScript).
 */
import { anchorOffset, CHAR_BITS, INDEX_MASK, MAX_LITERAL_SETS, MIN_LITERAL_LENGTH, WINDOW } from './literal-gate.ts';

/** The gate over a buffer it owns: read a file into `buffer(size)`, then `scan` its first bytes. */
export interface ByteGate {
  /** Number of sets compiled. */
  readonly size: number;
  /** Room for `size` bytes in the gate's memory (valid until the next call). */
  buffer(size: number): Uint8Array;
  /** Bit `i` is set when set `i` (among `wanted`) has a literal in the first `length` bytes of the buffer. */
  scan(length: number, wanted: number): number;
}

interface Anchored {
  readonly bytes: Uint8Array;
  /** Where the anchor window starts in the literal's bytes. */
  readonly offset: number;
  readonly mask: number;
}

const PAGE = 65_536;
/** Characters a literal cannot be matched by as bytes: U+FFFD, unpaired surrogates. */
const NOT_BYTES = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHAR_MASK = (1 << CHAR_BITS) - 1;
/** The table (one 16-bit entry per window value) sits at address 0, the file right after it. */
const TABLE_BYTES = (INDEX_MASK + 1) * 2;
/** Four zero bytes between them: the first windows of a file read them as the text gate reads nothing. */
const INPUT = TABLE_BYTES + 4;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};

const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
};

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** The module's bytes: memory (exported) and `scan(at, end, pending) -> address | -1`. */
function moduleBytes(): Uint8Array {
  const I32 = 0x7f;
  const [get, set, tee] = [0x20, 0x21, 0x22];
  if (CHAR_BITS !== 6 || WINDOW !== 3) throw new Error('the byte gate assembles a 3 x 6-bit window');
  // The window ending at `at` is the low three bytes of the little-endian word at `at - 2`; taking
  // it whole each time (no state carried from the previous byte) lets iterations overlap.
  const code = [
    0x02, 0x40, // block
    0x03, 0x40, //   loop
    get, 0, get, 1, 0x4f, 0x0d, 1, // if at >= end: break out of the block
    get, 0, 0x41, ...sleb(2), 0x6b, 0x28, 0, 0, tee, 3, // x = load32(at - 2)
    0x41, ...sleb(CHAR_MASK), 0x71, 0x41, ...sleb(2 * CHAR_BITS + 1), 0x74, // (x & 63) << 13
    get, 3, 0x41, ...sleb(1), 0x76, 0x41, ...sleb(CHAR_MASK << (CHAR_BITS + 1)), 0x71, 0x72, // | (x >> 1) & (63 << 7)
    get, 3, 0x41, ...sleb(15), 0x76, 0x41, ...sleb(CHAR_MASK << 1), 0x71, 0x72, // | (x >> 15) & (63 << 1)
    0x2f, 1, 0, get, 2, 0x71, // load16_u(table offset) & pending
    0x04, 0x40, get, 0, 0x0f, 0x0b, // if: return at
    get, 0, 0x41, 1, 0x6a, set, 0, // at += 1
    0x0c, 0, // continue the loop
    0x0b, // end loop
    0x0b, // end block
    0x41, ...sleb(-1), // -1: nothing
    0x0b,
  ];
  const body = [1, 1, I32, ...code]; // one local: the window
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 3, I32, I32, I32, 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, ...uleb(Math.ceil((INPUT + 4) / PAGE) + 1)]),
    ...section(7, [2, ...name('scan'), 0x00, 0, ...name('memory'), 0x02, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

/** The slice of the WebAssembly API used here (TypeScript types it only in the DOM libraries). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
let compiled: object | undefined;

/** Compiles literal sets (set `i` answers as bit `i`) for byte input; the same rules as `compileLiteralGate`. */
export function compileByteGate(sets: readonly (readonly string[])[]): ByteGate {
  if (sets.length > MAX_LITERAL_SETS) throw new Error(`a literal gate holds at most ${MAX_LITERAL_SETS} sets, got ${sets.length}`);
  compiled ??= new wasm.Module(moduleBytes());
  const instance = new wasm.Instance(compiled);
  const memory = instance.exports['memory'] as WasmMemory;
  const scanWasm = instance.exports['scan'] as (at: number, end: number, pending: number) => number;
  let heap = new Uint8Array(memory.buffer);
  const table = new Uint16Array(memory.buffer, 0, INDEX_MASK + 1);
  const buckets = new Map<number, Anchored[]>();
  const encoder = new TextEncoder();
  // A set with a literal no byte sequence stands for (U+FFFD, which decoding puts where bytes were
  // invalid; a lone surrogate) is answered as found: the detector's own check decides.
  let always = 0;
  sets.forEach((literals, i) => {
    if (literals.some((l) => l.length < MIN_LITERAL_LENGTH)) throw new Error(`gate literal "${literals.find((l) => l.length < MIN_LITERAL_LENGTH)}" is shorter than ${WINDOW} characters`);
    if (literals.some((l) => NOT_BYTES.test(l))) always |= 1 << i;
  });
  sets.forEach((literals, i) => {
    if ((always & (1 << i)) !== 0) return;
    for (const literal of new Set(literals)) {
      const bytes = encoder.encode(literal);
      // Anchor on the same window as the text gate when the literal is ASCII (bytes = characters).
      const offset = bytes.length === literal.length ? anchorOffset(literal) : anchorOffset(String.fromCharCode(...bytes));
      let index = 0;
      for (let j = 0; j < WINDOW; j++) index = ((index << CHAR_BITS) | ((bytes[offset + j] as number) & CHAR_MASK)) & INDEX_MASK;
      table[index] = (table[index] ?? 0) | (1 << i);
      const bucket = buckets.get(index) ?? [];
      bucket.push({ bytes, offset, mask: 1 << i });
      buckets.set(index, bucket);
    }
  });
  const byteAt = (at: number): number => (at >= INPUT ? (heap[at] as number) : 0);
  const matches = (start: number, end: number, bytes: Uint8Array): boolean => {
    if (start < INPUT || start + bytes.length > end) return false;
    for (let k = 0; k < bytes.length; k++) if (heap[start + k] !== bytes[k]) return false;
    return true;
  };
  return {
    size: sets.length,
    buffer(size) {
      const needed = INPUT + size + 4;
      if (needed > memory.buffer.byteLength) {
        memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
        heap = new Uint8Array(memory.buffer);
      }
      return new Uint8Array(memory.buffer, INPUT, size);
    },
    scan(length, wanted) {
      let pending = wanted & ~always;
      const end = INPUT + length;
      let at = INPUT;
      while (pending !== 0) {
        const hit = scanWasm(at, end, pending);
        if (hit < 0) break;
        let x = 0;
        for (let j = WINDOW - 1; j >= 0; j--) x = ((x << CHAR_BITS) | (byteAt(hit - j) & CHAR_MASK)) & INDEX_MASK;
        // A window ends at `hit`; each literal anchored on it would start `offset` before the window.
        for (const a of buckets.get(x) as readonly Anchored[]) {
          if ((a.mask & pending) !== 0 && matches(hit - (WINDOW - 1) - a.offset, end, a.bytes)) pending &= ~a.mask;
        }
        at = hit + 1;
      }
      return wanted & ~pending;
    },
  };
}
