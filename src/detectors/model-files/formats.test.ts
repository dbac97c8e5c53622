import { describe, expect, it } from 'vitest';
import { bytesOf, type ByteSource } from '../types.ts';
import { bytes, counting, gguf, npy, onnx, pb, pk, safetensors, tflite, u32, u64, virtualFile } from './__fixtures__/builders.ts';
import { detectModelFile } from './index.ts';

const run = (path: string, src: ByteSource) => detectModelFile({ scope: 's', path, content: '', bytes: src });
const detect = (path: string, data: Uint8Array) => run(path, bytesOf(data));
const attrs = (path: string, data: Uint8Array) => detect(path, data)?.assets[0]?.attributes;
const diags = (path: string, src: ByteSource) => (run(path, src)?.diagnostics ?? []).map((d) => [d.code, d.message]);

describe('safetensors', () => {
  it('reports tensors, parameters, dtypes and metadata keys from the JSON header', () => {
    const data = safetensors({ a: { dtype: 'F16', shape: [4, 8] }, b: { dtype: 'BF16', shape: [8] } }, { format: 'pt', note: 'x' });
    expect(attrs('m.safetensors', data)).toEqual({
      format: 'safetensors', sizeBytes: data.length, executesCodeOnLoad: false, riskLevel: 'none',
      tensorCount: 2, parameters: 40, dtypes: ['BF16', 'F16'], metadataKeys: ['format', 'note'], metadataFormat: 'pt',
    });
    expect(detect('m.safetensors', data)?.assets[0]?.evidence).toEqual([
      { path: 'm.safetensors', snippet: 'safetensors header: 2 tensors, 40 parameters', technique: 'model-header', confidence: 'declared', detector: 'model-files' },
    ]);
  });

  it('reads only the header of a 20 GB file', () => {
    const json = JSON.stringify({ w: { dtype: 'F16', shape: [1 << 20, 4096], data_offsets: [0, 2 ** 33] } });
    const head = bytes(u64(json.length), json);
    const src = counting(virtualFile(20 * 2 ** 30, bytes(0), head));
    expect(run('big.safetensors', src)?.assets[0]?.attributes.parameters).toBe(2 ** 32);
    expect(src.total).toBeLessThan(200_000);
  });

  it('hostile: a header claiming 10 GB is a limit-reached diagnostic, the file still listed', () => {
    const data = bytes(u64(10 * 2 ** 30), '{"a":1}');
    expect(diags('x.safetensors', bytesOf(data))).toEqual([['limit-reached', expect.stringMatching(/claims 10737418240 bytes/)]]);
    expect(attrs('x.safetensors', data)).toMatchObject({ format: 'safetensors' });
  });

  it('hostile: a header longer than the file, or not JSON, is parse-failed', () => {
    expect(diags('x.safetensors', bytesOf(bytes(u64(5000), '{}')))[0]?.[0]).toBe('parse-failed');
    expect(diags('x.safetensors', bytesOf(bytes(u64(3), '{"a')))[0]?.[1]).toMatch(/invalid JSON/);
  });
});

describe('GGUF', () => {
  const file = gguf(
    { 'general.architecture': [8, 'qwen2'], 'general.name': [8, 'Qwen2 0.5B'], 'general.basename': [8, 'Qwen2'], 'general.file_type': [4, 7], 'qwen2.context_length': [4, 32768], 'tokenizer.chat_template': [8, '{{ secret prompt }}'], 'tokenizer.ggml.tokens': [9, 8, ['a', 'b']], 'general.quantization_version': [4, 2] },
    [{ name: 't', dims: [4, 4] }, { name: 'u', dims: [4] }],
  );

  it('reports architecture, name, quantization, context length, chat-template presence and parameters', () => {
    expect(attrs('m.gguf', file)).toEqual({
      format: 'gguf', sizeBytes: file.length, executesCodeOnLoad: false, riskLevel: 'none', ggufVersion: 3, tensorCount: 2,
      architecture: 'qwen2', modelName: 'Qwen2 0.5B', basename: 'Qwen2', fileType: 7, quantization: 'Q8_0', contextLength: 32768,
      hasChatTemplate: true, quantizationVersion: 2, parameters: 20,
    });
    expect(JSON.stringify(detect('m.gguf', file))).not.toContain('secret prompt');
  });

  it('hostile: a truncated GGUF keeps what it read and says parse-failed', () => {
    const r = detect('m.gguf', file.subarray(0, 120));
    expect(r?.diagnostics.map((d) => [d.code, d.message])).toEqual([['parse-failed', expect.stringMatching(/truncated/)]]);
    expect(r?.assets[0]?.attributes).toMatchObject({ architecture: 'qwen2', ggufVersion: 3 });
  });

  it('hostile: a string length of 2^63 is malformed, not an allocation', () => {
    const data = bytes('GGUF', u32(3), u64(0), u64(1), u64(2n ** 63n), 'general.name');
    expect(diags('m.gguf', bytesOf(data))).toEqual([['parse-failed', expect.stringMatching(/too large/)]]);
  });

  it('hostile: an array claiming billions of items, an unknown type and a bad version are diagnostics', () => {
    const arr = bytes('GGUF', u32(3), u64(0), u64(1), u64(1), 'k', u32(9), u32(4), u64(2n ** 40n));
    expect(diags('m.gguf', bytesOf(arr))[0]?.[0]).toBe('limit-reached');
    expect(diags('m.gguf', bytesOf(bytes('GGUF', u32(3), u64(0), u64(1), u64(1), 'k', u32(99))))[0]?.[1]).toMatch(/unknown value type/);
    expect(diags('m.gguf', bytesOf(bytes('GGUF', u32(77), u64(0), u64(0))))[0]?.[1]).toMatch(/version 77/);
  });

  it('hostile: millions of KV pairs in a huge file stop at the header cap', () => {
    const kv = bytes(u64(1), 'k', u32(4), u32(1));
    const src = counting(virtualFile(2 ** 40, kv, bytes('GGUF', u32(3), u64(0), u64(2n ** 50n))));
    expect(diags('m.gguf', src)).toEqual([['limit-reached', expect.stringMatching(/larger than/)]]);
    expect(src.total).toBeLessThanOrEqual(64 * 1024 * 1024 + 65536);
  });

  it('a .gguf without the magic is a diagnostic only', () => {
    expect(detect('m.gguf', bytes('nope')) ).toMatchObject({ assets: [], diagnostics: [{ code: 'parse-failed' }] });
  });
});

describe('ONNX', () => {
  it('reports ir_version, producer, opsets, graph, parameters and custom-op domains', () => {
    expect(attrs('m.onnx', onnx({ customDomain: 'com.example.ops' }))).toMatchObject({
      format: 'onnx', irVersion: 8, producer: 'pytorch 2.1.0', modelVersion: 1, graphName: 'tiny_graph',
      opsets: ['ai.onnx:17', 'com.example.ops:1'], customOpDomains: ['com.example.ops'], nodeCount: 2, parameters: 6, metadataKeys: ['author'],
    });
  });

  it('reads packed dims and counts nothing for an initializer-free graph', () => {
    const init = pb.len(5, bytes(pb.len(1, bytes(pb.varint(3), pb.varint(5))), pb.len(9, new Uint8Array(60))));
    expect(attrs('m.onnx', bytes(pb.int(1, 9), pb.len(7, init)))).toMatchObject({ irVersion: 9, parameters: 15 });
    expect(attrs('m.onnx', bytes(pb.int(1, 9), pb.len(7, pb.len(2, 'g'))))).not.toHaveProperty('parameters');
  });

  it('hostile: a varint that never ends is parse-failed with no asset', () => {
    const r = run('m.onnx', virtualFile(2 ** 30, bytes(0xff), bytes(0x08)));
    expect(r).toMatchObject({ assets: [], diagnostics: [{ code: 'parse-failed', message: expect.stringMatching(/varint longer/) }] });
  });

  it('hostile: a length past the end and a group wire type are parse-failed', () => {
    expect(diags('m.onnx', bytesOf(bytes(pb.int(1, 8), 0x3a, pb.varint(10 ** 12)))) ).toEqual([['parse-failed', expect.stringMatching(/runs past/)]]);
    expect(diags('m.onnx', bytesOf(bytes(pb.int(1, 8), 0x0b)))[0]?.[1]).toMatch(/wire type 3/);
  });

  it('a file that is no protobuf at all yields only a diagnostic', () => {
    expect(detect('m.onnx', bytes('hello world, not onnx'))?.assets).toEqual([]);
  });
});

describe('NumPy', () => {
  it('plain numeric arrays are data, not models', () => {
    expect(detect('a.npy', npy('<f4', [2, 2], new Uint8Array(16)))).toBeNull();
  });

  it('an object array is a pickle: scanned and rated', () => {
    const evil = bytes(pk.proto(2), pk.global('os', 'system'), pk.su('id'), pk.tuple1, pk.reduce, pk.stop);
    expect(attrs('a.npy', npy('|O', [1], evil))).toMatchObject({ format: 'numpy', dtype: '|O', shape: [1], riskLevel: 'critical', dangerousGlobals: ['os.system'] });
  });

  it('hostile: malformed .npy headers are parse-failed with no asset', () => {
    for (const data of [bytes(0x93, 'NUMPY', 1, 0, 0xff, 0xff, '{'), bytes(0x93, 'NUMPY', 1, 0, 10, 0, "{'x': 1}  \n"), bytes(0x93, 'NUMPY', 9, 0), bytes(0x93, 'NUMPX')]) {
      expect(detect('a.npy', data)).toMatchObject({ assets: [], diagnostics: [{ code: 'parse-failed' }] });
    }
  });
});

describe('TensorFlow, TFLite, Core ML, Keras HDF5', () => {
  it('TFLite: schema version and description from the FlatBuffer', () => {
    expect(attrs('m.tflite', tflite('TOCO Converted.'))).toMatchObject({ format: 'tflite', schemaVersion: 3, description: 'TOCO Converted.' });
    expect(detect('m.tflite', bytes('not a flatbuffer'))).toBeNull();
  });

  it('Core ML: the specification version', () => {
    expect(attrs('m.mlmodel', bytes(pb.int(1, 4), pb.len(2, 'desc')))).toMatchObject({ format: 'coreml', specificationVersion: 4 });
    expect(detect('m.mlmodel', bytes('{"json": true}'))).toBeNull();
  });

  it('GraphDef .pb: file ops rated high, other protobufs ignored', () => {
    const node = (name: string, op: string) => pb.len(1, bytes(pb.len(1, name), pb.len(2, op)));
    expect(attrs('frozen.pb', bytes(node('c', 'Const'), node('r', 'ReadFile')))).toMatchObject({ format: 'tensorflow-graphdef', fileOps: ['ReadFile'], riskLevel: 'high' });
    expect(attrs('saved_model.pb', bytes(pb.int(1, 1)))).toMatchObject({ format: 'tensorflow-savedmodel', fileOps: [], riskLevel: 'none' });
    expect(detect('message.pb', bytes(pb.int(3, 150), pb.len(4, 'hi')))).toBeNull();
    // protoc --descriptor_set_out: file { name: "cline/common.proto", package: "cline" } has a GraphDef's outline.
    const descriptor = bytes(pb.len(1, bytes(pb.len(1, 'cline/common.proto'), pb.len(2, 'cline'))));
    expect(detect('proto/descriptor_set.pb', descriptor)).toBeNull();
  });

  it('Keras HDF5: model_config with a Lambda layer executes code on load', () => {
    const h5 = bytes(0x89, 'HDF\r\n', 0x1a, '\n', new Uint8Array(40), 'model_config', '{"class_name": "Functional", "config": {"layers": [{"class_name": "Lambda", "config": {}}]}}', 'keras_version');
    expect(attrs('m.h5', h5)).toMatchObject({ format: 'keras-h5', architecture: 'Functional', lambdaLayers: 1, executesCodeOnLoad: true, riskLevel: 'medium' });
    expect(detect('d.h5', bytes(0x89, 'HDF\r\n', 0x1a, '\n', 'just data'))).toBeNull();
  });
});

describe('.bin sniffing', () => {
  it('routes by magic bytes: pickle, GGUF, safetensors', () => {
    expect(attrs('pytorch_model.bin', bytes(pk.proto(2), pk.global('collections', 'OrderedDict'), pk.stop))).toMatchObject({ format: 'pickle' });
    expect(attrs('m.bin', gguf({}, []))).toMatchObject({ format: 'gguf' });
    expect(attrs('m.bin', safetensors({ a: { dtype: 'F32', shape: [1] } }))).toMatchObject({ format: 'safetensors' });
  });

  it('hostile: a .bin of random bytes is not a model and reads only its head', () => {
    let x = 42;
    const noise = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24));
    noise[0] = 0x13;
    const src = counting(bytesOf(noise));
    expect(run('firmware.bin', src)).toBeNull();
    expect(src.total).toBeLessThan(4096);
  });
});
