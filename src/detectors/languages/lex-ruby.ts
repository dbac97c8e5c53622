/**
 * A Ruby lexer good enough to find `require` calls and `model:` arguments in code only: `#`
 * comments, `=begin`/`=end` blocks, `__END__`, single/double/backtick strings with `#{}` holes,
 * `%q(...)`-style literals with nesting delimiters, heredocs (`<<~ID`, `<<-ID`, `<<ID`, quoted ids,
 * several on one line), regex literals where an operand is expected, `?x` character literals and
 * `$"`-style globals. Linear, one pass; an unterminated construct is an issue and blanks the rest.
 */
import { isWordCode, lineEnd, Masker, type Masked } from './mask.ts';

const NEWLINE = 10;
const HASH = 35;
const DQUOTE = 34;
const QUOTE = 39;
const BACKTICK = 96;
const BACKSLASH = 92;
const PERCENT = 37;
const LT = 60;
const SLASH = 47;
const QMARK = 63;
const DOLLAR = 36;
const LBRACE = 123;
const RBRACE = 125;

interface Heredoc {
  readonly id: string;
  /** `<<~` / `<<-`: the terminator may be indented. */
  readonly indented: boolean;
  readonly token: number;
}

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** Keywords after which `/` starts a regex and `%` a literal. */
const OPERAND_KEYWORDS = new Set(['if', 'elsif', 'unless', 'when', 'and', 'or', 'not', 'return', 'while', 'until', 'in', 'then', 'do', 'else']);

/** Lexes a Ruby file; see `Masked`. */
export function lexRuby(src: string): Masked {
  const m = new Masker(src);
  const n = src.length;
  const pending: Heredoc[] = [];
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    const bol = i === 0 || src.charCodeAt(i - 1) === NEWLINE;
    let next = i + 1;
    if (bol && src.startsWith('=begin', i) && !isWordCode(src.charCodeAt(i + 6))) next = embeddedDoc(m, i);
    else if (bol && src.startsWith('__END__', i) && /^__END__\r?$/.test(src.slice(i, lineEnd(src, i)))) {
      m.blank(i, n);
      next = n;
    } else if (c === NEWLINE) {
      if (pending.length > 0) next = heredocBodies(m, i + 1, pending);
    } else if (c === HASH) {
      next = lineEnd(src, i);
      m.blank(i, next);
    } else if (c === DQUOTE || c === BACKTICK) next = quoted(m, i, i + 1, String.fromCharCode(c), true);
    else if (c === QUOTE) next = quoted(m, i, i + 1, "'", false);
    else if (c === PERCENT && operandExpected(src, i)) next = Math.max(i + 1, percentLiteral(m, i));
    else if (c === LT && src.charCodeAt(i + 1) === LT) next = Math.max(i + 2, heredocStart(m, i, pending));
    else if (c === SLASH && operandExpected(src, i)) next = Math.max(i + 1, regexLiteral(m, i));
    else if (c === QMARK) next = charLiteral(m, i);
    else if (c === DOLLAR && /["'`]/.test(src[i + 1] ?? '')) next = i + 2;
    i = next;
  }
  for (const h of pending) m.issue(h.token, `unterminated heredoc <<${h.id}`);
  return m.finish();
}

function embeddedDoc(m: Masker, start: number): number {
  const match = /\n=end(?![\w])/.exec(m.src.slice(start));
  if (!match) {
    m.issue(start, 'unterminated =begin block');
    m.blank(start, m.src.length);
    return m.src.length;
  }
  const end = lineEnd(m.src, start + match.index + 1);
  m.blank(start, end);
  return end;
}

/** A quoted literal (strings may span lines); `#{...}` holes are skipped in interpolating ones. */
function quoted(m: Masker, start: number, textStart: number, close: string, holes: boolean): number {
  const src = m.src;
  const closeCode = close.charCodeAt(0);
  let j = textStart;
  while (j < src.length) {
    const c = src.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === closeCode) {
      m.string(start, j + 1, textStart, j);
      return j + 1;
    } else if (holes && c === HASH && src.charCodeAt(j + 1) === LBRACE) j = skipHole(src, j + 1);
    else j++;
  }
  m.issue(start, 'unterminated string literal');
  m.string(start, src.length, textStart, src.length);
  return src.length;
}

function skipHole(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === LBRACE) depth++;
    else if (c === RBRACE && --depth === 0) return j + 1;
  }
  return src.length;
}

/** True when the previous token leaves room for an operand (so `/` is a regex, `%` a literal). */
function operandExpected(src: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (src[j] === ' ' || src[j] === '\t')) j--;
  if (j < 0 || src[j] === '\n') return true;
  const prev = src[j] ?? '';
  if ('(,=!~|&{[;:?+-*%<>^'.includes(prev)) return true;
  if (!isWordCode(src.charCodeAt(j))) return false;
  let k = j;
  while (k > 0 && isWordCode(src.charCodeAt(k - 1))) k--;
  return OPERAND_KEYWORDS.has(src.slice(k, j + 1));
}

/** `%q(..)`, `%w[..]`, `%(..)`, `%r{..}`...: bracket delimiters nest, others close on themselves. */
function percentLiteral(m: Masker, i: number): number {
  const src = m.src;
  let j = i + 1;
  if (/[qQwWiIrsx]/.test(src[j] ?? '')) j++;
  const open = src[j] ?? '';
  if (open === '' || /[\w\s]/.test(open)) return i;
  const close = PAIRS[open] ?? open;
  let depth = 1;
  for (let k = j + 1; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === close && --depth === 0) {
      m.string(i, k + 1, j + 1, k);
      return k + 1;
    } else if (c === open && close !== open) depth++;
  }
  m.issue(i, 'unterminated percent literal');
  m.string(i, src.length, j + 1, src.length);
  return src.length;
}

/** Registers a heredoc opened at `<<`; returns `i` when the `<<` is an operator. */
function heredocStart(m: Masker, i: number, pending: Heredoc[]): number {
  const src = m.src;
  let j = i + 2;
  const indented = src[j] === '~' || src[j] === '-';
  if (indented) j++;
  let id: string;
  const q = src[j] ?? '';
  if (q === "'" || q === '"' || q === '`') {
    const close = src.indexOf(q, j + 1);
    if (close === -1 || close > lineEnd(src, j)) return i;
    id = src.slice(j + 1, close);
    j = close + 1;
  } else {
    const word = /^[A-Za-z_]\w*/.exec(src.slice(j, j + 128));
    if (!word || (!indented && !/^[A-Z_]/.test(word[0]))) return i;
    id = word[0];
    j += id.length;
  }
  if (id === '') return i;
  pending.push({ id, indented, token: i });
  m.string(i, j, j, j);
  return j;
}

/** Blanks the bodies of the pending heredocs, which start on the line after their tokens. */
function heredocBodies(m: Masker, bodyStart: number, pending: Heredoc[]): number {
  const src = m.src;
  let pos = bodyStart;
  let last = bodyStart - 1;
  for (const h of pending) {
    let line = pos;
    let found = -1;
    while (line < src.length) {
      const end = lineEnd(src, line);
      const text = src.slice(line, end).replace(/\r$/, '');
      if ((h.indented ? text.trim() : text) === h.id) {
        found = end;
        break;
      }
      line = end + 1;
    }
    if (found === -1) {
      m.issue(h.token, `unterminated heredoc <<${h.id}`);
      m.blank(pos, src.length);
      pending.length = 0;
      return src.length;
    }
    m.blank(pos, found);
    last = found;
    pos = found + 1;
  }
  pending.length = 0;
  return last;
}

/** `/.../` on one line (character classes may hold `/`); returns `i` when it is a division. */
function regexLiteral(m: Masker, i: number): number {
  const src = m.src;
  let inClass = false;
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === '\n') return i;
    if (c === '\\') j++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      m.blank(i, j + 1);
      return j + 1;
    }
  }
  return i;
}

/** `?x` character literals (so `?"` does not open a string); a ternary `?` is left alone. */
function charLiteral(m: Masker, i: number): number {
  const src = m.src;
  const prev = src[i - 1] ?? '\n';
  const ch = src[i + 1] ?? '';
  if (!/[\s(,[=]/.test(prev) || ch === '' || /\s/.test(ch)) return i + 1;
  if (ch === '\\') {
    m.blank(i, Math.min(src.length, i + 3));
    return i + 3;
  }
  if (isWordCode(src.charCodeAt(i + 2))) return i + 1;
  m.blank(i, i + 2);
  return i + 2;
}
