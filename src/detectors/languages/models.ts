/**
 * Model ids written in model positions (`model-catalog.ts`) of a file that imports an AI package
 * (or declares models without one, `MODEL_HOSTING`): literal arguments and fields pass
 * `looksLikeModelId`; Go SDK constants are reversed to their ids (`go-constants.ts`). C# rows that
 * name an argument also read a name the file assigns a literal to (`const string ChatModel =
 * "gpt-4o";`, `var model = config["AI:Model"] ?? "gpt-4o";`) and a `??` default written in the call,
 * as inferred evidence. Everything else (other flow, config lookups without a default, string
 * concatenation, Java/C# enum constants) is left alone.
 */
import { isBareName, isModelHelper, isModelRegistry, isSampleHolder, looksLikeModelId, matchKnownModel, MODEL_HOLDER, namesModel } from '../shared/model-ids.ts';
import { namesModelsNotInUse } from '../shared/model-holders.ts';
import { closingBracket, releaseBrackets, splitArgs } from './brackets.ts';
import { goModelConstants } from './go-constants.ts';
import type { ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import { MODEL_POSITIONS, type Language, type ModelArgument, type ModelPosition } from './model-catalog.ts';

/** A model reference: the id as written, how it was referenced, where, literal or constant. */
export interface ModelRef {
  readonly id: string;
  /** `call:<name>`, `keyword:<name>` or `constant:<pkg.Name>`. */
  readonly source: string;
  readonly offset: number;
  readonly literal: boolean;
}

/** Argument lists longer than this are not read (generated or deeply nested code). */
const MAX_ARGS_SPAN = 4000;
/** Declarations of one name read per file (the same local name in many methods), and the initializer read of each. */
const MAX_DECLARATIONS = 1000;
const MAX_INITIALIZER = 2000;

/**
 * Keyword positions (`Model:`, `model:`, `Model = `) are field names any class may have, so an
 * unknown id there needs a separator too (`m1`, `gpt2` are not taken; `my-llm-v2` is); call
 * positions (`.modelName(...)`, `WithModel(...)`) name a model by their own name. A deployment
 * name (`known`) counts only when it is a catalog id.
 */
function acceptable(id: string, position: Pick<ModelPosition, 'kind' | 'known'>): boolean {
  if (id.includes('::') || !looksLikeModelId(id)) return false;
  if (matchKnownModel(id, 'model-named') !== undefined) return true;
  if (position.known === true) return false;
  return position.kind === 'call' || (/[-/:]/.test(id) && id.length >= 4);
}

/**
 * `isModelHelper` for a PascalCase method (`IsReasoningModel` is a predicate as `isReasoningModel`
 * is), and not one whose name says its models are kept out (`AddBlockedModels`).
 */
function namesHelper(name: string): boolean {
  return isModelHelper(name.charAt(0).toLowerCase() + name.slice(1)) && !namesModelsNotInUse(name);
}

/** A string an argument stands for: the literal's offset (or the argument's, when reached through a name). */
interface ArgValue {
  readonly id: string;
  readonly offset: number;
  readonly literal: boolean;
}

/** A declaration of a name: where it starts, and where its initializer starts (after the `=`). */
interface Declaration {
  readonly at: number;
  readonly from: number;
}

/** How a language writes what `argument` rows read: a declaration of a name, and a default. */
interface ValueSyntax {
  /** Global regex of declarations assigning a value, ending at the `=`; group 1 is the name. */
  readonly declaration: RegExp;
  /** An expression ending in a default literal (`config["AI:Model"] ?? "gpt-4o"`), ending at its `"`. */
  readonly fallback: RegExp;
}

const VALUE_SYNTAX: Readonly<Partial<Record<Language, ValueSyntax>>> = {
  csharp: {
    // `const string X =`, `static readonly string X =`, `string? x =`, `var x =` (fields and locals).
    declaration: /(?:\bvar|\bstring[ \t]*\??)\s+@?([A-Za-z_]\w*)[ \t]*=(?![=>])/g,
    fallback: /\?\?\s*"\s*$/,
  },
};

/** Reads argument values of one masked file; its declarations are indexed once, on the first name read. */
class ArgReader {
  private index: Map<string, Declaration[]> | undefined;
  private readonly masked: Masked;
  private readonly syntax: ValueSyntax | undefined;

  constructor(masked: Masked, syntax: ValueSyntax | undefined) {
    this.masked = masked;
    this.syntax = syntax;
  }

  /** What the code in `[start, end)` stands for: a literal, a default after `??`, or a name assigned one. */
  values(start: number, end: number): ArgValue[] {
    const direct = this.direct(start, end);
    if (direct !== undefined) return [direct];
    const name = /^@?([A-Za-z_]\w*)$/.exec(this.masked.code.slice(start, end));
    if (name?.[1] === undefined || this.syntax === undefined) return [];
    // The declaration nearest above the use (a local of this method), else the first below (a field
    // declared after the method); the evidence is the use, inferred (the name may be reassigned).
    const declarations = this.declarations(this.syntax).get(name[1]) ?? [];
    const declared = declarations.findLast((d) => d.at < start) ?? declarations.find((d) => d.at > start);
    const value = declared === undefined ? undefined : this.initializer(declared.from);
    return value === undefined ? [] : [{ id: value.id, offset: start, literal: false }];
  }

  /** A literal (`"gpt-4o"`), or the default literal ending the expression (`x ?? "gpt-4o"`). */
  private direct(start: number, end: number): ArgValue | undefined {
    const code = this.masked.code.slice(start, end);
    if (/^"\s*$/.test(code)) {
      const id = this.masked.strings.get(start);
      return id === undefined ? undefined : { id: id.trim(), offset: start, literal: true };
    }
    const fallback = this.syntax?.fallback.exec(code);
    if (fallback === null || fallback === undefined) return undefined;
    const quote = start + code.lastIndexOf('"');
    const id = this.masked.strings.get(quote);
    return id === undefined ? undefined : { id: id.trim(), offset: quote, literal: false };
  }

  /** The value of an initializer starting at `from` and ending at its `;`, when it is a literal or ends in a default one. */
  private initializer(from: number): ArgValue | undefined {
    const code = this.masked.code;
    const semicolon = code.slice(from, from + MAX_INITIALIZER).indexOf(';') + from;
    if (semicolon < from) return undefined;
    let a = from;
    while (a < semicolon && /\s/.test(code[a] as string)) a++;
    let b = semicolon;
    while (b > a && /\s/.test(code[b - 1] as string)) b--;
    return this.direct(a, b);
  }

  /** The file's declarations by name, in order (at most `MAX_DECLARATIONS` per name); one pass, made once. */
  private declarations(syntax: ValueSyntax): Map<string, Declaration[]> {
    if (this.index !== undefined) return this.index;
    const index = new Map<string, Declaration[]>();
    for (const m of this.masked.code.matchAll(syntax.declaration)) {
      const name = m[1] as string;
      const list = index.get(name) ?? [];
      if (list.length < MAX_DECLARATIONS) list.push({ at: m.index, from: m.index + m[0].length });
      index.set(name, list);
    }
    this.index = index;
    return index;
  }
}

/** An argument split from its `label:` (C# named argument). */
interface Arg {
  readonly label?: string;
  readonly start: number;
  readonly end: number;
}

function readArgs(code: string, open: number): Arg[] | undefined {
  const close = closingBracket(code, open);
  if (close >= code.length) return undefined;
  return splitArgs(code, open, close, MAX_ARGS_SPAN).map(([start, end]) => {
    const label = /^@?([A-Za-z_]\w*)\s*:(?!:)\s*/.exec(code.slice(start, end));
    return label?.[1] === undefined ? { start, end } : { label: label[1], start: start + label[0].length, end };
  });
}

/** The values of the argument `argument` picks (see `ModelArgument`). */
function pick(args: readonly Arg[], argument: ModelArgument, reader: ArgReader): ArgValue[] {
  const named = args.filter((a) => a.label !== undefined && argument.names.includes(a.label));
  if (named.length > 0) return named.flatMap((a) => reader.values(a.start, a.end));
  const { index } = argument;
  if (index === undefined) return [];
  if (index === 'hub') {
    for (const a of args) {
      if (a.label !== undefined) continue;
      const hub = reader.values(a.start, a.end).filter((v) => /^[\w.-]+\/[\w.:@-]+$/.test(v.id));
      if (hub.length > 0) return hub;
    }
    return [];
  }
  const at = index === 'last' ? args.at(-1) : args[index];
  return at === undefined || at.label !== undefined ? [] : reader.values(at.start, at.end);
}

/**
 * Rust `const` / `static` / `let` bindings (`pub const DEFAULT_MODEL: &str = "gpt-4o";`,
 * `const KNOWN_MODELS: &[(&str, usize)] = &[("o3", 200_000)];`): group 1 is the name; the optional
 * type runs to the `=`.
 */
const RUST_BINDING = /\b(?:(?:const|static)|let)(?:\s+mut)?\s+([A-Za-z_]\w*)\s*(?::[^=]{1,200}?)?=(?![=>])/g;
/** An initializer made of literals only (masked: strings are `"` + spaces): a string, an array, a slice, tuples, numbers. */
const LITERALS_ONLY = /^[\s&[\](),"0-9_.+-]*$/;

/**
 * Known model ids held by Rust bindings whose initializer is literals only, as the JavaScript and
 * Python detectors read constants of AI code: `matchKnownModel` hits, inferred, never under a name
 * that keeps them out or prices them (`UNSUPPORTED_MODELS`, `MODEL_PRICES`), never a registry, a
 * bare family name (`"mistral"`) only under a name that says model, nothing under a name that says
 * header. `mcpOnly` (the file imports only
 * MCP crates, which call no model): only bindings named for models (`ANTHROPIC_DEFAULT_MODEL`), not
 * sample data.
 */
function rustConstants(masked: Masked, mcpOnly: boolean, seen: ReadonlySet<number>): ModelRef[] {
  const found: ModelRef[] = [];
  const { code } = masked;
  for (const m of code.matchAll(RUST_BINDING)) {
    const name = m[1] as string;
    // HTTP header names (`REQUEST_ID_HEADERS = &["mistral-correlation-id"]`) are not ids, whatever family they look like.
    if (namesModelsNotInUse(name) || /header/i.test(name) || (mcpOnly && (!namesModel(name) || isSampleHolder(name)))) continue;
    const from = m.index + m[0].length;
    const semicolon = code.slice(from, from + MAX_INITIALIZER).indexOf(';');
    if (semicolon < 0) continue;
    const init = code.slice(from, from + semicolon).replace(/^\s*vec!/, '').replace(/\.(?:to_string|to_owned|into)\(\)/g, '');
    if (!init.includes('"') || !LITERALS_ONLY.test(init)) continue;
    const values: ArgValue[] = [];
    for (let i = from; i < from + semicolon; i++) {
      const text = code[i] === '"' ? masked.strings.get(i) : undefined;
      if (text !== undefined) values.push({ id: text.trim(), offset: i, literal: false });
    }
    if (isModelRegistry(values.map((v) => v.id))) continue;
    const holdsModel = MODEL_HOLDER.test(name);
    for (const v of values) {
      if (seen.has(v.offset) || matchKnownModel(v.id, namesModel(name) ? 'model-named' : 'anywhere') === undefined || (!holdsModel && isBareName(v.id))) continue;
      found.push({ id: v.id, source: `constant:${name}`, offset: v.offset, literal: false });
    }
  }
  return found;
}

/**
 * Model references of one masked file. `mcpOnly`: its only AI imports are MCP packages and it names
 * no AI API host (read for Rust bindings only, `rustConstants`).
 */
export function findModels(language: Language, masked: Masked, imports: readonly ImportRef[], mcpOnly = false): ModelRef[] {
  const found: ModelRef[] = [];
  const seen = new Set<number>();
  /** Calls a row with an `argument` read: a helper row does not read them again. */
  const readCalls = new Set<number>();
  const reader = new ArgReader(masked, VALUE_SYNTAX[language]);
  const add = (value: ArgValue, source: string): void => {
    if (value.literal) seen.add(value.offset);
    found.push({ id: value.id, source, offset: value.offset, literal: value.literal });
  };
  // Positions are listed most specific first; a literal matched by two (a named argument of a
  // listed call) is recorded once, under the first.
  for (const position of MODEL_POSITIONS[language]) {
    for (const m of masked.code.matchAll(position.pattern)) {
      const end = m.index + m[0].length - 1;
      if (position.argument !== undefined || position.helper === true) {
        const name = m[1] ?? 'model';
        if (readCalls.has(end) || (position.helper === true && !namesHelper(name))) continue;
        const args = readArgs(masked.code, end);
        if (args === undefined) continue;
        readCalls.add(end);
        if (position.helper === true) {
          // A helper's arguments are whatever it takes: only catalog ids count, inferred.
          const values = args.filter((a) => a.label === undefined).flatMap((a) => reader.values(a.start, a.end));
          // Every model a registry knows (`RegisterModels("gpt-4o", ...)` with the market) is not a choice.
          if (isModelRegistry(values.map((v) => v.id))) continue;
          for (const v of values) if (!seen.has(v.offset) && matchKnownModel(v.id, 'model-named') !== undefined) add({ ...v, literal: false }, `call:${name}`);
          continue;
        }
        for (const v of pick(args, position.argument as ModelArgument, reader)) {
          if (!seen.has(v.offset) && acceptable(v.id, position)) add(v, `call:${name}`);
        }
        continue;
      }
      if (seen.has(end)) continue;
      const id = masked.strings.get(end)?.trim();
      if (id === undefined || !acceptable(id, position)) continue;
      let label = m[1];
      if (position.stringKeys !== undefined) {
        label = masked.strings.get(m.index);
        if (label === undefined || !position.stringKeys.has(label)) continue;
      }
      add({ id, offset: end, literal: true }, `${position.kind}:${label ?? 'model'}`);
    }
  }
  releaseBrackets();
  if (language === 'rust') found.push(...rustConstants(masked, mcpOnly, seen));
  if (language === 'go') {
    for (const use of goModelConstants(masked.code, imports)) {
      found.push({ id: use.id, source: `constant:${use.expression}`, offset: use.offset, literal: false });
    }
  }
  return found;
}
