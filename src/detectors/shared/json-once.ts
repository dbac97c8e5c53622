/**
 * `JSON.parse`, once per text. A notebook is read by three detectors in a row (notebooks, then
 * secrets and endpoints when their gates pass), each of which used to parse it again; the last text
 * and its outcome are remembered, so the next reader of the same file gets the same value. One
 * entry only: memory stays bounded, and the runner hands every detector of a file the same string,
 * so the comparison is a pointer check. The value is shared: callers must only read it.
 */

/** The outcome of parsing: the value, or the error `JSON.parse` threw. */
export type ParsedJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

let last: { readonly text: string; readonly parsed: ParsedJson } | undefined;

/** Parses `text` as JSON, reusing the previous outcome when the text is the same. Never throws. */
export function parseJsonOnce(text: string): ParsedJson {
  if (last?.text === text) return last.parsed;
  let parsed: ParsedJson;
  try {
    parsed = { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    parsed = { ok: false, error };
  }
  last = { text, parsed };
  return parsed;
}
