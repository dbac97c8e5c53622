/**
 * Line location for formats whose parsers give no positions (JSON, TOML): the entry is found again
 * in the text by walking a chain of anchors (a table header, then a key) and taking the first
 * non-comment line after them that matches. Deterministic; falls back to the first match anywhere.
 */

import { LineIndex as LineStarts } from '../shared/line-index.ts';

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The text of a manifest split into lines (CRLF tolerated), with anchored search. */
export class LineIndex {
  readonly lines: readonly string[];
  /** Lines that are comments as a whole (never evidence). */
  private readonly comment: RegExp;

  constructor(content: string, comment: RegExp = /^\s*#/) {
    this.lines = content.split(/\r?\n/);
    this.comment = comment;
  }

  /** 0-based index of the first non-comment line at or after `from` matching `re`. */
  find(re: RegExp, from = 0): number | undefined {
    for (let i = from; i < this.lines.length; i++) {
      const text = this.lines[i] ?? '';
      if (!this.comment.test(text) && re.test(text)) return i;
    }
    return undefined;
  }

  /**
   * 1-based line of `entry`: after each anchor in turn (an anchor that is absent is skipped), else
   * anywhere in the file; undefined when the text never matches.
   */
  locate(anchors: readonly RegExp[], entry: RegExp): number | undefined {
    let from = 0;
    for (const anchor of anchors) {
      const at = this.find(anchor, from);
      if (at !== undefined) from = at + 1;
    }
    const hit = this.find(entry, from) ?? this.find(entry, 0);
    return hit === undefined ? undefined : hit + 1;
  }
}

/**
 * Replaces comments with spaces (newlines kept, so offsets and lines stay valid), leaving string
 * literals alone. `line` is the line-comment opener (`//` or `#`); `block` enables `/* *\/`.
 */
export function blankComments(text: string, line: '//' | '#', block: boolean): string {
  const out = text.split('');
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote || c === '\n') quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
    } else if (text.startsWith(line, i)) {
      const end = text.indexOf('\n', i);
      i = blank(out, i, end === -1 ? text.length : end) - 1;
    } else if (block && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = blank(out, i, end === -1 ? text.length : end + 2) - 1;
    }
  }
  return out.join('');
}

function blank(out: string[], from: number, to: number): number {
  for (let j = from; j < to; j++) if (out[j] !== '\n' && out[j] !== '\r') out[j] = ' ';
  return to;
}

/** A fast offset → 1-based line lookup for one text (the shared line index). */
export function lineLocator(content: string): (offset: number) => number {
  const index = new LineStarts(content);
  return (offset) => index.lineOf(offset);
}
