/**
 * The AI code the generator plants, per flavour, with the assets each plant should produce
 * (`kind:name`, sdks as `sdk:<ecosystem>:<name>`), so the bench can compare what aimap found
 * with what was planted.
 */
import type { CodeSnippet, JsExt } from './gen-js.ts';
import type { Rng } from './prng.ts';

/** JS/TS AI flavours. */
export const JS_FLAVOURS = ['openai', 'anthropic', 'vercel-ai', 'mcp', 'pinecone'] as const;
/** Python AI flavours. */
export const PY_FLAVOURS = ['openai', 'langchain-openai', 'chromadb', 'fastmcp'] as const;
export type JsFlavour = (typeof JS_FLAVOURS)[number];
export type PyFlavour = (typeof PY_FLAVOURS)[number];

/** A planted snippet and the asset keys it should yield. */
export interface Plant {
  readonly snippet: CodeSnippet;
  readonly expects: readonly string[];
}

/** Manifest dependencies per flavour: `[name, version spec]`. */
export const JS_DEPS: Record<JsFlavour, ReadonlyArray<readonly [string, string]>> = {
  openai: [['openai', '^4.77.0']],
  anthropic: [['@anthropic-ai/sdk', '^0.39.0']],
  'vercel-ai': [['ai', '^4.1.0'], ['@ai-sdk/openai', '^1.1.0']],
  mcp: [['@modelcontextprotocol/sdk', '^1.12.0']],
  pinecone: [['@pinecone-database/pinecone', '^5.0.0']],
};
export const PY_DEPS: Record<PyFlavour, ReadonlyArray<readonly [string, string]>> = {
  openai: [['openai', '>=1.55']],
  'langchain-openai': [['langchain-openai', '>=0.2']],
  chromadb: [['chromadb', '>=0.5']],
  fastmcp: [['mcp', '>=1.2.0']],
};

const TOOLS = ['lookup_order', 'create_ticket', 'search_docs', 'get_invoice', 'list_users', 'refund_payment', 'get_weather', 'run_report'] as const;

function imp(ext: JsExt, binding: string, from: string): string {
  if (ext !== 'cjs') return `import ${binding} from '${from}';`;
  return `const ${binding.replace(/ as /g, ': ')} = require('${from}');`;
}

function tools(rng: Rng): string[] {
  const out = new Set<string>();
  for (let i = rng.int(1, 3); i > 0; i--) out.add(rng.pick(TOOLS));
  return [...out];
}

/** The JS/TS snippet of a flavour; `server` names an MCP server uniquely. */
export function jsPlant(rng: Rng, flavour: JsFlavour, ext: JsExt, server: string): Plant {
  const ts = ext === 'ts' || ext === 'tsx';
  const ret = (t: string): string => (ts ? `: Promise<${t}>` : '');
  switch (flavour) {
    case 'openai': {
      const model = rng.pick(['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini']);
      return {
        snippet: {
          imports: [imp(ext, 'OpenAI', 'openai')],
          body: `\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n\n/** Summarizes a support ticket for the triage queue. */\nasync function summarizeTicket(text${ts ? ': string' : ''})${ret('string')} {\n  const completion = await openai.chat.completions.create({\n    model: '${model}',\n    messages: [\n      { role: 'system', content: 'You summarize support tickets in two sentences.' },\n      { role: 'user', content: text },\n    ],\n    temperature: 0.2,\n  });\n  return completion.choices[0]?.message?.content ?? '';\n}\n`,
        },
        expects: ['sdk:npm:openai', `model:${model}`],
      };
    }
    case 'anthropic': {
      const model = rng.pick(['claude-3-5-haiku-20241022', 'claude-sonnet-4-20250514']);
      return {
        snippet: {
          imports: [imp(ext, 'Anthropic', '@anthropic-ai/sdk')],
          body: `\nconst anthropic = new Anthropic();\n\nasync function draftReply(question${ts ? ': string' : ''})${ret('string')} {\n  const msg = await anthropic.messages.create({\n    model: '${model}',\n    max_tokens: 1024,\n    messages: [{ role: 'user', content: question }],\n  });\n  return msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');\n}\n`,
        },
        expects: ['sdk:npm:@anthropic-ai/sdk', `model:${model}`],
      };
    }
    case 'vercel-ai':
      return {
        snippet: {
          imports: [imp(ext, '{ generateText }', 'ai'), imp(ext, '{ openai }', '@ai-sdk/openai')],
          body: `\nasync function classify(input${ts ? ': string' : ''})${ret('string')} {\n  const { text } = await generateText({\n    model: openai('gpt-4o-mini'),\n    prompt: \`Classify this request as billing, bug or other: \${input}\`,\n  });\n  return text.trim();\n}\n`,
        },
        expects: ['sdk:npm:ai', 'sdk:npm:@ai-sdk/openai', 'model:gpt-4o-mini'],
      };
    case 'mcp': {
      const names = tools(rng);
      const defs = names
        .map((t) => `server.tool('${t}', '${t.replace(/_/g, ' ')} for the agent', { id: z.string() }, async ({ id }) => ({\n  content: [{ type: 'text', text: JSON.stringify(await backend.${t}(id)) }],\n}));\n`)
        .join('\n');
      return {
        snippet: {
          imports: [imp(ext, '{ McpServer }', '@modelcontextprotocol/sdk/server/mcp.js'), imp(ext, '{ StdioServerTransport }', '@modelcontextprotocol/sdk/server/stdio.js'), imp(ext, '{ z }', 'zod')],
          body: `\nconst server = new McpServer({ name: '${server}', version: '1.0.0' });\n\n${defs}\nawait server.connect(new StdioServerTransport());\n`,
        },
        expects: ['sdk:npm:@modelcontextprotocol/sdk', `mcp-server:${server}`, ...names.map((t) => `tool:${server}/${t}`)],
      };
    }
    case 'pinecone':
      return {
        snippet: {
          imports: [imp(ext, '{ Pinecone }', '@pinecone-database/pinecone')],
          body: `\nconst pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY });\nconst index = pc.index('product-embeddings');\n\nasync function similar(vector${ts ? ': number[]' : ''}) {\n  const res = await index.query({ vector, topK: 10, includeMetadata: true });\n  return res.matches;\n}\n`,
        },
        expects: ['sdk:npm:@pinecone-database/pinecone', 'vector-store:pinecone'],
      };
  }
}

/** The Python snippet of a flavour; `server` names a FastMCP server uniquely. */
export function pyPlant(rng: Rng, flavour: PyFlavour, server: string): Plant {
  switch (flavour) {
    case 'openai': {
      const model = rng.pick(['gpt-4o-mini', 'gpt-4o']);
      return {
        snippet: {
          imports: ['from openai import OpenAI'],
          body: `client = OpenAI()\n\n\ndef summarize(text: str) -> str:\n    """Summarize a document for the digest email."""\n    resp = client.chat.completions.create(\n        model="${model}",\n        messages=[{"role": "user", "content": f"Summarize: {text}"}],\n    )\n    return resp.choices[0].message.content\n`,
        },
        expects: ['sdk:pypi:openai', `model:${model}`],
      };
    }
    case 'langchain-openai':
      return {
        snippet: { imports: ['from langchain_openai import ChatOpenAI'], body: `llm = ChatOpenAI(model="gpt-4o", temperature=0)\n\n\ndef answer(question: str) -> str:\n    return llm.invoke(question).content\n` },
        expects: ['sdk:pypi:langchain-openai', 'model:gpt-4o'],
      };
    case 'chromadb':
      return {
        snippet: {
          imports: ['import chromadb'],
          body: `chroma = chromadb.PersistentClient(path="./.chroma")\ncollection = chroma.get_or_create_collection(name="support_docs")\n\n\ndef index_docs(docs: list[str]) -> None:\n    collection.add(documents=docs, ids=[str(i) for i in range(len(docs))])\n`,
        },
        expects: ['sdk:pypi:chromadb', 'vector-store:chroma'],
      };
    case 'fastmcp': {
      const names = tools(rng);
      const defs = names.map((t) => `@mcp.tool()\ndef ${t}(item_id: str) -> dict:\n    """${t.replace(/_/g, ' ')} for the agent."""\n    return backend.${t}(item_id)\n`).join('\n\n');
      return {
        snippet: { imports: ['from mcp.server.fastmcp import FastMCP'], body: `mcp = FastMCP("${server}")\n\n\n${defs}\n` },
        expects: ['sdk:pypi:mcp', `mcp-server:${server}`, ...names.map((t) => `tool:${server}/${t}`)],
      };
    }
  }
}
