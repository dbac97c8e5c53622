/**
 * Every string a finite regex matches, for deriving a detector's gate literals (`Detector.literals`)
 * from the very pre-check regex it runs: one source of truth, so the gate can never drift from the
 * check it stands in front of. Only the finite subset is understood: literal characters,
 * punctuation escapes (`\.`), classes of listed characters and ranges (`[-_.]`, `[Aa]`), `?`,
 * groups (`(...)`, `(?:...)`) and `|`. Anything else (`*`, `+`, `{n}`, `.`, `\s`, anchors,
 * lookarounds, flags other than `g`/`u`) throws: a gate must never be built from a guess.
 */

class Reader {
  pos = 0;
  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  peek(): string | undefined {
    return this.source[this.pos];
  }

  next(): string {
    const c = this.source[this.pos++];
    if (c === undefined) throw this.error('unexpected end');
    return c;
  }

  error(what: string): Error {
    return new Error(`regex /${this.source}/ is not a finite literal set: ${what} at ${this.pos}`);
  }
}

function cross(left: readonly string[], right: readonly string[], limit: number, r: Reader): string[] {
  if (left.length * right.length > limit) throw r.error(`more than ${limit} strings`);
  return left.flatMap((a) => right.map((b) => a + b));
}

function alternation(r: Reader, limit: number): string[] {
  const out = sequence(r, limit);
  while (r.peek() === '|') {
    r.next();
    out.push(...sequence(r, limit));
    if (out.length > limit) throw r.error(`more than ${limit} strings`);
  }
  return out;
}

function sequence(r: Reader, limit: number): string[] {
  let out = [''];
  for (let c = r.peek(); c !== undefined && c !== '|' && c !== ')'; c = r.peek()) {
    let part = atom(r, limit);
    if (r.peek() === '?') {
      r.next();
      part = [...part, ''];
    }
    out = cross(out, part, limit, r);
  }
  return out;
}

function escaped(r: Reader): string {
  const c = r.next();
  if (/[A-Za-z0-9]/.test(c)) throw r.error(`escape \\${c}`);
  return c;
}

function atom(r: Reader, limit: number): string[] {
  const c = r.next();
  if (c === '(') {
    if (r.peek() === '?') {
      r.next();
      if (r.next() !== ':') throw r.error('lookaround or named group');
    }
    const inner = alternation(r, limit);
    if (r.next() !== ')') throw r.error('unclosed group');
    return inner;
  }
  if (c === '[') return characterClass(r);
  if (c === '\\') return [escaped(r)];
  if ('*+{}.^$?'.includes(c)) throw r.error(`operator ${c}`);
  return [c];
}

function characterClass(r: Reader): string[] {
  if (r.peek() === '^') throw r.error('negated class');
  const chars: string[] = [];
  for (let c = r.next(); c !== ']'; c = r.next()) {
    const from = c === '\\' ? escaped(r) : c;
    if (r.peek() === '-' && r.source[r.pos + 1] !== ']') {
      r.next();
      const toChar = r.next();
      const to = toChar === '\\' ? escaped(r) : toChar;
      for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
    } else chars.push(from);
  }
  return [...new Set(chars)];
}

/** Every string `re` matches, deduplicated, in expansion order; throws when that is not finite. */
export function literalsOf(re: RegExp, limit = 10_000): string[] {
  if (/[^gu]/.test(re.flags)) throw new Error(`regex /${re.source}/${re.flags}: flags other than g and u change what matches`);
  const r = new Reader(re.source);
  const out = alternation(r, limit);
  if (r.pos !== r.source.length) throw r.error('unbalanced )');
  return [...new Set(out)];
}
