/**
 * Keras models. A `.keras` file is a zip whose `config.json` describes the layers (read by the
 * archive walker and handed here); a legacy `.h5`/`.hdf5` is HDF5 whose `model_config` attribute
 * holds the same JSON. `Lambda` layers carry marshalled Python bytecode that runs on load
 * (modelscan `KerasLambdaDetectScan`/`H5LambdaDetectScan`). HDF5 is not parsed: its first
 * `LIMITS.h5Scan` bytes are searched for the Keras markers, which small attributes keep
 * uncompressed in object headers (best effort: a config stored elsewhere is missed). An HDF5 file
 * without Keras markers is a data file, not a model.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { latin1 } from './cursor.ts';
import { cleanText, type ModelInfo } from './info.ts';

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** Offsets where an HDF5 superblock may start (HDF5 spec: 0, 512, 1024, 2048, ...). */
const SUPERBLOCK_OFFSETS = [0, 512, 1024, 2048];
const LAMBDA = /"class_name":\s*"Lambda"/g;

/** True when an HDF5 superblock signature sits at one of the usual offsets. */
export function isHdf5(src: ByteSource): boolean {
  return SUPERBLOCK_OFFSETS.some((at) => {
    const b = src.read(at, 8);
    return HDF5_MAGIC.every((x, i) => b[i] === x);
  });
}

/** Counts `Lambda` layers and names the top-level model class in a Keras config. */
export function kerasConfigAttributes(config: unknown): Attributes {
  let lambdas = 0;
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64 || ++nodes > 1_000_000 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (o.class_name === 'Lambda') lambdas++;
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(config, 0);
  const top = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).class_name : undefined;
  return { ...(typeof top === 'string' ? { architecture: cleanText(top) } : {}), lambdaLayers: lambdas };
}

/** Keras version and backend from a `.keras` archive's metadata.json. */
export function kerasMetadataAttributes(meta: unknown): Attributes {
  if (typeof meta !== 'object' || meta === null) return {};
  const m = meta as Record<string, unknown>;
  return {
    ...(typeof m.keras_version === 'string' ? { kerasVersion: cleanText(m.keras_version) } : {}),
    ...(typeof m.backend === 'string' ? { backend: cleanText(m.backend) } : {}),
  };
}

/** Searches the first `LIMITS.h5Scan` bytes of an HDF5 file for Keras markers; null when none. */
export function readH5(src: ByteSource): ModelInfo | null {
  if (!isHdf5(src)) return null;
  const text = latin1(src.read(0, LIMITS.h5Scan));
  const hasConfig = text.includes('model_config');
  if (!hasConfig && !text.includes('keras_version') && !text.includes('layer_names')) return null;
  const lambdas = text.match(LAMBDA)?.length ?? 0;
  const top = /"class_name":\s*"(\w{1,64})"/.exec(text.slice(Math.max(0, text.indexOf('model_config'))))?.[1];
  const attributes: Attributes = {
    ...(hasConfig && top !== undefined ? { architecture: top } : {}),
    lambdaLayers: lambdas,
    executesCodeOnLoad: lambdas > 0,
    riskLevel: lambdas > 0 ? 'medium' : 'none',
    weightsOnly: !hasConfig,
    ...(src.size > LIMITS.h5Scan ? { scannedBytes: LIMITS.h5Scan } : {}),
  };
  const summary = `HDF5 Keras ${hasConfig ? 'model' : 'weights'}${lambdas > 0 ? `, ${lambdas} Lambda layer(s)` : ''}`;
  return { format: 'keras-h5', attributes, summary, issues: [] };
}
