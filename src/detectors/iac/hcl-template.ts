/**
 * HCL2 templates (quoted strings and heredocs): literal text with escapes resolved, and
 * `${ expr }` interpolations parsed as expressions in place (true line numbers). `%{ }` directives
 * are not evaluated: they make the template opaque (kept as text).
 */
import type { Expr, TemplatePart } from './hcl-ast.ts';
import { ExprParser, MAX_DEPTH } from './hcl-expressions.ts';
import { HclSyntaxError, skipInterpolation, tokenize, type Token } from './hcl-lexer.ts';

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Parses the template a string or heredoc token holds. */
export function parseTemplate(src: string, token: Token, depth: number): Expr {
  if (depth > MAX_DEPTH) throw new HclSyntaxError(`nesting deeper than ${MAX_DEPTH} levels`, token.line);
  const quoted = token.type === 'string';
  const parts: TemplatePart[] = [];
  let literal = '';
  let opaque = false;
  let line = token.line;
  let i = token.start;
  let segment = i;
  const end = token.end;
  const flushSegment = (): void => {
    literal += src.slice(segment, i);
  };
  while (i < end) {
    const c = src[i] as string;
    if (quoted && c === '\\') {
      flushSegment();
      const [text, width] = unescape(src, i, token.line);
      literal += text;
      i += width;
      segment = i;
    } else if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      flushSegment();
      literal += `${c}{`;
      i += 3;
      segment = i;
    } else if ((c === '$' || c === '%') && src[i + 1] === '{') {
      flushSegment();
      const close = skipInterpolation(src, i + 2, end, line, 0);
      if (c === '%') opaque = true;
      else {
        if (literal !== '') parts.push(literal);
        literal = '';
        parts.push(interpolation(src, i + 2, close - 1, line, depth));
      }
      line += countNewlines(src, i, close);
      i = close;
      segment = i;
    } else {
      if (c === '\n') line++;
      i++;
    }
  }
  flushSegment();
  if (literal !== '') parts.push(literal);
  const start = quoted ? token.start - 1 : token.start;
  return { type: 'template', parts, opaque, start, end: quoted ? end + 1 : end, line: token.line, ...(token.flush === true ? { flush: true } : {}) };
}

function interpolation(src: string, start: number, end: number, line: number, depth: number): Expr {
  let s = start;
  let e = end;
  if (src[s] === '~') s++;
  if (e > s && src[e - 1] === '~') e--;
  const tokens = tokenize(src, s, e, line).filter((t) => t.type !== 'newline');
  const parser = new ExprParser(src, tokens, depth + 1);
  return parser.parseExpr();
}

function unescape(src: string, i: number, line: number): [string, number] {
  const c = src[i + 1] ?? '';
  const simple = ESCAPES[c];
  if (simple !== undefined) return [simple, 2];
  const hex = c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (hex > 0) {
    const digits = src.slice(i + 2, i + 2 + hex);
    const code = /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
    if (digits.length === hex && code <= 0x10ffff) return [String.fromCodePoint(code), 2 + hex];
  }
  throw new HclSyntaxError(`invalid escape sequence \\${c}`, line);
}

function countNewlines(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = src.indexOf('\n', from); i !== -1 && i < to; i = src.indexOf('\n', i + 1)) n++;
  return n;
}

/** Removes the common leading indentation of a `<<-` heredoc's lines. */
export function stripIndent(text: string): string {
  const lines = text.split('\n');
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    min = Math.min(min, l.length - l.trimStart().length);
  }
  if (min === Infinity || min === 0) return text;
  return lines.map((l) => l.slice(Math.min(min, l.length - l.trimStart().length))).join('\n');
}
