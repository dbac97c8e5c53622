/**
 * HCL2 tokenizer (native syntax, hashicorp/hcl `hclsyntax/spec.md`). Produces identifiers,
 * numbers, quoted templates (kept raw: interpolations are parsed later by `hcl-template.ts`),
 * heredocs, punctuation and newlines (significant: they end attributes). Comments (`#`, `//`,
 * `/* *\/`) are dropped, so a commented-out block never reaches the parser.
 *
 * It scans a range of the source, so interpolations re-lex in place and keep true line numbers.
 * Every loop moves forward; nothing backtracks, so time is linear in the input.
 */

export type TokenType = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Identifier, number text or punctuation; for strings/heredocs, empty (see `start`/`end`). */
  readonly value: string;
  /** Content range: inside the quotes for strings, the body for heredocs, else the token itself. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** Heredoc `<<-` (indentation stripped). */
  readonly flush?: boolean;
}

/** A syntax error with the 1-based line it was found on. */
export class HclSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const PUNCT3 = ['...'];
const PUNCT2 = ['==', '!=', '<=', '>=', '&&', '||', '=>', '::'];
const PUNCT1 = '{}[]()=,.:?!+-*/%<>';
/** Template nesting (strings inside interpolations inside strings) deeper than this is refused. */
const MAX_TEMPLATE_NESTING = 32;

const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\u007f';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c) || c === '-';

/** Tokenizes `src[start, end)`; `line` is the line `start` is on. Throws `HclSyntaxError`. */
export function tokenize(src: string, start = 0, end = src.length, line = 1): Token[] {
  const out: Token[] = [];
  let i = start;
  let ln = line;
  const push = (type: TokenType, value: string, s: number, e: number, l: number, flush?: boolean): void => {
    out.push(flush === undefined ? { type, value, start: s, end: e, line: l } : { type, value, start: s, end: e, line: l, flush });
  };
  while (i < end) {
    const c = src[i] as string;
    if (c === '\n') {
      push('newline', '\n', i, i + 1, ln);
      ln++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') {
      i++;
    } else if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < end && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close === -1 || close + 2 > end) throw new HclSyntaxError('unterminated /* comment', ln);
      ln += countNewlines(src, i, close);
      i = close + 2;
    } else if (c === '"') {
      const close = skipQuoted(src, i + 1, end, ln, 0);
      push('string', '', i + 1, close, ln);
      ln += countNewlines(src, i, close);
      i = close + 1;
    } else if (c === '<' && src[i + 1] === '<' && (isIdentStart(src[i + 2] ?? '') || (src[i + 2] === '-' && isIdentStart(src[i + 3] ?? '')))) {
      const h = readHeredoc(src, i, end, ln);
      push('heredoc', '', h.bodyStart, h.bodyEnd, ln, h.flush);
      ln += countNewlines(src, i, h.next);
      i = h.next;
    } else if (isDigit(c)) {
      const m = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, Math.min(end, i + 64)));
      const text = m?.[0] ?? c;
      push('number', text, i, i + text.length, ln);
      i += text.length;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < end && isIdentPart(src[j] as string)) j++;
      push('ident', src.slice(i, j), i, j, ln);
      i = j;
    } else {
      const p = punctAt(src, i, end);
      if (p === undefined) throw new HclSyntaxError(`unexpected character ${JSON.stringify(c)}`, ln);
      push('punct', p, i, i + p.length, ln);
      i += p.length;
    }
  }
  push('eof', '', end, end, ln);
  return out;
}

function punctAt(src: string, i: number, end: number): string | undefined {
  for (const p of PUNCT3) if (i + 3 <= end && src.startsWith(p, i)) return p;
  for (const p of PUNCT2) if (i + 2 <= end && src.startsWith(p, i)) return p;
  const c = src[i] as string;
  return PUNCT1.includes(c) ? c : undefined;
}

function countNewlines(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = src.indexOf('\n', from); i !== -1 && i < to; i = src.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Returns the index of the closing quote of a quoted template whose content starts at `i`.
 * Interpolations `${...}` and directives `%{...}` may hold nested strings and newlines; the
 * literal parts may not span lines.
 */
export function skipQuoted(src: string, i: number, end: number, line: number, nesting: number): number {
  if (nesting > MAX_TEMPLATE_NESTING) throw new HclSyntaxError('string templates nested too deeply', line);
  while (i < end) {
    const c = src[i];
    if (c === '"') return i;
    if (c === '\\') i += 2;
    else if (c === '\n') throw new HclSyntaxError('unterminated string', line);
    else if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') i += 3;
    else if ((c === '$' || c === '%') && src[i + 1] === '{') i = skipInterpolation(src, i + 2, end, line, nesting);
    else i++;
  }
  throw new HclSyntaxError('unterminated string', line);
}

/** Returns the index just past the `}` that closes an interpolation whose content starts at `i`. */
export function skipInterpolation(src: string, i: number, end: number, line: number, nesting: number): number {
  let depth = 1;
  while (i < end) {
    const c = src[i];
    if (c === '"') i = skipQuoted(src, i + 1, end, line, nesting + 1) + 1;
    else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (--depth === 0) return i + 1;
      i++;
    } else i++;
  }
  throw new HclSyntaxError('unterminated template interpolation', line);
}

interface Heredoc {
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly next: number;
  readonly flush: boolean;
}

/** Reads `<<EOT` / `<<-EOT` … a line holding only `EOT`. */
function readHeredoc(src: string, i: number, end: number, line: number): Heredoc {
  const flush = src[i + 2] === '-';
  let j = i + (flush ? 3 : 2);
  const markerStart = j;
  while (j < end && isIdentPart(src[j] as string)) j++;
  const marker = src.slice(markerStart, j);
  while (j < end && (src[j] === ' ' || src[j] === '\t' || src[j] === '\r')) j++;
  if (src[j] !== '\n') throw new HclSyntaxError(`heredoc <<${marker} must end its line`, line);
  const bodyStart = j + 1;
  let lineStart = bodyStart;
  while (lineStart <= end) {
    const nl = src.indexOf('\n', lineStart);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    if (src.slice(lineStart, lineEnd).trim() === marker) return { bodyStart, bodyEnd: lineStart, next: lineEnd, flush };
    if (lineEnd >= end) break;
    lineStart = lineEnd + 1;
  }
  throw new HclSyntaxError(`unterminated heredoc <<${marker}`, line);
}
