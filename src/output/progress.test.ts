import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress.ts';

function stream() {
  const chunks: string[] = [];
  return { chunks, columns: 100, write: (s: string) => chunks.push(s) > 0 };
}

describe('createProgressBar', () => {
  it('draws files done/total and bytes, throttled to one redraw per 100 ms, and clears the line when done', () => {
    const out = stream();
    let t = 0;
    const bar = createProgressBar(out, true, () => t);
    bar.addTotal(4);
    t = 150;
    bar.advance(1, 2048);
    t = 160;
    bar.advance(1, 2048); // within 100 ms of the last draw: not drawn
    t = 300;
    bar.advance(2, 1024);
    bar.done();
    expect(out.chunks).toEqual([
      '\rscanning: listing files…\u001b[K',
      '\rscanning [........................] 0/4 files · 0 B · 0.0s\u001b[K',
      '\rscanning [######..................] 1/4 files · 2 KB · 0.1s\u001b[K',
      '\rscanning [########################] 4/4 files · 5 KB · 0.3s\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('uses 80 columns when the terminal reports no width', () => {
    const out = { chunks: [] as string[], columns: 0, write(s: string) { return this.chunks.push(s) > 0; } };
    const bar = createProgressBar(out, true, () => 0);
    bar.addTotal(1);
    expect(out.chunks[1]).toBe('\rscanning [........................] 0/1 files · 0 B · 0.0s\u001b[K');
  });

  it('writes nothing at all when disabled (not a TTY, or --quiet)', () => {
    const out = stream();
    const bar = createProgressBar(out, false);
    bar.addTotal(10);
    bar.advance(10, 100);
    bar.done();
    expect(out.chunks).toEqual([]);
  });
});
