/**
 * Splits a Dockerfile into instructions: backslash continuations joined (comment and blank lines
 * inside a continuation dropped, as Docker does), heredoc bodies (`RUN <<EOF ... EOF`) attached to
 * their instruction, lines longer than `MAX_LINE` skipped with a problem. The instruction text keeps
 * its `\`-newline sequences so the shell splitter can count lines.
 */
import type { Problem } from './types.ts';

/** Longest physical line read; longer ones are skipped with a problem. */
export const MAX_LINE = 65_536;

/** One Dockerfile instruction with its continuation lines joined. */
export interface Instruction {
  /** Upper-cased keyword (`FROM`, `RUN`, ...). */
  readonly keyword: string;
  /** Everything after the keyword, continuations and heredoc bodies included. */
  readonly args: string;
  /** 1-based line of the keyword. */
  readonly line: number;
}

const HEREDOC = /(?<!<)<<-?\s*["']?([A-Za-z_][\w-]*)["']?/;

/** A line continued on the next one (no regex: a long run of spaces must stay linear). */
function continues(line: string): boolean {
  return line.trimEnd().endsWith('\\');
}

/** Instructions of a Dockerfile, in order; over-long lines become problems. */
export function dockerInstructions(content: string): { instructions: Instruction[]; problems: Problem[] } {
  const lines = content.split('\n');
  const instructions: Instruction[] = [];
  const problems: Problem[] = [];
  let i = 0;
  while (i < lines.length) {
    const startLine = i + 1;
    const first = lines[i] as string;
    i++;
    if (first.length > MAX_LINE) {
      problems.push({ message: `line longer than ${MAX_LINE} characters; instruction skipped`, line: startLine });
      while (i < lines.length && continues(lines[i - 1] as string)) i++;
      continue;
    }
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    // Parts are joined once: re-scanning a growing string per continuation line would be quadratic.
    const parts = [first.replace(/\r$/, '')];
    let last = parts[0] as string;
    while (continues(last) && i < lines.length) {
      const next = (lines[i] as string).replace(/\r$/, '');
      i++;
      if (next.length > MAX_LINE) {
        problems.push({ message: `line longer than ${MAX_LINE} characters; rest of the instruction skipped`, line: i });
        break;
      }
      parts[parts.length - 1] = last.trimEnd();
      // Docker drops comment and empty lines inside a continuation; keep a `\` so lines still count.
      last = next.trim() === '' || next.trim().startsWith('#') ? '\\' : next;
      parts.push(last);
    }
    let text = parts.join('\n');
    const heredoc = HEREDOC.exec(text);
    if (heredoc?.[1] !== undefined) {
      const end = heredoc[1];
      while (i < lines.length && (lines[i] as string).trim() !== end) {
        text += `\n${(lines[i] as string).slice(0, MAX_LINE)}`;
        i++;
      }
      i++;
    }
    const m = /^\s*([A-Za-z]+)\s*([\s\S]*)$/.exec(text);
    if (m?.[1] !== undefined) instructions.push({ keyword: m[1].toUpperCase(), args: m[2] ?? '', line: startLine });
  }
  return { instructions, problems };
}
