/**
 * Models a client is configured to use, read from the same files as its servers: opencode
 * `model` / `small_model` (`"provider/model"`), agent and mode models and `provider.<id>.models`;
 * Codex `model` + `model_provider` and `[profiles.*]`; Claude Code `model` and the `ANTHROPIC_*MODEL`
 * env settings; Continue `models` entries, `tabAutocompleteModel`, `embeddingsProvider`; Goose
 * `GOOSE_*MODEL` / `GOOSE_*PROVIDER`; Zed `agent` / `assistant` `default_model` and its siblings;
 * Gemini CLI `model` / `model.name`; Spring AI `spring.ai.<provider>.<kind>.options.model` (`spring.ts`;
 * a `${VAR:default}` placeholder reads as its default).
 * Only strings in these positions are read; ids must pass `looksLikeModelId` (Claude Code's family
 * aliases `sonnet`/`opus`/... excepted), so `AUTODETECT` or `{env:MODEL}` are not models.
 */
import { looksLikeModelId, modelProvider } from '../shared/model-ids.ts';
import { placeholderDefault, type PlaceholderSyntax, type PropertyLookup } from '../shared/placeholder-defaults.ts';
import { CLAUDE_MODEL_ALIASES, PROVIDER_ALIASES, PROXY_PROVIDERS, type ClientSettings, type Syntax } from './catalog.ts';
import { springLookup, springModelSettings } from './spring.ts';
import { asObject, entry, get, str, type CValue } from './tree.ts';

export interface RawModel {
  /** The model id as written, without an opencode `provider/` prefix. */
  readonly id: string;
  readonly provider?: string;
  /** The setting that names it (`model`, `profiles.fast.model`, `models`), for the `sources` attribute. */
  readonly setting: string;
  readonly line?: number;
  /** `key: value` as written in the file's syntax; model ids are not secrets. */
  readonly snippet: string;
}

/** Provider as the other detectors spell it, or undefined for an empty name. */
export function normalProvider(raw: string | undefined): string | undefined {
  const p = raw?.trim().toLowerCase();
  if (p === undefined || p === '') return undefined;
  return PROVIDER_ALIASES[p] ?? p;
}

class ModelList {
  readonly models: RawModel[] = [];
  private readonly syntax: Syntax;
  private readonly aliases: readonly string[];

  constructor(syntax: Syntax, aliases: readonly string[] = []) {
    this.syntax = syntax;
    this.aliases = aliases;
  }

  private snippet(key: string, value: string, setting: string): string {
    // A properties line is the whole dotted key (the setting's path) and its value.
    if (this.syntax === 'properties') return `${setting}=${value}`;
    if (this.syntax === 'toml') return `${key} = ${JSON.stringify(value)}`;
    if (this.syntax === 'yaml') return `${key}: ${value}`;
    return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  }

  /**
   * Adds the model id held (as a string) or named (as a key) at `key` of `obj`; with `placeholders`,
   * a value written as placeholders is read as their defaults (no default, no model).
   */
  add(obj: CValue | undefined, key: string, setting: string, provider: string | undefined, opts: { asKey?: boolean; split?: boolean; placeholders?: PlaceholderSyntax; lookup?: PropertyLookup } = {}): void {
    const e = entry(obj, key);
    const raw = opts.asKey === true ? key : str(e?.value);
    if (e === undefined || raw === undefined) return;
    const value = opts.placeholders === undefined ? raw : placeholderDefault(raw, opts.placeholders, opts.lookup);
    if (value === undefined) return;
    let id = value.trim();
    let prov = provider;
    const slash = opts.split === true ? id.indexOf('/') : -1;
    if (slash > 0) [prov, id] = [id.slice(0, slash), id.slice(slash + 1)];
    if (id.length > 128 || !(looksLikeModelId(id) || this.aliases.includes(id.toLowerCase()))) return;
    const snippet = opts.asKey === true ? (this.syntax === 'yaml' ? `${key}:` : `${JSON.stringify(key)}: {`) : this.snippet(key, raw, setting);
    const named = normalProvider(prov);
    const normal = named === undefined || PROXY_PROVIDERS.includes(named) ? (modelProvider(id) ?? named) : named;
    this.models.push({ id, setting, snippet, ...(normal === undefined ? {} : { provider: normal }), ...(e.line === undefined ? {} : { line: e.line }) });
  }

  /** Adds `{provider, model}` objects (Continue entries, Zed `default_model`). */
  addPair(value: CValue | undefined, setting: string): void {
    const items = value?.t === 'arr' ? value.items : [value];
    for (const item of items) if (asObject(item) !== undefined) this.add(item, 'model', setting, str(get(item, 'provider')));
  }
}

const objectEntries = (value: CValue | undefined): Array<{ key: string; value: CValue }> => asObject(value)?.entries.map((e) => ({ key: e.key, value: e.value })) ?? [];

function opencode(root: CValue, list: ModelList): void {
  for (const key of ['model', 'small_model']) list.add(root, key, key, undefined, { split: true });
  for (const section of ['agent', 'mode']) {
    for (const a of objectEntries(get(root, section))) list.add(a.value, 'model', `${section}.${a.key}.model`, undefined, { split: true });
  }
  for (const p of objectEntries(get(root, 'provider'))) {
    const models = get(p.value, 'models');
    for (const m of objectEntries(models)) list.add(models, m.key, `provider.${p.key}.models`, p.key, { asKey: true });
  }
}

function codex(root: CValue, list: ModelList): void {
  // Codex talks to OpenAI unless `model_provider` names another provider.
  const topProvider = str(get(root, 'model_provider')) ?? 'openai';
  list.add(root, 'model', 'model', topProvider);
  list.add(root, 'review_model', 'review_model', topProvider);
  for (const p of objectEntries(get(root, 'profiles'))) list.add(p.value, 'model', `profiles.${p.key}.model`, str(get(p.value, 'model_provider')) ?? topProvider);
}

const ANTHROPIC_MODEL_ENV = ['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL'];

function claudeCode(root: CValue, list: ModelList): void {
  // Bedrock / Vertex ids keep the provider their shape names; everything else is Anthropic's.
  const provider = (id: string | undefined): string => (id === undefined ? 'anthropic' : (modelProvider(id) ?? 'anthropic'));
  list.add(root, 'model', 'model', provider(str(get(root, 'model'))));
  const env = get(root, 'env');
  for (const name of ANTHROPIC_MODEL_ENV) list.add(env, name, `env.${name}`, provider(str(get(env, name))));
}

function continueDev(root: CValue, list: ModelList): void {
  list.addPair(get(root, 'models'), 'models');
  list.addPair(get(root, 'tabAutocompleteModel'), 'tabAutocompleteModel');
  list.addPair(get(root, 'embeddingsProvider'), 'embeddingsProvider');
}

function goose(root: CValue, list: ModelList): void {
  const main = str(get(root, 'GOOSE_PROVIDER'));
  list.add(root, 'GOOSE_MODEL', 'GOOSE_MODEL', main);
  list.add(root, 'GOOSE_LEAD_MODEL', 'GOOSE_LEAD_MODEL', str(get(root, 'GOOSE_LEAD_PROVIDER')) ?? main);
  list.add(root, 'GOOSE_PLANNER_MODEL', 'GOOSE_PLANNER_MODEL', str(get(root, 'GOOSE_PLANNER_PROVIDER')) ?? main);
}

const ZED_MODEL_KEYS = ['default_model', 'inline_assistant_model', 'commit_message_model', 'thread_summary_model'];

function zed(root: CValue, list: ModelList): void {
  for (const section of ['agent', 'assistant']) for (const key of ZED_MODEL_KEYS) list.addPair(get(get(root, section), key), `${section}.${key}`);
}

/** Gemini CLI: `model` (older settings) or `model.name` (settings v2). */
function geminiCli(root: CValue, list: ModelList): void {
  list.add(root, 'model', 'model', 'google');
  list.add(get(root, 'model'), 'name', 'model.name', 'google');
}

/**
 * Spring AI: `spring.ai.<provider>.<chat|embedding|...>.options.model` (and Azure's `deployment-name`),
 * see `spring.ts`; `${CHAT_MODEL:gpt-4o}` is its default, `${app.model}` the file's `app.model`.
 */
function springAi(root: CValue, list: ModelList): void {
  const lookup = springLookup(root);
  for (const m of springModelSettings(root)) list.add(m.parent, m.key, m.path, m.provider, { placeholders: 'spring', lookup });
}

const READERS: Readonly<Record<ClientSettings, (root: CValue, list: ModelList) => void>> = {
  'spring-ai': springAi,
  'gemini-cli': geminiCli,
  opencode,
  codex,
  'claude-code': claudeCode,
  continue: continueDev,
  goose,
  zed,
};

/** The models a client config file names, in file order. */
export function readModels(root: CValue, settings: ClientSettings, syntax: Syntax): RawModel[] {
  const list = new ModelList(syntax, settings === 'claude-code' ? CLAUDE_MODEL_ALIASES : []);
  READERS[settings](root, list);
  return list.models;
}
