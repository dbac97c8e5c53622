/**
 * Picks the parser for a file: the extension names a route (`catalog.ts` FORMATS), the magic bytes
 * decide (a `.pt` that is a zip is a PyTorch archive, one that starts with PROTO is a legacy
 * pickle; a `.bin` is whatever its bytes say, and nothing when they say nothing known).
 */
import type { ByteSource } from '../types.ts';
import { scanArchive } from './archive.ts';
import { FORMATS, type Route } from './catalog.ts';
import { isGguf, readGguf } from './gguf.ts';
import { issueOf, type ModelInfo } from './info.ts';
import { isHdf5, readH5 } from './keras.ts';
import { isLfsPointer, readLfsPointer } from './lfs.ts';
import { isNpy, readNpyHeader } from './numpy.ts';
import { readOnnx } from './onnx.ts';
import { archiveInfo, looksLikePickle, pickleAttributes, pickleSummary, readPickleFile } from './pickle-file.ts';
import { scanPickles } from './pickle.ts';
import { looksLikeSafetensors, readSafetensors } from './safetensors.ts';
import { readCoreml, readTensorflowPb, readTflite } from './tensorflow.ts';
import { looksLikeZip } from './zip.ts';

const BY_EXT = new Map<string, Route>(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f.route] as const)));

/** The route for a file name, or undefined when the extension is not a model format. */
export function routeOf(fileName: string): Route | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? undefined : BY_EXT.get(fileName.slice(dot + 1).toLowerCase());
}

/** `.npy`: header, and the pickle behind an object dtype. Plain numeric arrays are data, not models. */
function readNumpy(src: ByteSource): ModelInfo | null {
  try {
    const h = readNpyHeader(src);
    if (!h.objectDtype) return null;
    const scan = scanPickles({ size: src.size - h.dataOffset, read: (o, n) => src.read(h.dataOffset + o, n) }, 0, 'numpy object array');
    const attributes = { npyVersion: h.version, dtype: h.descr, shape: h.shape, ...pickleAttributes(scan.globals, scan.protocol, scan.pickles) };
    return { format: 'numpy', attributes, summary: pickleSummary('numpy object array, pickle', attributes), issues: scan.issue ? [scan.issue] : [] };
  } catch (error) {
    return { format: 'numpy', attributes: {}, summary: '', issues: [issueOf('.npy header', error)], notAModel: true };
  }
}

/**
 * Zip containers: reported when the layout is a model's or the zip holds model members. An `.npz`
 * of plain numeric arrays is data (like a plain `.npy`): reported only when it holds pickles.
 */
function readZip(src: ByteSource, always: boolean): ModelInfo | null {
  const scan = scanArchive(src);
  if (scan === null) return always ? { format: 'zip', attributes: {}, summary: '', issues: [{ code: 'parse-failed', message: 'zip archive: no end-of-central-directory record' }], notAModel: true } : null;
  const plainData = scan.layout === 'npz' && scan.objectArrays.length === 0 && scan.members.length === 0;
  if (plainData || (!always && scan.layout === 'zip' && scan.members.length === 0)) {
    // Not a model archive, unless the part left unread (a cap, a broken directory) hid one: say so.
    return scan.issues.length === 0 ? null : { format: 'zip', attributes: {}, summary: '', issues: scan.issues, notAModel: true };
  }
  return archiveInfo(scan);
}

/** Decides from the magic bytes alone; null when they match nothing known. */
function sniff(src: ByteSource, head: Uint8Array): ModelInfo | null {
  if (looksLikeZip(head)) return readZip(src, true);
  if (looksLikePickle(head)) return readPickleFile(src);
  if (isGguf(head)) return readGguf(src);
  if (isNpy(head)) return readNumpy(src);
  if (looksLikeSafetensors(head, src.size)) return readSafetensors(src);
  if (isHdf5(src)) return readH5(src);
  return null;
}

/** Runs the parser a file's route and bytes call for; null when the file is not a model. */
export function readModel(src: ByteSource, fileName: string, route: Route): ModelInfo | null {
  const head = src.read(0, 48);
  if (isLfsPointer(head)) return readLfsPointer(src, route);
  switch (route) {
    case 'safetensors': return readSafetensors(src);
    case 'gguf': return isGguf(head) ? readGguf(src) : { format: 'gguf', attributes: {}, summary: '', issues: [{ code: 'parse-failed', message: 'GGUF header: no GGUF magic' }], notAModel: true };
    case 'onnx': return readOnnx(src);
    case 'pickle': return /\.(?:dat|data)$/i.test(fileName) && !looksLikePickle(head) ? null : readPickleFile(src);
    case 'numpy': return readNumpy(src);
    case 'npz': return readZip(src, true);
    case 'keras': return readZip(src, true);
    case 'zip': return readZip(src, false);
    case 'h5': return readH5(src);
    case 'tflite': return readTflite(src);
    case 'coreml': return readCoreml(src);
    case 'pb': return readTensorflowPb(src, fileName);
    case 'torch': case 'sniff': return sniff(src, head);
  }
}
