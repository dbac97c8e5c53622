import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree } from '../../../test/helpers/detect-tree.ts';
import { FIXTURE_FILES } from './__fixtures__/generate.ts';
import { modelFilesDetector } from './index.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

const detectBinaryTree = (root: string) => detectTree(root, modelFilesDetector);

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
    expect(detectBinaryTree(join(fixtures, 'negative-controls'))).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
