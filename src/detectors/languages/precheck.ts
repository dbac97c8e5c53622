/**
 * One regex per language, run on the raw text before any lexing: most source files import nothing
 * AI and must cost a single pass. The patterns are built from the catalogs, so a file passes only
 * when something shaped like an import of a catalog package appears (possibly in a comment or a
 * string: the lexer and import reader then decide).
 */
import { AI_PACKAGES } from '../shared/ai-packages.ts';
import { CRATE_LIBRARY_NAMES, GEMS, JVM_PACKAGES, NUGET_NAMESPACES } from './catalog.ts';
import { RUBY_MCP_SHAPE } from './mcp-catalog.ts';
import { MODEL_HOSTING, type Language } from './model-catalog.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Drops entries that another, shorter entry already covers (`dev.langchain4j.model` under `dev.langchain4j`). */
function roots(prefixes: readonly string[], separator: string): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(`${q}${separator}`)));
}

const alternation = (names: readonly string[]): string => names.map(escape).join('|');

const goModules = AI_PACKAGES.filter((p) => p.ecosystem === 'go').map((p) => p.name);
const crates = [
  ...AI_PACKAGES.filter((p) => p.ecosystem === 'cargo' && !p.prefix).map((p) => p.name.replace(/-/g, '_')),
  ...CRATE_LIBRARY_NAMES.map(([library]) => library),
];
const jvm = alternation(roots(JVM_PACKAGES.map((r) => r.prefix), '.'));

/** The pre-check of each language. */
export const PRECHECK: Readonly<Record<Language, RegExp>> = {
  go: new RegExp(`["\`](?:${alternation(roots(goModules, '/'))})(?:["\`/])`),
  java: new RegExp(`\\bimport\\s+(?:static\\s+)?(?:${jvm})[.;\\s]`),
  kotlin: new RegExp(`\\bimport\\s+(?:${jvm})[.\\s]`),
  // `.AddMcpServer(`: the MCP C# SDK's extension, in a namespace that names no AI package (`mcp-csharp.ts`);
  // an Aspire AppHost's AI resources (`MODEL_HOSTING`), whose extensions come with the AppHost SDK.
  csharp: new RegExp(`\\busing\\s+(?:static\\s+)?(?:@?\\w+\\s*=\\s*)?(?:global::)?(?:${alternation(roots(NUGET_NAMESPACES.map((r) => r.prefix), '.'))})(?![\\w])|\\.\\s*AddMcpServer\\s*\\(|${MODEL_HOSTING.csharp?.source ?? '(?!)'}`),
  // Or an MCP server or tool shape (`mcp-ruby.ts`): Rails autoloads, so such files often require nothing.
  ruby: new RegExp(`\\brequire\\s*\\(?\\s*['"](?:${alternation(GEMS.map((g) => g.require))})['"/]|${RUBY_MCP_SHAPE.source}`),
  rust: new RegExp(`\\b(?:use|crate)\\s+(?:::\\s*)?(?:${alternation(crates)})\\b`),
};

const EXTENSIONS: Readonly<Record<string, Language>> = { go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', cs: 'csharp', rb: 'ruby', ru: 'ruby', rs: 'rust' };
const SNIFF = 4096;

/** The language of a path by extension, if it is one of ours. */
export function languageOf(path: string): Language | undefined {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? undefined : EXTENSIONS[path.slice(dot + 1)];
}

/** True when the head of the text looks binary (NULs, or many control / replacement characters). */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, SNIFF);
  // eslint-disable-next-line no-control-regex
  if (!/[\0-\x08\x0e-\x1f\ufffd]/.test(head)) return false;
  if (head.includes('\0')) return true;
  // eslint-disable-next-line no-control-regex
  return (head.match(/[\x01-\x08\x0e-\x1f\ufffd]/g)?.length ?? 0) > head.length / 10;
}

/**
 * False when the detector would return null for this file without reading further: not one of
 * its languages (Gradle's Kotlin scripts are the manifests detector's), or neither binary-looking
 * (a diagnostic) nor shaped like an import of a catalog package. Light on purpose: scan workers
 * run it on every file (`src/detectors/prefilters.ts`).
 */
export function mayFindLanguages(path: string, content: string): boolean {
  const language = languageOf(path);
  if (language === undefined || path.endsWith('.gradle.kts')) return false;
  return looksBinary(content) || PRECHECK[language].test(content);
}
