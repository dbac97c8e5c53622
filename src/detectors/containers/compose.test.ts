import { describe, expect, it } from 'vitest';
import { containersDetector } from './index.ts';
import { detectOne, namesOf, summarize } from './test-helpers.ts';

const server = (s: ReturnType<typeof summarize>, name: string) => s.assets.filter((a) => a.name === name && a.kind !== 'model').map((a) => a.attributes);

describe('docker compose', () => {
  it('image, ports (short syntax), environment map, GPU reservation, merge keys', () => {
    const s = summarize('docker-compose.yml', [
      'x-base: &base',
      '  image: ollama/ollama:0.3.14',
      'services:',
      '  ollama:',
      '    <<: *base',
      '    ports: ["11434:11434", "127.0.0.1:9000:9000/udp"]',
      '    environment:',
      '      OLLAMA_KEEP_ALIVE: 24h',
      '    volumes: ["models:/root/.ollama"]',
      '    deploy:',
      '      resources:',
      '        reservations:',
      '          devices:',
      '            - driver: nvidia',
      '              count: 1',
    ].join('\n'));
    expect(server(s, 'ollama')).toEqual([{
      category: 'inference', image: 'ollama/ollama:0.3.14', tag: '0.3.14', workload: 'ollama', source: 'compose',
      ports: ['11434:11434', '127.0.0.1:9000:9000/udp'], exposed: true, gpu: true, envNames: ['OLLAMA_KEEP_ALIVE'], volumes: ['models:/root/.ollama'],
    }]);
  });

  it('NIM images: the model is the path after nvcr.io/nim/, unknown when the path is a variable', () => {
    const s = summarize('docker-compose-nims.yaml', [
      'services:',
      '  nemollm-inference:',
      '    image: nvcr.io/nim/meta/llama3-8b-instruct:1.0.3',
      '    environment: [NGC_API_KEY]',
      '    ports: ["8000:8000"]',
      '  asr:',
      '    image: "nvcr.io/nim/${ASR_MODEL}:${ASR_VERSION}"',
      '    ports: ["9000:9000"]',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? '', a.attributes.image ?? '', a.attributes.exposed ?? ''])).toEqual([
      ['model-server', 'nim', 'nemollm-inference', 'nvcr.io/nim/meta/llama3-8b-instruct:1.0.3', true],
      ['model', 'meta/llama3-8b-instruct', '', '', ''],
      ['model-server', 'nim', 'asr', 'nvcr.io/nim/${ASR_MODEL}:${ASR_VERSION}', true],
    ]);
    expect(s.edges).toEqual(['nim SERVES meta/llama3-8b-instruct']);
  });

  it('exposure: loopback-only, long syntax with host_ip, bare container port, host network', () => {
    const s = summarize('compose.yaml', [
      'services:',
      '  a:',
      '    image: qdrant/qdrant',
      '    ports:',
      '      - target: 6333',
      '        host_ip: 127.0.0.1',
      '        published: "6333"',
      '  b:',
      '    image: ghcr.io/open-webui/open-webui:main',
      '    ports: ["[::1]:3000:8080"]',
      '  c:',
      '    image: vllm/vllm-openai',
      '    ports: ["8000"]',
      '  d:',
      '    image: lmsysorg/sglang:latest',
      '    network_mode: host',
      '    runtime: nvidia',
      '  e:',
      '    image: ghcr.io/berriai/litellm:main-latest',
      '    expose: ["4000"]',
    ].join('\n'));
    expect(s.assets.map((a) => [a.kind, a.name, a.attributes.exposed])).toEqual([
      ['vector-store', 'qdrant', false], ['system', 'open-webui', false], ['model-server', 'vllm', true], ['model-server', 'sglang', true], ['model-server', 'litellm', false],
    ]);
    expect(server(s, 'qdrant')).toEqual([{ images: ['qdrant/qdrant'], workloads: ['a'], sources: ['compose'], exposed: false }]);
    expect(server(s, 'sglang')[0]).toMatchObject({ gpu: true, networkMode: 'host' });
  });

  it('entrypoint + command form one argv; list env; env values only for model env names', () => {
    const s = summarize('docker-compose.gpu.yml', [
      'services:',
      '  sglang:',
      '    image: lmsysorg/sglang:latest',
      '    entrypoint: python3 -m sglang.launch_server',
      '    command: --model-path meta-llama/Llama-3.1-8B-Instruct --host 0.0.0.0',
      '  app:',
      '    build: .',
      '    environment:',
      '      - LLM_MODEL=${LLM_MODEL:-gpt-4o-mini}',
      '      - MODEL_NAME=User',
      '      - OPENAI_API_KEY',
      '      - DATABASE_URL=postgres://u:p@db/app',
    ].join('\n'));
    expect(namesOf(s, 'model')).toEqual(['gpt-4o-mini', 'meta-llama/Llama-3.1-8B-Instruct']);
    expect(s.edges).toEqual(['sglang SERVES meta-llama/Llama-3.1-8B-Instruct']);
    expect(JSON.stringify(s)).not.toContain('postgres://');
  });

  it('two services running the same software are two assets; a service running a model UI is a system', () => {
    const r = detectOne('docker-compose.yaml', 'services:\n  a:\n    image: ollama/ollama\n  b:\n    image: ollama/ollama\n  ui:\n    image: ghcr.io/open-webui/open-webui\n    environment: {EMBEDDING_MODEL: nomic-ai/nomic-embed-text-v1.5}\n');
    expect(r?.assets.map((a) => [a.kind, a.name, a.attributes.workload ?? ''])).toEqual([['model-server', 'ollama', 'a'], ['model-server', 'ollama', 'b'], ['system', 'open-webui', 'ui'], ['model', 'nomic-ai/nomic-embed-text-v1.5', '']]);
    expect(new Set(r?.assets.map((a) => a.id)).size).toBe(4);
    expect(r?.relationships.map((x) => x.type)).toEqual(['USES_MODEL']);
  });

  it('legacy v1 files and compose files under other names', () => {
    expect(namesOf(summarize('docker-compose.yml', 'ollama:\n  image: ollama/ollama\n  ports: ["11434:11434"]\n'), 'model-server')).toEqual(['ollama']);
    expect(namesOf(summarize('deploy/stack.yml', 'services:\n  llm:\n    image: ollama/ollama\n'), 'model-server')).toEqual(['ollama']);
    expect(detectOne('.github/workflows/ci.yml', 'jobs:\n  test:\n    services:\n      llm:\n        image: ollama/ollama\n')).toBeNull();
    expect(detectOne('.gitlab-ci.yml', 'services:\n  - name: ollama/ollama\ntest:\n  image: ollama/ollama\n  script: [ollama pull llama3.1]\n')).toBeNull();
  });

  it('traps: look-alike images, ordinary stacks', () => {
    const s = summarize('docker-compose.yml', 'services:\n  web:\n    image: company/llama-app-frontend:1.2\n  db:\n    image: pgvector-backup/tools\n  cache:\n    image: redis:7\n    command: redis-server --model x\n');
    expect(s.assets).toEqual([]);
  });
});

describe('compose: the project .env', () => {
  const withEnv = (content: string, env: string) =>
    containersDetector.detect({
      scope: 't', path: 'docker/docker-compose-base.yml', content,
      siblings: { names: () => ['.env'], read: (name) => (name === '.env' ? env : undefined), memo: (_key, compute) => compute() },
    });

  it('takes an image from .env as compose does, and no other value from it', () => {
    const compose = 'services:\n  tei:\n    image: ${TEI_IMAGE_CPU}\n    command: ["--model-id", "BAAI/bge-m3", "--api-key", "${API_KEY}"]\n    ports: ["6380:80"]\n';
    const env = '# images\nexport TEI_IMAGE_CPU="ghcr.io/huggingface/text-embeddings-inference:cpu-1.7"\nAPI_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD\n';
    const r = withEnv(compose, env);
    const tei = r?.assets.find((a) => a.kind === 'model-server');
    expect([tei?.name, tei?.evidence[0]?.confidence]).toEqual(['tei', 'inferred']);
    expect(JSON.stringify(r)).not.toContain('sk-proj-abcdefghij');
    // A trailing comment ends an unquoted value; a line of blanks costs linear time.
    const commented = withEnv(compose, `X=${' '.repeat(100_000)}y\nTEI_IMAGE_CPU=ghcr.io/huggingface/text-embeddings-inference:cpu-1.7   # pinned\n`);
    expect(commented?.assets.find((a) => a.kind === 'model-server')?.name).toBe('tei');
    // Without a .env the reference stays unknown and nothing is claimed.
    expect(detectOne('docker/docker-compose-base.yml', compose)?.assets.some((a) => a.kind === 'model-server') ?? false).toBe(false);
  });
});

describe('compose: AI apps and stores of RAG stacks', () => {
  it('knows Khoj, RAGFlow and the Infinity store by image', () => {
    const compose = 'services:\n  khoj:\n    image: ghcr.io/khoj-ai/khoj:latest\n    ports: ["42110:42110"]\n  ragflow:\n    image: infiniflow/ragflow:v0.20.5\n  infinity:\n    image: infiniflow/infinity:v0.6.0\n';
    const r = detectOne('docker-compose.yml', compose);
    expect(r?.assets.filter((a) => a.kind !== 'model').map((a) => [a.kind, a.name]).sort()).toEqual([['system', 'khoj'], ['system', 'ragflow'], ['vector-store', 'infinity']]);
  });
});
