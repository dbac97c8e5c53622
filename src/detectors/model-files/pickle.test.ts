import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf } from '../types.ts';
import { benignPickle, bytes, pk, u32, u64, virtualFile } from './__fixtures__/builders.ts';
import { detectModelFile } from './index.ts';
import { scanPickles } from './pickle.ts';

const scan = (...parts: Parameters<typeof bytes>) => scanPickles(bytesOf(bytes(...parts)));
const detect = (path: string, data: Uint8Array) => detectModelFile({ scope: 's', path, content: '', bytes: bytesOf(data) });

describe('pickle scanner', () => {
  it('reads a benign OrderedDict pickle: one safe global, no issue', () => {
    const s = scanPickles(bytesOf(benignPickle()));
    expect([s.globals, s.protocol, s.pickles, s.issue]).toEqual([['collections.OrderedDict'], 2, 1, undefined]);
  });

  it('reads protocol 0 text opcodes (GLOBAL lines, STRING, INT, PUT/GET)', () => {
    const s = scan('(', 'S', "'a'", '\n', 'p0\n', 'I1\n', 'g0\n', 'l', 'p1\n', 'c', 'collections\nOrderedDict\n', '(', 't', 'R', '.');
    expect([s.globals, s.protocol, s.pickles, s.issue]).toEqual([['collections.OrderedDict'], 0, 1, undefined]);
  });

  it('resolves STACK_GLOBAL from the strings pushed before it (protocol 4 with FRAME and MEMOIZE)', () => {
    const s = scan(pk.proto(4), pk.frame(40), pk.su('torch._utils'), pk.memoize, pk.su('_rebuild_tensor_v2'), pk.memoize, pk.stackGlobal, pk.memoize, pk.emptyTuple, pk.reduce, pk.stop);
    expect(s.globals).toEqual(['torch._utils._rebuild_tensor_v2']);
    expect(s.issue).toBeUndefined();
  });

  it('resolves STACK_GLOBAL through DUP and BINUNICODE', () => {
    const s = scan(pk.proto(3), pk.bu('os'), pk.su('system'), 0x32, 0x30, pk.stackGlobal, pk.stop);
    expect(s.globals).toEqual(['os.system']);
  });

  it('lists every global of a torch-like state dict and keeps them in first-seen order', () => {
    const s = scan(
      pk.proto(2), pk.global('collections', 'OrderedDict'), pk.emptyTuple, pk.reduce,
      pk.bu('w'), pk.global('torch._utils', '_rebuild_tensor_v2'), pk.mark, pk.global('torch', 'FloatStorage'), pk.tuple, pk.reduce, pk.setitem, pk.stop,
    );
    expect(s.globals).toEqual(['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage']);
  });

  it('scans stacked pickles while each next one starts with PROTO (legacy torch.save writes five)', () => {
    const s = scan(pk.proto(2), pk.int1(1), pk.stop, pk.proto(2), pk.global('os', 'system'), pk.stop, 'raw tensor bytes');
    expect([s.pickles, s.globals, s.issue]).toEqual([2, ['os.system'], undefined]);
  });

  it('hostile: os.system via GLOBAL + REDUCE is listed, never run', () => {
    const s = scan(pk.proto(2), pk.global('os', 'system'), pk.su('echo pwned'), pk.tuple1, pk.reduce, pk.stop);
    expect(s.globals).toEqual(['os.system']);
    expect(detect('evil.pkl', bytes(pk.proto(2), pk.global('os', 'system'), pk.su('echo pwned'), pk.tuple1, pk.reduce, pk.stop))?.assets[0]?.attributes).toMatchObject({
      riskLevel: 'critical', executesCodeOnLoad: true, dangerousGlobals: ['os.system'],
    });
  });

  it('hostile: builtins.exec via STACK_GLOBAL with memo indirection (strings stored, popped, fetched back)', () => {
    const s = scan(
      pk.proto(4), pk.su('builtins'), pk.binput(0), pk.su('exec'), pk.binput(1), 0x30, 0x30,
      pk.su('decoy'), pk.binput(2), pk.binget(0), pk.binget(1), pk.stackGlobal, pk.su('print(1)'), pk.tuple1, pk.reduce, pk.stop,
    );
    expect([s.globals, s.issue]).toEqual([['builtins.exec'], undefined]);
  });

  it('hostile: subprocess via INST is listed', () => {
    const s = scan(pk.mark, pk.string('id'), pk.inst('subprocess', 'Popen'), pk.stop);
    expect([s.globals, s.issue]).toEqual([['subprocess.Popen'], undefined]);
  });

  it('hostile: a STACK_GLOBAL whose arguments cannot be resolved is recorded as ?.?', () => {
    expect(scan(pk.proto(4), pk.binget(7), pk.binget(8), pk.stackGlobal, pk.stop).globals).toEqual(['?.?']);
    expect(scan(pk.proto(4), pk.su('os'), pk.int1(1), pk.stackGlobal, pk.stop).globals).toEqual(['os.?']);
    expect(scan(pk.proto(2), 0x82, 7, pk.stop).globals).toEqual(['?.?']);
  });

  it('hostile: a pickle that would create a file if run leaves no file behind', () => {
    const target = join(tmpdir(), `aimap-model-files-${process.pid}-never-created`);
    const evil = bytes(pk.proto(2), pk.global('builtins', 'open'), pk.bu(target), pk.su('w'), pk.tuple2, pk.reduce, pk.stop);
    const result = detect('weights.pkl', evil);
    expect(result?.assets[0]?.attributes.dangerousGlobals).toEqual(['builtins.open']);
    expect(existsSync(target)).toBe(false);
  });

  it('hostile: a 10M-deep stack stops at the stack cap with limit-reached', () => {
    const s = scanPickles(virtualFile(10_000_001, bytes(pk.none), bytes(pk.proto(2))));
    expect(s.issue).toMatchObject({ code: 'limit-reached' });
    expect(s.issue?.message).toMatch(/stack deeper/);
  });

  it('hostile: millions of MARKs, or of distinct globals, stay bounded', () => {
    expect(scanPickles(virtualFile(2 ** 30, bytes(pk.mark), bytes(pk.proto(2)))).issue?.message).toMatch(/open MARKs/);
    const many = scanPickles(virtualFile(2 ** 30, bytes(pk.global('m', 'x'), 0x30), bytes(pk.proto(2))));
    expect([many.globals, many.issue?.code]).toEqual([['m.x'], 'limit-reached']);
  });

  it('hostile: endless FRAME opcodes stop at the per-pickle byte cap', () => {
    const s = scanPickles(virtualFile(2 ** 40, pk.frame(9), bytes(pk.proto(4))));
    expect(s.issue).toMatchObject({ code: 'limit-reached' });
    expect(s.pickles).toBe(0);
  });

  it('hostile: a FRAME or BINUNICODE claiming more bytes than exist is a truncated pickle', () => {
    expect(scan(pk.proto(4), 0x95, u64(2n ** 62n), pk.none).issue).toMatchObject({ code: 'parse-failed' });
    expect(scan(pk.proto(4), 'X', u32(0xfffffff0), 'abc').issue?.message).toMatch(/truncated/);
    expect(scan(pk.proto(4), 0x8d, u64(2n ** 63n), 'abc').issue?.message).toMatch(/malformed/);
  });

  it('hostile: negative lengths, stack underflow, a missing MARK and a bad opcode are malformed', () => {
    expect(scan(pk.proto(2), 'T', u32(0xffffffff), pk.stop).issue?.message).toMatch(/negative length/);
    expect(scan(pk.proto(2), pk.reduce, pk.stop).issue?.message).toMatch(/underflow/);
    expect(scan(pk.proto(2), pk.tuple, pk.stop).issue?.message).toMatch(/MARK/);
    expect(scan(pk.proto(2), 0xff).issue?.message).toMatch(/no opcode/);
  });

  it('hostile: a GLOBAL line that never ends is malformed, not a hang', () => {
    const s = scanPickles(virtualFile(2 ** 30, bytes('a'), bytes(pk.proto(2), 'c')));
    expect(s.issue?.message).toMatch(/line longer/);
  });

  it('keeps globals found before a failure (a partly broken pickle still runs what came first)', () => {
    const s = scan(pk.proto(2), pk.global('os', 'system'), 0xff);
    expect([s.globals, s.issue?.code]).toEqual([['os.system'], 'parse-failed']);
  });
});

describe('joblib inline arrays', () => {
  /** A joblib NumpyArrayWrapper for a `code` array of `shape`, completed by BUILD (joblib numpy_pickle.py). */
  const wrapper = (code: string, shape: number[], aligned: boolean) => bytes(
    pk.global('joblib.numpy_pickle', 'NumpyArrayWrapper'), pk.emptyTuple, pk.newobj, pk.emptyDict, pk.mark,
    pk.su('subclass'), pk.global('numpy', 'ndarray'),
    pk.su('shape'), pk.mark, shape.map((d) => bytes('J', u32(d))), pk.tuple,
    pk.su('order'), pk.su('C'),
    pk.su('dtype'), pk.global('numpy', 'dtype'), pk.su(code), 0x89, 0x88, 0x87, pk.reduce,
    pk.mark, pk.int1(3), pk.su('<'), pk.none, pk.none, pk.none, 'J', u32(0xffffffff), 'J', u32(0xffffffff), pk.int1(0), pk.tuple, pk.build,
    pk.su('allow_mmap'), 0x88,
    ...(aligned ? [pk.su('numpy_array_alignment_bytes'), pk.int1(16)] : []),
    pk.setitems, pk.build,
  );
  const hidden = bytes(pk.su('x'), pk.global('os', 'system'), pk.su('id'), pk.tuple1, pk.reduce);

  it('steps over raw array bytes (with joblib 1.2 padding) and finds a global hidden after them', () => {
    const data = bytes(pk.proto(2), pk.emptyDict, pk.mark, pk.su('w'), wrapper('f8', [2, 3], true), 3, 0xff, 0xff, 0xff, new Uint8Array(48).fill(0x2e), hidden, pk.setitems, pk.stop);
    const s = scanPickles(bytesOf(data));
    expect([s.issue, s.globals]).toEqual([undefined, ['joblib.numpy_pickle.NumpyArrayWrapper', 'numpy.ndarray', 'numpy.dtype', 'os.system']]);
    const old = bytes(pk.proto(2), pk.emptyDict, pk.mark, pk.su('w'), wrapper('i4', [5], false), new Uint8Array(20).fill(0x52), hidden, pk.setitems, pk.stop);
    expect(scanPickles(bytesOf(old)).globals).toContain('os.system');
  });

  it('hostile: an object array embeds a whole pickle, which is scanned too', () => {
    const inner = bytes(pk.proto(2), pk.global('posix', 'system'), pk.su('id'), pk.tuple1, pk.reduce, pk.stop);
    const data = bytes(pk.proto(2), wrapper('O8', [1], false), inner, 0x30, pk.none, pk.stop);
    expect(scanPickles(bytesOf(data))).toMatchObject({ globals: expect.arrayContaining(['posix.system']), pickles: 1 });
    expect(scanPickles(bytesOf(data)).issue).toBeUndefined();
  });

  it('hostile: a wrapper announcing a 2^50-byte array is a truncated pickle, not a hang', () => {
    const s = scanPickles(bytesOf(bytes(pk.proto(2), wrapper('f8', [2 ** 25, 2 ** 22], false), pk.stop)));
    expect(s.issue?.code).toBe('parse-failed');
  });
});
