/**
 * Spring AI application configuration (`application.yml` / `application.properties` and profile
 * variants), read from the shared tree: the MCP client connections of the MCP client boot starter
 * (`spring.ai.mcp.client.stdio.connections.<name>.command/args/env`, `sse` and `streamable-http`
 * `connections.<name>.url`) and the models set for a provider's chat, embedding, image or audio
 * options (`spring.ai.openai.chat.options.model`, `spring.ai.azure.openai.chat.options.deployment-name`).
 * Spring binds `a.b.c: x` and nested `a: b: c: x` alike, so every lookup accepts a dotted key at any
 * level. Source: docs.spring.io/spring-ai reference (MCP client boot starter, chat model properties).
 */
import { placeholderDefault, type PropertyLookup } from '../shared/placeholder-defaults.ts';
import { asObject, get, type CEntry, type CValue } from './tree.ts';

/** The value at a Spring property path, whether the file nests it or writes some levels as one dotted key. */
export function springAt(value: CValue | undefined, path: readonly string[]): CValue | undefined {
  if (path.length === 0) return value;
  for (let k = path.length; k > 0; k--) {
    const child = get(value, path.slice(0, k).join('.'));
    const found = child === undefined ? undefined : springAt(child, path.slice(k));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The file's own properties, for placeholders that name one (`${spring.application.name}`): a
 * scalar at that path, nested or dotted; nothing for a mapping or list.
 */
export function springLookup(root: CValue): PropertyLookup {
  return (name) => {
    const v = springAt(root, name.split('.'));
    return v !== undefined && (v.t === 'str' || v.t === 'num' || v.t === 'bool') ? String(v.v) : undefined;
  };
}

/** Connection containers: where they sit under `spring.ai.mcp.client` and the transport a `url` there means. */
export const SPRING_MCP_CONNECTIONS: readonly { readonly path: readonly string[]; readonly transport: 'stdio' | 'sse' | 'streamable-http' }[] = [
  { path: ['stdio', 'connections'], transport: 'stdio' },
  { path: ['sse', 'connections'], transport: 'sse' },
  { path: ['streamable-http', 'connections'], transport: 'streamable-http' },
  { path: ['streamableHttp', 'connections'], transport: 'streamable-http' },
];

/**
 * A connection with `args` as a list: Spring binds a comma-separated string to `List<String>`
 * (`args=-y,@modelcontextprotocol/server-brave-search`), so such a string is split here; a `url`
 * given as a `${VAR:default}` placeholder reads as its default.
 */
export function springConnection(value: CValue): CValue {
  const o = asObject(value);
  if (o === undefined) return value;
  const args = get(value, 'args');
  const entries: CEntry[] = o.entries.map((e) => {
    if (e.key === 'args' && args?.t === 'str') {
      const items: CValue[] = String(args.v).split(',').map((a) => ({ t: 'str', v: a.trim(), ...(args.line === undefined ? {} : { line: args.line }) }));
      return { ...e, value: { t: 'arr', items, ...(args.line === undefined ? {} : { line: args.line }) } };
    }
    // `url: ${SERVER1_URL:http://localhost:8081}`: the default is where the app connects unless told otherwise.
    const fallback = e.key === 'url' && e.value.t === 'str' ? placeholderDefault(String(e.value.v).trim(), 'spring') : undefined;
    return fallback === undefined ? e : { ...e, value: { ...e.value, v: fallback } };
  });
  return { ...o, entries };
}

/** Model kinds whose `options` name a model. */
const MODEL_KINDS = new Set(['chat', 'embedding', 'image', 'audio', 'speech', 'transcription', 'moderation']);
/** Option keys holding the model (Azure OpenAI names the deployment). */
export const SPRING_MODEL_KEYS: readonly string[] = ['model', 'deployment-name', 'deploymentName'];
/** Nesting followed (Spring property paths stay shallow). */
const MAX_SPRING_DEPTH = 12;

/** A setting that names a model: the object holding it, its key there, the full property path, the provider segment. */
export interface SpringModelSetting {
  readonly parent: CValue;
  readonly key: string;
  /** Dotted property path (`spring.ai.openai.chat.options.model`). */
  readonly path: string;
  /** First segment under `spring.ai` (`openai`, `azure`, `ollama`, `vertex`). */
  readonly provider: string;
}

/**
 * Every `spring.ai.<provider...>.<kind>[...].options.<model key>` string setting, however the file
 * splits the path between nesting and dotted keys; the MCP client subtree is not a provider.
 */
export function springModelSettings(root: CValue): SpringModelSetting[] {
  const out: SpringModelSetting[] = [];
  const prefix = ['spring', 'ai'];
  const walk = (value: CValue, path: readonly string[]): void => {
    const o = asObject(value);
    if (o === undefined || path.length > MAX_SPRING_DEPTH) return;
    for (const e of o.entries) {
      const segs = [...path, ...e.key.split('.')];
      // Off the `spring.ai` prefix, or into the MCP client's settings: nothing here names a model.
      if (segs.slice(0, 2).some((s, i) => s !== prefix[i]) || segs[2] === 'mcp') continue;
      if (e.value.t === 'obj') walk(e.value, segs);
      const n = segs.length;
      if (e.value.t !== 'str' || n < 6 || segs[n - 2] !== 'options' || !SPRING_MODEL_KEYS.includes(segs[n - 1] as string)) continue;
      if (!segs.slice(3, n - 2).some((s) => MODEL_KINDS.has(s))) continue;
      out.push({ parent: value, key: e.key, path: segs.join('.'), provider: segs[2] as string });
    }
  };
  walk(root, []);
  return out;
}

/** A Spring boolean set to false: YAML `false`, or the text `false` of a `.properties` file. */
export function springOff(value: CValue | undefined): boolean {
  return (value?.t === 'bool' && value.v === false) || (value?.t === 'str' && String(value.v).trim().toLowerCase() === 'false');
}

/** A connection marked `enabled: false` (read as `disabled` like any client's server). */
export function disable(value: CValue): CValue {
  const o = asObject(value);
  if (o === undefined) return value;
  return { ...o, entries: [...o.entries.filter((e) => e.key !== 'enabled'), { key: 'enabled', value: { t: 'bool', v: false } }] };
}
