/**
 * The `properties` part of a Spring AI MCP server (`shared/spring-ai-mcp.ts`): an application file
 * (`application.{yml,yaml,properties}`, profile variants) that sets `spring.ai.mcp.server.*`.
 * One `mcp-server` asset per file, keyed by the file (modules never merge here), named by
 * `spring.ai.mcp.server.name` else Spring's default `mcp-server` (`defaultName: true`), with what
 * decides the transport as written: `protocol` (upper-cased: `SSE`, `STREAMABLE`, `STATELESS`) and
 * `stdio`; a `${VAR:default}` placeholder reads as its default, `${spring.application.name}` as the
 * file's own property. `enabled: false` → `disabled: true`. `pipeline/spring-mcp.ts` joins it with the module's
 * starter and `@Tool` methods. Only the server's own subtree is read: `spring.ai.mcp.client.*`
 * configures connections the app makes (`spring.ts`), comments are no settings, and files of a
 * test source set (`src/test/resources`) configure a test, not the app.
 * Source: Spring AI `McpServerProperties` (prefix `spring.ai.mcp.server`).
 */
import type { Attributes, Evidence } from '../../model/index.ts';
import { evidenceAt, type ResultBuilder } from '../shared/build.ts';
import { placeholderDefault, type PropertyLookup } from '../shared/placeholder-defaults.ts';
import { inTestSourceSet, SPRING_AI_MCP_API, SPRING_AI_MCP_SDK, SPRING_DEFAULT_SERVER_NAME, SPRING_PART, springPartKey } from '../shared/spring-ai-mcp.ts';
import type { SourceFile } from '../types.ts';
import type { Syntax } from './catalog.ts';
import { springAt, springLookup, springOff } from './spring.ts';
import { asObject, type CEntry, type CValue } from './tree.ts';

const ID = 'mcp-config';
const PREFIX: readonly string[] = ['spring', 'ai', 'mcp', 'server'];
/** Settings quoted as evidence, in this order: what names the server and what picks its transport. */
const QUOTED: readonly string[] = ['name', 'protocol', 'stdio'];

/** A scalar setting as written (YAML may give `stdio: true` or `version: 1.0` as a boolean or number). */
function text(value: CValue | undefined): string | undefined {
  if (value === undefined || !(value.t === 'str' || value.t === 'num' || value.t === 'bool')) return undefined;
  const s = String(value.v).trim();
  return s === '' ? undefined : s;
}

/**
 * A setting's value as Spring reads it when no variable is set: `${SERVER_NAME:weather}` is
 * `weather`, `${spring.application.name}` the file's `spring.application.name`; a placeholder
 * without either stays as written (the value is not in the file).
 */
function resolved(value: CValue | undefined, lookup: PropertyLookup): string | undefined {
  const written = text(value);
  if (written === undefined || value?.t !== 'str') return written;
  const s = placeholderDefault(written, 'spring', lookup)?.trim();
  return s === undefined ? written : s === '' ? undefined : s;
}

/** The entry holding a setting of the server's subtree, whether written nested or as one dotted key. */
function settingEntry(server: CValue, key: string): CEntry | undefined {
  const o = asObject(server);
  if (o === undefined) return undefined;
  for (let i = o.entries.length - 1; i >= 0; i--) {
    const e = o.entries[i] as CEntry;
    if (e.key === key) return e;
    if (key.startsWith(`${e.key}.`)) {
      const inner = settingEntry(e.value, key.slice(e.key.length + 1));
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Adds the `properties` part for a file setting `spring.ai.mcp.server.*`; nothing otherwise. */
export function emitSpringServer(file: SourceFile, syntax: Syntax, root: CValue, out: ResultBuilder): void {
  // A test's configuration does not make the app a server.
  if (inTestSourceSet(file.path)) return;
  const server = springAt(root, PREFIX);
  const settings = asObject(server);
  if (server === undefined || settings === undefined || settings.entries.length === 0) return;
  const value = (key: string): CValue | undefined => springAt(server, key.split('.'));
  const lookup = springLookup(root);
  const name = resolved(value('name'), lookup);
  const protocol = resolved(value('protocol'), lookup)?.toUpperCase();
  const stdio = resolved(value('stdio'), lookup)?.toLowerCase();
  const version = resolved(value('version'), lookup);
  const attributes: Attributes = {
    role: 'implemented',
    sdk: SPRING_AI_MCP_SDK,
    api: SPRING_AI_MCP_API,
    [SPRING_PART]: 'properties',
    ...(name === undefined ? { defaultName: true } : {}),
    ...(protocol === undefined ? {} : { protocol }),
    ...(stdio === 'true' || stdio === 'false' ? { stdio: stdio === 'true' } : {}),
    ...(springOff(value('enabled')) ? { disabled: true } : {}),
    ...(version === undefined ? {} : { serverVersion: version }),
  };
  const evidence: Evidence[] = [];
  for (const key of QUOTED) {
    const e = settingEntry(server, key);
    const shown = text(e?.value);
    if (e === undefined || shown === undefined) continue;
    const snippet = syntax === 'properties' ? `${[...PREFIX, key].join('.')}=${shown}` : `${e.key}: ${shown}`;
    evidence.push(evidenceAt(file, ID, 'config', 'declared', e.line ?? e.value.line, snippet));
  }
  // Settings that neither name the server nor pick its transport (`version`, `type`): the first one's line.
  if (evidence.length === 0) evidence.push(evidenceAt(file, ID, 'config', 'declared', settings.entries[0]?.line ?? settings.line, PREFIX.join('.')));
  out.asset(file, { kind: 'mcp-server', key: springPartKey('properties', file.path), name: name ?? SPRING_DEFAULT_SERVER_NAME, attributes, evidence });
}
