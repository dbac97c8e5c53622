/**
 * A linear pre-scan for YAML nested too deep to read safely, run before any parsing: flow
 * collections (`[[[[...`) and dash runs (`- - - - x`) deeper than `MAX_DEPTH`. It needs no parse,
 * so it also guards Kubernetes-shaped files that the catalog gate would otherwise skip unread. It is
 * approximate on purpose: quotes are honoured, a top-level line or `---` resets the flow depth (a flow
 * collection cannot span one), comments are skipped, and block indentation is left to the parser and
 * `yaml-tree.ts`. A regex jumps between the characters that matter, so the scan runs in native code.
 */
/** Deepest nesting `yaml-tree.ts` reads (deeper content is cut) and this guard allows. */
export const MAX_DEPTH = 64;

const INTERESTING = /[\n"'#[\]{}]/g;
const DASH_RUN = new RegExp(`^[ \\t]*(?:- +){${MAX_DEPTH + 1}}`, 'm');
/** Any dash run needs two dashes with only blanks between: a cheap gate, since `^` with the `m` flag is tried at every line. */
const TWO_DASHES = /- +-/;
/** A quote opens a quoted scalar only after these (so `it's` in a plain scalar is no quote). */
const OPENS_QUOTE = new Set([' ', '\t', '\n', '[', '{', ',', ':']);
/** A line starting with one of these can continue a flow collection; any other ends it. */
const CONTINUES_FLOW = new Set([' ', '\t', '\n', ']', '}', '']);

/** 1-based line of a character offset, counted from a known line/offset pair. */
function advance(content: string, from: number, to: number, line: number): number {
  let n = line;
  for (let i = content.indexOf('\n', from); i !== -1 && i < to; i = content.indexOf('\n', i + 1)) n++;
  return n;
}

/** The 1-based line where nesting first exceeds `MAX_DEPTH`, or undefined. */
export function tooDeepAt(content: string): number | undefined {
  const dashes = TWO_DASHES.test(content) ? DASH_RUN.exec(content) : null;
  let limit = dashes === null ? content.length : dashes.index;
  let depth = 0;
  let quote = '';
  INTERESTING.lastIndex = 0;
  for (let m = INTERESTING.exec(content); m !== null && m.index < limit; m = INTERESTING.exec(content)) {
    const c = m[0];
    const i = m.index;
    if (c === '\n') {
      if (!CONTINUES_FLOW.has(content.charAt(i + 1))) {
        depth = 0;
        quote = '';
      }
    } else if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || OPENS_QUOTE.has(content.charAt(i - 1))) quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) limit = i;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    } else if (i === 0 || ' \t\n'.includes(content.charAt(i - 1))) {
      // A comment: jump to the end of the line.
      const end = content.indexOf('\n', i);
      INTERESTING.lastIndex = end === -1 ? content.length : end;
    }
  }
  return limit === content.length ? undefined : advance(content, 0, limit, 1);
}
