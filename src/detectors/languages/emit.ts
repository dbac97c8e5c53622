/**
 * Turns resolved imports and model references of one file into assets: one `sdk` asset per
 * package (key shared with the manifest detector, see `resolve.ts`), one `model` asset per id,
 * one `vector-store` asset per product whose client the file constructs, Go MCP servers and tools,
 * and the MCP servers Java/Kotlin code connects to.
 */
import type { Asset, AssetKind, Confidence, Evidence, RelationshipType, Technique } from '../../model/index.ts';
import { packageProvider, sdkKey } from '../shared/ai-packages.ts';
import { evidenceAt, type AssetDraft, type ResultBuilder } from '../shared/build.ts';
import { modelProvider } from '../shared/model-ids.ts';
import type { SourceFile } from '../types.ts';
import type { ImportRef } from './imports.ts';
import type { LineIndex } from './mask.ts';
import type { ModelRef } from './models.ts';
import type { ResolvedPackage } from './resolve.ts';
import { clientConnectionAsset, type ClientConnectionAsset } from '../shared/mcp-client.ts';
import { LaunchQuoter } from '../shared/mcp-redact.ts';
import { SPRING_PART, springPartKey } from '../shared/spring-ai-mcp.ts';
import type { ImplementedMcp } from './mcp-implemented.ts';
import type { JvmMcpConnection } from './mcp-jvm.ts';
import type { VectorRef } from './vector-stores.ts';

export const LANGUAGES_DETECTOR_ID = 'languages';
/** Evidence lines kept per asset per file; subpaths kept per package per file. */
const MAX_LINES = 10;
const MAX_SUBPATHS = 20;

/** An import that named a catalog package. */
export interface PackageImport {
  readonly ref: ImportRef;
  readonly pkg: ResolvedPackage;
}

/**
 * Where assets go and what their evidence says: a source file's lines (`fileSink`), or the C# cells
 * of a notebook, whose lines are cell lines (the notebooks detector builds that one).
 */
export interface Sink {
  /** 1-based line of an offset of the analysed text. */
  lineOf(offset: number): number;
  /** `quote` turns the line into what the snippet may show (undefined: no snippet); a client connection hides the values its attributes hide. */
  evidence(line: number, technique: Technique, confidence: Confidence, quote?: (line: string) => string | undefined): Evidence;
  add(draft: AssetDraft): void;
  /** Links two assets added before, by kind and key. */
  relate(type: RelationshipType, from: AssetKey, to: AssetKey, evidence: Evidence): void;
}

/** An asset's identity inside the file. */
export interface AssetKey {
  readonly kind: AssetKind;
  readonly key: string;
}

/** The sink of a whole source file read by this detector. */
export function fileSink(file: SourceFile, lines: LineIndex, out: ResultBuilder): Sink {
  const added = new Map<string, Asset>();
  const id = (a: AssetKey): string => `${a.kind}\u0000${a.key}`;
  return {
    lineOf: (offset) => lines.lineOf(offset),
    evidence: (line, technique, confidence, quote) => {
      const text = lines.lineText(line);
      return evidenceAt(file, LANGUAGES_DETECTOR_ID, technique, confidence, line, quote === undefined ? text : quote(text));
    },
    add: (draft) => {
      added.set(id(draft), out.asset(file, draft));
    },
    relate: (type, from, to, evidence) => {
      const a = added.get(id(from));
      const b = added.get(id(to));
      if (a !== undefined && b !== undefined) out.relate(type, a, b, [evidence]);
    },
  };
}

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function firstLines(offsets: readonly number[], sink: Sink): number[] {
  return [...new Set(offsets.map((o) => sink.lineOf(o)))].sort((a, b) => a - b).slice(0, MAX_LINES);
}

/** Adds one `sdk` asset per package imported in the file. */
export function emitPackages(sink: Sink, found: readonly PackageImport[]): void {
  const groups = new Map<string, PackageImport[]>();
  for (const item of found) {
    const key = sdkKey(item.pkg.ecosystem, item.pkg.name);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const key of [...groups.keys()].sort()) {
    const items = groups.get(key) ?? [];
    const { pkg, ecosystem, name } = (items[0] as PackageImport).pkg;
    const inferred = items.every((i) => i.pkg.certainty === 'inferred');
    // A path naming more than the package itself (`OpenAI.Chat`, `langchain/llm`, Go sub-packages).
    const subpaths = sortedUnique(items.map((i) => i.ref.path).filter((p) => p !== name && /[./]/.test(p))).slice(0, MAX_SUBPATHS);
    const provider = packageProvider(pkg, name);
    sink.add({
      kind: 'sdk',
      key,
      name,
      ...(provider === undefined ? {} : { provider }),
      attributes: {
        ecosystem,
        category: pkg.category,
        declared: false,
        ...(subpaths.length === 0 ? {} : { subpaths }),
        ...(inferred ? { inferredArtifact: true } : {}),
      },
      evidence: firstLines(items.map((i) => i.ref.offset), sink).map((line) => sink.evidence(line, 'import', inferred ? 'inferred' : 'declared')),
    });
  }
}

/** Adds one `model` asset per id referenced in the file (ids compared lower-cased). */
export function emitModels(sink: Sink, refs: readonly ModelRef[]): void {
  const groups = new Map<string, ModelRef[]>();
  for (const ref of refs) groups.set(ref.id.toLowerCase(), [...(groups.get(ref.id.toLowerCase()) ?? []), ref]);
  for (const key of [...groups.keys()].sort()) {
    const items = groups.get(key) ?? [];
    const first = items[0] as ModelRef;
    const provider = modelProvider(first.id);
    const literalLines = new Set(items.filter((r) => r.literal).map((r) => sink.lineOf(r.offset)));
    sink.add({
      kind: 'model',
      key,
      name: first.id,
      ...(provider === undefined ? {} : { provider }),
      attributes: { sources: sortedUnique(items.map((r) => r.source)) },
      evidence: firstLines(items.map((r) => r.offset), sink).map((line) => sink.evidence(line, 'call-site', literalLines.has(line) ? 'declared' : 'inferred')),
    });
  }
}

/** Adds one `vector-store` asset per product whose client is constructed in the file (keyed by product, as in JS/Python). */
export function emitVectorStores(sink: Sink, refs: readonly VectorRef[]): void {
  const groups = new Map<string, VectorRef[]>();
  for (const ref of refs) groups.set(ref.product, [...(groups.get(ref.product) ?? []), ref]);
  for (const product of [...groups.keys()].sort()) {
    const items = groups.get(product) ?? [];
    sink.add({
      kind: 'vector-store',
      key: product,
      name: product,
      provider: product,
      attributes: { clients: sortedUnique(items.map((r) => r.client)) },
      evidence: firstLines(items.map((r) => r.offset), sink).map((line) => sink.evidence(line, 'call-site', 'declared')),
    });
  }
}

/**
 * Adds the MCP servers implemented in a Go, Java/Kotlin, C#, Rust or Ruby file (`mcp-go.ts`,
 * `mcp-jvm-server.ts`, `mcp-csharp.ts`, `mcp-rust.ts`, `mcp-ruby.ts`), their tools and `PROVIDES` links, keyed as
 * the JavaScript and Python detectors key theirs (`code:<server>`, `code:<server>/<tool>`); Spring
 * AI `@Tool` methods of a file showing no server as their module's `tools` part
 * (`spring-tools:<module>`, `shared/spring-ai-mcp.ts`), which the pipeline joins or drops.
 */
export function emitImplementedMcp(sink: Sink, found: ImplementedMcp): void {
  const keys = found.servers.map((s) => (s.pendingModule === undefined ? `code:${s.name}` : springPartKey('tools', s.pendingModule)));
  const transports = sortedUnique(found.transports.map((t) => t.transport));
  const transportLines = firstLines(found.transports.map((t) => t.offset), sink);
  const seen = new Set<string>();
  found.servers.forEach((server, i) => {
    const key = keys[i] as string;
    // Two constructions under one name in a file are one asset; the first keeps the attributes.
    if (seen.has(key)) return;
    seen.add(key);
    const offsets = found.servers.filter((s, j) => keys[j] === key && s.inferredFrom === undefined).map((s) => s.offset);
    const confidence = server.literal ? 'declared' : 'inferred';
    const serverLines = firstLines(offsets.length > 0 ? offsets : [server.offset], sink);
    sink.add({
      kind: 'mcp-server',
      key,
      name: server.name,
      attributes: {
        role: 'implemented',
        sdk: server.sdk.module,
        api: server.sdk.api,
        ...(server.inferredFrom === undefined ? {} : { inferredFrom: server.inferredFrom }),
        ...(server.pendingModule === undefined ? {} : { [SPRING_PART]: 'tools' }),
        ...(transports.length === 0 || server.inferredFrom !== undefined ? {} : { transports }),
      },
      evidence: [
        ...serverLines.map((line) => sink.evidence(line, 'call-site', confidence)),
        // A transport built on the constructor's line (`McpServer.sync(new StdioServerTransportProvider())`) is one line of evidence.
        ...(server.inferredFrom === undefined ? transportLines.filter((line) => !serverLines.includes(line)).map((line) => sink.evidence(line, 'call-site', 'declared')) : []),
      ],
    });
  });
  const tools = new Map<string, { server: string; name: string; description?: string; offsets: number[] }>();
  for (const tool of found.tools) {
    const server = keys[tool.server] as string;
    const key = `${server}/${tool.name}`;
    const entry = tools.get(key) ?? { server, name: tool.name, offsets: [], ...(tool.description === undefined ? {} : { description: tool.description }) };
    entry.offsets.push(tool.offset);
    tools.set(key, entry);
  }
  for (const [key, tool] of [...tools].sort(([a], [b]) => a.localeCompare(b))) {
    const evidence = firstLines(tool.offsets, sink).map((line) => sink.evidence(line, 'call-site', 'declared'));
    sink.add({ kind: 'tool', key, name: tool.name, attributes: tool.description === undefined ? {} : { description: tool.description }, evidence });
    sink.relate('PROVIDES', { kind: 'mcp-server', key: tool.server }, { kind: 'tool', key }, evidence[0] as Evidence);
  }
}

/**
 * Adds the MCP servers a Java/Kotlin file connects to as a client, keyed and named as the Python
 * detector records its client connections (`shared/mcp-client.ts`); one asset per key per file.
 */
export function emitJvmMcpClients(sink: Sink, connections: readonly JvmMcpConnection[]): void {
  const groups = new Map<string, { asset: ClientConnectionAsset; offsets: number[] }>();
  // Every value any connection hides stays out of every quoted line: connections that differ only
  // in a secret share a key, and two constructions can share a line.
  const quoter = new LaunchQuoter();
  for (const c of connections) {
    const asset = clientConnectionAsset(c);
    if (asset === undefined) continue;
    quoter.add(asset.hidden);
    const group = groups.get(asset.key) ?? { asset, offsets: [] };
    group.offsets.push(c.offset);
    groups.set(asset.key, group);
  }
  for (const [key, { asset, offsets }] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    sink.add({
      kind: 'mcp-server',
      key: `client:${key}`,
      name: asset.name,
      attributes: asset.attributes,
      evidence: firstLines(offsets, sink).map((line) => sink.evidence(line, 'call-site', 'declared', quoter.quote)),
    });
  }
}
