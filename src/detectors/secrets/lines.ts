import { LineIndex } from '../shared/line-index.ts';

/**
 * Line bookkeeping over one text: offsets of line starts (computed once), the line of an offset by
 * binary search, and bounded windows of a line, so minified single-line files never get copied or
 * searched whole when only the neighbourhood of a match matters.
 */

/** The shared line index plus bounded windows of a line. */
export class Lines extends LineIndex {
  /** The text of a 1-based line between columns `from` and `to` (clamped). */
  slice(line: number, from = 0, to = Number.MAX_SAFE_INTEGER): string {
    const start = this.start(line);
    const end = this.end(line);
    return this.text.slice(Math.min(end, start + Math.max(0, from)), Math.min(end, start + to));
  }

  /**
   * A window of a 1-based line for a snippet, marked with `…` where cut; `replace` may rewrite the
   * window's text (masking keys) before the edges are trimmed. See `trimEdges`.
   */
  window(line: number, from: number, to: number, replace: (text: string, from: number) => string = (t) => t): string {
    const start = this.start(line);
    const length = this.length(line);
    const a = Math.max(0, from);
    const b = Math.min(length, to);
    const before = a > 0 ? this.text.charCodeAt(start + a - 1) : -1;
    const after = b < length ? this.text.charCodeAt(start + b) : -1;
    return trimEdges(replace(this.text.slice(start + a, start + b), a), before, after);
  }

  /** Length of a 1-based line. */
  length(line: number): number {
    return this.end(line) - this.start(line);
  }
}

/**
 * Adds `…` at cut edges (`before`/`after`: the character code just outside, -1 at the line's ends).
 * An edge never splits a run of key characters (`[A-Za-z0-9_-]`): the partial token is dropped,
 * since half a key has lost its prefix and would escape redaction.
 */
export function trimEdges(text: string, before: number, after: number): string {
  let a = 0;
  let b = text.length;
  if (before !== -1 && isKeyChar(before)) while (a < b && isKeyChar(text.charCodeAt(a))) a++;
  if (after !== -1 && isKeyChar(after)) while (b > a && isKeyChar(text.charCodeAt(b - 1))) b--;
  return `${before !== -1 ? '…' : ''}${text.slice(a, b)}${after !== -1 ? '…' : ''}`;
}

/** `[A-Za-z0-9_-]`, the characters API keys are made of. */
function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}
