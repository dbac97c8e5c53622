/**
 * Variable expansion as Dockerfiles (ARG/ENV) and compose files (`${X:-default}`) do it, limited to
 * what the file itself says: a known variable's value, else the default written in the reference.
 * Anything else stays as written (`${X}`), and callers drop values that still hold a `$`.
 */
import type { Word } from './types.ts';

/** The result of an expansion. */
export interface Expanded {
  readonly text: string;
  /** A variable was replaced (the result is `inferred`, not literally written). */
  readonly changed: boolean;
}

/** Longest expansion kept: `ARG B=$A$A` chains would otherwise double a value per line. */
export const MAX_EXPANDED = 8192;

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+alt}`, `${X+alt}` against `vars`. Unknown
 * variables with a default take the default; without one they are left unexpanded. `$$` (compose's
 * escaped dollar) is kept. One pass, no recursion into expanded values; a result longer than
 * `MAX_EXPANDED` is dropped (the text stays as written).
 */
export function expandVariables(text: string, vars: ReadonlyMap<string, string>): Expanded {
  if (!text.includes('$')) return { text, changed: false };
  let changed = false;
  const out = text.replace(/\$\$|\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/g, (match) => {
    if (match === '$$') return match;
    REF.lastIndex = 0;
    const m = REF.exec(match);
    if (m === null || m[0].length !== match.length) return match;
    const name = m[1] ?? m[4] ?? '';
    const op = m[2];
    const arg = m[3] ?? '';
    const value = vars.get(name);
    const set = value !== undefined && (value !== '' || op === undefined || !op.startsWith(':'));
    let result: string | undefined;
    if (op === undefined) result = value;
    else if (op.endsWith('-')) result = set ? value : arg;
    else if (op.endsWith('+')) result = set ? arg : '';
    else result = value;
    if (result === undefined) return match;
    changed = true;
    return result;
  });
  return out.length > MAX_EXPANDED ? { text, changed: false } : { text: out, changed };
}

/**
 * An image reference with variables expanded. It counts as `inferred` only when a variable stood in
 * the repository part: `vllm/vllm-openai:${TAG}` still names vLLM literally.
 */
export function expandImage(raw: string, line: number, vars: ReadonlyMap<string, string>): Word {
  const { text, changed } = expandVariables(raw, vars);
  const repository = raw.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  return changed && repository.includes('$') ? { text, line, inferred: true } : { text, line };
}

/** Expands variables word by word, so only the words that held a variable become `inferred`. */
export function expandWords(commands: readonly (readonly Word[])[], vars: ReadonlyMap<string, string>): Word[][] {
  return commands.map((words) =>
    words.map((w) => {
      const { text, changed } = expandVariables(w.text, vars);
      return changed ? { text, line: w.line, inferred: true } : w;
    }),
  );
}
