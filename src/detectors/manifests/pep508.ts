/**
 * A small PEP 508 requirement reader: name, extras, version spec (or direct URL) and marker.
 * Only what the manifest detector needs; specs are kept as written, not validated.
 */

/** One parsed requirement string. */
export interface Requirement {
  /** Name as written (not normalized). */
  readonly name: string;
  readonly extras: readonly string[];
  /** Version spec or `@ <url>` as written, surrounding parentheses dropped; undefined when none. */
  readonly spec?: string;
  readonly marker?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/;
const SPEC = /^(?:@.+|[<>=!~(].*)?$/s;

/** Parses a PEP 508 requirement; undefined when the text is not one (options, paths, prose). */
export function parseRequirement(text: string): Requirement | undefined {
  const match = NAME.exec(text);
  if (!match?.[1]) return undefined;
  let rest = text.slice(match[0].length);
  let marker: string | undefined;
  // A URL may itself contain ';', so PEP 508 requires a blank before the marker there.
  const urlMarker = /\s;/.exec(rest);
  const semi = rest.startsWith('@') ? (urlMarker ? urlMarker.index + 1 : -1) : rest.indexOf(';');
  if (semi >= 0) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi);
  }
  rest = rest.trim();
  if (!SPEC.test(rest)) return undefined;
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  const extras = (match[2] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  return {
    name: match[1],
    extras,
    ...(rest === '' ? {} : { spec: rest }),
    ...(marker === undefined || marker === '' ? {} : { marker }),
  };
}
