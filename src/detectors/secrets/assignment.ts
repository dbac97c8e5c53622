/**
 * The name a value is assigned to, read backwards from the value's start on its line:
 * `NAME=value`, `export NAME="value"`, `name: value`, `"name": "value"`, `name = "value"`,
 * `name := "value"`, `os.environ["NAME"] = "value"`, `f(name="value")`, `- NAME=value`,
 * `$env:NAME = "value"`, `"Authorization": "Bearer value"`. Shared by the secrets and endpoints
 * detectors. Written as a backwards scan, not a `$`-anchored regex: such a regex retries from every
 * start position, which is quadratic on long lines of repeated `NAME=`.
 */

/** Longest line prefix looked at: bounds the work on minified single-line files. */
const LOOKBACK = 160;
const NAME = /^(?:[A-Za-z_$][\w$-]*\.){0,8}[A-Za-z_$][\w$-]*$/;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[\w$.-]/.test(c);

/** The name assigned the value that follows `before` (the line up to the value), when it reads as an assignment. */
export function assignedName(before: string): string | undefined {
  const text = before.length > LOOKBACK ? before.slice(-LOOKBACK) : before;
  let i = text.length;
  if (text.endsWith('Bearer ') || /Bearer\s$/.test(text.slice(-8))) {
    while (isSpace(text[i - 1])) i--;
    i -= 'Bearer'.length;
  }
  if (`"'\``.includes(text[i - 1] ?? 'x')) {
    i--;
    if (text[i - 1] === '@' || text[i - 1] === '$') i--;
    else {
      let j = i;
      while (isSpace(text[j - 1])) j--;
      if (text[j - 1] === '(') i = j - 1;
    }
  }
  while (isSpace(text[i - 1])) i--;
  if (text.slice(i - 2, i) === ':=' || text.slice(i - 2, i) === '=>') i -= 2;
  else if (text[i - 1] === ':' || text[i - 1] === '=') i--;
  else return undefined;
  while (isSpace(text[i - 1])) i--;
  for (let k = 0; k < 3 && `"'\`]`.includes(text[i - 1] ?? 'x'); k++) i--;
  const end = i;
  while (i > 0 && end - i <= 100 && isNameChar(text[i - 1])) i--;
  const name = text.slice(i, end);
  return name.length <= 100 && NAME.test(name) ? name : undefined;
}

/** The last segment of a dotted name (`spring.ai.openai.api-key` → `api-key`). */
export function lastSegment(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(dot + 1);
}

/**
 * The assigned name when it is written like an environment variable (`OPENAI_API_KEY`,
 * `os.environ["OPENAI_API_KEY"]`; `spring.ai.openai.api-key` is not): the only names recorded as `envNames`.
 */
export function envStyleName(name: string | undefined): string | undefined {
  const last = name === undefined ? undefined : lastSegment(name);
  return last !== undefined && last.length >= 3 && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(last) ? last : undefined;
}
