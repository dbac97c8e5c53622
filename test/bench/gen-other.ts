/**
 * Renders the non-JS/Python files of the tree: docs, configs, styles, pages, text, small binary
 * images, Go and Java sources. Markdown sometimes mentions AI products in prose (a trap: prose is
 * not evidence).
 */
import type { Rng } from './prng.ts';
import { camel, NOUNS, pascal, sentence, VERBS } from './words.ts';

/** Kinds of "other" files, by extension. */
export type OtherExt = 'md' | 'json' | 'yaml' | 'css' | 'html' | 'txt' | 'png' | 'go' | 'java';

const MD_TRAPS = [
  'We evaluated OpenAI, Anthropic and a local Ollama model for ticket triage; none shipped.',
  'The `mcp` folder is the multi-channel publisher, unrelated to the Model Context Protocol.',
  'Search uses Postgres full-text search; the Pinecone/Chroma spike lives in an archived branch.',
  'Example from the vendor docs: `import OpenAI from "openai"` (not used in this package).',
] as const;

function fill(targetBytes: number, first: string, block: () => string): string {
  const parts = [first];
  let size = first.length;
  while (size < targetBytes) {
    const b = block();
    parts.push(b);
    size += b.length;
  }
  return parts.join('');
}

function markdown(rng: Rng, size: number): string {
  const title = `# ${pascal(rng.pick(NOUNS))} ${rng.pick(['service', 'guide', 'runbook', 'notes'])}\n\n${sentence(rng)}\n`;
  return fill(size, title, () => {
    const trap = rng.chance(0.02) ? `\n> ${rng.pick(MD_TRAPS)}\n` : '';
    return `\n## ${pascal(rng.pick(VERBS))} ${rng.pick(NOUNS)}s\n\n${sentence(rng)} ${sentence(rng)}\n${trap}\n- ${sentence(rng)}\n- ${sentence(rng)}\n\n\`\`\`bash\nnpm run ${rng.pick(VERBS)}\n\`\`\`\n`;
  });
}

function json(rng: Rng, size: number): string {
  const rows: string[] = [];
  let n = 2;
  while (n < size) {
    const noun = rng.pick(NOUNS);
    const row = `  "${camel(noun, String(rows.length))}": { "id": "${noun}-${rng.int(1000, 9999)}", "enabled": ${rng.chance(0.5)}, "weight": ${rng.int(1, 100)}, "label": "${sentence(rng)}" }`;
    rows.push(row);
    n += row.length + 2;
  }
  return `{\n${rows.join(',\n')}\n}\n`;
}

function yaml(rng: Rng, size: number): string {
  return fill(size, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${rng.pick(NOUNS)}-${rng.pick(['api', 'worker'])}\n`, () => {
    const noun = rng.pick(NOUNS);
    return `---\n# ${sentence(rng)}\n${noun}:\n  replicas: ${rng.int(1, 6)}\n  image: registry.example.com/${noun}:${rng.int(1, 40)}.${rng.int(0, 9)}\n  env:\n    - name: ${noun.toUpperCase()}_URL\n      value: http://${noun}.svc.cluster.local\n`;
  });
}

function css(rng: Rng, size: number): string {
  return fill(size, `/* ${sentence(rng)} */\n`, () => `\n.${rng.pick(NOUNS)}-${rng.pick(['card', 'list', 'header', 'row'])} {\n  display: flex;\n  padding: ${rng.int(0, 24)}px;\n  color: #${rng.int(0, 0xffffff).toString(16).padStart(6, '0')};\n  border-radius: ${rng.int(0, 12)}px;\n}\n`);
}

function html(rng: Rng, size: number): string {
  const head = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${pascal(rng.pick(NOUNS))}</title></head>\n<body>\n`;
  return `${fill(size, head, () => `  <section class="${rng.pick(NOUNS)}"><h2>${pascal(rng.pick(VERBS))}</h2><p>${sentence(rng)}</p></section>\n`)}</body>\n</html>\n`;
}

function go(rng: Rng, size: number): string {
  const pkg = rng.pick(NOUNS);
  return fill(size, `package ${pkg}\n\nimport (\n\t"encoding/json"\n\t"fmt"\n\t"net/http"\n)\n`, () => {
    const noun = rng.pick(NOUNS);
    return `\n// ${pascal(rng.pick(VERBS), noun)} ${sentence(rng)}\nfunc ${pascal(rng.pick(VERBS), noun)}(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get("id")\n\tif id == "" {\n\t\thttp.Error(w, fmt.Sprintf("missing %s id", "${noun}"), http.StatusBadRequest)\n\t\treturn\n\t}\n\t_ = json.NewEncoder(w).Encode(map[string]string{"id": id})\n}\n`;
  });
}

function java(rng: Rng, size: number): string {
  const cls = pascal(rng.pick(NOUNS), 'Service');
  const body = fill(size, `package com.example.${rng.pick(NOUNS)};\n\nimport java.util.List;\nimport java.util.Optional;\n\n/** ${sentence(rng)} */\npublic class ${cls} {\n`, () => {
    const noun = rng.pick(NOUNS);
    return `\n    /** ${sentence(rng)} */\n    public Optional<${pascal(noun)}> ${camel('find', noun)}(String id) {\n        return repository.findById(id).filter(x -> x.isActive());\n    }\n\n    public List<${pascal(noun)}> ${camel('list', noun)}s(int page) {\n        return repository.findAll(page * ${rng.int(10, 50)}, ${rng.int(10, 50)});\n    }\n`;
  });
  return `${body}}\n`;
}

/** A PNG signature followed by pseudo-random bytes: binary (contains NULs), never text. */
export function renderPng(rng: Rng, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(64, Math.floor(size)));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 16; i < bytes.length; i++) bytes[i] = rng.chance(0.2) ? 0 : rng.int(0, 255);
  return bytes;
}

/** Renders a text file of the given kind of roughly `size` bytes (binary kinds via `renderPng`). */
export function renderOther(rng: Rng, ext: Exclude<OtherExt, 'png'>, size: number): string {
  switch (ext) {
    case 'md': return markdown(rng, size);
    case 'json': return json(rng, size);
    case 'yaml': return yaml(rng, size);
    case 'css': return css(rng, size);
    case 'html': return html(rng, size);
    case 'txt': return fill(size, `${sentence(rng)}\n`, () => `${sentence(rng)} ${sentence(rng)}\n`);
    case 'go': return go(rng, size);
    case 'java': return java(rng, size);
  }
}
