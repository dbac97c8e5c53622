/**
 * Test-only byte builders that follow each format's spec, so tests assemble model files (benign
 * and hostile) in memory instead of committing binaries. Nothing here is ever loaded by Python:
 * the pickles are opcode sequences written by hand and only read by the scanner under test.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { ByteSource } from '../../types.ts';

export type Part = number | string | Uint8Array | readonly Part[];

/** Concatenates bytes, byte values and latin1 strings. */
export function bytes(...parts: Part[]): Uint8Array {
  const out: number[] = [];
  const add = (p: Part): void => {
    if (typeof p === 'number') out.push(p & 0xff);
    else if (typeof p === 'string') for (const ch of Buffer.from(p, 'latin1')) out.push(ch);
    else if (p instanceof Uint8Array) for (const b of p) out.push(b);
    else for (const x of p) add(x);
  };
  for (const p of parts) add(p);
  return Uint8Array.from(out);
}

export const u16 = (n: number): Uint8Array => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff);
export const u32 = (n: number): Uint8Array => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
export const u64 = (n: number | bigint): Uint8Array => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n), true);
  return b;
};
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Pickle opcodes (CPython pickletools), as bytes. */
export const pk = {
  proto: (v: number) => bytes(0x80, v),
  frame: (n: number) => bytes(0x95, u64(n)),
  global: (mod: string, name: string) => bytes('c', utf8(mod), '\n', utf8(name), '\n'),
  inst: (mod: string, name: string) => bytes('i', utf8(mod), '\n', utf8(name), '\n'),
  su: (s: string) => { const b = utf8(s); return bytes(0x8c, b.length, b); },
  bu: (s: string) => { const b = utf8(s); return bytes('X', u32(b.length), b); },
  unicode: (s: string) => bytes('V', utf8(s), '\n'),
  string: (s: string) => bytes('S', `'${s}'`, '\n'),
  int1: (n: number) => bytes('K', n),
  binput: (i: number) => bytes('q', i),
  binget: (i: number) => bytes('h', i),
  memoize: 0x94,
  stackGlobal: 0x93,
  mark: 0x28,
  tuple: 0x74,
  tuple1: 0x85,
  tuple2: 0x86,
  emptyTuple: 0x29,
  emptyDict: 0x7d,
  emptyList: 0x5d,
  reduce: 0x52,
  build: 0x62,
  obj: 0x6f,
  newobj: 0x81,
  setitem: 0x73,
  setitems: 0x75,
  none: 0x4e,
  stop: 0x2e,
};

/** A protocol-2 pickle of `collections.OrderedDict()` with one int item: what a tiny state dict looks like. */
export function benignPickle(): Uint8Array {
  return bytes(pk.proto(2), pk.global('collections', 'OrderedDict'), pk.binput(0), pk.emptyTuple, pk.reduce, pk.binput(1), pk.bu('w'), pk.int1(1), pk.setitem, pk.stop);
}

export interface ZipMember {
  readonly name: string;
  readonly data: Uint8Array;
  readonly deflate?: boolean;
  /** Uncompressed size to declare instead of the real one (a lying bomb). */
  readonly claimedSize?: number;
}

/** A ZIP archive (APPNOTE 6.3.10: local headers, central directory, end record). */
export function zip(members: readonly ZipMember[], opts: { claimedCount?: number; zip64?: boolean } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = utf8(m.name);
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const fields = bytes(u16(20), u16(0x800), u16(m.deflate ? 8 : 0), u16(0), u16(0x21), u32(crc32(m.data)), u32(body.length), u32(m.claimedSize ?? m.data.length), u16(name.length));
    const local = bytes(u32(0x04034b50), fields, u16(0), name, body);
    central.push(bytes(u32(0x02014b50), u16(20), fields, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name));
    locals.push(local);
    offset += local.length;
  }
  const cd = bytes(...central);
  const count = opts.claimedCount ?? members.length;
  if (!opts.zip64) return bytes(...locals, cd, u32(0x06054b50), u16(0), u16(0), u16(count & 0xffff), u16(count & 0xffff), u32(cd.length), u32(offset), u16(0));
  const record = bytes(u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(cd.length), u64(offset));
  const locator = bytes(u32(0x07064b50), u32(0), u64(offset + cd.length), u32(1));
  return bytes(...locals, cd, record, locator, u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0));
}

/** Only a central directory of `n` stored entries (no member data) and an end record claiming `claimed`. */
export function zipDirectoryOnly(n: number, claimed: number): Uint8Array {
  const entry = (i: number): Buffer => {
    const name = Buffer.from(`f${i}.txt`);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(name.length, 28);
    return Buffer.concat([head, name]);
  };
  const cd = Buffer.concat(Array.from({ length: n }, (_, i) => entry(i)));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(claimed, 8);
  end.writeUInt16LE(claimed, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(0, 16);
  return new Uint8Array(Buffer.concat([cd, end]));
}

/** A safetensors file: 8-byte LE header length, JSON header, zeroed tensor data. */
export function safetensors(tensors: Record<string, { dtype: string; shape: number[] }>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let at = 0;
  for (const [name, t] of Object.entries(tensors)) {
    const size = t.shape.reduce((a, b) => a * b, 1) * (t.dtype === 'F32' ? 4 : 2);
    header[name] = { ...t, data_offsets: [at, at + size] };
    at += size;
  }
  const json = utf8(JSON.stringify(header));
  return bytes(u64(json.length), json, new Uint8Array(at));
}

/** GGUF v3 metadata values: `[type, value]` with gguf.md type ids. */
export type GgufValue = readonly [4, number] | readonly [8, string] | readonly [9, 8, readonly string[]] | readonly [10, number | bigint];

const ggufString = (s: string): Uint8Array => { const b = utf8(s); return bytes(u64(b.length), b); };

function ggufValue(v: GgufValue): Uint8Array {
  if (v[0] === 4) return u32(v[1]);
  if (v[0] === 8) return ggufString(v[1]);
  if (v[0] === 10) return u64(v[1]);
  return bytes(u32(v[1]), u64(v[2].length), v[2].map(ggufString));
}

/** A GGUF v3 file: header, KVs, tensor infos (F32), then zeroed tensor data aligned to 32 bytes (the default `general.alignment`). */
export function gguf(kvs: Record<string, GgufValue>, tensors: readonly { name: string; dims: number[] }[]): Uint8Array {
  const align = (n: number): number => Math.ceil(n / 32) * 32;
  const kvBytes = Object.entries(kvs).map(([k, v]) => bytes(ggufString(k), u32(v[0]), ggufValue(v)));
  let offset = 0;
  const infos = tensors.map((t) => {
    const info = bytes(ggufString(t.name), u32(t.dims.length), t.dims.map((d) => u64(d)), u32(0), u64(offset));
    offset = align(offset + t.dims.reduce((a, b) => a * b, 1) * 4);
    return info;
  });
  const header = bytes('GGUF', u32(3), u64(tensors.length), u64(kvBytes.length), kvBytes, infos);
  return bytes(header, new Uint8Array(align(header.length) - header.length), new Uint8Array(offset));
}

/** Protobuf encoding helpers (protobuf.dev encoding guide). */
export const pb = {
  varint(n: number | bigint): Uint8Array {
    let v = BigInt(n);
    const out: number[] = [];
    do {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      out.push(v > 0n ? b | 0x80 : b);
    } while (v > 0n);
    return Uint8Array.from(out);
  },
  int: (field: number, n: number | bigint) => bytes(pb.varint(field * 8), pb.varint(n)),
  len: (field: number, payload: Uint8Array | string) => {
    const b = typeof payload === 'string' ? utf8(payload) : payload;
    return bytes(pb.varint(field * 8 + 2), pb.varint(b.length), b);
  },
};

/** An ONNX ModelProto: one MatMul node, one 2x3 initializer, opsets, optional custom-domain node. */
export function onnx(opts: { customDomain?: string } = {}): Uint8Array {
  const node = (op: string, domain?: string) => pb.len(1, bytes(pb.len(1, 'x'), pb.len(2, 'y'), pb.len(4, op), domain ? pb.len(7, domain) : []));
  const init = pb.len(5, bytes(pb.int(1, 2), pb.int(1, 3), pb.int(2, 1), pb.len(8, 'W'), pb.len(9, new Uint8Array(24))));
  const graph = bytes(node('MatMul'), ...(opts.customDomain ? [node('Fancy', opts.customDomain)] : []), pb.len(2, 'tiny_graph'), init);
  const opsets = [pb.len(8, bytes(pb.len(1, ''), pb.int(2, 17))), ...(opts.customDomain ? [pb.len(8, bytes(pb.len(1, opts.customDomain), pb.int(2, 1)))] : [])];
  return bytes(pb.int(1, 8), pb.len(2, 'pytorch'), pb.len(3, '2.1.0'), pb.int(5, 1), pb.len(7, graph), ...opsets, pb.len(14, bytes(pb.len(1, 'author'), pb.len(2, 'me'))));
}

/** A `.npy` v1.0 file; the header is padded to a 64-byte boundary like numpy writes it. */
export function npy(descr: string, shape: number[], data: Uint8Array): Uint8Array {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const pad = 64 - ((10 + dict.length + 1) % 64);
  const header = `${dict}${' '.repeat(pad % 64)}\n`;
  return bytes(0x93, 'NUMPY', 1, 0, u16(header.length), header, data);
}

/** A TFLite-shaped FlatBuffer: root offset, `TFL3`, a vtable with version (field 0) and description (field 3). */
export function tflite(description: string): Uint8Array {
  // Layout: [0] root offset → table at 20; [4] "TFL3"; [8] vtable (size 12, table size 12, fields 0..3); [20] table.
  const vtable = bytes(u16(12), u16(12), u16(4), u16(0), u16(0), u16(8));
  const desc = utf8(description);
  const table = bytes(u32(20 - 8), u32(3), u32(4), u32(desc.length), desc, 0);
  return bytes(u32(20), 'TFL3', vtable, table);
}

/**
 * A virtual file of `size` bytes: `prefix`, then `pattern` repeated forever. Lets hostile tests
 * describe multi-gigabyte or endless inputs without allocating them.
 */
export function virtualFile(size: number, pattern: Uint8Array, prefix: Uint8Array = new Uint8Array(0)): ByteSource {
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = new Uint8Array(n);
      let i = 0;
      for (; i < n && offset + i < prefix.length; i++) out[i] = prefix[offset + i] as number;
      if (i >= n) return out;
      // Lay the pattern from its phase at this offset, then double the filled run (log n copies).
      const phase = (offset + i - prefix.length) % pattern.length;
      const first = Math.min(n - i, pattern.length - phase);
      out.set(pattern.subarray(phase, phase + first), i);
      let filled = first;
      if (filled < n - i) out.set(pattern.subarray(0, Math.min(phase, n - i - filled)), i + filled);
      filled = Math.min(n - i, pattern.length);
      while (filled < n - i) {
        const len = Math.min(filled, n - i - filled);
        out.copyWithin(i + filled, i, i + len);
        filled += len;
      }
      return out;
    },
  };
}

/** Wraps a source and counts the bytes read through it. */
export function counting(src: ByteSource): ByteSource & { readonly total: number } {
  let total = 0;
  return {
    size: src.size,
    read(offset, length) {
      const b = src.read(offset, length);
      total += b.length;
      return b;
    },
    get total() {
      return total;
    },
  };
}
