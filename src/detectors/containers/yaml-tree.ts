/**
 * Safe YAML reading: `yaml`'s parser builds the syntax tree (it never expands aliases itself), and
 * this module converts each document into a small located tree (`YNode`, 1-based lines) under hard
 * budgets. Aliases are resolved by hand, counted (`MAX_ALIASES`), and every resolved node counts
 * against a node budget sized to the text, so an alias bomb ("billion laughs") stops early; nesting
 * deeper than `MAX_DEPTH` is cut; files with more than `MAX_DOCUMENTS` documents are read up to that
 * many. Merge keys (`<<: *base`) are
 * applied, explicit keys winning. Errors become problems (message without the quoted source, which
 * could hold a secret), never throws.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Problem } from './types.ts';
import { MAX_DEPTH } from './yaml-guard.ts';

/** Deepest nesting read; deeper content is cut (and refused up front by `yaml-guard.ts`). */
export { MAX_DEPTH };

/** A scalar with its line (numbers and booleans as YAML typed them). */
export interface YScalar {
  readonly type: 'scalar';
  readonly line: number;
  readonly value: string | number | boolean | null;
}
/** A map entry: scalar key, its line, its value. */
export interface YEntry {
  readonly key: string;
  readonly line: number;
  readonly value: YNode;
}
/** A mapping, entries in order (merge-key entries after the explicit ones). */
export interface YMap {
  readonly type: 'map';
  readonly line: number;
  readonly entries: readonly YEntry[];
}
/** A sequence. */
export interface YSeq {
  readonly type: 'seq';
  readonly line: number;
  readonly items: readonly YNode[];
}
/** A located YAML node. */
export type YNode = YScalar | YMap | YSeq;

/**
 * Node budget per document: every node takes at least one character of text, so a tree several times
 * larger than its text (`4 × length + 10,000`; merge-key reuse of an env block stays well below) was
 * grown by aliases. Hard cap for any document.
 */
export const MAX_NODES = 1_000_000;
/** Alias references resolved per document; real files use a handful, alias bombs millions. */
export const MAX_ALIASES = 10_000;
/** Most documents read from one file. */
export const MAX_DOCUMENTS = 1000;

/** Parsed documents plus the problems met. */
export interface YamlDocuments {
  readonly docs: YNode[];
  readonly problems: Problem[];
}

class BudgetExceeded extends Error {}

interface Ctx {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Lines before the parsed text (a document cut out of a larger file). */
  readonly offset: number;
  nodes: number;
  readonly maxNodes: number;
  aliases: number;
  deepWarned: boolean;
  readonly problems: Problem[];
}

function lineAt(ctx: Ctx, node: { range?: readonly number[] | null } | null | undefined): number {
  const offset = node?.range?.[0];
  return (offset === undefined ? 1 : ctx.lines.linePos(offset).line) + ctx.offset;
}

function scalarValue(value: unknown): YScalar['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function convert(ctx: Ctx, raw: unknown, depth: number): YNode {
  if (++ctx.nodes > ctx.maxNodes) throw new BudgetExceeded('YAML aliases expand to more nodes than the text holds (alias bomb?); document skipped');
  if (isAlias(raw) && ++ctx.aliases > MAX_ALIASES) throw new BudgetExceeded(`more than ${MAX_ALIASES} YAML alias references to expand (alias bomb?); document skipped`);
  const node = isAlias(raw) ? (raw.resolve(ctx.doc) as Node | undefined) : (raw as Node | null | undefined);
  const line = lineAt(ctx, node);
  if (depth > MAX_DEPTH) {
    if (!ctx.deepWarned) ctx.problems.push({ message: `YAML nested deeper than ${MAX_DEPTH} levels; deeper content skipped`, line });
    ctx.deepWarned = true;
    return { type: 'scalar', line, value: null };
  }
  if (isMap(node)) return convertMap(ctx, node.items, line, depth);
  if (isSeq(node)) return { type: 'seq', line, items: node.items.map((item) => convert(ctx, item, depth + 1)) };
  if (isScalar(node)) return { type: 'scalar', line, value: scalarValue(node.value) };
  return { type: 'scalar', line, value: null };
}

function convertMap(ctx: Ctx, pairs: readonly { key: unknown; value: unknown }[], line: number, depth: number): YMap {
  const entries: YEntry[] = [];
  const merged: YEntry[] = [];
  for (const pair of pairs) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = convert(ctx, pair.value, depth + 1);
    if (key === '<<') {
      for (const base of value.type === 'seq' ? value.items : [value]) if (base.type === 'map') merged.push(...base.entries);
    } else entries.push({ key, line: lineAt(ctx, pair.key), value });
  }
  const own = new Set(entries.map((e) => e.key));
  for (const entry of merged) {
    if (own.has(entry.key)) continue;
    own.add(entry.key);
    entries.push(entry);
  }
  return { type: 'map', line, entries };
}

/** Offset where document number `MAX_DOCUMENTS + 1` starts, or undefined when there are fewer. */
function documentCut(content: string): number | undefined {
  const marker = /^---(?=\s|$)/gm;
  let count = 0;
  for (let m = marker.exec(content); m !== null; m = marker.exec(content)) {
    if (m.index > 0) count++;
    if (count >= MAX_DOCUMENTS) return m.index;
  }
  return undefined;
}

/** Newlines before `end`. */
export function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * First sentence of a `yaml` error, cut before any quoted source: its messages can echo the text
 * (`Unexpected scalar token in YAML stream: "..."`), which must not reach a diagnostic.
 */
/** A parser error's first sentence, without the source text it quotes (it may be a secret). */
export function errorMessage(message: string): string {
  const head = message.split(/ at line \d+/)[0] ?? message;
  const sentence = (head.split('\n')[0] ?? '').split(/[:"'`]/)[0]?.trim() ?? '';
  return sentence === '' ? 'invalid YAML' : sentence.slice(0, 120);
}

/**
 * Parses every document of a YAML stream into located trees; documents with errors are skipped.
 * `lineOffset`: lines before `content` in its file (for a document cut out of a larger file).
 */
export function readYamlDocuments(content: string, lineOffset = 0): YamlDocuments {
  const problems: Problem[] = [];
  const cut = documentCut(content);
  const text = cut === undefined ? content : content.slice(0, cut);
  const lines = new LineCounter();
  if (cut !== undefined) problems.push({ message: `more than ${MAX_DOCUMENTS} YAML documents; only the first ${MAX_DOCUMENTS} were read`, line: lineOffset + 1 + countLines(content, cut) });
  const docs: YNode[] = [];
  let parsed: Document[];
  try {
    const result = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, strict: false, prettyErrors: false });
    parsed = Array.isArray(result) ? result : [result as unknown as Document];
  } catch (error) {
    problems.push({ message: `YAML could not be parsed: ${errorMessage(error instanceof Error ? error.message : String(error))}` });
    return { docs, problems };
  }
  for (const doc of parsed) {
    const error = doc.errors[0];
    if (error !== undefined) {
      problems.push({ message: `invalid YAML: ${errorMessage(error.message)}`, line: lines.linePos(error.pos[0]).line + lineOffset });
      continue;
    }
    const ctx: Ctx = { doc, lines, offset: lineOffset, nodes: 0, maxNodes: Math.min(MAX_NODES, 4 * text.length + 10_000), aliases: 0, deepWarned: false, problems };
    try {
      docs.push(convert(ctx, doc.contents, 0));
    } catch (error) {
      const message = error instanceof BudgetExceeded ? error.message : `YAML document could not be read: ${errorMessage(String(error))}`;
      problems.push({ message, line: lineAt(ctx, doc.contents) });
    }
  }
  return { docs, problems };
}

/** The value of a map key (first match), or undefined. */
export function get(node: YNode | undefined, key: string): YNode | undefined {
  return node?.type === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** A nested value by key path. */
export function getPath(node: YNode | undefined, ...keys: readonly string[]): YNode | undefined {
  let current = node;
  for (const key of keys) current = get(current, key);
  return current;
}

/** A scalar as text (numbers and booleans stringified); undefined for maps, sequences and null. */
export function text(node: YNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** The items of a sequence (empty for anything else). */
export function items(node: YNode | undefined): readonly YNode[] {
  return node?.type === 'seq' ? node.items : [];
}

/** The entries of a map (empty for anything else). */
export function entries(node: YNode | undefined): readonly YEntry[] {
  return node?.type === 'map' ? node.entries : [];
}
