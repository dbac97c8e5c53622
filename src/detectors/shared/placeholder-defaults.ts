/**
 * The value a config setting takes when none of the variables it names is set: each `${NAME…default}`
 * placeholder replaced by its default, nested placeholders in a default resolved the same way.
 * Two syntaxes:
 * - `spring`: Spring's `${name:default}` (`PropertyPlaceholderHelper`): the default follows the first
 *   `:` of the placeholder; names may hold dots and dashes (`${spring.ai.model-name:gpt-4o}`); `\${`
 *   is an escaped placeholder, kept as written text.
 * - `any`: a file read by a program we cannot name (an `.env`, a compose or azd parameter file, a
 *   YAML settings file): shell and compose `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}`,
 *   `${NAME=default}` (azd's `main.parameters.json`, drone/envsubst) and Spring's `${NAME:default}`,
 *   after a name of letters, digits, `_` and `.`; `$${` and `\${` are escaped.
 * With `lookup` (Spring: the file's own properties), a placeholder naming a property the file sets
 * reads as that property, as Spring resolves `${spring.application.name}` from the same file; the
 * default only when the file does not set it. A placeholder without a default (nor a property found),
 * an unclosed one, or nesting deeper than `MAX_DEPTH` gives undefined: the value cannot be known
 * from the file. Text without placeholders is returned as is.
 */

export type PlaceholderSyntax = 'spring' | 'any';

/** Nesting followed (`${A:${B:${C:x}}}`); real files nest once or twice. */
const MAX_DEPTH = 8;
/** Longest value resolved; settings are short. */
const MAX_LENGTH = 2_000;

/** Index of the `}` closing the placeholder whose `${` ends just before `from`, or -1. */
function closing(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Index of the first `:` outside nested braces of a placeholder's body, or -1. */
function topLevelColon(body: string): number {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ':' && depth === 0 && body[i - 1] !== '\\') return i;
  }
  return -1;
}

const ANY_SEPARATED = /^[A-Za-z_][\w.]*(:-|:=|:|-|=)/;

/** A placeholder's body (between `${` and `}`) split into its name and default (undefined when it has none). */
function split(body: string, syntax: PlaceholderSyntax): { name: string; fallback: string | undefined } {
  if (syntax === 'spring') {
    const at = topLevelColon(body);
    return at < 0 ? { name: body, fallback: undefined } : { name: body.slice(0, at), fallback: body.slice(at + 1) };
  }
  const m = ANY_SEPARATED.exec(body);
  return m === null ? { name: body, fallback: undefined } : { name: m[0].slice(0, -(m[1] as string).length), fallback: body.slice(m[0].length) };
}

/** A property a file sets, by its name, as written (placeholders in it are resolved in turn). */
export type PropertyLookup = (name: string) => string | undefined;

function resolve(text: string, syntax: PlaceholderSyntax, depth: number, lookup: PropertyLookup | undefined): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('${', i);
    if (at < 0) return out + text.slice(i);
    const escaped = text[at - 1] === '\\' || (syntax === 'any' && text[at - 1] === '$');
    const end = closing(text, at + 2);
    if (escaped) {
      // The escape character goes, the placeholder stays as written text.
      out += text.slice(i, at - 1) + (end < 0 ? text.slice(at) : text.slice(at, end + 1));
      if (end < 0) return out;
      i = end + 1;
      continue;
    }
    if (end < 0) return undefined;
    const { name, fallback } = split(text.slice(at + 2, end), syntax);
    const set = /^[\w.[\]-]+$/.test(name) ? lookup?.(name) : undefined;
    const chosen = set ?? fallback;
    const value = chosen === undefined ? undefined : resolve(chosen, syntax, depth + 1, lookup);
    if (value === undefined) return undefined;
    out += text.slice(i, at) + value;
    i = end + 1;
  }
}

/** `value` with every placeholder replaced by its default (see the file comment), or undefined. */
export function placeholderDefault(value: string, syntax: PlaceholderSyntax, lookup?: PropertyLookup): string | undefined {
  if (value.length > MAX_LENGTH) return value.includes('${') ? undefined : value;
  return resolve(value, syntax, 0, lookup);
}
