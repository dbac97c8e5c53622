/**
 * The JavaScript/TypeScript detector: AI SDK imports, model ids, vector stores, MCP servers/tools
 * implemented in JS/TS source and the MCP servers it connects to as a client (`mcp-clients.ts`).
 * Pure: text in, assets out.
 *
 * Speed: a regex pre-check on the raw text rejects files that import no AI package before any
 * parsing; only candidates are parsed (once) and walked (once). Every finding but one needs an AI
 * import in the same file, so a client created in `lib/ai.ts` and used in `app.ts` shows its models
 * only where the file itself imports the SDK (a deliberate trade for precision). The exceptions, in a
 * file that imports no AI package, need catalog ids with a stem (`gpt-`, `claude-`): a model catalog
 * (`detectModelCatalog`: model descriptors and constants named or typed for models) and model settings
 * read from the environment (`detectEnvModels`: `chatModel: <env>.CHAT_MODEL || 'gpt-4o-mini'`); and
 * a Drizzle schema's pgvector columns (`detectSchemaVectors`), which need a Drizzle Postgres import.
 */
import type { Node } from '@babel/types';
import type { DetectionResult } from '../../model/index.ts';
import { parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { Resolver } from './constants.ts';
import { Accumulator, DETECTOR_ID, evidenceFactory, type Context } from './context.ts';
import { collectImports, scanImportText } from './imports.ts';
import { detectMcp } from './mcp.ts';
import { detectMcpClients } from './mcp-clients.ts';
import { detectEnvModels, detectModelCatalog, detectModels } from './models.ts';
import { Origins } from './origins.ts';
import { parseSource } from './parse.ts';
import { isExcludedPath, JS_LITERALS, mayDeclarePgVector, mightImportAi } from './precheck.ts';
import { quotesListedModel } from '../shared/model-ids.ts';
import { detectSdks } from './sdks.ts';
import { detectVectorStores } from './vector-stores.ts';
import { detectSchemaVectors } from './schema-vectors.ts';
import { collectFacts, type FileFacts } from './walk.ts';
import { namesAiHost } from '../endpoints/find.ts';

/** The detector, registered with the others. */
export const javascriptDetector: Detector = {
  id: DETECTOR_ID,
  displayName: 'JavaScript / TypeScript source',
  // Extglobs keep `*.d.ts` and minified bundles out: a `!` pattern in an any-of list would match all.
  patterns: ['**/!(*.d).{ts,mts,cts}', '**/*.{tsx,jsx}', '**/!(*.min).{js,mjs,cjs}'],
  literals: JS_LITERALS,
  detect: detectJavaScript,
};

/** Detects AI assets in one JS/TS file; null when it imports nothing AI and holds no model catalog. Never throws on bad input. */
export function detectJavaScript(file: SourceFile): DetectionResult | null {
  if (isExcludedPath(file.path)) return null;
  // Without an AI import only a model list (`detectModelCatalog`: it needs a quoted listed model id)
  // or a Drizzle schema's pgvector columns (`detectSchemaVectors`) can count.
  const importsAi = mightImportAi(file.content);
  if (!importsAi && !quotesListedModel(file.content) && !mayDeclarePgVector(file.content)) return null;
  const builder = new ResultBuilder();
  const found = new Accumulator();
  const evidence = evidenceFactory(file);
  const parsed = parseSource(file.path, file.content);
  if (!parsed.ok) {
    // A file read only for a model list or a schema: its parse failure is not worth a diagnostic.
    if (!importsAi) return null;
    // Keep the imports a regex can still see: coverage degrades, it does not vanish.
    detectSdks(scanImportText(file.content), found, evidence);
    found.flush(file, builder);
    builder.diagnostic(parseFailed(file, DETECTOR_ID, parsed.message, parsed.line));
    return builder.result();
  }
  const facts = walkSafely(parsed.ast);
  if (!facts) {
    builder.diagnostic(parseFailed(file, DETECTOR_ID, 'JavaScript/TypeScript file too deeply nested to analyse'));
    return builder.result();
  }
  const imports = collectImports(facts);
  const resolver = new Resolver(facts);
  const ctx: Context = { file, facts, imports, resolver, origins: new Origins(resolver, imports, facts), found, evidence };
  if (imports.imports.length === 0) {
    // A model list, and model settings read from the environment (`<env>.OPENAI_MODEL || 'gpt-4o'`, see `env.ts`).
    const reported = new Set<Node>();
    detectModelCatalog(ctx, reported);
    detectEnvModels(ctx, true, reported);
    detectSchemaVectors(ctx);
    if (found.size === 0) return null;
    found.flush(file, builder);
    return builder.result();
  }
  detectSdks(imports.imports, found, evidence);
  // An MCP SDK calls no model: where it is the file's only AI import, `model:` properties and calls
  // are sampling data (a result's `model`, a hint's `name`); only constants named for models count.
  // Unless the file also names an AI API host (`fetch('https://api.openai.com/v1/…', { body: … })`).
  const mcpOnly = imports.imports.every((imp) => imp.pkg.category === 'mcp') && !namesAiHost(file.content);
  detectModels(ctx, mcpOnly);
  detectVectorStores(ctx);
  detectSchemaVectors(ctx);
  detectMcp(ctx);
  detectMcpClients(ctx);
  found.flush(file, builder);
  return builder.result();
}

/** Walks the AST; a pathologically deep tree (generated code) overflows the stack and is reported, not thrown. */
function walkSafely(ast: Parameters<typeof collectFacts>[0]): FileFacts | undefined {
  try {
    return collectFacts(ast);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
