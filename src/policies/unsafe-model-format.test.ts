import { describe, expect, it } from 'vitest';
import type { Attributes } from '../model/index.ts';
import { asset, context, inventory } from './__fixtures__/build.ts';
import { unsafeModelFormat } from './unsafe-model-format.ts';

const file = (name: string, attrs: Attributes) => asset('model-file', name, attrs, { evidence: [{ path: name, snippet: 'header', technique: 'model-header', confidence: 'declared', detector: 'model-files' }] });
const run = (attrs: Attributes) => unsafeModelFormat.evaluate(context(inventory([file('m/x.bin', attrs)])));

describe('unsafe-model-format', () => {
  it('rates a pickle with dangerous globals critical and names them', () => {
    const [f] = run({ format: 'pickle', executesCodeOnLoad: true, riskLevel: 'critical', dangerousGlobals: ['builtins.exec', 'os.system'] });
    expect(f?.severity).toBe('critical');
    expect(f?.detail).toBe('It imports dangerous globals: builtins.exec, os.system.');
    expect(f?.evidence[0]?.path).toBe('m/x.bin');
  });

  it('rates any other pickle medium, network globals and Keras Lambda layers high', () => {
    expect(run({ format: 'pytorch-zip', executesCodeOnLoad: true, riskLevel: 'medium', dangerousGlobals: [] })[0]?.severity).toBe('medium');
    expect(run({ format: 'pickle', executesCodeOnLoad: true, riskLevel: 'high', dangerousGlobals: ['requests.api.get'] })[0]?.severity).toBe('high');
    const [keras] = run({ format: 'keras', executesCodeOnLoad: true, riskLevel: 'high', lambdaLayers: 2 });
    expect(keras?.severity).toBe('high');
    expect(keras?.detail).toContain('2 Lambda layer(s)');
  });

  it('mentions LFS pointers, whose bytes were not scanned', () => {
    expect(run({ format: 'pickle', executesCodeOnLoad: true, riskLevel: 'medium', lfsPointer: true })[0]?.detail).toContain('Git LFS pointer');
  });

  it('leaves safe formats alone (safetensors, GGUF, ONNX, Keras without Lambda)', () => {
    for (const format of ['safetensors', 'gguf', 'onnx', 'keras']) expect(run({ format, executesCodeOnLoad: false, riskLevel: 'none' })).toEqual([]);
  });
});
