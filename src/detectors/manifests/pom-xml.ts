/**
 * pom.xml (Maven): every `<dependency>` with a groupId and artifactId, named `group:artifact`.
 * Scopes: inside `<dependencyManagement>` or `<scope>import</scope>` → `managed` (a BOM or a version
 * pin, not a use); inside a build `<plugin>` → `build`; `<scope>test</scope>` → `dev`;
 * `<optional>true</optional>` → `optional`; otherwise (compile, runtime, provided, system) `runtime`.
 * Versions are kept as written (`${spring-ai.version}` is not resolved). `<exclusion>`s are not uses.
 */
import { child, childText, descendants, scanXml, type XmlElement } from './xml-scan.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

/** Parses a pom.xml; malformed XML is one problem, dependencies read before or around it are kept. */
export function parsePomXml(content: string): ParseOutcome {
  const { root, problem } = scanXml(content);
  const entries: ManifestEntry[] = [];
  for (const dep of descendants(root, 'dependency')) {
    const group = childText(dep, 'groupId');
    const artifact = childText(dep, 'artifactId');
    if (group === undefined || artifact === undefined) continue;
    const version = childText(dep, 'version');
    entries.push({
      ecosystem: 'maven',
      name: `${group}:${artifact}`,
      scope: pomScope(dep),
      line: child(dep, 'artifactId')?.line ?? dep.line,
      ...(version === undefined ? {} : { version }),
    });
  }
  return { entries, problems: problem ? [problem] : [] };
}

function pomScope(dep: XmlElement): string {
  if (hasAncestor(dep, 'dependencyManagement')) return 'managed';
  if (hasAncestor(dep, 'plugin')) return 'build';
  const scope = childText(dep, 'scope');
  if (scope === 'import') return 'managed';
  if (scope === 'test') return 'dev';
  if (childText(dep, 'optional') === 'true') return 'optional';
  return 'runtime';
}

function hasAncestor(element: XmlElement, name: string): boolean {
  for (let e = element.parent; e; e = e.parent) if (e.name === name) return true;
  return false;
}
