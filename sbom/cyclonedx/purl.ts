/**
 * Package URLs (purl-spec) for SDK packages and Hugging Face models. A purl carries a version only
 * when the scan saw exactly one exact pin: a range (`^5.1.1`, `>=0.5`) is not a version, and a made
 * up one would send vulnerability matching to the wrong release.
 */

/** purl types of the ecosystems aimap's manifests detector reports (`attributes.ecosystem`). */
const PURL_TYPES: Readonly<Record<string, string>> = {
  npm: 'npm', pypi: 'pypi', go: 'golang', golang: 'golang', maven: 'maven', gem: 'gem', rubygems: 'gem',
  cargo: 'cargo', crates: 'cargo', nuget: 'nuget',
};

/** Name split the CycloneDX way: npm scope / Maven groupId as `group`, the rest as `name`. */
export interface PackageName {
  readonly group?: string;
  readonly name: string;
}

/** A purl segment: percent-encoded, so `@`, `+`, `:` and `/` inside it stay literal. */
const enc = (s: string): string => encodeURIComponent(s);

/** Splits a package name into group and name as CycloneDX components carry them. */
export function splitPackageName(ecosystem: string, raw: string): PackageName {
  if (ecosystem === 'npm' && raw.startsWith('@') && raw.includes('/')) {
    const at = raw.indexOf('/');
    return { group: raw.slice(0, at), name: raw.slice(at + 1) };
  }
  if (ecosystem === 'maven' && raw.includes(':')) {
    const at = raw.indexOf(':');
    return { group: raw.slice(0, at), name: raw.slice(at + 1) };
  }
  return { name: raw };
}

/** The purl of a package, or undefined for an ecosystem purl-spec has no type for here. */
export function packagePurl(ecosystem: string, raw: string, version?: string): string | undefined {
  const type = PURL_TYPES[ecosystem];
  if (type === undefined || raw === '') return undefined;
  const at = version === undefined ? '' : `@${enc(version)}`;
  if (type === 'pypi') return `pkg:pypi/${enc(raw.toLowerCase().replace(/_/g, '-'))}${at}`;
  if (type === 'golang') {
    // A Go module path is namespace + name; each segment is encoded on its own.
    return `pkg:golang/${raw.split('/').map(enc).join('/')}${at}`;
  }
  const { group, name } = splitPackageName(type === 'maven' ? 'maven' : ecosystem, raw);
  return `pkg:${type}/${group === undefined ? '' : `${enc(group)}/`}${enc(name)}${at}`;
}

const EXACT = /^v?\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]+)?$/;

/**
 * The single exact version among a package's version strings (`==0.5.18`, `2.1.0`, `v1.3.0`), or
 * undefined when there is none or several different ones.
 */
export function exactVersion(versions: readonly string[]): string | undefined {
  const exact = new Set<string>();
  for (const raw of versions) {
    const v = raw.trim().replace(/^={1,3}\s*/, '');
    if (EXACT.test(v)) exact.add(v);
  }
  return exact.size === 1 ? [...exact][0] : undefined;
}

/** `pkg:huggingface/<org>/<name>` (no version: the scan never sees the commit hash). */
export function huggingFacePurl(hubId: string): string {
  const [org, name] = hubId.split('/');
  return `pkg:huggingface/${enc(org ?? '')}/${enc(name ?? '')}`;
}
