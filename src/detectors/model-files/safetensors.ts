/**
 * safetensors (huggingface/safetensors README "Format"): an 8-byte little-endian header length N,
 * then N bytes of JSON `{ "<tensor>": {dtype, shape, data_offsets}, "__metadata__": {str: str} }`,
 * then raw tensor bytes (never read). The header is capped at `LIMITS.safetensorsHeader` (the
 * reference implementation caps it at 100 MB too). Loading safetensors runs no code.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { Cursor, LimitReached, Malformed, utf8 } from './cursor.ts';
import { cleanText, issueOf, type Issue, type ModelInfo } from './info.ts';

/** True when the first bytes look like a safetensors header (plausible length, then `{`). */
export function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 10) return false;
  const c = new Cursor({ size: head.length, read: (o, n) => head.subarray(o, o + n) });
  const lo = c.u32();
  const hi = c.u32();
  const len = hi * 0x100000000 + lo;
  return hi < 0x200000 && len >= 2 && len <= size - 8 && head[8] === 0x7b && (head[9] === 0x22 || head[9] === 0x7d || head[9] === 0x20);
}

interface TensorEntry {
  readonly dtype?: unknown;
  readonly shape?: unknown;
}

function summarize(header: Record<string, unknown>): Attributes {
  const dtypes = new Set<string>();
  let tensors = 0;
  let parameters = 0;
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__' || typeof value !== 'object' || value === null) continue;
    const t = value as TensorEntry;
    tensors++;
    if (typeof t.dtype === 'string') dtypes.add(cleanText(t.dtype.slice(0, 16)));
    if (Array.isArray(t.shape)) parameters += t.shape.reduce((n: number, d: unknown) => n * (typeof d === 'number' ? d : 0), 1);
  }
  const meta = header.__metadata__;
  const metadata = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
  const format = metadata.format;
  return {
    tensorCount: tensors,
    parameters,
    dtypes: [...dtypes].sort(),
    ...(Object.keys(metadata).length > 0 ? { metadataKeys: Object.keys(metadata).slice(0, 100).map(cleanText).sort() } : {}),
    ...(typeof format === 'string' ? { metadataFormat: cleanText(format.slice(0, 32)) } : {}),
  };
}

/** Reads a safetensors header. */
export function readSafetensors(src: ByteSource): ModelInfo {
  const base = { format: 'safetensors', issues: [] as Issue[] };
  try {
    const c = new Cursor(src);
    const len = c.u64();
    if (len > LIMITS.safetensorsHeader) throw new LimitReached(`header claims ${len} bytes (cap ${LIMITS.safetensorsHeader}); not read`);
    if (len > c.remaining) throw new Malformed(`header claims ${len} bytes but only ${c.remaining} follow`);
    const parsed: unknown = JSON.parse(utf8(c.bytes(len)));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Malformed('header is not a JSON object');
    const attributes = summarize(parsed as Record<string, unknown>);
    return { ...base, attributes, summary: `safetensors header: ${String(attributes.tensorCount)} tensors, ${String(attributes.parameters)} parameters` };
  } catch (error) {
    const issue = error instanceof SyntaxError ? { code: 'parse-failed' as const, message: `safetensors header: invalid JSON (${error.message})` } : issueOf('safetensors header', error);
    return { ...base, attributes: {}, summary: 'safetensors (header unreadable)', issues: [issue] };
  }
}
