/**
 * Planted AI API keys of every supported format are found as `secret` assets and never leave the
 * scan: not in JSON or table output, not on stderr, not in any file of the default store. Keys are
 * built at run time from a seed (src/detectors/secrets/fake-keys.ts); none is committed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/detectors/secrets/index.ts';
import { FAKE_KEY_FORMATS, fakeKey } from '../helpers/fake-keys.ts';
import type { Inventory } from '../../src/model/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const SEED = 11;
/** Variable names that give context-only formats their context (as a real project would). */
const ENV_NAME: Record<string, string> = {
  'openai:project': 'OPENAI_API_KEY', 'anthropic:api': 'ANTHROPIC_API_KEY', 'azure-openai:api': 'AZURE_OPENAI_API_KEY',
  'cohere:api': 'COHERE_API_KEY', 'mistral:api': 'MISTRAL_API_KEY', 'deepseek:api': 'DEEPSEEK_API_KEY', 'google:gemini-api': 'GEMINI_API_KEY',
};
const envName = (format: string): string => ENV_NAME[format] ?? `${format.replace(/[^a-z0-9]+/gi, '_').toUpperCase()}_KEY`;

/** One key per format for the .env, a second seed for the code, config and notebook plants. */
const envKeys = FAKE_KEY_FORMATS.map((format) => ({ format, key: fakeKey(format, SEED) }));
const more = {
  py: fakeKey('openai:project', SEED + 1),
  pyCohere: fakeKey('cohere:api', SEED + 1),
  ts: fakeKey('anthropic:api', SEED + 1),
  tsGemini: fakeKey('google:gemini-api', SEED + 1),
  yamlAzure: fakeKey('azure-openai:api', SEED + 1),
  yamlGroq: fakeKey('groq:api', SEED + 1),
  nbCell: fakeKey('huggingface:user-access', SEED + 1),
  nbOutput: fakeKey('openrouter:api', SEED + 1),
  // Lower-case hex: without a key word beside it (one argument of a list), only the flag before it says it is a key.
  pyMcp: fakeKey('azure-openai:api', SEED + 2),
  javaMcp: fakeKey('azure-openai:api', SEED + 3),
  tsMcp: fakeKey('azure-openai:api', SEED + 4),
  tsMcpEnv: fakeKey('openai:project', SEED + 4),
  tsMcpHeader: fakeKey('anthropic:api', SEED + 4),
};

const PLACEHOLDERS = [
  'PLACEHOLDER_OPENAI=sk-your-key-here',
  'PLACEHOLDER_ANTHROPIC=sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  `PLACEHOLDER_HF=hf_${'x'.repeat(34)}`,
  'PLACEHOLDER_REF=${OPENAI_API_KEY}',
  'PLACEHOLDER_GROQ=<YOUR_GROQ_KEY>',
];

function repo(): string {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: 'code', metadata: {}, execution_count: 1, outputs: [], source: ['from huggingface_hub import login\n', `login(token="${more.nbCell}")\n`] },
      {
        cell_type: 'code', metadata: {}, execution_count: 2, source: ['import os\n', 'print(os.environ)\n'],
        outputs: [{ output_type: 'stream', name: 'stdout', text: [`OPENROUTER_API_KEY=${more.nbOutput}\n`, 'HF_TOKEN=hf_...\n'] }],
      },
    ],
  };
  return tempTree({
    'app/.env': `${envKeys.map(({ format, key }) => `${envName(format)}=${key}`).join('\n')}\n${PLACEHOLDERS.join('\n')}\n`,
    'app/requirements.txt': 'openai==1.82.0\ncohere\n',
    'app/src/main.py': [
      'import cohere',
      'from openai import OpenAI',
      '',
      `client = OpenAI(api_key="${more.py}", base_url="https://api.openai.com/v1")`,
      `co = cohere.ClientV2("${more.pyCohere}")`,
      // Other detectors quote this line (a model id): their snippets must be redacted too.
      `reply = OpenAI(api_key="${more.py}").responses.create(model="gpt-4.1-mini", input="hi")`,
      'EXAMPLE = "sk-proj-abc123"',
      '',
    ].join('\n'),
    'app/src/index.ts': [
      "import Anthropic from '@anthropic-ai/sdk';",
      "import { GoogleGenAI } from '@google/genai';",
      '',
      `const claude = new Anthropic({ apiKey: '${more.ts}' });`,
      `const genai = new GoogleGenAI({ apiKey: '${more.tsGemini}' });`,
      "export const r = await claude.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 10, messages: [] });",
      "export const placeholder = 'sk-your-anthropic-key';",
      '',
    ].join('\n'),
    'app/config/app.yaml': [
      'azure_openai:',
      '  endpoint: https://acme-prod.openai.azure.com/',
      `  api_key: ${more.yamlAzure}`,
      'groq:',
      `  api_key: "${more.yamlGroq}"`,
      '  example_key: gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '',
    ].join('\n'),
    'app/notebooks/explore.ipynb': JSON.stringify(notebook, null, 1),
    // MCP servers code connects to, the key passed on the server's command line.
    'app/src/tools.py': [
      'from mcp import StdioServerParameters',
      `azure = StdioServerParameters(command="npx", args=["-y", "@acme/azure-mcp@1.0.0", "--azure-openai-api-key", "${more.pyMcp}"])`,
      '',
    ].join('\n'),
    'app/src/main/java/acme/Tools.java': [
      'package acme;',
      'import io.modelcontextprotocol.client.transport.ServerParameters;',
      'class Tools {',
      `  Object azure = ServerParameters.builder("npx").args("-y", "@acme/azure-mcp@1.0.0", "--azure-openai-api-key", "${more.javaMcp}").build();`,
      '}',
      '',
    ].join('\n'),
    'app/src/tools.ts': [
      "import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';",
      "import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';",
      '',
      `export const azure = new StdioClientTransport({ command: 'npx', args: ['-y', '@acme/azure-mcp@1.0.0', '--azure-openai-api-key', '${more.tsMcp}'], env: { OPENAI_API_KEY: '${more.tsMcpEnv}' } });`,
      `export const remote = new StreamableHTTPClientTransport(new URL('https://mcp.acme.example/mcp'), { requestInit: { headers: { Authorization: 'Bearer ${more.tsMcpHeader}' } } });`,
      '',
    ].join('\n'),
  });
}

const allKeys = [...envKeys.map((k) => k.key), ...Object.values(more)];

/** Every way a key could leak: the whole value and a 12-character slice from its middle. */
function leaksIn(text: string | Buffer): string[] {
  return allKeys.filter((key) => {
    const middle = key.slice((key.length >> 1) - 6, (key.length >> 1) + 6);
    return text.includes(key) || text.includes(middle);
  });
}

function storeFiles(cwd: string): string[] {
  const dir = join(cwd, '.aimap');
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}

describe('no key leaks', () => {
  it('finds every planted key as a secret with its provider, and none of the placeholders', () => {
    const cwd = repo();
    const run = runCli(['scan', 'app', '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    const inv = JSON.parse(run.stdout) as Inventory;
    const secrets = inv.assets.filter((a) => a.kind === 'secret');
    const byPrint = new Map(secrets.map((s) => [s.attributes['fingerprint'], s]));
    for (const { format, key } of envKeys) {
      const asset = byPrint.get(fingerprint(key));
      expect(asset, format).toBeDefined();
      expect(`${asset?.provider}:${String(asset?.attributes['keyType'])}`).toBe(format);
    }
    const planted = new Set([...envKeys.map((k) => k.key), ...Object.values(more)].map(fingerprint));
    expect(secrets.filter((s) => !planted.has(s.attributes['fingerprint'] as string)).map((s) => s.evidence[0]?.snippet)).toEqual([]);
    expect(secrets).toHaveLength(planted.size);
    const nbOutput = byPrint.get(fingerprint(more.nbOutput));
    expect(nbOutput?.attributes['notebookOutput']).toBe(true);
    expect(nbOutput?.evidence[0]).toMatchObject({ path: 'notebooks/explore.ipynb', cell: 1, line: 1 });
    expect(inv.assets.some((a) => a.kind === 'endpoint' && a.name === 'acme-prod.openai.azure.com')).toBe(true);
    // The servers code connects to are read (the key comes out of their args, not out of the scan).
    const clients = inv.assets.filter((a) => a.kind === 'mcp-server' && a.attributes['role'] === 'client-connection');
    expect(clients.flatMap((a) => a.evidence.map((e) => e.path)).sort()).toEqual(['src/main/java/acme/Tools.java', 'src/tools.py', 'src/tools.ts', 'src/tools.ts']);
  });

  it('leaks no key through JSON output, table output, stderr or the store', () => {
    const cwd = repo();
    const json = runCli(['scan', 'app', '--format', 'json'], cwd);
    const table = runCli(['scan', 'app'], cwd);
    expect([json.code, table.code]).toEqual([0, 0]);
    expect(table.stdout).toContain('Secrets');
    expect(table.stdout).toMatch(/openai\s/);
    for (const [where, text] of [['json stdout', json.stdout], ['json stderr', json.stderr], ['table stdout', table.stdout], ['table stderr', table.stderr]] as const) {
      expect(leaksIn(text), where).toEqual([]);
    }
    const files = storeFiles(cwd);
    expect(files.some((f) => f.endsWith('aimap.db'))).toBe(true);
    for (const file of files) expect(leaksIn(readFileSync(file)), file).toEqual([]);
    // The listing of scans reads the store back: still nothing.
    const scans = runCli(['scans', '--format', 'json'], cwd);
    expect(leaksIn(scans.stdout + scans.stderr)).toEqual([]);
  });
});
