import { describe, expect, it } from 'vitest';
import type { Attributes } from '../model/index.ts';
import { asset, context, ev, inventory } from './__fixtures__/build.ts';
import { AUTH_ENV, DOWNLOAD_CREDENTIALS, unauthenticatedModelServer } from './unauthenticated-model-server.ts';

const run = (name: string, attrs: Attributes, snippet = 'image: x') =>
  unauthenticatedModelServer.evaluate(context(inventory([asset('model-server', name, { category: 'inference', workload: name, ...attrs }, { evidence: [ev('docker-compose.yml', 4, snippet, 'container')] })])));

describe('unauthenticated-model-server', () => {
  it('reports ollama published on all interfaces (11434:11434) as high', () => {
    const [f] = run('ollama', { source: 'compose', ports: ['11434:11434'], exposed: true, envNames: [] });
    expect(f?.severity).toBe('high');
    expect(f?.detail).toContain('port 11434:11434 is published on all interfaces');
    expect(f?.detail).toContain('no built-in authentication');
    expect(f?.evidence[0]).toMatchObject({ path: 'docker-compose.yml', line: 4 });
    // The service is only named when it tells something the server name does not.
    expect(f?.title).toBe('Model server "ollama" is exposed without authentication');
    expect(run('localai', { source: 'compose', workload: 'api', ports: ['8080:8080'], exposed: true })[0]?.title).toBe('Model server "localai" (service "api") is exposed without authentication');
  });

  it('reports 0.0.0.0 ports even when exposure was not decided', () => {
    expect(run('ollama', { source: 'compose', ports: ['0.0.0.0:11434:11434'] })[0]?.detail).toContain('0.0.0.0:11434:11434 listens on all interfaces');
  });

  it('does not report a port bound to loopback (near miss) or a Dockerfile that cannot tell', () => {
    expect(run('ollama', { source: 'compose', ports: ['127.0.0.1:11434:11434'], exposed: false })).toEqual([]);
    expect(run('vllm', { source: 'dockerfile', ports: ['8000'] })).toEqual([]);
  });

  it('reports vllm without --api-key, not with VLLM_API_KEY or --api-key', () => {
    expect(run('vllm', { source: 'kubernetes', ports: ['8000'], exposed: true, envNames: ['HF_TOKEN'] })).toHaveLength(1);
    expect(run('vllm', { source: 'kubernetes', ports: ['8000'], exposed: true, envNames: ['VLLM_API_KEY'] })).toEqual([]);
    expect(run('vllm', { source: 'compose', ports: ['8000:8000'], exposed: true }, 'command: ["--model", "m", "--api-key", "[redacted]"]')).toEqual([]);
  });

  it('reports a NIM published with NGC_API_KEY: a download credential is not authentication', () => {
    const [f] = run('nim', { source: 'compose', image: 'nvcr.io/nim/meta/llama3-8b-instruct:1.0.3', ports: ['8000:8000'], exposed: true, envNames: ['NGC_API_KEY'] });
    expect(f?.detail).toBe('port 8000:8000 is published on all interfaces, and no API key is configured (nim has no built-in authentication: it needs a proxy in front). NGC_API_KEY downloads images and weights; it does not authenticate API calls.');
    expect(run('tgi', { source: 'kubernetes', exposed: true, envNames: ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN'] })[0]?.detail).toBe('kubernetes exposes it outside the host (service or host networking), and no API key is configured. HF_TOKEN, HUGGING_FACE_HUB_TOKEN download images and weights; they do not authenticate API calls.');
    // Near miss: TGI's own API_KEY next to the download token still authenticates.
    expect(run('tgi', { source: 'kubernetes', exposed: true, envNames: ['API_KEY', 'HF_TOKEN'] })).toEqual([]);
  });

  it('counts no download credential as server authentication for any software', () => {
    for (const [software, names] of Object.entries(AUTH_ENV)) expect((names ?? []).filter((n) => DOWNLOAD_CREDENTIALS.has(n)), software).toEqual([]);
  });
});
