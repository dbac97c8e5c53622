import type { Limiter } from '../../connectors/types.ts';

/** A limiter that runs at most `concurrency` tasks at once, in submission order. */
export function createLimiter(concurrency: number): Limiter {
  const max = Math.max(1, Math.floor(concurrency));
  let active = 0;
  // An array with a moving head: shift() on a long queue is O(n) per call.
  const queue: Array<() => void> = [];
  let head = 0;
  const next = (): void => {
    active--;
    if (head < queue.length) {
      const start = queue[head] as () => void;
      queue[head++] = () => undefined;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      start();
    }
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        active++;
        task().then(resolve, reject).finally(next);
      };
      if (active < max) start();
      else queue.push(start);
    });
}
