import { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { cpuTimed } from './cpu-time.ts';

/** CPU milliseconds of the whole process: a second clock to check the helper's against. */
const processCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Spins until the process has had `cpuMs` of CPU, or 10 s of wall time went by. */
function spin(cpuMs: number): number {
  const until = processCpuMs() + cpuMs;
  const wallStart = performance.now();
  let spins = 0;
  while (processCpuMs() < until && performance.now() - wallStart < 10_000) spins++;
  return spins;
}

describe('cpuTimed', () => {
  it('counts the time a busy loop runs', () => {
    // Spin until the process has had 50 ms of CPU (not 50 ms of wall time: on a busy machine the
    // loop may get only a share of a core). The thread's clock must see most of it.
    const wallStart = performance.now();
    const { value, ms } = cpuTimed(() => spin(50));
    const wall = performance.now() - wallStart;
    expect(value).toBeGreaterThan(0);
    expect(ms).toBeGreaterThanOrEqual(40);
    // No more than the wall clock on every core (the process clock, before Node 23.9, also counts
    // the garbage collector's threads; 1 ms of slack for the clocks' resolution).
    expect(ms).toBeLessThanOrEqual(wall * availableParallelism() + 1);
  });

  it('does not count time the thread spends blocked', () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const wallStart = performance.now();
    const { value, ms } = cpuTimed(() => Atomics.wait(cell, 0, 0, 200));
    const wall = performance.now() - wallStart;
    expect(value).toBe('timed-out');
    expect(wall).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(50);
  });

  it('returns the value and refuses a promise, whose awaited time it could not count', () => {
    expect(cpuTimed(() => 'x').value).toBe('x');
    expect(cpuTimed(() => null).value).toBeNull();
    expect(() => cpuTimed(() => Promise.resolve(1))).toThrow(/synchronous calls only/);
    expect(() => cpuTimed(() => ({ then: () => undefined }))).toThrow(/synchronous calls only/);
  });

  it('falls back to the process clock on Node without threadCpuUsage (before 23.9)', async () => {
    const own = Object.getOwnPropertyDescriptor(process, 'threadCpuUsage');
    Object.defineProperty(process, 'threadCpuUsage', { value: undefined, configurable: true, writable: true });
    try {
      vi.resetModules();
      const { cpuTimed: fallback } = await import('./cpu-time.ts');
      expect(fallback(() => spin(50)).ms).toBeGreaterThanOrEqual(40);
      expect(fallback(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)).ms).toBeLessThan(50);
    } finally {
      if (own) Object.defineProperty(process, 'threadCpuUsage', own);
      else delete (process as { threadCpuUsage?: unknown }).threadCpuUsage;
      vi.resetModules();
    }
  });
});
