/**
 * unauthenticated-model-server: self-hosted model servers reachable from outside the host with no
 * authentication configured.
 *
 * Exposure comes from the containers detector: `exposed: true` (a compose port published on all
 * interfaces, `network_mode: host`, a LoadBalancer/NodePort Service, `hostPort`, Helm `service.type`)
 * or a port written with `0.0.0.0:`. A port bound to loopback (`127.0.0.1:11434:11434`) is not exposed;
 * Dockerfiles never tell, so their servers are not judged. Authentication is recognised by the env
 * names that carry an API key for that software (`VLLM_API_KEY`, `LITELLM_MASTER_KEY`, ...) or an
 * `--api-key` flag on an evidence line; servers with no built-in auth (ollama, triton, tei, nim) always
 * need a proxy in front. Credentials that only download images or weights (`NGC_API_KEY`, `HF_TOKEN`)
 * never count: the server still answers anyone.
 */
import type { Asset, Finding } from '../model/index.ts';
import { makeFinding, pickEvidence, quoted, str, strings } from './helpers.ts';
import type { Policy, PolicyContext } from './types.ts';

/**
 * How each server software is given an API key for its own API; `undefined` = no built-in
 * authentication. Only names the server checks on incoming requests belong here (each server's docs).
 * NIM: NVIDIA's NIM security pages say the developer must secure the endpoint (proxy, TLS); its
 * `NGC_API_KEY` pulls the image and weights from NGC.
 */
export const AUTH_ENV: Readonly<Record<string, readonly string[] | undefined>> = {
  vllm: ['VLLM_API_KEY'],
  sglang: ['SGLANG_API_KEY'],
  litellm: ['LITELLM_MASTER_KEY'],
  localai: ['API_KEY', 'LOCALAI_API_KEY'],
  'llama.cpp': ['LLAMA_API_KEY', 'LLAMA_ARG_API_KEY'],
  tgi: ['API_KEY'],
  nim: undefined,
  ollama: undefined,
  triton: undefined,
  tei: undefined,
};

/**
 * Registry and hub credentials: the container uses them to download images and weights, and nobody
 * calling the server is asked for them. Never authentication, whatever the server (no `AUTH_ENV` row
 * may name one: checked by the tests); the finding names them, since they read like API keys.
 */
export const DOWNLOAD_CREDENTIALS: ReadonlySet<string> = new Set([
  'NGC_API_KEY', 'NGC_CLI_API_KEY',
  'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HUGGINGFACE_HUB_TOKEN', 'HF_API_TOKEN',
  'MODELSCOPE_API_TOKEN',
]);
const AUTH_FLAG = /--api-keys?\b|--api-key-file\b|--auth\b/;
const ALL_INTERFACES = /^(?:0\.0\.0\.0|\[?::\]?):/;

/** Why the server counts as reachable from outside, or undefined. */
function exposure(server: Asset): string | undefined {
  const ports = strings(server.attributes, 'ports');
  const open = ports.filter((p) => ALL_INTERFACES.test(p.trim()));
  if (open.length > 0) return `port ${open.join(', ')} listens on all interfaces`;
  if (server.attributes['exposed'] !== true) return undefined;
  const published = ports.filter((p) => p.includes(':') && !/^(?:127\.|localhost|\[?::1\]?)/.test(p.trim()));
  const source = str(server.attributes, 'source');
  if (published.length > 0) return `port ${published.join(', ')} is published on all interfaces`;
  return `${source ?? 'its deployment'} exposes it outside the host (${str(server.attributes, 'networkMode') ?? 'service or host networking'})`;
}

function authenticated(server: Asset): boolean {
  const envNames = strings(server.attributes, 'envNames');
  const keys = AUTH_ENV[server.name];
  if (keys?.some((k) => envNames.includes(k)) === true) return true;
  return server.evidence.some((e) => AUTH_FLAG.test(e.snippet ?? ''));
}

/** ` NGC_API_KEY downloads images and weights; it does not authenticate API calls.`, or nothing: it reads like an API key. */
function downloadOnlyNote(server: Asset): string {
  const names = strings(server.attributes, 'envNames').filter((n) => DOWNLOAD_CREDENTIALS.has(n));
  if (names.length === 0) return '';
  return names.length === 1
    ? ` ${names.join('')} downloads images and weights; it does not authenticate API calls.`
    : ` ${names.join(', ')} download images and weights; they do not authenticate API calls.`;
}

/** ` (service "api")`, ` (Deployment/vllm)`, or nothing when the workload is named like the server. */
function workloadLabel(server: Asset): string {
  const workload = str(server.attributes, 'workload') ?? server.nativeId;
  if (workload === undefined || workload === server.name) return '';
  return str(server.attributes, 'source') === 'compose' ? ` (service "${workload}")` : ` (${workload})`;
}

export const unauthenticatedModelServer: Policy = {
  id: 'unauthenticated-model-server',
  version: '1.1.0',
  severity: 'high',
  title: 'Self-hosted model server exposed without authentication',
  rationale:
    'Inference servers answer anyone who can reach them: exposed Ollama and vLLM ports are scanned for continuously and used for free compute, model theft (Ollama can push and delete models) and as a pivot into the network.',
  remediation:
    'Bind the port to loopback (`127.0.0.1:11434:11434`) or an internal network, use a ClusterIP Service, and put an authenticating reverse proxy in front; where the server supports it, set an API key (`--api-key` / `VLLM_API_KEY`, `LITELLM_MASTER_KEY`).',
  frameworks: ['nist-ai-rmf:MEASURE-2.7', 'owasp-llm:LLM10', 'mitre-atlas:AML.T0040', 'mitre-atlas:AML.T0049', 'mitre-atlas:AML.T0034'],
  evaluate(ctx: PolicyContext): Finding[] {
    const out: Finding[] = [];
    for (const server of ctx.inventory.assets) {
      if (server.kind !== 'model-server') continue;
      const why = exposure(server);
      if (why === undefined || authenticated(server)) continue;
      const builtIn = Object.hasOwn(AUTH_ENV, server.name) && AUTH_ENV[server.name] === undefined;
      out.push(
        makeFinding(unauthenticatedModelServer, ctx, {
          asset: server,
          title: `Model server ${quoted(server)}${workloadLabel(server)} is exposed without authentication`,
          detail: `${why}, and no API key is configured${builtIn ? ` (${server.name} has no built-in authentication: it needs a proxy in front)` : ''}.${downloadOnlyNote(server)}`,
          evidence: pickEvidence([server.evidence]),
        }),
      );
    }
    return out;
  },
};
