/**
 * YAML (Goose, Continue) into the shared tree. Aliases are never expanded: the document is read
 * node by node and an alias becomes an unusable scalar, so a billion-laughs file costs nothing.
 * Flow nesting is measured before parsing, so a 100k-deep `[[[...` fails at once.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ConfigSyntaxError, MAX_DEPTH, type CEntry, type CValue } from './tree.ts';

/** Deepest `[`/`{` nesting outside quotes (a cheap guard, not a parser). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== '') {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n') quote = '';
  }
  return max;
}

function convert(node: unknown, counter: LineCounter, depth: number): CValue {
  if (depth > MAX_DEPTH) throw new ConfigSyntaxError(`invalid YAML: nested deeper than ${MAX_DEPTH} levels`);
  const range = (node as Node | null)?.range;
  const line = range ? counter.linePos(range[0]).line : undefined;
  if (isMap(node)) {
    const entries: CEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key.value;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      const keyLine = pair.key.range ? counter.linePos(pair.key.range[0]).line : undefined;
      entries.push({ key: String(key), ...(keyLine === undefined ? {} : { line: keyLine }), value: convert(pair.value, counter, depth + 1) });
    }
    return { t: 'obj', entries, ...(line === undefined ? {} : { line }) };
  }
  if (isSeq(node)) return { t: 'arr', items: node.items.map((i) => convert(i, counter, depth + 1)), ...(line === undefined ? {} : { line }) };
  if (isScalar(node) && !isAlias(node)) {
    const v = node.value;
    const at = line === undefined ? {} : { line };
    if (typeof v === 'string') return { t: 'str', v, ...at };
    if (typeof v === 'number') return { t: 'num', v, ...at };
    if (typeof v === 'boolean') return { t: 'bool', v, ...at };
    if (v === null) return { t: 'null', v: null, ...at };
  }
  return { t: 'other', v: null, ...(line === undefined ? {} : { line }) };
}

/** Parses YAML into the shared tree; undefined for an empty document. */
export function parseYamlTree(text: string): CValue | undefined {
  if (flowDepth(text) > MAX_DEPTH) throw new ConfigSyntaxError(`invalid YAML: nested deeper than ${MAX_DEPTH} levels`);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = counter.linePos(error.pos[0]).line;
    throw new ConfigSyntaxError(`invalid YAML: ${error.code.toLowerCase().replace(/_/g, ' ')}`, line);
  }
  return doc.contents === null ? undefined : convert(doc.contents, counter, 0);
}
