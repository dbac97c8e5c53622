import { describe, expect, it } from 'vitest';
import { compilePatterns } from '../run.ts';
import { bytesOf } from '../types.ts';
import { benignPickle, bytes } from './__fixtures__/builders.ts';
import { detectModelFile, modelFilesDetector } from './index.ts';

describe('modelFilesDetector', () => {
  it('is a binary detector whose patterns take model extensions and Modelfiles only', () => {
    expect(modelFilesDetector).toMatchObject({ id: 'model-files', binary: true });
    const matches = compilePatterns(modelFilesDetector.patterns);
    const wanted = ['a/b/model.safetensors', 'x.gguf', 'm.onnx', 'w.pkl', 'w.pickle', 'j.joblib', 'd.dill', 'p.pt', 'p.pth', 'b.bin', 'c.ckpt', 'a.npy', 'a.npz', 'm.h5', 'm.hdf5', 'm.keras', 'm.tflite', 'm.mlmodel', 'saved_model.pb', 'w.zip', 'deploy/Modelfile', '.hidden/x.gguf'];
    expect(wanted.filter((p) => !matches(p))).toEqual([]);
    expect(['model.py', 'weights.json', 'Modelfile.md', 'README.md', 'binary', 'gguf'].filter((p) => matches(p))).toEqual([]);
  });

  it('returns null without bytes, for empty files and for unknown extensions', () => {
    expect(detectModelFile({ scope: 's', path: 'w.pkl', content: 'x' })).toBeNull();
    expect(detectModelFile({ scope: 's', path: 'w.pkl', content: '', bytes: bytesOf(new Uint8Array(0)) })).toBeNull();
    expect(detectModelFile({ scope: 's', path: 'w.txt', content: '', bytes: bytesOf(benignPickle()) })).toBeNull();
  });

  it('keys the asset by the repo-relative path, stable across scans', () => {
    const a = detectModelFile({ scope: 'repo', path: 'm/w.pkl', content: '', bytes: bytesOf(benignPickle()) })?.assets[0];
    const b = detectModelFile({ scope: 'repo', path: 'm/w.pkl', content: '', bytes: bytesOf(benignPickle()) })?.assets[0];
    expect([a?.kind, a?.name, a?.id === b?.id]).toEqual(['model-file', 'm/w.pkl', true]);
  });

  it('.dat/.data are read only when they start like a pickle; a .pkl that is not one is a diagnostic', () => {
    expect(detectModelFile({ scope: 's', path: 'x.dat', content: '', bytes: bytesOf(bytes('plain records')) })).toBeNull();
    expect(detectModelFile({ scope: 's', path: 'x.dat', content: '', bytes: bytesOf(benignPickle()) })?.assets).toHaveLength(1);
    expect(detectModelFile({ scope: 's', path: 'x.pkl', content: '', bytes: bytesOf(bytes('{"json": 1}')) })).toMatchObject({ assets: [], diagnostics: [{ code: 'parse-failed', location: { path: 'x.pkl' } }] });
  });

  it('joblib gzip/zlib pickles are decompressed and scanned; xz is not-supported', async () => {
    const { gzipSync, deflateSync } = await import('node:zlib');
    const evil = bytes(0x80, 2, 'c', 'os\nsystem\n', 0x2e);
    expect(detectModelFile({ scope: 's', path: 'm.joblib', content: '', bytes: bytesOf(gzipSync(evil)) })?.assets[0]?.attributes).toMatchObject({ compression: 'gzip', riskLevel: 'critical' });
    expect(detectModelFile({ scope: 's', path: 'm.joblib', content: '', bytes: bytesOf(deflateSync(evil)) })?.assets[0]?.attributes).toMatchObject({ compression: 'zlib', dangerousGlobals: ['os.system'] });
    const xz = detectModelFile({ scope: 's', path: 'm.joblib', content: '', bytes: bytesOf(bytes(0xfd, '7zXZ', 0, 'rest')) });
    expect([xz?.assets[0]?.attributes.riskLevel, xz?.diagnostics[0]?.code]).toEqual(['medium', 'not-supported']);
  });

  it('hostile: a gzip bomb posing as a joblib pickle stops at the pickle cap', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = detectModelFile({ scope: 's', path: 'm.joblib', content: '', bytes: bytesOf(gzipSync(new Uint8Array(80 * 1024 * 1024))) });
    expect(r?.diagnostics.map((d) => d.code)).toEqual(['limit-reached']);
  });
});

describe('Git LFS pointers', () => {
  const pointer = (size: number) => bytes(`version https://git-lfs.github.com/spec/v1\noid sha256:${'ab'.repeat(32)}\nsize ${size}\n`);
  const run = (path: string, data: Uint8Array) => detectModelFile({ scope: 's', path, content: '', bytes: bytesOf(data) });

  it('a pointer where weights should be is listed with the declared size, no diagnostic', () => {
    expect(run('model.safetensors', pointer(4_965_799_096))).toMatchObject({
      assets: [{ attributes: { format: 'safetensors', lfsPointer: true, declaredSizeBytes: 4_965_799_096, riskLevel: 'none', executesCodeOnLoad: false, lfsOid: `sha256:${'ab'.repeat(32)}` } }],
      diagnostics: [],
    });
    expect(run('model.pt', pointer(10))?.assets[0]?.attributes).toMatchObject({ format: 'pytorch', executesCodeOnLoad: true, riskLevel: 'medium' });
  });

  it('ambiguous extensions and broken pointers are not reported', () => {
    expect(run('pytorch_model.bin', pointer(10))).toBeNull();
    expect(run('model.gguf', bytes('version https://git-lfs.github.com/spec/v1\nsize 12\n'))).toBeNull();
  });
});

describe('secrets in hostile names', () => {
  it('a key-shaped module name or zip member name never reaches attributes, snippets or diagnostics', async () => {
    const { pk, zip } = await import('./__fixtures__/builders.ts');
    const key = ['sk', 'proj', 'A1b2C3d4E5f6G7h8I9j0K1l2'].join('-');
    const evil = bytes(pk.proto(2), pk.global(key, 'x'), pk.stop);
    const inZip = zip([{ name: `archive/${key}.pkl`, data: evil }, { name: 'archive/data.pkl', data: bytes(0x80, 2, 0xff) }]);
    for (const [path, data] of [['a.pkl', evil], ['b.pt', inZip]] as const) {
      const text = JSON.stringify(detectModelFile({ scope: 's', path, content: '', bytes: bytesOf(data) }));
      expect(text).not.toContain(key);
      expect(text).toContain('[redacted]');
    }
  });
});
