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

/** Reads the literal at `start`, whose prefix (`rb`, `f`, ...) is `prefixLength` characters long. */
export function readString(src: string, start: number, prefixLength: number): StringRead {
  const prefix = src.slice(start, start + prefixLength).toLowerCase();
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f') || prefix.includes('t');
  const q = src[start + prefixLength] ?? '"';
  const triple = src.startsWith(q.repeat(3), start + prefixLength);
  const close = triple ? q.repeat(3) : q;
  let i = start + prefixLength + close.length;
  const bodyStart = i;
  let newlines = 0;
  while (i < src.length) {
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
  return { end: src.length, value: undefined, newlines, error: triple ? 'unterminated triple-quoted string' : 'unterminated string literal' };
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
