/**
 * Reading Ruby code for the MCP reader (`mcp-ruby.ts`), on the masked code of `lex-ruby.ts`: lines
 * with their indentation (class bodies are read by indentation), literal values as written
 * (adjacent, `\`- or `+`-joined literals, `%q()`, heredocs read back from the source), and call
 * arguments with or without parentheses.
 */
import { closingBracket, splitArgs } from './brackets.ts';
import { lineIndexAt } from '../shared/line-index.ts';
import type { Masked } from './mask.ts';

/** Characters of an argument list read, lines of a heredoc read. */
const MAX_ARGS = 10_000;
const MAX_HEREDOC_LINES = 400;
/** Text kept of a value, as the lexer keeps of a literal. */
const MAX_TEXT = 256;

/** The lines of masked code: where each starts, its indent, whether it holds code, and the line closing it. */
export class Lines {
  readonly starts: number[] = [0];
  readonly indent: number[] = [];
  readonly blank: boolean[] = [];
  /** Per line, the next non-blank line indented as much or less (the line count when none): a class's `end`. */
  readonly closer: Int32Array;
  readonly code: string;

  constructor(code: string) {
    this.code = code;
    for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) this.starts.push(i + 1);
    for (let l = 0; l < this.starts.length; l++) {
      const start = this.starts[l] as number;
      let j = start;
      while (code[j] === ' ' || code[j] === '\t') j++;
      this.indent.push(j - start);
      this.blank.push(j >= code.length || code[j] === '\n' || code[j] === '\r');
    }
    // Walking back, a stack of lines with ascending indents: what sits above the top can close nothing before it.
    this.closer = new Int32Array(this.starts.length).fill(this.starts.length);
    const stack: number[] = [];
    for (let l = this.starts.length - 1; l >= 0; l--) {
      if (this.blank[l]) continue;
      while (stack.length > 0 && (this.indent[stack[stack.length - 1] as number] as number) > (this.indent[l] as number)) stack.pop();
      if (stack.length > 0) this.closer[l] = stack[stack.length - 1] as number;
      stack.push(l);
    }
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    return lineIndexAt(this.starts, offset);
  }

  /** The code of line `l` from its first non-blank character. */
  text(l: number): { at: number; text: string } {
    const at = (this.starts[l] as number) + (this.indent[l] as number);
    const end = this.code.indexOf('\n', at);
    return { at, text: this.code.slice(at, end === -1 ? this.code.length : end) };
  }
}

/** A value read from the source: a literal's text, or `undefined` when it is not one. */
export function stringAt(masked: Masked, source: string, at: number): string | undefined {
  const { code, strings } = masked;
  const parts: string[] = [];
  let i = at;
  for (let n = 0; n < 20; n++) {
    if (code[i] !== '"') return undefined;
    const text = source.startsWith('<<', i) ? heredocText(source, i) : strings.get(i);
    if (text === undefined) return undefined;
    parts.push(text);
    // The literal is `"` + blanks in the code: what follows it is the next non-blank on its line.
    let j = i + 1;
    while (j < code.length && (code[j] === ' ' || code[j] === '\t')) j++;
    if (source.startsWith('<<', i)) {
      // `<<~DESC.strip`, `.squish`: the text stays the heredoc's.
      break;
    }
    if (code[j] === '\\' && (code[j + 1] === '\n' || code[j + 1] === '\r')) j++;
    else if (code[j] === '+') j++;
    else if (code[j] !== '"') break;
    while (j < code.length && /\s/.test(code[j] as string)) j++;
    i = j;
  }
  const text = parts.join('').trim();
  return text.slice(0, MAX_TEXT);
}

/** The body of the heredoc whose `<<` is at `at` (the source as written), dedented as `<<~` is. */
export function heredocText(source: string, at: number): string | undefined {
  const m = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(source.slice(at, at + 140));
  if (m === null) return undefined;
  const squiggly = m[1] === '~';
  const indented = m[1] !== '';
  const id = m[3] as string;
  const lineEnd = source.indexOf('\n', at);
  if (lineEnd === -1) return undefined;
  const body: string[] = [];
  let pos = lineEnd + 1;
  for (let n = 0; n < MAX_HEREDOC_LINES && pos < source.length; n++) {
    const end = source.indexOf('\n', pos);
    const line = source.slice(pos, end === -1 ? source.length : end).replace(/\r$/, '');
    if ((indented ? line.trim() : line) === id) {
      const margin = squiggly ? Math.min(...body.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)) : 0;
      return body.map((l) => l.slice(Number.isFinite(margin) ? margin : 0)).join('\n');
    }
    body.push(line);
    if (end === -1) break;
    pos = end + 1;
  }
  return undefined;
}

/** Skips blanks and tabs (not line breaks). */
export function skipBlanks(code: string, i: number): number {
  while (i < code.length && (code[i] === ' ' || code[i] === '\t')) i++;
  return i;
}

/**
 * The argument list of a call whose method name ends at `at`: between its parentheses, or without
 * them to the end of the line (continued after a trailing comma) or a `do` / `{` block.
 * Undefined when the parentheses never close or hold more than `MAX_ARGS` characters.
 */
export function argsOf(code: string, at: number): { open: number; close: number } | undefined {
  const i = skipBlanks(code, at);
  if (code[i] === '(') {
    const close = closingBracket(code, i);
    return close >= code.length || close - i > MAX_ARGS ? undefined : { open: i, close };
  }
  let end = i;
  for (let n = 0; n < 20; n++) {
    const nl = code.indexOf('\n', end);
    const lineEnd = nl === -1 ? code.length : nl;
    const block = /\s(?:do\b|\{)/.exec(code.slice(end, lineEnd));
    if (block !== null) return { open: i - 1, close: end + block.index };
    end = lineEnd;
    if (!/,\s*$/.test(code.slice(i, lineEnd)) || nl === -1) break;
    end = nl + 1;
  }
  return { open: i - 1, close: end };
}

/** Keyword arguments (`name: value`, `:name => value`) of a list: name → offset of the value. */
export function keywords(code: string, span: { open: number; close: number }): Map<string, number> {
  const out = new Map<string, number>();
  for (const [start, end] of splitArgs(code, span.open, span.close, MAX_ARGS)) {
    const m = /^(?:(\w+):(?!:)|:(\w+)\s*=>)\s*/.exec(code.slice(start, Math.min(end, start + 200)));
    const key = m?.[1] ?? m?.[2];
    if (m !== null && key !== undefined && !out.has(key)) out.set(key, start + m[0].length);
  }
  return out;
}

/** Constant names (`Foo::Bar`, `::Baz`) among the items of `[...]` or an argument list. */
export function constantsIn(code: string, open: number, close: number): string[] {
  const out: string[] = [];
  for (const [start, end] of splitArgs(code, open, close, MAX_ARGS)) {
    const m = /^(?:::)?([A-Z]\w*(?:::[A-Z]\w*)*)\s*$/.exec(code.slice(start, end));
    if (m !== null) out.push(m[1] as string);
  }
  return out;
}
