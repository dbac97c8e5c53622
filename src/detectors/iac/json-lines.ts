/**
 * A small JSON parser (RFC 8259) that keeps the line of every key, for CloudFormation JSON
 * templates and Terraform `.tf.json` files: `JSON.parse` gives no positions, and the YAML
 * parser is ~100× slower on multi-megabyte synthesized templates. Nesting is capped.
 */
import { makeMap, type IacEntry, type IacValue } from './value.ts';

/** A JSON syntax error with its 1-based line. */
export class JsonSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const MAX_DEPTH = 200;

/**
 * Parses JSON text into values; throws `JsonSyntaxError`. `firstLine` offsets lines (embedded JSON);
 * `comments` allows `//` and `/* ... *\/` comments where white space may be (ARM templates).
 */
export function parseJsonWithLines(src: string, firstLine = 1, comments = false): IacValue {
  const p = new JsonReader(src, firstLine, comments);
  p.ws();
  const value = p.value(0);
  p.ws();
  if (p.i < src.length) p.fail('unexpected text after the JSON value');
  return value;
}

class JsonReader {
  i = 0;
  line: number;
  private readonly src: string;
  private readonly comments: boolean;

  constructor(src: string, firstLine: number, comments: boolean) {
    this.src = src;
    this.line = firstLine;
    this.comments = comments;
  }

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.line);
  }

  ws(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.i];
      if (c === '\n') this.line++;
      else if (c === '/' && this.comments) {
        this.comment();
        continue;
      } else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      this.i++;
    }
  }

  /** A `//` comment to the end of its line, or a block comment to its first close; anything else after `/` is an error. */
  private comment(): void {
    const s = this.src;
    if (s[this.i + 1] === '/') {
      const end = s.indexOf('\n', this.i);
      this.i = end < 0 ? s.length : end;
      return;
    }
    if (s[this.i + 1] !== '*') this.fail('unexpected character "/"');
    const end = s.indexOf('*/', this.i + 2);
    if (end < 0) this.fail('unterminated comment');
    for (let k = this.i; k < end; k++) if (s.charCodeAt(k) === 10) this.line++;
    this.i = end + 2;
  }

  value(depth: number): IacValue {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.src[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.src.slice(this.i, this.i + 400));
    if (m === null) this.fail(c === undefined ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(c)}`);
    this.i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  }

  private object(depth: number): IacValue {
    const line = this.line;
    this.i++;
    const entries: IacEntry[] = [];
    this.ws();
    if (this.src[this.i] === '}') {
      this.i++;
      return makeMap(entries, line);
    }
    for (;;) {
      this.ws();
      if (this.src[this.i] !== '"') this.fail('expected a string key');
      const keyLine = this.line;
      const key = this.string();
      this.ws();
      if (this.src[this.i++] !== ':') this.fail('expected ":" after a key');
      this.ws();
      entries.push({ key, value: this.value(depth + 1), line: keyLine });
      this.ws();
      const sep = this.src[this.i++];
      if (sep === '}') return makeMap(entries, line);
      if (sep !== ',') this.fail('expected "," or "}" in an object');
    }
  }

  private array(depth: number): IacValue {
    const line = this.line;
    this.i++;
    const items: IacValue[] = [];
    this.ws();
    if (this.src[this.i] === ']') {
      this.i++;
      return { kind: 'list', items, line };
    }
    for (;;) {
      this.ws();
      items.push(this.value(depth + 1));
      this.ws();
      const sep = this.src[this.i++];
      if (sep === ']') return { kind: 'list', items, line };
      if (sep !== ',') this.fail('expected "," or "]" in an array');
    }
  }

  private string(): string {
    const s = this.src;
    const start = this.i;
    let j = start + 1;
    let escaped = false;
    for (;;) {
      const c = s[j];
      if (c === undefined || c === '\n') this.fail('unterminated string');
      if (c === '"') break;
      if (c === '\\') {
        escaped = true;
        j++;
      }
      j++;
    }
    this.i = j + 1;
    if (!escaped) return s.slice(start + 1, j);
    try {
      return JSON.parse(s.slice(start, j + 1)) as string;
    } catch {
      return this.fail('invalid escape in a string');
    }
  }
}
