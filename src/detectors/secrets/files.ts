/**
 * Which files the secrets and endpoints detectors read, and what kind each is. Markdown and other
 * prose are never read (a key in a README is a documentation example far more often than a leak,
 * and prose is not evidence). JSON is limited to config-like names: data files (datasets, fixtures,
 * GeoJSON, lock files) are large, many, and rarely where a key is configured.
 */
import picomatch from 'picomatch';

export type FileKind = 'env' | 'code' | 'config' | 'notebook';

const ENV = ['**/.env', '**/.env.*', '**/*.env'];
const NOTEBOOK = ['**/*.ipynb'];
const CODE = [
  '**/*.{py,pyw,js,mjs,cjs,jsx,tsx,mts,cts,vue,svelte,astro}',
  '**/!(*.d).ts',
  '**/*.{go,java,kt,kts,scala,groovy,rb,php,cs,fs,rs,swift,dart,r,R,jl,lua,ex,exs,pl}',
  '**/*.{sh,bash,zsh,ps1}',
];
const CONFIG = [
  '**/!(pnpm-lock).{yaml,yml}',
  '**/*.{toml,ini,cfg,conf,properties,tf,tfvars,hcl,jsonc}',
  '**/{Dockerfile,Containerfile}',
  '**/*.dockerfile',
  '**/Dockerfile.*',
  '**/*{config,settings,secret,secrets,credential,credentials}*.json',
  '**/{mcp,.mcp,env,.env,appsettings,local.settings}*.json',
];

/** Globs of every file either detector reads. */
export const SECRET_FILE_PATTERNS: readonly string[] = [...ENV, ...NOTEBOOK, ...CODE, ...CONFIG];

const isEnv = picomatch(ENV, { dot: true });
const isNotebook = picomatch(NOTEBOOK, { dot: true });
const isCode = picomatch(CODE, { dot: true });

/** The kind of a repo-relative path (config for anything matched but not env, notebook or code). */
export function fileKindOf(path: string): FileKind {
  if (isNotebook(path)) return 'notebook';
  if (isEnv(path)) return 'env';
  if (isCode(path)) return 'code';
  return 'config';
}

/** True for shell scripts and Dockerfiles: code whose values are written like config (`NAME=value`). */
export function isShellLike(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /\.(?:sh|bash|zsh|ps1)$/.test(name) || /^(?:Dockerfile|Containerfile)(?:\..*)?$|\.dockerfile$/.test(name);
}
