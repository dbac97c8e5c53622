/**
 * Hang guards for unit tests: the CPU time this thread spends in one synchronous call.
 *
 * A test that feeds hostile input to a parser asserts the work is bounded (`ms < 2000` where the
 * call normally takes a few tens of milliseconds): it catches a hang or a quadratic blow-up, not a
 * slowdown. Speed targets live in the benchmarks. Wall time is the wrong clock for such a guard:
 * when other processes compete for the cores (the test runner's other workers, a build, a scan),
 * a 0.3 s call can take several seconds of wall time and the guard fails although nothing is wrong.
 * The CPU time of the calling thread only grows while that thread runs, so it stays what the call
 * costs, however busy the machine is.
 *
 * `process.threadCpuUsage()` (Node 23.9+) counts the calling thread only; vitest runs each test
 * file on the main thread of a forked process (`pool: 'forks'`), or on a worker thread under
 * `pool: 'threads'`, and either way that is the thread running the test. On older Node (the
 * engines field allows 22.13, and `node_modules/.bin/vitest` started directly runs on the first
 * `node` on PATH) it falls back to `process.cpuUsage()`, the whole process: a little more
 * (garbage-collector and other helper threads), still blind to other processes.
 *
 * Only synchronous calls can be measured so: time spent awaiting I/O is not CPU time, so a guard
 * around an awaited call would miss a hang that waits. `cpuTimed` refuses a promise.
 */

type Usage = { user: number; system: number };

const usage: () => Usage = typeof process.threadCpuUsage === 'function' ? () => process.threadCpuUsage() : () => process.cpuUsage();

/** Milliseconds of CPU time (user + system) the clock has counted so far. */
function cpuNow(): number {
  const u = usage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs `fn` and returns its value with the CPU milliseconds it took on this thread (see the
 * module comment). Throws if `fn` returns a promise or other thenable: its work would not be counted.
 */
export function cpuTimed<T>(fn: () => T): { value: T; ms: number } {
  const started = cpuNow();
  const value = fn();
  const ms = cpuNow() - started;
  if (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function') {
    throw new TypeError('cpuTimed measures synchronous calls only: time awaited is not CPU time');
  }
  return { value, ms };
}
