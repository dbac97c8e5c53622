/**
 * Pickle-family files (`.pkl .pickle .joblib .dill`, legacy PyTorch saves, `.npy` object arrays and
 * zip containers) turned into model-file attributes: the globals, the dangerous and unknown ones,
 * the risk. Loading any pickle runs code, so `executesCodeOnLoad` is always true and the risk at
 * least `medium`. joblib's gzip/zlib compression is undone under the pickle cap; xz/bz2/lz4 are not
 * read (a `not-supported` diagnostic says so).
 */
import { constants, gunzipSync, inflateSync } from 'node:zlib';
import type { Attributes } from '../../model/index.ts';
import { bytesOf, type ByteSource } from '../types.ts';
import type { ArchiveScan } from './archive.ts';
import { LIMITS, type RiskLevel } from './catalog.ts';
import { classifyGlobals, worstRisk } from './globals.ts';
import { cleanText, issueOf, type Issue, type ModelInfo } from './info.ts';
import { scanPickles } from './pickle.ts';

/** Legacy (pre-1.6) torch.save: a protocol-2 pickle of the magic number 0x1950a86a20f9469cfc6c. */
const LEGACY_TORCH = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

/** Compressions joblib writes (joblib/compressor.py prefixes). */
const COMPRESSIONS: readonly { name: string; test: (h: Uint8Array) => boolean; inflate?: typeof gunzipSync }[] = [
  { name: 'gzip', test: (h) => h[0] === 0x1f && h[1] === 0x8b, inflate: gunzipSync },
  { name: 'zlib', test: (h) => h[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(h[1] as number), inflate: inflateSync },
  { name: 'xz', test: (h) => h[0] === 0xfd && h[1] === 0x37 && h[2] === 0x7a && h[3] === 0x58 },
  { name: 'bz2', test: (h) => h[0] === 0x42 && h[1] === 0x5a && h[2] === 0x68 },
  { name: 'lz4', test: (h) => h[0] === 0x04 && h[1] === 0x22 && h[2] === 0x4d && h[3] === 0x18 },
];

/** True when the bytes start with a protocol 2-5 PROTO opcode (the only pickle "magic"). */
export function looksLikePickle(head: Uint8Array): boolean {
  return head[0] === 0x80 && (head[1] as number) >= 2 && (head[1] as number) <= 5;
}

/** Attributes shared by everything that embeds pickles. */
export function pickleAttributes(globals: readonly string[], protocol: number, pickles: number): Attributes {
  const verdict = classifyGlobals(globals);
  return {
    executesCodeOnLoad: true,
    riskLevel: verdict.risk,
    pickleProtocol: protocol,
    pickleCount: pickles,
    globals: verdict.globals.map(cleanText),
    dangerousGlobals: verdict.dangerous.map(cleanText),
    unknownGlobals: verdict.unknown.map(cleanText),
  };
}

/** One line for the evidence snippet. */
export function pickleSummary(label: string, a: Attributes): string {
  const n = (a.globals as readonly string[]).length;
  const bad = (a.dangerousGlobals as readonly string[]).length;
  return `${label} protocol ${String(a.pickleProtocol)}, ${n} global${n === 1 ? '' : 's'}${bad > 0 ? ` (${bad} dangerous)` : ''}`;
}

function decompress(src: ByteSource, head: Uint8Array): { src: ByteSource; compression?: string; issue?: Issue } {
  const c = COMPRESSIONS.find((x) => x.test(head));
  if (c === undefined) return { src };
  if (c.inflate === undefined) return { src, compression: c.name, issue: { code: 'not-supported', message: `${c.name}-compressed pickle: not decompressed, globals unknown` } };
  try {
    const input = src.read(0, Math.min(src.size, LIMITS.pickleBytes));
    const out = c.inflate(input, { maxOutputLength: LIMITS.pickleBytes, finishFlush: constants.Z_SYNC_FLUSH });
    return { src: bytesOf(out), compression: c.name };
  } catch (error) {
    return { src, compression: c.name, issue: issueOf(`${c.name}-compressed pickle`, error) };
  }
}

/** Scans a pickle file (possibly joblib-compressed, possibly a legacy torch save). */
export function readPickleFile(src: ByteSource): ModelInfo {
  const head = src.read(0, 16);
  const d = decompress(src, head);
  if (d.issue) {
    const attributes = { compression: d.compression ?? null, ...pickleAttributes([], 0, 0) };
    return { format: 'pickle', attributes, summary: `${d.compression ?? ''}-compressed pickle (not scanned)`, issues: [d.issue] };
  }
  const legacy = LEGACY_TORCH.every((b, i) => head[i] === b);
  const format = legacy ? 'pytorch-legacy' : 'pickle';
  const scan = scanPickles(d.src, 0, format);
  const issues = scan.issue ? [scan.issue] : [];
  if (scan.pickles === 0 && scan.globals.length === 0 && scan.ops <= 2) return { format, attributes: {}, summary: '', issues, notAModel: true };
  const attributes = { ...pickleAttributes(scan.globals, scan.protocol, scan.pickles), ...(d.compression ? { compression: d.compression } : {}) };
  return { format, attributes, summary: pickleSummary(format, attributes), issues };
}

/** Attributes of a zip container (PyTorch, Keras, npz, plain zip). */
export function archiveInfo(scan: ArchiveScan): ModelInfo {
  const format = { pytorch: 'pytorch-zip', torchscript: 'torchscript', keras: 'keras', npz: 'numpy-npz', zip: 'zip' }[scan.layout];
  const hasPickle = scan.pickleMembers > 0 || scan.pickles > 0 || scan.globals.length > 0 || scan.objectArrays.length > 0;
  const lambdas = typeof scan.keras.lambdaLayers === 'number' ? scan.keras.lambdaLayers : 0;
  const pickled = hasPickle ? pickleAttributes(scan.globals, scan.protocol, scan.pickles) : {};
  const risk = worstRisk(hasPickle ? (pickled.riskLevel as RiskLevel) : 'none', lambdas > 0 ? 'medium' : 'none');
  const attributes: Attributes = {
    ...pickled,
    ...scan.keras,
    executesCodeOnLoad: hasPickle || lambdas > 0,
    riskLevel: risk,
    ...(scan.members.length > 0 ? { members: scan.members.map(cleanText).sort() } : {}),
    ...(scan.objectArrays.length > 0 ? { objectArrays: scan.objectArrays.map(cleanText).sort() } : {}),
  };
  const summary = hasPickle ? pickleSummary(`${format} pickle`, attributes) : `${format}${lambdas > 0 ? `, ${lambdas} Lambda layer(s)` : ''}, ${scan.members.length} model member(s)`;
  return { format, attributes, summary, issues: scan.issues };
}
