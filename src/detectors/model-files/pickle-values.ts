/**
 * The values the abstract pickle machine tracks: strings (to resolve STACK_GLOBAL), imported
 * globals, small ints, small tuples and dicts, and objects built from a global (REDUCE/NEWOBJ)
 * with their BUILD state. Nothing is ever constructed for real: an "object" is only a record of
 * which global would have been called. The one consumer of object state is joblib, which writes
 * raw array bytes inline right after a `NumpyArrayWrapper` is built (joblib numpy_pickle.py
 * `NumpyArrayWrapper.write_array`): their length is computed here so the scan can step over them.
 */
import { Malformed } from './cursor.ts';

export type Val =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'global'; readonly v: string }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'tuple'; readonly v: readonly Val[] }
  | { readonly k: 'dict'; readonly v: Map<string, Val> }
  | { readonly k: 'obj'; readonly cls: string; readonly args: Val; state: Val }
  | { readonly k: 'other' };

export const OTHER: Val = { k: 'other' };

/** Entries kept in a tracked tuple or dict; bigger ones are not needed (and not kept). */
export const MAX_TRACKED = 64;

/** The global a value names, or `?` when it is not a literal string. */
export function strOf(v: Val | undefined): string {
  return v?.k === 'str' ? v.v : '?';
}

/** Little-endian two's-complement bytes (LONG1) as a number, when small enough to matter. */
export function longOf(b: Uint8Array): Val {
  if (b.length === 0) return { k: 'int', v: 0 };
  if (b.length > 6) return OTHER;
  let v = 0;
  for (let i = b.length - 1; i >= 0; i--) v = v * 256 + (b[i] as number);
  if ((b[b.length - 1] as number) & 0x80) v -= 2 ** (8 * b.length);
  return { k: 'int', v };
}

export const JOBLIB_WRAPPER = 'joblib.numpy_pickle.NumpyArrayWrapper';

/** Where the inline array of a joblib wrapper is, relative to the BUILD that completed it. */
export type JoblibArray = { readonly kind: 'pickle' } | { readonly kind: 'raw'; readonly bytes: number; readonly padded: boolean };

/** Bytes per item of a numpy dtype built as `numpy.dtype(code, ...)` with BUILD state `(3, order, ..., elsize, ...)`. */
function itemSize(dtype: Val | undefined): number | 'object' {
  if (dtype?.k !== 'obj' || dtype.cls !== 'numpy.dtype' || dtype.args.k !== 'tuple') throw new Malformed('joblib array without a numpy.dtype');
  const code = strOf(dtype.args.v[0]);
  if (/^[|<>=]?O/.test(code)) return 'object';
  const elsize = dtype.state.k === 'tuple' ? dtype.state.v[5] : undefined;
  if (elsize?.k === 'int' && elsize.v > 0) return elsize.v;
  const m = /^[|<>=]?[a-zA-Z?](\d+)$/.exec(code);
  if (m?.[1] !== undefined) return Number(m[1]);
  if (/^[|<>=]?[?b]$/.test(code)) return 1;
  throw new Malformed(`joblib array of dtype ${code.slice(0, 16)}`);
}

/** The inline array a completed `NumpyArrayWrapper` announces (its BUILD state dict). */
export function joblibArray(state: Val): JoblibArray {
  if (state.k !== 'dict') throw new Malformed('joblib NumpyArrayWrapper state is not a dict');
  const size = itemSize(state.v.get('dtype'));
  if (size === 'object') return { kind: 'pickle' };
  const shape = state.v.get('shape');
  if (shape?.k !== 'tuple') throw new Malformed('joblib array without a shape');
  let count = 1;
  for (const d of shape.v) {
    if (d.k !== 'int' || d.v < 0) throw new Malformed('joblib array shape is not ints');
    count *= d.v;
  }
  const align = state.v.get('numpy_array_alignment_bytes');
  return { kind: 'raw', bytes: count * size, padded: align?.k === 'int' };
}
