import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG, matchChart, matchImage, parseImageRef } from './catalog.ts';
import { LAUNCHERS, MODEL_ENV_NAMES, MODEL_FLAGS, SERVING_KINDS } from './catalog-commands.ts';

const software = (image: string): string | undefined => {
  const ref = parseImageRef(image);
  return ref === undefined ? undefined : matchImage(ref)?.software;
};

describe('parseImageRef', () => {
  it('splits registry, path, tag and digest; drops library/', () => {
    expect(parseImageRef('ghcr.io/huggingface/text-generation-inference:2.4.0')).toEqual({
      text: 'ghcr.io/huggingface/text-generation-inference:2.4.0', registry: 'ghcr.io', path: 'huggingface/text-generation-inference', tag: '2.4.0',
    });
    expect(parseImageRef('localhost:5000/ollama/ollama@sha256:abc')).toEqual({ text: 'localhost:5000/ollama/ollama@sha256:abc', registry: 'localhost:5000', path: 'ollama/ollama', digest: 'sha256:abc' });
    expect(parseImageRef('docker.io/library/postgres:16')?.path).toBe('postgres');
    expect(parseImageRef('"Qdrant/Qdrant"')?.path).toBe('qdrant/qdrant');
  });

  it('rejects templating, variables, spaces and empty values', () => {
    for (const bad of ['', '{{ .Values.image }}', '${IMAGE}', 'a b', 'repo/<name>', '//x', '${REGISTRY}/ollama/ollama']) expect(parseImageRef(bad)).toBeUndefined();
    expect(parseImageRef('ollama/ollama:${TAG}')).toEqual({ text: 'ollama/ollama:${TAG}', path: 'ollama/ollama' });
  });

  it('keeps the literal leading segments of a path that goes on with a variable', () => {
    expect(parseImageRef('nvcr.io/nim/${ASR_MODEL}:1.0')).toEqual({ text: 'nvcr.io/nim/${ASR_MODEL}:1.0', registry: 'nvcr.io', path: 'nim', open: true, tag: '1.0' });
    expect(parseImageRef('nvcr.io/nim/meta/$MODEL')).toMatchObject({ path: 'nim/meta', open: true });
  });
});

describe('matchImage', () => {
  it('matches catalog repositories with or without their registry, and behind a mirror', () => {
    expect(software('ollama/ollama')).toBe('ollama');
    expect(software('docker.io/ollama/ollama:0.3.14')).toBe('ollama');
    expect(software('harbor.corp.example/dockerhub-proxy/ollama/ollama:latest')).toBe('ollama');
    expect(software('vllm/vllm-openai:v0.6.3')).toBe('vllm');
    expect(software('nvcr.io/nvidia/tritonserver:24.08-py3')).toBe('triton');
    expect(software('ghcr.io/ggml-org/llama.cpp:server-cuda')).toBe('llama.cpp');
    expect(software('763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1-gpu')).toBe('tgi');
    expect(software('cr.weaviate.io/semitechnologies/weaviate:1.26.1')).toBe('weaviate');
    expect(software('ghcr.io/berriai/litellm:main-latest')).toBe('litellm');
    expect(software('langgenius/dify-api:0.15.3')).toBe('dify');
  });

  it('matches NIM images by their leading path segments, a variable model path included', () => {
    expect(software('nvcr.io/nim/meta/llama-3.1-8b-instruct:1.1.0')).toBe('nim');
    expect(software('nvcr.io/nim/${ASR_MODEL}:${ASR_VERSION}')).toBe('nim');
    expect(software('nvcr.io/nim/nvidia/${EMBED_MODEL}:1.0')).toBe('nim');
    expect(software('nvcr.io/nimble/thing:1')).toBeUndefined();
    // A variable where the repository should be leaves only a family prefix to match, never a product.
    expect(software('ollama/${FLAVOUR}:latest')).toBeUndefined();
    expect(software('nvcr.io/nvidia/${SERVER}:24.07-py3')).toBeUndefined();
  });

  it('matches Triton from NGC and from its GCR mirror', () => {
    expect(software('gcr.io/nvidia-ngc-public/tritonserver:24.07-py3')).toBe('triton');
  });

  it('does not take Triton client SDK (-sdk) and build base (-min) tags for the server', () => {
    for (const image of ['nvcr.io/nvidia/tritonserver:24.01-py3-sdk', 'nvcr.io/nvidia/tritonserver:26.07-py3-min', 'gcr.io/nvidia-ngc-public/tritonserver:24.07-py3-SDK']) expect(software(image), image).toBeUndefined();
    for (const image of ['nvcr.io/nvidia/tritonserver:24.01-py3', 'nvcr.io/nvidia/tritonserver:24.07-vllm-python-py3', 'nvcr.io/nvidia/tritonserver', 'nvcr.io/nvidia/tritonserver:${TAG}']) expect(software(image), image).toBe('triton');
  });

  it('never matches on substrings or look-alike names', () => {
    for (const image of ['company/llama-app-frontend:1.2', 'acme/ollama-ui', 'ollama', 'ollama/ollama-extra', 'myollama/ollama', 'vllm-openai', 'registry.example.com/platform/llama-proxy:1.0', 'ghcr.io/acme/ollama-dashboard:0.4', 'qdrant/qdrant-web-ui', 'postgres:16', 'redis/redis-stack:7.2.0-v10']) {
      expect(software(image), image).toBeUndefined();
    }
  });
});

describe('catalog tables', () => {
  it('give every row a source and known categories', () => {
    for (const row of [...IMAGE_CATALOG, ...LAUNCHERS, ...MODEL_FLAGS, ...MODEL_ENV_NAMES, ...SERVING_KINDS]) expect(row.source.length).toBeGreaterThan(5);
    expect(new Set(IMAGE_CATALOG.map((r) => r.category))).toEqual(new Set(['inference', 'embedding', 'gateway', 'vector-db', 'model-ui', 'agent-platform']));
  });

  it('maps Helm chart dependencies by exact name', () => {
    expect(matchChart('qdrant')?.software).toBe('qdrant');
    expect(matchChart('Ollama')?.software).toBe('ollama');
    expect(matchChart('qdrant-operator')).toBeUndefined();
    expect(matchChart('redis')).toBeUndefined();
  });
});
