/**
 * GGUF (ggml-org/ggml docs/gguf.md): magic `GGUF`, uint32 version, tensor and KV counts (uint32 in
 * v1, uint64 after), the metadata key/values, then the tensor infos (name, dims, type, offset).
 * Read with a bounded parser: strings are kept only for the keys we report (and cut), arrays are
 * walked without being kept, every length is checked against what the file holds, and the whole
 * header region is capped. `tokenizer.chat_template` is recorded as present, never copied.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { GGUF_FILE_TYPES, LIMITS } from './catalog.ts';
import { Cursor, LimitReached, Malformed, Truncated, utf8 } from './cursor.ts';
import { cleanText, issueOf, type Issue, type ModelInfo } from './info.ts';

/** Value type ids (gguf.md `gguf_metadata_value_type`) → fixed byte width; strings (8) and arrays (9) vary. */
const WIDTH: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

/** Keys reported, GGUF key → attribute name. */
const REPORTED: Readonly<Record<string, string>> = {
  'general.architecture': 'architecture',
  'general.name': 'modelName',
  'general.basename': 'basename',
  'general.size_label': 'sizeLabel',
  'general.quantization_version': 'quantizationVersion',
  'general.file_type': 'fileType',
};

/** True when the bytes start with the GGUF magic. */
export function isGguf(head: Uint8Array): boolean {
  return head[0] === 0x47 && head[1] === 0x47 && head[2] === 0x55 && head[3] === 0x46;
}

class GgufReader {
  items = 0;
  readonly c: Cursor;
  readonly v1: boolean;

  constructor(c: Cursor, v1: boolean) {
    this.c = c;
    this.v1 = v1;
  }

  count(): number {
    return this.v1 ? this.c.u32() : this.c.u64();
  }

  /** Reads a string, keeping at most `keep` bytes of it. */
  string(keep: number): string {
    const len = this.count();
    if (len > this.c.remaining) throw new Truncated(`string of ${len} bytes at offset ${this.c.pos} runs past the end`);
    const kept = utf8(this.c.bytes(Math.min(len, keep)));
    this.c.skip(len - Math.min(len, keep));
    return kept;
  }

  /** Reads a value; numbers, booleans and short strings are returned, arrays skipped. */
  value(type: number, keep: number, depth = 0): number | string | boolean | undefined {
    if (type === STRING) return this.string(keep);
    if (type === ARRAY) return this.skipArray(depth);
    const width = WIDTH[type];
    if (width === undefined) throw new Malformed(`unknown value type ${type}`);
    const c = this.c;
    switch (type) {
      case 0: case 1: return c.u8();
      case 7: return c.u8() !== 0;
      case 2: case 3: return c.u16();
      case 4: return c.u32();
      case 5: return c.i32();
      case 10: case 11: { const lo = c.u32(); const hi = c.u32(); return hi * 0x100000000 + lo; }
      default: c.skip(width); return undefined;
    }
  }

  private skipArray(depth: number): undefined {
    if (depth >= 3) throw new Malformed('arrays nested deeper than 3');
    const type = this.c.u32();
    const n = this.count();
    this.items += n;
    if (this.items > LIMITS.ggufArrayItems) throw new LimitReached(`more than ${LIMITS.ggufArrayItems} array items in the metadata`);
    const width = WIDTH[type];
    if (width !== undefined) {
      if (n * width > this.c.remaining) throw new Truncated(`array of ${n} items runs past the end`);
      this.c.skip(n * width);
      return undefined;
    }
    if (type !== STRING && type !== ARRAY) throw new Malformed(`unknown array item type ${type}`);
    for (let i = 0; i < n; i++) this.value(type, 0, depth + 1);
    return undefined;
  }
}

function readKvs(r: GgufReader, n: number, out: Attributes): void {
  const contexts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = r.string(LIMITS.text);
    const type = r.c.u32();
    const attr = REPORTED[key];
    const value = r.value(type, attr === undefined ? 0 : LIMITS.text);
    if (key === 'tokenizer.chat_template') out.hasChatTemplate = true;
    if (key.endsWith('.context_length') && typeof value === 'number') contexts.set(key.slice(0, -'.context_length'.length), value);
    if (attr !== undefined && value !== undefined) out[attr] = typeof value === 'string' ? cleanText(value) : value;
  }
  const arch = typeof out.architecture === 'string' ? contexts.get(out.architecture) : undefined;
  if (arch !== undefined) out.contextLength = arch;
  if (typeof out.fileType === 'number' && GGUF_FILE_TYPES[out.fileType] !== undefined) out.quantization = GGUF_FILE_TYPES[out.fileType] as string;
}

function readTensorInfos(r: GgufReader, n: number): number {
  if (n > LIMITS.ggufTensors) throw new LimitReached(`${n} tensors (cap ${LIMITS.ggufTensors}); tensor infos not read`);
  let parameters = 0;
  for (let i = 0; i < n; i++) {
    r.string(0);
    const dims = r.c.u32();
    if (dims > 8) throw new Malformed(`tensor with ${dims} dimensions`);
    let count = 1;
    for (let d = 0; d < dims; d++) count *= r.v1 ? r.c.u32() : r.c.u64();
    r.c.skip(r.v1 ? 4 : 12);
    parameters += count;
  }
  return parameters;
}

/** Reads a GGUF header: metadata and tensor infos, never tensor data. */
export function readGguf(src: ByteSource): ModelInfo {
  const attributes: Attributes = {};
  const issues: Issue[] = [];
  const end = Math.min(src.size, LIMITS.ggufHeader);
  const c = new Cursor(src, 0, end);
  try {
    c.skip(4);
    const version = c.u32();
    attributes.ggufVersion = version;
    if (version < 1 || version > 3) throw new Malformed(`unknown GGUF version ${version}`);
    const r = new GgufReader(c, version === 1);
    attributes.tensorCount = r.count();
    const kvs = r.count();
    readKvs(r, kvs, attributes);
    attributes.parameters = readTensorInfos(r, attributes.tensorCount);
  } catch (error) {
    issues.push(error instanceof Truncated && end < src.size
      ? { code: 'limit-reached', message: `GGUF header: larger than ${LIMITS.ggufHeader} bytes; the rest was not read` }
      : issueOf('GGUF header', error));
  }
  const parts = [typeof attributes.architecture === 'string' ? attributes.architecture : undefined, typeof attributes.quantization === 'string' ? attributes.quantization : undefined].filter(Boolean);
  return { format: 'gguf', attributes, summary: `GGUF v${String(attributes.ggufVersion ?? '?')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`, issues };
}
