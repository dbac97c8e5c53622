/**
 * NumPy `.npy` headers (numpy/lib/format.py, NEP 1): magic `\x93NUMPY`, version, header length,
 * then a Python dict literal `{'descr': ..., 'fortran_order': ..., 'shape': (...)}`. An object
 * dtype (`|O`, also inside a structured dtype) means the data that follows is a pickle, which
 * `np.load(allow_pickle=True)` runs: the caller scans it. The dict is read with patterns, never
 * evaluated.
 */
import type { ByteSource } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { Cursor, LimitReached, Malformed, latin1 } from './cursor.ts';
import { cleanText } from './info.ts';

export interface NpyHeader {
  readonly version: string;
  readonly descr: string;
  readonly shape: number[];
  /** The array holds Python objects, stored as a pickle after the header. */
  readonly objectDtype: boolean;
  /** Where the array data (or the pickle) starts. */
  readonly dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** True when the bytes start with the .npy magic. */
export function isNpy(head: Uint8Array): boolean {
  return MAGIC.every((b, i) => head[i] === b);
}

/** Parses the header at `start` (0 for a file, a member offset inside an .npz). Throws on bad input. */
export function readNpyHeader(src: ByteSource): NpyHeader {
  const c = new Cursor(src);
  if (!isNpy(c.bytes(6))) throw new Malformed('no \\x93NUMPY magic');
  const major = c.u8();
  const minor = c.u8();
  if (major < 1 || major > 3) throw new Malformed(`unknown .npy version ${major}.${minor}`);
  const len = major === 1 ? c.u16() : c.u32();
  if (len > LIMITS.npyHeader) throw new LimitReached(`.npy header of ${len} bytes (cap ${LIMITS.npyHeader})`);
  const text = latin1(c.bytes(len));
  const descr = /['"]descr['"]\s*:\s*('[^']*'|"[^"]*"|\[.*\])\s*,\s*['"](?:fortran_order|shape)/s.exec(text)?.[1];
  const shape = /['"]shape['"]\s*:\s*\(([\d\s,L]*)\)/.exec(text)?.[1];
  if (!text.trimStart().startsWith('{') || descr === undefined || shape === undefined) throw new Malformed('header is not a {descr, fortran_order, shape} dict');
  return {
    version: `${major}.${minor}`,
    descr: cleanText(descr.replace(/^['"]|['"]$/g, '')),
    shape: shape.split(',').map((s) => s.replace('L', '').trim()).filter((s) => s !== '').map(Number),
    objectDtype: /['"][|<>=]?O\d*['"]/.test(descr),
    dataOffset: c.pos,
  };
}
