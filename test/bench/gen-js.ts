/**
 * Renders ordinary JavaScript/TypeScript source files: imports of popular non-AI packages,
 * functions, classes, interfaces, Express routes and React components, with comments. Some files
 * carry traps: AI words in comments and strings that an import-aware scanner must not count.
 */
import type { Rng } from './prng.ts';
import { camel, NOUNS, nounRole, pascal, sentence, VERBS } from './words.ts';

/** JS/TS flavours the generator writes. */
export type JsExt = 'ts' | 'tsx' | 'js' | 'mjs' | 'cjs';

/** AI code to splice into a file: extra import lines and a body block. */
export interface CodeSnippet {
  readonly imports: readonly string[];
  readonly body: string;
}

const ESM_IMPORTS = [
  "import express from 'express';",
  "import _ from 'lodash';",
  "import { z } from 'zod';",
  "import axios from 'axios';",
  "import dayjs from 'dayjs';",
  "import { readFile } from 'node:fs/promises';",
  "import path from 'node:path';",
  "import { EventEmitter } from 'node:events';",
  "import { v4 as uuid } from 'uuid';",
  "import pino from 'pino';",
  "import { Pool } from 'pg';",
  "import Redis from 'ioredis';",
] as const;

const REACT_IMPORTS = ["import React, { useEffect, useState } from 'react';", "import { clsx } from 'clsx';", "import { useQuery } from '@tanstack/react-query';"] as const;

/** Comments and strings that mention AI products without using them. */
const TRAPS = [
  '// TODO: evaluate openai for summarizing tickets once legal signs off',
  "// Note: we considered @anthropic-ai/sdk here but kept the rule-based matcher",
  "const disclaimer = 'This feature is not powered by OpenAI or any LLM.';",
  "// Chroma and Pinecone were benchmarked in 2023; see docs/adr/0007-search.md",
  "const labels = { ai: 'Assistant (beta)', mcp: 'Multi-channel panel' };",
  "// import OpenAI from 'openai'  <- removed in v2, do not re-add",
] as const;

function pickImports(rng: Rng, ext: JsExt): string[] {
  const out = new Set<string>();
  const n = rng.int(1, 5);
  for (let i = 0; i < n; i++) out.add(rng.pick(ESM_IMPORTS));
  if (ext === 'tsx') for (const line of REACT_IMPORTS) if (rng.chance(0.7) || line.includes('react')) out.add(line);
  const [noun, role] = nounRole(rng);
  out.add(`import { ${camel(rng.pick(VERBS), noun)} } from '../${rng.pick(['utils', 'lib', 'core'])}/${noun}-${role}${ext === 'ts' || ext === 'tsx' ? '' : '.js'}';`);
  const lines = [...out];
  if (ext === 'cjs') return lines.map(toRequire);
  return lines;
}

function toRequire(line: string): string {
  const m = /^import (.+) from '(.+)';$/.exec(line);
  if (!m) return line;
  const binding = (m[1] as string).replace(/ as /g, ': ').replace(/^(\w+), /, '');
  return `const ${binding.startsWith('* : ') ? binding.slice(4) : binding} = require('${m[2]}');`;
}

function functionBlock(rng: Rng, typed: boolean): string {
  const noun = rng.pick(NOUNS);
  const name = camel(rng.pick(VERBS), noun);
  const arg = typed ? `${noun}s: ${pascal(noun)}[], limit: number = ${rng.int(5, 100)}` : `${noun}s, limit = ${rng.int(5, 100)}`;
  const ret = typed ? `: ${pascal(noun)}[]` : '';
  return `/**
 * ${sentence(rng)}
 * ${sentence(rng)}
 */
export function ${name}(${arg})${ret} {
  const seen = new Set${typed ? '<string>' : ''}();
  const out = [];
  for (const item of ${noun}s) {
    if (seen.has(item.id) || out.length >= limit) continue;
    seen.add(item.id);
    // ${sentence(rng)}
    out.push({ ...item, updatedAt: Date.now(), score: item.score * ${rng.int(2, 9)} });
  }
  return out.sort((a, b) => b.score - a.score);
}
`;
}

function classBlock(rng: Rng, typed: boolean): string {
  const [noun, role] = nounRole(rng);
  const cls = pascal(noun, role);
  const field = typed ? `  private readonly cache = new Map<string, ${pascal(noun)}>();\n` : '';
  return `/** ${sentence(rng)} */
export class ${cls} {
${field}  constructor(${typed ? `private readonly db: Db, private readonly log: Logger` : 'db, log'}) {
${typed ? '' : '    this.db = db;\n    this.log = log;\n'}  }

  async ${camel('get', noun)}(id${typed ? ': string' : ''}) {
    const row = await this.db.query('SELECT * FROM ${noun}s WHERE id = $1', [id]);
    if (!row) throw new Error(\`${noun} \${id} not found\`);
    return row;
  }

  async ${camel('list', noun)}s(page${typed ? ': number' : ''} = 1) {
    this.log.info({ page }, '${sentence(rng)}');
    return this.db.query('SELECT * FROM ${noun}s ORDER BY created_at DESC LIMIT 50 OFFSET $1', [(page - 1) * 50]);
  }
}
`;
}

function typeBlock(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  return `export interface ${pascal(noun)} {
  id: string;
  /** ${sentence(rng)} */
  ${camel(rng.pick(NOUNS), 'id')}: string;
  status: '${rng.pick(['active', 'pending'])}' | 'archived';
  score: number;
  createdAt: Date;
}

export type ${pascal(noun, 'patch')} = Partial<Omit<${pascal(noun)}, 'id'>>;
`;
}

function routeBlock(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  return `export const ${camel(noun, 'router')} = express.Router();

${camel(noun, 'router')}.get('/${noun}s/:id', async (req, res, next) => {
  try {
    const item = await service.${camel('get', noun)}(req.params.id);
    res.json(item);
  } catch (err) {
    next(err); // ${sentence(rng)}
  }
});
`;
}

function componentBlock(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  const comp = pascal(noun, rng.pick(['list', 'card', 'panel', 'form']));
  return `export function ${comp}({ items }: { items: ${pascal(noun)}[] }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = '${pascal(noun)}s';
  }, []);
  return (
    <section className="${noun}-panel">
      <button onClick={() => setOpen(!open)}>Toggle</button>
      {open && items.map((it) => <div key={it.id}>{it.id}</div>)}
    </section>
  );
}
`;
}

/** Renders one non-AI (or AI, when `ai` is given) JS/TS file of roughly `targetBytes`. */
export function renderJsFile(rng: Rng, ext: JsExt, targetBytes: number, ai?: CodeSnippet): string {
  const typed = ext === 'ts' || ext === 'tsx';
  const header = [...pickImports(rng, ext), ...(ai?.imports ?? [])];
  const parts: string[] = [`${header.join('\n')}\n`];
  if (rng.chance(0.03)) parts.push(`${rng.pick(TRAPS)}\n`);
  if (ai) parts.push(ai.body);
  let size = parts.reduce((n, p) => n + p.length, 0);
  while (size < targetBytes) {
    const kind = rng.weighted<() => string>([
      [() => functionBlock(rng, typed), 4],
      [() => classBlock(rng, typed), 2],
      [() => (typed ? typeBlock(rng) : functionBlock(rng, false)), 2],
      [() => routeBlock(rng), header.some((l) => l.includes("'express'")) ? 2 : 0],
      [() => componentBlock(rng), ext === 'tsx' ? 3 : 0],
    ]);
    const block = `\n${kind()}`;
    parts.push(block);
    size += block.length;
  }
  const text = parts.join('');
  return ext === 'cjs' ? `'use strict';\n${text.replace(/^export /gm, '')}` : text;
}
