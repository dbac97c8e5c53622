/**
 * The shared output of the language lexers: the source with comments blanked and every string
 * literal replaced by one `"` followed by spaces, so offsets and line numbers stay those of the
 * source. Import and model patterns then run on code only (a commented-out import or an import
 * inside a string never matches) and look a literal's text up by the offset of its `"`.
 */

import { LineIndex as SharedLineIndex } from '../shared/line-index.ts';

/** A problem met while lexing (unterminated literal or comment, pathological nesting). */
export interface LexIssue {
  readonly offset: number;
  readonly message: string;
}

/** A lexed file: `code` has the length of the source; `strings` maps a literal's offset to its text. */
export interface Masked {
  readonly code: string;
  readonly strings: ReadonlyMap<number, string>;
  readonly issues: readonly LexIssue[];
}

/** Literal text kept per string: ids and import paths are short; longer text is never one. */
const MAX_STRING = 256;
/** Lexers stop recording issues past this many (one bad construct can cascade). */
const MAX_ISSUES = 8;

/** Replaces every character but line breaks with a space. */
function blankOf(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Builds a `Masked` while a lexer walks the source left to right. */
export class Masker {
  private readonly parts: string[] = [];
  private copied = 0;
  private readonly strings = new Map<number, string>();
  private readonly issues: LexIssue[] = [];

  readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  /** Copies code up to `offset` unchanged. */
  private flush(offset: number): void {
    if (offset > this.copied) this.parts.push(this.src.slice(this.copied, offset));
    this.copied = Math.max(this.copied, offset);
  }

  /** Blanks a comment (or anything else that is not code) spanning `[start, end)`. */
  blank(start: number, end: number): void {
    if (end <= start) return;
    this.flush(start);
    this.parts.push(blankOf(this.src.slice(start, end)));
    this.copied = end;
  }

  /** Records a string literal spanning `[start, end)` whose text is `[textStart, textEnd)`. */
  string(start: number, end: number, textStart: number, textEnd: number): void {
    if (end <= start) return;
    this.flush(start);
    this.parts.push(`"${blankOf(this.src.slice(start + 1, end))}`);
    this.copied = end;
    const stop = Math.min(textEnd, textStart + MAX_STRING);
    this.strings.set(start, stop > textStart ? this.src.slice(textStart, stop) : '');
  }

  /** Notes a problem at `offset` (line resolved by the caller). */
  issue(offset: number, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ offset, message });
  }

  finish(): Masked {
    this.flush(this.src.length);
    return { code: this.parts.join(''), strings: this.strings, issues: this.issues };
  }
}

/** The shared line index, plus the longest line (long-line guard). */
export class LineIndex extends SharedLineIndex {
  /** Length of the longest line, and its number. */
  longest(): { line: number; length: number } {
    const starts = this.lineStarts();
    let best = { line: 1, length: 0 };
    starts.forEach((start, i) => {
      const end = starts[i + 1] ?? this.text.length + 1;
      if (end - start - 1 > best.length) best = { line: i + 1, length: end - start - 1 };
    });
    return best;
  }
}

/** True for `[A-Za-z0-9_]` (identifier characters of every language here). */
export function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** End offset (exclusive) of the line holding `offset`: the `\n` or the end of text. */
export function lineEnd(src: string, offset: number): number {
  const end = src.indexOf('\n', offset);
  return end === -1 ? src.length : end;
}
