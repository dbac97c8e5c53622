/**
 * Evidence: where and how an asset or relationship was seen. Every asset carries at least one.
 * Snippets are redacted before they are stored (see `redactSnippet`).
 */

/** How the observation was made (DESIGN.md §3). */
export const TECHNIQUES = [
  'manifest',
  'import',
  'call-site',
  'config',
  'iac',
  'container',
  'model-header',
  'api',
  'audit-log',
  'egress-log',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** `declared`: written down as such (a manifest entry, a literal model id); `inferred`: deduced. */
export const CONFIDENCES = ['declared', 'inferred'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface Evidence {
  /** Repo-relative POSIX path of the file. */
  readonly path?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 0-based notebook cell index, for .ipynb evidence (line is then relative to the cell). */
  readonly cell?: number;
  /** The line (or fragment) as written, trimmed and redacted, at most 200 characters. */
  readonly snippet?: string;
  readonly url?: string;
  readonly technique: Technique;
  readonly confidence: Confidence;
  /** Id of the detector or connector that produced it. */
  readonly detector: string;
}

const MAX_SNIPPET = 200;
/** Input looked at: keys are under 300 characters, so nothing kept (the first 200) can be a cut key. */
const MAX_INPUT = 1000;

/**
 * Keys that look like provider secrets (the formats of src/detectors/secrets/catalog.ts, plus AWS
 * and GitHub). The snippet keeps the prefix and hides the rest, so evidence never carries a usable
 * key even when a detector quotes a line that holds one.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(sk-(?:proj-|svcacct-|service-|admin-|ant-(?:api|admin|oat|ort)\d\d-|or-v1-|lf-)?|sk_(?:live_|test_)?)[A-Za-z0-9_-]{16,}/g,
  /\b(hf_|api_org_|gsk_|fw_)[A-Za-z0-9]{20,}/g,
  /\b(pplx-|xai-|lsv2_(?:pt|sk)_)[A-Za-z0-9_]{20,}/g,
  /\b(r8_|nvapi-)[A-Za-z0-9_-]{20,}/g,
  /\b(AIza)[A-Za-z0-9_-]{30,}/g,
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\b(ghp_|gho_|ghs_|github_pat_)[A-Za-z0-9_]{20,}/g,
];

/** Prefix-less keys (Cohere 40, Mistral 32, Azure OpenAI 32 hex): whole runs of exactly 32 or 40. */
const BARE_KEY = /(?<![A-Za-z0-9_-])(?:[A-Za-z0-9]{32}|[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/g;
const KEYISH = /key|token|secret|passw|auth|cohere|mistral|azure/i;
/** `scheme://user:password@` (a bare `git@` is kept: it is no secret). */
const URL_USERINFO = /(\b[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/)([^\s/@"'`<>]{1,200})@/g;

function redactBare(text: string): string {
  const keyish = KEYISH.test(text);
  return text.replace(BARE_KEY, (run) => {
    const mixed = /[0-9]/.test(run) && /[A-Za-z]/.test(run);
    // Lower-case hex (git SHAs, MD5s) is hidden only on a line about keys; mixed-case runs always.
    return mixed && (keyish || (/[A-Z]/.test(run) && /[a-z]/.test(run))) ? '…[redacted]' : run;
  });
}

/**
 * A quoted value assigned to a name that ends in a credential word (`api_key="…"`, `"password": '…'`,
 * `client_secret => "…"`, `accessToken: "…"`): hidden whatever its shape, so a password that looks
 * like no provider's key is not quoted either. One token of 6–200 characters without spaces (prose
 * is not a credential); the quote is matched back, nothing nests, so the scan stays linear.
 */
const ASSIGNED_SECRET = /((?:api[-_]?key|apikey|secret|token|passw(?:or)?d|pwd|credentials?|access[-_]?key)["'\]]{0,2}\s{0,8}(?:=>|:=|=|:)\s{0,8})(["'`])([^"'`\s\\]{6,200})\2/gi;
/** Values that are not credentials: a number, a template or reference, a placeholder. */
const NOT_A_CREDENTIAL = /^(?:\d+|[$%{<#].*|.*(?:x{4}|your|example|change|dummy|fake|sample|placeholder|redacted|…).*)$/i;
/**
 * An environment variable's name (`api_key_env = "OPENAI_API_KEY"`, `getenv("DB_PASS")`): upper case,
 * as such names are written. A name is no secret: evidence keeps it.
 */
export const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;

function redactAssigned(text: string): string {
  return text.replace(ASSIGNED_SECRET, (all, head: string, quote: string, value: string) => {
    if (ENV_VAR_NAME.test(value) || NOT_A_CREDENTIAL.test(value)) return all;
    return `${head}${quote}…[redacted]${quote}`;
  });
}

/**
 * A credential written after an HTTP auth scheme (`Authorization: Bearer eyJ…`, `Basic dXNlcjpw…`) or
 * as a URL's query parameter (`?api_key=…`, `&token=…`, `&sig=…`), whatever its shape and length. A
 * token is RFC 6750's b64token (`=` only as padding: `bearer MODEL=…` is an assignment); a Bearer
 * token must hold a digit (`Bearer authentication` is prose); a Basic token must be base64
 * (user:password, which may hold no digit) with a digit, an inner capital or padding, and not a word
 * or CamelCase name (`Basic settings`, `Basic InferenceService`, `Basic gpt-4o-mini` stay);
 * references, placeholders and keys already cut to their public prefix stay. Each match starts at
 * a scheme word and reads one run: linear.
 */
const AUTH_SCHEME = /(\b(?:[Bb]earer|Basic)\s{1,8})([A-Za-z0-9._~+/-]{8,}={0,2})(?![A-Za-z0-9._~+/=…-])/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** A word or a CamelCase name (`settings`, `InferenceService`): prose after Basic, not base64. */
const WORDS = /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*$/;

function isBasicCredential(value: string): boolean {
  return value.length % 4 === 0 && BASE64.test(value) && !WORDS.test(value) && /\d|[a-z][A-Z]|=$/.test(value);
}

/**
 * A query parameter (after `?`, `&` or the `;` of `&amp;`) named `key`, `sig`, `code`, `auth`, or
 * ending in a credential word (`client_secret`, `X-Amz-Security-Token`, `subscription-key`); not
 * `sort_key` or `country_code`. The name's head is bounded and starts only at a separator.
 */
const QUERY_SECRET =
  /([?&;](?:key|sig|code|auth|(?:[A-Za-z0-9_-]{0,40}[-_])?(?:(?:api|access|account|subscription|private|secret)[-_]?key|token|secret|signature|password))=)([^&;\s"'`#]{6,})/gi;

function redactInline(text: string): string {
  const hide = (all: string, head: string, value: string): string => (NOT_A_CREDENTIAL.test(value) ? all : `${head}…[redacted]`);
  return text
    .replace(AUTH_SCHEME, (all, head: string, value: string) =>
      (head.startsWith('Basic') ? isBasicCredential(value) : /\d/.test(value)) ? hide(all, head, value) : all,
    )
    .replace(QUERY_SECRET, hide);
}

/** Replaces anything that looks like a secret with its prefix plus `…[redacted]`; nothing else changes. */
function scrubSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '$1…[redacted]');
  out = redactAssigned(out);
  out = redactInline(out);
  out = redactBare(out);
  return out.replace(URL_USERINFO, (all, scheme: string, user: string) => (user === 'git' || user === '…[redacted]' ? all : `${scheme}…[redacted]@`));
}

/** Replaces anything that looks like a secret with its prefix plus `…[redacted]`, then trims. */
export function redactSnippet(text: string): string {
  let out = text.trim();
  if (out.length > MAX_INPUT) out = out.slice(0, MAX_INPUT);
  out = scrubSecrets(out);
  if (out.length > MAX_SNIPPET) out = `${out.slice(0, MAX_SNIPPET - 1)}…`;
  return out;
}

/**
 * An attribute value with every key-shaped string scrubbed (nested lists and maps included), the
 * last line of defence for values a detector copied from a file: a setting that turned out to hold
 * a key never reaches the inventory, the store or an output. Strings are not trimmed or cut.
 */
export function redactAttributeValue<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (value.length > 12 ? scrubSecrets(value) : value) as T;
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => redactAttributeValue(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: redactAttributeValue(v, depth + 1), enumerable: true, writable: true, configurable: true });
  return out as T;
}

/** Total order used to sort evidence lists deterministically. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    cmp(a.path ?? '', b.path ?? '') ||
    (a.cell ?? -1) - (b.cell ?? -1) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    cmp(a.technique, b.technique) ||
    cmp(a.detector, b.detector) ||
    cmp(a.snippet ?? '', b.snippet ?? '') ||
    cmp(a.url ?? '', b.url ?? '') ||
    cmp(a.confidence, b.confidence)
  );
}

/** Key used to drop duplicate evidence entries when assets merge. */
export function evidenceKey(e: Evidence): string {
  return [e.path, e.cell, e.line, e.technique, e.detector, e.snippet, e.url].join('\u0000');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
