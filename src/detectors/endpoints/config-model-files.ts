/**
 * Which files the endpoints detector reads for models set in configuration (`config-models.ts`), and
 * the cheap pre-check on their text. Light on purpose (no parsers): scan workers run it on every file
 * (`src/detectors/prefilters.ts`).
 *
 * Read: `.env` files and app config files (YAML, TOML, JSON/JSONC of the names the secrets detector
 * reads). Not read: compose files, Kubernetes manifests and Helm charts (the containers detector owns
 * the model env vars of model servers), MCP client and Spring AI configs (the mcp-config detector
 * reads their models), CI workflows, recorded HTTP cassettes, and code.
 */
import picomatch from 'picomatch';
import { configFileFor } from '../mcp-config/precheck.ts';
import { hasModelStem } from '../shared/model-ids.ts';
import { fileKindOf } from '../secrets/files.ts';

export type ConfigModelSyntax = 'env' | 'yaml' | 'toml' | 'json';

const COMPOSE = picomatch(['**/{docker-,}compose*.{yml,yaml}', '**/*.compose.{yml,yaml}'], { dot: true });
const HELM = picomatch(['**/values*.{yml,yaml}', '**/Chart.{yml,yaml}', '**/templates/**', '**/charts/**', '**/helm/**'], { dot: true });
// Recorded HTTP traffic (vcrpy / VCR cassettes) holds the models a test once called, not settings.
const ELSEWHERE = picomatch(['**/cassettes/**', '**/.github/**', '**/.gitlab-ci.yml', '**/k8s/**', '**/kubernetes/**', '**/manifests/**'], { dot: true });
/** A Kubernetes manifest (or a kustomization of one): top-level `apiVersion` and `kind`. */
const MANIFEST = /^apiVersion:/m;
/** A cassette kept outside a `cassettes/` folder: its top-level `interactions` (vcrpy) or `http_interactions` (Ruby VCR). */
const CASSETTE = /^(?:http_)?interactions:/m;

/** The syntax a path is read as for models, or undefined when it is not read for them. */
export function configModelSyntax(path: string): ConfigModelSyntax | undefined {
  const kind = fileKindOf(path);
  let syntax: ConfigModelSyntax | undefined;
  if (kind === 'env') syntax = 'env';
  else if (kind !== 'config') return undefined;
  else if (/\.ya?ml$/i.test(path)) syntax = 'yaml';
  else if (/\.toml$/i.test(path)) syntax = 'toml';
  else if (/\.jsonc?$/i.test(path)) syntax = 'json';
  if (syntax === undefined || COMPOSE(path) || HELM(path) || ELSEWHERE(path) || configFileFor(path) !== undefined) return undefined;
  return syntax;
}

/** False when the file cannot set a model the detector reports: not a file read for models, or no model-id stem (`MODEL_STEMS`). */
export function mayHoldConfigModel(path: string, content: string): boolean {
  const syntax = configModelSyntax(path);
  if (syntax === undefined || !hasModelStem(content) || !/model|llm/i.test(content)) return false;
  return syntax !== 'yaml' || !(MANIFEST.test(content) || CASSETTE.test(content));
}
