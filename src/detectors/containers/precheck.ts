/**
 * Cheap gates run before any parsing: most YAML files of a repository (CI workflows, app config)
 * name no catalog image, launcher, model flag, model env name or serving kind, and are dismissed
 * with one regex test. Also: file-name routing and a binary-content sniff.
 */
import { IMAGE_CATALOG, parseImageRef } from './catalog.ts';
import { LAUNCHERS, MODEL_ENV_NAMES, MODEL_FLAGS, SERVING_KINDS } from './catalog-commands.ts';
import { tooDeepAt } from './yaml-guard.ts';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Literal strings whose presence makes a file worth parsing (a superset gate, not a match). */
function literals(): string[] {
  const out: string[] = [];
  for (const entry of IMAGE_CATALOG) {
    // Whole repository paths: a last segment alone can be generic (`tensorflow/serving`, `.../release`).
    for (const image of entry.images) out.push((parseImageRef(image)?.path ?? image) + (entry.prefix ? '/' : ''));
    out.push(...(entry.charts ?? []));
  }
  for (const l of LAUNCHERS) {
    // `serve` alone is too common a word: Ray's CLI is matched with its subcommand below.
    if (l.program !== undefined && l.program !== 'serve') out.push(l.program);
    if (l.module !== undefined) out.push(l.module);
  }
  out.push(...MODEL_FLAGS.map((f) => f.flag), ...MODEL_ENV_NAMES.map((e) => e.name), ...SERVING_KINDS.map((k) => k.group ?? k.kind), 'ServingRuntime');
  // A token containing a shorter one adds nothing to the gate (`vllm-openai` after `vllm`).
  const unique = [...new Set(out)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return unique.filter((t, i) => !unique.slice(0, i).some((shorter) => t.includes(shorter)));
}

/** The catalog's literals, worked out once at load (the regex and the gate both take them). */
const CATALOG_LITERALS: readonly string[] = literals();

/**
 * True when the text names anything this detector could report. Case-sensitive on purpose (image
 * repositories are lower-case by spec, env names upper-case): twice as fast on multi-MB bundles.
 */
export const MENTIONS_CATALOG = new RegExp([...CATALOG_LITERALS.map(escape), `serve["',\\s]+(?:run|deploy)\\b`].join('|'));

/** The characters JavaScript's `\s` matches (a test holds this list to the regex). */
export const SPACE_CHARS: readonly string[] = [
  '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007',
  '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];

/**
 * What may follow `serve` in MENTIONS_CATALOG's `serve["',\s]+`: the quotes, the comma and every
 * character JavaScript's `\s` matches, so the gate holds `serve` + each (not `serve` alone: every
 * `server` would pass it, and then the whole text is searched for nothing).
 */
const SERVE_NEXT: readonly string[] = ['"', "'", ',', ...SPACE_CHARS];

/**
 * The detector's gate (`Detector.literals`): every MENTIONS_CATALOG match holds one of the catalog
 * literals or `serve`, and a Kubernetes object (the nesting guard) holds `apiVersion`.
 */
export const CONTAINER_LITERALS: readonly string[] = [...CATALOG_LITERALS, ...SERVE_NEXT.map((c) => `serve${c}`), 'apiVersion'];

/** A glob matching `word` in any letter case (roleOf's names are case-insensitive). */
const anyCase = (word: string): string => word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);

/**
 * Files ours by name (`OURS_BY_NAME`), as globs: the gate does not apply to them (`Detector.ungated`),
 * as the detector reads them whatever they name (a compose file's images may come from `.env`).
 * A superset of what `roleOf` puts in OURS_BY_NAME (a test holds the two together).
 */
export const OURS_BY_NAME_GLOBS: readonly string[] = [
  ...['dockerfile', 'containerfile'].flatMap((w) => [`**/${anyCase(w)}`, `**/${anyCase(w)}[._-]*`, `**/*.${anyCase(w)}`]),
  ...['yml', 'yaml'].flatMap((ext) => [`**/${anyCase('docker-compose')}*.${anyCase(ext)}`, `**/${anyCase('compose')}.${anyCase(ext)}`, `**/${anyCase('compose')}[._-]*.${anyCase(ext)}`]),
  '**/Chart.yaml',
  '**/Chart.yml',
];

/** Binary content (NUL bytes, or many undecodable sequences) in the first 8 KB. */
export function looksBinary(content: string): boolean {
  const head = content.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (let at = head.indexOf('\uFFFD'); at !== -1; at = head.indexOf('\uFFFD', at + 1)) bad++;
  return bad > 8 && bad > head.length / 100;
}

const NOT_DOCKERFILE = /\.(?:md|markdown|rst|adoc|txt|html?|json|sh|bash|ps1|py|go|js|ts|lock|sum|orig|bak|swp)$/i;

/** What a file name says about a file (`yaml`: decided by content). */
export type FileRole = 'dockerfile' | 'compose' | 'chart' | 'values' | 'yaml';

/** The role a file's name gives it; `yaml` files are classified by content later. */
export function roleOf(path: string): FileRole | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^(?:dockerfile|containerfile)(?:[._-].*)?$/i.test(name) || /\.(?:dockerfile|containerfile)$/i.test(name)) {
    // `Dockerfile.md`, `Dockerfile.sh`: docs and helper scripts next to a Dockerfile, not one.
    return NOT_DOCKERFILE.test(name) ? undefined : 'dockerfile';
  }
  if (!/\.ya?ml$/i.test(name)) return undefined;
  if (/^(?:docker-compose.*|compose(?:[._-].*)?)\.ya?ml$/i.test(name)) return 'compose';
  if (name === 'Chart.yaml' || name === 'Chart.yml') return 'chart';
  if (/^values(?:[._-].*)?\.ya?ml$/i.test(name)) return 'values';
  return 'yaml';
}

/** A Helm template (or other templated YAML under `templates/`). */
export function isTemplate(path: string, content: string): boolean {
  return (path.startsWith('templates/') || path.includes('/templates/')) && content.includes('{{');
}

/** Kubernetes objects: top-level `apiVersion:` and `kind:`. */
export function isKubernetes(content: string): boolean {
  return /^["']?apiVersion["']?[ \t]*:/m.test(content) && /^["']?kind["']?[ \t]*:/m.test(content);
}

/** A compose file under another name: top-level `services:` with `image:` or `build:` below. */
export function isComposeLike(content: string): boolean {
  return /^services[ \t]*:/m.test(content) && /^[ \t]+(?:image|build)[ \t]*:/m.test(content);
}

/** Files that are ours by name are read even when they name nothing in the catalogs (hostile shapes). */
export const OURS_BY_NAME: ReadonlySet<FileRole> = new Set(['dockerfile', 'compose', 'chart']);

/**
 * False when the detector would return null for this file without parsing it: a name that is not
 * ours, binary content in a YAML file, or no catalog mention in a file that is not a Kubernetes
 * object nested too deep either (`yaml-guard.ts`: such a file gets a diagnostic, unparsed). Light
 * on purpose: scan workers run it on every file (`src/detectors/prefilters.ts`).
 */
export function mayFindContainers(path: string, content: string): boolean {
  const step = triage(path, content);
  return step !== undefined && (step.next !== 'guard' || deepKubernetes(path, content, step.role) !== undefined);
}

/**
 * What the detector does with a file before any parse, decided once for the pre-check and the
 * detector alike: nothing (undefined), report binary content in a file ours by name (`binary`), run
 * only the nesting guard on a file naming nothing of the catalogs (`guard`), or read it (`read`).
 */
export function triage(path: string, content: string): { readonly role: FileRole; readonly next: 'binary' | 'guard' | 'read' } | undefined {
  const role = roleOf(path);
  if (role === undefined) return undefined;
  const ours = OURS_BY_NAME.has(role);
  if (looksBinary(content)) return ours ? { role, next: 'binary' } : undefined;
  if (ours) return { role, next: 'read' };
  if (shapeless(path, content, role)) return undefined;
  return { role, next: MENTIONS_CATALOG.test(content) ? 'read' : 'guard' };
}

/** The line where a plain Kubernetes YAML file nests too deep to parse (the nesting guard); undefined otherwise. */
export function deepKubernetes(path: string, content: string, role: FileRole): number | undefined {
  return role === 'yaml' && !isTemplate(path, content) && isKubernetes(content) ? tooDeepAt(content) : undefined;
}

/**
 * Plain YAML (not named like a chart's values) that is neither a Helm template, a Kubernetes object
 * nor compose-shaped: nothing in it is read whatever it names. Checked before the catalog search,
 * which costs ten times as much on the megabytes of a recorded HTTP cassette that happen to say `vllm`.
 */
export function shapeless(path: string, content: string, role: FileRole): boolean {
  return role === 'yaml' && !isTemplate(path, content) && !isKubernetes(content) && !isComposeLike(content);
}
