import { describe, expect, it } from 'vitest';
import { detectOne, namesOf, summarize } from './test-helpers.ts';

describe('Dockerfiles', () => {
  it('FROM a Triton -sdk (client SDK) or -min (build base) image is no model server', () => {
    const s = summarize('Dockerfile.sdk', [
      'ARG BASE_IMAGE=nvcr.io/nvidia/tritonserver:24.07-py3-min',
      'FROM ${BASE_IMAGE} AS sdk_build',
      'RUN pip install tritonclient[all]',
      'FROM nvcr.io/nvidia/tritonserver:24.07-py3-sdk',
      'COPY --from=sdk_build /workspace/install /workspace/install',
      'CMD ["perf_analyzer", "-m", "simple"]',
    ].join('\n'));
    expect(s.assets).toEqual([]);
  });

  it('FROM with --platform, an ARG default in the tag, a stage alias; exec CMD flags name the model', () => {
    const s = summarize('serve/Dockerfile', [
      'ARG VLLM_VERSION=v0.6.3',
      'FROM --platform=$BUILDPLATFORM vllm/vllm-openai:${VLLM_VERSION} AS server',
      'ENV HF_HOME=/models \\',
      '    MODEL_ID=meta-llama/Llama-3.1-8B-Instruct',
      'EXPOSE 8000/tcp',
      'CMD ["--model", "meta-llama/Llama-3.1-8B-Instruct", "--served-model-name", "chat"]',
    ].join('\n'));
    expect(s.assets.filter((a) => a.kind === 'model-server')).toEqual([{
      kind: 'model-server', name: 'vllm',
      attributes: { category: 'inference', image: 'vllm/vllm-openai:v0.6.3', tag: 'v0.6.3', workload: 'serve/Dockerfile', source: 'dockerfile', ports: ['8000/tcp'], envNames: ['HF_HOME', 'MODEL_ID'], stage: 'server' },
    }]);
    expect(namesOf(s, 'model')).toEqual(['meta-llama/Llama-3.1-8B-Instruct']);
    expect(s.assets.find((a) => a.kind === 'model')?.attributes).toEqual({ sources: ['arg:--model', 'env:MODEL_ID'] });
    expect(s.edges).toEqual(['vllm SERVES meta-llama/Llama-3.1-8B-Instruct']);
  });

  it('a launcher in a plain Python image; the model through an ARG default is inferred', () => {
    const r = detectOne('Dockerfile.worker', [
      'FROM python:3.11-slim',
      'ARG MODEL=Qwen/Qwen2.5-7B-Instruct',
      'RUN pip install vllm',
      'CMD python -m vllm.entrypoints.openai.api_server \\',
      '      --model ${MODEL} --port 8001',
    ].join('\n'));
    const server = r?.assets.find((a) => a.kind === 'model-server');
    expect([server?.name, server?.attributes.image, server?.evidence[0]?.line, server?.evidence[0]?.confidence]).toEqual(['vllm', 'python:3.11-slim', 4, 'declared']);
    const model = r?.assets.find((a) => a.kind === 'model');
    expect([model?.name, model?.evidence[0]?.line, model?.evidence[0]?.confidence, model?.evidence[0]?.technique]).toEqual(['Qwen/Qwen2.5-7B-Instruct', 5, 'inferred', 'container']);
  });

  it('ollama pull in RUN, a stage built FROM an earlier stage, legacy ENV form', () => {
    const s = summarize('ollama.dockerfile', [
      'FROM ollama/ollama:0.3.14 AS base',
      'ENV OLLAMA_HOST 0.0.0.0',
      'FROM base',
      'RUN ollama serve & sleep 5 && ollama pull llama3.1:8b && ollama pull mistral',
    ].join('\n'));
    expect(s.assets.filter((a) => a.kind === 'model-server').map((a) => [a.name, a.attributes.envNames, a.attributes.image])).toEqual([['ollama', ['OLLAMA_HOST'], 'ollama/ollama:0.3.14']]);
    expect(namesOf(s, 'model')).toEqual(['llama3.1:8b', 'mistral']);
  });

  it('a stage only used by COPY --from is a build helper, not a deployment', () => {
    const s = summarize('Dockerfile', ['FROM ollama/ollama:latest AS ollama', 'FROM debian:12', 'COPY --from=ollama /bin/ollama /usr/bin/ollama'].join('\n'));
    expect(s.assets).toEqual([]);
  });

  it('comments and blank lines inside continuations, heredocs, shell-form ENTRYPOINT', () => {
    const s = summarize('Containerfile', [
      'FROM ghcr.io/ggml-org/llama.cpp:server',
      'RUN <<EOF',
      'echo preparing',
      'EOF',
      'ENTRYPOINT /app/llama-server \\',
      '  # the model repository',
      '',
      '  --hf-repo bartowski/Llama-3.2-3B-Instruct-GGUF --port 8080',
    ].join('\n'));
    expect(namesOf(s, 'model-server')).toEqual(['llama.cpp']);
    expect(namesOf(s, 'model')).toEqual(['bartowski/Llama-3.2-3B-Instruct-GGUF']);
  });

  it('traps: unrelated images, template text, unexpanded variables, model file paths', () => {
    const s = summarize('Dockerfile', [
      'FROM node:20-alpine AS build',
      'RUN npm run build -- --model {{ model }}',
      'FROM company/llama-app-frontend:1.2',
      'ENV MODEL_ID=${MODEL_ID} MODEL_NAME=User',
      'CMD ["node", "server.js", "--model", "/models/llama-2-7b.Q4_K_M.gguf"]',
    ].join('\n'));
    expect(s).toEqual({ assets: [], edges: [], diagnostics: [] });
  });

  it('a file that names nothing in the catalogs is not parsed', () => {
    expect(detectOne('Dockerfile', 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n')).toBeNull();
  });
});
