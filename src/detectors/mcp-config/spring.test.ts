import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectTree } from '../../../test/helpers/detect-tree.ts';
import { mergeResults } from '../../pipeline/merge.ts';
import { mcpConfigDetector } from './index.ts';
import { parsePropertiesTree } from './properties-tree.ts';
import { at, str, strings } from './tree.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('Spring AI application config', () => {
  const merged = mergeResults([detectTree(fixture('spring-ai-app'), mcpConfigDetector)]);
  const byKind = (kind: string) => merged.assets.filter((a) => a.kind === kind).sort((a, b) => a.name.localeCompare(b.name));

  it('models of chat, embedding and deployment options, from properties, nested YAML and dotted YAML keys', () => {
    expect(byKind('model').map((a) => [a.name, a.provider, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.snippet}`)])).toEqual([
      ['claude-sonnet-4-5', 'anthropic', { sources: ['spring-ai:spring.ai.anthropic.chat.options.model'] }, ['gateway/src/main/resources/application.yml:3 chat.options.model: claude-sonnet-4-5']],
      ['gpt-4o', 'openai', { sources: ['spring-ai:spring.ai.openai.chat.options.model'] }, ['chat/src/main/resources/application.properties:3 spring.ai.openai.chat.options.model=gpt-4o']],
      ['gpt-4o-mini-deployment', 'azure-openai', { sources: ['spring-ai:spring.ai.azure.openai.chat.options.deployment-name'] }, ['chat/src/main/resources/application-dev.yml:12 deployment-name: gpt-4o-mini-deployment']],
      ['llama3.2:latest', 'ollama', { sources: ['spring-ai:spring.ai.ollama.chat.options.model'] }, ['chat/src/main/resources/application-dev.yml:7 model: llama3.2:latest']],
      [
        'text-embedding-3-small', 'openai', { sources: ['spring-ai:spring.ai.openai.embedding.options.model'] },
        ['chat/src/main/resources/application.properties:5 spring.ai.openai.embedding.options.model=text-embedding-3-small'],
      ],
    ]);
  });

  it('MCP client connections: the app connects to them (role client-connection, no clients), launched packages read', () => {
    expect(byKind('mcp-server').map((a) => [a.name, a.attributes, a.evidence.map((e) => `${e.path}:${e.line} ${e.snippet}`)])).toEqual([
      [
        'brave-search',
        { role: 'client-connection', transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-brave-search'], package: '@modelcontextprotocol/server-brave-search', packageEcosystem: 'npm', envNames: ['BRAVE_API_KEY'] },
        ['chat/src/main/resources/application.properties:8 spring.ai.mcp.client.stdio.connections.brave-search'],
      ],
      [
        'filesystem',
        {
          role: 'client-connection', transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp/docs'],
          package: '@modelcontextprotocol/server-filesystem', packageEcosystem: 'npm', filesystemRoots: ['/tmp/docs'],
        },
        ['chat/src/main/resources/mcp-servers-config.json:3 "filesystem": {'],
      ],
      [
        'git',
        { role: 'client-connection', transport: 'stdio', command: 'uvx', args: ['mcp-server-git', '--repository', '/srv/repo'], package: 'mcp-server-git', packageEcosystem: 'pypi' },
        ['chat/src/main/resources/application-dev.yml:21 git:'],
      ],
      ['tickets', { role: 'client-connection', transport: 'streamable-http', url: 'http://localhost:8081/' }, ['chat/src/main/resources/application-dev.yml:17 tickets:']],
      ['weather', { role: 'client-connection', transport: 'sse', url: 'http://localhost:8080/' }, ['chat/src/main/resources/application.properties:11 spring.ai.mcp.client.sse.connections.weather']],
    ]);
    expect(merged.assets.map((a) => a.id).filter((id) => merged.assets.find((a) => a.id === id)?.kind === 'mcp-server').length).toBe(5);
    expect(merged.diagnostics).toEqual([]);
  });

  it('reads .properties syntax: separators, continuations, escapes, indexes, comments', () => {
    const tree = parsePropertiesTree([
      '# comment', '! also a comment', 'a.b = one', 'a.c:two', 'a.d three', 'list[1]=y', 'list[0]=x', 'long=first,\\', '    second', 'uni=caf\\u00e9', 'key\\=with\\:seps=v',
    ].join('\n'));
    expect([str(at(tree, 'a', 'b')), str(at(tree, 'a', 'c')), str(at(tree, 'a', 'd')), str(at(tree, 'long')), str(at(tree, 'uni')), str(at(tree, 'key=with:seps'))]).toEqual([
      'one', 'two', 'three', 'first,second', 'café', 'v',
    ]);
    expect(strings(at(tree, 'list'))).toEqual(['x', 'y']);
    expect(at(tree, 'a', 'c')?.line).toBe(4);
    expect(parsePropertiesTree('# nothing\n\n')).toBeUndefined();
    // An escaped backslash does not continue; 50,000 continuation lines join in linear time.
    expect(str(at(parsePropertiesTree('p=a\\\\\nq=b\n'), 'p'))).toBe('a\\');
    const { value: long, ms } = cpuTimed(() => parsePropertiesTree(`k=${'x\\\n'.repeat(50_000)}end\n`));
    expect(ms).toBeLessThan(1000);
    expect(str(at(long, 'k'))?.length).toBe(50_003);
  });
});

describe('Spring AI: the MCP client switched off', () => {
  const servers = (path: string, content: string) => (mcpConfigDetector.detect({ scope: 'repo', path, content })?.assets ?? []).filter((a) => a.kind === 'mcp-server');

  it('marks every connection disabled when spring.ai.mcp.client.enabled is false (YAML or properties)', () => {
    const yaml = 'spring:\n  ai:\n    mcp:\n      client:\n        enabled: false\n        sse:\n          connections:\n            server1:\n              url: http://localhost:8081\n';
    expect(servers('src/main/resources/application.yml', yaml).map((a) => [a.name, a.attributes['disabled']])).toEqual([['server1', true]]);
    const props = 'spring.ai.mcp.client.enabled=false\nspring.ai.mcp.client.stdio.connections.fs.command=npx\nspring.ai.mcp.client.stdio.connections.fs.args=-y,@modelcontextprotocol/server-filesystem,/tmp\n';
    expect(servers('src/main/resources/application.properties', props).map((a) => [a.name, a.attributes['disabled']])).toEqual([['fs', true]]);
    expect(servers('src/main/resources/application.properties', props.replace('enabled=false', 'enabled=true')).map((a) => a.attributes['disabled'])).toEqual([undefined]);
  });

  it('reads a model set through a placeholder as its default, never the variable', () => {
    const models = (path: string, content: string) =>
      (mcpConfigDetector.detect({ scope: 'repo', path, content })?.assets ?? []).filter((a) => a.kind === 'model').map((a) => [a.name, a.provider, a.attributes['sources'], a.evidence[0]?.line, a.evidence[0]?.snippet]);
    const props = [
      'spring.ai.openai.chat.options.model=${OPENAI_MODEL:gpt-4o-mini}',
      'spring.ai.openai.embedding.options.model=${EMBEDDING_MODEL}',
      'spring.ai.ollama.chat.options.model=${PORT:8080}',
      'spring.ai.mistralai.chat.options.model=\\\\${MISTRAL_MODEL:mistral-large-latest}',
      'spring.ai.anthropic.chat.options.temperature=${TEMP:claude-3-5-haiku-latest}',
      'spring.ai.azure.openai.chat.options.deployment-name=${DEPLOYMENT:${AZURE_MODEL:gpt-4o}}',
    ].join('\n');
    expect(models('src/main/resources/application.properties', props)).toEqual([
      ['gpt-4o-mini', 'openai', ['spring-ai:spring.ai.openai.chat.options.model'], 1, 'spring.ai.openai.chat.options.model=${OPENAI_MODEL:gpt-4o-mini}'],
      ['gpt-4o', 'azure-openai', ['spring-ai:spring.ai.azure.openai.chat.options.deployment-name'], 6, 'spring.ai.azure.openai.chat.options.deployment-name=${DEPLOYMENT:${AZURE_MODEL:gpt-4o}}'],
    ]);
    const yaml = 'spring:\n  ai:\n    anthropic:\n      chat:\n        options:\n          model: ${CHAT_MODEL:claude-3-5-haiku-latest}\n    bedrock.converse.chat.options.model: "${BEDROCK_MODEL:amazon.nova-pro-v1:0}"\n';
    expect(models('src/main/resources/application.yml', yaml).map((m) => [m[0], m[3], m[4]])).toEqual([
      ['claude-3-5-haiku-latest', 6, 'model: ${CHAT_MODEL:claude-3-5-haiku-latest}'],
      ['amazon.nova-pro-v1:0', 7, 'bedrock.converse.chat.options.model: ${BEDROCK_MODEL:amazon.nova-pro-v1:0}'],
    ]);
    // A property the file sets, and one it does not.
    const own = 'app:\n  chat-model: gpt-4.1\nspring.ai.openai.chat.options.model: ${app.chat-model}\nspring.ai.openai.embedding.options.model: ${app.embedding-model}\n';
    expect(models('src/main/resources/application.yml', own).map((m) => [m[0], m[3]])).toEqual([['gpt-4.1', 3]]);
  });

  it('reads a url placeholder as its default', () => {
    const props = 'spring.ai.mcp.client.sse.connections.server1.url=${SPRING_AI_MCP_SERVER1_URL:http://localhost:8081}\n';
    expect(servers('src/main/resources/application.properties', props).map((a) => a.attributes['url'])).toEqual(['http://localhost:8081/']);
  });
});
