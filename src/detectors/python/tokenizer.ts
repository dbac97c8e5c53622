/**
 * A small, forgiving Python tokenizer: enough to read imports, calls, assignments and
 * decorators without a Python interpreter. It never throws; problems (unterminated strings,
 * runaway brackets) come back as `issues` and tokenizing carries on where it can.
 *
 * Deliberately left out: INDENT/DEDENT tokens (statements are told apart by NEWLINE only; the
 * first token of a physical line carries its column as `indent`, enough to tell class bodies
 * apart), exact number grammar, string escapes beyond the common ones.
 */
import { readString } from './strings.ts';

export type TokenKind = 'name' | 'string' | 'number' | 'op' | 'newline';

export interface Token {
  readonly kind: TokenKind;
  /** Source text for names, numbers and operators; the raw literal for strings. */
  readonly text: string;
  /** 1-based line where the token starts (plus the caller's line offset). */
  readonly line: number;
  /** For strings: the decoded value, or undefined when not a literal (f-string with fields). */
  readonly value?: string | undefined;
  /** Column (characters of leading whitespace) of a token that starts a physical line. */
  readonly indent?: number | undefined;
}

export interface TokenizeIssue {
  readonly line: number;
  readonly message: string;
}

export interface TokenizeResult {
  readonly tokens: Token[];
  readonly issues: TokenizeIssue[];
}

const THREE = new Set(['**=', '//=', '>>=', '<<=', '...']);
const TWO = new Set(['->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']);
/** First characters of multi-character operators; others are single-character ops (no slicing). */
const MULTI_START = new Set([...THREE, ...TWO].map((op) => op.charCodeAt(0)));
const OPEN = '([{';
const CLOSE = ')]}';
/** Statement keywords that cannot appear at column 0 inside an open bracket in valid code. */
const RESYNC = /^(?:(?:def|class|import|from|async\s+def)[\s(]|@[A-Za-z_])/;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function multiCharOp(src: string, i: number): string {
  const three = src.slice(i, i + 3);
  if (THREE.has(three)) return three;
  const two = src.slice(i, i + 2);
  return TWO.has(two) ? two : (src[i] as string);
}

/** Length of a string prefix (`r`, `b`, `f`, `rb`, `u`, `t`...) directly followed by a quote, else 0. */
function stringPrefixLength(src: string, i: number): number {
  for (let n = 0; n <= 2; n++) {
    const q = src.charCodeAt(i + n);
    if (q === 34 || q === 39) return n === 0 || /^[rRbBuUfFtT]{1,2}$/.test(src.slice(i, i + n)) ? n + 1 : 0;
    if (!isNameChar(q)) return 0;
  }
  return 0;
}

/** Mutable tokenizer state; the helpers below advance `i` past what they consume. */
interface Lexer {
  readonly src: string;
  readonly tokens: Token[];
  readonly issues: TokenizeIssue[];
  i: number;
  line: number;
  depth: number;
  /** Offset where the current physical line starts, while no token has been read on it; else -1. */
  lineStart: number;
}

function push(lx: Lexer, kind: TokenKind, text: string, value?: string, start = lx.i): void {
  if (kind === 'newline' || lx.lineStart < 0) {
    lx.tokens.push({ kind, text, line: lx.line, value });
    return;
  }
  lx.tokens.push({ kind, text, line: lx.line, value, indent: start - lx.lineStart });
  lx.lineStart = -1;
}

/** Ends the logical line (once: blank lines and comments add nothing). */
function newline(lx: Lexer): void {
  const last = lx.tokens[lx.tokens.length - 1];
  if (last !== undefined && last.kind !== 'newline') push(lx, 'newline', '\n');
}

/** A physical line break: ends the statement outside brackets; resyncs after a runaway bracket. */
function lineBreak(lx: Lexer, c: number): void {
  if (lx.depth === 0) newline(lx);
  lx.i += c === 13 && lx.src.charCodeAt(lx.i + 1) === 10 ? 2 : 1;
  lx.line++;
  lx.lineStart = lx.i;
  if (lx.depth > 0 && RESYNC.test(lx.src.slice(lx.i, lx.i + 12))) {
    lx.issues.push({ line: lx.line, message: 'unclosed bracket before this statement' });
    lx.depth = 0;
    newline(lx);
  }
}

/** Whitespace, comments and backslash continuations; true when something was skipped. */
function trivia(lx: Lexer, c: number): boolean {
  const { src } = lx;
  if (c === 32 || c === 9 || c === 12) {
    lx.i++;
  } else if (c === 35) {
    while (lx.i < src.length && src.charCodeAt(lx.i) !== 10 && src.charCodeAt(lx.i) !== 13) lx.i++;
  } else if (c === 92 && (src.charCodeAt(lx.i + 1) === 10 || src.charCodeAt(lx.i + 1) === 13)) {
    lx.i += src.charCodeAt(lx.i + 1) === 13 && src.charCodeAt(lx.i + 2) === 10 ? 3 : 2;
    lx.line++;
  } else {
    return false;
  }
  return true;
}

/** A string literal (with prefix), a name or a number; true when one was read. */
function word(lx: Lexer, c: number): boolean {
  const { src } = lx;
  const prefix = isNameStart(c) || c === 34 || c === 39 ? stringPrefixLength(src, lx.i) : 0;
  const start = lx.i;
  if (prefix > 0) {
    const s = readString(src, start, prefix - 1);
    push(lx, 'string', src.slice(start, s.end), s.value, start);
    if (s.error !== undefined) lx.issues.push({ line: lx.line, message: s.error });
    lx.line += s.newlines;
    lx.i = s.end;
    return true;
  }
  const digit = (c >= 48 && c <= 57) || (c === 46 && src.charCodeAt(start + 1) >= 48 && src.charCodeAt(start + 1) <= 57);
  if (!isNameStart(c) && !digit) return false;
  let j = start + 1;
  while (j < src.length && (isNameChar(src.charCodeAt(j)) || (digit && src.charCodeAt(j) === 46))) j++;
  push(lx, digit ? 'number' : 'name', src.slice(start, j), undefined, start);
  lx.i = j;
  return true;
}

/** An operator or delimiter; `;` ends the statement outside brackets. */
function operator(lx: Lexer, c: number): void {
  const op = MULTI_START.has(c) ? multiCharOp(lx.src, lx.i) : (lx.src[lx.i] as string);
  if (op === ';' && lx.depth === 0) newline(lx);
  else push(lx, 'op', op);
  if (OPEN.includes(op)) lx.depth++;
  else if (CLOSE.includes(op) && lx.depth > 0) lx.depth--;
  lx.i += op.length;
}

/**
 * Tokenizes Python source. `lineOffset` shifts reported lines (notebook cells are tokenized one
 * by one and numbered as if concatenated).
 */
export function tokenize(src: string, lineOffset = 0): TokenizeResult {
  const first = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lx: Lexer = { src, tokens: [], issues: [], i: first, line: 1 + lineOffset, depth: 0, lineStart: first };
  while (lx.i < src.length) {
    const c = src.charCodeAt(lx.i);
    if (c === 10 || c === 13) lineBreak(lx, c);
    else if (!trivia(lx, c) && !word(lx, c)) operator(lx, c);
  }
  newline(lx);
  return { tokens: lx.tokens, issues: lx.issues };
}
