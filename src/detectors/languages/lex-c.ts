/**
 * One lexer for the C-family languages read here (Go, Java, Kotlin, C#, Rust), configured per
 * language: `//` and `/* *\/` comments (nested in Rust and Kotlin), `"..."` strings, character
 * literals (Rust lifetimes are told apart), Go raw strings, Java text blocks, Kotlin raw strings
 * and `${}` holes, C# verbatim, interpolated and raw literals, Rust raw/byte/C strings.
 * It never backtracks: one left-to-right pass, linear in the file size.
 */
import { isWordCode, lineEnd, Masker, type Masked } from './mask.ts';

export interface CSyntax {
  /** Block comments nest (Rust, Kotlin). */
  readonly nestedComments: boolean;
  /** Backtick raw strings (Go). */
  readonly backtick: boolean;
  /** `"""` text blocks / raw strings (Java, Kotlin, C#). */
  readonly tripleQuote: boolean;
  /** `"..."` may span lines (Rust). */
  readonly multiline: boolean;
  /** Rust: `r#"..."#`, `b"..."`, `br"..."`, `c"..."`, byte chars. */
  readonly rust: boolean;
  /** C#: `@"..."`, `$"..."`, `$@"..."`, raw `"""` with `$` prefixes. */
  readonly csharp: boolean;
  /** Kotlin: `${...}` holes inside `"..."`. */
  readonly kotlinHoles: boolean;
}

const SLASH = 47;
const STAR = 42;
const DQUOTE = 34;
const QUOTE = 39;
const BACKSLASH = 92;
const BACKTICK = 96;
const NEWLINE = 10;
const DOLLAR = 36;
const AT = 64;
const LBRACE = 123;
const RBRACE = 125;
const HASH = 35;

/** Nesting deeper than this is reported (still lexed): no real code needs it. */
export const MAX_COMMENT_NESTING = 255;

interface QuoteStyle {
  readonly escapes: boolean;
  readonly multiline: boolean;
  /** `""` inside the literal is one quote (C# verbatim). */
  readonly doubled: boolean;
  readonly holes?: 'kotlin' | 'csharp';
}

/** Lexes one file; see `Masked`. */
export function lexC(src: string, syntax: CSyntax): Masked {
  const m = new Masker(src);
  const n = src.length;
  const plain: QuoteStyle = { escapes: true, multiline: syntax.multiline, doubled: false, ...(syntax.kotlinHoles ? { holes: 'kotlin' as const } : {}) };
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    let next = i + 1;
    if (c === SLASH) {
      const d = src.charCodeAt(i + 1);
      if (d === SLASH) {
        next = lineEnd(src, i);
        m.blank(i, next);
      } else if (d === STAR) next = blockComment(m, i, syntax.nestedComments);
    } else if (c === DQUOTE) {
      next = syntax.tripleQuote && src.startsWith('"""', i) ? tripleQuoted(m, i, i, syntax.csharp) : quoted(m, i, i, plain);
    } else if (c === QUOTE) {
      next = charLiteral(m, i);
    } else if (c === BACKTICK && syntax.backtick) {
      next = rawUntil(m, i, i + 1, '`', 'unterminated raw string');
    } else if (syntax.rust && (c === 98 || c === 99 || c === 114) && !isWordCode(src.charCodeAt(i - 1))) {
      next = Math.max(i + 1, rustPrefixed(m, i));
    } else if (syntax.csharp && (c === AT || c === DOLLAR)) {
      next = Math.max(i + 1, csharpPrefixed(m, i));
    }
    i = next;
  }
  return m.finish();
}

function blockComment(m: Masker, start: number, nested: boolean): number {
  const src = m.src;
  const n = src.length;
  if (!nested) {
    const end = src.indexOf('*/', start + 2);
    if (end === -1) return unterminated(m, start, 'unterminated block comment');
    m.blank(start, end + 2);
    return end + 2;
  }
  let depth = 1;
  let deepest = 1;
  let j = start + 2;
  while (j < n && depth > 0) {
    const c = src.charCodeAt(j);
    if (c === SLASH && src.charCodeAt(j + 1) === STAR) {
      depth++;
      if (depth > deepest) deepest = depth;
      j += 2;
    } else if (c === STAR && src.charCodeAt(j + 1) === SLASH) {
      depth--;
      j += 2;
    } else j++;
  }
  if (deepest > MAX_COMMENT_NESTING) m.issue(start, `block comments nested ${deepest} levels deep`);
  if (depth > 0) return unterminated(m, start, 'unterminated block comment');
  m.blank(start, j);
  return j;
}

/** Blanks from `start` to the end of the file and reports why. */
function unterminated(m: Masker, start: number, message: string): number {
  m.issue(start, message);
  m.blank(start, m.src.length);
  return m.src.length;
}

/** A literal whose text runs to the next `close` with no escapes (Go raw strings). */
function rawUntil(m: Masker, start: number, textStart: number, close: string, message: string): number {
  const end = m.src.indexOf(close, textStart);
  if (end === -1) return unterminated(m, start, message);
  m.string(start, end + close.length, textStart, end);
  return end + close.length;
}

/** `"..."` (escapes, optional holes); an unterminated single-line literal ends at its line break. */
function quoted(m: Masker, start: number, quoteAt: number, style: QuoteStyle): number {
  const src = m.src;
  const n = src.length;
  let j = quoteAt + 1;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH && style.escapes) {
      j += 2;
    } else if (c === DQUOTE) {
      if (style.doubled && src.charCodeAt(j + 1) === DQUOTE) j += 2;
      else break;
    } else if (c === NEWLINE && !style.multiline) {
      m.issue(start, 'unterminated string literal');
      m.string(start, j, quoteAt + 1, j);
      return j;
    } else if (style.holes === 'kotlin' && c === DOLLAR && src.charCodeAt(j + 1) === LBRACE) {
      j = skipHole(src, j + 1);
    } else if (style.holes === 'csharp' && c === LBRACE) {
      j = src.charCodeAt(j + 1) === LBRACE ? j + 2 : skipHole(src, j);
    } else j++;
  }
  if (j >= n) {
    m.issue(start, 'unterminated string literal');
    m.string(start, n, quoteAt + 1, n);
    return n;
  }
  m.string(start, j + 1, quoteAt + 1, j);
  return j + 1;
}

/**
 * Skips an interpolation hole `{...}` by brace depth (strings inside holes are not lexed). Holes
 * may span lines even in single-line strings (Kotlin, C# 11).
 */
function skipHole(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === LBRACE) depth++;
    else if (c === RBRACE && --depth === 0) return j + 1;
  }
  return src.length;
}

/** `"""..."""` (Java/Kotlin); C# raw literals close with the same run of quotes they opened with. */
function tripleQuoted(m: Masker, start: number, quoteAt: number, csharp: boolean): number {
  const src = m.src;
  let run = 3;
  if (csharp) while (src.charCodeAt(quoteAt + run) === DQUOTE) run++;
  const close = '"'.repeat(run);
  let from = quoteAt + run;
  for (;;) {
    let end = src.indexOf(close, from);
    if (end === -1) return unterminated(m, start, 'unterminated text block');
    if (!csharp && src.charCodeAt(end - 1) === BACKSLASH && src.charCodeAt(end - 2) !== BACKSLASH) {
      from = end + 1;
      continue;
    }
    while (!csharp && src.charCodeAt(end + 3) === DQUOTE) end++;
    m.string(start, end + run, quoteAt + run, end);
    return end + run;
  }
}

/** `'x'`, `'\n'`, `'\u{1F600}'`; anything else (a Rust lifetime or label) is left as code. */
function charLiteral(m: Masker, i: number): number {
  const src = m.src;
  const next = src.charCodeAt(i + 1);
  if (next === BACKSLASH) {
    const close = src.indexOf("'", i + 3);
    if (close !== -1 && close - i <= 12 && !src.slice(i, close).includes('\n')) {
      m.blank(i, close + 1);
      return close + 1;
    }
    return i + 1;
  }
  if (Number.isNaN(next) || next === NEWLINE || next === QUOTE) return i + 1;
  const width = next >= 0xd800 && next <= 0xdbff ? 2 : 1;
  if (src.charCodeAt(i + 1 + width) === QUOTE) {
    m.blank(i, i + 2 + width);
    return i + 2 + width;
  }
  return i + 1;
}

/** Rust `r"..."`, `r#"..."#`, `b"..."`, `br#"..."#`, `c"..."`, `b'x'`; returns `i` when none. */
function rustPrefixed(m: Masker, i: number): number {
  const src = m.src;
  let j = i;
  const first = src.charCodeAt(j);
  if (first === 98 || first === 99) j++;
  const raw = src.charCodeAt(j) === 114;
  if (raw) j++;
  if (!raw && j === i) return i;
  if (raw) {
    let hashes = 0;
    while (src.charCodeAt(j + hashes) === HASH) hashes++;
    if (src.charCodeAt(j + hashes) !== DQUOTE) return i;
    return rawUntil(m, i, j + hashes + 1, `"${'#'.repeat(hashes)}`, 'unterminated raw string');
  }
  if (src.charCodeAt(j) === DQUOTE) return quoted(m, i, j, { escapes: true, multiline: true, doubled: false });
  if (first === 98 && src.charCodeAt(j) === QUOTE) return charLiteral(m, j);
  return i;
}

/** C# `@"..."`, `$"..."`, `$@"..."`, `@$"..."`, `$$"""..."""`; returns `i` when none. */
function csharpPrefixed(m: Masker, i: number): number {
  const src = m.src;
  let j = i;
  let verbatim = false;
  let interpolated = false;
  for (;;) {
    const c = src.charCodeAt(j);
    if (c === DOLLAR) interpolated = true;
    else if (c === AT && !verbatim) verbatim = true;
    else break;
    j++;
  }
  if (src.charCodeAt(j) !== DQUOTE) return i;
  if (!verbatim && src.startsWith('"""', j)) return tripleQuoted(m, i, j, true);
  return quoted(m, i, j, { escapes: !verbatim, multiline: verbatim, doubled: verbatim, ...(interpolated ? { holes: 'csharp' as const } : {}) });
}

/** Per-language settings. */
export const SYNTAX = {
  go: { nestedComments: false, backtick: true, tripleQuote: false, multiline: false, rust: false, csharp: false, kotlinHoles: false },
  java: { nestedComments: false, backtick: false, tripleQuote: true, multiline: false, rust: false, csharp: false, kotlinHoles: false },
  kotlin: { nestedComments: true, backtick: false, tripleQuote: true, multiline: false, rust: false, csharp: false, kotlinHoles: true },
  csharp: { nestedComments: false, backtick: false, tripleQuote: true, multiline: false, rust: false, csharp: true, kotlinHoles: false },
  rust: { nestedComments: true, backtick: false, tripleQuote: false, multiline: true, rust: true, csharp: false, kotlinHoles: false },
} as const satisfies Record<string, CSyntax>;
