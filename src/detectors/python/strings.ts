/**
 * Python string literals: finds where one ends and folds it to a value when it is a literal.
 * f-strings (and 3.14 t-strings) count as literals only when they hold no `{field}`.
 * Escapes decoded: the common single-character ones, `\xhh`, `\uXXXX`, `\UXXXXXXXX`, line
 * continuation; anything else is kept as written (ids rarely carry escapes).
 */

export interface StringRead {
  /** Offset just past the closing quote (or where reading stopped). */
  readonly end: number;
  /** Decoded value, or undefined when not a literal. */
  readonly value: string | undefined;
  /** Newlines consumed inside the literal. */
  readonly newlines: number;
  /** Set when the literal is unterminated. */
  readonly error?: string;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/**
 * PEP 701 (Python 3.12): a one-line f-string's replacement field may span lines. Such a string is
 * read field-aware only after the plain reading failed at a line break, within these bounds (f-strings
 * nested in fields, lines and characters a field may span), so the retry costs at most a bounded scan
 * per line that would have been an error anyway; beyond them the error stands.
 */
const MAX_FIELD_NESTING = 2;
const MAX_FIELD_LINES = 64;
const MAX_FIELD_CHARS = 2048;

/** Reads the literal at `start`, whose prefix (`rb`, `f`, ...) is `prefixLength` characters long. */
export function readString(src: string, start: number, prefixLength: number, nesting = 0, limit = src.length): StringRead {
  const read = readPlain(src, start, prefixLength, limit);
  if (read.error !== 'unterminated string literal' || nesting >= MAX_FIELD_NESTING || !/[ft]/i.test(src.slice(start, start + prefixLength))) return read;
  return readFieldAware(src, start, prefixLength, nesting, limit) ?? read;
}

function readPlain(src: string, start: number, prefixLength: number, limit: number): StringRead {
  const prefix = src.slice(start, start + prefixLength).toLowerCase();
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f') || prefix.includes('t');
  const q = src[start + prefixLength] ?? '"';
  const triple = src.startsWith(q.repeat(3), start + prefixLength);
  const close = triple ? q.repeat(3) : q;
  let i = start + prefixLength + close.length;
  const bodyStart = i;
  let newlines = 0;
  while (i < limit) {
    const ch = src[i];
    if (ch === '\\') {
      if (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] !== '\n')) newlines++;
      else if (src[i + 1] === '\r') { newlines++; i++; }
      i += 2;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (!triple) return { end: i, value: undefined, newlines, error: 'unterminated string literal' };
      if (!(ch === '\r' && src[i + 1] === '\n')) newlines++;
      i++;
      continue;
    }
    if (ch === q && src.startsWith(close, i)) {
      const body = src.slice(bodyStart, i);
      return { end: i + close.length, value: foldValue(body, raw, formatted), newlines };
    }
    i++;
  }
  return { end: limit, value: undefined, newlines, error: triple ? 'unterminated triple-quoted string' : 'unterminated string literal' };
}

/** A one-line f-string whose fields may span lines (PEP 701); undefined when it does not close so. */
function readFieldAware(src: string, start: number, prefixLength: number, nesting: number, limit: number): StringRead | undefined {
  const q = src[start + prefixLength] ?? '"';
  let i = start + prefixLength + 1;
  let newlines = 0;
  while (i < limit) {
    const ch = src[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '\n' || ch === '\r' || ch === q) break;
    if (ch === '{') {
      if (src[i + 1] === '{') {
        i += 2;
        continue;
      }
      const field = skipField(src, i + 1, nesting, Math.min(limit, i + 1 + MAX_FIELD_CHARS));
      if (field === undefined) return undefined;
      newlines += field.newlines;
      i = field.end;
      continue;
    }
    i++;
  }
  // The value of a string with fields is never a literal.
  return src[i] === q ? { end: i + 1, value: undefined, newlines } : undefined;
}

/**
 * The end (just past its `}`) of the replacement field whose expression starts at `start`: brackets
 * counted, nested strings read whole; undefined when it does not close before `stop` or within
 * `MAX_FIELD_LINES` lines.
 */
function skipField(src: string, start: number, nesting: number, stop: number): { end: number; newlines: number } | undefined {
  let depth = 1;
  let newlines = 0;
  let i = start;
  while (i < stop) {
    const ch = src[i];
    if (ch === '"' || ch === "'") {
      let p = 0;
      while (p < 2 && i - p - 1 >= start && /[rRbBfFuUtT]/.test(src[i - p - 1] ?? '')) p++;
      if (p > 0 && i - p - 1 >= start && /\w/.test(src[i - p - 1] ?? '')) p = 0;
      const inner = readString(src, i - p, p, nesting + 1, stop);
      if (inner.error !== undefined) return undefined;
      newlines += inner.newlines;
      i = inner.end;
      continue;
    }
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') {
      if (--depth === 0) return ch === '}' ? { end: i + 1, newlines } : undefined;
    } else if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) {
      if (++newlines > MAX_FIELD_LINES) return undefined;
    } else if (ch === '#') {
      // A comment in a multi-line field runs to the end of its line.
      while (i < stop && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    } else if (ch === '\\') {
      i++;
    }
    i++;
  }
  return undefined;
}

function foldValue(body: string, raw: boolean, formatted: boolean): string | undefined {
  let text = body;
  if (formatted) {
    if (text.replace(/\{\{/g, '').includes('{')) return undefined;
    text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  }
  return raw ? text : decodeEscapes(text);
}

function decodeEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(\r\n|\n|\r|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (whole, esc: string) => {
    if (esc === '\n' || esc === '\r\n' || esc === '\r') return '';
    if (esc.length > 1) {
      const code = Number.parseInt(esc.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return SIMPLE[esc] ?? whole;
  });
}
