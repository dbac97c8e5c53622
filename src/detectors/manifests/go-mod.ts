/**
 * go.mod: `require` lines and `require ( ... )` blocks. A requirement marked `// indirect` gets the
 * scope `indirect` (a dependency of a dependency, recorded for completeness), others `runtime`.
 * `replace`, `exclude`, `retract`, `tool` and other directives declare nothing here.
 */
import type { ManifestEntry, ParseOutcome, ParseProblem } from './types.ts';

const REQUIREMENT = /^\s*("[^"]+"|\S+)\s+(\S+)/;

/** Parses a go.mod; an unterminated block is a problem (entries read before it are kept). */
export function parseGoMod(content: string): ParseOutcome {
  const entries: ManifestEntry[] = [];
  const problems: ParseProblem[] = [];
  let block: { directive: string; line: number } | undefined;
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const comment = raw.indexOf('//');
    const code = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment));
    if (block) {
      if (code === ')') block = undefined;
      else if (block.directive === 'require' && code !== '') push(entries, code, indirect, line);
      return;
    }
    const opened = /^(\w+)\s*\($/.exec(code);
    if (opened?.[1]) {
      block = { directive: opened[1], line };
    } else if (code.startsWith('require ') || code.startsWith('require\t')) {
      push(entries, code.slice('require'.length), indirect, line);
    }
  });
  if (block) problems.push({ message: `unterminated ${block.directive} ( block`, line: block.line });
  return { entries, problems };
}

function push(entries: ManifestEntry[], text: string, indirect: boolean, line: number): void {
  const match = REQUIREMENT.exec(text);
  if (!match?.[1] || !match[2]) return;
  const name = match[1].replace(/^"|"$/g, '');
  entries.push({ ecosystem: 'go', name, version: match[2], scope: indirect ? 'indirect' : 'runtime', line });
}
