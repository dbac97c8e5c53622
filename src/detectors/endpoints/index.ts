/**
 * The endpoints detector: AI API hosts and base URLs written in code, config, `.env` files and
 * notebook code cells (`https://api.openai.com/v1`, `https://<name>.openai.azure.com`,
 * `bedrock-runtime.<region>.amazonaws.com`, `http://localhost:11434`, `OPENAI_BASE_URL=...`).
 * Each becomes an `endpoint` asset keyed by its normalized host (plus port, plus the path prefix
 * of a gateway). Relationships (`system CALLS endpoint`) come with systems; none are invented here.
 */
import type { Attributes, Diagnostic } from '../../model/index.ts';
import { envStyleName } from '../secrets/assignment.ts';
import { evidenceAt, ResultBuilder } from '../shared/build.ts';
import { fileKindOf, isShellLike, SECRET_FILE_PATTERNS, type FileKind } from '../secrets/files.ts';
import { Lines } from '../secrets/lines.ts';
import { notebookParts } from '../secrets/notebook.ts';
import type { Detector, SourceFile } from '../types.ts';
import { emitModel } from '../mcp-config/emit.ts';
import { CONFIG_MODEL_GLOBS, CONFIG_MODEL_ONLY_PATTERNS, configModelSyntax, mayHoldConfigModel, ownedPrefix } from './config-model-files.ts';
import { readConfigModels } from './config-models.ts';
import { ENDPOINT_LITERALS, findEndpoints, mayHoldEndpoint, type EndpointHit } from './find.ts';
import { cleanUrl } from './url.ts';

export const ENDPOINTS_DETECTOR_ID = 'endpoints';

/** Characters of context kept either side of the URL in a snippet. */
const AROUND = 60;

interface Part {
  readonly text: string;
  readonly kind: FileKind;
  readonly cell?: number;
}

/** Asset key: host, non-default port, and for gateways the first path segments. */
export function endpointKey(hit: EndpointHit): string {
  const { url, row } = hit;
  const port = url.port === undefined || url.port === '443' || url.port === '80' ? '' : `:${url.port}`;
  // Template placeholders in a gateway path (`/v1/${accountId}/${gateway}`) are read as `*`.
  const segments = row?.keyPath ? url.path.split('/').filter(Boolean).slice(0, row.keyPath).map((s) => (/[{}$<>]/.test(s) ? '*' : s)) : [];
  return [`${url.normalized}${port}`, ...segments].join('/');
}

function attributesOf(hit: EndpointHit): Attributes {
  const region = hit.row?.host.exec(hit.url.normalized)?.groups?.['region'];
  const env = envStyleName(hit.envName);
  return {
    ...(hit.row === undefined && hit.env?.api !== undefined ? { api: hit.env.api } : {}),
    kind: hit.row?.kind ?? hit.env?.kind ?? 'self-hosted',
    urls: [cleanUrl(hit.url)],
    ...(region === undefined || region.includes('*') ? {} : { region }),
    ...(env === undefined ? {} : { envNames: [env] }),
  };
}

function snippetOf(lines: Lines, hit: EndpointHit): string {
  return lines.window(hit.line, hit.column - AROUND, hit.column + (hit.url.end - hit.url.start) + AROUND);
}

function record(file: SourceFile, part: Part, hits: readonly EndpointHit[], out: ResultBuilder): void {
  const lines = new Lines(part.text);
  const seen = new Set<string>();
  for (const hit of hits) {
    const key = endpointKey(hit);
    if (seen.has(`${key}@${hit.line}`)) continue;
    seen.add(`${key}@${hit.line}`);
    const technique = part.kind === 'code' || part.kind === 'notebook' ? 'call-site' : 'config';
    const provider = hit.row ? hit.row.provider : hit.env?.provider;
    out.asset(file, {
      kind: 'endpoint',
      key,
      name: key,
      ...(provider === undefined ? {} : { provider }),
      attributes: attributesOf(hit),
      evidence: [evidenceAt(file, ENDPOINTS_DETECTOR_ID, technique, hit.url.placeholder ? 'inferred' : 'declared', hit.line, snippetOf(lines, hit), part.cell)],
    });
  }
}

function partsOf(file: SourceFile, kind: FileKind): Part[] {
  if (kind !== 'notebook') return [{ text: file.content, kind }];
  const nb = notebookParts(file.content);
  // A broken notebook is reported by the notebooks and secrets detectors; a third diagnostic adds nothing.
  if (!nb.ok) return [];
  // Code cells only: URLs in outputs (tracebacks, logs) say what ran once, not what is configured.
  return nb.parts.filter((p) => p.origin === 'source').map((p) => ({ text: p.text, kind, cell: p.cell }));
}

function limitReached(file: SourceFile): Diagnostic {
  return { connector: ENDPOINTS_DETECTOR_ID, level: 'warn', code: 'limit-reached', message: 'too many endpoint candidates; the rest of the file was not searched', location: { path: file.path } };
}

/** The detector's pre-check: an endpoint host or base-URL variable anywhere, or a model key word in a config file read for models. */
export function mayFindEndpointsOrModels(path: string, content: string): boolean {
  return mayHoldEndpoint(content) || mayHoldConfigModel(path, content);
}

/**
 * Finds AI endpoint hosts and base URLs in one file, and the models env and app config files set
 * (`config-models.ts`); null when there are none. Never throws on bad input.
 */
export function detectEndpoints(file: SourceFile): ReturnType<Detector['detect']> {
  // Each check once: on a large config file that only a model-id stem let through, the endpoint
  // check is most of the detector's time, and it found nothing the first time.
  const holdsEndpoint = mayHoldEndpoint(file.content);
  const syntax = mayHoldConfigModel(file.path, file.content) ? configModelSyntax(file.path) : undefined;
  if (!holdsEndpoint && syntax === undefined) return null;
  const out = new ResultBuilder();
  if (syntax !== undefined) {
    for (const m of readConfigModels(file.content, syntax, ownedPrefix(file.path))) emitModel(file, m, { sources: [`${syntax === 'env' ? 'env' : 'config'}:${m.setting}`] }, out, ENDPOINTS_DETECTOR_ID);
  }
  if (!holdsEndpoint) return out.result();
  const kind = fileKindOf(file.path);
  const shellLike = isShellLike(file.path);
  for (const part of partsOf(file, kind)) {
    const found = findEndpoints(part.text, part.kind, shellLike);
    record(file, part, found.hits, out);
    if (found.limited) out.diagnostic(limitReached(file));
  }
  return out.result();
}

/** Registered detector for AI endpoints. */
export const endpointsDetector: Detector = {
  id: ENDPOINTS_DETECTOR_ID,
  displayName: 'AI API endpoints',
  patterns: [...SECRET_FILE_PATTERNS, ...CONFIG_MODEL_ONLY_PATTERNS],
  literals: ENDPOINT_LITERALS,
  // Files read for models pass without a literal: an id needs no host or model-id stem (`MODEL=o3`).
  ungated: CONFIG_MODEL_GLOBS,
  detect: detectEndpoints,
};
