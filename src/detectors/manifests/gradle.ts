/**
 * build.gradle / build.gradle.kts: dependency declarations in Groovy and Kotlin DSL, comments
 * blanked first (so `// implementation(...)` is nothing). Read forms:
 * `implementation 'g:a:v'`, `implementation("g:a:v")`, `api`, `testImplementation`, ...;
 * `platform(...)`/`enforcedPlatform(...)` wrappers; map notation `group: 'g', name: 'a', version: 'v'`
 * (Groovy) and named arguments `group = "g", name = "a"` (Kotlin). Scopes from the configuration:
 * `implementation`/`api`/`runtimeOnly`/`compile` and source-set variants → `runtime`; test-ish source
 * sets and `developmentOnly` → `dev`; `compileOnly`/`annotationProcessor`/`kapt`/`ksp`/`classpath`
 * → `build`; a platform/BOM → `managed`. Version-catalog accessors (`libs.x`) are read from
 * `libs.versions.toml` instead; string interpolation stays as written (`$version`).
 */
import { blankComments, lineLocator } from './lines.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

const STRING_FORM = /\b([A-Za-z_]\w*)\s*\(?\s*(?:(platform|enforcedPlatform)\s*\(\s*)?(["'])([^"'\n]+)\3/g;
const MAP_FORM =
  /\b([A-Za-z_]\w*)\s*\(?\s*(?:(platform|enforcedPlatform)\s*\(\s*)?group\s*[:=]\s*(["'])([^"'\n]+)\3\s*,\s*name\s*[:=]\s*(["'])([^"'\n]+)\5(?:\s*,\s*version\s*[:=]\s*(["'])([^"'\n]+)\7)?/g;
const BASE_SCOPES: Readonly<Record<string, string>> = {
  implementation: 'runtime',
  api: 'runtime',
  compile: 'runtime',
  runtime: 'runtime',
  runtimeOnly: 'runtime',
  compileOnly: 'build',
  compileOnlyApi: 'build',
  annotationProcessor: 'build',
  kapt: 'build',
  ksp: 'build',
  classpath: 'build',
  developmentOnly: 'dev',
};
const SUFFIX = /^([a-z]\w*?)(Implementation|Api|CompileOnly|CompileOnlyApi|RuntimeOnly|AnnotationProcessor|Compile|Runtime)$/;

/** Parses a Gradle build script; a script cannot be "invalid" here, unreadable parts are skipped. */
export function parseGradle(content: string): ParseOutcome {
  const text = blankComments(content, '//', true);
  const lineAt = lineLocator(content);
  const entries: ManifestEntry[] = [];
  const push = (config: string, wrapper: string | undefined, name: string, version: string | undefined, offset: number): void => {
    const base = gradleScope(config);
    if (base === undefined) return;
    const scope = wrapper === undefined ? base : 'managed';
    entries.push({ ecosystem: 'maven', name, scope, line: lineAt(offset), ...(version ? { version } : {}) });
  };
  for (const m of text.matchAll(STRING_FORM)) {
    const parts = (m[4] ?? '').split(':');
    if (!m[1] || parts.length < 2 || !parts[0] || !parts[1]) continue;
    push(m[1], m[2], `${parts[0]}:${parts[1]}`, parts[2]?.replace(/@.*$/, ''), m.index);
  }
  for (const m of text.matchAll(MAP_FORM)) {
    if (!m[1] || !m[4] || !m[6]) continue;
    push(m[1], m[2], `${m[4]}:${m[6]}`, m[8], m.index);
  }
  entries.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { entries, problems: [] };
}

/** Scope of a configuration name; undefined when it is not a dependency configuration. */
export function gradleScope(config: string): string | undefined {
  const base = BASE_SCOPES[config];
  if (base !== undefined) return base;
  const match = SUFFIX.exec(config);
  if (!match?.[1] || !match[2]) return undefined;
  if (/test/i.test(match[1])) return 'dev';
  const suffix = match[2].charAt(0).toLowerCase() + match[2].slice(1);
  return BASE_SCOPES[suffix];
}
