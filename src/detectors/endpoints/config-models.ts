/**
 * Models an application is set to use in its env and config files (`OPENAI_MODEL=gpt-4o-mini` in
 * `.env.example`, `[llm] model = "gpt-4o"` in `config.toml`, `llm: {model: gpt-4.1}` in
 * `settings.yaml`, `langchain4j.open-ai.chat-model.model-name=o3` in `application.properties`). A
 * strict rule, so nothing else comes in: the key (the env name, or the dotted path of a
 * TOML/YAML/JSON/properties key) is named for a model (`namesModel`: `OPENAI_MODEL`, `llm.model`,
 * `agent.llm_name`, `fallback_models`), not for models kept out or priced (`namesModelsNotInUse`),
 * and the value is a catalog id (`matchKnownModel`, or OpenAI's two-character `o1`/`o3`; a
 * placeholder is never one), also as the default of a placeholder (`${VAR:-default}`, azd's
 * `${VAR=default}`, Spring's `${VAR:default}`: `shared/placeholder-defaults.ts`). ARM and azd
 * parameter files set `parameters.<name>.value`, read as the setting `parameters.<name>`. A file naming more ids than a
 * program chooses among is a registry and left out (`isModelRegistry`). Which files are read:
 * `config-model-files.ts`. YAML, TOML and env files are read line by line, JSON/JSONC and properties
 * with the mcp-config detector's small readers: the endpoints detector runs in the reading threads,
 * which load no parser package.
 */
import { parseJsonc } from '../mcp-config/jsonc.ts';
import type { RawModel } from '../mcp-config/models.ts';
import { parsePropertiesTree } from '../mcp-config/properties-tree.ts';
import type { CValue } from '../mcp-config/tree.ts';
import { LineIndex } from '../shared/line-index.ts';
import { namesModelsNotInUse } from '../shared/model-holders.ts';
import { isModelRegistry, looksLikeModelId, matchKnownModel, modelProvider, namesModel } from '../shared/model-ids.ts';
import { placeholderDefault, type PlaceholderSyntax } from '../shared/placeholder-defaults.ts';
import type { ConfigModelSyntax } from './config-model-files.ts';

/** Settings read per file; real config files set a handful. */
const MAX_VALUES = 5_000;
const MAX_DEPTH = 32;
/** Longest one-line YAML flow collection read (`llm: {model: gpt-4o}`); longer ones are data, not settings. */
const MAX_FLOW = 2_000;

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
/** An anchor before a value (`&fast gpt-4o-mini`, or `&defaults` opening a mapping). */
const YAML_ANCHOR = /^&([^\s,[\]{}]+)(?:[ \t]+(.*))?$/;
const YAML_ALIAS = /^\*([^\s,[\]{}]+)$/;

/**
 * A one-line YAML flow collection (`{model: gpt-4o, temperature: 0}`, `[o3-mini, "gpt-4.1"]`,
 * nested), as settings under `path`; nothing when it does not close on the line.
 */
function flowSettings(text: string, path: string, line: number, snippet: string): Setting[] {
  if (text.length > MAX_FLOW) return [];
  const out: Setting[] = [];
  let i = 0;
  const space = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i++;
  };
  const scalar = (stops: string): string | undefined => {
    space();
    const q = text[i];
    if (q === '"' || q === "'") {
      const end = text.indexOf(q, i + 1);
      if (end < 0) return undefined;
      const v = text.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    const start = i;
    while (i < text.length && !stops.includes(text[i] as string)) i++;
    return text.slice(start, i).trim();
  };
  const value = (at: string, depth: number): boolean => {
    space();
    if (depth > MAX_DEPTH) return false;
    const open = text[i];
    if (open === '{' || open === '[') {
      i++;
      const close = open === '{' ? '}' : ']';
      for (;;) {
        space();
        if (text[i] === close) break;
        if (open === '{') {
          const key = scalar(':,}');
          if (key === undefined || text[i] !== ':') return false;
          i++;
          if (!value(at === '' ? key : `${at}.${key}`, depth + 1)) return false;
        } else if (!value(at, depth + 1)) return false;
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== close) return false;
      }
      i++;
      return true;
    }
    const v = scalar(',]}');
    if (v === undefined) return false;
    out.push({ path: at, value: v, line, snippet });
    return true;
  };
  if (!value(path, 0)) return [];
  space();
  return i === text.length ? out : [];
}

/**
 * Block mappings and lists of a YAML file, read line by line (the reading threads load no YAML
 * parser): each key's dotted path from its indentation; block scalars (`|`, `>`) are skipped, not
 * read as keys; one-line flow collections are read (`flowSettings`), and an alias (`*fast`) reads as
 * the scalar its anchor (`&fast`) was set to earlier in the file. Good enough for settings files;
 * anything else is simply not found.
 */
function yamlSettings(text: string): Setting[] {
  const out: Setting[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  const anchors = new Map<string, string>();
  let blockIndent = -1;
  const lines = text.split('\n');
  // A value as read: an anchor is noted and dropped, an alias resolved; undefined for a mapping.
  const resolve = (value: string): string | undefined => {
    const anchor = YAML_ANCHOR.exec(value);
    if (anchor !== null) {
      const rest = anchor[2] ?? '';
      if (rest !== '' && !/^[[{|>]/.test(rest)) anchors.set(anchor[1] as string, unquote(rest));
      return rest === '' ? undefined : rest;
    }
    const alias = YAML_ALIAS.exec(value);
    return alias === null ? value : (anchors.get(alias[1] as string) ?? '');
  };
  const add = (path: string, value: string, line: number, snippet: string): void => {
    if (/^[[{]/.test(value)) out.push(...flowSettings(value, path, line, snippet));
    else if (!/^[!|>]/.test(value)) out.push({ path, value: unquote(value), line, snippet });
  };
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
      const value = resolve((key[3] ?? '').replace(/[ \t]+#.*$/, ''));
      if (value === undefined || value === '') stack.push({ indent: at, key: name });
      else if (/^[|>]/.test(value)) blockIndent = indent;
      else add(path, value, i + 1, `${name}: ${(key[3] ?? '').replace(/[ \t]+#.*$/, '')}`);
    } else if (item !== null) {
      while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent > indent) stack.pop();
      const written = (item[2] as string).replace(/[ \t]+#.*$/, '');
      const value = resolve(written);
      const parent = stack[stack.length - 1];
      if (parent !== undefined && value !== undefined) add(stack.map((s) => s.key).join('.'), value, i + 1, `- ${written}`);
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

/** String values of a parsed tree, each with its dotted path and line. */
function treeSettings(root: CValue | undefined, render: (key: string, value: string, path: string) => string): Setting[] {
  const out: Setting[] = [];
  const walk = (value: CValue, path: string, key: string, line: number | undefined, depth: number): void => {
    if (out.length >= MAX_VALUES || depth > MAX_DEPTH) return;
    if (value.t === 'str') {
      const at = value.line ?? line;
      out.push({ path, value: value.v as string, ...(at === undefined ? {} : { line: at }), snippet: render(key, value.v as string, path) });
    } else if (value.t === 'arr') for (const item of value.items) walk(item, path, key, item.line ?? line, depth + 1);
    else if (value.t === 'obj') for (const e of value.entries) walk(e.value, path === '' ? e.key : `${path}.${e.key}`, e.key, e.line, depth + 1);
  };
  if (root !== undefined) walk(root, '', '', undefined, 0);
  return out;
}

/**
 * An ARM deployment parameter file (azd's `infra/main.parameters.json`): its `$schema` is
 * `deploymentParameters.json`, or it holds nothing but `contentVersion` and `parameters`.
 */
function isArmParameters(root: CValue | undefined): boolean {
  if (root?.t !== 'obj' || !root.entries.some((e) => e.key === 'parameters')) return false;
  const schema = root.entries.find((e) => e.key === '$schema')?.value;
  if (schema?.t === 'str') return /deploymentParameters\.json/i.test(String(schema.v));
  return root.entries.some((e) => e.key === 'contentVersion') && root.entries.every((e) => ['contentVersion', 'parameters'].includes(e.key));
}

/** `parameters.<name>.value` of a parameter file: the value of the parameter `<name>`. */
const ARM_VALUE = /^(parameters\.[^.]+)\.value$/;

/**
 * String values of a JSON file, comments and trailing commas allowed (JSONC, the mcp-config
 * detector's reader); in an ARM parameter file a parameter's `value` is its setting.
 */
function jsonSettings(text: string): Setting[] {
  try {
    const root = parseJsonc(text);
    const settings = treeSettings(root, (key, value) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    if (!isArmParameters(root)) return settings;
    return settings.map((s) => ({ ...s, path: s.path.replace(ARM_VALUE, '$1') }));
  } catch {
    return [];
  }
}

/** `key=value` (or `key: value`, `key value`) lines of a Java `.properties` file. */
function propertiesSettings(text: string): Setting[] {
  return treeSettings(parsePropertiesTree(text), (_key, value, path) => `${path}=${value}`);
}

function settingsOf(text: string, syntax: ConfigModelSyntax): Setting[] {
  if (syntax === 'env') return envSettings(text);
  if (syntax === 'yaml') return yamlSettings(text);
  if (syntax === 'toml') return tomlSettings(text);
  if (syntax === 'properties') return propertiesSettings(text);
  return jsonSettings(text);
}

/** OpenAI's reasoning models named in two characters, too short for the catalog's matcher outside a model key. */
const O_SERIES = /^o[13]$/;

/**
 * The model id a value sets, or undefined: a catalog id (never a placeholder), or what the value is
 * when its variables are unset (`${VAR:-id}`, `${VAR=id}`, `${VAR:id}`); no default, no model.
 */
function configuredModel(value: string, placeholders: PlaceholderSyntax): string | undefined {
  const v = placeholderDefault(value.trim(), placeholders)?.trim();
  if (v === undefined) return undefined;
  return (matchKnownModel(v) !== undefined || O_SERIES.test(v)) && looksLikeModelId(v) ? v : undefined;
}

/**
 * The models a config file sets, in file order (`setting` is the env name or dotted key path).
 * `skip`: a dotted key prefix another detector reads in this file (`spring.ai.`). Placeholders
 * are read as Spring reads them in `.properties` files and Spring Boot application files (`skip`
 * set), as any of the shell, compose, azd and Spring forms elsewhere.
 */
export function readConfigModels(text: string, syntax: ConfigModelSyntax, skip?: string): RawModel[] {
  const settings = settingsOf(text, syntax);
  const placeholders: PlaceholderSyntax = syntax === 'properties' || skip !== undefined ? 'spring' : 'any';
  if (isModelRegistry(settings.map((s) => s.value))) return [];
  const found: RawModel[] = [];
  for (const s of settings) {
    if (!namesModel(s.path) || namesModelsNotInUse(s.path) || (skip !== undefined && s.path.startsWith(skip))) continue;
    const id = configuredModel(s.value, placeholders);
    if (id === undefined) continue;
    const provider = O_SERIES.test(id) ? 'openai' : modelProvider(id);
    found.push({ id, setting: s.path, snippet: s.snippet, ...(provider === undefined ? {} : { provider }), ...(s.line === undefined ? {} : { line: s.line }) });
  }
  return found;
}
