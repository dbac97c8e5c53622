/**
 * Turns workloads into assets. The serving software of a workload comes from its resource kind
 * (KServe, Ray), its image (`catalog.ts`), or a launcher in its commands (`vllm serve` in a
 * `python:3.11` image); each distinct software is one asset:
 * - `model-server` (inference, embedding, gateway) and `system` (model UIs, agent platforms), key
 *   `<software>:<workload>`, so two compose services running ollama are two assets;
 * - `vector-store`, key = product (DESIGN.md), images and workloads as arrays.
 * Models named by flags, launcher positionals, model env names (`catalog-commands.ts`), storage URIs,
 * chart values or NIM image paths become `model` assets, related from the workload's first server
 * (`SERVES` from a model-server, `USES_MODEL` from a system). Env VALUES are read only under model env
 * names and only kept when they look like a model id; every other env var contributes its name.
 */
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import { looksLikeModelId, modelProvider } from '../shared/model-ids.ts';
import { redactSnippet, type AssetKind, type Attributes, type Confidence, type Evidence } from '../../model/index.ts';
import type { SourceFile } from '../types.ts';
import { IMAGE_CATALOG, matchImage, parseImageRef, type ImageCategory, type ImageRef } from './catalog.ts';
import { MODEL_ENV_NAMES } from './catalog-commands.ts';
import { DraftCollector } from './collect.ts';
import { scrubLine } from './redact.ts';
import { analyzeCommands, type CommandFacts } from './commands.ts';
import type { ModelHint, Workload } from './types.ts';

const MODEL_ENV = new Set(MODEL_ENV_NAMES.map((e) => e.name));
const WEIGHT_FILE = /\.(?:gguf|ggml|bin|safetensors|onnx|pt|pth|pkl|h5|tflite|llamafile)$/i;
const BARE_NAME = /^[a-z][a-z0-9._-]{1,63}(?::[\w.-]{1,64})?$/;
const NOT_A_NAME = /^(?:true|false|none|null|default|auto|latest|string|model|models|name|id|your[-_]?[\w-]*|example|test|placeholder|changeme)$/i;

interface Software {
  readonly id: string;
  readonly category: ImageCategory;
  readonly line: number;
  readonly inferred: boolean;
}

function categoryOf(software: string): ImageCategory {
  return IMAGE_CATALOG.find((e) => e.software === software)?.category ?? 'inference';
}

function kindOf(category: ImageCategory): AssetKind {
  if (category === 'vector-db') return 'vector-store';
  return category === 'model-ui' || category === 'agent-platform' ? 'system' : 'model-server';
}

/**
 * A model id in a model position. `loose` (a known server's own flag or positional): any plain
 * lower-case name counts (`ollama pull llava`); otherwise the shared shape check. Paths, weight files, URLs and
 * unexpanded variables or templates never count.
 */
export function acceptModelId(raw: string, loose: boolean): string | undefined {
  const id = raw.trim().replace(/^["']|["']$/g, '');
  if (id === '' || id.length > 200 || /[\s$<>{}]/.test(id) || /^(?:[/.~]|[a-z][\w+.-]*:\/\/)/i.test(id) || WEIGHT_FILE.test(id)) return undefined;
  // A key pasted where a model id belongs is still a key.
  if (redactSnippet(id) !== id) return undefined;
  if (looksLikeModelId(id)) return id;
  return loose && BARE_NAME.test(id) && !NOT_A_NAME.test(id) ? id : undefined;
}

function softwareOf(w: Workload, ref: ImageRef | undefined, facts: CommandFacts): Software[] {
  const found: Software[] = [];
  const add = (id: string, line: number, inferred: boolean): void => {
    if (!found.some((s) => s.id === id)) found.push({ id, category: categoryOf(id), line, inferred });
  };
  if (w.software) add(w.software.id, w.software.line, false);
  const entry = ref === undefined ? undefined : matchImage(ref);
  if (entry && w.image) add(entry.software, w.image.line, w.image.inferred === true);
  for (const hit of facts.launchers) add(hit.software, hit.line, hit.inferred === true);
  return found;
}

/** The text of a 1-based line, from offsets computed once per file (files can hold many assets). */
type LineText = (line: number) => string;

function lineTexts(content: string): LineText {
  const starts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line) => {
    const start = starts[line - 1];
    if (start === undefined) return '';
    const end = starts[line];
    return content.slice(start, Math.min(end === undefined ? content.length : end - 1, start + 400));
  };
}

interface Ctx {
  readonly file: SourceFile;
  readonly detector: string;
  readonly lines: LineText;
  readonly collector: DraftCollector;
}

function evidence(ctx: Ctx, line: number, confidence: Confidence): Evidence {
  return evidenceAt(ctx.file, ctx.detector, 'container', confidence, line, scrubLine(ctx.lines(line)));
}

function serverAttributes(w: Workload, s: Software, ref: ImageRef | undefined): Attributes {
  const envNames = [...new Set(w.env.map((e) => e.name))].sort();
  return {
    category: s.category,
    ...(ref === undefined ? {} : { image: ref.text, ...(ref.tag === undefined ? {} : { tag: ref.tag }) }),
    workload: w.name,
    source: w.source,
    ports: [...new Set(w.ports ?? [])].sort(),
    ...(w.exposed === undefined ? {} : { exposed: w.exposed }),
    ...(w.gpu === undefined ? {} : { gpu: w.gpu }),
    envNames,
    ...(w.volumes === undefined || w.volumes.length === 0 ? {} : { volumes: [...new Set(w.volumes)].sort() }),
    ...w.extra,
  };
}

function vectorAttributes(w: Workload, ref: ImageRef | undefined): Attributes {
  return {
    ...(ref === undefined ? {} : { images: [ref.text] }),
    workloads: [w.name],
    sources: [w.source],
    ...(w.exposed === undefined ? {} : { exposed: w.exposed }),
  };
}

/** Model candidates of a workload, accepted or not by the rules above. */
function modelsOf(w: Workload, ref: ImageRef | undefined, facts: CommandFacts, served: boolean): ModelHint[] {
  const out: ModelHint[] = [];
  for (const c of facts.models) {
    const id = acceptModelId(c.id, served);
    if (id !== undefined) out.push({ id, line: c.line, via: c.via, ...(c.inferred ? { inferred: true } : {}) });
  }
  for (const e of w.env) {
    const id = MODEL_ENV.has(e.name) && e.value !== undefined ? acceptModelId(e.value, false) : undefined;
    if (id !== undefined) out.push({ id, line: e.line, via: `env:${e.name}`, ...(e.inferred ? { inferred: true } : {}) });
  }
  for (const h of w.models ?? []) {
    const id = acceptModelId(h.id, served);
    if (id !== undefined) out.push({ ...h, id });
  }
  // `nvcr.io/nim/${MODEL}` (an open path) is a NIM serving a model this file does not name.
  if (ref !== undefined && ref.open !== true && w.image !== undefined && matchImage(ref)?.software === 'nim') {
    const id = ref.path.split('/').slice(1).join('/');
    if (id.includes('/')) out.push({ id, line: w.image.line, via: 'nim-image' });
  }
  return out;
}

function emitWorkload(ctx: Ctx, w: Workload): void {
  const c = ctx.collector;
  const ref = w.image === undefined ? undefined : parseImageRef(w.image.text);
  const facts = analyzeCommands(w.commands);
  const software = softwareOf(w, ref, facts);
  const servers = software.map((s) => {
    const kind = kindOf(s.category);
    const ev = [evidence(ctx, s.line, s.inferred ? 'inferred' : 'declared')];
    const key = kind === 'vector-store' ? s.id : `${s.id}:${w.name}`;
    const attributes = kind === 'vector-store' ? vectorAttributes(w, ref) : serverAttributes(w, s, ref);
    return { kind, id: c.add({ kind, key, name: s.id, attributes, evidence: ev, ...(w.tags === undefined ? {} : { tags: { ...w.tags } }) }) };
  });
  const primary = servers.find((s) => s.kind !== 'vector-store');
  for (const m of modelsOf(w, ref, facts, primary !== undefined)) {
    const ev = [evidence(ctx, m.line, m.inferred ? 'inferred' : 'declared')];
    const provider = modelProvider(m.id);
    const model = c.add({ kind: 'model', key: m.id.toLowerCase(), name: m.id, ...(provider === undefined ? {} : { provider }), attributes: { sources: [m.via] }, evidence: ev });
    if (primary !== undefined) c.relate(primary.kind === 'system' ? 'USES_MODEL' : 'SERVES', primary.id, model, ev);
  }
}

/** Adds the assets and relationships of a file's workloads to `out`. */
export function emitWorkloads(file: SourceFile, detector: string, workloads: readonly Workload[], out: ResultBuilder): void {
  if (workloads.length === 0) return;
  const ctx: Ctx = { file, detector, lines: lineTexts(file.content), collector: new DraftCollector() };
  for (const w of workloads) emitWorkload(ctx, w);
  ctx.collector.flush(file, out);
}
