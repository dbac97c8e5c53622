/**
 * The languages detector: AI SDK imports and model ids in Go, Java, Kotlin, C#, Ruby and Rust.
 * Per file: a binary sniff, a catalog-built regex pre-check (most files stop here), a one-pass
 * lexer that blanks comments and strings (`lex-c.ts`, `lex-ruby.ts`), the import statements of
 * the language (`imports.ts`) mapped to packages (`resolve.ts`), then model positions (`models.ts`),
 * constructed vector-store clients (`vector-stores.ts`) and MCP servers (`mcp-go.ts`, `mcp-jvm-server.ts`,
 * `mcp-jvm.ts`, `mcp-csharp.ts`, `mcp-rust.ts`, `mcp-ruby.ts`).
 * See README.md for what is found and what is deliberately left out.
 */
import type { DetectionResult, Diagnostic } from '../../model/index.ts';
import { parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { emitImplementedMcp, emitJvmMcpClients, emitModels, emitPackages, emitVectorStores, fileSink, LANGUAGES_DETECTOR_ID, type PackageImport, type Sink } from './emit.ts';
import { csharpImports, goImports, javaImports, kotlinImports, rubyImports, rustImports, type ImportScan } from './imports.ts';
import { lexC, SYNTAX } from './lex-c.ts';
import { lexRuby } from './lex-ruby.ts';
import { LineIndex, type Masked } from './mask.ts';
import { MODEL_HOSTING, type Language } from './model-catalog.ts';
import { findModels } from './models.ts';
import { namesAiHost } from '../endpoints/find.ts';
import { languageOf, looksBinary, mayFindLanguages } from './precheck.ts';

export { languageOf } from './precheck.ts';
import { resolveCrate, resolveGem, resolveGo, resolveJvm, resolveNuget, type ResolvedPackage } from './resolve.ts';
import { findVectorStores } from './vector-stores.ts';
import { findGoMcp } from './mcp-go.ts';
import { findJvmMcpClients } from './mcp-jvm.ts';
import { findJvmMcpServers } from './mcp-jvm-server.ts';
import { ADD_MCP_SERVER, findCsharpMcp } from './mcp-csharp.ts';
import { findRustMcp } from './mcp-rust.ts';
import { findRubyMcp } from './mcp-ruby.ts';
import { RUBY_MCP_SHAPE } from './mcp-catalog.ts';

export { LANGUAGES_DETECTOR_ID, type Sink } from './emit.ts';
export { LineIndex } from './mask.ts';

/** Lines longer than this mark generated or minified code: imports are read, model positions not. */
export const MAX_LINE_LENGTH = 50_000;
const MAX_DIAGNOSTICS = 3;

interface LanguageSupport {
  readonly lex: (src: string) => Masked;
  readonly imports: (masked: Masked) => ImportScan;
  readonly resolve: (path: string, masked: Masked) => ResolvedPackage | undefined;
}

const SUPPORT: Readonly<Record<Language, LanguageSupport>> = {
  go: { lex: (s) => lexC(s, SYNTAX.go), imports: goImports, resolve: (p) => resolveGo(p) },
  java: { lex: (s) => lexC(s, SYNTAX.java), imports: javaImports, resolve: (p) => resolveJvm(p) },
  kotlin: { lex: (s) => lexC(s, SYNTAX.kotlin), imports: kotlinImports, resolve: (p) => resolveJvm(p) },
  csharp: { lex: (s) => lexC(s, SYNTAX.csharp), imports: csharpImports, resolve: (p) => resolveNuget(p) },
  ruby: { lex: lexRuby, imports: rubyImports, resolve: (p, m) => resolveGem(p, m.code) },
  rust: { lex: (s) => lexC(s, SYNTAX.rust), imports: rustImports, resolve: (p) => resolveCrate(p) },
};

function binaryFile(file: SourceFile): DetectionResult {
  const diagnostic: Diagnostic = {
    connector: LANGUAGES_DETECTOR_ID,
    level: 'warn',
    code: 'binary-file',
    message: 'binary content in a source file; not scanned',
    location: { path: file.path },
  };
  return { assets: [], relationships: [], diagnostics: [diagnostic] };
}

/** What `readSource` could not read: lexer and import problems, and an overlong line. */
export interface SourceProblems {
  /** At most `MAX_DIAGNOSTICS` problems, by offset. */
  readonly problems: readonly { offset: number; message: string }[];
  /** The longest line when it is over `MAX_LINE_LENGTH` (model positions then skipped). */
  readonly overlong?: { line: number; length: number };
}

/**
 * Reads code of one language into `sink`: imports → `sdk` assets, then (when the code imports an
 * AI package) model ids, vector-store clients, Go MCP servers and tools (`mcp-go.ts`) and the MCP
 * servers Java/Kotlin code connects to (`mcp-jvm.ts`). Shared by this detector and the C# cells of
 * .NET notebooks (`notebooks/dotnet.ts`), which hand their cells joined into one text.
 */
export function readSource(language: Language, file: Pick<SourceFile, 'path' | 'scope' | 'siblings'>, content: string, lines: LineIndex, sink: Sink): SourceProblems {
  const support = SUPPORT[language];
  const masked = support.lex(content);
  const scan = support.imports(masked);
  const found: PackageImport[] = [];
  for (const ref of scan.imports) {
    const pkg = support.resolve(ref.path, masked);
    if (pkg !== undefined) found.push({ ref, pkg });
  }
  emitPackages(sink, found);
  const longest = content.length > MAX_LINE_LENGTH ? lines.longest() : undefined;
  const overlong = longest !== undefined && longest.length > MAX_LINE_LENGTH ? longest : undefined;
  // An Aspire AppHost declares models with no AI `using` (`MODEL_HOSTING`): read for models only.
  if (overlong === undefined && found.length === 0 && MODEL_HOSTING[language]?.test(masked.code) === true) emitModels(sink, findModels(language, masked, scan.imports));
  if (overlong === undefined && found.length > 0) {
    // Rust code whose only AI imports are MCP crates calls no model: only bindings named for models count there.
    const mcpOnly = language === 'rust' && found.every((f) => f.pkg.pkg.category === 'mcp') && !namesAiHost(content);
    emitModels(sink, findModels(language, masked, scan.imports, mcpOnly));
    emitVectorStores(sink, findVectorStores(language, masked, scan.imports));
    if (language === 'go') emitImplementedMcp(sink, findGoMcp(masked, scan.imports, file.path, file.scope));
    if (language === 'java' || language === 'kotlin') emitJvmMcpClients(sink, findJvmMcpClients(masked, scan.imports));
    if (language === 'java' || language === 'kotlin') emitImplementedMcp(sink, findJvmMcpServers(masked, scan.imports, file.path, file.scope, language === 'kotlin'));
    if (language === 'rust' && found.some((f) => f.pkg.ecosystem === 'cargo' && f.pkg.name === 'rmcp')) emitImplementedMcp(sink, findRustMcp(masked, content, file.path, file.scope));
  }
  // `AddMcpServer` is an extension in Microsoft.Extensions.DependencyInjection: a Program.cs may use no MCP namespace.
  if (overlong === undefined && language === 'csharp') {
    const usesSdk = found.some((f) => f.pkg.ecosystem === 'nuget' && f.pkg.name.startsWith('ModelContextProtocol'));
    if (usesSdk || ADD_MCP_SERVER.test(masked.code)) emitImplementedMcp(sink, findCsharpMcp(masked, usesSdk, file.path, file.scope, file.siblings));
  }
  // Rails autoloads tool classes and routes: a Ruby MCP file often requires nothing.
  if (overlong === undefined && language === 'ruby') {
    const gems = new Set(found.filter((f) => f.pkg.ecosystem === 'gem').map((f) => f.pkg.name));
    const requires = { mcp: gems.has('mcp'), fastMcp: gems.has('fast-mcp') };
    if (requires.mcp || requires.fastMcp || RUBY_MCP_SHAPE.test(masked.code)) emitImplementedMcp(sink, findRubyMcp(masked, content, requires, file.path, file.scope));
  }
  const problems = [...masked.issues, ...scan.problems].sort((a, b) => a.offset - b.offset).slice(0, MAX_DIAGNOSTICS);
  return { problems, ...(overlong === undefined ? {} : { overlong }) };
}

/** Analyzes one source file of a supported language; null when it imports nothing AI. */
export function detectLanguages(file: SourceFile): DetectionResult | null {
  if (!mayFindLanguages(file.path, file.content)) return null;
  // The pre-check passed: the file is binary-looking, or its language's import regex matched.
  if (looksBinary(file.content)) return binaryFile(file);
  const language = languageOf(file.path) as Language;
  const lines = new LineIndex(file.content);
  const out = new ResultBuilder();
  const { problems, overlong } = readSource(language, file, file.content, lines, fileSink(file, lines, out));
  if (overlong !== undefined) {
    out.diagnostic({
      connector: LANGUAGES_DETECTOR_ID,
      level: 'warn',
      code: 'limit-reached',
      message: `${language}: line ${overlong.line} has ${overlong.length} characters (generated or minified?); imports read, model ids not`,
      location: { path: file.path, line: overlong.line },
    });
  }
  for (const p of problems) out.diagnostic(parseFailed(file, LANGUAGES_DETECTOR_ID, `${language}: ${p.message}`, lines.lineOf(p.offset)));
  return out.result();
}

/** Registered detector for Go, Java, Kotlin, C#, Ruby and Rust source files. */
export const languagesDetector: Detector = {
  id: LANGUAGES_DETECTOR_ID,
  displayName: 'Go, Java, Kotlin, C#, Ruby and Rust source',
  patterns: ['**/*.go', '**/*.java', '**/*.kt', '**/*.kts', '**/*.cs', '**/*.rb', '**/*.ru', '**/*.rs'],
  detect: detectLanguages,
};
