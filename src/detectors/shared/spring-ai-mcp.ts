/**
 * Spring AI MCP servers, which Spring Boot builds itself: the MCP server boot starter in a module's
 * build file makes one, `spring.ai.mcp.server.*` in its `application.{properties,yml}` names it and
 * picks its transport, and the module's `ToolCallbackProvider` / `ToolCallback` beans (usually
 * `@Tool` methods of a `@Service` in another file) become its tools. No single file shows the whole
 * server, so three detectors each emit the part they see as an `mcp-server` asset marked
 * `springAi: <part>` under a per-file key, and `pipeline/spring-mcp.ts` joins the parts of one
 * project root (the folder of the module's build file) into the server:
 * - `starter` (manifests): a build file declaring a server starter for use (a parent pom's is
 *   `inherited`: it lends its modules their transport, no app runs from it);
 * - `properties` (mcp-config): an application file setting `spring.ai.mcp.server.*`;
 * - `tools` (languages): `@Tool` methods in a file that shows no MCP server itself. `@Tool` is also
 *   plain function calling for a chat client, so these are MCP tools only in a module with one of
 *   the other two parts; elsewhere the pipeline drops them.
 * Test source sets make no part (`inTestSourceSet`).
 * Sources: Spring AI `McpServerProperties` (1.0.0, 1.1.0, 2.0.0: `name` defaults to `mcp-server`,
 * `stdio` false, `protocol` SSE until 2.0.0-M6 and STREAMABLE from 2.0.0-M7, commit c549bf821d),
 * `McpServerAutoConfiguration` (a stdio transport provider unless a web starter supplies one and
 * `stdio` is false), the starters' poms (1.0.0-M6 and 1.0.0-M7 names).
 */

/** The `sdk` and `api` attributes of every Spring AI MCP server (as `mcp-catalog.ts` `JVM_MCP_SERVER_SDKS`). */
export const SPRING_AI_MCP_SDK = 'org.springframework.ai:spring-ai-mcp';
export const SPRING_AI_MCP_API = 'McpServerAutoConfiguration';

/** The attribute naming which part of a Spring AI MCP server an asset is; the pipeline removes it. */
export const SPRING_PART = 'springAi';
export type SpringPart = 'starter' | 'properties' | 'tools';

/**
 * A file of a test source set (`src/test/java`, `src/integrationTest/resources`): not in the app
 * Spring Boot runs, so neither its `@Tool` methods nor its `spring.ai.mcp.server.*` make a part.
 */
export function inTestSourceSet(path: string): boolean {
  return /(?:^|\/)src\/(?:test|[A-Za-z]*Test)\//.test(path);
}

/** `spring.ai.mcp.server.name` when unset (`McpServerProperties`). */
export const SPRING_DEFAULT_SERVER_NAME = 'mcp-server';

/** Key of a part: per build file, application file or module folder, so parts never merge across modules. */
export function springPartKey(part: SpringPart, where: string): string {
  return `spring-${part}:${where}`;
}

/** What a starter serves: `stdio` only, or a web transport the `protocol` property chooses. */
export type StarterTransport = 'stdio' | 'web';

export interface SpringMcpServerStarter {
  /** Maven `group:artifact`. */
  readonly artifact: string;
  readonly transport: StarterTransport;
  readonly source: string;
}

export const SPRING_MCP_SERVER_STARTERS: readonly SpringMcpServerStarter[] = [
  { artifact: 'org.springframework.ai:spring-ai-starter-mcp-server', transport: 'stdio', source: 'spring-ai 1.0.0-M7+ spring-ai-spring-boot-starters/spring-ai-starter-mcp-server' },
  { artifact: 'org.springframework.ai:spring-ai-starter-mcp-server-webmvc', transport: 'web', source: 'spring-ai 1.0.0-M7+ spring-ai-starter-mcp-server-webmvc' },
  { artifact: 'org.springframework.ai:spring-ai-starter-mcp-server-webflux', transport: 'web', source: 'spring-ai 1.0.0-M7+ spring-ai-starter-mcp-server-webflux' },
  { artifact: 'org.springframework.ai:spring-ai-mcp-server-spring-boot-starter', transport: 'stdio', source: 'spring-ai 1.0.0-M6 and earlier' },
  { artifact: 'org.springframework.ai:spring-ai-mcp-server-webmvc-spring-boot-starter', transport: 'web', source: 'spring-ai 1.0.0-M6 and earlier' },
  { artifact: 'org.springframework.ai:spring-ai-mcp-server-webflux-spring-boot-starter', transport: 'web', source: 'spring-ai 1.0.0-M6 and earlier' },
];

/** The starter row of a Maven coordinate (`group:artifact`), or undefined. */
export function springMcpServerStarter(name: string): SpringMcpServerStarter | undefined {
  const coordinate = name.trim();
  return SPRING_MCP_SERVER_STARTERS.find((s) => s.artifact === coordinate);
}

/** `spring.ai.mcp.server.protocol` (any case, as Spring binds enums) → transport; undefined for anything else. */
export function protocolTransport(protocol: string): 'sse' | 'streamable-http' | undefined {
  const p = protocol.trim().toUpperCase();
  if (p === 'SSE') return 'sse';
  return p === 'STREAMABLE' || p === 'STATELESS' ? 'streamable-http' : undefined;
}

/**
 * The transport a web starter serves when `protocol` is unset, by Spring AI version: SSE through
 * 2.0.0-M6, streamable HTTP from 2.0.0-M7 (snapshots of 2.0.0 count as the later ones); undefined
 * when the version cannot be read (`${...}` left unresolved, a range).
 */
export function defaultWebTransport(version: string): 'sse' | 'streamable-http' | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:[-.]([A-Za-z]+)(\d*))?/.exec(version.trim());
  if (m === null) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (major !== 2) return major < 2 ? 'sse' : 'streamable-http';
  if (minor > 0 || patch > 0) return 'streamable-http';
  const milestone = m[4]?.toUpperCase() === 'M' ? Number(m[5]) : undefined;
  return milestone !== undefined && milestone < 7 ? 'sse' : 'streamable-http';
}
