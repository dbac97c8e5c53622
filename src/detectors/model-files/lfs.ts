/**
 * Git LFS pointer files (git-lfs docs/spec.md): model repositories commonly keep weights in LFS, so
 * a checkout without `git lfs pull` holds a ~130-byte text pointer where the weights would be. The
 * pointer names the real size; the format is taken from the extension, and nothing more is known
 * (a pickle pointer still loads a pickle once pulled: it is rated `medium`). Ambiguous extensions
 * (`.bin`, `.zip`, `.h5`, `.npy`, `.npz`, `.dat`, `.pb`) are not reported from a pointer alone.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import type { Route } from './catalog.ts';
import { latin1 } from './cursor.ts';
import type { ModelInfo } from './info.ts';

const PREFIX = 'version https://git-lfs.github.com/spec/';
const MAX_POINTER = 1024;

/** Route → format reported for a pointer, and whether loading the real file runs code. */
const POINTER_FORMATS: Partial<Record<Route, { format: string; executes: boolean }>> = {
  safetensors: { format: 'safetensors', executes: false },
  gguf: { format: 'gguf', executes: false },
  onnx: { format: 'onnx', executes: false },
  pickle: { format: 'pickle', executes: true },
  torch: { format: 'pytorch', executes: true },
  keras: { format: 'keras', executes: false },
  tflite: { format: 'tflite', executes: false },
  coreml: { format: 'coreml', executes: false },
};

/** True when the file is an LFS pointer rather than content. */
export function isLfsPointer(head: Uint8Array): boolean {
  return latin1(head.subarray(0, PREFIX.length)) === PREFIX;
}

/** The pointer as a model file; null for ambiguous extensions or a malformed pointer. */
export function readLfsPointer(src: ByteSource, route: Route): ModelInfo | null {
  const known = POINTER_FORMATS[route];
  if (known === undefined || src.size > MAX_POINTER) return null;
  const text = latin1(src.read(0, MAX_POINTER));
  const size = /^size (\d{1,16})$/m.exec(text)?.[1];
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  if (size === undefined || oid === undefined) return null;
  const attributes: Attributes = {
    lfsPointer: true,
    lfsOid: `sha256:${oid}`,
    declaredSizeBytes: Number(size),
    executesCodeOnLoad: known.executes,
    riskLevel: known.executes ? 'medium' : 'none',
  };
  return { format: known.format, attributes, summary: `Git LFS pointer to a ${known.format} file of ${size} bytes (not pulled)`, issues: [] };
}
