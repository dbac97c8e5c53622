import { describe, expect, it } from 'vitest';
import { bytesOf } from '../types.ts';
import { benignPickle, bytes, npy, pk, u32, zip, zipDirectoryOnly, type ZipMember } from './__fixtures__/builders.ts';
import { layoutOf } from './archive.ts';
import { detectModelFile } from './index.ts';
import { readZipDirectory } from './zip.ts';

const detect = (path: string, data: Uint8Array) => detectModelFile({ scope: 's', path, content: '', bytes: bytesOf(data) });
const attrs = (path: string, data: Uint8Array) => detect(path, data)?.assets[0]?.attributes;
const diags = (path: string, data: Uint8Array) => (detect(path, data)?.diagnostics ?? []).map((d) => [d.code, d.message]);
const evilPickle = bytes(pk.proto(2), pk.global('posix', 'system'), pk.su('id'), pk.tuple1, pk.reduce, pk.stop);
const torch = (pkl: Uint8Array, extra: ZipMember[] = []) => zip([{ name: 'archive/data.pkl', data: pkl }, { name: 'archive/data/0', data: new Uint8Array(16) }, { name: 'archive/version', data: bytes('3\n') }, ...extra]);

describe('zip reader', () => {
  it('reads stored and deflated entries, and a ZIP64 end record', () => {
    const members = [{ name: 'a.txt', data: bytes('x') }, { name: 'b/c.pkl', data: benignPickle(), deflate: true }];
    expect(readZipDirectory(bytesOf(zip(members)), 'z')?.entries.map((e) => [e.name, e.method])).toEqual([['a.txt', 0], ['b/c.pkl', 8]]);
    expect(readZipDirectory(bytesOf(zip(members, { zip64: true })), 'z')?.entries.map((e) => e.name)).toEqual(['a.txt', 'b/c.pkl']);
    expect(readZipDirectory(bytesOf(bytes('not a zip at all')), 'z')).toBeNull();
  });

  it('names layouts from member names', () => {
    expect(layoutOf(['archive/data.pkl', 'archive/data/0'])).toBe('pytorch');
    expect(layoutOf(['m/data.pkl', 'm/code/__torch__/m.py', 'm/constants.pkl'])).toBe('torchscript');
    expect(layoutOf(['config.json', 'metadata.json', 'model.weights.h5'])).toBe('keras');
    expect(layoutOf(['a.npy', 'b.npy'])).toBe('npz');
    expect(layoutOf(['README.md', 'x/data.pkl/y'])).toBe('zip');
  });
});

describe('PyTorch, Keras, npz and plain zips', () => {
  it('a torch.save zip: data.pkl scanned, torch globals known-safe', () => {
    const pkl = bytes(pk.proto(2), pk.global('collections', 'OrderedDict'), pk.emptyTuple, pk.reduce, pk.global('torch._utils', '_rebuild_tensor_v2'), pk.global('torch', 'FloatStorage'), 0x30, 0x30, pk.stop);
    expect(attrs('model.pt', torch(pkl))).toEqual({
      format: 'pytorch-zip', sizeBytes: torch(pkl).length, executesCodeOnLoad: true, riskLevel: 'medium', pickleProtocol: 2, pickleCount: 1,
      globals: ['collections.OrderedDict', 'torch.FloatStorage', 'torch._utils._rebuild_tensor_v2'], dangerousGlobals: [], unknownGlobals: [], members: ['archive/data.pkl'],
    });
  });

  it('TorchScript archives are named so and constants.pkl is scanned too', () => {
    const data = torch(benignPickle(), [{ name: 'archive/constants.pkl', data: evilPickle }, { name: 'archive/code/__torch__/m.py', data: bytes('def f(): pass') }]);
    expect(attrs('m.pt', data)).toMatchObject({ format: 'torchscript', riskLevel: 'critical', dangerousGlobals: ['posix.system'], pickleCount: 2 });
  });

  it('hostile: a malicious data.pkl inside a torch zip (and a .bin that is one) is critical', () => {
    expect(attrs('model.pth', torch(evilPickle))).toMatchObject({ riskLevel: 'critical', dangerousGlobals: ['posix.system'] });
    expect(attrs('pytorch_model.bin', torch(evilPickle))).toMatchObject({ format: 'pytorch-zip', riskLevel: 'critical' });
  });

  it('hostile: zip in zip: the inner pickle is found and named', () => {
    const inner = zip([{ name: 'evil.pkl', data: evilPickle, deflate: true }]);
    const outer = zip([{ name: 'README.md', data: bytes('hi') }, { name: 'bundle/inner.zip', data: inner }]);
    expect(attrs('models.zip', outer)).toMatchObject({ format: 'zip', riskLevel: 'critical', members: ['bundle/inner.zip', 'bundle/inner.zip!evil.pkl'] });
  });

  it('hostile: archives nested deeper than two levels are not opened (limit-reached)', () => {
    const l3 = zip([{ name: 'evil.pkl', data: evilPickle }]);
    const l2 = zip([{ name: 'l3.zip', data: l3 }]);
    const l1 = zip([{ name: 'l2.zip', data: l2 }]);
    const top = zip([{ name: 'l1.zip', data: l1 }]);
    expect(diags('deep.zip', top)).toEqual([['limit-reached', expect.stringMatching(/nested deeper than 2/)]]);
  });

  it('hostile: a zip bomb (80 MB of zeros claiming 1 KB) stops at the inflate cap', () => {
    const bomb = zip([{ name: 'archive/data.pkl', data: new Uint8Array(80 * 1024 * 1024), deflate: true, claimedSize: 1024 }]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(diags('bomb.pt', bomb)).toEqual([['limit-reached', expect.stringMatching(/inflates past/)]]);
  });

  it('hostile: 100k entries behind an end record claiming 3 stop at the entry cap', () => {
    const data = zipDirectoryOnly(100_000, 3);
    expect(detect('many.zip', data)?.assets).toEqual([]);
    expect(diags('many.zip', data)).toEqual([['limit-reached', expect.stringMatching(/more than 10000 entries/)]]);
  });

  it('hostile: lying end records and members are parse-failed, never thrown', () => {
    const good = zip([{ name: 'a.pkl', data: benignPickle() }]);
    const badOffset = good.slice();
    new DataView(badOffset.buffer).setUint32(badOffset.length - 6, 0x7fffffff, true);
    expect(diags('x.pt', badOffset)[0]?.[1]).toMatch(/beyond end of file/);
    const claims64 = bytes(good.subarray(0, good.length - 22), u32(0x06054b50), 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, u32(0xffffffff), u32(0xffffffff), 0, 0);
    expect(diags('x.pt', claims64)[0]?.[1]).toMatch(/ZIP64 locator missing/);
    expect(diags('x.pt', good.subarray(0, 30))).toEqual([['parse-failed', expect.stringMatching(/no end-of-central-directory/)]]);
  });

  it('Keras 3 archive: config read, Lambda layers counted', () => {
    const config = { class_name: 'Functional', config: { layers: [{ class_name: 'InputLayer' }, { class_name: 'Lambda', config: { function: { class_name: '__lambda__' } } }] } };
    const data = zip([{ name: 'metadata.json', data: bytes('{"keras_version":"3.1.0","backend":"tensorflow"}') }, { name: 'config.json', data: bytes(JSON.stringify(config)), deflate: true }, { name: 'model.weights.h5', data: bytes('x') }]);
    expect(attrs('m.keras', data)).toEqual({
      format: 'keras', sizeBytes: data.length, executesCodeOnLoad: true, riskLevel: 'medium', architecture: 'Functional', lambdaLayers: 1, kerasVersion: '3.1.0', backend: 'tensorflow', members: ['model.weights.h5'],
    });
    expect(diags('m.keras', zip([{ name: 'config.json', data: bytes('{oops') }, { name: 'metadata.json', data: bytes('{}') }]))).toEqual([['parse-failed', 'config.json: invalid JSON']]);
  });

  it('npz: object arrays (deflated or stored) are scanned as pickles; numeric ones only read to the header', () => {
    const data = zip([{ name: 'w.npy', data: npy('<f4', [1000], new Uint8Array(4000)), deflate: true }, { name: 'o.npy', data: npy('|O', [1], evilPickle), deflate: true }]);
    expect(attrs('a.npz', data)).toMatchObject({ format: 'numpy-npz', riskLevel: 'critical', objectArrays: ['o.npy'], dangerousGlobals: ['posix.system'] });
    expect(detect('b.npz', zip([{ name: 'w.npy', data: npy('<f4', [4], new Uint8Array(16)) }]))).toBeNull();
  });

  it('plain .zip files are reported only when they hold model files', () => {
    expect(detect('docs.zip', zip([{ name: 'a.md', data: bytes('# hi') }]))).toBeNull();
    expect(attrs('w.zip', zip([{ name: 'm/model.safetensors', data: bytes('x') }]))).toMatchObject({ format: 'zip', members: ['m/model.safetensors'], executesCodeOnLoad: false });
    expect(detect('broken.zip', bytes('PK but nothing else'))).toBeNull();
  });

  it('hostile: a fake encryption flag does not hide a pickle (PyTorch ignores the flag too)', () => {
    const enc = zip([{ name: 'archive/data.pkl', data: evilPickle }]);
    enc[6] = 1;
    enc[enc.length - 22 - (46 + 'archive/data.pkl'.length) + 8] = 1;
    expect(attrs('e.pt', enc)).toMatchObject({ riskLevel: 'critical', dangerousGlobals: ['posix.system'] });
  });

  it('hostile: an unreadable pickle member still marks the archive as executing code on load', () => {
    const data = zip([{ name: 'archive/data.pkl', data: evilPickle }]);
    data[8] = 12;
    data[data.length - 22 - (46 + 'archive/data.pkl'.length) + 10] = 12;
    const r = detect('b.pt', data);
    expect(r?.assets[0]?.attributes).toMatchObject({ executesCodeOnLoad: true, riskLevel: 'medium' });
    expect(r?.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/compression method 12/)]);
  });
});
