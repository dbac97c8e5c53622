/**
 * A small POSIX-shell word splitter: enough to read `CMD`, `RUN`, compose `command:` strings and
 * `sh -c` scripts. It splits simple commands on `;`, `&&`, `||`, `|`, `&`, newlines and parentheses,
 * removes quotes, honours backslash escapes and backslash-newline continuations, and drops
 * comments. It never expands anything (variables are handled by `substitute.ts` beforehand) and
 * never executes anything.
 */
import type { Word } from './types.ts';

/** Longest script read; the rest of a longer one is ignored (commands are short in practice). */
export const MAX_SCRIPT = 65_536;

interface State {
  readonly commands: Word[][];
  current: Word[];
  word: string;
  inWord: boolean;
  wordLine: number;
  line: number;
}

function endWord(s: State, inferred: boolean): void {
  if (!s.inWord) return;
  s.current.push(inferred ? { text: s.word, line: s.wordLine, inferred } : { text: s.word, line: s.wordLine });
  s.word = '';
  s.inWord = false;
}

function endCommand(s: State, inferred: boolean): void {
  endWord(s, inferred);
  if (s.current.length > 0) s.commands.push(s.current);
  s.current = [];
}

function startWord(s: State): void {
  if (s.inWord) return;
  s.inWord = true;
  s.wordLine = s.line;
}

/** Reads a quoted span starting at `i` (on the quote); returns the index after the closing quote. */
function readQuoted(text: string, i: number, s: State): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    const c = text[j] as string;
    if (c === '\n') s.line++;
    if (quote === '"' && c === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1] as string)) {
      if (text[j + 1] === '\n') s.line++;
      else s.word += text[j + 1];
      j += 2;
      continue;
    }
    s.word += c;
    j++;
  }
  return j + 1;
}

/**
 * Splits shell text into simple commands of words. `firstLine` is the 1-based line the text starts
 * on; each word carries the line it starts on. `inferred` marks every word (text reached through a
 * variable default).
 */
export function shellCommands(text: string, firstLine: number, inferred = false): Word[][] {
  const src = text.length > MAX_SCRIPT ? text.slice(0, MAX_SCRIPT) : text;
  const s: State = { commands: [], current: [], word: '', inWord: false, wordLine: firstLine, line: firstLine };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      if (src[i + 1] === '\n') s.line++;
      else if (i + 1 < src.length) {
        startWord(s);
        s.word += src[i + 1];
      }
      i += 2;
    } else if (c === "'" || c === '"') {
      startWord(s);
      i = readQuoted(src, i, s);
    } else if (c === '#' && !s.inWord) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand(s, inferred);
      if (c === '\n') s.line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord(s, inferred);
      i++;
    } else {
      startWord(s);
      s.word += c;
      i++;
    }
  }
  endCommand(s, inferred);
  return s.commands;
}
