/**
 * Parameter values a Bicep file or an ARM template is deployed with, from the parameter files beside
 * it, read through `SourceFile.siblings` (files of the scan's listing only):
 *
 * - `<name>.parameters.json` (`main.parameters.json` for `main.bicep`, which the Azure Developer CLI
 *   passes on every `azd provision`; `azuredeploy.parameters.json` for `azuredeploy.json`): each
 *   `parameters.<param>.value` that is a literal. An azd environment reference with a default
 *   (`"${AZURE_OPENAI_MODEL=gpt-4o}"`, also `:=`, `-` and `:-`) gives the default; one without
 *   (`"${AZURE_OPENAI_MODEL}"`) gives nothing.
 * - `.bicepparam` files whose `using` names the Bicep file (`using './main.bicep'`): each one-line
 *   `param x = <literal>`; `readEnvironmentVariable('X', 'default')` gives its default.
 *
 * A parameter file wins over the parameter's default (`valueFrom` kind `parameters file`); a name
 * the template does not declare is ignored (names compare case-insensitively, as ARM's do).
 * Anything else (objects built from expressions, Key Vault references, files that cannot be read)
 * keeps the default.
 */
import { LineIndex } from '../shared/line-index.ts';
import type { SiblingFiles } from '../types.ts';
import type { ConstantOrigin } from './document.ts';
import { isLiteral } from './document.ts';
import { parseJsonWithLines } from './json-lines.ts';
import { isMap, normKey, type IacValue } from './value.ts';

/** A parameter's value from a parameter file, with where it is written (`origin.ref` is the declared name). */
export interface ParamValue {
  readonly value: IacValue;
  readonly origin: ConstantOrigin;
}

/** `${NAME=default}` / `${NAME:=default}` / `${NAME-default}` / `${NAME:-default}` as a whole value. */
const ENV_DEFAULT = /^\$\{[A-Za-z_][\w]*(?::?[=-])([^}]*)\}$/;
const ENV_REF = /\$\{[A-Za-z_][\w]*[^}]*\}/;
const USING = /^\s*using\s+'([^'\n]+)'/m;
const PARAM_LINE = /^[ \t]*param[ \t]+([A-Za-z_]\w*)[ \t]*=[ \t]*(.+?)[ \t]*(?:\/\/.*)?$/gm;
const READ_ENV = /^readEnvironmentVariable\(\s*'[^'\n]*'\s*,\s*('(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|true|false)\s*\)$/;

/**
 * The values the parameter files beside `path` (a `.bicep` or `.json` file) give the declared
 * parameters `declared` (declared names as written), by declared name; read once per file.
 */
export function parameterFileValues(path: string, siblings: SiblingFiles | undefined, declared: Iterable<string>): ReadonlyMap<string, ParamValue> {
  if (siblings === undefined) return new Map();
  const byLower = new Map([...declared].map((n) => [n.toLowerCase(), n]));
  if (byLower.size === 0) return new Map();
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const stem = file.replace(/\.(?:bicep|json)$/i, '');
  const names = siblings.names();
  const out = new Map<string, ParamValue>();
  const add = (name: string, value: IacValue, origin: Omit<ConstantOrigin, 'ref' | 'kind'>): void => {
    const as = byLower.get(name.toLowerCase());
    if (as !== undefined && isLiteral(value)) out.set(as, { value, origin: { ...origin, ref: as, kind: 'parameters file' } });
  };
  const json = names.find((n) => n.toLowerCase() === `${stem.toLowerCase()}.parameters.json`);
  if (json !== undefined) readJson(folder + json, siblings.read(json), add);
  if (file.toLowerCase().endsWith('.bicep')) {
    for (const n of names.filter((x) => x.toLowerCase().endsWith('.bicepparam')).sort()) readBicepParam(folder + n, siblings.read(n), file, add);
  }
  return out;
}

type Add = (name: string, value: IacValue, origin: Omit<ConstantOrigin, 'ref' | 'kind'>) => void;

/** `{"parameters": {"x": {"value": ...}}}`: an unreadable file gives nothing (it is a neighbour, not the file scanned). */
function readJson(path: string, content: string | undefined, add: Add): void {
  if (content === undefined) return;
  let root: IacValue;
  try {
    root = parseJsonWithLines(content);
  } catch {
    return;
  }
  const params = isMap(root) ? root.entries.get('parameters')?.value : undefined;
  if (!isMap(params)) return;
  const lines = new LineIndex(content);
  for (const p of params.entries.values()) {
    const value = isMap(p.value) ? p.value.entries.get(normKey('value')) : undefined;
    if (value === undefined) continue;
    const v = typeof value.value === 'string' ? envDefault(value.value) : value.value;
    if (v !== undefined) add(p.key, v, { path, line: value.line, snippet: lines.lineText(value.line).slice(0, 1000) });
  }
}

/** A string as deployed: an azd environment reference's default, undefined for one without; other strings as written. */
function envDefault(s: string): string | undefined {
  const m = ENV_DEFAULT.exec(s);
  if (m !== null) return m[1];
  return ENV_REF.test(s) ? undefined : s;
}

/** A `.bicepparam` file's one-line literal params, when its `using` names `file`. */
function readBicepParam(path: string, content: string | undefined, file: string, add: Add): void {
  if (content === undefined) return;
  const using = USING.exec(content)?.[1];
  if (using === undefined || using.slice(using.lastIndexOf('/') + 1).toLowerCase() !== file.toLowerCase()) return;
  const lines = new LineIndex(content);
  for (const m of content.matchAll(PARAM_LINE)) {
    const value = literal(m[2] as string);
    if (value === undefined) continue;
    const line = lines.lineOf(m.index);
    add(m[1] as string, value, { path, line, snippet: lines.lineText(line).slice(0, 1000) });
  }
}

/** A Bicep literal: a single-quoted string without interpolation, a number, a boolean, or an environment read's default. */
function literal(text: string): IacValue | undefined {
  const env = READ_ENV.exec(text);
  const t = env === null ? text : (env[1] as string);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const s = /^'((?:[^'\\\n]|\\.)*)'$/.exec(t)?.[1];
  if (s === undefined || s.includes('${')) return undefined;
  return s.replace(/\\(['\\])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
