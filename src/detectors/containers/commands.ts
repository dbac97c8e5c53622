/**
 * Reads simple commands (words already split) for what they start and which models they name:
 * launchers from `catalog-commands.ts` (`vllm serve`, `python -m sglang.launch_server`,
 * `ollama pull`), model flags anywhere in a command (`--model x`, `--model-id=x`), and the
 * positional model of launchers that take one. `sh -c "<script>"` scripts are read too.
 * Whether a candidate is accepted as a model is decided in `emit.ts`.
 */
import { LAUNCHERS, MODEL_FLAGS, type Launcher } from './catalog-commands.ts';
import { shellCommands } from './shell.ts';
import type { Word } from './types.ts';

/** A launcher seen at the program position of a command. */
export interface LaunchHit {
  readonly software: string;
  readonly line: number;
  readonly inferred?: boolean;
}

/** A word in a model position. */
export interface ModelCandidate {
  readonly id: string;
  readonly line: number;
  /** `arg:--model`, `ollama pull`, ... (becomes the model's `sources`). */
  readonly via: string;
  readonly position: 'flag' | 'positional';
  readonly inferred?: boolean;
}

/** What a workload's commands start and which models they name. */
export interface CommandFacts {
  readonly launchers: LaunchHit[];
  readonly models: ModelCandidate[];
}

const WRAPPERS = new Set(['exec', 'nohup', 'env', 'sudo', 'time', 'tini', 'dumb-init', '--', 'command']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const PYTHON = /^python(?:\d(?:\.\d+)?)?$/;
const FLAGS = new Map(MODEL_FLAGS.map((f) => [f.flag, f]));
const MAX_DEPTH = 3;

function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash === -1 ? word : word.slice(slash + 1);
}

/** Drops env assignments and wrappers (`exec`, `nohup`, `env -i`, `tini --`) before the program. */
function stripPrefix(words: readonly Word[]): readonly Word[] {
  let i = 0;
  while (i < words.length) {
    const w = (words[i] as Word).text;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || WRAPPERS.has(basename(w)) || (i > 0 && /^-/.test(w) && basename((words[i - 1] as Word).text) === 'env')) i++;
    else break;
  }
  return words.slice(i);
}

function matchLauncher(words: readonly Word[]): { launcher: Launcher; next: number } | undefined {
  const program = basename(words[0]?.text ?? '');
  if (PYTHON.test(program) && words[1]?.text === '-m') {
    const module = words[2]?.text;
    const launcher = LAUNCHERS.find((l) => l.module !== undefined && l.module === module);
    return launcher ? { launcher, next: 3 } : undefined;
  }
  if (program.endsWith('.llamafile')) {
    const launcher = LAUNCHERS.find((l) => l.program === 'llamafile');
    return launcher ? { launcher, next: 1 } : undefined;
  }
  for (const launcher of LAUNCHERS) {
    if (launcher.program !== program) continue;
    const sub = launcher.sub ?? [];
    if (sub.every((s, k) => words[1 + k]?.text === s)) return { launcher, next: 1 + sub.length };
  }
  return undefined;
}

function flagModels(words: readonly Word[], out: ModelCandidate[]): void {
  words.forEach((word, i) => {
    const eq = word.text.indexOf('=');
    const name = eq === -1 ? word.text : word.text.slice(0, eq);
    if (!FLAGS.has(name)) return;
    const value = eq === -1 ? words[i + 1] : { ...word, text: word.text.slice(eq + 1) };
    if (value === undefined || value.text === '' || value.text.startsWith('-')) return;
    out.push(candidate(value, `arg:${name}`, 'flag'));
  });
}

function candidate(word: Word, via: string, position: ModelCandidate['position']): ModelCandidate {
  return { id: word.text, line: word.line, via, position, ...(word.inferred ? { inferred: true } : {}) };
}

function analyzeOne(command: readonly Word[], facts: CommandFacts, depth: number): void {
  const words = stripPrefix(command);
  const program = basename(words[0]?.text ?? '');
  if (SHELLS.has(program) && depth < MAX_DEPTH) {
    const c = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w.text));
    const script = c === -1 ? undefined : words[c + 1];
    if (script !== undefined) {
      for (const inner of shellCommands(script.text, script.line, script.inferred)) analyzeOne(inner, facts, depth + 1);
      return;
    }
  }
  const hit = matchLauncher(words);
  if (hit) {
    const first = words[0] as Word;
    facts.launchers.push({ software: hit.launcher.software, line: first.line, ...(first.inferred ? { inferred: true } : {}) });
    const positional = words[hit.next];
    if (hit.launcher.positionalModel && positional !== undefined && !positional.text.startsWith('-')) {
      const via = [basename(first.text), ...(hit.launcher.sub ?? [])].join(' ');
      facts.models.push(candidate(positional, via, 'positional'));
    }
  }
  flagModels(words, facts.models);
}

/** Launchers and model candidates of a workload's commands. */
export function analyzeCommands(commands: readonly (readonly Word[])[]): CommandFacts {
  const facts: CommandFacts = { launchers: [], models: [] };
  for (const command of commands) analyzeOne(command, facts, 0);
  return facts;
}
