/**
 * Bracket pairs of masked code (no strings or comments), for the readers that walk calls and
 * literals (`mcp-go.ts`, `mcp-jvm.ts`, `mcp-jvm-server.ts`, ...). Brackets are paired once per file with a stack: asking per
 * call, thousands of unclosed `mcp.Tool{` or `builder(` would each scan to the end of the file.
 * Also the step the readers take between a name and its bracket (`skipSpace`), and the top-level
 * arguments of a call (`splitArgs`).
 */

const OPEN = '({[';
const CLOSE = ')}]';

/** The pairs of the file being read (every question is about the same code); dropped by `releaseBrackets`. */
let paired: { readonly code: string; readonly close: Int32Array } | undefined;

/** Offset of the bracket closing the one at `open`, or the end of the code when it never closes. */
export function closingBracket(code: string, open: number): number {
  if (paired?.code !== code) {
    const close = new Int32Array(code.length).fill(code.length);
    const stack: number[] = [];
    for (let i = 0; i < code.length; i++) {
      const c = code[i] as string;
      if (OPEN.includes(c)) stack.push(i);
      else if (CLOSE.includes(c)) {
        const at = stack.pop();
        if (at !== undefined) close[at] = i;
      }
    }
    paired = { code, close };
  }
  return paired.close[open] ?? code.length;
}

/** Drops the pairs once a file is done: not kept between files (megabytes for a big one). */
export function releaseBrackets(): void {
  paired = undefined;
}

/** True for an opening bracket. */
export const isOpen = (c: string | undefined): boolean => c !== undefined && c !== '' && OPEN.includes(c);

/** True for a closing bracket. */
export const isClose = (c: string | undefined): boolean => c !== undefined && c !== '' && CLOSE.includes(c);

/** Offset of the first character at or after `i` that is not white space (the end of the code if none). */
export function skipSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code[i] as string)) i++;
  return i;
}

/**
 * Top-level argument ranges `[start, end)` (trimmed) between the brackets at `open` and `close`;
 * none for a list longer than `maxSpan` (a builder's arguments are short: nested or generated code
 * is not read, which keeps a file of nested constructions linear).
 */
export function splitArgs(code: string, open: number, close: number, maxSpan: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (close - open > maxSpan) return out;
  let start = open + 1;
  let depth = 0;
  const push = (end: number): void => {
    const a = skipSpace(code, start);
    let b = end;
    while (b > a && /\s/.test(code[b - 1] as string)) b--;
    if (b > a) out.push([a, b]);
  };
  for (let i = open + 1; i < close; i++) {
    const c = code[i];
    if (isOpen(c)) depth++;
    else if (isClose(c)) depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(close);
  return out;
}

/** A builder call chained on a construction: its name and argument brackets. */
export interface ChainedCall {
  readonly method: string;
  readonly open: number;
  readonly close: number;
}

/** The calls chained right after the bracket at `close` (`.serverInfo(...).tools(...).build()`), at most `max`. */
export function chainAfter(code: string, close: number, max: number): ChainedCall[] {
  const calls: ChainedCall[] = [];
  let pos = close + 1;
  while (calls.length < max) {
    const m = /^\s*\.\s*([A-Za-z_$][\w$]*)\s*\(/.exec(code.slice(pos, pos + 200));
    if (m === null) break;
    const open = pos + m[0].length - 1;
    const end = closingBracket(code, open);
    if (end >= code.length) break;
    calls.push({ method: m[1] as string, open, close: end });
    pos = end + 1;
  }
  return calls;
}
