/**
 * Parameter values a Bicep file or an ARM template is deployed with, from the parameter files beside
 * it, read through `SourceFile.siblings` (files of the scan's listing only; each read once per folder):
 *
 * - `<name>.parameters.json` (`main.parameters.json` for `main.bicep`, which the Azure Developer CLI
 *   passes on every `azd provision`; `azuredeploy.parameters.json` for `azuredeploy.json`): each
 *   `parameters.<param>.value` that is a literal. An azd environment reference with a default
 *   (`"${AZURE_OPENAI_MODEL=gpt-4o}"`, also `:=`, `-` and `:-`, anywhere in any string of the value,
 *   `"gpt-${V=4o}"`) gives the default; a value with one without (`"${AZURE_OPENAI_MODEL}"`), an empty
 *   string (azd then keeps the template's default) and a string shaped like a template expression give nothing.
 * - `.bicepparam` files whose `using` names the Bicep file (`using './main.bicep'`, resolved against
 *   the folder): each one-line `param x = <literal>` outside comments; `readEnvironmentVariable('X',
 *   'default')` gives its default. Of several such files (one per environment, chosen at deploy
 *   time), only the values they all agree on. Where one uses the file, `<name>.parameters.json` is
 *   not read (azd passes the `.bicepparam` file instead).
 *
 * A parameter file wins over the parameter's default (`valueFrom` kind `parameters file`); a name the template does not declare is
 * ignored (names compare case-insensitively, as ARM's do). Anything else (objects built from
 * expressions, Key Vault references, files that cannot be read) keeps the default.
 */
import { posix } from 'node:path';
import { LineIndex } from '../shared/line-index.ts';
import type { SiblingFiles } from '../types.ts';
import type { ConstantOrigin } from './document.ts';
import { isLiteral } from './document.ts';
import { parseJsonWithLines } from './json-lines.ts';
import { isMap, mapStrings, normKey, sameValue, type IacValue } from './value.ts';

/** A parameter's value from a parameter file, with where it is written (`origin.ref` is the declared name). */
export interface ParamValue {
  readonly value: IacValue;
  readonly origin: ConstantOrigin;
}

/** `${NAME}`, `${NAME=default}` / `${NAME:=default}` / `${NAME-default}` / `${NAME:-default}`: azd's environment references. */
const ENV_REF = /\$\{[A-Za-z_]\w*(?::?[=-]([^}$]*))?\}/g;
const USING = /^[ \t]*using[ \t]+'([^'\n]+)'/m;
const PARAM_LINE = /^[ \t]*param[ \t]+([A-Za-z_]\w*)[ \t]*=[ \t]*([^\r\n]*)/gm;
const READ_ENV = /^readEnvironmentVariable\(\s*'[^'\n]*'\s*,\s*('(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)\s*\)$/;

/** What one parameter file gives: values by name as written in it. */
type FileValues = ReadonlyMap<string, ParamValue>;

/**
 * The values the parameter files beside `path` (a `.bicep` or `.json` file) give the declared
 * parameters `declared` (declared names as written), by declared name. Each file is read once per
 * folder however many templates it serves.
 */
export function parameterFileValues(path: string, siblings: SiblingFiles | undefined, declared: Iterable<string>): ReadonlyMap<string, ParamValue> {
  if (siblings === undefined) return new Map();
  const byLower = new Map([...declared].map((n) => [n.toLowerCase(), n]));
  if (byLower.size === 0) return new Map();
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const stem = file.replace(/\.(?:bicep|json)$/i, '').toLowerCase();
  const names = siblings.names();
  const out = new Map<string, ParamValue>();
  const take = (values: FileValues): void => {
    for (const [name, v] of values) {
      const as = byLower.get(name.toLowerCase());
      if (as !== undefined) out.set(as, { value: v.value, origin: { ...v.origin, ref: as } });
    }
  };
  // `.bicepparam` files that use this file: one is in force; of several (one per environment), only what they all agree on.
  // azd then passes the `.bicepparam` file, not `main.parameters.json`.
  const using = file.toLowerCase().endsWith('.bicep') ? (bicepParamsByTarget(folder, siblings).get(`${folder}${file}`.toLowerCase()) ?? []) : [];
  const json = names.find((n) => n.toLowerCase() === `${stem}.parameters.json`);
  if (using.length > 0) take(agreed(using));
  else if (json !== undefined) take(siblings.memo(`iac:parameters-json:${json}`, () => readJson(folder + json, siblings.read(json))));
  return out;
}

/** The folder's `.bicepparam` files by the Bicep file their `using` names (root-relative, lower case), read once per folder. */
function bicepParamsByTarget(folder: string, siblings: SiblingFiles): ReadonlyMap<string, readonly FileValues[]> {
  return siblings.memo('iac:bicepparam-files', () => {
    const out = new Map<string, FileValues[]>();
    for (const n of siblings.names().filter((x) => x.toLowerCase().endsWith('.bicepparam')).sort()) {
      const f = readBicepParam(folder, folder + n, siblings.read(n));
      if (f.using === undefined) continue;
      const list = out.get(f.using);
      if (list === undefined) out.set(f.using, [f.values]);
      else list.push(f.values);
    }
    return out;
  });
}

/** The values every file gives alike (all of one file's when there is one). */
function agreed(files: readonly FileValues[]): FileValues {
  const [first, ...rest] = files;
  if (first === undefined) return new Map();
  return new Map([...first].filter(([name, v]) => rest.every((f) => { const other = f.get(name); return other !== undefined && sameValue(other.value, v.value); })));
}

/** `{"parameters": {"x": {"value": ...}}}`: an unreadable file gives nothing (it is a neighbour, not the file scanned). */
function readJson(path: string, content: string | undefined): FileValues {
  const out = new Map<string, ParamValue>();
  if (content === undefined) return out;
  let root: IacValue;
  try {
    root = parseJsonWithLines(content, 1, true);
  } catch {
    return out;
  }
  const params = isMap(root) ? root.entries.get('parameters')?.value : undefined;
  if (!isMap(params)) return out;
  const lines = new LineIndex(content);
  for (const p of params.entries.values()) {
    const value = isMap(p.value) ? p.value.entries.get(normKey('value')) : undefined;
    const v = value === undefined ? undefined : asDeployed(value.value);
    if (value !== undefined && v !== undefined) out.set(p.key, { value: v, origin: { ref: p.key, kind: 'parameters file', path, line: value.line, snippet: lines.lineText(value.line).slice(0, 1000) } });
  }
  return out;
}

/**
 * A value as azd deploys it: environment references with a default replaced by it, everywhere in
 * the value; undefined when a reference has none, a string is empty (the template's default then
 * applies) or looks like a template expression (parameter files hold none), or the value is not literal.
 */
function asDeployed(v: IacValue): IacValue | undefined {
  const deployed = mapStrings(v, (raw) => {
    let unset = false;
    const s = raw.replace(ENV_REF, (_whole, fallback: string | undefined) => {
      if (fallback === undefined) unset = true;
      return fallback ?? '';
    });
    return unset || s === '' || (s.startsWith('[') && s.endsWith(']')) ? undefined : s;
  });
  return deployed !== undefined && isLiteral(deployed) ? deployed : undefined;
}

/** A `.bicepparam` file: the Bicep file its `using` names (root-relative, lower case) and its one-line literal params. */
function readBicepParam(folder: string, path: string, content: string | undefined): { using: string | undefined; values: FileValues } {
  const values = new Map<string, ParamValue>();
  if (content === undefined) return { using: undefined, values };
  const code = withoutComments(content);
  const target = USING.exec(code)?.[1];
  const lines = new LineIndex(content);
  for (const m of code.matchAll(PARAM_LINE)) {
    const value = literal((m[2] as string).trimEnd());
    if (value === undefined) continue;
    const line = lines.lineOf(m.index);
    values.set(m[1] as string, { value, origin: { ref: m[1] as string, kind: 'parameters file', path, line, snippet: lines.lineText(line).slice(0, 1000) } });
  }
  return { using: target === undefined ? undefined : posix.normalize(folder + target).toLowerCase(), values };
}

/**
 * The text with line and block comments and multi-line strings blanked out (new lines kept, so
 * offsets and lines stay), read in one pass that skips single-quoted strings (`'org//gpt-4o'` holds
 * no comment).
 */
function withoutComments(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      if (text.startsWith("'''", i)) {
        const end = text.indexOf("'''", i + 3);
        const stop = end < 0 ? text.length : end + 3;
        parts.push(text.slice(from, i), text.slice(i, stop).replace(/[^\n]/g, ' '));
        from = stop;
        i = stop - 1;
        continue;
      }
      for (i++; i < text.length && text[i] !== "'" && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      const end = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : line ? end : end + 2;
      parts.push(text.slice(from, i), text.slice(i, stop).replace(/[^\n]/g, ' '));
      from = stop;
      i = stop - 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** A Bicep literal: a single-quoted string without interpolation, a number, a boolean, or an environment read's default. */
function literal(text: string): IacValue | undefined {
  const env = READ_ENV.exec(text);
  const t = env === null ? text : (env[1] as string);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const s = /^'((?:[^'\\\n]|\\.)*)'$/.exec(t)?.[1];
  if (s === undefined || s === '' || s.includes('${')) return undefined;
  return s.replace(/\\(['\\])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
