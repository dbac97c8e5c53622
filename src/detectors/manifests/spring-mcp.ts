/**
 * The `starter` part of a Spring AI MCP server (`shared/spring-ai-mcp.ts`): a pom.xml or Gradle
 * build file that declares an MCP server boot starter for use (not a BOM or `dependencyManagement`
 * pin, not a test, build or platform dependency) is a Spring Boot app that runs an MCP server. One
 * `mcp-server` asset per file, named as Spring names it when nothing else does (`mcp-server`),
 * keyed by the file so modules never merge; `pipeline/spring-mcp.ts` joins it with the module's
 * `spring.ai.mcp.server.*` properties and `@Tool` methods.
 *
 * The transport it serves without properties: `stdio` for the plain starter; for a web starter SSE
 * or streamable HTTP by the Spring AI version (`defaultWebTransport`), read from the starter's or
 * the `spring-ai-bom`'s version in the same file, a `${name}` resolved against the pom's
 * `<properties>` or a Gradle `name = "…"` / `set('name', "…")`; no version, no transport.
 * A pom with `<packaging>pom</packaging>` is a parent or aggregator, no app: its part is marked
 * `inherited: true`, and only tells the transport of the modules below it that show their server
 * through their own properties (they inherit its starters).
 */
import { evidenceAt, lineText, type ResultBuilder } from '../shared/build.ts';
import {
  defaultWebTransport, SPRING_AI_MCP_API, SPRING_AI_MCP_SDK, SPRING_DEFAULT_SERVER_NAME, SPRING_PART,
  springMcpServerStarter, springPartKey,
} from '../shared/spring-ai-mcp.ts';
import type { SourceFile } from '../types.ts';
import { blankComments } from './lines.ts';
import type { ManifestEntry } from './types.ts';
import { child, childText, scanXml } from './xml-scan.ts';

/** Scopes that put a dependency on the app's run-time classpath. */
const USED_SCOPES: readonly string[] = ['runtime', 'optional'];
const BOM = 'org.springframework.ai:spring-ai-bom';

/** Adds the `starter` part for a build file declaring an MCP server starter; nothing otherwise. */
export function emitSpringMcpStarter(file: SourceFile, detector: string, entries: readonly ManifestEntry[], out: ResultBuilder): void {
  const used = entries.flatMap((e) => {
    const starter = e.ecosystem === 'maven' && USED_SCOPES.includes(e.scope) ? springMcpServerStarter(e.name) : undefined;
    return starter === undefined ? [] : [{ entry: e, starter }];
  });
  if (used.length === 0) return;
  const pom = file.path === 'pom.xml' || file.path.endsWith('/pom.xml');
  const project = pom ? scanXml(file.content).root : undefined;
  const parent = project !== undefined && childText(project, 'packaging') === 'pom';
  let gradle: string | undefined;
  const gradleText = (): string => (gradle ??= blankComments(file.content, '//', true));
  const resolve = (version: string | undefined): string | undefined => {
    const name = version === undefined ? undefined : /^\$\{?([\w.-]+)\}?$/.exec(version.trim())?.[1];
    if (version === undefined || name === undefined) return version;
    if (project !== undefined) {
      const props = child(project, 'properties');
      return props === undefined ? undefined : childText(props, name);
    }
    return gradleValue(gradleText(), name);
  };
  const web = used.some((u) => u.starter.transport === 'web');
  const version = [...used.map((u) => u.entry.version), ...entries.filter((e) => e.name === BOM).map((e) => e.version), (pom ? undefined : gradleBomVersion(gradleText()))]
    .map(resolve)
    .find((v): v is string => v !== undefined && /^\d/.test(v));
  const fallback = web ? (version === undefined ? undefined : defaultWebTransport(version)) : 'stdio';
  const lines = [...new Set(used.flatMap((u) => (u.entry.line === undefined ? [] : [u.entry.line])))].sort((a, b) => a - b);
  out.asset(file, {
    kind: 'mcp-server',
    key: springPartKey('starter', file.path),
    name: SPRING_DEFAULT_SERVER_NAME,
    attributes: {
      role: 'implemented',
      sdk: SPRING_AI_MCP_SDK,
      api: SPRING_AI_MCP_API,
      [SPRING_PART]: 'starter',
      starters: [...new Set(used.map((u) => u.starter.artifact))].sort(),
      starterTransport: web ? 'web' : 'stdio',
      ...(fallback === undefined ? {} : { transports: [fallback] }),
      ...(version === undefined ? {} : { springAiVersion: version }),
      ...(parent ? { inherited: true } : {}),
    },
    // The starter is declared; that Spring Boot builds a server from it is the inference.
    evidence: (lines.length > 0 ? lines : [undefined]).map((line) => evidenceAt(file, detector, 'manifest', 'inferred', line, line === undefined ? undefined : lineText(file.content, line))),
  });
}

/** The version of a Gradle `mavenBom "org.springframework.ai:spring-ai-bom:…"` (not a dependency entry). */
function gradleBomVersion(content: string): string | undefined {
  return /["']org\.springframework\.ai:spring-ai-bom:([^"'\s)]{1,100})["']/.exec(content)?.[1];
}

/** A Gradle property written in the build file: `set('name', "1.0.0")`, `name = '1.0.0'`, `val name = "1.0.0"`. */
function gradleValue(content: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:set\\s*\\(\\s*["']${escaped}["']\\s*,\\s*|(?<![\\w.])${escaped}\\s*=\\s*)["']([^"'\\n]{1,100})["']`);
  return re.exec(content)?.[1];
}
