import { describe, expect, it } from 'vitest';
import { defaultWebTransport } from '../shared/spring-ai-mcp.ts';
import { manifestsDetector } from './index.ts';

const part = (path: string, content: string) => {
  const servers = (manifestsDetector.detect({ scope: 'repo', path, content })?.assets ?? []).filter((a) => a.kind === 'mcp-server');
  return servers.map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.line} ${e.technique} ${e.confidence} ${e.snippet ?? ''}`)]);
};

const dependency = (artifact: string, extra = ''): string =>
  `    <dependency>\n      <groupId>org.springframework.ai</groupId>\n      <artifactId>${artifact}</artifactId>${extra}\n    </dependency>\n`;
const pom = (body: string, head = ''): string =>
  `<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n${head}  <dependencies>\n${body}  </dependencies>\n</project>\n`;
const base = { role: 'implemented', sdk: 'org.springframework.ai:spring-ai-mcp', api: 'McpServerAutoConfiguration', springAi: 'starter' };

describe('Spring AI MCP server starters in build files (the starter part)', () => {
  it('a pom using the web starter: one part named as Spring defaults it, its transport from the BOM version resolved in <properties>', () => {
    const head = [
      '  <properties>\n    <spring-ai.version>1.0.0</spring-ai.version>\n  </properties>',
      '  <dependencyManagement>\n    <dependencies>',
      dependency('spring-ai-bom', '\n      <version>${spring-ai.version}</version>\n      <type>pom</type>\n      <scope>import</scope>').trimEnd(),
      '    </dependencies>\n  </dependencyManagement>\n',
    ].join('\n');
    expect(part('weather/pom.xml', pom(dependency('spring-ai-starter-mcp-server-webmvc'), head))).toEqual([[
      'mcp-server',
      { ...base, starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webmvc'], starterTransport: 'web', transports: ['sse'], springAiVersion: '1.0.0' },
      ['20 manifest inferred <artifactId>spring-ai-starter-mcp-server-webmvc</artifactId>'],
    ]]);
  });

  it('the plain starter serves stdio whatever its version; a web starter without a readable version gets no transport', () => {
    expect(part('pom.xml', pom(dependency('spring-ai-starter-mcp-server')))[0]?.[1]).toMatchObject({ starterTransport: 'stdio', transports: ['stdio'] });
    const unknown = part('pom.xml', pom(dependency('spring-ai-starter-mcp-server-webflux', '\n      <version>${missing.version}</version>')))[0]?.[1];
    expect(unknown).toMatchObject({ starterTransport: 'web' });
    expect(unknown).not.toHaveProperty('transports');
    expect(part('pom.xml', pom(dependency('spring-ai-mcp-server-webmvc-spring-boot-starter', '\n      <version>1.0.0-M6</version>')))[0]?.[1]).toMatchObject({ transports: ['sse'], springAiVersion: '1.0.0-M6' });
  });

  it('Gradle: the starter in `implementation`, the version from `mavenBom` and `ext { set(...) }`, Groovy and Kotlin DSL', () => {
    const groovy = [
      "ext {\n    set('springAiVersion', \"2.0.0\")\n}",
      "dependencies {\n    implementation 'org.springframework.ai:spring-ai-starter-mcp-server-webflux'\n}",
      'dependencyManagement {\n    imports {\n        mavenBom "org.springframework.ai:spring-ai-bom:${springAiVersion}"\n    }\n}',
    ].join('\n');
    expect(part('svc/build.gradle', groovy)).toEqual([[
      'mcp-server',
      { ...base, starters: ['org.springframework.ai:spring-ai-starter-mcp-server-webflux'], starterTransport: 'web', transports: ['streamable-http'], springAiVersion: '2.0.0' },
      ["5 manifest inferred implementation 'org.springframework.ai:spring-ai-starter-mcp-server-webflux'"],
    ]]);
    const kotlin = 'val springAiVersion = "1.1.2"\ndependencies {\n    implementation(platform("org.springframework.ai:spring-ai-bom:$springAiVersion"))\n    implementation("org.springframework.ai:spring-ai-starter-mcp-server-webmvc")\n}\n';
    expect(part('svc/build.gradle.kts', kotlin)[0]?.[1]).toMatchObject({ transports: ['sse'], springAiVersion: '1.1.2' });
  });

  it('a parent pom\'s starter is marked inherited: its modules inherit it, it runs no app itself', () => {
    expect(part('pom.xml', pom(dependency('spring-ai-starter-mcp-server-webmvc', '\n      <version>1.0.0</version>'), '  <packaging>pom</packaging>\n'))[0]?.[1]).toMatchObject({ inherited: true, transports: ['sse'] });
    expect(part('pom.xml', pom(dependency('spring-ai-starter-mcp-server-webmvc')))[0]?.[1]).not.toHaveProperty('inherited');
  });

  it('traps: a BOM or dependencyManagement pin, test and build scopes, comments, the client starter', () => {
    expect(part('pom.xml', `<project>\n  <dependencyManagement>\n    <dependencies>\n${dependency('spring-ai-starter-mcp-server-webmvc', '\n      <version>1.1.0</version>')}    </dependencies>\n  </dependencyManagement>\n</project>\n`)).toEqual([]);
    expect(part('pom.xml', pom(dependency('spring-ai-starter-mcp-server', '\n      <scope>test</scope>')))).toEqual([]);
    expect(part('pom.xml', pom(`    <!--\n${dependency('spring-ai-starter-mcp-server')}    -->\n`))).toEqual([]);
    expect(part('pom.xml', pom(dependency('spring-ai-starter-mcp-client') + dependency('spring-ai-starter-mcp-client-webflux')))).toEqual([]);
    expect(part('build.gradle', "dependencies {\n    testImplementation 'org.springframework.ai:spring-ai-starter-mcp-server'\n    // implementation 'org.springframework.ai:spring-ai-starter-mcp-server-webmvc'\n}\n")).toEqual([]);
    expect(part('build.gradle', "dependencies {\n    implementation platform('org.springframework.ai:spring-ai-starter-mcp-server-webmvc:1.1.0')\n}\n")).toEqual([]);
  });

  it('defaults a web starter to SSE through 2.0.0-M6 and to streamable HTTP from 2.0.0-M7', () => {
    expect(['1.0.0', '1.1.0-M1', '1.1.8', '2.0.0-M6', '2.0.0-M7', '2.0.0-RC1', '2.0.0-SNAPSHOT', '2.0.0', '2.1.0', '3.0.0', '${v}', 'latest'].map(defaultWebTransport)).toEqual([
      'sse', 'sse', 'sse', 'sse', 'streamable-http', 'streamable-http', 'streamable-http', 'streamable-http', 'streamable-http', 'streamable-http', undefined, undefined,
    ]);
  });
});
