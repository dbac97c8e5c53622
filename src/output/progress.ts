/**
 * A one-line progress bar on stderr: files done of total, bytes, elapsed. Redrawn at most every
 * 100 ms and only on a TTY; cleared when done so it never mixes with the report.
 */
import type { ProgressReporter } from '../../connectors/types.ts';
import { formatBytes } from '../../connectors/local/read.ts';

export interface ProgressBar extends ProgressReporter {
  /** Clears the line. */
  done(): void;
}

export interface ProgressStream {
  write(chunk: string): boolean;
  readonly columns?: number;
}

/** Creates a progress bar; a disabled one costs nothing. */
export function createProgressBar(stream: ProgressStream, enabled: boolean, now: () => number = Date.now): ProgressBar {
  if (!enabled) return { addTotal: () => undefined, advance: () => undefined, done: () => undefined };
  const started = now();
  let total = 0;
  let doneItems = 0;
  let bytes = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const draw = (force: boolean): void => {
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const width = 24;
    const ratio = total === 0 ? 0 : Math.min(1, doneItems / total);
    const filled = Math.round(ratio * width);
    const secs = ((t - started) / 1000).toFixed(1);
    const line = `scanning [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${doneItems}/${total} files · ${formatBytes(bytes)} · ${secs}s`;
    stream.write(`\r${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}\u001b[K`);
    drawn = true;
  };
  // Listing a large tree takes a moment before any total is known: say so at once.
  stream.write('\rscanning: listing files…\u001b[K');
  drawn = true;
  return {
    addTotal(items) {
      total += items;
      draw(false);
    },
    advance(items, b = 0) {
      doneItems += items;
      bytes += b;
      draw(false);
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
