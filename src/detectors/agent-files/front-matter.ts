/**
 * YAML front matter of agent Markdown files (`---` fenced, first line): only `name` is read (skills
 * and subagents are named there). The block is bounded (200 lines, 16 KB) and parsed with the
 * `yaml` package, which never executes anything; broken YAML is a problem with its line, and the
 * name is then taken from a plain `name: value` line when there is one.
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

const MAX_LINES = 200;
const MAX_CHARS = 16_384;
const MAX_NAME = 100;

export interface FrontMatter {
  /** 1-based line where the Markdown body starts (1 when there is no front matter). */
  readonly bodyLine: number;
  readonly name?: { readonly value: string; readonly line: number };
  readonly problem?: { readonly message: string; readonly line: number };
}

const isFence = (line: string | undefined): boolean => line !== undefined && /^(?:---|\.\.\.)\s*$/.test(line);

/** A printable single-line name, or undefined. */
function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = String(value).replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, MAX_NAME);
}

/**
 * The `name:` line read without YAML, for front matter that does not parse (descriptions with
 * unquoted `: ` are common): a plain or quoted scalar on one line, else nothing.
 */
function plainName(block: readonly string[]): { value: string; line: number } | undefined {
  const index = block.findIndex((l) => /^name\s*:/.test(l));
  const raw = /^name\s*:\s*(.*?)\s*$/.exec(block[index] ?? '')?.[1] ?? '';
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  const text = quoted ? quoted[2] : raw;
  if (text === undefined || /^[[{&*!|>]/.test(text)) return undefined;
  const value = cleanName(text.replace(/\s+#.*$/, ''));
  return value === undefined ? undefined : { value, line: index + 2 };
}

/** Reads the front matter of a file split into lines. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { bodyLine: 1 };
  let close = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    if (isFence(lines[i])) {
      close = i;
      break;
    }
  }
  if (close === -1) return { bodyLine: 2, problem: { message: 'front matter not closed (no --- line)', line: 1 } };
  const block = lines.slice(1, close);
  const text = block.join('\n');
  if (text.length > MAX_CHARS) return { bodyLine: close + 2, problem: { message: 'front matter too large; not read', line: 1 } };
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    const message = (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
    const name = plainName(block);
    return { bodyLine: close + 2, problem: { message: `invalid YAML front matter: ${message}`, line }, ...(name === undefined ? {} : { name }) };
  }
  if (!isMap(doc.contents)) return { bodyLine: close + 2 };
  const node = doc.contents.get('name', true);
  const value = isScalar(node) ? cleanName(node.value) : undefined;
  if (value === undefined) return { bodyLine: close + 2 };
  const index = block.findIndex((l) => /^name\s*:/.test(l));
  return { bodyLine: close + 2, name: { value, line: index === -1 ? 1 : index + 2 } };
}
