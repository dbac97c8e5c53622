/**
 * Models an application is set to use in its env and config files (`OPENAI_MODEL=gpt-4o-mini` in
 * `.env.example`, `[llm] model = "gpt-4o"` in `config.toml`, `llm: {model: gpt-4.1}` in
 * `settings.yaml`). A strict rule, so nothing else comes in: the key (the env name, or the dotted
 * path of a TOML/YAML/JSON key) is named for a model (`namesModel`: `OPENAI_MODEL`, `llm.model`,
 * `agent.llm_name`, `fallback_models`), not for models kept out or priced (`namesModelsNotInUse`),
 * and the value is a known model id with a model-id stem (`matchKnownModel`, `hasModelStem`; a
 * placeholder is never one). A file naming more ids than a program chooses among is a registry and
 * left out (`isModelRegistry`). Which files are read: `config-model-files.ts`. YAML and TOML are read
 * line by line and JSON with `JSON.parse`: the endpoints detector runs in the reading threads, which
 * load no parser package.
 */
import type { RawModel } from '../mcp-config/models.ts';
import { LineIndex } from '../shared/line-index.ts';
import { namesModelsNotInUse } from '../shared/model-holders.ts';
import { hasModelStem, isModelRegistry, looksLikeModelId, matchKnownModel, modelProvider, namesModel } from '../shared/model-ids.ts';
import type { ConfigModelSyntax } from './config-model-files.ts';

/** Settings read per file; real config files set a handful. */
const MAX_VALUES = 5_000;
const MAX_DEPTH = 32;

interface Setting {
  readonly path: string;
  readonly value: string;
  readonly line?: number;
  readonly snippet: string;
}

/** `NAME=value` lines of an env file (`export` allowed, quotes and a trailing `# comment` dropped); comment lines never match. */
const ENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"]*))[ \t]*(?:#.*)?$/gm;

function envSettings(text: string): Setting[] {
  const out: Setting[] = [];
  const lines = new LineIndex(text);
  for (const m of text.matchAll(ENV_LINE)) {
    if (out.length >= MAX_VALUES) break;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    out.push({ path: m[1] as string, value, line: lines.lineOf(m.index), snippet: `${m[1]}=${value}` });
  }
  return out;
}

const unquote = (raw: string): string => {
  const t = raw.trim();
  return /^(["']).*\1$/.test(t) && t.length >= 2 ? t.slice(1, -1) : t;
};

/** A YAML `key: value` line (plain or quoted key); the value stops at a ` #` comment. */
const YAML_KEY = /^( *)(?:- +)?("[^"\n]*"|'[^'\n]*'|[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const YAML_ITEM = /^( *)- +(.*?)[ \t]*$/;

/**
 * Block mappings and lists of a YAML file, read line by line (the reading threads load no YAML
 * parser): each key's dotted path from its indentation; block scalars (`|`, `>`) and flow
 * collections are skipped, not read as keys. Good enough for settings files; anything else is
 * simply not found.
 */
function yamlSettings(text: string): Setting[] {
  const out: Setting[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  let blockIndent = -1;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_VALUES; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '' || /^\s*#/.test(raw)) continue;
    const indent = raw.length - raw.trimStart().length;
    if (blockIndent >= 0 && indent > blockIndent) continue;
    blockIndent = -1;
    if (/^(?:---|\.\.\.)\s*$/.test(raw)) {
      stack.length = 0;
      continue;
    }
    const key = YAML_KEY.exec(raw);
    const item = key === null ? YAML_ITEM.exec(raw) : null;
    if (key !== null) {
      // A `- key: value` item opens a mapping two columns further in.
      const at = raw.trimStart().startsWith('-') ? indent + 2 : indent;
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= at) stack.pop();
      const name = unquote(key[2] as string);
      const path = [...stack.map((s) => s.key), name].join('.');
      const value = (key[3] ?? '').replace(/[ \t]+#.*$/, '');
      if (value === '') stack.push({ indent: at, key: name });
      else if (/^[|>]/.test(value)) blockIndent = indent;
      else if (!/^[[{&*!]/.test(value)) out.push({ path, value: unquote(value), line: i + 1, snippet: `${name}: ${value}` });
    } else if (item !== null) {
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent > indent) stack.pop();
      const value = (item[2] as string).replace(/[ \t]+#.*$/, '');
      const parent = stack[stack.length - 1];
      if (parent !== undefined && !/^[[{&*!|>]/.test(value)) out.push({ path: stack.map((s) => s.key).join('.'), value: unquote(value), line: i + 1, snippet: `- ${value}` });
    }
  }
  return out;
}

const TOML_TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
const TOML_KEY = /^\s*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+))*)\s*=\s*("[^"\n]*"|'[^'\n]*'|\[[^\]\n]*\])\s*(?:#.*)?$/;
const tomlPath = (dotted: string): string => (dotted.match(/"[^"]*"|'[^']*'|[A-Za-z0-9_-]+/g) ?? []).map(unquote).join('.');

/** `key = "value"` (or a one-line array of strings) under `[table]` headers, line by line. */
function tomlSettings(text: string): Setting[] {
  const out: Setting[] = [];
  let table = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < MAX_VALUES; i++) {
    const raw = lines[i] as string;
    const header = TOML_TABLE.exec(raw);
    if (header !== null) {
      table = tomlPath(header[1] as string);
      continue;
    }
    const kv = TOML_KEY.exec(raw);
    if (kv === null) continue;
    const key = tomlPath(kv[1] as string);
    const path = table === '' ? key : `${table}.${key}`;
    const value = kv[2] as string;
    const values = value.startsWith('[') ? (value.match(/"[^"\n]*"|'[^'\n]*'/g) ?? []) : [value];
    for (const v of values) out.push({ path, value: unquote(v), line: i + 1, snippet: `${key} = ${v}` });
  }
  return out;
}

/** String values of a JSON file with the dotted path and line of each (`JSON.parse`; JSONC comments make it unread). */
function jsonSettings(text: string): Setting[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return [];
  }
  const out: Setting[] = [];
  const lines = new LineIndex(text);
  const lineOf = (key: string, value: string): number | undefined => {
    const at = text.indexOf(`${JSON.stringify(key)}`);
    const v = at < 0 ? -1 : text.indexOf(JSON.stringify(value), at);
    return v < 0 ? undefined : lines.lineOf(v);
  };
  const walk = (value: unknown, path: string, key: string, depth: number): void => {
    if (out.length >= MAX_VALUES || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      // Lines only for values that can count: finding one is a search of the text.
      const line = isConfiguredModel(value) ? lineOf(key, value) : undefined;
      out.push({ path, value, ...(line === undefined ? {} : { line }), snippet: `${JSON.stringify(key)}: ${JSON.stringify(value)}` });
    } else if (Array.isArray(value)) for (const item of value) walk(item, path, key, depth + 1);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`, k, depth + 1);
  };
  walk(root, '', '', 0);
  return out;
}

function settingsOf(text: string, syntax: ConfigModelSyntax): Setting[] {
  if (syntax === 'env') return envSettings(text);
  if (syntax === 'yaml') return yamlSettings(text);
  if (syntax === 'toml') return tomlSettings(text);
  return jsonSettings(text);
}

/** A value the rule counts: a known model id with a stem, not a placeholder. */
function isConfiguredModel(value: string): boolean {
  const v = value.trim();
  return hasModelStem(v) && matchKnownModel(v) !== undefined && looksLikeModelId(v);
}

/** The models a config file sets, in file order (`setting` is the env name or dotted key path). */
export function readConfigModels(text: string, syntax: ConfigModelSyntax): RawModel[] {
  const settings = settingsOf(text, syntax);
  if (isModelRegistry(settings.map((s) => s.value))) return [];
  const found: RawModel[] = [];
  for (const s of settings) {
    if (!namesModel(s.path) || namesModelsNotInUse(s.path) || !isConfiguredModel(s.value)) continue;
    const id = s.value.trim();
    const provider = modelProvider(id);
    found.push({ id, setting: s.path, snippet: s.snippet, ...(provider === undefined ? {} : { provider }), ...(s.line === undefined ? {} : { line: s.line }) });
  }
  return found;
}
