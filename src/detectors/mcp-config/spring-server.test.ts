import { describe, expect, it } from 'vitest';
import { mcpConfigDetector } from './index.ts';

const part = (path: string, content: string) =>
  (mcpConfigDetector.detect({ scope: 'repo', path, content })?.assets ?? [])
    .filter((a) => a.attributes['springAi'] !== undefined)
    .map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.technique} ${e.confidence} ${e.snippet ?? ''}`)]);
const base = { role: 'implemented', sdk: 'org.springframework.ai:spring-ai-mcp', api: 'McpServerAutoConfiguration', springAi: 'properties' };

describe('Spring AI MCP server properties (the properties part)', () => {
  it('application.properties: name, version and protocol, quoted with their lines; comments are no settings', () => {
    const text = [
      'spring.main.banner-mode=off',
      '# spring.ai.mcp.server.stdio=true',
      '# spring.ai.mcp.server.name=old-name',
      'spring.ai.mcp.server.name=my-weather-server',
      'spring.ai.mcp.server.version=0.0.1',
      'spring.ai.mcp.server.protocol=streamable',
    ].join('\n');
    expect(part('svc/src/main/resources/application.properties', text)).toEqual([[
      'my-weather-server',
      { ...base, protocol: 'STREAMABLE', serverVersion: '0.0.1' },
      [
        'svc/src/main/resources/application.properties:4 config declared spring.ai.mcp.server.name=my-weather-server',
        'svc/src/main/resources/application.properties:6 config declared spring.ai.mcp.server.protocol=streamable',
      ],
    ]]);
  });

  it('nested and dotted YAML, stdio as a boolean, a profile file; no name → Spring\'s default, marked', () => {
    const nested = 'spring:\n  ai:\n    mcp:\n      server:\n        name: files\n        stdio: true\n        type: ASYNC\n';
    expect(part('app/src/main/resources/application.yml', nested)).toEqual([[
      'files', { ...base, stdio: true }, ['app/src/main/resources/application.yml:5 config declared name: files', 'app/src/main/resources/application.yml:6 config declared stdio: true'],
    ]]);
    const dotted = 'spring.ai.mcp.server:\n  protocol: STATELESS\n';
    expect(part('app/application-prod.yaml', dotted)).toEqual([['mcp-server', { ...base, defaultName: true, protocol: 'STATELESS' }, ['app/application-prod.yaml:2 config declared protocol: STATELESS']]]);
    const versionOnly = 'spring.ai.mcp.server.version=2.0.0\n';
    expect(part('app/application.properties', versionOnly)).toEqual([['mcp-server', { ...base, defaultName: true, serverVersion: '2.0.0' }, ['app/application.properties:1 config declared spring.ai.mcp.server']]]);
  });

  it('placeholders read as their defaults; one without a default stays as written, an escaped one is text', () => {
    const text = [
      'spring.ai.mcp.server.name=${SERVER_NAME:weather}',
      'spring.ai.mcp.server.version=${SERVER_VERSION:1.2.0}',
      'spring.ai.mcp.server.protocol=${MCP_PROTOCOL:streamable}',
      'spring.ai.mcp.server.stdio=${MCP_STDIO:false}',
    ].join('\n');
    expect(part('svc/src/main/resources/application.properties', text)).toEqual([[
      'weather',
      { ...base, protocol: 'STREAMABLE', stdio: false, serverVersion: '1.2.0' },
      [
        'svc/src/main/resources/application.properties:1 config declared spring.ai.mcp.server.name=${SERVER_NAME:weather}',
        'svc/src/main/resources/application.properties:3 config declared spring.ai.mcp.server.protocol=${MCP_PROTOCOL:streamable}',
        'svc/src/main/resources/application.properties:4 config declared spring.ai.mcp.server.stdio=${MCP_STDIO:false}',
      ],
    ]]);
    const yaml = 'spring:\n  ai:\n    mcp:\n      server:\n        name: ${SERVER_NAME:${APP_NAME:files}}\n        stdio: ${STDIO}\n';
    expect(part('app/src/main/resources/application.yml', yaml).map((p) => [p[0], p[1]])).toEqual([['files', base]]);
    expect(part('app/src/main/resources/application.yml', 'spring.ai.mcp.server:\n  name: ${SERVER_NAME}\n').map((p) => p[0])).toEqual(['${SERVER_NAME}']);
    // A property of the same file, as Spring resolves it; it wins over a default.
    const own = 'spring.application.name=spring-releases\nspring.ai.mcp.server.name=${spring.application.name}\nspring.ai.mcp.server.version=${app.version:0.1.0}\napp.version=2.0.0\n';
    expect(part('svc/src/main/resources/application.properties', own).map((p) => [p[0], (p[1] as Record<string, unknown>)['serverVersion']])).toEqual([['spring-releases', '2.0.0']]);
    expect(part('app/src/main/resources/application.yml', 'spring.ai.mcp.server:\n  name: \\${SERVER_NAME:weather}\n').map((p) => p[0])).toEqual(['${SERVER_NAME:weather}']);
  });

  it('enabled: false marks the part disabled', () => {
    expect(part('a/application.yml', 'spring:\n  ai.mcp.server:\n    enabled: false\n    name: off-server\n')[0]?.[1]).toEqual({ ...base, disabled: true });
  });

  it('traps: client settings, commented-out server settings, other prefixes, log levels naming the server package', () => {
    const client = 'spring:\n  ai:\n    mcp:\n      client:\n        name: my-client\n        sse:\n          connections:\n            weather:\n              url: http://localhost:8080\nserver:\n  port: 8081\n';
    expect(part('chat/application.yml', client)).toEqual([]);
    expect(part('chat/application.properties', '# spring.ai.mcp.server.name=chat\n! spring.ai.mcp.server.stdio=true\n')).toEqual([]);
    expect(part('chat/application.properties', 'app.spring.ai.mcp.server.name=x\nlogging.level.org.springframework.ai.mcp.server=DEBUG\nserver.port=8080\n')).toEqual([]);
    expect(part('chat/application.yml', 'spring:\n  ai:\n    mcp:\n      server:\n')).toEqual([]);
    // Only Spring Boot's application files are read, and not a test's.
    expect(part('chat/bootstrap.properties', 'spring.ai.mcp.server.name=x\n')).toEqual([]);
    expect(part('chat/src/test/resources/application.properties', 'spring.ai.mcp.server.name=x\n')).toEqual([]);
    expect(part('chat/src/integrationTest/resources/application.yml', 'spring.ai.mcp.server.name: x\n')).toEqual([]);
    expect(part('chat/src/main/resources/application.properties', 'spring.ai.mcp.server.name=x\n').map((p) => p[0])).toEqual(['x']);
  });
});
