/**
 * Java `.properties` (Spring Boot `application.properties`) into the shared tree: each dotted key
 * becomes a path (`spring.ai.mcp.client.stdio.connections.fs.command` → nested objects), `[n]`
 * indexes become array items (`args[0]`), so the YAML and properties forms of one Spring setting
 * read the same. Syntax per `java.util.Properties.load`: `#`/`!` comments, `=`, `:` or blanks
 * between key and value, a trailing `\` continues the line, `\uXXXX` and `\t`-style escapes.
 * Every value is a string (Spring converts later). Keys deeper than `MAX_DEPTH` are skipped.
 */
import { MAX_DEPTH, type CEntry, type CValue } from './tree.ts';

interface Node {
  line: number;
  value?: string;
  children?: Map<string, Node>;
}

const ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => (c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (ESCAPES[c] ?? c)));
}

/** True when a physical line ends in an odd number of backslashes. */
function continues(piece: string): boolean {
  let n = 0;
  for (let i = piece.length - 1; i >= 0 && piece[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Logical lines (continuations joined) with the 1-based line each starts on. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const start = i;
    let piece = (raw[i] as string).replace(/^[ \t\f]+/, '');
    if (piece === '' || piece.startsWith('#') || piece.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the line (leading blanks of the next dropped).
    // Only the piece just read is looked at, and the pieces are joined once: linear in the file.
    const pieces: string[] = [];
    while (continues(piece) && i + 1 < raw.length) {
      pieces.push(piece.slice(0, -1));
      piece = (raw[++i] as string).replace(/^[ \t\f]+/, '');
    }
    pieces.push(piece);
    out.push({ text: pieces.join(''), line: start + 1 });
  }
  return out;
}

/** Key and value of one logical line. */
function split(line: string): { key: string; value: string } {
  const m = /^((?:\\.|[^\\=:\s])*)\s*[=:]?\s*/.exec(line) as RegExpExecArray;
  return { key: unescape(m[1] ?? ''), value: unescape(line.slice(m[0].length)) };
}

/** `name[0][1]` → `name`, `0`, `1`; `a.b` → `a`, `b`. */
function segments(key: string): string[] {
  return key.split('.').flatMap((part) => {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) return [part];
    return [...(m[1] === '' ? [] : [m[1] as string]), ...[...(m[2] ?? '').matchAll(/\d+/g)].map((d) => d[0])];
  });
}

function toValue(node: Node): CValue {
  if (node.children === undefined) return { t: 'str', v: node.value ?? '', line: node.line };
  const entries: CEntry[] = [...node.children].map(([key, child]) => ({ key, line: child.line, value: toValue(child) }));
  if (entries.length > 0 && entries.every((e) => /^\d+$/.test(e.key))) {
    return { t: 'arr', items: entries.sort((a, b) => Number(a.key) - Number(b.key)).map((e) => e.value), line: node.line };
  }
  return { t: 'obj', entries, line: node.line };
}

/** Parses `.properties` text into the shared tree; undefined when it sets nothing. */
export function parsePropertiesTree(text: string): CValue | undefined {
  const root: Node = { line: 1, children: new Map() };
  for (const { text: line, line: number } of logicalLines(text)) {
    const { key, value } = split(line);
    const path = segments(key);
    if (key === '' || path.length > MAX_DEPTH) continue;
    let node = root;
    for (const segment of path) {
      // A key that is also a prefix of longer keys (`a=1`, `a.b=2`) keeps its children.
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) node.children.set(segment, (child = { line: number }));
      node = child;
    }
    if (node.children === undefined) node.value = value;
  }
  return root.children?.size === 0 ? undefined : toValue(root);
}
