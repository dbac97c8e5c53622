import { describe, expect, it } from 'vitest';
import { classifyGlobals, worstRisk } from './globals.ts';

describe('classifyGlobals', () => {
  it('flags modelscan CRITICAL globals, whole modules and their submodules', () => {
    const v = classifyGlobals(['__builtin__.eval', 'builtins.getattr', 'nt.system', 'os.path.join', 'posix.system', 'runpy._run_code', 'operator.attrgetter', 'pickle.loads', 'sys.modules']);
    expect(v.dangerous).toEqual(v.globals);
    expect(v.risk).toBe('critical');
  });

  it('flags picklescan additions (shutil, asyncio, functools.partial, ctypes)', () => {
    expect(classifyGlobals(['shutil.rmtree', 'asyncio.subprocess.create_subprocess_shell', 'functools.partial', 'ctypes.CDLL']).dangerous).toHaveLength(4);
  });

  it('rates network globals HIGH when nothing critical is there', () => {
    const v = classifyGlobals(['webbrowser.open', 'requests.api.get', 'aiohttp.client.ClientSession', 'collections.OrderedDict']);
    expect([v.risk, v.dangerous]).toEqual(['high', ['aiohttp.client.ClientSession', 'requests.api.get', 'webbrowser.open']]);
  });

  it('treats unresolved globals as critical', () => {
    expect(classifyGlobals(['?.?', 'os.?']).risk).toBe('critical');
    expect(classifyGlobals(['?.system']).dangerous).toEqual(['?.system']);
  });

  it('keeps torch/numpy/collections reconstruction globals out of both lists; anything else is unknown', () => {
    const v = classifyGlobals(['collections.OrderedDict', 'torch._utils._rebuild_tensor_v2', 'torch.FloatStorage', 'numpy.core.multiarray._reconstruct', 'builtins.set', 'sklearn.linear_model.LogisticRegression', 'builtins.print']);
    expect(v).toEqual({
      globals: ['builtins.print', 'builtins.set', 'collections.OrderedDict', 'numpy.core.multiarray._reconstruct', 'sklearn.linear_model.LogisticRegression', 'torch.FloatStorage', 'torch._utils._rebuild_tensor_v2'],
      dangerous: [],
      unknown: ['builtins.print', 'sklearn.linear_model.LogisticRegression'],
      risk: 'medium',
    });
  });

  it('does not match look-alike modules by prefix (ossaudiodev is not os, requests.get is not requests.api)', () => {
    expect(classifyGlobals(['ossaudiodev.open', 'requests.get', 'systemd.journal']).dangerous).toEqual([]);
  });

  it('orders risk levels', () => {
    expect([worstRisk('none', 'medium'), worstRisk('critical', 'high'), worstRisk('high', 'critical')]).toEqual(['medium', 'critical', 'critical']);
  });
});
