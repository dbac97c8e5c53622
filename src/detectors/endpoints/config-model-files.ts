/**
 * Which files the endpoints detector reads for models set in configuration (`config-models.ts`), and
 * the cheap pre-check on their text. Light on purpose (no parsers): scan workers run it on every file
 * (`src/detectors/prefilters.ts`).
 *
 * Read: `.env` files and app config files (YAML, TOML, JSON/JSONC of the names the secrets detector
 * reads, ARM/azd `*.parameters.json`, Java `.properties`). Not read: compose files, Kubernetes manifests and Helm charts (the
 * containers detector owns the model env vars of model servers), MCP client configs (the mcp-config
 * detector reads their models; of Spring Boot `application.*` files it owns only the `spring.ai.*`
 * keys), CI workflows, recorded HTTP cassettes, and code.
 */
import picomatch from 'picomatch';
import type { ConfigFileRow } from '../mcp-config/catalog.ts';
import { configFileFor } from '../mcp-config/precheck.ts';
import { fileKindOf } from '../secrets/files.ts';

export type ConfigModelSyntax = 'env' | 'yaml' | 'toml' | 'json' | 'properties';

/**
 * Globs of every path read for models (a superset of the paths `configModelSyntax` takes among the
 * detector's own). The detector's literal gate is lifted there (`Detector.ungated`): a model id needs
 * no endpoint host or model-id stem in the file (`OPENAI_MODEL=o3`, `model: glm-4`), and these files
 * are few next to code, so the gate keeps only the endpoint literals.
 */
export const CONFIG_MODEL_GLOBS: readonly string[] = [
  '**/.env', '**/.env.*', '**/*.env', '**/*.{yaml,yml,toml,jsonc,properties}',
  '**/*{config,settings,secret,secrets,credential,credentials}*.json', '**/{mcp,.mcp,env,.env,appsettings,local.settings}*.json',
  '**/*.parameters.json',
];

/**
 * Files read for models only, beyond the secrets detector's files: ARM and Azure Developer CLI
 * parameter files (`infra/main.parameters.json`, `azuredeploy.parameters.json`), where azd templates
 * set the model they deploy (`"chatGptModelName": {"value": "${AZURE_OPENAI_CHATGPT_MODEL=gpt-4o-mini}"}`).
 */
export const CONFIG_MODEL_ONLY_PATTERNS: readonly string[] = ['**/*.parameters.json'];

const COMPOSE = picomatch(['**/{docker-,}compose*.{yml,yaml}', '**/*.compose.{yml,yaml}'], { dot: true });
const HELM = picomatch(['**/values*.{yml,yaml}', '**/Chart.{yml,yaml}', '**/templates/**', '**/charts/**', '**/helm/**'], { dot: true });
// Recorded HTTP traffic (vcrpy / VCR cassettes) holds the models a test once called, not settings;
// a static site's data files (Jekyll `_data/`) hold what a page shows, such as benchmark results.
const ELSEWHERE = picomatch(['**/cassettes/**', '**/_data/**', '**/.github/**', '**/.gitlab-ci.yml', '**/k8s/**', '**/kubernetes/**', '**/manifests/**'], { dot: true });
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
  else if (/\.properties$/i.test(path)) syntax = 'properties';
  if (syntax === undefined || COMPOSE(path) || HELM(path) || ELSEWHERE(path)) return undefined;
  const owner = configFileFor(path);
  return owner === undefined || isSpringApp(owner) ? syntax : undefined;
}

const isSpringApp = (row: ConfigFileRow): boolean => row.shape === 'spring-ai' && row.syntax !== 'jsonc';

/**
 * Keys another detector reads in this file, as a dotted prefix: `spring.ai.` in a Spring Boot
 * `application.yml`/`.properties` (the mcp-config detector's Spring AI reader); the file's other keys
 * (`langchain4j.open-ai.chat-model.model-name`, `quarkus.langchain4j.*`) are read here.
 */
export function ownedPrefix(path: string): string | undefined {
  const owner = configFileFor(path);
  return owner !== undefined && isSpringApp(owner) ? 'spring.ai.' : undefined;
}

/**
 * False when the file cannot set a model the detector reports: not a file read for models, or no
 * key that could name one (`namesModel` needs the word `model` or `llm`).
 */
export function mayHoldConfigModel(path: string, content: string): boolean {
  // The word first: one pass over the text costs less than the path's globs.
  if (!/model|llm/i.test(content)) return false;
  const syntax = configModelSyntax(path);
  if (syntax === undefined) return false;
  return syntax !== 'yaml' || !(MANIFEST.test(content) || CASSETTE.test(content));
}
