/**
 * Bicep tokenizer: identifiers, numbers, punctuation, newlines (they separate statements, object
 * entries and array items), single-quoted strings with `\` escapes and `${}` interpolations (the
 * tokens of each interpolation kept with the string), `'''` multi-line strings (verbatim), `//` and
 * `/* *\/` comments and `#disable-next-line` pragmas (dropped). Errors throw `BicepSyntaxError` with the line; the reader turns it
 * into a diagnostic. Source: learn.microsoft.com/azure/azure-resource-manager/bicep/file, data-types.
 */

export class BicepSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

interface TokBase {
  /** Offsets in the source: `start` inclusive, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export type Token =
  | (TokBase & { readonly t: 'id'; readonly v: string })
  | (TokBase & { readonly t: 'num'; readonly v: number })
  | (TokBase & { readonly t: 'nl' })
  | (TokBase & { readonly t: 'p'; readonly v: string })
  /** `value` is the unescaped text when there is no interpolation; `raw` the text between the quotes as written. */
  | (TokBase & { readonly t: 'str'; readonly value: string | undefined; readonly raw: string; readonly interps: readonly (readonly Token[])[] });

/** Punctuation read as one token. */
const MULTI = ['...', '::', '.?', '??', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '=>'];
/** Strings nested in interpolations nested in strings, deeper than this, are refused. */
const MAX_STRING_NESTING = 32;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

class Lexer {
  private pos = 0;
  private line = 1;
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  /** Tokens up to the end, or (inside an interpolation) up to the `}` that closes it. */
  tokens(inInterp: boolean, nesting: number, out: Token[] = [], openLine = this.line): Token[] {
    let braces = 0;
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos] as string;
      const start = this.pos;
      if (c === '\n') {
        out.push({ t: 'nl', start, end: start + 1, line: this.line });
        this.pos++;
        this.line++;
      } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
        this.pos++;
      } else if ((c === '/' && src[this.pos + 1] === '/') || c === '#') {
        // `#disable-next-line BCP036`, `#disable-diagnostics`: pragmas, read as comments.
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl === -1 ? src.length : nl;
      } else if (c === '/' && src[this.pos + 1] === '*') {
        const close = src.indexOf('*/', this.pos + 2);
        if (close === -1) throw new BicepSyntaxError('unterminated /* comment', this.line);
        this.countLines(this.pos, close + 2);
        this.pos = close + 2;
      } else if (c === "'") {
        out.push(src.startsWith("'''", this.pos) ? this.multiline() : this.string(nesting));
      } else if (/[A-Za-z_]/.test(c)) {
        const m = /[A-Za-z_][A-Za-z0-9_]*/y;
        m.lastIndex = this.pos;
        const v = (m.exec(src) as RegExpExecArray)[0];
        this.pos += v.length;
        out.push({ t: 'id', v, start, end: this.pos, line: this.line });
      } else if (/[0-9]/.test(c)) {
        const m = /[0-9]+(?:\.[0-9]+)?/y;
        m.lastIndex = this.pos;
        const v = (m.exec(src) as RegExpExecArray)[0];
        this.pos += v.length;
        out.push({ t: 'num', v: Number(v), start, end: this.pos, line: this.line });
      } else {
        if (inInterp && c === '}' && braces === 0) return out;
        if (inInterp && c === '{') braces++;
        if (inInterp && c === '}') braces--;
        const v = MULTI.find((m) => src.startsWith(m, this.pos)) ?? c;
        if (!/[{}[\]().,:;?!=<>+\-*/%&|@~^#$]/.test(v[0] as string)) throw new BicepSyntaxError(`unexpected character ${JSON.stringify(c)}`, this.line);
        this.pos += v.length;
        out.push({ t: 'p', v, start, end: this.pos, line: this.line });
      }
    }
    if (inInterp) throw new BicepSyntaxError('unterminated ${ interpolation', openLine);
    return out;
  }

  private countLines(from: number, to: number): void {
    for (let at = this.src.indexOf('\n', from); at !== -1 && at < to; at = this.src.indexOf('\n', at + 1)) this.line++;
  }

  /** `'''...'''`: verbatim, no escapes or interpolation; a newline right after the opening quotes is dropped. */
  private multiline(): Token {
    const start = this.pos;
    const line = this.line;
    const close = this.src.indexOf("'''", start + 3);
    if (close === -1) throw new BicepSyntaxError("unterminated ''' string", line);
    let end = close + 3;
    // A closing run of more than three quotes ends with its last three (the others belong to the text).
    while (this.src[end] === "'") end++;
    const raw = this.src.slice(start + 3, end - 3);
    this.countLines(start, end);
    this.pos = end;
    const value = raw.replace(/^\r?\n/, '');
    return { t: 'str', value, raw, interps: [], start, end, line };
  }

  private string(nesting: number): Token {
    if (nesting > MAX_STRING_NESTING) throw new BicepSyntaxError(`strings nested deeper than ${MAX_STRING_NESTING} levels`, this.line);
    const src = this.src;
    const start = this.pos;
    const line = this.line;
    const interps: Token[][] = [];
    let value = '';
    this.pos++;
    for (;;) {
      const c = src[this.pos];
      if (c === undefined || c === '\n') throw new BicepSyntaxError('unterminated string', line);
      if (c === "'") break;
      if (c === '\\') {
        const e = src[this.pos + 1] ?? '';
        if (e === 'u' && src[this.pos + 2] === '{') {
          const close = src.indexOf('}', this.pos + 3);
          const code = close === -1 ? NaN : parseInt(src.slice(this.pos + 3, close), 16);
          if (!Number.isInteger(code) || code > 0x10ffff) throw new BicepSyntaxError('invalid \\u{} escape', line);
          value += String.fromCodePoint(code);
          this.pos = close + 1;
          continue;
        }
        const escaped = ESCAPES[e];
        if (escaped === undefined) throw new BicepSyntaxError(`invalid escape \\${e}`, line);
        value += escaped;
        this.pos += 2;
      } else if (c === '$' && src[this.pos + 1] === '{') {
        this.pos += 2;
        interps.push(this.tokens(true, nesting + 1, [], line));
        if (src[this.pos] !== '}') throw new BicepSyntaxError('unterminated ${ interpolation', line);
        this.pos++;
      } else {
        value += c;
        this.pos++;
      }
    }
    this.pos++;
    return { t: 'str', value: interps.length === 0 ? value : undefined, raw: src.slice(start + 1, this.pos - 1), interps, start, end: this.pos, line };
  }
}

/** Every token of a Bicep file (comments and spaces dropped); on an error, the tokens before it and the error. */
export function lexBicep(src: string): { tokens: Token[]; error?: BicepSyntaxError } {
  const tokens: Token[] = [];
  try {
    new Lexer(src).tokens(false, 0, tokens);
    return { tokens };
  } catch (error) {
    if (error instanceof BicepSyntaxError) return { tokens, error };
    throw error;
  }
}
