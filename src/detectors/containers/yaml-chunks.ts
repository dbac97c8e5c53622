/**
 * Kubernetes files are often bundles: hundreds of objects, most of them CRD schemas, RBAC and
 * config that say nothing about AI. The bundle is cut at `---` lines and only the documents worth
 * it are parsed (those naming a catalog token, and Services, which decide exposure), each with its
 * line offset; CustomResourceDefinitions are skipped (their schemas name every serving kind).
 */
import { MENTIONS_CATALOG } from './precheck.ts';
import type { Problem } from './types.ts';
import { countLines, MAX_DOCUMENTS } from './yaml-tree.ts';

/** One document of a bundle, cut out with its position. */
export interface Chunk {
  readonly text: string;
  /** Lines before the chunk in its file. */
  readonly lineOffset: number;
}

const SEPARATOR = /^---(?=\s|$)/gm;
const KIND = /^["']?kind["']?\s*:\s*["']?([A-Za-z]+)/m;

function worthParsing(text: string): boolean {
  const kind = KIND.exec(text)?.[1];
  if (kind === 'CustomResourceDefinition') return false;
  return kind === 'Service' || MENTIONS_CATALOG.test(text);
}

/** The documents of a bundle that may hold workloads or exposing Services. */
export function interestingChunks(content: string): { chunks: Chunk[]; problems: Problem[] } {
  const chunks: Chunk[] = [];
  const problems: Problem[] = [];
  let start = 0;
  let lineOffset = 0;
  let count = 0;
  const take = (end: number): void => {
    const text = content.slice(start, end);
    if (worthParsing(text)) chunks.push({ text, lineOffset });
    lineOffset += countLines(text, text.length);
  };
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(content); m !== null; m = SEPARATOR.exec(content)) {
    if (m.index === 0) continue;
    if (++count >= MAX_DOCUMENTS) {
      take(m.index);
      problems.push({ message: `more than ${MAX_DOCUMENTS} YAML documents; only the first ${MAX_DOCUMENTS} were read`, line: lineOffset + 1 });
      return { chunks, problems };
    }
    take(m.index);
    start = m.index;
  }
  take(content.length);
  return { chunks, problems };
}
