/**
 * TensorFlow and friends, read shallowly:
 * - `.pb`: a SavedModel (`saved_model.pb`), its `keras_metadata.pb`, or a frozen GraphDef. The
 *   GraphDef shape is checked with the protobuf walker (top-level fields 1-4 only, a node with an
 *   op, not a FileDescriptorSet's `x.proto` file) so any other protobuf blob stays unreported. NodeDef op names `ReadFile`/`WriteFile`
 *   (modelscan SavedModelTensorflowOpScan, HIGH) and Keras `Lambda` layers (MEDIUM) are searched
 *   in the first `LIMITS.h5Scan` bytes.
 * - `.tflite`: FlatBuffer with file identifier `TFL3`; the schema version and description are read.
 * - `.mlmodel`: Core ML protobuf; `specificationVersion` (field 1) is read.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { LIMITS, TF_FILE_OPS } from './catalog.ts';
import { Cursor, latin1 } from './cursor.ts';
import { cleanText, type ModelInfo } from './info.ts';
import { LEN, ProtoReader, VARINT } from './protobuf.ts';

/** Op names as a NodeDef encodes them: field 2, wire type 2, length, name. */
const OP_PATTERNS = TF_FILE_OPS.map((op) => ({ op, bytes: `\x12${String.fromCharCode(op.length)}${op}` }));
const LAMBDA = /"class_name":\s*"Lambda"/g;

/** True when the file starts with a GraphDef node (field 1) whose op (NodeDef field 2) is an op name. */
function isGraphDef(src: ByteSource): boolean {
  try {
    const r = new ProtoReader(new Cursor(src));
    const first = r.next(r.c.end);
    if (first === null || first.num !== 1 || first.wire !== LEN) return false;
    const end = first.start + first.value;
    for (let i = 0, f = r.next(end); f !== null && i < 16; i++, f = r.next(end)) {
      if (f.num === 2 && f.wire === LEN) return /^[A-Za-z_][\w>.-]*$/.test(r.text(f, 128));
      // A FileDescriptorSet (`protoc --descriptor_set_out`) has the same outline: a file whose
      // name (field 1) ends in .proto, then its package (field 2). No node is named so.
      if (f.num === 1 && f.wire === LEN && /\.proto$/.test(r.text(f, 1024))) return false;
      r.skip(f);
    }
    return false;
  } catch {
    return false;
  }
}

/** True for a SavedModel proto: schema version 1 (field 1) then a MetaGraphDef (field 2) opening with field 1 or 2. */
function isSavedModel(src: ByteSource): boolean {
  try {
    const r = new ProtoReader(new Cursor(src));
    const version = r.next(r.c.end);
    const meta = r.next(r.c.end);
    if (version?.num !== 1 || version.wire !== VARINT || version.value !== 1 || meta?.num !== 2 || meta.wire !== LEN) return false;
    const inner = r.next(meta.start + meta.value);
    return inner !== null && (inner.num === 1 || inner.num === 2) && inner.wire === LEN;
  } catch {
    return false;
  }
}

/** The format of a `.pb` from its name and shape; undefined for any other protobuf. */
function pbFormat(src: ByteSource, fileName: string): string | undefined {
  if (fileName === 'saved_model.pb' || isSavedModel(src)) return 'tensorflow-savedmodel';
  if (fileName === 'keras_metadata.pb') return 'keras-savedmodel-metadata';
  return isGraphDef(src) ? 'tensorflow-graphdef' : undefined;
}

/** Reads a `.pb`: null when it is neither a SavedModel, Keras metadata nor a GraphDef. */
export function readTensorflowPb(src: ByteSource, fileName: string): ModelInfo | null {
  const format = pbFormat(src, fileName);
  if (format === undefined) return null;
  const text = latin1(src.read(0, LIMITS.h5Scan));
  const fileOps = OP_PATTERNS.filter((p) => text.includes(p.bytes)).map((p) => p.op);
  const lambdas = text.match(LAMBDA)?.length ?? 0;
  const attributes: Attributes = {
    executesCodeOnLoad: lambdas > 0,
    riskLevel: fileOps.length > 0 ? 'high' : lambdas > 0 ? 'medium' : 'none',
    fileOps,
    lambdaLayers: lambdas,
    ...(src.size > LIMITS.h5Scan ? { scannedBytes: LIMITS.h5Scan } : {}),
  };
  const notes = [...fileOps, ...(lambdas > 0 ? [`${lambdas} Lambda layer(s)`] : [])];
  return { format, attributes, summary: `${format}${notes.length > 0 ? `: ${notes.join(', ')}` : ''}`, issues: [] };
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16)) + (b[i + 3] as number) * 0x1000000;
}

/** Reads a TFLite FlatBuffer's version and description; null without the `TFL3` identifier. */
export function readTflite(src: ByteSource): ModelInfo | null {
  const b = src.read(0, Math.min(src.size, 1024 * 1024));
  if (latin1(b.subarray(4, 8)) !== 'TFL3') return null;
  const attributes: Attributes = {};
  const table = u32(b, 0);
  if (table + 4 > b.length) return { format: 'tflite', attributes, summary: 'TFLite', issues: [] };
  const vtable = table - (u32(b, table) | 0);
  const vsize = vtable >= 0 && vtable + 2 <= b.length ? u16(b, vtable) : 0;
  const field = (i: number): number => (4 + 2 * i + 2 <= vsize && vtable + 4 + 2 * i + 2 <= b.length ? u16(b, vtable + 4 + 2 * i) : 0);
  const version = field(0);
  if (version > 0 && table + version + 4 <= b.length) attributes.schemaVersion = u32(b, table + version);
  const desc = field(3);
  if (desc > 0 && table + desc + 4 <= b.length) {
    const at = table + desc + u32(b, table + desc);
    if (at + 4 <= b.length) attributes.description = cleanText(latin1(b.subarray(at + 4, Math.min(b.length, at + 4 + Math.min(u32(b, at), LIMITS.text)))));
  }
  return { format: 'tflite', attributes, summary: `TFLite schema ${String(attributes.schemaVersion ?? '?')}`, issues: [] };
}

/** Reads a Core ML model's specification version; null when the first field is not one. */
export function readCoreml(src: ByteSource): ModelInfo | null {
  try {
    const r = new ProtoReader(new Cursor(src, 0, Math.min(src.size, 64)));
    const f = r.next(r.c.end);
    if (f === null || f.num !== 1 || f.wire !== VARINT || f.value < 1 || f.value > 100) return null;
    return { format: 'coreml', attributes: { specificationVersion: f.value }, summary: `Core ML specification ${f.value}`, issues: [] };
  } catch {
    return null;
  }
}
