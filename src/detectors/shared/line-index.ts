/**
 * Offsets of line starts in one text, computed once on first use: 1-based line of an offset by
 * binary search, and line bounds and text without copying the whole text. Shared by every detector
 * that reports many lines of one file.
 */
/** The 0-based index of the line holding `offset`, given ascending line-start offsets (binary search). */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class LineIndex {
  private starts: number[] | undefined;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Offsets where lines start (`[0, ...]`). */
  protected lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }

  /** Number of lines. */
  get count(): number {
    return this.lineStarts().length;
  }

  /** 1-based line of a character offset. */
  lineOf(offset: number): number {
    return lineIndexAt(this.lineStarts(), offset) + 1;
  }

  /** Offset where a 1-based line starts (the text's length past the last line). */
  start(line: number): number {
    return this.lineStarts()[line - 1] ?? this.text.length;
  }

  /** Offset just past the last character of a 1-based line (before `\r\n` / `\n`). */
  end(line: number): number {
    const next = this.lineStarts()[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > this.start(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Text of a 1-based line without its line break ('' past the end). */
  lineText(line: number): string {
    if (line < 1 || line > this.count) return '';
    return this.text.slice(this.start(line), this.end(line));
  }
}
