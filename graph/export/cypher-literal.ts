/**
 * Cypher literals for the exported script: values are inlined (a script piped into cypher-shell has
 * no parameters), so strings must be escaped exactly as Cypher reads them.
 */

/** Cypher string escapes (Cypher manual, "String literals"); everything else outside printable ASCII goes as `\uXXXX`. */
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * A single-quoted Cypher string. Control characters and non-ASCII are written as `\uXXXX` (UTF-16
 * code units, so astral characters become surrogate pairs Cypher reassembles), which keeps the
 * script pure ASCII whatever the terminal or file encoding.
 */
export function cypherString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const escaped = ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    else if (ch >= ' ' && ch <= '~') out += ch;
    else for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()}`;
  }
  return `${out}'`;
}

/** A map key: bare when it is a plain identifier, else back-quoted (a back quote doubled). */
export function cypherKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '``')}\``;
}

/** Any JSON-like value as a Cypher literal (a whole number reads back as an integer, as push.ts sends it). */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${cypherKey(k)}: ${cypherLiteral(v)}`).join(', ')}}`;
  }
  return cypherString(String(value));
}
