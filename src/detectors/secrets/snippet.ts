/**
 * Evidence snippets for keys: the neighbourhood of the key on its line, with every key found on
 * that line replaced by `<public prefix>…[redacted]`. The snippet is then redacted again by
 * `redactSnippet` (evidenceAt) and checked: if any piece of a key survived, it is dropped.
 */
import type { Lines } from './lines.ts';
import type { KeyHit } from './scan.ts';

/** Characters of context kept either side of the key. */
const AROUND = 60;

/** The redacted text of a key: its public prefix only. */
export function maskKey(hit: Pick<KeyHit, 'rule'>): string {
  return `${hit.rule.prefix}…[redacted]`;
}

/** The line around `focus` with every key of `sameLine` masked; `sameLine` includes `focus`. */
export function redactedLine(lines: Lines, focus: KeyHit, sameLine: readonly KeyHit[]): string {
  const ordered = [...sameLine].sort((a, b) => a.column - b.column);
  let from = Math.max(0, focus.column - AROUND);
  let to = Math.min(lines.length(focus.line), focus.column + focus.value.length + AROUND);
  for (const h of ordered) {
    // Never cut through a key: a half key at a window edge would escape the mask.
    if (h.column < from && h.column + h.value.length > from) from = h.column;
    if (h.column < to && h.column + h.value.length > to) to = h.column + h.value.length;
  }
  return lines.window(focus.line, from, to, (text, offset) => {
    let out = '';
    let at = 0;
    for (const h of ordered) {
      const col = h.column - offset;
      if (col < at || col >= text.length) continue;
      out += text.slice(at, col) + maskKey(h);
      at = col + h.value.length;
    }
    return out + text.slice(at);
  });
}

/** True when the snippet still holds a recognisable piece of one of the keys. */
export function leaks(snippet: string, hits: readonly KeyHit[]): boolean {
  return hits.some((h) => {
    const body = h.value.slice(h.rule.prefix.length);
    return snippet.includes(body.slice(0, 8)) || snippet.includes(body.slice(-8)) || snippet.includes(body.slice(body.length / 2 - 4, body.length / 2 + 4));
  });
}
