/**
 * Dockerfiles: one workload per build stage, named after the file. `FROM [--platform=...] image
 * [AS name]` with ARG defaults substituted (`${X:-default}` too); a stage built `FROM` an earlier
 * stage inherits its image and env. `ENV` gives env names (values only for model env names, and
 * for later substitution); `RUN`/`CMD`/`ENTRYPOINT` (exec or shell form, exec `ENTRYPOINT` + `CMD`
 * joined into one argv) give the commands; `EXPOSE` the ports. Whether the container runs on a GPU
 * or is published is decided at run time, so neither is recorded here.
 */
import { dockerInstructions, type Instruction } from './dockerfile-lines.ts';
import { expandImage, expandVariables, expandWords } from './substitute.ts';
import { shellCommands } from './shell.ts';
import type { EnvVar, ReadOutcome, Word, Workload } from './types.ts';

interface Stage {
  readonly line: number;
  readonly alias?: string;
  /** Index of the earlier stage this one is built `FROM`. */
  readonly base?: number;
  readonly image?: Word;
  readonly vars: Map<string, string>;
  readonly env: EnvVar[];
  readonly runs: Word[][];
  entry?: Word[][];
  entryExec?: boolean;
  cmd?: Word[][];
  readonly ports: string[];
}

/** `ARG A=1 B` → declared names with their defaults. */
function readArgs(args: string, vars: Map<string, string>, global: ReadonlyMap<string, string>): void {
  for (const word of shellCommands(args, 1).flat()) {
    const eq = word.text.indexOf('=');
    const name = eq === -1 ? word.text : word.text.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const value = eq === -1 ? global.get(name) : expandVariables(word.text.slice(eq + 1), vars).text;
    if (value !== undefined) vars.set(name, value);
  }
}

/** `ENV K=V K2="v 2"` or legacy `ENV K some value`; each name at the line it is written on. */
function readEnv(ins: Instruction, stage: Stage): void {
  const words = shellCommands(ins.args, ins.line).flat();
  const first = words[0];
  if (first === undefined) return;
  const legacy = !first.text.includes('=');
  const pairs = legacy
    ? [{ name: first.text, raw: words.slice(1).map((w) => w.text).join(' '), line: first.line }]
    : words.map((w) => {
        const eq = w.text.indexOf('=');
        return { name: eq === -1 ? w.text : w.text.slice(0, eq), raw: eq === -1 ? '' : w.text.slice(eq + 1), line: w.line };
      });
  for (const { name, raw, line } of pairs) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue;
    const value = expandVariables(raw, stage.vars);
    stage.env.push({ name, line, value: value.text, ...(value.changed ? { inferred: true } : {}) });
    stage.vars.set(name, value.text);
  }
}

/** Exec form (`["a", "b"]`) as one argv, else shell form split into simple commands. */
function readCommand(ins: Instruction, vars: ReadonlyMap<string, string>): { commands: Word[][]; exec: boolean } {
  const body = ins.args.replace(/^\s*(?:--[\w-]+(?:=\S*)?\s+)+/, '').trim();
  if (body.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body.replace(/\\\n/g, ' '));
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) {
        return { commands: parsed.length > 0 ? [parsed.map((text: string) => ({ text, line: ins.line }))] : [], exec: true };
      }
    } catch {
      // Not valid JSON: Docker runs it in a shell too.
    }
  }
  return { commands: expandWords(shellCommands(body, ins.line), vars), exec: false };
}

function readFrom(ins: Instruction, global: ReadonlyMap<string, string>, stages: readonly Stage[]): Stage {
  const words = shellCommands(ins.args, ins.line).flat().filter((w) => !w.text.startsWith('--'));
  const raw = words[0];
  const alias = words[1]?.text.toUpperCase() === 'AS' ? words[2]?.text : undefined;
  const expanded = raw === undefined ? undefined : expandVariables(raw.text, global);
  const baseIndex = expanded === undefined ? -1 : stages.findIndex((s) => s.alias !== undefined && s.alias.toLowerCase() === expanded.text.toLowerCase());
  const base = stages[baseIndex];
  const image = base?.image ?? (raw === undefined ? undefined : expandImage(raw.text, ins.line, global));
  return {
    line: ins.line,
    ...(alias === undefined ? {} : { alias }),
    ...(base === undefined ? {} : { base: baseIndex }),
    ...(image === undefined ? {} : { image }),
    vars: new Map([...global, ...(base?.vars ?? [])]),
    env: [...(base?.env ?? [])],
    runs: [],
    ports: [],
  };
}

function stageWorkload(stage: Stage, path: string): Workload {
  const joined = stage.entryExec && stage.entry?.length === 1 && stage.cmd !== undefined && stage.cmd.length > 0
    ? [[...(stage.entry[0] as Word[]), ...(stage.cmd[0] as Word[])], ...stage.cmd.slice(1)]
    : [...(stage.entry ?? []), ...(stage.cmd ?? [])];
  return {
    source: 'dockerfile',
    name: path,
    line: stage.line,
    ...(stage.image === undefined ? {} : { image: stage.image }),
    commands: [...stage.runs, ...joined],
    env: stage.env,
    ports: stage.ports,
    ...(stage.alias === undefined ? {} : { extra: { stage: stage.alias } }),
  };
}

/**
 * Stages that only serve `COPY --from=<stage>` (a binary copied out of `ollama/ollama`) are build
 * helpers, not deployments, unless the last stage is built on them.
 */
function deployedStages(stages: readonly Stage[], copied: ReadonlySet<string>): Stage[] {
  const lineage = new Set<number>();
  for (let i: number | undefined = stages.length - 1; i !== undefined && i >= 0 && !lineage.has(i); i = stages[i]?.base) lineage.add(i);
  return stages.filter((s, i) => lineage.has(i) || !(copied.has(String(i)) || (s.alias !== undefined && copied.has(s.alias.toLowerCase()))));
}

/** Workloads (one per deployed stage) of a Dockerfile; over-long lines are reported and skipped. */
export function readDockerfile(content: string, path: string): ReadOutcome {
  const { instructions, problems } = dockerInstructions(content);
  const global = new Map<string, string>();
  const stages: Stage[] = [];
  const copied = new Set<string>();
  for (const ins of instructions) {
    const stage = stages[stages.length - 1];
    if (ins.keyword === 'FROM') stages.push(readFrom(ins, global, stages));
    else if (ins.keyword === 'ARG') readArgs(ins.args, stage?.vars ?? global, global);
    else if (stage === undefined) continue;
    else if (ins.keyword === 'ENV') readEnv(ins, stage);
    else if (ins.keyword === 'RUN') stage.runs.push(...readCommand(ins, stage.vars).commands);
    else if (ins.keyword === 'CMD') stage.cmd = readCommand(ins, stage.vars).commands;
    else if (ins.keyword === 'ENTRYPOINT') {
      const { commands, exec } = readCommand(ins, stage.vars);
      stage.entry = commands;
      stage.entryExec = exec;
    } else if (ins.keyword === 'COPY') {
      const from = /--from=(\S+)/.exec(ins.args)?.[1];
      if (from !== undefined) copied.add(from.toLowerCase());
    } else if (ins.keyword === 'EXPOSE') stage.ports.push(...shellCommands(expandVariables(ins.args, stage.vars).text, ins.line).flat().map((w) => w.text));
  }
  return { workloads: deployedStages(stages, copied).map((s) => stageWorkload(s, path)), problems };
}
