/**
 * Parses JavaScript/TypeScript with @babel/parser. Options are lenient on purpose: the detector
 * reads code that may never have been compiled (scripts, examples, half-migrated files), so
 * module-vs-script is guessed, top-level `return`/`await` are allowed and errors are recovered
 * where Babel can. Recovered errors are not reported: the AST covered the file.
 */
import { parse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';

/** The outcome of parsing one file. */
export type ParseOutcome =
  | { readonly ok: true; readonly ast: File }
  | { readonly ok: false; readonly message: string; readonly line?: number };

const BASE: ParserOptions = {
  sourceType: 'unambiguous',
  errorRecovery: true,
  allowReturnOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowAwaitOutsideFunction: true,
  allowSuperOutsideMethod: true,
  allowUndeclaredExports: true,
  allowNewTargetOutsideFunction: true,
  // Comments are never evidence (a commented-out import is not an import): skip attaching them.
  attachComment: false,
  createParenthesizedExpressions: false,
};

/**
 * Plugins by extension: TypeScript for .ts/.mts/.cts (no JSX: `<T>x` is a cast there), TypeScript
 * + JSX for .tsx, JSX for the JavaScript family. Legacy decorators everywhere (NestJS, TypeORM).
 */
function pluginsFor(path: string): ParserPlugin[] {
  const ext = /\.([cm]?[jt]sx?)$/i.exec(path)?.[1]?.toLowerCase() ?? 'js';
  if (ext === 'tsx') return ['typescript', 'jsx', 'decorators-legacy'];
  if (ext.endsWith('ts')) return ['typescript', 'decorators-legacy'];
  return ['jsx', 'decorators-legacy'];
}

/**
 * Parses a file; never throws. A JavaScript file that fails is retried with Flow, since Flow-typed
 * `.js` files (React Native, older Meta projects) are common and not valid JSX-only syntax.
 */
export function parseSource(path: string, content: string): ParseOutcome {
  const plugins = pluginsFor(path);
  const first = tryParse(content, plugins);
  if (first.ok || plugins.includes('typescript')) return first;
  const flow = tryParse(content, ['jsx', 'flow', 'decorators-legacy']);
  return flow.ok ? flow : first;
}

function tryParse(content: string, plugins: ParserPlugin[]): ParseOutcome {
  try {
    return { ok: true, ast: parse(content, { ...BASE, plugins }) };
  } catch (error) {
    const line = lineOfError(error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `JavaScript/TypeScript parse failed: ${message}`, ...(line === undefined ? {} : { line }) };
  }
}

function lineOfError(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('loc' in error)) return undefined;
  const loc = (error as { loc?: { line?: unknown } }).loc;
  return typeof loc?.line === 'number' ? loc.line : undefined;
}
