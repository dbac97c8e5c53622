/**
 * Ollama `Modelfile`s (ollama docs/modelfile.md): `FROM <model or path>` and `ADAPTER <path>`.
 * A registry reference (`llama3.1`, `llama3.1:8b`, `hf.co/org/repo:Q4_K_M`) becomes a `model` asset
 * (`sources: ["ollama-modelfile"]`); a relative path to weights becomes a `model-file` asset keyed
 * by its repo-relative path (so it merges with the file's own asset when the weights are in the
 * repo), with `referencedBy` and `referencedAs`. Absolute paths and paths leaving the repo are not
 * reported. `"""` blocks (TEMPLATE, SYSTEM, MESSAGE bodies) are prose and skipped.
 */
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import { modelProvider } from '../shared/model-ids.ts';
import type { SourceFile } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { utf8 } from './cursor.ts';

export interface ModelfileRef {
  readonly instruction: 'from' | 'adapter';
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

/** Lists FROM/ADAPTER references outside `"""` blocks and comments. */
export function parseModelfile(text: string): ModelfileRef[] {
  const refs: ModelfileRef[] = [];
  let inBlock = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const quotes = raw.split('"""').length - 1;
    if (inBlock) {
      if (quotes % 2 === 1) inBlock = false;
      return;
    }
    if (quotes % 2 === 1) inBlock = true;
    const m = /^\s*(FROM|ADAPTER)\s+(\S+)/i.exec(raw);
    if (m?.[1] === undefined || m[2] === undefined) return;
    refs.push({ instruction: m[1].toLowerCase() as 'from' | 'adapter', value: m[2].replace(/^["']|["']$/g, ''), line: i + 1, text: raw });
  });
  return refs;
}

/** True for a local path rather than a registry model name. */
function isPath(value: string): boolean {
  return /^(?:\.{1,2}\/|\/|~|[A-Za-z]:[\\/])|\\|\.(?:gguf|safetensors|bin)$/i.test(value) || value === '.' || value === '..';
}

/** Resolves a relative path against the Modelfile's folder; undefined when it leaves the repo or is absolute. */
function resolve(modelfilePath: string, value: string): string | undefined {
  if (/^(?:\/|~|[A-Za-z]:[\\/])/.test(value)) return undefined;
  const parts = modelfilePath.split('/').slice(0, -1);
  for (const seg of value.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/** Reads a Modelfile through the binary window and records its references. */
export function detectModelfile(file: SourceFile, detectorId: string, out: ResultBuilder): void {
  const bytes = file.bytes;
  if (bytes === undefined) return;
  const text = utf8(bytes.read(0, Math.min(bytes.size, LIMITS.modelfile)));
  for (const ref of parseModelfile(text)) {
    const evidence = [evidenceAt(file, detectorId, 'config', 'declared', ref.line, ref.text)];
    if (ref.instruction === 'from' && !isPath(ref.value)) {
      const provider = modelProvider(ref.value);
      out.asset(file, { kind: 'model', key: ref.value.toLowerCase(), name: ref.value, ...(provider ? { provider } : {}), attributes: { sources: ['ollama-modelfile'] }, evidence });
      continue;
    }
    const target = isPath(ref.value) ? resolve(file.path, ref.value) : undefined;
    if (target === undefined) continue;
    out.asset(file, { kind: 'model-file', key: target, name: target, attributes: { referencedBy: [file.path], referencedAs: [ref.instruction] }, evidence });
  }
}
