import { describe, expect, it } from 'vitest';
import { fakeKey } from '../../../test/helpers/fake-keys.ts';
import { detectEndpoints } from './index.ts';

const detect = (path: string, content: string) => detectEndpoints({ scope: 'repo', path, content });
/** `name kind region? urls` per endpoint asset. */
const seen = (path: string, content: string): string[] =>
  (detect(path, content)?.assets ?? []).map((a) => [a.name, a.provider ?? '-', a.attributes['kind'], a.attributes['region'] ?? '-', (a.attributes['urls'] as string[]).join(',')].join(' '));

describe('endpoints detector: hosts in code', () => {
  it('finds provider API hosts in string literals, with region and URLs', () => {
    const py = [
      'client = OpenAI(base_url="https://api.openai.com/v1")',
      'br = boto3.client("bedrock-runtime", endpoint_url="https://bedrock-runtime.us-east-1.amazonaws.com")',
      'vertex = "https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4"',
      'gemini = "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=abc"',
      'claude = httpx.post("https://api.anthropic.com/v1/messages")',
    ].join('\n');
    expect(seen('app.py', py)).toEqual([
      'api.openai.com openai provider-api - https://api.openai.com/v1',
      'bedrock-runtime.us-east-1.amazonaws.com aws-bedrock provider-api us-east-1 https://bedrock-runtime.us-east-1.amazonaws.com',
      'europe-west4-aiplatform.googleapis.com google provider-api europe-west4 https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4',
      'generativelanguage.googleapis.com google provider-api - https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent',
      'api.anthropic.com anthropic provider-api - https://api.anthropic.com/v1/messages',
    ]);
  });

  it('knows the OpenAI-compatible providers of multi-provider stacks', () => {
    const py = [
      'a = OpenAI(base_url="https://api.siliconflow.cn/v1")',
      'b = OpenAI(base_url="https://dashscope.aliyuncs.com/compatible-mode/v1")',
      'c = OpenAI(base_url="https://open.bigmodel.cn/api/paas/v4")',
      'd = OpenAI(base_url="https://api.moonshot.cn/v1")',
      'e = OpenAI(base_url="https://ark.cn-beijing.volces.com/api/v3")',
      'f = OpenAI(base_url="https://api.cerebras.ai/v1")',
    ].join('\n');
    expect(seen('llm.py', py).map((row) => row.split(' ').slice(0, 4).join(' '))).toEqual([
      'api.siliconflow.cn siliconflow provider-api -',
      'dashscope.aliyuncs.com alibaba provider-api -',
      'open.bigmodel.cn zhipu provider-api -',
      'api.moonshot.cn moonshot provider-api -',
      'ark.cn-beijing.volces.com bytedance provider-api cn-beijing',
      'api.cerebras.ai cerebras provider-api -',
    ]);
  });

  it('skips reserved, documentation and made-up test hosts, and hosts that are all placeholder', () => {
    const py = [
      'OLLAMA_HOST = "http://example.com:11434"',
      'client = Client(host="http://cli.invalid:11434")',
      'other = Client(host="http://1.2.3.4:11434")',
      'doc = Client(host="http://192.0.2.10:11434")',
      'AZURE_OPENAI_ENDPOINT = "https://test.com"',
      'az = AzureOpenAI(azure_endpoint="https://test-endpoint.com")',
      'api = "https://api.test/v1"',
      'lan = Client(host="http://192.168.1.5:11434")',
    ].join('\n');
    expect(seen('tests/test_client.py', py)).toEqual(['192.168.1.5:11434 ollama self-hosted - http://192.168.1.5:11434']);
  });

  it('judges hosts as the risk tier does (model/hosts.ts): every documentation block skipped, loopback names under localhost kept', () => {
    const py = [
      'a = Client(host="http://198.51.100.7:11434")',
      'b = Client(host="http://203.0.113.9:11434")',
      'c = Client(host="http://mock.net:11434")',
      'd = Client(host="http://ollama.example:11434")',
      'e = Client(host="http://ollama.localhost:11434")',
    ].join('\n');
    expect(seen('client.py', py)).toEqual(['ollama.localhost:11434 ollama self-hosted - http://ollama.localhost:11434']);
    expect(seen('.env', 'OPENAI_BASE_URL=http://llm.test:8000/v1\nOPENAI_API_BASE=http://llm.internal:8000/v1')).toEqual(['llm.internal:8000 - self-hosted - http://llm.internal:8000/v1']);
  });

  it('keys Azure resources by host, reads template placeholders as *, marks them inferred; skips concatenated hosts', () => {
    const ts = [
      "const a = 'https://contoso-eastus.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21';",
      'const b = `https://${resource}.openai.azure.com/openai`;',
      'const c = "https://your-resource-name.openai.azure.com";',
      "const d = 'https://' + name + '.services.ai.azure.com/models';",
    ].join('\n');
    const r = detect('azure.ts', ts);
    expect(r?.assets.map((a) => [a.name, a.evidence[0]?.confidence])).toEqual([
      ['contoso-eastus.openai.azure.com', 'declared'],
      ['*.openai.azure.com', 'inferred'],
      ['*.openai.azure.com', 'inferred'],
    ]);
    expect(r?.assets[0]?.attributes['urls']).toEqual(['https://contoso-eastus.openai.azure.com/openai/deployments/gpt-4o/chat/completions']);
    expect(r?.assets[1]?.attributes['urls']).toEqual(['https://${resource}.openai.azure.com/openai']);
  });

  it('reads a placeholder holding a dotted expression as one label (`${config.resource}`, f-string `{settings.name}`)', () => {
    const ts = [
      'const a = `https://${config.azureOpenAiService}.openai.azure.com`;',
      'const b = `https://${cfg.region}-${cfg.name}.services.ai.azure.com/models`;',
      // Traps: a dotted placeholder before a host the catalog does not know, and a host that is all
      // placeholder but its top-level domain.
      'const c = `https://${config.service}.search.windows.net`;',
      'const d = `https://${config.host.name}.com/v1`;',
    ].join('\n');
    expect(detect('plugins/openai.ts', ts)?.assets.map((a) => [a.name, a.evidence[0]?.line, a.evidence[0]?.confidence])).toEqual([
      ['*.openai.azure.com', 1, 'inferred'],
      ['*.services.ai.azure.com', 2, 'inferred'],
    ]);
    const py = 'endpoint = f"https://{settings.AZURE_OPENAI_SERVICE}.openai.azure.com"\nother = f"https://{a.b}.{c.d}.openai.azure.com"\n';
    expect(seen('app/config.py', py)).toEqual(['*.openai.azure.com azure-openai provider-api - https://{settings.AZURE_OPENAI_SERVICE}.openai.azure.com']);
  });

  it('keeps the path prefix of gateways in the key and needs /api for openrouter.ai', () => {
    expect(seen('gw.py', [
      'a = "https://openrouter.ai/api/v1"',
      'b = "https://openrouter.ai/docs/quickstart"',
      'c = "https://gateway.ai.cloudflare.com/v1/acct123/prod-gw/openai/chat/completions"',
      'd = f"https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/openai"',
    ].join('\n'))).toEqual([
      'openrouter.ai/api openrouter gateway - https://openrouter.ai/api/v1',
      'gateway.ai.cloudflare.com/v1/acct123/prod-gw cloudflare gateway - https://gateway.ai.cloudflare.com/v1/acct123/prod-gw/openai/chat/completions',
      'gateway.ai.cloudflare.com/v1/*/* cloudflare gateway - https://gateway.ai.cloudflare.com/v1/{account}/{gateway}/openai',
    ]);
  });

  it('finds self-hosted ollama by its port, with loopback names folded to localhost', () => {
    expect(seen('local.go', [
      'const a = "http://localhost:11434/api/chat"',
      'const b = "http://127.0.0.1:11434"',
      'const c = "http://gpu-box.lan:11434/v1"',
    ].join('\n'))).toEqual([
      'localhost:11434 ollama self-hosted - http://localhost:11434/api/chat',
      'localhost:11434 ollama self-hosted - http://127.0.0.1:11434',
      'gpu-box.lan:11434 ollama self-hosted - http://gpu-box.lan:11434/v1',
    ]);
  });

  it('never stores credentials or query strings, and redacts them in snippets', () => {
    const key = fakeKey('google:gemini-api');
    const r = detect('c.py', `u = "https://bot:hunter2@api.groq.com/openai/v1?token=abc"\ng = "https://generativelanguage.googleapis.com/v1beta?key=${key}"\n`);
    expect(r?.assets.map((a) => a.attributes['urls'])).toEqual([['https://api.groq.com/openai/v1'], ['https://generativelanguage.googleapis.com/v1beta']]);
    expect(r?.assets[0]?.evidence[0]?.snippet).toBe('u = "https://…[redacted]@api.groq.com/openai/v1?token=abc"');
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(JSON.stringify(r)).not.toContain(key.slice(6, 20));
  });

  it('ignores comments, prose strings, documentation hosts and look-alike domains', () => {
    const traps = [
      '# POST https://api.openai.com/v1/chat/completions',
      '// see "https://api.anthropic.com/v1/messages"',
      ' * https://api.mistral.ai/v1 is the default',
      'msg = "Requests go to https://api.groq.com when enabled"',
      'docs = ["https://platform.openai.com/docs", "https://docs.anthropic.com", "https://huggingface.co/models"]',
      'x = "https://notapi.openai.com.evil.example/v1"',
      'y = "https://box.ai/x"',
      'z = "https://myapi.x.ai.example"',
      'w = "https://api.openai.community"',
      'ALLOWED = ["api.openai.com", "api.anthropic.com"]  # a domain list in code, not a call',
      'raise ValueError("No key: set \'api_base\' to \'https://api.mistral.ai/v1\' in config.json.")',
      "msg = `Use 'https://api.groq.com/openai/v1' as the base URL`",
    ].join('\n');
    expect(detect('traps.py', traps)).toBeNull();
  });
});

describe('endpoints detector: every catalog row', () => {
  it('recognises a sample URL of each row, with provider, kind and region', () => {
    const samples: Array<[string, string]> = [
      ['https://api.openai.com/v1', 'openai provider-api -'],
      ['https://acme.openai.azure.com', 'azure-openai provider-api -'],
      ['https://acme.services.ai.azure.com/models', 'azure-ai provider-api -'],
      ['https://acme.cognitiveservices.azure.com/', 'azure-ai provider-api -'],
      ['https://my-endpoint.westeurope.inference.ml.azure.com/score', 'azure-ml provider-api westeurope'],
      ['https://api.anthropic.com', 'anthropic provider-api -'],
      ['https://bedrock-agent-runtime.eu-west-1.amazonaws.com', 'aws-bedrock provider-api eu-west-1'],
      ['https://bedrock-runtime.cn-northwest-1.amazonaws.com.cn', 'aws-bedrock provider-api cn-northwest-1'],
      ['https://runtime.sagemaker.us-west-2.amazonaws.com/endpoints/x/invocations', 'aws-sagemaker provider-api us-west-2'],
      ['https://aiplatform.googleapis.com/v1', 'google provider-api -'],
      ['https://generativelanguage.googleapis.com', 'google provider-api -'],
      ['https://api.cohere.com/v2', 'cohere provider-api -'],
      ['https://api.cohere.ai', 'cohere provider-api -'],
      ['https://codestral.mistral.ai/v1', 'mistral provider-api -'],
      ['https://api.groq.com/openai/v1', 'groq provider-api -'],
      ['https://api.together.xyz/v1', 'together provider-api -'],
      ['https://api.together.ai/v1', 'together provider-api -'],
      ['https://api.fireworks.ai/inference/v1', 'fireworks provider-api -'],
      ['https://api.deepinfra.com/v1/openai', 'deepinfra provider-api -'],
      ['https://api.perplexity.ai', 'perplexity provider-api -'],
      ['https://api.x.ai/v1', 'xai provider-api -'],
      ['https://api.deepseek.com', 'deepseek provider-api -'],
      ['https://api.replicate.com/v1', 'replicate provider-api -'],
      ['https://integrate.api.nvidia.com/v1', 'nvidia provider-api -'],
      ['https://router.huggingface.co/v1', 'huggingface provider-api -'],
      ['https://api-inference.huggingface.co/models/x', 'huggingface provider-api -'],
      ['https://abc123.us-east-1.aws.endpoints.huggingface.cloud', 'huggingface provider-api us-east-1'],
      ['https://openrouter.ai/api/v1', 'openrouter gateway -'],
      ['https://gateway.ai.cloudflare.com/v1/a/b/openai', 'cloudflare gateway -'],
      ['https://oai.helicone.ai/v1', 'helicone gateway -'],
      ['https://api.portkey.ai/v1', 'portkey gateway -'],
      ['http://localhost:11434', 'ollama self-hosted -'],
    ];
    for (const [url, expected] of samples) {
      const a = detect('x.py', `u = "${url}"`)?.assets[0];
      expect(`${a?.provider} ${String(a?.attributes['kind'])} ${String(a?.attributes['region'] ?? '-')}`, url).toBe(expected);
    }
  });
});

describe('endpoints detector: config, env and base-URL variables', () => {
  it('reads bare values after = and :, YAML lists, and records env names', () => {
    const env = [
      'OPENAI_BASE_URL=https://api.together.xyz/v1',
      'export AZURE_OPENAI_ENDPOINT="https://acme.openai.azure.com/"',
      '# ANTHROPIC_BASE_URL=https://api.anthropic.com',
    ].join('\n');
    expect(detect('.env', env)?.assets.map((a) => [a.name, a.attributes['envNames'], a.evidence[0]?.technique])).toEqual([
      ['api.together.xyz', ['OPENAI_BASE_URL'], 'config'],
      ['acme.openai.azure.com', ['AZURE_OPENAI_ENDPOINT'], 'config'],
    ]);
    expect(seen('egress.yaml', 'allow:\n  - api.x.ai\n  - api.deepseek.com:443\nnote: calls https://api.groq.com sometimes\nzone: privatelink.openai.azure.com\nhelp: "Set it to \'https://api.groq.com\'"\n')).toEqual([
      'api.x.ai xai provider-api - api.x.ai',
      'api.deepseek.com deepseek provider-api - api.deepseek.com',
    ]);
  });

  it('turns an unknown host given to a base-URL variable into a self-hosted endpoint', () => {
    const compose = [
      'services:',
      '  app:',
      '    environment:',
      '      - OPENAI_BASE_URL=http://vllm.internal:8000/v1',
      '      OLLAMA_HOST: http://ollama:11434',
      '      LITELLM_PROXY_URL: "https://llm-gateway.acme.corp"',
      '      OPENAI_API_BASE: ${PROXY_URL}',
      '      INFERENCE_URL: https://example.com',
    ].join('\n');
    const r = detect('docker-compose.yml', compose);
    expect(r?.assets.map((a) => [a.name, a.provider ?? '-', a.attributes])).toEqual([
      ['ollama:11434', 'ollama', { kind: 'self-hosted', urls: ['http://ollama:11434'], envNames: ['OLLAMA_HOST'] }],
      ['vllm.internal:8000', '-', { api: 'openai', kind: 'self-hosted', urls: ['http://vllm.internal:8000/v1'], envNames: ['OPENAI_BASE_URL'] }],
      ['llm-gateway.acme.corp', 'litellm', { api: 'openai', kind: 'gateway', urls: ['https://llm-gateway.acme.corp'], envNames: ['LITELLM_PROXY_URL'] }],
    ]);
  });

  it('does not record form placeholders or plain parameter names as env names', () => {
    const r = detect('form.tsx', '<input placeholder="https://my-azure.openai.azure.com" />\nconst cfg = { baseURL: "https://api.groq.com/openai/v1" };\n');
    expect(r?.assets.map((a) => [a.name, a.attributes['envNames']])).toEqual([['api.groq.com', undefined]]);
  });

  it('reads notebook code cells only (outputs are history, not configuration)', () => {
    const nb = {
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', source: 'Calls https://api.openai.com/v1' },
        { cell_type: 'code', source: ['import os\n', 'os.environ["OPENAI_BASE_URL"] = "https://api.fireworks.ai/inference/v1"\n'], outputs: [{ output_type: 'error', traceback: ['ConnectError: "https://api.perplexity.ai/chat"'] }] },
      ],
    };
    const r = detect('nb.ipynb', JSON.stringify(nb));
    expect(r?.assets.map((a) => [a.name, a.evidence[0]?.cell, a.evidence[0]?.line, a.attributes['envNames']])).toEqual([['api.fireworks.ai', 1, 2, ['OPENAI_BASE_URL']]]);
  });

  it('returns null for files without endpoints, and for broken notebooks (reported by the notebooks detector)', () => {
    expect(detect('a.py', 'print("hello")')).toBeNull();
    expect(detect('b.ipynb', '{"cells": [ "https://api.openai.com')).toBeNull();
  });
});
