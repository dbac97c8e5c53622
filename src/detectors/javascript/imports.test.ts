import { describe, expect, it } from 'vitest';
import { assetId, type Asset } from '../../model/index.ts';
import { packageOfSpecifier } from './imports.ts';
import { detectJavaScript } from './index.ts';

const run = (content: string, path = 'src/app.ts') => detectJavaScript({ scope: 'repo', path, content });
const sdks = (content: string, path?: string): Asset[] => (run(content, path)?.assets ?? []).filter((a) => a.kind === 'sdk');
const sdkNames = (content: string, path?: string): string[] => sdks(content, path).map((a) => a.name).sort();

describe('packageOfSpecifier', () => {
  it('maps specifiers to packages and ignores relative paths, builtins and schemes', () => {
    expect(packageOfSpecifier('openai')).toBe('openai');
    expect(packageOfSpecifier('openai/resources/chat')).toBe('openai');
    expect(packageOfSpecifier('@ai-sdk/openai')).toBe('@ai-sdk/openai');
    expect(packageOfSpecifier('@modelcontextprotocol/sdk/server/mcp.js')).toBe('@modelcontextprotocol/sdk');
    for (const ignored of ['./openai', '../openai.js', '/abs/openai', 'node:fs', '#internal/ai', 'jsr:@std/path', 'https://esm.sh/openai', '@scope', '']) {
      expect(packageOfSpecifier(ignored), ignored).toBeUndefined();
    }
  });
});

describe('AI package imports', () => {
  it('recognises every import form', () => {
    const content = [
      "import OpenAI from 'openai';",
      "import { generateText } from 'ai';",
      "import * as anthropic from '@anthropic-ai/sdk';",
      "import '@langchain/openai';",
      "const { Pinecone } = require('@pinecone-database/pinecone');",
      "const chroma = require('chromadb');",
      "export { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "export * from '@ai-sdk/google';",
      "import groq = require('groq-sdk');",
      "import type { Ollama } from 'ollama';",
      "async function later() { const { Mistral } = await import('@mistralai/mistralai'); return Mistral; }",
    ].join('\n');
    expect(sdkNames(content)).toEqual([
      '@ai-sdk/google', '@anthropic-ai/sdk', '@langchain/openai', '@mistralai/mistralai', '@modelcontextprotocol/sdk',
      '@pinecone-database/pinecone', 'ai', 'chromadb', 'groq-sdk', 'ollama', 'openai',
    ]);
  });

  it('builds the sdk asset per the conventions: key, attributes, provider and import evidence', () => {
    const [openai] = sdks("import OpenAI from 'openai';\nimport type { ChatCompletion } from 'openai/resources/chat';\n");
    expect(openai).toEqual({
      id: assetId('sdk', 'repo', 'npm:openai'),
      kind: 'sdk',
      name: 'openai',
      provider: 'openai',
      attributes: { ecosystem: 'npm', category: 'llm-provider', declared: false, subpaths: ['openai/resources/chat'] },
      evidence: [
        { path: 'src/app.ts', line: 1, snippet: "import OpenAI from 'openai';", technique: 'import', confidence: 'declared', detector: 'javascript' },
        { path: 'src/app.ts', line: 2, snippet: "import type { ChatCompletion } from 'openai/resources/chat';", technique: 'import', confidence: 'declared', detector: 'javascript' },
      ],
      tags: {},
    });
  });

  it('takes the provider of an @ai-sdk package from its name', () => {
    const [google] = sdks("import { google } from '@ai-sdk/google';");
    expect(google?.provider).toBe('google');
    expect(google?.attributes).toEqual({ ecosystem: 'npm', category: 'framework', declared: false });
  });

  it('reads CommonJS and JSX files', () => {
    expect(sdkNames("const OpenAI = require('openai');\nmodule.exports = new OpenAI();", 'lib/client.cjs')).toEqual(['openai']);
    expect(sdkNames("import { useChat } from '@ai-sdk/react';\nexport const Chat = () => <div>{useChat().input}</div>;", 'app/chat.jsx')).toEqual(['@ai-sdk/react']);
    expect(sdkNames("import { useChat } from '@ai-sdk/react';\nexport const Chat = () => <div>{useChat().input as string}</div>;", 'app/chat.tsx')).toEqual(['@ai-sdk/react']);
  });

  it('ignores look-alike packages, builtins and relative paths', () => {
    const content = [
      "import { wrap } from '@my-org/openai-utils';",
      "import fake from 'openai-fake';",
      "import ai2 from 'ai-tools';",
      "import { readFile } from 'node:fs/promises';",
      "import { client } from './openai';",
      "import { x } from '../ai/index.js';",
      "const model = 'gpt-4o';",
    ].join('\n');
    expect(run(content)).toBeNull();
  });

  it('ignores commented-out imports and imports quoted in strings', () => {
    const content = [
      "// import OpenAI from 'openai';",
      "/* const { Pinecone } = require('@pinecone-database/pinecone'); */",
      "export const HELP = \"Install it, then: import OpenAI from 'openai'\";",
      'export const TEMPLATE = `const a = require(\'@anthropic-ai/sdk\')`;',
    ].join('\n');
    expect(run(content)).toBeNull();
  });
});
