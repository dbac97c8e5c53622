import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { compilePatterns } from '../run.ts';
import { bytesOf } from '../types.ts';
import { FIXTURE_FILES } from './__fixtures__/generate.ts';
import { modelFilesDetector } from './index.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Runs the binary detector over a folder the way the local connector does: matching paths, bytes through a ByteSource. */
function detectBinaryTree(root: string): { assets: Asset[]; diagnostics: unknown[] } {
  const matches = compilePatterns(modelFilesDetector.patterns);
  const out = { assets: [] as Asset[], diagnostics: [] as unknown[] };
  for (const full of walk(root, [])) {
    const path = relative(root, full).split(sep).join('/');
    if (!matches(path)) continue;
    const found = modelFilesDetector.detect({ scope: 'fixture', path, content: '', bytes: bytesOf(readFileSync(full)) });
    out.assets.push(...(found?.assets ?? []));
    out.diagnostics.push(...(found?.diagnostics ?? []));
  }
  return out;
}

describe('model-files detector on fixtures', () => {
  it('the committed fixture bytes are exactly what the generator builds', () => {
    for (const [path, content] of Object.entries(FIXTURE_FILES)) expect(new Uint8Array(readFileSync(join(fixtures, path))), path).toEqual(content);
  });

  it('model-files: every format found, the Modelfile references resolved', () => {
    const r = detectBinaryTree(join(fixtures, 'model-files'));
    expect(r.diagnostics).toEqual([]);
    expect(r.assets.map((a) => `${a.kind} ${a.name} ${String(a.attributes.format ?? '')}`).sort()).toEqual([
      'model llama3.1:8b ',
      'model-file keras/tiny.keras keras',
      'model-file models/state_dict.pt pytorch-zip',
      'model-file models/tiny.gguf ',
      'model-file models/tiny.gguf gguf',
      'model-file models/tiny.onnx onnx',
      'model-file models/tiny.safetensors safetensors',
      'model-file models/weights.pkl pickle',
      'model-file tflite/tiny.tflite tflite',
    ]);
    const gguf = r.assets.filter((a) => a.name === 'models/tiny.gguf');
    expect(new Set(gguf.map((a) => a.id)).size).toBe(1);
    expect(r.assets.find((a) => a.name === 'models/weights.pkl')?.attributes).toEqual({
      format: 'pickle', sizeBytes: 15, executesCodeOnLoad: true, riskLevel: 'medium', pickleProtocol: 2, pickleCount: 1, globals: [], dangerousGlobals: [], unknownGlobals: [],
    });
  });

  it('negative controls (all areas, model-files traps included): nothing at all', () => {
    expect(detectBinaryTree(join(fixtures, 'negative-controls'))).toEqual({ assets: [], diagnostics: [] });
  });
});
