/**
 * A JSONC reader (JSON plus `//` and `/* *\/` comments and trailing commas, as VS Code, Zed and
 * opencode write their settings) that keeps the line of every key. Written here rather than taken
 * from a package because it also has to bound nesting (a 100k-deep file must fail fast, not blow
 * the stack) and must never quote the file in its errors (config files hold tokens).
 */
import { lineIndexAt } from '../shared/line-index.ts';
import { ConfigSyntaxError, MAX_DEPTH, type CEntry, type CValue } from './tree.ts';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Reader {
  private pos = 0;
  private readonly lineStarts: number[] = [0];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based line of an offset (binary search over line starts). */
  lineAt(offset: number): number {
    return lineIndexAt(this.lineStarts, offset) + 1;
  }

  fail(message: string, offset = this.pos): never {
    if (offset >= this.text.length && !message.startsWith('unterminated')) message = 'unexpected end of file';
    throw new ConfigSyntaxError(`invalid JSON: ${message}`, this.lineAt(Math.min(offset, this.text.length)));
  }

  /** Skips whitespace and comments; returns the next character code (NaN at the end). */
  skip(): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) this.pos++;
      else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2f) {
        const end = t.indexOf('\n', this.pos);
        this.pos = end === -1 ? t.length : end;
      } else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2a) {
        const end = t.indexOf('*/', this.pos + 2);
        if (end === -1) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return c;
    }
  }

  atEnd(): boolean {
    return Number.isNaN(this.skip());
  }

  value(depth: number): CValue {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    const c = this.skip();
    const line = this.lineAt(this.pos);
    if (c === 0x7b) return this.object(depth, line);
    if (c === 0x5b) return this.array(depth, line);
    if (c === 0x22) return { t: 'str', v: this.string(), line };
    NUMBER.lastIndex = this.pos;
    const num = NUMBER.exec(this.text);
    if (num !== null) {
      this.pos += num[0].length;
      return { t: 'num', v: Number(num[0]), line };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v === null ? { t: 'null', v, line } : { t: 'bool', v, line };
      }
    }
    return this.fail(Number.isNaN(c) ? 'unexpected end of file' : 'unexpected character');
  }

  private object(depth: number, line: number): CValue {
    this.pos++;
    const entries: CEntry[] = [];
    for (;;) {
      const c = this.skip();
      if (c === 0x7d) break;
      if (c !== 0x22) this.fail('expected a quoted key or }');
      const keyLine = this.lineAt(this.pos);
      const key = this.string();
      if (this.skip() !== 0x3a) this.fail('expected : after a key');
      this.pos++;
      entries.push({ key, line: keyLine, value: this.value(depth + 1) });
      const next = this.skip();
      if (next === 0x2c) this.pos++;
      else if (next !== 0x7d) this.fail('expected , or }');
    }
    this.pos++;
    return { t: 'obj', entries, line };
  }

  private array(depth: number, line: number): CValue {
    this.pos++;
    const items: CValue[] = [];
    for (;;) {
      if (this.skip() === 0x5d) break;
      items.push(this.value(depth + 1));
      const next = this.skip();
      if (next === 0x2c) this.pos++;
      else if (next !== 0x5d) this.fail('expected , or ]');
    }
    this.pos++;
    return { t: 'arr', items, line };
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let out = '';
    let from = ++this.pos;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c) || c === 0x0a) this.fail('unterminated string', start);
      if (c === 0x22) break;
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += t.slice(from, this.pos);
      const e = t[this.pos + 1] ?? '';
      if (e === 'u') {
        const hex = t.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const ch = ESCAPES[e];
        if (ch === undefined) this.fail('bad escape');
        out += ch;
        this.pos += 2;
      }
      from = this.pos;
    }
    out += t.slice(from, this.pos);
    this.pos++;
    return out;
  }
}

/**
 * Parses JSON with comments and trailing commas. Returns undefined for a blank file; throws
 * `ConfigSyntaxError` (with the line) for anything else that is not one JSONC value.
 */
export function parseJsonc(text: string): CValue | undefined {
  const reader = new Reader(text);
  if (reader.atEnd()) return undefined;
  const value = reader.value(0);
  if (!reader.atEnd()) reader.fail('unexpected content after the value');
  return value;
}
