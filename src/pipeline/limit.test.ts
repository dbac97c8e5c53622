import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit.ts';

describe('createLimiter', () => {
  it('never runs more than N tasks at once and runs them all, in submission order', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 3000 }, (_, i) =>
        limit(async () => {
          started.push(i);
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setImmediate(r));
          active--;
          return i * 2;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(results[2999]).toBe(5998);
  });
});
