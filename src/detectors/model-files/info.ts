/**
 * What a format parser reports besides attributes: problems met on the way, turned into
 * diagnostics by the detector. Parsers throw `Truncated`/`Malformed`/`LimitReached` internally and
 * convert them here, at their entry point, so nothing ever escapes `detect`.
 */
import { redactSnippet, type Attributes, type DiagnosticCode } from '../../model/index.ts';
import { LIMITS } from './catalog.ts';
import { LimitReached, Malformed, Truncated } from './cursor.ts';

export interface Issue {
  readonly code: Extract<DiagnosticCode, 'parse-failed' | 'limit-reached' | 'not-supported'>;
  readonly message: string;
}

/** What a format parser found: the format, attributes for the asset, a one-line summary (the evidence snippet), problems. */
export interface ModelInfo {
  readonly format: string;
  readonly attributes: Attributes;
  readonly summary: string;
  readonly issues: Issue[];
  /** Set when the bytes turned out not to be this format: only the issues are reported, no asset. */
  readonly notAModel?: true;
}

/** Turns anything a parser threw into an issue prefixed by what was being read. */
export function issueOf(what: string, error: unknown): Issue {
  if (error instanceof LimitReached) return { code: 'limit-reached', message: `${what}: ${error.message}` };
  if (error instanceof Truncated) return { code: 'parse-failed', message: `${what}: truncated (${error.message})` };
  if (error instanceof Malformed) return { code: 'parse-failed', message: `${what}: malformed (${error.message})` };
  if (error instanceof RangeError || (error instanceof Error && /ERR_BUFFER_TOO_LARGE/.test(String((error as { code?: unknown }).code)))) {
    return { code: 'limit-reached', message: `${what}: ${error.message}` };
  }
  return { code: 'parse-failed', message: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/** A string read from an untrusted file, made safe to store: control characters dropped, redacted, capped. */
export function cleanText(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return redactSnippet(raw.replace(/[\u0000-\u001f\u007f]+/g, ' ')).slice(0, LIMITS.text);
}
